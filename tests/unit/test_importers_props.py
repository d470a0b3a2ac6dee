"""Properties of the importers over arbitrary cells: round trips and only domain errors."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engage.errors import DataError, UserError
from engage.importers import FIELDS, ColumnMapping, detect_mapping, plan_import, read_table

# Any text, including line breaks, control characters, quotes, delimiters and accents
# (not lone surrogates, which no file can hold, nor a byte-order mark, which opens files).
CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufeff")
    | st.sampled_from(["\n", "\r", "\t", '"', ",", ";"]),
    max_size=30,
)
HEADER = CELL.map(str.strip).filter(bool)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def tables(
    draw: st.DrawFn, cell: st.SearchStrategy[str] = CELL, name: st.SearchStrategy[str] = HEADER
) -> tuple[list[str], list[list[str]]]:
    """A header of distinct names and some rows, none of them wholly blank."""
    header = draw(st.lists(name, min_size=1, max_size=5, unique=True))
    row = st.lists(cell, min_size=len(header), max_size=len(header))
    rows = draw(st.lists(row.filter(lambda r: any(c.strip() for c in r)), min_size=1, max_size=8))
    return header, rows


def write_and_read(
    header: list[str], rows: list[list[str]], quoting: int, encoding: str
) -> pd.DataFrame:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=quoting, lineterminator="\r\n").writerows([header, *rows])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        return read_table(path)


@SETTINGS
@given(tables())
def test_any_quoted_table_round_trips_through_csv(table: tuple[list[str], list[list[str]]]) -> None:
    header, rows = table
    df = write_and_read(header, rows, csv.QUOTE_ALL, "utf-8-sig")
    assert list(df.columns) == header
    assert df.to_numpy().tolist() == rows


# Text a Windows-1252 spreadsheet can hold, with no delimiter a sniffer could mistake.
# Not ’ « »: in Windows-1252 they are UTF-8 continuation bytes, so "é’«" happens to be
# valid UTF-8 and no byte-level sniffing can tell (tests/data/cp1252.csv covers them).
PLAIN = st.text(alphabet="abcdefgh XYZ0123456789.-'éàçÉ\n\"", max_size=20)


@SETTINGS
@given(tables(PLAIN, PLAIN.map(str.strip).filter(bool)))
def test_minimally_quoted_windows_1252_table_round_trips(
    table: tuple[list[str], list[list[str]]],
) -> None:
    header, rows = table
    df = write_and_read(header, rows, csv.QUOTE_MINIMAL, "cp1252")
    assert list(df.columns) == header
    assert df.to_numpy().tolist() == rows


SOMETIMES_MEANINGFUL = st.one_of(
    CELL,
    st.sampled_from(
        ["", " ", "2026-03-14", "14/03/2026", "03/04/2026", "4", "9", "Yes", "maybe", "Phone",
         "K1A 0B1", "NA", "None", "nan", "Very satisfied", "On behalf of an organisation"]
    ),
)  # fmt: skip


@SETTINGS
@given(tables(SOMETIMES_MEANINGFUL), st.data())
def test_planning_raises_only_domain_errors(
    table: tuple[list[str], list[list[str]]], data: st.DataObject
) -> None:
    header, rows = table
    df = pd.DataFrame(rows, columns=header, dtype=str)
    roles = data.draw(st.lists(st.sampled_from(FIELDS), min_size=len(header), max_size=len(header)))
    mapping = ColumnMapping()
    for column, role in zip(header, roles, strict=True):
        if role == "text":
            mapping.text_columns.append(column)
        elif role == "ignore":
            mapping.ignored.append(column)
        else:
            mapping.fields[role] = column
    channel = data.draw(st.sampled_from([None, "online", "Web", "fax"]))
    for candidate in (mapping, None):
        try:
            chosen = candidate or detect_mapping(df)
            plan = plan_import(df, chosen, "export.csv", default_channel=channel)
        except (DataError, UserError):
            continue
        assert plan.n_rows == len(rows)
        rows_used = {d.row for d in plan.drafts} | {b.row for b in plan.bad_rows}
        assert rows_used <= set(range(1, len(rows) + 1))
        assert not {d.row for d in plan.drafts} & {b.row for b in plan.bad_rows}
        assert len({d.row_hash for d in plan.drafts}) == len(plan.drafts)
        answers = len(plan.drafts) + plan.n_blank_answers
        assert answers == len(chosen.text_columns) * (len(rows) - len(plan.bad_rows))
