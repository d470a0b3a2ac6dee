"""Working with an open office database: all-or-nothing transactions that wait for another
writer, and low-level SQLite errors turned into messages a user can act on."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from engage.errors import StoreError

DEFAULT_BUSY_TIMEOUT_MS = 10_000


def busy_timeout_ms() -> int:
    """How long a write waits for another writer (ENGAGE_BUSY_TIMEOUT_MS, default 10 s)."""
    value = os.environ.get("ENGAGE_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else DEFAULT_BUSY_TIMEOUT_MS


def store_error(error: sqlite3.Error, path: str | Path | None = None) -> StoreError:
    """Turn a low-level SQLite error into a one-line message a user can act on."""
    text = str(error)
    where = f" ({path})" if path else ""
    if "locked" in text or "busy" in text:
        return StoreError(
            f"the database is busy: another engage process held it for more than "
            f"{busy_timeout_ms() / 1000:g} s{where}; try again"
        )
    if "not a database" in text or "malformed" in text:
        return StoreError(f"not an engage database or damaged{where}: {text}")
    if "full" in text:
        return StoreError(
            f"the disk is full{where}: nothing was written; free some space and try again"
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(
            f"cannot write the database{where}: its file or folder is read-only or missing; "
            "nothing was written (use a folder you can write to, or copy the database there)"
        )
    return StoreError(f"database error{where}: {text}")


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing write. Takes the write lock up front (BEGIN IMMEDIATE) so two
    processes writing at once wait for each other instead of failing; nests as a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise store_error(error) from error
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise store_error(error) from error


def database_file(db: sqlite_utils.Database) -> str:
    """The file behind ``db`` ('' for an in-memory database)."""
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return path or ""
    return ""
