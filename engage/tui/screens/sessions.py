"""Sessions: every engagement event with who came; log a new one from the keyboard and type
its submissions one after another."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from engage.tui.screens.base import ModeScreen, attempt, post_or_fail
from engage.tui.widgets.labels import clipped, escape, shown, words
from engage.tui.widgets.tables import fill_table, highlighted_key

COLUMNS = ("date", "kind", "channel", "community", "people", "partners", "subm.")


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
        clipped(shown(session["community"]), 14),
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
    ] or ["  none recorded"]
    return "\n".join(lines)


class SessionsScreen(ModeScreen):
    """Sessions, newest first."""

    MODE = "sessions"
    AUTO_FOCUS = "#sessions-table"
    BINDINGS = [
        ("n", "log_session", "Log session"),
        ("w", "type_submissions", "Type submissions"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal():
            yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="session-detail", classes="panel") as detail:
                detail.border_title = "Session"
                yield Static("", id="session-text")

    def reload(self) -> None:
        self.load_sessions()

    @work(thread=True, exclusive=True, group="sessions")
    def load_sessions(self) -> None:
        from engage.db.sessions import list_sessions

        post_or_fail(self, lambda: SessionsLoaded(list_sessions(self.db)))

    def on_sessions_loaded(self, message: SessionsLoaded) -> None:
        rows = [(session["id"], session_cells(session)) for session in message.sessions]
        fill_table(self.query_one("#sessions-table", DataTable), COLUMNS, rows)
        self.show_detail(self.highlighted_id())

    def highlighted_id(self) -> str | None:
        return highlighted_key(self.query_one("#sessions-table", DataTable))

    @on(DataTable.RowHighlighted, "#sessions-table")
    def session_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value)

    def show_detail(self, session_id: str | None) -> None:
        from engage.db.sessions import session_detail

        text = self.query_one("#session-text", Static)
        if session_id is None:
            text.update("No sessions yet: press n to log one.")
            return
        session = attempt(self, session_detail, self.db, session_id)
        if session:
            session["consultation"] = self.db.execute(
                "SELECT title FROM consultations WHERE id = ?", [session["consultation_id"]]
            ).fetchone()[0]
            text.update(session_markup(session))

    def action_log_session(self) -> None:
        from engage.tui.modals.session_form import SessionForm

        if not self.db.execute("SELECT 1 FROM consultations LIMIT 1").fetchone():
            self.notify(
                "Add a consultation first: engage consultations add TITLE", severity="error"
            )
            return
        self.app.push_screen(SessionForm(self.db), self.session_logged)

    def session_logged(self, session: dict | None) -> None:
        if session:
            self.notify(f"Session of {session['held_on']} logged.")
            self.changed()
            self.type_submissions(session["id"])

    def action_type_submissions(self) -> None:
        session_id = self.highlighted_id()
        if session_id is None:
            self.notify("No session yet: press n to log one.", severity="warning")
            return
        self.type_submissions(session_id)

    def type_submissions(self, session_id: str) -> None:
        from engage.db.sessions import session_detail
        from engage.tui.modals.submission_entry import SubmissionEntry

        session = attempt(self, session_detail, self.db, session_id)
        if session:
            self.app.push_screen(SubmissionEntry(self.db, session), self.submissions_typed)

    def submissions_typed(self, count: int | None) -> None:
        if count:
            self.notify(f"{count} submission(s) stored.")
            self.changed()
