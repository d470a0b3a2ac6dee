"""The command palette (ctrl+p): the main actions of every mode, findable by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from engage.tui.app import EngageApp


class PaletteCommand(NamedTuple):
    title: str
    help: str
    mode: str
    action: str  # an action of that mode's screen, or "" to just go there


COMMANDS = (
    PaletteCommand(
        "Log a session", "Record a session, then type what was said", "sessions", "log_session"
    ),
    PaletteCommand("Add a partner", "Register an organisation or group", "partners", "add_partner"),
    PaletteCommand(
        "Import a file",
        "Survey export or notes: preview, then import",
        "submissions",
        "import_file",
    ),
    PaletteCommand(
        "Run theming", "Theme a consultation's feedback, offline", "themes", "run_theming"
    ),
    PaletteCommand(
        "Code a sample",
        "Hand-code submissions for the agreement check (kappa)",
        "themes",
        "code_sample",
    ),
    PaletteCommand(
        "Add a recommendation",
        "A recommendation with its SMART KPI",
        "recommendations",
        "add_recommendation",
    ),
    PaletteCommand(
        "Generate a paper", "Render a paper from a template and read it", "papers", "generate_paper"
    ),
    PaletteCommand(
        "Search submissions",
        "Full-text search of the redacted feedback",
        "submissions",
        "focus_search",
    ),
    PaletteCommand(
        "Show the dashboard", "Counts, participation, coverage, themes", "dashboard", ""
    ),
    PaletteCommand("Toggle light/dark", "Switch between the light and dark theme", "", "dark"),
)


def run_command(app: EngageApp, command: PaletteCommand) -> None:
    """Go to the command's mode, then run its action on that mode's screen."""
    if command.action == "dark":
        app.action_toggle_dark()
        return
    app.switch_mode(command.mode)
    if command.action:
        app.call_after_refresh(app.run_action, f"screen.{command.action}")


class EngageCommands(Provider):
    """Log a session, add a partner, import a file, run theming, generate a paper, ..."""

    async def discover(self) -> Hits:
        for command in COMMANDS:
            yield DiscoveryHit(
                command.title, partial(run_command, self.app, command), help=command.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in COMMANDS:
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(run_command, self.app, command),
                    help=command.help,
                )
