"""The engage app: ``make_app(db)`` is what ``engage``, ``engage demo`` and the tests open.

One mode per area (Dashboard, Consultations, Partners, Sessions, Submissions, Themes,
Recommendations, Papers), switched with the keys in the mode bar; a command palette (ctrl+p)
with every action; a help screen (?) listing every key; settings (the office's name); light and
dark themes (ctrl+t). Screens take the classes -narrow/-medium/-wide and -short/-tall from the
terminal's size and lay themselves out for it. Nothing heavy is imported here: theming,
importers and papers load in workers when first used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen

from engage import ids
from engage.cells import decoded_for_terminal
from engage.db.settings import office_name
from engage.tui.commands import EngageCommands
from engage.tui.modals.settings_form import SettingsForm
from engage.tui.screens.consultations import ConsultationsScreen
from engage.tui.screens.dashboard import DashboardScreen
from engage.tui.screens.help import HelpScreen
from engage.tui.screens.papers import PapersScreen
from engage.tui.screens.partners import PartnersScreen
from engage.tui.screens.recommendations import RecommendationsScreen
from engage.tui.screens.sessions import SessionsScreen
from engage.tui.screens.submissions import SubmissionsScreen
from engage.tui.screens.themes import ThemesScreen
from engage.tui.widgets.mode_bar import MODES

if TYPE_CHECKING:
    import sqlite_utils

LIGHT, DARK = "textual-light", "textual-dark"
SCREENS = {
    "dashboard": DashboardScreen,
    "consultations": ConsultationsScreen,
    "partners": PartnersScreen,
    "sessions": SessionsScreen,
    "submissions": SubmissionsScreen,
    "themes": ThemesScreen,
    "recommendations": RecommendationsScreen,
    "papers": PapersScreen,
}


def mode_bindings() -> list[Binding]:
    """The mode keys (and F1-F8), listed in the mode bar under the footer of every mode."""
    bindings = []
    for mode in MODES:
        action = f"switch_mode('{mode.name}')"
        bindings.append(Binding(mode.key, action, mode.label, show=False))
        bindings.append(Binding(mode.function_key, action, mode.label, show=False))
    return bindings


class EngageApp(App[None]):
    """engage: partners, sessions, feedback, themes, recommendations and papers."""

    # Every stylesheet loads once, at start: a screen's own CSS_PATH would make Textual
    # re-style every open screen the first time that mode is shown.
    CSS_PATH = [
        "app.tcss",
        "screens/dashboard.tcss",
        "screens/consultations.tcss",
        "screens/partners.tcss",
        "screens/sessions.tcss",
        "screens/submissions.tcss",
        "screens/themes.tcss",
        "screens/recommendations.tcss",
        "screens/papers.tcss",
    ]
    TITLE = "engage"
    MODES = SCREENS
    COMMANDS = App.COMMANDS | {EngageCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        *mode_bindings(),
        Binding(
            "question_mark", "help", "Help", key_display="?", show=False, tooltip="Show every key"
        ),
        Binding(
            "comma",
            "settings",
            "Settings",
            key_display=",",
            show=False,
            tooltip="Settings: the office's name",
        ),
        Binding("ctrl+t", "toggle_dark", "Light/dark", show=False, tooltip="Switch light and dark"),
        Binding("ctrl+q", "quit", "Quit", show=False, tooltip="Quit engage"),
    ]

    def __init__(self, db: sqlite_utils.Database) -> None:
        super().__init__()
        self.db = db
        self.data_version = 0
        self.theme = DARK
        self.today: Callable[[], date] = ids.today  # engage's one clock; fixed in tests

    def on_mount(self) -> None:
        self.sub_title = office_name(self.db)
        self.switch_mode("dashboard")

    def data_changed(self) -> None:
        """Something was written: every mode reloads when next shown."""
        self.data_version += 1

    def action_switch_mode(self, mode: str) -> None:
        if isinstance(self.screen, ModalScreen):
            return
        self.switch_mode(mode)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_settings(self) -> None:
        if not isinstance(self.screen, ModalScreen):
            self.push_screen(SettingsForm(self.db), self.settings_saved)

    def settings_saved(self, outcome: dict | None) -> None:
        if outcome:
            self.sub_title = outcome["new"]
            restamped = sum(outcome["restamped"].values())
            self.notify(
                f"The office is now “{outcome['new']}”"
                + (f"; {restamped:,} rows restamped." if restamped else ".")
            )
            self.data_changed()

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK


def make_app(db: sqlite_utils.Database) -> EngageApp:
    """The app on ``db`` (an open office database). Every text the app reads through it
    comes without control characters, so nothing stored can drive the terminal."""
    db.conn.text_factory = decoded_for_terminal
    return EngageApp(db)
