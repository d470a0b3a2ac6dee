"""The app's database connections. Screens read through the app's connection (workers
included: their reads are short); long writers (theming, imports, papers) get a connection of
their own, so that their transaction never swallows an edit made meanwhile in the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def database_path(db: sqlite_utils.Database) -> str:
    """The file behind ``db`` ('' for an in-memory database)."""
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return path or ""
    return ""


def writer_connection(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """A second connection to the same database file (the same one if in memory)."""
    from engage.db import open_db

    path = database_path(db)
    return open_db(path, migrate=False) if path else db
