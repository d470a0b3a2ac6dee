"""Adding partners (and a contact each) from a spreadsheet, all rows or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db import records
from engage.db.connection import transaction
from engage.db.contacts import ContactFields, add_contact
from engage.db.partners import EDITABLE, clean_partner, find_by_name
from engage.errors import DataError, EngageError
from engage.importers import read_table

CONTACT_COLUMNS = {
    "contact_name": "name",
    "contact_role": "role",
    "contact_email": "email",
    "contact_phone": "phone",
    "contact_preferred_channel": "preferred_channel",
    "contact_consent": "consent_to_share",
}
YES = {"yes", "y", "true", "1", "oui"}


def import_partners(
    db: sqlite_utils.Database, path: str | Path, dry_run: bool = False
) -> dict[str, Any]:
    """Register every partner in the file not registered yet (matched by name)."""
    frame = read_table(Path(path))
    columns = {c.strip().lower().replace(" ", "_"): c for c in frame.columns}
    if "name" not in columns or "kind" not in columns:
        raise DataError(
            f"{Path(path).name}: a partner file needs 'name' and 'kind' columns "
            f"(found: {', '.join(frame.columns)})"
        )
    rows = [
        {key: str(record[col]) for key, col in columns.items()}
        for record in frame.to_dict("records")
    ]
    partners, problems = _clean_rows(db, rows)
    if problems:
        raise DataError(f"{Path(path).name}: nothing was written — " + "; ".join(problems[:5]))
    report = {
        "added": len(partners),
        "contacts": sum(1 for _, c in partners if c),
        "already_registered": len(rows) - len(partners),
    }
    if not dry_run:
        with transaction(db):
            for partner, contact in partners:
                stored = records.insert(db, "partners", partner)
                if contact:
                    add_contact(db, stored["id"], ContactFields(**contact))
    return report


def _clean_rows(db: sqlite_utils.Database, rows: list[dict[str, str]]):
    partners, problems, seen = [], [], set()
    for number, row in enumerate(rows, start=1):
        name = row.get("name", "").strip()
        if not name or name.lower() in seen or find_by_name(db, name):
            continue
        seen.add(name.lower())
        try:
            values = {k: row[k] for k in EDITABLE if k in row and row[k].strip()}
            values.setdefault("relationship", "none")
            values.setdefault("sharing_consent", "internal")
            partners.append((clean_partner(values), _contact(row)))
        except EngageError as problem:
            problems.append(f"row {number}: {problem}")
    return partners, problems


def _contact(row: dict[str, str]) -> dict[str, Any] | None:
    contact = {field: row.get(col, "").strip() for col, field in CONTACT_COLUMNS.items()}
    if not contact["name"]:
        return None
    contact["consent_to_share"] = contact["consent_to_share"].lower() in YES
    return {k: v for k, v in contact.items() if v not in ("",)}
