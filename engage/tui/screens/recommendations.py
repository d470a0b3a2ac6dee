"""Recommendations: per theme, with their SMART KPI and status; add, edit, and record what
was done ("you said, we did")."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Select, Static

from engage.db.consultations import list_consultations
from engage.db.recommendations import list_recommendations, recommendation_detail
from engage.db.theme_runs import list_runs
from engage.db.themes import list_themes
from engage.tui.failures import FAILURES, attempt, failure
from engage.tui.modals.recommendation_form import ActionForm, RecommendationForm
from engage.tui.screens.base import ModeScreen, key
from engage.tui.widgets.labels import clipped, escape, plain, select_value, shown, words
from engage.tui.widgets.tables import Column, FittedTable

COLUMNS = (
    Column("R", keep=8),
    Column("title", keep=9, flex=True, min_width=20),
    Column("status", keep=7),
    Column("due", keep=5),
    Column("SMART", keep=4),
)
NO_CONSULTATION = "No consultation yet: open one first (c, then n)."


class RecommendationsLoaded(Message):
    def __init__(
        self, recommendations: list[dict[str, Any]], run_id: str | None, themes: list[dict]
    ) -> None:
        super().__init__()
        self.recommendations = recommendations
        self.run_id = run_id
        self.themes = themes


def recommendation_cells(rec: dict[str, Any]) -> tuple[str, ...]:
    return (
        f"R{rec['number']}",
        rec["title"],
        words(rec["status"]),
        shown(rec["kpi_due"]),
        "✔" if rec["smart"] else "gaps",
    )


def recommendation_markup(rec: dict[str, Any]) -> str:
    smart = "SMART" if rec["smart"] else "not SMART yet: " + ", ".join(rec["smart_gaps"])
    lines = [
        f"[b]R{rec['number']} {escape(rec['title'])}[/b]  ({rec['priority']} priority, "
        f"{words(rec['status'])})",
        escape(rec["text"]),
        f"[i]{escape(rec['rationale'] or '')}[/i]",
        "themes: " + (", ".join(f"“{escape(label)}”" for label in rec["theme_labels"]) or "–"),
        f"owner: {escape(shown(rec['owner']))}",
        "",
        "[b u]KPI[/b u]",
        f"  indicator: {escape(shown(rec['kpi_indicator']))}",
        f"  baseline {escape(shown(rec['kpi_baseline']))} → target "
        f"{escape(shown(rec['kpi_target']))} by {shown(rec['kpi_due'])}",
        f"  [b]{smart}[/b]",
        "",
        "[b u]You said, we did[/b u]",
    ]
    lines += [
        f"  {a['acted_on']} {escape(a['action'])}"
        + (f" [dim](→ {words(a['status'])})[/dim]" if a["status"] else "")
        for a in rec["actions"]
    ] or ["  nothing recorded yet (w)"]
    return "\n".join(lines)


class RecommendationsScreen(ModeScreen):
    """The recommendations of a consultation."""

    MODE = "recommendations"
    MAIN_TABLE = "#recommendations-table"
    AUTO_FOCUS = MAIN_TABLE
    BINDINGS = [
        key("n", "add_recommendation", "Add", "Add a recommendation with its SMART KPI"),
        key("e", "edit_recommendation", "Edit", "Edit the highlighted recommendation"),
        key("w", "record_action", "We did", "Record what was done (you said, we did)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.recommendations: dict[str, dict[str, Any]] = {}
        self.themes: list[dict[str, Any]] = []
        self.run_id: str | None = None
        self.loaded = False  # the chosen consultation's themes are in
        self.loaded_for: tuple[str | None, int] | None = None  # (consultation, data version)
        self.add_when_loaded = False  # "add" was asked for (palette) before they were

    def compose_body(self) -> ComposeResult:
        yield Select([], prompt="choose a consultation", compact=True, id="rec-consultation")
        with Horizontal(classes="list-and-detail"):
            with Vertical(classes="list"):
                yield FittedTable(id="recommendations-table", zebra_stripes=True)
                yield Static("", id="empty-note", classes="empty-note")
            with VerticalScroll(id="rec-detail", classes="panel detail") as detail:
                detail.border_title = "Recommendation"
                yield Static("", id="rec-text")

    def on_mount(self) -> None:
        self.fill_consultations()

    def fill_consultations(self) -> None:
        consultations = list_consultations(self.db)
        select = self.query_one("#rec-consultation", Select)
        select.set_options([(plain(clipped(c["title"], 50)), c["id"]) for c in consultations])
        if consultations:
            select.value = consultations[0]["id"]

    @property
    def consultation(self) -> str | None:
        return select_value(self.query_one("#rec-consultation", Select))

    def reload(self) -> None:
        if self.consultation is None:
            self.fill_consultations()  # one may have been opened since
        self.loaded_for = (self.consultation, self.engage.data_version)
        if self.consultation:
            self.load_recommendations(self.consultation)
        else:
            self.query_one(self.MAIN_TABLE, FittedTable).show(COLUMNS, [])
            self.show_empty(NO_CONSULTATION)
            self.show_detail(None)

    @on(Select.Changed, "#rec-consultation")
    def consultation_changed(self) -> None:
        if self.loaded_for == (self.consultation, self.engage.data_version):
            return  # choosing the consultation on opening the mode loads it once
        self.loaded = False  # the themes held are the previous consultation's until the load
        self.reload()

    @work(thread=True, exclusive=True, group="recommendations")
    def load_recommendations(self, consultation: str) -> None:
        try:
            runs = list_runs(self.db, consultation)
            themes = list_themes(self.db, runs[0]["id"]) if runs else []
            found = list_recommendations(self.db, consultation)
        except FAILURES as error:
            self.post_message(failure(error))
            return
        self.post_message(RecommendationsLoaded(found, runs[0]["id"] if runs else None, themes))

    def on_recommendations_loaded(self, message: RecommendationsLoaded) -> None:
        self.loaded = True
        self.themes = message.themes
        self.run_id = message.run_id
        self.recommendations = {r["id"]: r for r in message.recommendations}
        rows = [(rec["id"], recommendation_cells(rec)) for rec in message.recommendations]
        self.query_one(self.MAIN_TABLE, FittedTable).show(COLUMNS, rows)
        self.show_empty("" if rows else self.empty_note())
        self.show_detail(self.highlighted_row())
        if self.add_when_loaded:
            self.add_when_loaded = False
            self.action_add_recommendation()

    def empty_note(self) -> str:
        if not self.themes:
            return "No recommendations yet. Theme this consultation first: t, then g."
        return "No recommendations yet: press n to add one, with its SMART KPI."

    @on(DataTable.RowHighlighted, "#recommendations-table")
    def recommendation_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value)

    def show_detail(self, rec_id: str | None) -> None:
        text = self.query_one("#rec-text", Static)
        if rec_id is None or rec_id not in self.recommendations:
            text.update("A recommendation answers one or more themes, with a SMART KPI.")
            return
        text.update(recommendation_markup(self.recommendations[rec_id]))

    def action_add_recommendation(self) -> None:
        if self.consultation and not self.loaded:
            self.add_when_loaded = True  # the themes are still loading: add once they are in
            return
        if not self.consultation or not self.themes:
            self.notify("Theme the consultation first (t, then g).", severity="warning")
            return
        self.app.push_screen(
            RecommendationForm(self.db, self.consultation, self.themes), self.saved
        )

    def action_edit_recommendation(self) -> None:
        rec_id = self.highlighted_row()
        if rec_id is None:
            self.notify("No recommendation to edit: press n to add one.", severity="warning")
            return
        self.open_row(rec_id)

    def open_row(self, row_key: str) -> None:
        rec = attempt(self, recommendation_detail, self.db, row_key)
        if rec:
            themes = self.themes_of_run(rec["run_id"])
            self.app.push_screen(
                RecommendationForm(self.db, self.consultation, themes, rec), self.saved
            )

    def themes_of_run(self, run_id: str | None) -> list[dict[str, Any]]:
        """The themes a recommendation can answer: those of the run it was made from."""

        if run_id is None or run_id == self.run_id:
            return self.themes
        return attempt(self, list_themes, self.db, run_id) or self.themes

    def action_record_action(self) -> None:
        rec_id = self.highlighted_row()
        if rec_id is None:
            self.notify("No recommendation yet: press n to add one.", severity="warning")
            return
        self.app.push_screen(
            ActionForm(self.db, self.recommendations[rec_id], self.today()),
            self.saved,
        )

    def saved(self, rec: dict | None) -> None:
        if rec:
            self.notify(f"Saved R{rec['number']}.")
            self.changed()
