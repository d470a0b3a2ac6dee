"""The office's own settings, kept in the database so that every copy of it (bundles, backups)
carries them: today the office's name."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage import validate
from engage.db import audit
from engage.db.connection import transaction
from engage.db.office import UNNAMED_OFFICE, office_is_named, office_name

# Tables whose rows do not carry the office they came from, or must never change.
UNSTAMPED = {"settings", "audit", "schema_migrations"}

__all__ = [
    "UNNAMED_OFFICE",
    "office_is_named",
    "office_name",
    "read_setting",
    "set_office",
    "write_setting",
]


def read_setting(db: sqlite_utils.Database, key: str) -> str | None:
    """The value of one setting (None if it was never set)."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def write_setting(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Set one setting, replacing its value (call it inside a transaction)."""
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])


def set_office(db: sqlite_utils.Database, name: str, restamp: bool = True) -> dict[str, Any]:
    """Name the office. Papers, bundles and the app read the name from here; with
    ``restamp``, rows stamped with the old name take the new one too (the audit log keeps
    what it recorded). Returns the old and new names and the rows restamped per table."""
    new = validate.required_text(name, "office name")
    old = office_name(db)
    restamped: dict[str, int] = {}
    with transaction(db):
        db.execute(
            "INSERT INTO settings (key, value) VALUES ('office', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [new],
        )
        if restamp and new != old:
            for table in _stamped_tables(db):
                count = db.execute(
                    f"UPDATE [{table}] SET office = ? WHERE office = ?", [new, old]
                ).rowcount
                if count:
                    restamped[table] = count
        audit.record(
            db,
            "rename_office",
            "settings",
            "office",
            {"from": old, "to": new, "restamped": restamped},
        )
    return {"old": old, "new": new, "restamped": restamped}


def _stamped_tables(db: sqlite_utils.Database) -> list[str]:
    return [
        table
        for table in db.table_names()
        if table not in UNSTAMPED
        and not table.startswith("submissions_fts")
        and "office" in db[table].columns_dict
    ]
