"""People at partner organisations. Personal data: it never leaves the office without the
person's consent to share."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records
from engage.errors import UserError
from engage.models import CHANNELS

EDITABLE = ("name", "role", "email", "phone", "preferred_channel", "consent_to_share")


def clean_contact(values: dict[str, Any]) -> dict[str, Any]:
    """Validated contact fields; only the keys present in ``values`` are returned."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise UserError(f"unknown contact field(s): {', '.join(sorted(unknown))}")
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
    values = clean_contact(
        {
            "name": name,
            "role": role,
            "email": email,
            "phone": phone,
            "preferred_channel": preferred_channel,
            "consent_to_share": consent_to_share,
        }
    )
    values["partner_id"] = records.resolve(db, "partners", partner)
    return records.insert(db, "contacts", values)


def edit_contact(db: sqlite_utils.Database, ref: str, **changes: Any) -> dict[str, Any]:
    """Change a contact's details or consent to share (audited)."""
    contact_id = records.resolve(db, "contacts", ref)
    return records.update(db, "contacts", contact_id, clean_contact(changes))
