"""Dated touchpoints with a partner and the follow-ups they create."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records
from engage.models import INTERACTION_KINDS


def add_interaction(
    db: sqlite_utils.Database,
    partner: str,
    occurred_on: str,
    kind: str,
    summary: str,
    follow_up_due: str | None = None,
    follow_up_owner: str | None = None,
) -> dict[str, Any]:
    values = {
        "partner_id": records.resolve(db, "partners", partner),
        "occurred_on": validate.iso_date(occurred_on, "date")
        or validate.required_text(occurred_on, "date"),
        "kind": validate.choice(kind, INTERACTION_KINDS, "interaction kind"),
        "summary": validate.required_text(summary, "summary"),
        "follow_up_due": validate.iso_date(follow_up_due, "follow-up due date"),
        "follow_up_owner": follow_up_owner or None,
    }
    return records.insert(db, "interactions", values)


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
