"""Add or edit a contact: a person at a partner, how to reach them, and whether they consented
to their details being shared beyond the office."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input

from engage.db.contacts import ContactFields, add_contact, edit_contact
from engage.models import CHANNELS
from engage.tui.modals.fields import code_select, field, required_input, row
from engage.tui.modals.form import PartnerDetailForm

CONSENT_LABEL = "consents to being shared beyond the office"


class ContactForm(PartnerDetailForm):
    """Returns the stored contact."""

    PARTNER_MISSING = "choose the partner this person works for"

    def __init__(self, db, partner_id: str | None, contact: dict[str, Any] | None = None) -> None:
        super().__init__(db, partner_id, contact)
        self.TITLE_TEXT = f"Edit {self.record['name']}" if contact else "Add a contact"

    def detail_fields(self) -> ComposeResult:
        contact = self.record
        yield row(
            field("Name", required_input(contact.get("name"), "name", "contact name")),
            field("Role", Input(contact.get("role") or "", id="role")),
        )
        yield row(
            field("Email", Input(contact.get("email") or "", id="email")),
            field("Phone", Input(contact.get("phone") or "", id="phone")),
            field(
                "Prefers",
                code_select(CHANNELS, contact.get("preferred_channel"), "preferred_channel", "–"),
            ),
        )
        yield field(
            "Consent",
            Checkbox(CONSENT_LABEL, bool(contact.get("consent_to_share")), id="consent"),
        )

    def values(self) -> dict[str, Any]:
        return {
            "name": self.text("#name"),
            "role": self.text("#role"),
            "email": self.text("#email"),
            "phone": self.text("#phone"),
            "preferred_channel": self.choice("#preferred_channel"),
            "consent_to_share": self.query_one("#consent", Checkbox).value,
        }

    def add(self, partner_id: str, values: dict[str, Any]) -> dict:
        return add_contact(self.db, partner_id, ContactFields(**values))

    def edit(self, values: dict[str, Any]) -> dict:
        return edit_contact(self.db, self.record["id"], **values)
