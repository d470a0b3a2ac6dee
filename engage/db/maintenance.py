"""Looking after the database file: online backup and health checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db.connection import busy_timeout_ms, store_error
from engage.errors import UserError


def backup(db: sqlite_utils.Database, target: str | Path, *, force: bool = False) -> Path:
    """Copy the live database to ``target`` through SQLite's online backup API, which is
    safe while another process writes (it restarts the copy on change)."""
    target = Path(target)
    if target.exists() and not force:
        raise UserError(f"{target} already exists; choose another path or use --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    destination = sqlite3.connect(str(partial), timeout=busy_timeout_ms() / 1000)
    try:
        db.conn.backup(destination, pages=1024)
    except sqlite3.Error as error:
        destination.close()
        partial.unlink(missing_ok=True)
        raise store_error(error, target) from error
    destination.execute("PRAGMA journal_mode = DELETE")
    destination.close()
    partial.replace(target)
    return target


def check(db: sqlite_utils.Database) -> dict[str, Any]:
    """Integrity, foreign keys and the full-text index. ``ok`` is False if anything failed."""
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
    foreign = [
        {"table": r[0], "rowid": r[1], "parent": r[2]}
        for r in db.execute("PRAGMA foreign_key_check")
    ]
    try:
        db.execute(
            "INSERT INTO submissions_fts (submissions_fts, rank) VALUES ('integrity-check', 1)"
        )
        fts = "ok"
    except sqlite3.DatabaseError as error:
        fts = str(error)
    return {
        "ok": integrity == ["ok"] and not foreign and fts == "ok",
        "integrity": integrity,
        "foreign_key_problems": foreign,
        "full_text_index": fts,
    }
