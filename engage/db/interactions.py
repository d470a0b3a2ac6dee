"""Dated touchpoints with a partner and the follow-ups they create."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records
from engage.errors import UserError
from engage.models import INTERACTION_KINDS
from engage.schema import Interaction, editable, given_fields

EDITABLE = editable(Interaction)


def clean_interaction(values: dict[str, Any]) -> dict[str, Any]:
    """Validated interaction fields; only the keys present in ``values`` are returned."""
    records.refuse_unknown(values, EDITABLE, "interaction")
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key == "occurred_on":
            cleaned[key] = validate.iso_date(value, "date") or validate.required_text(value, "date")
        elif key == "kind":
            cleaned[key] = validate.choice(value, INTERACTION_KINDS, "interaction kind")
        elif key == "summary":
            cleaned[key] = validate.required_text(value, "summary")
        elif key == "follow_up_due":
            cleaned[key] = validate.iso_date(value, "follow-up due date")
        elif key == "follow_up_done":
            cleaned[key] = int(bool(value))
        else:
            cleaned[key] = value.strip() if isinstance(value, str) and value.strip() else None
    return cleaned


# What a person gives for a new interaction; the partner is named apart (id or name), and
# a new interaction's follow-up is never done yet.
InteractionFields = given_fields(Interaction, "InteractionFields", leave_out=("follow_up_done",))


def add_interaction(
    db: sqlite_utils.Database, partner: str, interaction: InteractionFields
) -> dict[str, Any]:
    values = clean_interaction(asdict(interaction))
    values["partner_id"] = records.resolve(db, "partners", partner)
    return records.insert(db, "interactions", values)


def edit_interaction(db: sqlite_utils.Database, ref: str, **changes: Any) -> dict[str, Any]:
    """Change an interaction's date, kind, summary or follow-up (audited)."""
    interaction_id = records.resolve(db, "interactions", ref)
    return records.update(db, "interactions", interaction_id, clean_interaction(changes))


def set_follow_up_done(db: sqlite_utils.Database, ref: str, done: bool = True) -> dict[str, Any]:
    """Mark an interaction's follow-up done (or open again); audited like any change."""
    interaction_id = records.resolve(db, "interactions", ref)
    interaction = records.get(db, "interactions", interaction_id)
    if not interaction["follow_up_due"]:
        raise UserError("that interaction has no follow-up to mark")
    return records.update(db, "interactions", interaction_id, {"follow_up_done": int(done)})


def open_follow_ups(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Follow-ups not yet done, soonest first, with the partner's name."""
    return list(
        db.query(
            """SELECT i.*, p.name AS partner FROM interactions i
           JOIN partners p ON p.id = i.partner_id
           WHERE i.follow_up_due IS NOT NULL AND NOT i.follow_up_done
           ORDER BY i.follow_up_due"""
        )
    )


def due_follow_ups(db: sqlite_utils.Database, today: str) -> list[dict[str, Any]]:
    """Follow-ups not yet done whose due date is ``today`` (YYYY-MM-DD) or earlier, most
    overdue first, with the partner's name."""
    return [f for f in open_follow_ups(db) if f["follow_up_due"] <= today]


def interaction_partner(db: sqlite_utils.Database, ref: str) -> str:
    """The id of the partner an interaction was with."""
    return records.get(db, "interactions", records.resolve(db, "interactions", ref))["partner_id"]
