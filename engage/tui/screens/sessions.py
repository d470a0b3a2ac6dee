"""Sessions: every engagement event with who came; log a new one from the keyboard and type
its submissions one after another, or open one (enter) to edit it and who was invited and
attended."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from engage.db.consultations import list_consultations
from engage.db.sessions import list_sessions, session_detail
from engage.tui.failures import attempt, post_or_fail
from engage.tui.modals.consultation_form import ConsultationForm
from engage.tui.modals.session_form import SessionForm
from engage.tui.modals.submission_entry import SubmissionEntry
from engage.tui.screens.base import ModeScreen, key
from engage.tui.widgets.labels import escape, shown, words
from engage.tui.widgets.tables import Column, FittedTable

COLUMNS = (
    Column("date", keep=9),
    Column("kind", keep=7),
    Column("channel", keep=5),
    Column("community", keep=6, flex=True, min_width=10),
    Column("people", keep=3),
    Column("partners", keep=2),
    Column("subm.", keep=4),
)
EMPTY = "No sessions yet: press n to log one, then type what was said."


class SessionsLoaded(Message):
    """The sessions were read from the database."""

    def __init__(self, sessions: list[dict[str, Any]]) -> None:
        super().__init__()
        self.sessions = sessions


def session_cells(session: dict[str, Any]) -> tuple[str, ...]:
    return (
        session["held_on"],
        words(session["kind"]),
        words(session["channel"]),
        shown(session["community"]),
        shown(session["attendance"]),
        f"{session['partners_attended']}/{session['partners_invited']}",
        str(session["submissions"]),
    )


def session_markup(session: dict[str, Any]) -> str:
    lines = [
        f"[b]{words(session['kind'])}[/b] on {session['held_on']} — {words(session['channel'])}",
        f"[i]{escape(session['consultation'])}[/i]",
        f"{escape(shown(session['community']))} · {escape(shown(session['location']))}",
        f"facilitator: {escape(shown(session['facilitator']))} · attendance: "
        f"{shown(session['attendance'])} · submissions: {session['submissions']}",
    ]
    if session["accessibility_notes"]:
        lines.append(f"accessibility: {escape(session['accessibility_notes'])}")
    lines += ["", "[b u]Partners[/b u]"]
    lines += [
        f"  {'✔ attended' if p['attended'] else '· invited '}  {escape(p['name'])} "
        f"({words(p['kind'])})"
        for p in session["partners"]
    ] or ["  none recorded (enter to edit)"]
    return "\n".join(lines)


class SessionsScreen(ModeScreen):
    """Sessions, newest first."""

    MODE = "sessions"
    MAIN_TABLE = "#sessions-table"
    AUTO_FOCUS = MAIN_TABLE
    BINDINGS = [
        key("n", "log_session", "Log session", "Log a session, then type what was said"),
        key("e", "edit_session", "Edit", "Edit the highlighted session and who came"),
        key("w", "type_submissions", "Type", "Type more submissions for the highlighted session"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="list-and-detail"):
            with Vertical(classes="list"):
                yield FittedTable(id="sessions-table", zebra_stripes=True)
                yield Static("", id="empty-note", classes="empty-note")
            with VerticalScroll(id="session-detail", classes="panel detail") as detail:
                detail.border_title = "Session"
                yield Static("", id="session-text")

    def reload(self) -> None:
        self.load_sessions()

    @work(thread=True, exclusive=True, group="sessions")
    def load_sessions(self) -> None:
        post_or_fail(self, lambda: SessionsLoaded(list_sessions(self.db)))

    def on_sessions_loaded(self, message: SessionsLoaded) -> None:
        rows = [(session["id"], session_cells(session)) for session in message.sessions]
        self.query_one(self.MAIN_TABLE, FittedTable).show(COLUMNS, rows)
        self.show_empty("" if rows else EMPTY)
        self.show_detail(self.highlighted_row())

    @on(DataTable.RowHighlighted, "#sessions-table")
    def session_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value)

    def show_detail(self, session_id: str | None) -> None:
        text = self.query_one("#session-text", Static)
        if session_id is None:
            text.update("A session is one engagement event of a consultation.")
            return
        session = attempt(self, session_detail, self.db, session_id)
        if session:
            text.update(session_markup(session))

    def action_log_session(self) -> None:
        if not list_consultations(self.db):
            self.notify("Open a consultation first: the session belongs to one.")
            self.app.push_screen(ConsultationForm(self.db), self.consultation_opened)
            return
        self.app.push_screen(SessionForm(self.db, self.today()), self.session_logged)

    def consultation_opened(self, consultation: dict | None) -> None:
        if consultation:
            self.changed()
            self.app.push_screen(SessionForm(self.db, self.today()), self.session_logged)

    def session_logged(self, session: dict | None) -> None:
        if session:
            self.notify(f"Session of {session['held_on']} logged.")
            self.changed()
            self.type_submissions(session["id"])

    def open_row(self, row_key: str) -> None:
        session = attempt(self, session_detail, self.db, row_key)
        if session:
            self.app.push_screen(SessionForm(self.db, self.today(), session), self.session_saved)

    def action_edit_session(self) -> None:
        session_id = self.highlighted_row()
        if session_id is None:
            self.notify("No session to edit: press n to log one.", severity="warning")
            return
        self.open_row(session_id)

    def session_saved(self, session: dict | None) -> None:
        if session:
            self.notify(f"Session of {session['held_on']} saved.")
            self.changed()

    def action_type_submissions(self) -> None:
        session_id = self.highlighted_row()
        if session_id is None:
            self.notify("No session yet: press n to log one.", severity="warning")
            return
        self.type_submissions(session_id)

    def type_submissions(self, session_id: str) -> None:
        session = attempt(self, session_detail, self.db, session_id)
        if session:
            self.app.push_screen(SubmissionEntry(self.db, session), self.submissions_typed)

    def submissions_typed(self, count: int | None) -> None:
        if count:
            self.notify(f"{count} submission(s) stored.")
            self.changed()
