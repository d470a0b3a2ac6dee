"""The bottom line of every mode: the keys that switch modes, the current one highlighted
(clicking a mode switches to it too). Every mode is always named: as the terminal narrows the
labels shorten, they are never dropped."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static


class Mode(NamedTuple):
    name: str
    key: str
    function_key: str
    label: str
    short: str  # the label on a narrow terminal


MODES = (
    Mode("dashboard", "d", "f1", "Dashboard", "Dash"),
    Mode("consultations", "c", "f2", "Consultations", "Consult"),
    Mode("partners", "p", "f3", "Partners", "Partners"),
    Mode("sessions", "s", "f4", "Sessions", "Sessions"),
    Mode("submissions", "u", "f5", "Submissions", "Subm"),
    Mode("themes", "t", "f6", "Themes", "Themes"),
    Mode("recommendations", "r", "f7", "Recommendations", "Recs"),
    Mode("papers", "a", "f8", "Papers", "Papers"),
)
HELP_KEY = "?"
# (shortened labels, spaces between entries), widest first
STYLES = ((False, 3), (False, 2), (True, 2), (True, 1))


def mode_bar_text(current: str, short: bool, gap: int) -> str:
    """The bar as plain text (to measure it)."""
    entries = [f"{mode.key} {mode.short if short else mode.label}" for mode in MODES]
    return (" " * gap).join([*entries, f"{HELP_KEY} help"])


def mode_bar_content(current: str, width: int = 0) -> Content:
    """The bar for ``width`` cells (0: as wide as it likes): full labels where they fit."""
    short, gap = STYLES[-1]
    for candidate_short, candidate_gap in STYLES:
        if not width or cell_len(mode_bar_text(current, candidate_short, candidate_gap)) <= width:
            short, gap = candidate_short, candidate_gap
            break
    parts = []
    for mode in MODES:
        label = mode.short if short else mode.label
        action = f"app.switch_mode('{mode.name}')"
        key = f"[b $accent]{mode.key}[/]"
        if mode.name == current:
            markup = f"[@click={action}][reverse]{key} [b]{label}[/b][/reverse][/]"
        else:
            markup = f"[@click={action}]{key} {label}[/]"
        parts.append(Content.from_markup(markup))
    parts.append(Content.from_markup(f"[@click=app.help][b $accent]{HELP_KEY}[/] help[/]"))
    return Content(" " * gap).join(parts)


class ModeBar(Static):
    """`d Dashboard  c Consultations  p Partners ...` with the current mode highlighted."""

    def __init__(self, current: str, **kwargs) -> None:
        super().__init__(mode_bar_content(current), **kwargs)
        self.current = current

    def on_resize(self) -> None:
        self.update(mode_bar_content(self.current, self.content_size.width))
