"""Exporting partners and submissions to CSV, XLSX or JSON for people outside engage.

Submission text is exported redacted unless the original is asked for, and every other
typed text (organisation names as typed, partner notes) is redacted too; withdrawn
submissions and removed partners are left out; contacts are never exported here. Cells
never become formulas (XLSX: string cells; CSV: an apostrophe before text that would
start one) and hold no control characters. The file is written in a private temporary
folder and put in place in one step.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.bundle_files import place, private_folder
from engage.cells import csv_value, export_value, starts_formula
from engage.db import records, submissions
from engage.db.contacts import contact_names
from engage.db.partners import registered_partners
from engage.db.submissions import active_submissions
from engage.errors import PathTaken, UserError
from engage.privacy import Redactor
from engage.schema import BOOKKEEPING, Partner, columns

FORMATS = ("csv", "xlsx", "json")
KEPT_IN_THE_DATABASE = ("import_id", "source_key", "status")
# What an export of submissions holds: the redacted text, never the text as given, the raw
# source row or how the office tracks imports and withdrawals.
SUBMISSION_COLUMNS = tuple(
    name
    for name in submissions.COLUMNS
    if name not in (*submissions.PRIVATE_COLUMNS, *KEPT_IN_THE_DATABASE)
)
PARTNER_COLUMNS = ("id", *columns(Partner), *BOOKKEEPING)


def submission_rows(
    db: sqlite_utils.Database, consultation: str | None = None, show_original: bool = False
) -> list[dict[str, Any]]:
    columns = list(SUBMISSION_COLUMNS) + (["text_original"] if show_original else [])
    consultation_id = records.resolve(db, "consultations", consultation) if consultation else None
    return redacted(db, active_submissions(db, columns, consultation_id), SUBMISSION_FREE_TEXT)


def partner_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return redacted(db, registered_partners(db, PARTNER_COLUMNS), PARTNER_FREE_TEXT)


# Typed free text that leaves only redacted (the office's contacts count as names).
SUBMISSION_FREE_TEXT = ("text_redacted", "organisation", "source_file")
PARTNER_FREE_TEXT = ("notes",)


def redacted(db: sqlite_utils.Database, rows, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """``rows`` with the free text of ``columns`` redacted."""
    redactor = Redactor(contact_names(db))
    result = []
    for row in rows:
        for column in columns:
            if isinstance(row.get(column), str):
                row[column] = redactor.redact(row[column]).text
        result.append(row)
    return result


def write_rows(
    rows: list[dict[str, Any]], columns: list[str], out: str | Path, fmt: str, force: bool = False
) -> Path:
    """Write ``rows`` to ``out`` as csv, xlsx or json; refuses to overwrite without force."""
    out = Path(out)
    if fmt not in FORMATS:
        raise UserError(f"format must be one of {', '.join(FORMATS)} (got '{fmt}')")
    if out.exists() and not force:
        raise PathTaken(f"{out} already exists")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with private_folder("engage-export-") as folder:
            built = folder / out.name
            writer = {"csv": _write_csv, "xlsx": _write_xlsx, "json": _write_json}[fmt]
            writer(rows, columns, built)
            place(built, out, force)
    except OSError as error:
        raise UserError(f"cannot write {out}: {error.strerror or error}") from None
    return out


def _write_csv(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_value(c) for c in columns])
        writer.writerows([csv_value(row.get(c)) for c in columns] for row in rows)


def _write_json(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        json.dump(
            [{c: export_value(row.get(c)) for c in columns} for row in rows],
            handle,
            ensure_ascii=False,
            indent=1,
        )


def _write_xlsx(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    # lazy: openpyxl loads only when a workbook is written
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("export")

    def cells(values: list[Any]) -> list[Any]:
        row = []
        for value in values:
            value = export_value(value)
            if starts_formula(value):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                value = cell
            row.append(value)
        return row

    sheet.append(cells(columns))
    for row in rows:
        sheet.append(cells([row.get(c) for c in columns]))
    workbook.save(path)
