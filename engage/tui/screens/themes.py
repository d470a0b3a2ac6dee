"""Themes: run theming in the background, then review the themes of the latest run —
keyphrases, size, quotes, who said it — and rename, merge, move a submission, mark one
unthemed, or hand-code a sample for the agreement check."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Select, Static

from engage.db.consultations import list_consultations
from engage.db.submissions import get_submission
from engage.db.theme_runs import latest_themed_consultation, list_runs, with_values
from engage.db.themes import list_themes, merge_themes, move_submission, rename_theme, theme_detail
from engage.models import other_language_note
from engage.tui.failures import FAILURES, attempt, failure, succeeded
from engage.tui.modals.theme_edits import (
    UNTHEMED,
    MergeThemesForm,
    MoveSubmissionForm,
    RenameThemeForm,
    ThemeRunForm,
)
from engage.tui.screens.base import ModeScreen, key
from engage.tui.screens.coding import CodingScreen
from engage.tui.widgets.charts import Bar, BarChart
from engage.tui.widgets.labels import clipped, escape, plain, select_value, shown
from engage.tui.widgets.tables import Column, FittedTable, highlighted_key
from engage.tui.widgets.theme_run import ThemeRunPanel, ThemesComputed, ThemingStopped

COLUMNS = (
    Column("#", keep=6),
    Column("theme", keep=9, flex=True, min_width=18),
    Column("size", keep=8),
    Column("share", keep=7),
    Column("sat.", keep=5),
)
BREAKDOWNS = (("partner_kind", "partner kind"), ("channel", "channel"), ("community", "community"))
EXAMPLE_COLUMNS = (
    Column("p", keep=3),
    Column("by", keep=2),
    Column("text (redacted)", keep=9, flex=True, min_width=20),
)
NO_CONSULTATION = "No consultation yet: open one first (c, then n), then import its feedback."


class ThemesLoaded(Message):
    """The latest run of a consultation and its themes were read, with the detail of the
    largest theme (the one highlighted first), read in the same trip."""

    def __init__(
        self, run: dict | None, themes: list[dict], unthemed: int, first: dict | None
    ) -> None:
        super().__init__()
        self.theme_run = run
        self.themes = themes
        self.unthemed = unthemed
        self.first = first


class ThemeDetailLoaded(Message):
    def __init__(self, theme: dict[str, Any]) -> None:
        super().__init__()
        self.theme = theme


def run_summary(run: dict | None, themes: list[dict], unthemed: int) -> str:
    if run is None:
        return "No theme run for this consultation yet: press g to run theming."
    stability = "n/a" if run["stability"] is None else f"{run['stability']:.2f}"
    summary = (
        f"run {run['id'][:8]} ({run['backend']}, seed {run['seed']}) · {run['n_docs']:,} "
        f"submissions · {unthemed:,} unthemed ({unthemed / max(run['n_docs'], 1):.0%}) · "
        f"stability {stability}"
    )
    params = run.get("params") or {}
    if other_language_note(params):  # the whole note is in the papers' method and the CLI
        summary += (
            f" · {params['n_other_language']:,} in {params['other_language']} placed by meaning"
        )
    return summary


def theme_cells(theme: dict[str, Any]) -> tuple[str, ...]:
    return (
        str(theme["number"]),
        theme["label"],
        f"{theme['size']:,}",
        f"{theme['share']:.0%}",
        shown(theme["mean_satisfaction"]),
    )


def example_cells(example: dict[str, Any]) -> tuple[str, ...]:
    probability = example["probability"]
    return (
        "–" if probability is None else f"{probability:.2f}",
        example["source"],
        example["text_redacted"],
    )


def theme_markup(theme: dict[str, Any]) -> str:
    lines = [
        f"[b]{theme['number']}. {escape(theme['label'])}[/b] — {theme['size']:,} submissions "
        f"({theme['share']:.0%}), mean satisfaction {shown(theme['mean_satisfaction'])}",
        *([escape(theme["description"])] if theme.get("description") else []),
        f"[i]{escape(', '.join(theme['keyphrases']))}[/i]",
        "",
        "[b u]Quotes (consented, redacted)[/b u]",
    ]
    lines += [f"  “{escape(clipped(q['text_redacted'], 200))}”" for q in theme["quotes"]] or [
        "  none consented"
    ]
    return "\n".join(lines)


class ThemesScreen(ModeScreen):
    """Review the themes of a consultation's latest run."""

    MODE = "themes"
    MAIN_TABLE = "#themes-table"
    AUTO_FOCUS = MAIN_TABLE
    BINDINGS = [
        key("g", "run_theming", "Run theming", "Run theming on a consultation (offline)"),
        key("x", "cancel_theming", "Cancel run", "Cancel the theming run"),
        key("e", "rename_theme", "Rename", "Rename the highlighted theme"),
        key("m", "merge_themes", "Merge", "Merge themes into the highlighted one"),
        key("v", "move_submission", "Move", "Move an example to another theme"),
        key("o", "mark_unthemed", "Unthemed", "Mark an example as unthemed (outlier)"),
        key("k", "code_sample", "Code", "Code a sample by hand (Cohen's kappa)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.theme_run: dict | None = None
        self.themes: list[dict[str, Any]] = []
        self.loaded_for: tuple[str | None, int] | None = None  # (consultation, data version)
        self.detail_for: str | None = None  # the theme whose detail was asked for
        self.first_detail: dict[str, Any] | None = None  # read with the themes

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="run-bar"):
            yield Select([], prompt="choose a consultation", compact=True, id="theme-consultation")
            yield Static("", id="run-summary")
        yield ThemeRunPanel(self.db, id="run-panel")
        with Horizontal(id="themes-body"):
            with Vertical(classes="list"):
                yield FittedTable(id="themes-table", zebra_stripes=True)
                yield Static("", id="empty-note", classes="empty-note")
            with Vertical(id="theme-side"):
                with VerticalScroll(id="theme-detail", classes="panel") as detail:
                    detail.border_title = "Theme"
                    yield Static("", id="theme-text")
                    for dimension, title in BREAKDOWNS:
                        yield Static(f"[b u]By {title}[/b u]", classes="chart-title")
                        yield BarChart(id=f"theme-by-{dimension}", classes="theme-breakdown")
                examples = FittedTable(id="theme-examples")
                examples.border_title = "Examples (v move, o unthemed)"
                yield examples

    def on_mount(self) -> None:
        self.query_one("#run-panel").display = False
        self.fill_consultations()

    def fill_consultations(self) -> None:
        consultations = list_consultations(self.db)
        latest = latest_themed_consultation(self.db)
        select = self.query_one("#theme-consultation", Select)
        chosen = select_value(select)
        select.set_options([(plain(clipped(c["title"], 30)), c["id"]) for c in consultations])
        ids = [c["id"] for c in consultations]
        if ids:
            select.value = next((c for c in (chosen, latest) if c in ids), ids[0])

    @property
    def consultation(self) -> str | None:
        return select_value(self.query_one("#theme-consultation", Select))

    def reload(self) -> None:
        if self.consultation is None:
            self.fill_consultations()  # one may have been opened since
        self.loaded_for = (self.consultation, self.engage.data_version)
        if self.consultation:
            self.load_themes(self.consultation)
        else:
            self.query_one("#run-summary", Static).update("")
            self.query_one(self.MAIN_TABLE, FittedTable).show(COLUMNS, [])
            self.show_empty(NO_CONSULTATION)
            self.show_theme(None)

    @on(Select.Changed, "#theme-consultation")
    def consultation_changed(self) -> None:
        if self.loaded_for != (self.consultation, self.engage.data_version):
            self.reload()  # (choosing the consultation on opening the mode loads it once)

    @work(thread=True, exclusive=True, group="themes")
    def load_themes(self, consultation: str) -> None:
        try:
            runs = list_runs(self.db, consultation)
            run = with_values(runs[0]) if runs else None
            themes = list_themes(self.db, run["id"]) if run else []
            unthemed = run["unthemed_now"] if run else 0  # counted by list_runs already
            first = theme_detail(self.db, themes[0]["id"], run["id"]) if themes else None
        except FAILURES as error:
            self.post_message(failure(error))
            return
        self.post_message(ThemesLoaded(run, themes, unthemed, first))

    def on_themes_loaded(self, message: ThemesLoaded) -> None:
        self.theme_run, self.themes = message.theme_run, message.themes
        self.detail_for = None
        self.first_detail = message.first
        self.query_one("#run-summary", Static).update(
            run_summary(message.theme_run, message.themes, message.unthemed)
        )
        rows = [(theme["id"], theme_cells(theme)) for theme in message.themes]
        self.query_one(self.MAIN_TABLE, FittedTable).show(COLUMNS, rows)
        empty = "" if rows else "No themes yet: press g to theme this consultation's feedback."
        self.show_empty(empty)
        self.show_theme(self.highlighted_theme())

    def highlighted_theme(self) -> dict[str, Any] | None:
        theme_id = self.highlighted_row()
        return next((t for t in self.themes if t["id"] == theme_id), None)

    @on(DataTable.RowHighlighted, "#themes-table")
    def theme_highlighted(self) -> None:
        self.show_theme(self.highlighted_theme())

    def show_theme(self, theme: dict[str, Any] | None) -> None:
        shown = theme is not None and self.theme_run is not None
        for part in self.query(".chart-title, .theme-breakdown, #theme-examples"):
            part.display = shown  # no empty charts where there is no theme to show
        if not shown:
            self.query_one("#theme-text", Static).update("")
            self.query_one("#theme-examples", FittedTable).show(EXAMPLE_COLUMNS, [])
            return
        if self.detail_for != theme["id"]:  # the table's first highlight asks again
            self.detail_for = theme["id"]
            first, self.first_detail = self.first_detail, None
            if first is not None and first["id"] == theme["id"]:
                self.show_detail(first)
            else:
                self.load_detail(theme["id"], self.theme_run["id"])

    @work(thread=True, exclusive=True, group="theme-detail")
    def load_detail(self, theme_id: str, run_id: str) -> None:
        try:
            self.post_message(ThemeDetailLoaded(theme_detail(self.db, theme_id, run_id)))
        except FAILURES as error:
            self.post_message(failure(error))

    def on_theme_detail_loaded(self, message: ThemeDetailLoaded) -> None:
        self.show_detail(message.theme)

    def show_detail(self, theme: dict[str, Any]) -> None:
        self.query_one("#theme-text", Static).update(theme_markup(theme))
        for dimension, _ in BREAKDOWNS:
            counts = theme["breakdown"].get(dimension, {}).get(theme["label"], {})
            self.query_one(f"#theme-by-{dimension}", BarChart).show(
                Bar(value, count) for value, count in counts.items()
            )
        rows = [(example["id"], example_cells(example)) for example in theme["examples"]]
        self.query_one("#theme-examples", FittedTable).show(EXAMPLE_COLUMNS, rows)

    # Running theming

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        running = self.query_one(ThemeRunPanel).running if self.is_mounted else False
        if action == "cancel_theming":
            return running
        if action == "run_theming":
            return not running
        return True

    def open_row(self, row_key: str) -> None:
        """A theme opens into its examples: pick one to move or mark unthemed."""
        examples = self.query_one("#theme-examples", FittedTable)
        if examples.row_count:
            examples.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "theme-examples":
            event.prevent_default()  # an example is moved, not opened as a theme
            self.action_move_submission()

    def action_run_theming(self) -> None:
        if not self.consultation:
            self.notify(NO_CONSULTATION, severity="warning")
            return
        self.app.push_screen(ThemeRunForm(self.db, self.consultation), self.theming_chosen)

    def theming_chosen(self, args: dict | None) -> None:
        if args:
            self.query_one(ThemeRunPanel).start(args)
            self.refresh_bindings()

    def action_cancel_theming(self) -> None:
        self.query_one(ThemeRunPanel).cancel()

    def on_themes_computed(self, message: ThemesComputed) -> None:
        self.notify("Theming finished: review the themes.", title="Themes computed")
        self.refresh_bindings()
        select = self.query_one("#theme-consultation", Select)
        if select.value != message.consultation:
            select.value = message.consultation
        self.changed()

    def on_theming_stopped(self, message: ThemingStopped) -> None:
        self.refresh_bindings()
        if message.problem:
            self.notify(message.problem, title="Theming failed", severity="error", timeout=10)
        else:
            self.notify("Theming cancelled; nothing was stored.", severity="warning")

    # Reviewing

    def theme_or_warn(self) -> dict[str, Any] | None:
        theme = self.highlighted_theme()
        if theme is None or self.theme_run is None:
            self.notify("No theme to edit: run theming first (g).", severity="warning")
        return theme

    def action_rename_theme(self) -> None:
        theme = self.theme_or_warn()
        if theme:
            self.app.push_screen(
                RenameThemeForm(theme["label"]), lambda label: self.rename(theme, label)
            )

    def rename(self, theme: dict[str, Any], label: str | None) -> None:
        if label and succeeded(
            self, rename_theme, self.db, self.theme_run["id"], theme["id"], label
        ):
            self.notify(f"Renamed to “{label}”.")
            self.changed()

    def action_merge_themes(self) -> None:
        theme = self.theme_or_warn()
        if theme:
            self.app.push_screen(
                MergeThemesForm(theme, self.themes), lambda choice: self.merge(theme, choice)
            )

    def merge(self, theme: dict[str, Any], choice: dict | None) -> None:
        if not choice:
            return
        refs = [theme["id"], *choice["others"]]
        if succeeded(self, merge_themes, self.db, self.theme_run["id"], refs, choice["label"]):
            merged = len(choice["others"])
            self.notify(f"Merged {merged} theme{'s' * (merged != 1)} into this one.")
            self.changed()

    def highlighted_example(self) -> str | None:
        """The submission picked in the examples list; only while that list has the focus,
        so that a key meant for the themes table never moves a submission."""
        examples = self.query_one("#theme-examples", DataTable)
        submission_id = highlighted_key(examples)
        if submission_id is None or self.theme_run is None or self.focused is not examples:
            self.notify("Tab to the examples and pick a submission first.", severity="warning")
            return None
        return submission_id

    def action_move_submission(self) -> None:
        submission_id = self.highlighted_example()
        theme = self.highlighted_theme()
        if submission_id:
            text = self.example_text(submission_id)
            self.app.push_screen(
                MoveSubmissionForm(self.themes, theme["id"] if theme else None, text),
                lambda target: self.move(submission_id, target),
            )

    def example_text(self, submission_id: str) -> str:
        row = attempt(self, get_submission, self.db, submission_id)
        return row["text_redacted"] if row else ""

    def move(self, submission_id: str, target: str | None) -> None:
        if target:
            self.reassign(submission_id, None if target == UNTHEMED else target)

    def action_mark_unthemed(self) -> None:
        submission_id = self.highlighted_example()
        if submission_id:
            self.reassign(submission_id, None)

    def reassign(self, submission_id: str, theme_id: str | None) -> None:
        if not succeeded(
            self, move_submission, self.db, self.theme_run["id"], submission_id, theme_id
        ):
            return
        where = "unthemed" if theme_id is None else "moved"
        self.notify(f"Submission {submission_id[:8]} {where}.")
        self.changed()

    def action_code_sample(self) -> None:
        if self.theme_or_warn():
            self.app.push_screen(
                CodingScreen(self.db, self.theme_run["id"], self.themes), lambda _: self.changed()
            )
