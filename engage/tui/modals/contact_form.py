"""Add or edit a contact: a person at a partner, how to reach them, and whether they consented
to their details being shared beyond the office."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from engage.db.contacts import add_contact, edit_contact
from engage.db.partners import list_partners
from engage.errors import UserError
from engage.models import CHANNELS
from engage.tui.modals.consultation_form import required_input
from engage.tui.modals.form import FormScreen, field, row
from engage.tui.widgets.labels import choices, plain

CONSENT_LABEL = "consents to being shared beyond the office"


def partner_select(db, chosen: str | None, field_id: str = "partner") -> Select:
    """The partners on the register, ``chosen`` selected."""
    partners = [(plain(p["name"]), p["id"]) for p in list_partners(db)]
    ids = {pid for _, pid in partners}
    return Select(
        partners,
        value=chosen if chosen in ids else Select.NULL,
        prompt="choose a partner",
        id=field_id,
    )


class ContactForm(FormScreen[dict]):
    """Returns the stored contact."""

    def __init__(self, db, partner_id: str | None, contact: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.db = db
        self.partner_id = partner_id
        self.contact = contact or {}
        self.TITLE_TEXT = f"Edit {self.contact['name']}" if contact else "Add a contact"

    def compose_fields(self) -> ComposeResult:
        contact = self.contact
        if not contact:
            yield field("Partner", partner_select(self.db, self.partner_id))
        yield row(
            field("Name", required_input(contact.get("name"), "name", "contact name")),
            field("Role", Input(contact.get("role") or "", id="role")),
        )
        yield row(
            field("Email", Input(contact.get("email") or "", id="email")),
            field("Phone", Input(contact.get("phone") or "", id="phone")),
            field(
                "Prefers",
                Select(
                    choices(CHANNELS),
                    value=contact.get("preferred_channel") or Select.NULL,
                    prompt="–",
                    id="preferred_channel",
                ),
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

    def save(self) -> dict:
        if self.contact:
            return edit_contact(self.db, self.contact["id"], **self.values())
        partner = self.choice("#partner")
        if partner is None:
            raise UserError("choose the partner this person works for")
        return add_contact(self.db, partner, **self.values())
