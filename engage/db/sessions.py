"""Sessions: the engagement events of a consultation, and which partners came."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import sqlite_utils

from engage import validate
from engage.db import audit, records
from engage.db.connection import transaction
from engage.errors import UserError
from engage.models import CHANNELS, SESSION_KINDS
from engage.schema import Session, editable, given_fields

EDITABLE = editable(Session)


def clean_session(values: dict[str, Any]) -> dict[str, Any]:
    """Validated session fields; only the keys present in ``values`` are returned."""
    records.refuse_unknown(values, EDITABLE, "session")
    checks = {
        "held_on": _session_date,
        "kind": lambda v: validate.choice(v, SESSION_KINDS, "session kind"),
        "channel": lambda v: validate.choice(v, CHANNELS, "channel"),
        "attendance": lambda v: validate.non_negative(v, "attendance"),
    }
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key in checks:
            cleaned[key] = checks[key](value)
        else:
            cleaned[key] = value.strip() if isinstance(value, str) and value.strip() else None
    return cleaned


def _session_date(value: str | None) -> str:
    held = validate.iso_date(value, "session date")
    if not held:
        raise UserError("a session needs a date (YYYY-MM-DD)")
    return held


# What a person gives for a new session; the consultation is named apart (id or title).
SessionFields = given_fields(Session, "SessionFields")


def log_session(
    db: sqlite_utils.Database,
    consultation: str,
    session: SessionFields,
    invited: list[str] | None = None,
    attended: list[str] | None = None,
) -> dict[str, Any]:
    """Record one session; partners who attended count as invited too (each by id or name)."""
    values = clean_session(asdict(session))
    values = {"consultation_id": records.resolve(db, "consultations", consultation), **values}
    attended_ids = [records.resolve(db, "partners", ref) for ref in attended or []]
    invited_ids = [records.resolve(db, "partners", ref) for ref in invited or []]
    with transaction(db):
        stored = records.insert(db, "sessions", values)
        for partner_id in dict.fromkeys(invited_ids + attended_ids):
            records.insert(
                db,
                "session_partners",
                {
                    "session_id": stored["id"],
                    "partner_id": partner_id,
                    "invited": 1,
                    "attended": int(partner_id in attended_ids),
                },
            )
    return stored


def edit_session(
    db: sqlite_utils.Database,
    ref: str,
    *,
    invited: list[str] | None = None,
    attended: list[str] | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """Change a session's details and, when ``invited`` or ``attended`` is given, who was
    invited and who came (a partner who attended counts as invited). A partner taken off
    keeps its row, marked neither invited nor attended, so the change travels in bundles."""
    session_id = records.resolve(db, "sessions", ref)
    cleaned = clean_session(changes)
    with transaction(db):
        session = records.update(db, "sessions", session_id, cleaned)
        if invited is not None or attended is not None:
            attended_ids = [records.resolve(db, "partners", r) for r in attended or []]
            invited_ids = [records.resolve(db, "partners", r) for r in invited or []]
            _set_partners(db, session_id, set(invited_ids) | set(attended_ids), set(attended_ids))
    return session


def _set_partners(
    db: sqlite_utils.Database, session_id: str, invited: set[str], attended: set[str]
) -> None:
    links = {
        partner_id: link_id
        for link_id, partner_id in db.execute(
            "SELECT id, partner_id FROM session_partners WHERE session_id = ?", [session_id]
        )
    }
    for partner_id in sorted(invited | set(links)):
        flags = {"invited": int(partner_id in invited), "attended": int(partner_id in attended)}
        if partner_id in links:
            records.update(db, "session_partners", links[partner_id], flags)
        else:
            row = {"session_id": session_id, "partner_id": partner_id, **flags}
            records.insert(db, "session_partners", row)


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
    session["consultation"] = records.get(db, "consultations", session["consultation_id"])["title"]
    session["partners"] = list(
        db.query(
            """SELECT p.id, p.name, p.kind, sp.invited, sp.attended FROM session_partners sp
           JOIN partners p ON p.id = sp.partner_id
           WHERE sp.session_id = ? AND (sp.invited OR sp.attended)
           ORDER BY sp.attended DESC, p.name""",
            [session["id"]],
        )
    )
    session["submissions"] = db.execute(
        "SELECT COUNT(*) FROM submissions WHERE session_id = ? AND status = 'active'",
        [session["id"]],
    ).fetchone()[0]
    return session


def link_to_survey_waves(db: sqlite_utils.Database, import_id: str | None) -> None:
    """Put each answer of an import in the survey wave (a session on the 'survey' channel)
    that was open when it was received: the latest held on or before that day."""
    db.execute(
        """UPDATE submissions SET session_id = (
               SELECT s.id FROM sessions s WHERE s.consultation_id = submissions.consultation_id
               AND s.channel = 'survey' AND s.held_on <= substr(submissions.received_at, 1, 10)
               ORDER BY s.held_on DESC LIMIT 1)
           WHERE import_id = ?""",
        [import_id],
    )
