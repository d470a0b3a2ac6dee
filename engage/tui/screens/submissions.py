"""Submissions: browse any number of them a page at a time (never all in one widget), search
the redacted text as you type, filter, read one in full — redacted unless asked — type one in
(a letter, a call), import a file, or withdraw one at its author's request."""

from __future__ import annotations

import re
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from engage.db.submissions import (
    SubmissionFilter,
    count_submissions,
    get_submission,
    list_submissions,
    withdraw,
)
from engage.tui.failures import FAILURES, attempt, failure, succeeded
from engage.tui.modals.import_file import ImportScreen
from engage.tui.modals.submission_entry import SubmissionEntry
from engage.tui.modals.submission_view import SubmissionView, WithdrawForm
from engage.tui.screens.base import ModeScreen, key
from engage.tui.widgets.labels import escape, shown, words
from engage.tui.widgets.submission_filters import SubmissionFilters
from engage.tui.widgets.tables import Column, FittedTable

PAGE = 200
FIRST_PAGE = 60  # a new search or filter shows its first screenful sooner; then pages of PAGE
PREFETCH = 40  # load the next page when the cursor comes this close to the end
SEARCH_DELAY = 0.25  # seconds of quiet typing before searching
COLUMNS = (
    Column("date", keep=6, width=10),
    Column("channel", keep=5, width=9),
    Column("community", keep=3, width=12),
    Column("partner", keep=2, width=10),
    Column("quote", keep=4, width=5),
    Column("sat.", keep=4, width=4),
    Column("text (redacted)", keep=9, flex=True, min_width=32, width=1000),
)
EMPTY = (
    "No submissions yet: press i to import a file, n to type one in, or log a session "
    "(s, then n) and type what was said."
)
NO_MATCH = "No submission matches the search and filters."


class SubmissionsPageLoaded(Message):
    """One page of submissions for query ``generation`` was read."""

    def __init__(self, generation: int, offset: int, rows: list[dict[str, Any]]) -> None:
        super().__init__()
        self.generation = generation
        self.offset = offset
        self.rows = rows


class SubmissionsCounted(Message):
    """The number of submissions matching query ``generation`` was counted."""

    def __init__(self, generation: int, total: int) -> None:
        super().__init__()
        self.generation = generation
        self.total = total


def submission_cells(row: dict[str, Any]) -> tuple[str, ...]:
    return (
        (row["received_at"] or "–")[:10],
        words(row["channel"]) or "–",
        shown(row["community"]),
        words(row["partner_kind"]) or "–",
        "yes" if row["consent_to_quote"] else "no",
        shown(row["satisfaction"]),
        row["text_redacted"],
    )


def submission_markup(row: dict[str, Any], original: str | None = None) -> str:
    head = (
        f"[b]{row['id'][:8]}[/b] · {words(row['channel']) or '–'} · "
        f"{escape(shown(row['community']))} · {escape(shown(row.get('partner_name')))} · "
        f"quote: {'yes' if row['consent_to_quote'] else 'no'} · "
        f"satisfaction: {shown(row['satisfaction'])}"
    )
    if row.get("question"):
        head += f"\n[i]{escape(row['question'])}[/i]"
    if original is not None:
        return f"{head}\n[b reverse] ORIGINAL — personal information [/]\n{escape(original)}"
    return f"{head}\n{escape(row['text_redacted'])}"


class SubmissionsScreen(ModeScreen):
    """All submissions, a page at a time."""

    MODE = "submissions"
    MAIN_TABLE = "#submissions-table"
    AUTO_FOCUS = MAIN_TABLE
    BINDINGS = [
        key("slash", "focus_search", "Search", "Search the submissions as you type"),
        key("f", "focus_filters", "Filters", "Filter submissions (consultation, theme, ...)"),
        key("o", "show_original", "Original", "Show the original text of a submission"),
        key("n", "type_submission", "Type", "Type in a submission (a letter, a call ...)"),
        key("i", "import_file", "Import", "Import a file of feedback (preview first)"),
        key("w", "withdraw_submission", "Withdraw", "Withdraw the highlighted submission"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0
        self.query_args: dict[str, Any] = {}
        self.rows: dict[str, dict[str, Any]] = {}
        self.total: int | None = None
        self.fetching = False
        self.exhausted = False
        self.search_timer: Timer | None = None

    def compose_body(self) -> ComposeResult:
        yield Input(placeholder="/ search the redacted text as you type", compact=True, id="search")
        yield SubmissionFilters(self.db, id="filters")
        yield FittedTable(id="submissions-table", zebra_stripes=True)
        yield Static("", id="empty-note", classes="empty-note")
        yield Static("", id="submissions-status", classes="hint")
        with VerticalScroll(id="submission-detail", classes="panel") as detail:
            detail.border_title = "Submission"
            yield Static("", id="submission-text")

    def on_mount(self) -> None:
        table = self.query_one(self.MAIN_TABLE, FittedTable)
        table.show(COLUMNS, [])
        self.watch(table, "scroll_y", self.table_scrolled, init=False)

    def reload(self) -> None:
        self.start_query()

    # Querying: every change of search or filters starts a new generation from offset 0.

    def start_query(self) -> None:
        search = self.query_one("#search", Input).value.strip()
        words_typed = re.search(r"\w", search) is not None  # '!' alone searches nothing yet
        self.query_args = {
            **self.query_one(SubmissionFilters).filters,
            "search": search if words_typed else None,
        }
        self.generation += 1
        self.rows = {}
        self.total = None
        self.exhausted = False
        self.query_one(self.MAIN_TABLE, FittedTable).show(COLUMNS, [])
        self.show_status()
        self.load_page(self.generation, dict(self.query_args), 0, count=True)

    @work(thread=True, exclusive=True, group="submissions")
    def load_page(self, generation: int, args: dict[str, Any], offset: int, count: bool) -> None:
        self.fetching = True
        try:
            limit = FIRST_PAGE if offset == 0 else PAGE
            rows = list_submissions(self.db, SubmissionFilter(**args), limit=limit, offset=offset)
            self.post_message(SubmissionsPageLoaded(generation, offset, rows))
            if count:
                self.post_message(
                    SubmissionsCounted(
                        generation, count_submissions(self.db, SubmissionFilter(**args))
                    )
                )
        except FAILURES as error:
            self.post_message(failure(error))
        finally:
            self.fetching = False

    def on_submissions_page_loaded(self, message: SubmissionsPageLoaded) -> None:
        if message.generation != self.generation or message.offset != len(self.rows):
            return
        fresh = [row for row in message.rows if row["id"] not in self.rows]
        self.rows.update((row["id"], row) for row in fresh)
        table = self.query_one(self.MAIN_TABLE, FittedTable)
        table.append((row["id"], submission_cells(row)) for row in fresh)
        self.exhausted = len(message.rows) < (FIRST_PAGE if message.offset == 0 else PAGE)
        self.show_status()
        if message.offset == 0:
            self.show_empty("" if self.rows else NO_MATCH if self.filtered() else EMPTY)
            self.show_detail(self.highlighted_row())

    def on_submissions_counted(self, message: SubmissionsCounted) -> None:
        if message.generation == self.generation:
            self.total = message.total
            self.show_status()

    def show_status(self) -> None:
        total = "counting…" if self.total is None else f"{self.total:,}"
        more = "" if self.exhausted else " · pagedown or scroll for more"
        self.query_one("#submissions-status", Static).update(
            f" showing {len(self.rows):,} of {total}{more}"
        )

    def load_more(self) -> None:
        if self.fetching or self.exhausted or not self.rows:
            return
        self.fetching = True
        self.load_page(self.generation, dict(self.query_args), len(self.rows), count=False)

    def filtered(self) -> bool:
        return any(value is not None for value in self.query_args.values())

    def table_scrolled(self, scroll_y: float) -> None:
        table = self.query_one(self.MAIN_TABLE, FittedTable)
        if scroll_y >= table.max_scroll_y - PREFETCH // 2:
            self.load_more()

    # Search and filters

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        if self.search_timer is not None:
            self.search_timer.stop()
        self.search_timer = self.set_timer(SEARCH_DELAY, self.start_query)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.query_one(self.MAIN_TABLE).focus()

    @on(SubmissionFilters.Changed)
    def filters_changed(self) -> None:
        self.start_query()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#filter-consultation").focus()

    # The highlighted submission

    @on(DataTable.RowHighlighted, "#submissions-table")
    def submission_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value)
        if event.cursor_row >= event.data_table.row_count - PREFETCH:
            self.load_more()

    def show_detail(self, submission_id: str | None, original: str | None = None) -> None:
        text = self.query_one("#submission-text", Static)
        if submission_id is None or submission_id not in self.rows:
            text.update("")
            return
        text.update(submission_markup(self.rows[submission_id], original))

    def action_show_original(self) -> None:
        submission_id = self.highlighted_row()
        if submission_id is None:
            return
        row = attempt(self, get_submission, self.db, submission_id, show_original=True)
        if row:
            self.show_detail(submission_id, original=row["text_original"])

    def open_row(self, row_key: str) -> None:
        self.app.push_screen(
            SubmissionView(self.db, row_key), lambda choice: self.viewed(row_key, choice)
        )

    def viewed(self, submission_id: str, choice: str | None) -> None:
        if choice == "withdraw":
            self.ask_withdraw(submission_id)

    def action_withdraw_submission(self) -> None:
        submission_id = self.highlighted_row()
        if submission_id is None:
            self.notify("No submission to withdraw.", severity="warning")
            return
        self.ask_withdraw(submission_id)

    def ask_withdraw(self, submission_id: str) -> None:
        text = self.rows[submission_id]["text_redacted"] if submission_id in self.rows else ""
        self.app.push_screen(
            WithdrawForm(text), lambda reason: self.withdrawn(submission_id, reason)
        )

    def withdrawn(self, submission_id: str, reason: str | None) -> None:
        if reason is None:
            return
        if succeeded(self, withdraw, self.db, submission_id, reason or None):
            self.notify(f"Submission {submission_id[:8]} withdrawn.")
            self.changed()

    def action_type_submission(self) -> None:
        consultation = self.query_one(SubmissionFilters).filters["consultation"]
        entry = SubmissionEntry(self.db, consultation=consultation, today=self.today())
        self.app.push_screen(entry, self.submissions_typed)

    def submissions_typed(self, count: int | None) -> None:
        if count:
            self.notify(f"{count} submission(s) stored.")
            self.changed()

    def action_import_file(self) -> None:
        self.app.push_screen(ImportScreen(self.db), self.file_imported)

    def file_imported(self, added: int | None) -> None:
        if added:
            self.changed()
