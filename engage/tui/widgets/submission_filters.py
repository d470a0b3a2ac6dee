"""The filter bar of the Submissions mode: consultation, theme, channel, partner kind and
consent to quote. Changing any of them posts ``SubmissionFilters.Changed``."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Select

from engage.db.consultations import list_consultations
from engage.db.theme_runs import list_runs
from engage.db.themes import list_themes
from engage.models import CHANNELS, PARTNER_KINDS
from engage.tui.failures import post_or_fail
from engage.tui.widgets.labels import choices, clipped, plain, select_value

CONSENT = [("quotable", True), ("not quotable", False)]


def theme_choices(db, consultation: str | None) -> list[tuple[str, str]]:
    """The themes of the latest run (of the consultation, if one is chosen)."""

    runs = list_runs(db, consultation)
    if not runs:
        return []
    return [(plain(clipped(t["label"], 18)), t["id"]) for t in list_themes(db, runs[0]["id"])]


class SubmissionFilters(Horizontal):
    """Five Selects; ``filters`` are the fields of the SubmissionFilter list_submissions takes."""

    class Changed(Message):
        def __init__(self, filters: dict[str, Any]) -> None:
            super().__init__()
            self.filters = filters

    class ThemesListed(Message):
        """The theme choices of the chosen consultation were read."""

        def __init__(self, themes: list[tuple[str, str]]) -> None:
            super().__init__()
            self.themes = themes

    def __init__(self, db, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.db = db

    def compose(self) -> ComposeResult:
        consultations = [
            (plain(clipped(c["title"], 18)), c["id"]) for c in list_consultations(self.db)
        ]
        yield Select(consultations, prompt="consultation", compact=True, id="filter-consultation")
        yield Select([], prompt="theme", compact=True, id="filter-theme")
        yield Select(choices(CHANNELS), prompt="channel", compact=True, id="filter-channel")
        yield Select(choices(PARTNER_KINDS), prompt="partner kind", compact=True, id="filter-kind")
        yield Select(CONSENT, prompt="consent", compact=True, id="filter-consent")

    def on_mount(self) -> None:
        self.list_themes(None)

    @work(thread=True, exclusive=True, group="theme-choices")
    def list_themes(self, consultation: str | None) -> None:
        post_or_fail(self, lambda: self.ThemesListed(theme_choices(self.db, consultation)))

    def on_submission_filters_themes_listed(self, message: ThemesListed) -> None:
        message.stop()
        self.query_one("#filter-theme", Select).set_options(message.themes)

    @property
    def filters(self) -> dict[str, Any]:
        return {
            "consultation": self.value("#filter-consultation"),
            "theme": self.value("#filter-theme"),
            "channel": self.value("#filter-channel"),
            "partner_kind": self.value("#filter-kind"),
            "consent": self.value("#filter-consent"),
        }

    def value(self, selector: str) -> Any:
        return select_value(self.query_one(selector, Select))

    @on(Select.Changed)
    def select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "filter-consultation":
            self.query_one("#filter-theme", Select).clear()
            self.list_themes(select_value(event.select))
        self.post_message(self.Changed(self.filters))
