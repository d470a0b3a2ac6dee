"""Consultations: the questions an office puts to the public, open for a period."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from engage import validate
from engage.db import records
from engage.errors import UserError
from engage.models import CONSULTATION_STATUSES
from engage.schema import Consultation, editable

EDITABLE = editable(Consultation)
DATE_NAMES = {"opens_on": "opening date", "closes_on": "closing date"}


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsultationFields:
    """What a person gives to open a consultation: its questions as a list (stored as JSON)."""

    title: str
    purpose: str | None = None
    program: str | None = None
    questions: Sequence[str] | None = None
    opens_on: str | None = None
    closes_on: str | None = None
    status: str = "open"


def add_consultation(db: sqlite_utils.Database, consultation: ConsultationFields) -> dict[str, Any]:
    values = clean_consultation(asdict(consultation))
    check_dates(values["opens_on"], values["closes_on"])
    return records.insert(db, "consultations", values)


def clean_consultation(values: dict[str, Any]) -> dict[str, Any]:
    """Validated consultation fields (only the keys present in ``values``), questions as
    stored (a JSON list)."""
    records.refuse_unknown(values, EDITABLE, "consultation")
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key == "title":
            cleaned[key] = validate.required_text(value, "title")
        elif key in ("opens_on", "closes_on"):
            cleaned[key] = validate.iso_date(value, DATE_NAMES[key])
        elif key == "status":
            cleaned[key] = validate.choice(value, CONSULTATION_STATUSES, "status")
        elif key == "questions":
            cleaned[key] = json.dumps([q.strip() for q in value or [] if q and q.strip()])
        else:
            cleaned[key] = value.strip() if isinstance(value, str) and value.strip() else None
    return cleaned


def check_dates(opens: str | None, closes: str | None) -> None:
    """A consultation closes on or after the day it opens."""
    if opens and closes and closes < opens:
        raise UserError(f"the closing date {closes} is before the opening date {opens}")


def edit_consultation(db: sqlite_utils.Database, ref: str, **changes: Any) -> dict[str, Any]:
    """Change a consultation's title, purpose, program, questions, dates or status."""
    consultation_id = resolve_consultation(db, ref)
    cleaned = clean_consultation(changes)
    current = records.get(db, "consultations", consultation_id)
    check_dates(
        cleaned.get("opens_on", current["opens_on"]), cleaned.get("closes_on", current["closes_on"])
    )
    return records.update(db, "consultations", consultation_id, cleaned)


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


def consultation_title(db: sqlite_utils.Database, consultation_id: str) -> str:
    return records.get(db, "consultations", consultation_id)["title"]
