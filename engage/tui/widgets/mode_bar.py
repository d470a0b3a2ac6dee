"""The bottom line of every mode: the keys that switch modes, the current one highlighted
(clicking a mode switches to it too)."""

from __future__ import annotations

from typing import NamedTuple

from textual.content import Content
from textual.widgets import Static


class Mode(NamedTuple):
    name: str
    key: str
    function_key: str
    label: str


MODES = (
    Mode("dashboard", "d", "f1", "Dashboard"),
    Mode("partners", "p", "f2", "Partners"),
    Mode("sessions", "s", "f3", "Sessions"),
    Mode("submissions", "u", "f4", "Submissions"),
    Mode("themes", "t", "f5", "Themes"),
    Mode("recommendations", "r", "f6", "Recommendations"),
    Mode("papers", "a", "f7", "Papers"),
)


def mode_bar_content(current: str) -> Content:
    parts = []
    for mode in MODES:
        label = f"[reverse b] {mode.label} [/]" if mode.name == current else f" {mode.label} "
        action = f"app.switch_mode('{mode.name}')"
        parts.append(Content.from_markup(f"[@click={action}][b $accent]{mode.key}[/]{label}[/]"))
    parts.append(Content.from_markup("[b $accent]?[/] help"))
    return Content("  ").join(parts)


class ModeBar(Static):
    """`d Dashboard  p Partners  s Sessions ...` with the current mode highlighted."""

    def __init__(self, current: str, **kwargs) -> None:
        super().__init__(mode_bar_content(current), **kwargs)
        self.current = current
