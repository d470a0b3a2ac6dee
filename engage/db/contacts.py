"""People at partner organisations. Personal data: it never leaves the office without the
person's consent to share."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records, tombstones
from engage.db.connection import transaction
from engage.models import CHANNELS


def add_contact(
    db: sqlite_utils.Database,
    partner: str,
    name: str,
    role: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    preferred_channel: str | None = None,
    consent_to_share: bool = False,
) -> dict[str, Any]:
    values = {
        "partner_id": records.resolve(db, "partners", partner),
        "name": validate.required_text(name, "contact name"),
        "role": role or None,
        "email": email or None,
        "phone": phone or None,
        "preferred_channel": validate.optional_choice(
            preferred_channel, CHANNELS, "preferred channel"
        ),
        "consent_to_share": int(bool(consent_to_share)),
    }
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
