"""Creating, changing and finding rows the same way for every noun: global ids, timestamps,
the office stamp and an audit entry, all inside one transaction."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage.cells import strip_controls
from engage.db import audit
from engage.db.connection import transaction
from engage.db.office import office_name
from engage.errors import NotFound, UserError
from engage.ids import new_id, utc_now

MIN_PREFIX = 4

# Columns a user may type instead of an id, per table.
NAME_COLUMNS = {"partners": "name", "consultations": "title", "contacts": "name"}
# Rows a name no longer refers to (a removed partner's name may be registered again).
NAME_SCOPE = {"partners": " AND removed_at IS NULL"}


def new_row(db: sqlite_utils.Database, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (control characters removed from text) with a fresh id, the office and
    created/updated timestamps."""
    now = utc_now()
    return {
        "id": new_id(),
        **cleaned(values),
        "office": office_name(db),
        "created_at": now,
        "updated_at": now,
    }


def insert(db: sqlite_utils.Database, table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Insert one row and audit it; returns the stored row."""
    row = new_row(db, values)
    with transaction(db):
        db[table].insert(row)
        audit.record(db, "create", table, row["id"], _describe(row))
    return row


def update(
    db: sqlite_utils.Database, table: str, row_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change some columns of one row, auditing old and new values; returns the stored row."""
    with transaction(db):
        before = get(db, table, row_id)
        changed = {k: v for k, v in cleaned(changes).items() if before.get(k) != v}
        if changed:
            changed["updated_at"] = utc_now()
            db[table].update(row_id, changed)
            audit.record(
                db,
                "update",
                table,
                row_id,
                {
                    k: {"from": before.get(k), "to": v}
                    for k, v in changed.items()
                    if k != "updated_at"
                },
            )
        return get(db, table, row_id)


def cleaned(values: dict[str, Any]) -> dict[str, Any]:
    """Typed text as stored: without control characters (tabs and line breaks kept)."""
    return {k: strip_controls(v) if isinstance(v, str) else v for k, v in values.items()}


def get(db: sqlite_utils.Database, table: str, row_id: str) -> dict[str, Any]:
    rows = list(db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
    if not rows:
        raise UserError(f"no {_noun(table)} with id '{row_id}'")
    return rows[0]


def resolve(db: sqlite_utils.Database, table: str, ref: str, *, where: str = "") -> str:
    """The id a user meant by ``ref``: a full id, a unique id prefix (4+ characters), or
    (for partners and consultations) an exact name, ignoring case, or else a unique part
    of one ("hours review" for "Service centre hours review")."""
    ref = (ref or "").strip()
    noun = _noun(table)
    if not ref:
        raise UserError(f"give a {noun} id")
    extra = f" AND ({where})" if where else ""
    exact = db.execute(f"SELECT id FROM [{table}] WHERE id = ?{extra}", [ref]).fetchone()
    if exact:
        return exact[0]
    matches: list[str] = []
    if len(ref) >= MIN_PREFIX:
        matches = [
            r[0]
            for r in db.execute(
                f"SELECT id FROM [{table}] WHERE id LIKE ? ESCAPE '\\'{extra} LIMIT 3",
                [_like_prefix(ref)],
            )
        ]
    if not matches and table in NAME_COLUMNS:
        matches = _name_matches(db, table, "= ? COLLATE NOCASE", ref, extra)
        if not matches and len(ref) >= MIN_PREFIX:
            matches = _name_matches(db, table, "LIKE ? ESCAPE '\\'", _like_words(ref), extra)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"no {noun} matches '{ref}'", table)
    raise UserError(f"'{ref}' matches several {table}; give more of the id")


def _name_matches(db, table: str, condition: str, value: str, extra: str) -> list[str]:
    column = NAME_COLUMNS[table]
    return [
        r[0]
        for r in db.execute(
            f"SELECT id FROM [{table}] WHERE [{column}] {condition}"
            f"{NAME_SCOPE.get(table, '')}{extra} LIMIT 3",
            [value],
        )
    ]


def _like_words(ref: str) -> str:
    return "%" + _like_prefix(ref)


def _like_prefix(ref: str) -> str:
    return ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _noun(table: str) -> str:
    return {
        "partners": "partner",
        "consultations": "consultation",
        "sessions": "session",
        "submissions": "submission",
        "contacts": "contact",
        "interactions": "interaction",
    }.get(table, table.rstrip("s"))


def _describe(row: dict[str, Any]) -> dict[str, Any]:
    """What the audit keeps of a new row: its short fields, never long free text."""
    skip = {"id", "office", "created_at", "updated_at", "text_original", "raw_json"}
    return {
        k: v
        for k, v in row.items()
        if k not in skip and v is not None and not (isinstance(v, str) and len(v) > 120)
    }


def refuse_unknown(values: dict[str, Any], editable: tuple[str, ...], noun: str) -> None:
    """Refuse fields of a ``noun`` that are not among ``editable``, naming them."""
    unknown = set(values) - set(editable)
    if unknown:
        raise UserError(f"unknown {noun} field(s): {', '.join(sorted(unknown))}")
