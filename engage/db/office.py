"""The office a database belongs to: its name, kept in the settings table and stamped on
every new row and audit entry."""

from __future__ import annotations

import sqlite_utils

UNNAMED_OFFICE = "Local office"


def office_name(db: sqlite_utils.Database) -> str:
    """The office this database belongs to (stamped on every new row)."""
    row = db.execute("SELECT value FROM settings WHERE key = 'office'").fetchone()
    return row[0] if row else UNNAMED_OFFICE


def office_is_named(db: sqlite_utils.Database) -> bool:
    """Whether someone has named the office (a new database is called 'Local office')."""
    return office_name(db) != UNNAMED_OFFICE
