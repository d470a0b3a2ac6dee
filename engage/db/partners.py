"""The partner register: organisations and groups the office works with."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlite_utils

from engage import validate
from engage.db import audit, records, tombstones
from engage.db.connection import transaction
from engage.errors import UserError
from engage.ids import utc_now
from engage.models import PARTNER_KINDS, RELATIONSHIPS, SHARING_LEVELS
from engage.privacy import shares_with
from engage.schema import Partner, editable

EDITABLE = editable(Partner)


def clean_partner(values: dict[str, Any]) -> dict[str, Any]:
    """Validated partner fields; only the keys present in ``values`` are returned."""
    checks = {
        "name": lambda v: validate.required_text(v, "name"),
        "kind": lambda v: validate.choice(v, PARTNER_KINDS, "kind"),
        "relationship": lambda v: validate.choice(v, RELATIONSHIPS, "relationship"),
        "sharing_consent": lambda v: validate.choice(v, SHARING_LEVELS, "sharing consent"),
        "influence": lambda v: validate.score(v, "influence"),
        "interest": lambda v: validate.score(v, "interest"),
    }
    records.refuse_unknown(values, EDITABLE, "partner")
    cleaned = {}
    for key, value in values.items():
        if key in checks:
            cleaned[key] = checks[key](value)
        else:
            cleaned[key] = value.strip() if isinstance(value, str) and value.strip() else None
    return cleaned


def add_partner(db: sqlite_utils.Database, **values: Any) -> dict[str, Any]:
    values.setdefault("relationship", "none")
    values.setdefault("sharing_consent", "internal")
    partner = clean_partner(values)
    if "kind" not in partner:
        raise UserError("a partner needs a kind: " + ", ".join(PARTNER_KINDS))
    existing = find_by_name(db, partner["name"])
    if existing:
        raise UserError(f"a partner named '{partner['name']}' already exists ({existing[:8]})")
    return records.insert(db, "partners", partner)


def edit_partner(db: sqlite_utils.Database, ref: str, **changes: Any) -> dict[str, Any]:
    """Change a partner. Consent withdrawn below provincial leaves a tombstone that the next
    bundle carries, so the province forgets the partner; consent given again lifts it."""
    partner_id = records.resolve(db, "partners", ref)
    cleaned = clean_partner(changes)
    existing = find_by_name(db, cleaned["name"]) if "name" in cleaned else None
    if existing and existing != partner_id:
        raise UserError(f"a partner named '{cleaned['name']}' already exists ({existing[:8]})")
    with transaction(db):
        before = records.get(db, "partners", partner_id)["sharing_consent"]
        partner = records.update(db, "partners", partner_id, cleaned)
        was, now = shares_beyond_office(before), shares_beyond_office(partner["sharing_consent"])
        if was and not now:
            tombstones.lay(db, "partners", partner_id, "data-sharing consent withdrawn")
        elif now:
            tombstones.lift(db, "partners", partner_id)
    return partner


def shares_beyond_office(consent: str) -> bool:
    """Whether a partner with this consent may leave the office in a bundle."""
    return shares_with(consent, "provincial")


def remove_partner(db: sqlite_utils.Database, ref: str) -> dict[str, Any]:
    """Take a partner off the register. Its history (sessions, submissions) keeps pointing
    at it, so the row stays, marked removed and hidden from lists."""
    partner_id = records.resolve(db, "partners", ref, where="removed_at IS NULL")
    with transaction(db):
        db["partners"].update(partner_id, {"removed_at": utc_now(), "updated_at": utc_now()})
        audit.record(db, "remove", "partners", partner_id)
    return records.get(db, "partners", partner_id)


def find_by_name(db: sqlite_utils.Database, name: str) -> str | None:
    row = db.execute(
        "SELECT id FROM partners WHERE name = ? COLLATE NOCASE AND removed_at IS NULL",
        [name.strip()],
    ).fetchone()
    return row[0] if row else None


def list_partners(
    db: sqlite_utils.Database, kind: str | None = None, search: str | None = None
) -> list[dict[str, Any]]:
    """Partners on the register with how often they were invited, attended and heard from."""
    where, params = ["p.removed_at IS NULL"], []
    if kind:
        where.append("p.kind = ?")
        params.append(validate.choice(kind, PARTNER_KINDS, "kind"))
    if search:
        where.append("(p.name LIKE ? OR p.community LIKE ? OR p.sector LIKE ?)")
        params += [f"%{search}%"] * 3
    sql = f"""
        SELECT p.*,
          (SELECT COUNT(*) FROM session_partners sp WHERE sp.partner_id = p.id AND sp.invited)
            AS sessions_invited,
          (SELECT COUNT(*) FROM session_partners sp WHERE sp.partner_id = p.id AND sp.attended)
            AS sessions_attended,
          (SELECT COUNT(*) FROM submissions s WHERE s.partner_id = p.id
             AND s.status = 'active') AS submissions
        FROM partners p WHERE {" AND ".join(where)} ORDER BY p.name COLLATE NOCASE"""
    return list(db.query(sql, params))


def partner_detail(db: sqlite_utils.Database, ref: str) -> dict[str, Any]:
    """One partner with its contacts, interaction timeline and sessions."""
    partner = records.get(db, "partners", records.resolve(db, "partners", ref))
    pid = partner["id"]
    partner["contacts"] = list(
        db.query("SELECT * FROM contacts WHERE partner_id = ? ORDER BY name", [pid])
    )
    partner["interactions"] = list(
        db.query("SELECT * FROM interactions WHERE partner_id = ? ORDER BY occurred_on DESC", [pid])
    )
    partner["sessions"] = list(
        db.query(
            """SELECT s.id, s.held_on, s.kind, s.channel, s.community, sp.invited, sp.attended
           FROM session_partners sp JOIN sessions s ON s.id = sp.session_id
           WHERE sp.partner_id = ? AND (sp.invited OR sp.attended)
           ORDER BY s.held_on""",
            [pid],
        )
    )
    partner["submissions"] = db.execute(
        "SELECT COUNT(*) FROM submissions WHERE partner_id = ? AND status = 'active'", [pid]
    ).fetchone()[0]
    return partner


def registered_ids_by_name(db: sqlite_utils.Database) -> dict[str, str]:
    """The id of each registered (not removed) partner by its name, lower-cased."""
    return {
        name.strip().lower(): partner_id
        for partner_id, name in db.execute("SELECT id, name FROM partners WHERE removed_at IS NULL")
    }


def registered_partners(
    db: sqlite_utils.Database, columns: Sequence[str]
) -> Iterator[dict[str, Any]]:
    """The ``columns`` of every registered (not removed) partner, by name, read as they are
    needed."""
    return db.query(
        f"SELECT {', '.join(columns)} FROM partners "
        "WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE"
    )
