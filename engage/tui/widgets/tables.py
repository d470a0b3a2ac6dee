"""Filling a DataTable with columns sized to their content.

Every table here is (re)filled in one go with widths measured from the rows, so a table never
shows columns cut to their header's width while it waits to measure new rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

Row = tuple[str, Sequence[str]]  # (row key, cells)


def column_widths(columns: Sequence[str], rows: Sequence[Row]) -> list[int]:
    return [
        max([cell_len(label)] + [cell_len(cells[index]) for _, cells in rows])
        for index, label in enumerate(columns)
    ]


def fill_table(
    table: DataTable,
    columns: Sequence[str],
    rows: Iterable[Row],
    widths: Sequence[int] | None = None,
) -> None:
    """Replace the table's columns and rows; keep the cursor on the same row key if it is
    still there."""
    rows = list(rows)
    kept = highlighted_key(table)
    table.clear(columns=True)
    for label, width in zip(columns, widths or column_widths(columns, rows), strict=True):
        table.add_column(label, width=width)
    for key, cells in rows:
        table.add_row(*plain_cells(cells), key=key)
    keys = [key for key, _ in rows]
    if kept in keys:
        table.move_cursor(row=keys.index(kept), animate=False)


def plain_cells(cells: Sequence[str]) -> list[Text]:
    """Cells shown as typed: a bracket in stored text is never read as markup."""
    return [Text(cell, no_wrap=True, overflow="ellipsis") for cell in cells]


def highlighted_key(table: DataTable) -> str | None:
    """The key of the row under the cursor (None for an empty table)."""
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
