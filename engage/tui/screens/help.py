"""The help screen (?): every key of every mode and dialog, read from their bindings (so it
cannot drift from what the keys do)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from engage.tui.commands import bindings_of, key_names
from engage.tui.modals.form import FormScreen
from engage.tui.modals.import_file import ImportScreen
from engage.tui.modals.submission_entry import SubmissionEntry
from engage.tui.modals.submission_view import SubmissionView
from engage.tui.screens.coding import CodingScreen
from engage.tui.screens.follow_ups import FollowUpsScreen
from engage.tui.screens.partner_record import PartnerRecordScreen
from engage.tui.widgets.mode_bar import MODES

INTRO = (
    "Text is shown redacted; the original of a submission only on request. Theming, imports "
    "and papers run in the background: keep working while they run. A refused form stays open "
    "with what you typed and says what to fix; a field says what is wrong as you type."
)
OTHER_SCREENS = (
    ("Follow-ups (f on the dashboard)", FollowUpsScreen),
    ("A partner's record (enter on a partner)", PartnerRecordScreen),
    ("Every form", FormScreen),
    ("Importing a file", ImportScreen),
    ("Typing submissions", SubmissionEntry),
    ("Reading a submission (enter on one)", SubmissionView),
    ("Coding a sample (k on Themes)", CodingScreen),
)


def binding_rows(app: App, bindings: list[Binding]) -> list[str]:
    """One line per action: its keys and what it does."""
    keys: dict[str, list[str]] = {}  # by what they do: keys doing the same share a row
    for binding in bindings:
        does = binding.tooltip or binding.description
        if does and binding.key not in keys.get(does, []):
            keys.setdefault(does, []).append(binding.key)
    return [f"- {bold_keys(app, names)} — {does}" for does, names in keys.items()]


def bold_keys(app: App, keys: list[str]) -> str:
    return " or ".join(f"**{key_names(app, [key])}**" for key in keys)


def table(app: App, title: str, bindings: list[Binding]) -> list[str]:
    rows = binding_rows(app, bindings)
    return [f"### {title}", "", *rows, ""] if rows else []


def help_markdown(app: App) -> str:
    """The help text, built from the modes' and dialogs' key bindings."""
    lines = ["## Modes", ""]
    lines += [
        f"- **{mode.key}** or **{mode.function_key.upper()}** — {mode.label}" for mode in MODES
    ]
    lines += ["", "## Everywhere", ""]
    lines.append(f"- **{app.COMMAND_PALETTE_BINDING}** — the command palette: every action by name")
    lines += binding_rows(app, [b for b in bindings_of(type(app)) if b.tooltip])
    lines += ["", "## In each mode", ""]
    for mode in MODES:
        lines += table(app, mode.label, bindings_of(app.MODES[mode.name]))
    lines += ["## Elsewhere", ""]
    for title, screen_class in OTHER_SCREENS:
        lines += table(app, title, bindings_of(screen_class))
    lines += ["", INTRO]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="form") as box:
            box.border_title = "engage — keys"
            yield Markdown(help_markdown(self.app))

    def action_dismiss(self) -> None:
        self.dismiss(None)
