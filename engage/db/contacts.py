"""People at partner organisations. Personal data: it never leaves the office without the
person's consent to share."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records, tombstones
from engage.db.connection import transaction
from engage.models import CHANNELS
from engage.schema import Contact, editable, given_fields

EDITABLE = editable(Contact)


def clean_contact(values: dict[str, Any]) -> dict[str, Any]:
    """Validated contact fields; only the keys present in ``values`` are returned."""
    records.refuse_unknown(values, EDITABLE, "contact")
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            cleaned[key] = validate.required_text(value, "contact name")
        elif key == "preferred_channel":
            cleaned[key] = validate.optional_choice(value, CHANNELS, "preferred channel")
        elif key == "consent_to_share":
            cleaned[key] = int(bool(value))
        else:
            cleaned[key] = value.strip() if isinstance(value, str) and value.strip() else None
    return cleaned


# What a person gives for a new contact; the partner is named apart (id or name).
ContactFields = given_fields(Contact, "ContactFields")


def add_contact(db: sqlite_utils.Database, partner: str, contact: ContactFields) -> dict[str, Any]:
    values = clean_contact(asdict(contact))
    values["partner_id"] = records.resolve(db, "partners", partner)
    return records.insert(db, "contacts", values)


def set_consent(
    db: sqlite_utils.Database, ref: str, consent: bool, reason: str | None = None
) -> dict[str, Any]:
    """Record that a contact gave or withdrew consent to share their details. Withdrawn
    consent leaves a tombstone, so the next bundle makes the province forget the contact;
    consent given again lifts it."""
    contact_id = records.resolve(db, "contacts", ref)
    with transaction(db):
        contact = records.update(db, "contacts", contact_id, {"consent_to_share": int(consent)})
        if consent:
            tombstones.lift(db, "contacts", contact_id)
        else:
            tombstones.lay(db, "contacts", contact_id, reason or "consent to share withdrawn")
    return contact


def contact_names(db: sqlite_utils.Database, schema: str = "main") -> list[str]:
    """The names of the office's contacts: a perfect list of names to redact."""
    return [row[0] for row in db.execute(f"SELECT name FROM {schema}.contacts") if row[0]]


def edit_contact(db: sqlite_utils.Database, ref: str, **changes: Any) -> dict[str, Any]:
    """Change a contact's details or consent to share (audited). A change of consent goes
    through ``set_consent``, so that a withdrawal leaves its tombstone."""
    contact_id = records.resolve(db, "contacts", ref)
    cleaned = clean_contact(changes)
    consent = cleaned.pop("consent_to_share", None)
    with transaction(db):
        contact = records.update(db, "contacts", contact_id, cleaned) if cleaned else None
        if consent is not None:
            contact = set_consent(db, contact_id, bool(consent))
    return contact or records.get(db, "contacts", contact_id)
