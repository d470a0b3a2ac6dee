"""Tables that fit their width: columns sized to their content, the least important dropped
first when the terminal is narrow, and the one free-text column taking the room left over
when it is wide.

Every table here is (re)filled in one go with widths measured from the rows, so a table never
shows columns cut to their header's width while it waits to measure new rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

Row = tuple[str, Sequence[str]]  # (row key, cells)
SCROLLBAR = 2  # room kept for the vertical scrollbar
MAX_MEASURED = 500  # rows measured for a column's width (the rest are clipped to it)


@dataclass(frozen=True)
class Column:
    """One column: its heading; ``keep`` ranks how long it stays as the table narrows (the
    lowest goes first); a ``flex`` column (at most one: the free text) takes the room left
    over, never less than ``min_width``; ``width`` fixes the width instead of measuring;
    ``cap`` limits a measured width (long names are clipped rather than crowd out the rest)."""

    label: str
    keep: int = 5
    flex: bool = False
    min_width: int = 12
    width: int | None = None
    cap: int | None = None


def columns(*labels: str) -> tuple[Column, ...]:
    """Plain columns that all matter alike (the rightmost go first when room is short)."""
    return tuple(Column(label) for label in labels)


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` cells with an ellipsis."""
    flat = " ".join(text.split()) if "\n" in text or "\t" in text else text
    if len(flat) <= width and (flat.isascii() or cell_len(flat) <= width):
        return flat
    cut = flat[: max(0, width - 1)]  # most characters take one cell: trim from there
    while cut and cell_len(cut) > width - 1:
        cut = cut[:-1]
    return cut + "…"


def natural_widths(spec: Sequence[Column], rows: Sequence[Row]) -> list[int]:
    measured = rows[:MAX_MEASURED]
    widths = []
    for index, column in enumerate(spec):
        if column.width is not None:
            widths.append(column.width)
            continue
        width = max([cell_len(column.label)] + [cell_len(cells[index]) for _, cells in measured])
        widths.append(min(width, column.cap) if column.cap else width)
    return widths


def fit_columns(
    spec: Sequence[Column], natural: Sequence[int], room: int, padding: int = 1
) -> list[tuple[int, int]]:
    """Which columns to show and how wide: [(index into spec, width)], in spec order.
    ``room`` is the width available (0 = not laid out yet: show every column as it is)."""
    shown = list(range(len(spec)))
    if room <= 0:
        return [(i, natural[i]) for i in shown]

    def needed(indexes: list[int]) -> int:
        return sum(
            (min(natural[i], spec[i].min_width) if spec[i].flex else natural[i]) + 2 * padding
            for i in indexes
        )

    while len(shown) > 1 and needed(shown) > room:
        # the least important goes; among equals, the rightmost
        shown.remove(min(reversed(shown), key=lambda i: spec[i].keep))
    fixed = sum(natural[i] + 2 * padding for i in shown if not spec[i].flex)
    widths = []
    for i in shown:
        if spec[i].flex:
            left = room - fixed - 2 * padding
            widths.append((i, max(min(natural[i], spec[i].min_width), min(natural[i], left))))
        else:
            widths.append((i, min(natural[i], max(1, room - 2 * padding))))
    return widths


class FittedTable(DataTable):
    """A DataTable given its columns as ``Column`` specs and its rows as plain strings; it
    lays them out again whenever its width changes."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)
        self.spec: tuple[Column, ...] = ()
        self.rows_shown: list[Row] = []
        self.natural: list[int] = []
        self.layout_now: list[tuple[int, int]] = []

    def show(self, spec: Sequence[Column], rows: Iterable[Row]) -> None:
        """Replace the columns and rows; keep the cursor on the same row key if it is still
        there."""
        self.spec = tuple(spec)
        self.rows_shown = list(rows)
        self.natural = natural_widths(self.spec, self.rows_shown)
        self.refit(force=True)

    def append(self, rows: Iterable[Row]) -> None:
        """Add rows at the end (a further page); the columns stay as they are unless the
        rows now need the scrollbar's room."""
        rows = list(rows)
        self.rows_shown += rows
        if fit_columns(self.spec, self.natural, self.room(), self.cell_padding) != (
            self.layout_now
        ):
            self.refit()
            return
        for key, cells in rows:
            self.add_row(*self.cells(cells), key=key)

    def room(self) -> int:
        """The width the columns may take: the vertical scrollbar's share is kept when there
        are more rows than fit."""
        width, height = self.size
        scrolls = len(self.rows_shown) > height - 1  # the header takes a line
        return max(0, width - (SCROLLBAR if scrolls else 0))

    def refit(self, force: bool = False) -> None:
        layout = fit_columns(self.spec, self.natural, self.room(), self.cell_padding)
        if layout == self.layout_now and not force:
            return
        self.layout_now = layout
        kept = highlighted_key(self)
        self.clear(columns=True)
        for index, width in layout:
            self.add_column(self.spec[index].label, width=width)
        for key, cells in self.rows_shown:
            self.add_row(*self.cells(cells), key=key)
        keys = [key for key, _ in self.rows_shown]
        if kept in keys:
            self.move_cursor(row=keys.index(kept), animate=False)

    def cells(self, cells: Sequence[str]) -> list[Text]:
        """The shown cells of a row, clipped to their column, never read as markup."""
        return [Text(clip(cells[index], width), no_wrap=True) for index, width in self.layout_now]

    def on_resize(self, event: events.Resize) -> None:
        if self.spec:
            self.refit()

    @property
    def shown_labels(self) -> list[str]:
        return [self.spec[index].label for index, _ in self.layout_now]


def fill_table(
    table: DataTable,
    labels: Sequence[str],
    rows: Iterable[Row],
    widths: Sequence[int] | None = None,
) -> None:
    """Replace a plain DataTable's columns and rows (for tables inside dialogs)."""
    rows = list(rows)
    kept = highlighted_key(table)
    table.clear(columns=True)
    sizes = widths or natural_widths(columns(*labels), rows)
    for label, width in zip(labels, sizes, strict=True):
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
