"""Import a feedback file from the app, the way the CLI does: first a dry run that shows how
the columns were mapped, the counts and a redacted preview; only then, on request, the import.
Both run in a worker so a large file never freezes the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Select, Static

from engage.errors import UserError
from engage.models import CHANNELS
from engage.services.imports import ImportOptions, import_file
from engage.tui.failures import FAILURES, problem_text
from engage.tui.modals.fields import Check, consultation_choices, field, row, show_field_problem
from engage.tui.modals.form import make_compact
from engage.tui.store import writer_connection
from engage.tui.widgets.labels import choices, clipped, escape, select_value, shown
from engage.tui.widgets.tables import fill_table

PREVIEW_COLUMNS = ("row", "question", "text (redacted)", "sat.", "quote ok")


class ImportPreviewed(Message):
    """The dry run finished: ``report`` is what the import would do."""

    def __init__(self, report: Any) -> None:
        super().__init__()
        self.report = report


class ImportFinished(Message):
    """The import wrote its submissions."""

    def __init__(self, report: Any) -> None:
        super().__init__()
        self.report = report


class ImportFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def mapping_markup(report: Any) -> str:
    mapping = report.mapping
    lines = [f"[b]{escape(Path(report.file).name)}[/b]: {report.rows_read} rows read"]
    lines += [f"  {escape(repr(col))} → {fld}" for fld, col in mapping["fields"].items()]
    lines += [f"  {escape(repr(col))} → text" for col in mapping["text_columns"]]
    if mapping["unmapped"]:
        lines.append(f"  not used: {escape(', '.join(map(repr, mapping['unmapped'])))}")
    lines.append(
        f"[b]would add {report.new}[/b] submission(s); {report.already_present} already "
        f"imported; {report.blank_answers} blank answer(s); {len(report.bad_rows)} bad row(s)"
    )
    return "\n".join(lines)


def existing_file(text: str) -> None:
    """Refuses a path (typed so far) that names no file."""
    if text.strip() and not Path(text.strip()).expanduser().is_file():
        raise UserError("no file at that path yet")


class ImportScreen(ModalScreen[int]):
    """Returns how many submissions were added (0 or None when nothing was)."""

    AUTO_FOCUS = "#path"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "import_previewed", "Import"),
    ]

    def __init__(self, db, path: str = "") -> None:
        super().__init__()
        self.db = db
        self.path = path
        self.previewed: tuple | None = None

    def compose(self) -> ComposeResult:
        consultations = consultation_choices(self.db)
        with VerticalScroll(classes="form", id="import-form"):
            yield Static("Import a feedback file", classes="form-title")
            yield field(
                "File (CSV, XLSX, JSON or JSONL)",
                Input(self.path, validators=[Check(existing_file)], id="path"),
            )
            yield row(
                field(
                    "Into consultation",
                    Select(
                        consultations,
                        value=consultations[0][1] if consultations else Select.NULL,
                        prompt="choose",
                        id="consultation",
                    ),
                ),
                field(
                    "Channel of every row",
                    Select(choices(CHANNELS), prompt="as the file says", id="channel"),
                ),
            )
            yield Static("", id="form-error", classes="form-error")
            yield Static(
                "Enter previews the file: nothing is written until you import (ctrl+s).",
                id="mapping",
                classes="hint",
            )
            yield DataTable(id="preview", show_cursor=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Preview", id="preview-button", variant="primary")
                yield Button("Import", id="import-button", variant="success", disabled=True)

    def on_mount(self) -> None:
        make_compact(self)
        self.query_one("#preview", DataTable).display = False

    def choices_now(self) -> tuple[str, Any, Any]:
        return (
            self.query_one("#path", Input).value.strip(),
            select_value(self.query_one("#consultation", Select)),
            select_value(self.query_one("#channel", Select)),
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        show_field_problem(event)
        self.query_one("#import-button", Button).disabled = True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "preview-button":
            self.preview()
        elif event.button.id == "import-button":
            self.start_import()
        else:
            self.action_cancel()

    def preview(self) -> None:
        path, consultation, channel = self.choices_now()
        if not path or not consultation:
            self.failed("give a file and choose a consultation")
            return
        self.query_one("#mapping", Static).update("Reading the file…")
        self.run_import(path, consultation, channel, dry_run=True)

    def action_import_previewed(self) -> None:
        if self.query_one("#import-button", Button).disabled:
            self.failed("preview the file first (enter)")
            return
        self.start_import()

    def start_import(self) -> None:
        if self.previewed != self.choices_now():
            self.failed("the file or consultation changed: preview again first")
            return
        self.query_one("#import-button", Button).disabled = True
        self.query_one("#mapping", Static).update("Importing…")
        self.run_import(*self.previewed, dry_run=False)

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, path: str, consultation: str, channel: str | None, dry_run: bool) -> None:
        db = self.db if dry_run else writer_connection(self.db)
        try:
            report = import_file(
                db, path, consultation, ImportOptions(channel=channel, dry_run=dry_run)
            )
        except FAILURES as error:
            self.post_message(ImportFailed(problem_text(error)))
            return
        finally:
            if db is not self.db:
                db.close()
        self.post_message(ImportPreviewed(report) if dry_run else ImportFinished(report))

    def on_import_previewed(self, message: ImportPreviewed) -> None:
        report = message.report
        self.previewed = self.choices_now()
        self.query_one("#form-error", Static).update("")
        self.query_one("#mapping", Static).update(mapping_markup(report))
        rows = [
            (
                str(number),
                (
                    shown(draft["row"]),
                    clipped(draft["question"], 24),
                    clipped(draft["text"], 50),
                    shown(draft["satisfaction"]),
                    "yes" if draft["consent_to_quote"] else "no",
                ),
            )
            for number, draft in enumerate(report.preview)
        ]
        preview = self.query_one("#preview", DataTable)
        fill_table(preview, PREVIEW_COLUMNS, rows)
        preview.display = True
        self.query_one("#import-button", Button).disabled = report.new == 0

    def on_import_finished(self, message: ImportFinished) -> None:
        report = message.report
        self.notify(
            f"Imported {report.new} submission(s) from {Path(report.file).name}; "
            f"{report.already_present} were already there."
        )
        self.dismiss(report.new)

    def on_import_failed(self, message: ImportFailed) -> None:
        self.failed(message.text)
        self.query_one("#mapping", Static).update("")

    def failed(self, text: str) -> None:
        self.query_one("#form-error", Static).update(text)
        self.notify(text, title="Not imported", severity="error", timeout=8)

    def action_cancel(self) -> None:
        self.dismiss(None)
