"""Log a session from the keyboard: consultation, date, kind, channel, community, attendance,
and which partners were invited and which attended."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList

from engage.models import CHANNELS, SESSION_KINDS
from engage.tui.modals.form import FormScreen, field, row
from engage.tui.widgets.labels import choices, plain


def consultation_choices(db) -> list[tuple[str, str]]:
    from engage.db.consultations import list_consultations

    return [(plain(c["title"]), c["id"]) for c in list_consultations(db)]


def partner_choices(db) -> list[tuple[str, str]]:
    return [
        (plain(name), pid)
        for pid, name in db.execute(
            "SELECT id, name FROM partners WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE"
        )
    ]


def whole_number(text: str, name: str) -> int | None:
    from engage.errors import UserError

    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise UserError(f"{name} must be a whole number (got '{text}')") from None


class SessionForm(FormScreen[dict]):
    """Returns the stored session row."""

    TITLE_TEXT = "Log a session"
    SAVE_LABEL = "Save, then type submissions"

    def __init__(self, db, today: str | None = None) -> None:
        super().__init__()
        self.db = db
        self.today = today or date.today().isoformat()

    def compose_fields(self) -> ComposeResult:
        consultations = consultation_choices(self.db)
        partners = partner_choices(self.db)
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
            field("Date", Input(self.today, placeholder="YYYY-MM-DD", id="held_on")),
            field("Kind", Select(choices(SESSION_KINDS), prompt="choose", id="kind")),
            field("Channel", Select(choices(CHANNELS), prompt="choose", id="channel")),
        )
        yield row(
            field("Community", Input(placeholder="place", id="community")),
            field("Location", Input(placeholder="venue or link", id="location")),
            field("Attendance", Input(type="integer", placeholder="people", id="attendance")),
        )
        yield row(
            field("Facilitator", Input(id="facilitator")),
            field("Accessibility notes", Input(id="accessibility_notes")),
        )
        yield row(
            field("Partners invited (space to tick)", SelectionList(*partners, id="invited")),
            field("Partners who attended", SelectionList(*partners, id="attended")),
        )

    def values(self) -> dict[str, Any]:
        return {
            "consultation": self.choice("#consultation"),
            "held_on": self.text("#held_on"),
            "kind": self.choice("#kind"),
            "channel": self.choice("#channel"),
            "community": self.text("#community") or None,
            "location": self.text("#location") or None,
            "facilitator": self.text("#facilitator") or None,
            "attendance": whole_number(self.text("#attendance"), "attendance"),
            "accessibility_notes": self.text("#accessibility_notes") or None,
            "invited": list(self.query_one("#invited", SelectionList).selected),
            "attended": list(self.query_one("#attended", SelectionList).selected),
        }

    def save(self) -> dict:
        from engage.db.sessions import log_session
        from engage.errors import UserError

        values = self.values()
        for key, noun in (
            ("consultation", "consultation"),
            ("kind", "kind"),
            ("channel", "channel"),
        ):
            if values[key] is None:
                raise UserError(f"choose the session's {noun}")
        return log_session(self.db, **values)
