"""Looking after the database file: online backup and health checks."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db.connection import busy_timeout_ms, store_error
from engage.db.opening import open_db
from engage.errors import DamagedDatabase, MissingChoice, PathTaken, StoreError, UserError


def backup(db: sqlite_utils.Database, target: str | Path, *, force: bool = False) -> Path:
    """Copy the live database to ``target`` through SQLite's online backup API, which is
    safe while another process writes (it restarts the copy on change). A damaged
    database is refused, and the copy is checked before it takes the target's place, so a
    good backup is never replaced by a bad one."""
    target = Path(target)
    if target.exists() and not force:
        raise PathTaken(f"{target} already exists")
    problem = damage(db)
    if problem:
        raise DamagedDatabase(
            f"the database is damaged ({problem}); no backup written — restore the last good backup"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        _copy_checked(db, partial, target)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _copy_checked(db: sqlite_utils.Database, partial: Path, target: Path) -> None:
    destination = sqlite3.connect(str(partial), timeout=busy_timeout_ms() / 1000)
    try:
        db.conn.backup(destination, pages=1024)
        destination.execute("PRAGMA journal_mode = DELETE")
        result = [row[0] for row in destination.execute("PRAGMA integrity_check")]
    except sqlite3.Error as error:
        raise store_error(error, target) from error
    finally:
        destination.close()
    if result != ["ok"]:
        raise UserError(f"the copy did not check out ({result[0]}); {target} was left as it was")


def damage(db: sqlite_utils.Database, schema: str = "main") -> str:
    """What is wrong with a database file, on one line ('' when nothing)."""
    try:
        result = [row[0] for row in db.execute(f"PRAGMA {schema}.quick_check")]
    except sqlite3.DatabaseError as error:
        return one_line(str(error))
    return "" if result == ["ok"] else one_line(result[0])


def one_line(detail: str) -> str:
    """SQLite's first finding, without its '*** in database main ***' heading."""
    lines = [line for line in detail.splitlines() if line.strip() and "***" not in line]
    return lines[0].strip() if lines else detail.strip()


def check(db: sqlite_utils.Database) -> dict[str, Any]:
    """Integrity, foreign keys and the full-text index. ``ok`` is False if anything failed;
    a file too damaged to read is reported, not raised."""
    try:
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
        foreign = [
            {"table": r[0], "rowid": r[1], "parent": r[2]}
            for r in db.execute("PRAGMA foreign_key_check")
        ]
    except sqlite3.DatabaseError as error:
        return {
            "ok": False,
            "integrity": [f"damaged: {error}"],
            "foreign_key_problems": [],
            "full_text_index": "not checked",
        }
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


def check_file(path: str | Path) -> dict[str, Any]:
    """Check the database file at ``path`` without changing it (no migration): a file
    that is not a database, or too damaged to open, is reported as such."""
    path = Path(path)
    if not path.is_file():
        raise MissingChoice(f"{path} does not exist", "database file")
    try:
        db = open_db(path, migrate=False)
    except StoreError as error:
        return {
            "ok": False,
            "integrity": [f"damaged: {error}"],
            "foreign_key_problems": [],
            "full_text_index": "not checked",
        }
    try:
        return check(db)
    finally:
        db.close()
