"""Sessions: the engagement events of a consultation, and which partners came."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage import validate
from engage.db import audit, records
from engage.db.connection import transaction
from engage.errors import UserError
from engage.models import CHANNELS, SESSION_KINDS


def log_session(
    db: sqlite_utils.Database,
    consultation: str,
    held_on: str,
    kind: str,
    channel: str,
    community: str | None = None,
    location: str | None = None,
    facilitator: str | None = None,
    attendance: int | None = None,
    accessibility_notes: str | None = None,
    invited: list[str] | None = None,
    attended: list[str] | None = None,
) -> dict[str, Any]:
    """Record one session; partners who attended count as invited too."""
    held = validate.iso_date(held_on, "session date")
    if not held:
        raise UserError("a session needs a date (YYYY-MM-DD)")
    values = {
        "consultation_id": records.resolve(db, "consultations", consultation),
        "held_on": held,
        "kind": validate.choice(kind, SESSION_KINDS, "session kind"),
        "channel": validate.choice(channel, CHANNELS, "channel"),
        "community": community or None,
        "location": location or None,
        "facilitator": facilitator or None,
        "attendance": validate.non_negative(attendance, "attendance"),
        "accessibility_notes": accessibility_notes or None,
    }
    attended_ids = [records.resolve(db, "partners", ref) for ref in attended or []]
    invited_ids = [records.resolve(db, "partners", ref) for ref in invited or []]
    with transaction(db):
        session = records.insert(db, "sessions", values)
        for partner_id in dict.fromkeys(invited_ids + attended_ids):
            records.insert(
                db,
                "session_partners",
                {
                    "session_id": session["id"],
                    "partner_id": partner_id,
                    "invited": 1,
                    "attended": int(partner_id in attended_ids),
                },
            )
    return session


def mark_attended(db: sqlite_utils.Database, session: str, partner: str) -> None:
    session_id = records.resolve(db, "sessions", session)
    partner_id = records.resolve(db, "partners", partner)
    with transaction(db):
        row = db.execute(
            "SELECT id FROM session_partners WHERE session_id = ? AND partner_id = ?",
            [session_id, partner_id],
        ).fetchone()
        if row:
            records.update(db, "session_partners", row[0], {"attended": 1})
        else:
            records.insert(
                db,
                "session_partners",
                {"session_id": session_id, "partner_id": partner_id, "invited": 1, "attended": 1},
            )
        audit.record(db, "attend", "sessions", session_id, {"partner_id": partner_id})


def list_sessions(
    db: sqlite_utils.Database, consultation: str | None = None, channel: str | None = None
) -> list[dict[str, Any]]:
    where, params = [], []
    if consultation:
        where.append("s.consultation_id = ?")
        params.append(records.resolve(db, "consultations", consultation))
    if channel:
        where.append("s.channel = ?")
        params.append(validate.choice(channel, CHANNELS, "channel"))
    sql = f"""
        SELECT s.*, c.title AS consultation,
          (SELECT COUNT(*) FROM session_partners sp WHERE sp.session_id = s.id
             AND sp.invited) AS partners_invited,
          (SELECT COUNT(*) FROM session_partners sp WHERE sp.session_id = s.id
             AND sp.attended) AS partners_attended,
          (SELECT COUNT(*) FROM submissions x WHERE x.session_id = s.id
             AND x.status = 'active') AS submissions
        FROM sessions s JOIN consultations c ON c.id = s.consultation_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY s.held_on DESC, s.created_at DESC"""
    return list(db.query(sql, params))


def session_detail(db: sqlite_utils.Database, ref: str) -> dict[str, Any]:
    session = records.get(db, "sessions", records.resolve(db, "sessions", ref))
    session["partners"] = list(
        db.query(
            """SELECT p.id, p.name, p.kind, sp.invited, sp.attended FROM session_partners sp
           JOIN partners p ON p.id = sp.partner_id WHERE sp.session_id = ?
           ORDER BY sp.attended DESC, p.name""",
            [session["id"]],
        )
    )
    session["submissions"] = db.execute(
        "SELECT COUNT(*) FROM submissions WHERE session_id = ? AND status = 'active'",
        [session["id"]],
    ).fetchone()[0]
    return session
