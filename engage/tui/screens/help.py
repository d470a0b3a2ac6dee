"""The help screen (?): the keys of every mode."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = Path(__file__).with_name("help.md")


class HelpScreen(ModalScreen[None]):
    """Keys per mode, read from help.md; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="form") as box:
            box.border_title = "engage — keys"
            yield Markdown(HELP.read_text(encoding="utf-8"))

    def action_dismiss(self) -> None:
        self.dismiss(None)
