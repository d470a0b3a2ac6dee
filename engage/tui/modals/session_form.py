"""Log or edit a session from the keyboard: consultation, date, kind, channel, community,
attendance, and which partners were invited and which attended."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.validation import Integer
from textual.widgets import Input, Select, SelectionList, Static

from engage import validate
from engage.db.sessions import SessionFields, edit_session, log_session
from engage.errors import UserError
from engage.models import CHANNELS, SESSION_KINDS
from engage.tui.modals.fields import (
    code_select,
    consultation_choices,
    date_input,
    field,
    partner_choices,
    row,
    whole_number,
)
from engage.tui.modals.form import FormScreen
from engage.tui.widgets.labels import escape

TEXT_FIELDS = ("community", "location", "facilitator", "accessibility_notes")


class SessionForm(FormScreen[dict]):
    """Returns the stored session row."""

    def __init__(self, db, today: str, session: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.db = db
        self.today = today
        self.session = session or {}
        self.TITLE_TEXT = "Edit the session" if session else "Log a session"
        self.SAVE_LABEL = "Save" if session else "Save, then type submissions"

    def compose_fields(self) -> ComposeResult:
        s = self.session
        if s:
            yield Static(f"[i]{escape(s.get('consultation') or '')}[/i]", classes="hint")
        else:
            consultations = consultation_choices(self.db)
            yield field(
                "Consultation",
                Select(
                    consultations,
                    value=consultations[0][1] if consultations else Select.NULL,
                    prompt="choose a consultation",
                    id="consultation",
                ),
            )
        yield row(
            field("Date", date_input(s.get("held_on") or self.today, "held_on", "session date")),
            field("Kind", code_select(SESSION_KINDS, s.get("kind"), "kind", "choose")),
            field("Channel", code_select(CHANNELS, s.get("channel"), "channel", "choose")),
        )
        yield row(
            field(
                "Community", Input(s.get("community") or "", placeholder="place", id="community")
            ),
            field(
                "Location",
                Input(s.get("location") or "", placeholder="venue or link", id="location"),
            ),
            field("Attendance", self.attendance_input()),
        )
        yield row(
            field("Facilitator", Input(s.get("facilitator") or "", id="facilitator")),
            field(
                "Accessibility notes",
                Input(s.get("accessibility_notes") or "", id="accessibility_notes"),
            ),
        )
        yield row(*self.partner_lists())

    def attendance_input(self) -> Input:
        value = self.session.get("attendance")
        return Input(
            "" if value is None else str(value),
            type="integer",
            placeholder="people",
            validators=[Integer(minimum=0, failure_description="attendance is a count of people")],
            id="attendance",
        )

    def partner_lists(self) -> list:
        partners = partner_choices(self.db)
        linked = {p["id"]: p for p in self.session.get("partners", [])}
        invited = [(name, pid, bool(linked.get(pid, {}).get("invited"))) for name, pid in partners]
        attended = [
            (name, pid, bool(linked.get(pid, {}).get("attended"))) for name, pid in partners
        ]
        return [
            field("Partners invited (space to tick)", SelectionList(*invited, id="invited")),
            field("Partners who attended", SelectionList(*attended, id="attended")),
        ]

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: self.text(f"#{key}") or None for key in TEXT_FIELDS}
        values.update(
            held_on=self.text("#held_on"),
            kind=self.choice("#kind"),
            channel=self.choice("#channel"),
            attendance=whole_number(self.text("#attendance"), "attendance"),
            invited=list(self.query_one("#invited", SelectionList).selected),
            attended=list(self.query_one("#attended", SelectionList).selected),
        )
        return values

    def save(self) -> dict:
        values = self.values()
        for key in ("kind", "channel"):
            if values[key] is None:
                raise UserError(f"choose the session's {key}")
        validate.iso_date(values["held_on"], "session date")
        if self.session:
            return edit_session(self.db, self.session["id"], **values)
        consultation = self.choice("#consultation")
        if consultation is None:
            raise UserError("choose the session's consultation")
        invited, attended = values.pop("invited"), values.pop("attended")
        return log_session(self.db, consultation, SessionFields(**values), invited, attended)
