"""The append-only audit log: who did what to which row, and when."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from engage.config import current_actor
from engage.db.office import office_name
from engage.ids import new_id, utc_now


def record(
    db: sqlite_utils.Database,
    action: str,
    table: str,
    row_id: str | None,
    details: dict[str, Any] | None = None,
) -> None:
    """Append one entry; call it inside the transaction of the change it describes."""
    db.execute(
        "INSERT INTO audit (id, at, actor, office, action, table_name, row_id, details) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            new_id(),
            utc_now(),
            current_actor(),
            office_name(db),
            action,
            table,
            row_id,
            json.dumps(details or {}, ensure_ascii=False, default=str),
        ],
    )


def entries(
    db: sqlite_utils.Database, table: str | None = None, row_id: str | None = None
) -> list[dict]:
    """Audit entries, newest first, optionally for one table or row."""
    where, params = [], []
    if table:
        where.append("table_name = ?")
        params.append(table)
    if row_id:
        where.append("row_id = ?")
        params.append(row_id)
    sql = "SELECT * FROM audit" + (" WHERE " + " AND ".join(where) if where else "")
    return list(db.query(sql + " ORDER BY at DESC", params))
