"""Exporting partners and submissions to CSV, XLSX or JSON for people outside engage.

Submission text is exported redacted unless the original is asked for; withdrawn
submissions and removed partners are left out; contacts are never exported here.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db import records
from engage.errors import UserError

FORMATS = ("csv", "xlsx", "json")
SUBMISSION_COLUMNS = (
    "id",
    "consultation_id",
    "session_id",
    "partner_id",
    "organisation",
    "respondent_type",
    "community",
    "channel",
    "question",
    "received_at",
    "text_redacted",
    "pii_kinds",
    "consent_to_quote",
    "satisfaction",
    "source_file",
    "source_row",
    "office",
    "created_at",
    "updated_at",
)
PARTNER_COLUMNS = (
    "id",
    "name",
    "kind",
    "sector",
    "community",
    "region",
    "relationship",
    "influence",
    "interest",
    "sharing_consent",
    "notes",
    "office",
    "created_at",
    "updated_at",
)


def submission_rows(
    db: sqlite_utils.Database, consultation: str | None = None, show_original: bool = False
) -> list[dict[str, Any]]:
    columns = list(SUBMISSION_COLUMNS) + (["text_original"] if show_original else [])
    where, params = "status = 'active'", []
    if consultation:
        where += " AND consultation_id = ?"
        params.append(records.resolve(db, "consultations", consultation))
    sql = f"SELECT {', '.join(columns)} FROM submissions WHERE {where} ORDER BY seq"
    return list(db.query(sql, params))


def partner_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(
        db.query(
            f"SELECT {', '.join(PARTNER_COLUMNS)} FROM partners "
            "WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE"
        )
    )


def write_rows(
    rows: list[dict[str, Any]], columns: list[str], out: str | Path, fmt: str, force: bool = False
) -> Path:
    """Write ``rows`` to ``out`` as csv, xlsx or json; refuses to overwrite without force."""
    out = Path(out)
    if fmt not in FORMATS:
        raise UserError(f"format must be one of {', '.join(FORMATS)} (got '{fmt}')")
    if out.exists() and not force:
        raise UserError(f"{out} already exists; choose another path or use --force")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    {"csv": _write_csv, "xlsx": _write_xlsx, "json": _write_json}[fmt](rows, columns, partial)
    partial.replace(out)
    return out


def _write_csv(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def _write_json(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        json.dump(
            [{c: row.get(c) for c in columns} for row in rows], handle, ensure_ascii=False, indent=1
        )


def _write_xlsx(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("export")
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c) for c in columns])
    workbook.save(path)
