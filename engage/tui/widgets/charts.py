"""Charts drawn with Rich text, so they follow the light or dark theme and snapshot exactly:
horizontal bars, and the partner influence/interest grid."""

from __future__ import annotations

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
        return max(1, len(self.bars))

    def render(self) -> Text:
        if not self.bars:
            return Text(self.empty, style=self.get_component_rich_style("bar-chart--empty"))
        width = self.content_size.width
        label_width = min(max(len(b.label) for b in self.bars), int(width * self.label_share))
        values = [number(b.value) + (f" {b.note}" if b.note else "") for b in self.bars]
        value_width = max(len(v) for v in values)
        bar_width = max(1, width - label_width - value_width - 2)
        largest = max(b.value for b in self.bars)
        lines = [
            self._line(bar, value, label_width, bar_width, largest)
            for bar, value in zip(self.bars, values, strict=True)
        ]
        return Text("\n").join(lines)

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
    CELL = 6
    AXIS = 3

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

    def render(self) -> Text:
        axis = self.get_component_rich_style("grid--axis")
        lines = [Text("influence ↑", style=axis)]
        for influence in range(5, 0, -1):
            line = Text(f"{influence:>{self.AXIS - 1}} ", style=axis)
            for interest in range(1, 6):
                line.append_text(self._cell(influence, interest))
            lines.append(line)
        footer = Text(" " * self.AXIS, style=axis)
        footer.append("".join(f"{i:^{self.CELL}}" for i in range(1, 6)) + " interest →", style=axis)
        lines.append(footer)
        return Text("\n").join(lines)

    def _cell(self, influence: int, interest: int) -> Text:
        heard, total = self.cells.get((influence, interest), (0, 0))
        if not total:
            return Text("·".center(self.CELL), style=self.get_component_rich_style("grid--empty"))
        level = "all-heard" if heard == total else "some-heard" if heard else "none-heard"
        return Text(
            f"{heard}/{total}".center(self.CELL),
            style=self.get_component_rich_style(f"grid--{level}"),
        )
