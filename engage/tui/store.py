"""The app's database connections. Screens read through the app's connection (workers
included: their reads are short); long writers (theming, imports, papers) get a connection of
their own, so that their transaction never swallows an edit made meanwhile in the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engage.db import open_db
from engage.db.connection import database_file

if TYPE_CHECKING:
    import sqlite_utils


def database_path(db: sqlite_utils.Database) -> str:
    """The file behind ``db`` ('' for an in-memory database)."""
    return database_file(db)


def writer_connection(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """A second connection to the same database file (the same one if in memory)."""
    path = database_path(db)
    return open_db(path, migrate=False) if path else db
