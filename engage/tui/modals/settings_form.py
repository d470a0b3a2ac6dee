"""Settings: the office's name (kept in the database: papers, bundles and the app use it), and
where engage keeps its files."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Static

from engage.config import current_actor, engage_home
from engage.db.settings import UNNAMED_OFFICE, office_name, set_office
from engage.tui.modals.fields import field, required_input
from engage.tui.modals.form import FormScreen
from engage.tui.store import database_path
from engage.tui.widgets.labels import escape

RESTAMP_LABEL = "rows stamped with the old name take the new one"


class SettingsForm(FormScreen[dict]):
    """Returns what set_office reported (old and new names, rows restamped)."""

    TITLE_TEXT = "Settings"

    def __init__(self, db) -> None:
        super().__init__()
        self.db = db

    def compose_fields(self) -> ComposeResult:
        name = office_name(self.db)
        yield field(
            "Office name (on papers, bundles and every new row)",
            required_input(
                "" if name == UNNAMED_OFFICE else name,
                "office",
                "office name",
                placeholder="e.g. Sudbury ServiceOntario Centre",
            ),
        )
        yield Checkbox(RESTAMP_LABEL, True, id="restamp")
        yield Static(
            f"database: {escape(database_path(self.db) or '(in memory)')}\n"
            f"engage's folder: {escape(str(engage_home()))}\n"
            f"changes are audited as: {escape(current_actor())}",
            classes="hint settings-facts",
        )

    def save(self) -> dict:
        restamp = self.query_one("#restamp", Checkbox).value
        return set_office(self.db, self.text("#office"), restamp=restamp)
