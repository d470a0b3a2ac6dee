"""Opening an office database: pragmas, then its migrations.

Every database engage opens runs in WAL mode with foreign keys on and a busy
timeout, so that an officer's CLI and the TUI can write at the same time.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import sqlite_utils

from engage.db.connection import busy_timeout_ms, store_error
from engage.db.migrations import apply_migrations
from engage.errors import MissingChoice


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    path = Path(path)
    if path.is_dir():
        raise MissingChoice(f"{path} is a folder, not a database file", "database file")
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=busy_timeout_ms() / 1000, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        _set_pragmas(db)
        if migrate:
            apply_migrations(db)
    except sqlite3.DatabaseError as error:
        raise store_error(error, path) from error
    return db


def _set_pragmas(db: sqlite_utils.Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    db.execute("PRAGMA foreign_keys = ON")
    _enable_wal(db)
    db.execute("PRAGMA synchronous = NORMAL")


def _enable_wal(db: sqlite_utils.Database) -> None:
    """Switch to WAL, retrying within the busy timeout: when two processes open a new
    database at once, SQLite refuses the switch at once instead of waiting."""
    deadline = time.monotonic() + busy_timeout_ms() / 1000
    while db.journal_mode != "wal":
        try:
            db.enable_wal()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
