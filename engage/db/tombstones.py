"""Tombstones: what was withdrawn, when and why — never what it said.

A submission withdrawn by its author, a partner whose data-sharing consent no longer
reaches the province and a contact who withdrew consent each leave a tombstone (the
row's id, the date, the reason). Bundles carry the tombstones, and merging one makes
the provincial database forget the same rows.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage.db.office import office_name
from engage.ids import utc_now

TABLES = ("submissions", "partners", "contacts")


def lay(
    db: sqlite_utils.Database, table: str, row_id: str, reason: str | None, at: str | None = None
) -> str:
    """Record that ``row_id`` of ``table`` was withdrawn (caller holds the transaction);
    laying one again keeps the first date. Returns the date."""
    at = at or utc_now()
    db.execute(
        "INSERT INTO tombstones (table_name, id, withdrawn_at, reason, office, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (table_name, id) DO NOTHING",
        [table, row_id, at, reason or None, office_name(db), at, at],
    )
    return at


def lift(db: sqlite_utils.Database, table: str, row_id: str) -> None:
    """Forget a tombstone: the partner or contact consented again (caller holds the
    transaction). A submission's withdrawal is never lifted."""
    db.execute("DELETE FROM tombstones WHERE table_name = ? AND id = ?", [table, row_id])


def withdrawn_ids(db: sqlite_utils.Database, table: str, schema: str = "main") -> set[str]:
    return {
        row[0]
        for row in db.execute(f"SELECT id FROM {schema}.tombstones WHERE table_name = ?", [table])
    }


def list_tombstones(db: sqlite_utils.Database, table: str | None = None) -> list[dict[str, Any]]:
    """Tombstones, newest first (of one table if given)."""
    where, params = ("WHERE table_name = ?", [table]) if table else ("", [])
    return list(db.query(f"SELECT * FROM tombstones {where} ORDER BY withdrawn_at DESC", params))
