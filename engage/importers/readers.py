"""Read a survey export or feedback log into a table of text cells.

Every reader returns a ``pandas.DataFrame`` whose cells are all ``str`` (blank is
``""``; "NA" and "None" stay as typed), whose column names are stripped and
unique, and whose fully blank rows are gone. pandas is imported only here, inside
the functions, so that importing ``engage.importers`` stays cheap.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engage.errors import DataError, UserError
from engage.importers.layouts import survey_tool_header
from engage.importers.sniff import decode_export, sniff_delimiter

if TYPE_CHECKING:
    import pandas

SUPPORTED = "use CSV, TSV, XLSX, JSON or JSONL"
# A workbook is refused past these: no survey export comes near them, and a stray cell
# far away would otherwise make openpyxl build rows of empty cells up to it.
MAX_XLSX_ROWS = 500_000
MAX_XLSX_COLUMNS = 2_000
_CSV_SUFFIXES = {".csv", ".txt"}
_TSV_SUFFIXES = {".tsv", ".tab"}
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_SEP_DIRECTIVE = re.compile(r"sep=([,;\t|])\r?\n")
_FIELD_COUNT = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def read_table(path: Path, sheet: str | None = None) -> pandas.DataFrame:
    """Read a CSV, TSV, XLSX, JSON or JSONL export into a table of text cells."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        reason = "it is a folder" if path.is_dir() else "file not found"
        raise DataError(f"cannot read {path.name}: {reason} (check the path)")
    if sheet is not None and suffix not in _XLSX_SUFFIXES:
        raise UserError(
            f"{path.name} is not a workbook, so it has no sheet '{sheet}' (leave out the sheet)"
        )
    if suffix in _CSV_SUFFIXES or suffix in _TSV_SUFFIXES:
        header, frame = _read_delimited(path, tab=suffix in _TSV_SUFFIXES)
    elif suffix in _XLSX_SUFFIXES:
        header, frame = _read_xlsx(path, sheet)
    elif suffix in {".json", ".jsonl", ".ndjson"}:
        header, frame = _read_json(path, lines=suffix != ".json")
    elif suffix == ".xls":
        raise DataError(
            f"cannot read {path.name}: old Excel .xls files are not supported "
            "(open it in Excel and save it as .xlsx or CSV)"
        )
    else:
        kind = suffix or "with no extension"
        raise DataError(f"cannot read {path.name}: unsupported file type {kind} ({SUPPORTED})")
    return _finish(path, header, frame)


def unique_names(names: list[str]) -> list[str]:
    """Strip column names, name blank ones by position and number repeated ones.

    ``["Q1", " Q1 ", ""]`` becomes ``["Q1", "Q1 (2)", "column 3"]``.
    """
    stripped = [str(name).strip() or f"column {i}" for i, name in enumerate(names, 1)]
    seen: set[str] = set()
    result: list[str] = []
    for name in stripped:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name} ({n})"
        seen.add(candidate)
        result.append(candidate)
    return result


def text_cells(cells: Sequence[Any]) -> list[str]:
    """Make every cell of a column text: missing values (None, NaN, NA) become blank.

    Frames from ``read_table`` are text already; this lets a frame built any other way
    (a notebook, a test) be planned too.
    """
    if all(type(cell) is str for cell in cells):
        return list(cells)
    return [_as_text(cell) for cell in cells]


def _as_text(cell: Any) -> str:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if isinstance(cell, str):
        return cell
    try:
        import pandas as pd  # lazy: pandas loads only when a file is read

        if pd.isna(cell):
            return ""
    except (TypeError, ValueError):
        pass  # arrays and other containers are not missing values; write them out
    return str(cell)


def _read_bytes(path: Path) -> bytes:
    """Read the whole file, turning operating-system refusals into a DataError."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(f"cannot read {path.name}: {error.strerror} (check the file)") from None


def _read_delimited(path: Path, tab: bool) -> tuple[list[str], pandas.DataFrame]:
    """Read CSV or TSV text: sniff encoding and delimiter, keep every cell as text."""
    import pandas as pd  # lazy: pandas loads only when a file is read

    text, _encoding = decode_export(_read_bytes(path))
    if not text.strip():
        raise DataError(
            f"cannot read {path.name}: the file is empty (export it again with a header row)"
        )
    directive = _SEP_DIRECTIVE.match(text)
    if directive:  # Excel's "sep=;" first line names the delimiter outright
        delimiter, text = directive.group(1), text[directive.end() :]
    else:
        delimiter = "\t" if tab else sniff_delimiter(text)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
        )
    except pd.errors.ParserError as error:
        raise DataError(_parser_message(path, str(error))) from None
    except pd.errors.EmptyDataError:
        raise DataError(
            f"cannot read {path.name}: the file is empty (export it again with a header row)"
        ) from None
    header = [str(name) for name in frame.iloc[0].tolist()]
    return survey_tool_header(header, frame.iloc[1:])


def _parser_message(path: Path, detail: str) -> str:
    """Say which line of a delimited file is malformed, in one line."""
    found = _FIELD_COUNT.search(detail)
    if found:
        width, line, seen = found.groups()
        return (
            f"cannot read {path.name}: line {line} has {seen} fields but the header has "
            f"{width} (check the quoting and the delimiter)"
        )
    first = detail.strip().splitlines()[0] if detail.strip() else "malformed text"
    return f"cannot read {path.name}: {first} (check that it is a CSV export)"


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], pandas.DataFrame]:
    """Read one sheet of a workbook (the first unless named) as text cells."""
    # lazy: pandas and openpyxl load only when a workbook is read
    import pandas as pd
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise DataError(f"cannot read {path.name}: {error.strerror} (check the file)") from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError):
        raise DataError(
            f"cannot read {path.name}: not a valid Excel workbook "
            "(save it again as .xlsx or export it as CSV)"
        ) from None
    try:
        names = workbook.sheetnames
        if sheet is not None and sheet not in names:
            raise UserError(f"no sheet '{sheet}' in {path.name} (sheets: {', '.join(names)})")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        records = _xlsx_records(path, worksheet)
    finally:
        workbook.close()
    if not records:
        raise DataError(
            f"cannot read {path.name}: sheet '{worksheet.title}' is empty "
            "(name the sheet that holds the responses)"
        )
    width = max(len(record) for record in records)
    rows = [record + [""] * (width - len(record)) for record in records]
    return survey_tool_header(rows[0], pd.DataFrame(rows[1:], columns=range(width), dtype=str))


def _xlsx_records(path: Path, worksheet: Any) -> list[list[str]]:
    """The non-blank rows of a sheet as text, read row by row in bounded memory: the size
    the sheet declares is ignored (a stray cell at XFD1048576 would make it a billion
    cells), and a sheet with a cell past MAX_XLSX_ROWS or MAX_XLSX_COLUMNS is refused."""
    worksheet.reset_dimensions()
    records = []
    for number, row in enumerate(worksheet.iter_rows(values_only=True), 1):
        if number > MAX_XLSX_ROWS or len(row) > MAX_XLSX_COLUMNS:
            raise DataError(
                f"cannot read {path.name}: sheet '{worksheet.title}' has a cell beyond row "
                f"{MAX_XLSX_ROWS:,} or column {MAX_XLSX_COLUMNS:,} (delete stray cells far from "
                "the data, or export the sheet as CSV)"
            )
        if any(cell is not None and cell != "" for cell in row):
            record = [_excel_text(cell) for cell in row]
            if any(cell.strip() for cell in record):
                records.append(record)
    return records


def _excel_text(value: Any) -> str:
    """Write a workbook cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_json(path: Path, lines: bool) -> tuple[list[str], pandas.DataFrame]:
    """Read a JSON list of objects, or JSON Lines with one object per line."""
    import pandas as pd  # lazy: pandas loads only when a file is read

    text, _encoding = decode_export(_read_bytes(path))
    if not text.strip():
        raise DataError(f"cannot read {path.name}: the file is empty (export it again)")
    objects = _json_lines(path, text) if lines else _json_list(path, text)
    header: dict[str, None] = {}
    for record in objects:
        header.update(dict.fromkeys(record))
    columns = list(header)
    try:
        rows = [[_json_text(record.get(column)) for column in columns] for record in objects]
    except RecursionError:
        raise DataError(_too_deep(path)) from None
    return columns, pd.DataFrame(rows, columns=range(len(columns)), dtype=str)


def _json_list(path: Path, text: str) -> list[dict[str, Any]]:
    """Parse a whole JSON document that must be a list of objects."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(
            f"cannot read {path.name}: invalid JSON at line {error.lineno} "
            "(expected a list of objects)"
        ) from None
    except RecursionError:
        raise DataError(_too_deep(path)) from None
    if not isinstance(document, list) or not all(isinstance(o, dict) for o in document):
        raise DataError(
            f"cannot read {path.name}: expected a JSON list of objects, one per "
            "response (or use JSONL)"
        )
    return document


def _json_lines(path: Path, text: str) -> list[dict[str, Any]]:
    """Parse JSON Lines: one object per non-blank line."""
    objects: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            raise DataError(_too_deep(path, number)) from None
        except json.JSONDecodeError:
            raise DataError(
                f"cannot read {path.name}: line {number} is not valid JSON "
                "(expected one object per line)"
            ) from None
        if not isinstance(record, dict):
            raise DataError(
                f"cannot read {path.name}: line {number} is not a JSON object "
                "(expected one object per line)"
            )
        objects.append(record)
    return objects


def _too_deep(path: Path, line: int | None = None) -> str:
    where = f" on line {line}" if line else ""
    return (
        f"cannot read {path.name}: values nested too deeply{where} (a survey export is a "
        "list of flat objects; export it again)"
    )


def _json_text(value: Any) -> str:
    """Write a JSON value as cell text: null is blank, nested values stay JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _finish(path: Path, header: list[str], frame: pandas.DataFrame) -> pandas.DataFrame:
    """Name the columns, drop blank rows and blank unnamed columns, renumber the rows."""
    frame = frame.copy()
    frame.columns = unique_names(header)
    if len(frame.columns) and len(frame):
        filled = frame.apply(lambda column: column.str.strip().ne(""))
        frame = frame.loc[filled.any(axis=1)]
        unnamed_blank = [
            name
            for name, raw in zip(frame.columns, header, strict=True)
            if not str(raw).strip() and not filled.loc[frame.index, name].any()
        ]
        frame = frame.drop(columns=unnamed_blank)
    if frame.empty:
        raise DataError(
            f"cannot read {path.name}: it has no responses, only a header or nothing "
            "(check that the export includes the data)"
        )
    return frame.reset_index(drop=True)
