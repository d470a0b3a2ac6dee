"""Open or edit a consultation: its title, purpose, program, the questions put to the public
(one per line), when it opens and closes, and its status."""

from __future__ import annotations

import json
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from engage.db.consultations import ConsultationFields, add_consultation, edit_consultation
from engage.models import CONSULTATION_STATUSES
from engage.tui.modals.fields import date_input, field, required_input, row
from engage.tui.modals.form import FormScreen
from engage.tui.widgets.labels import choices


class ConsultationForm(FormScreen[dict]):
    """Returns the stored consultation."""

    def __init__(self, db, consultation: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.db = db
        self.consultation = consultation or {}
        self.TITLE_TEXT = (
            f"Edit {self.consultation['title']}" if consultation else "Open a consultation"
        )

    def compose_fields(self) -> ComposeResult:
        c = self.consultation
        yield field(
            "Title",
            required_input(c.get("title"), "title", "title", "e.g. Service centre hours review"),
        )
        yield field(
            "Purpose (why the office is asking)", Input(c.get("purpose") or "", id="purpose")
        )
        yield row(
            field(
                "Program",
                Input(c.get("program") or "", placeholder="service area", id="program"),
            ),
            field("Opens", date_input(c.get("opens_on"), "opens_on", "opening date")),
            field("Closes", date_input(c.get("closes_on"), "closes_on", "closing date")),
            field(
                "Status",
                Select(
                    choices(CONSULTATION_STATUSES),
                    value=c.get("status") or "open",
                    allow_blank=False,
                    id="status",
                ),
            ),
        )
        yield field(
            "Questions put to the public (one per line)",
            TextArea("\n".join(self.questions()), id="questions"),
        )

    def questions(self) -> list[str]:
        stored = self.consultation.get("questions") or []
        return json.loads(stored) if isinstance(stored, str) else list(stored)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.text("#title"),
            "purpose": self.text("#purpose"),
            "program": self.text("#program"),
            "opens_on": self.text("#opens_on") or None,
            "closes_on": self.text("#closes_on") or None,
            "status": self.choice("#status"),
            "questions": self.query_one("#questions", TextArea).text.splitlines(),
        }

    def save(self) -> dict:
        values = self.values()
        if self.consultation:
            return edit_consultation(self.db, self.consultation["id"], **values)
        return add_consultation(self.db, ConsultationFields(**values))
