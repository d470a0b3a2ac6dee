"""Consultations: the questions an office puts to the public, open for a period."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records
from engage.errors import UserError
from engage.models import CONSULTATION_STATUSES


def add_consultation(
    db: sqlite_utils.Database,
    title: str,
    purpose: str | None = None,
    program: str | None = None,
    questions: list[str] | None = None,
    opens_on: str | None = None,
    closes_on: str | None = None,
    status: str = "open",
) -> dict[str, Any]:
    opens = validate.iso_date(opens_on, "opening date")
    closes = validate.iso_date(closes_on, "closing date")
    if opens and closes and closes < opens:
        raise UserError(f"the closing date {closes} is before the opening date {opens}")
    values = {
        "title": validate.required_text(title, "title"),
        "purpose": purpose or None,
        "program": program or None,
        "questions": json.dumps([q.strip() for q in questions or [] if q.strip()]),
        "opens_on": opens,
        "closes_on": closes,
        "status": validate.choice(status, CONSULTATION_STATUSES, "status"),
    }
    return records.insert(db, "consultations", values)


def resolve_consultation(db: sqlite_utils.Database, ref: str) -> str:
    return records.resolve(db, "consultations", ref)


def list_consultations(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(
        db.query(
            """SELECT c.*,
             (SELECT COUNT(*) FROM sessions s WHERE s.consultation_id = c.id) AS sessions,
             (SELECT COUNT(*) FROM submissions s WHERE s.consultation_id = c.id
                AND s.status = 'active') AS submissions
           FROM consultations c ORDER BY c.opens_on DESC, c.created_at DESC"""
        )
    )


def consultation_detail(db: sqlite_utils.Database, ref: str) -> dict[str, Any]:
    """One consultation with its questions, participation by channel and counts."""
    consultation = records.get(db, "consultations", resolve_consultation(db, ref))
    cid = consultation["id"]
    consultation["questions"] = json.loads(consultation["questions"] or "[]")
    consultation["sessions"] = db.execute(
        "SELECT COUNT(*) FROM sessions WHERE consultation_id = ?", [cid]
    ).fetchone()[0]
    consultation["submissions_by_channel"] = dict(
        db.execute(
            """SELECT COALESCE(channel, 'unknown'), COUNT(*) FROM submissions
           WHERE consultation_id = ? AND status = 'active' GROUP BY 1 ORDER BY 2 DESC""",
            [cid],
        ).fetchall()
    )
    consultation["submissions"] = sum(consultation["submissions_by_channel"].values())
    consultation["withdrawn"] = db.execute(
        "SELECT COUNT(*) FROM submissions WHERE consultation_id = ? AND status = 'withdrawn'", [cid]
    ).fetchone()[0]
    return consultation
