"""Guess how a delimited text export was written: its encoding and its delimiter.

Survey tools, spreadsheets and case-management systems in Ontario offices write
CSV in UTF-8, UTF-8 with a byte-order mark (Excel "CSV UTF-8"), UTF-16 (Excel
"Unicode text") or Windows-1252 (older Excel on Windows), with commas, or
semicolons where the decimal separator is a comma (French-Canadian locales).
"""

from __future__ import annotations

import csv
import io

DELIMITERS = (",", ";", "\t")
_SAMPLE_CHARS = 64_000
_SAMPLE_RECORDS = 50
_CONSISTENT = 0.8  # share of sampled records that must have the header's width


def decode_export(data: bytes) -> tuple[str, str]:
    """Return the text of an export and the name of the encoding it was read with."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    decoded = [_decode_line(line) for line in lines]
    encodings = {encoding for _, encoding in decoded if encoding != "ascii"}
    text = "\n".join(line for line, _ in decoded)
    if len(encodings) <= 1:
        return text, next(iter(encodings), "cp1252")
    return text, "mixed " + "/".join(sorted(encodings))


def _decode_line(line: bytes) -> tuple[str, str]:
    """One line of a file that is not UTF-8 throughout: a file edited by two programs can
    hold UTF-8 lines and Windows-1252 lines, each read as what it is."""
    if line.isascii():
        return line.decode("ascii"), "ascii"
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five byte values undefined; latin-1 reads every byte.
        return line.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter that splits the first records into the most consistent columns.

    A candidate must split the header into at least two columns and most sampled
    records into as many; among those, the most consistent wins, then the widest.
    Anything else (one column, or no clear winner) reads as comma-separated.
    """
    sample = text[:_SAMPLE_CHARS]
    best, best_score = ",", (0.0, 1)
    for delimiter in DELIMITERS:
        records = _sample_records(sample, delimiter, truncated=len(text) > len(sample))
        if not records or len(records[0]) < 2:
            continue
        width, rows = len(records[0]), records[1:] or records
        consistent = sum(1 for record in rows if len(record) == width) / len(rows)
        score = (consistent, width)
        if consistent >= _CONSISTENT and score > best_score:
            best, best_score = delimiter, score
    return best


def _sample_records(sample: str, delimiter: str, truncated: bool) -> list[list[str]]:
    """Read the first non-blank records of a sample with one candidate delimiter."""
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append(record)
            if len(records) >= _SAMPLE_RECORDS:
                break
    except csv.Error:
        return records
    if truncated and len(records) > 1 and len(records) < _SAMPLE_RECORDS:
        records.pop()  # the last record of a cut sample may be incomplete
    return records
