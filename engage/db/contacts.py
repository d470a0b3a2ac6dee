"""People at partner organisations. Personal data: it never leaves the office without the
person's consent to share."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records
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
