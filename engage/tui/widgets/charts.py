"""Charts drawn with Rich text, so they follow the light or dark theme and snapshot exactly:
horizontal bars, and the partner influence/interest grid."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉█"
LABEL_SHARE = 0.4


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its length, and an optional note drawn after the value."""

    label: str
    value: float
    note: str = ""
    level: str = ""  # "good", "fair" or "poor" colours the bar


def bar_text(value: float, largest: float, width: int) -> str:
    """``value`` as a bar of block characters, ``width`` cells for ``largest``."""
    if largest <= 0 or width <= 0:
        return ""
    eighths = round(max(0.0, value) / largest * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


class BarChart(Widget):
    """Horizontal bars with their labels and values, the largest bar filling the width."""

    COMPONENT_CLASSES = {
        "bar-chart--bar",
        "bar-chart--good",
        "bar-chart--fair",
        "bar-chart--poor",
        "bar-chart--label",
        "bar-chart--value",
        "bar-chart--empty",
    }
    bars: reactive[tuple[Bar, ...]] = reactive(tuple, layout=True)

    def __init__(
        self, empty: str = "nothing yet", label_share: float = LABEL_SHARE, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.empty = empty
        self.label_share = label_share

    def show(self, bars: Sequence[Bar]) -> None:
        self.bars = tuple(bars)

    def get_content_height(self, container, viewport, width: int) -> int:
        if not self.bars:  # the note saying what to do: whole words over as many lines
            return max(1, len(textwrap.wrap(self.empty, max(width, 1))))
        return len(self.bars)

    def render(self) -> Text:
        if not self.bars:
            empty = Text(self.empty, style=self.get_component_rich_style("bar-chart--empty"))
            return empty
        width = self.content_size.width
        values = [number(b.value) + (f" {b.note}" if b.note else "") for b in self.bars]
        value_width = max(len(v) for v in values)
        label_room = max(1, min(int(width * self.label_share), width - value_width - 3))
        label_width = min(max(len(b.label) for b in self.bars), label_room)
        bar_width = max(1, width - label_width - value_width - 2)
        largest = max(b.value for b in self.bars)
        lines = [
            self._line(bar, value, label_width, bar_width, largest)
            for bar, value in zip(self.bars, values, strict=True)
        ]
        chart = Text("\n").join(lines)
        chart.no_wrap = True  # a narrow panel crops a line, never breaks it into fragments
        chart.overflow = "crop"
        return chart

    def _line(self, bar: Bar, value: str, label_width: int, bar_width: int, largest: float):
        style = self.get_component_rich_style(f"bar-chart--{bar.level or 'bar'}")
        label = bar.label if len(bar.label) <= label_width else bar.label[: label_width - 1] + "…"
        line = Text(
            label.ljust(label_width) + " ", style=self.get_component_rich_style("bar-chart--label")
        )
        line.append(bar_text(bar.value, largest, bar_width), style=style)
        line.append(" " + value, style=self.get_component_rich_style("bar-chart--value"))
        return line


class InfluenceInterestGrid(Widget):
    """The partner grid: influence (up) by interest (across), each cell 'heard/on register',
    coloured by how many of its partners have been heard from."""

    COMPONENT_CLASSES = {
        "grid--all-heard",
        "grid--some-heard",
        "grid--none-heard",
        "grid--empty",
        "grid--axis",
    }
    cells: reactive[dict[tuple[int, int], tuple[int, int]]] = reactive(dict)
    CELL = 6  # the widest cell; narrower panels get narrower cells (never under MIN_CELL)
    MIN_CELL = 3
    AXIS = 3
    ACROSS = " interest →"

    def show(self, coverage: Sequence[dict[str, Any]]) -> None:
        cells: dict[tuple[int, int], tuple[int, int]] = {}
        for partner in coverage:
            if partner["influence"] and partner["interest"]:
                key = (partner["influence"], partner["interest"])
                heard, total = cells.get(key, (0, 0))
                cells[key] = (heard + bool(partner["heard"]), total + 1)
        self.cells = cells

    def get_content_height(self, container, viewport, width: int) -> int:
        return 7

    def cell_width(self) -> int:
        room = (self.content_size.width - self.AXIS) // 5
        return max(self.MIN_CELL, min(self.CELL, room))

    def render(self) -> Text:
        axis = self.get_component_rich_style("grid--axis")
        cell = self.cell_width()
        grid_width = self.AXIS + 5 * cell
        across_fits = grid_width + len(self.ACROSS) <= self.content_size.width
        title = "influence ↑" if across_fits else "influence ↑ ·" + self.ACROSS
        lines = [Text(title, style=axis)]
        for influence in range(5, 0, -1):
            line = Text(f"{influence:>{self.AXIS - 1}} ", style=axis)
            for interest in range(1, 6):
                line.append_text(self._cell(influence, interest, cell))
            lines.append(line)
        footer = Text(" " * self.AXIS, style=axis)
        numbers = "".join(f"{i:^{cell}}" for i in range(1, 6))
        footer.append(numbers + (self.ACROSS if across_fits else ""), style=axis)
        lines.append(footer)
        grid = Text("\n").join(lines)
        grid.no_wrap = True  # cells are sized to fit: a line is never broken into fragments
        grid.overflow = "crop"
        return grid

    def _cell(self, influence: int, interest: int, width: int) -> Text:
        heard, total = self.cells.get((influence, interest), (0, 0))
        if not total:
            return Text("·".center(width), style=self.get_component_rich_style("grid--empty"))
        level = "all-heard" if heard == total else "some-heard" if heard else "none-heard"
        return Text(
            f"{heard}/{total}".center(width),
            style=self.get_component_rich_style(f"grid--{level}"),
        )


class Tile(Widget):
    """One figure of the dashboard: a number over its label; the label shortens when the tile
    is narrow, and a tile with an ``action`` runs it when clicked."""

    value: reactive[str] = reactive("–")

    def __init__(self, label: str, short: str, action: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.short = short
        self.action = action

    def render(self) -> Text:
        width = self.content_size.width
        label = self.label if len(self.label) <= width or not width else self.short
        text = Text.assemble((self.value, "bold"), "\n", label)
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text

    async def on_click(self) -> None:
        if self.action:
            await self.run_action(self.action)
