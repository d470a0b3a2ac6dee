"""Add or edit a recommendation: the themes it answers, what and why, priority and owner, the
SMART KPI (indicator, baseline, measurable target, due date) and its status; and record what
was done ("you said, we did")."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList

from engage import validate
from engage.db.recommendations import add_recommendation, edit_recommendation, record_action
from engage.errors import UserError
from engage.models import RECOMMENDATION_PRIORITIES, RECOMMENDATION_STATUSES
from engage.tui.modals.fields import Check, date_input, field, row
from engage.tui.modals.form import FormScreen
from engage.tui.widgets.labels import choices, clipped, plain

TEXT_FIELDS = (
    "title",
    "text",
    "rationale",
    "owner",
    "kpi_indicator",
    "kpi_baseline",
    "kpi_target",
    "kpi_due",
)


class RecommendationForm(FormScreen[dict]):
    """Returns the stored recommendation."""

    def __init__(
        self,
        db,
        consultation: str,
        themes: list[dict[str, Any]],
        recommendation: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.consultation = consultation
        self.themes = themes
        self.recommendation = recommendation or {}
        self.TITLE_TEXT = (
            f"Edit R{recommendation['number']}" if recommendation else "Add a recommendation"
        )

    def compose_fields(self) -> ComposeResult:
        rec = self.recommendation
        linked = {t["id"] for t in rec.get("themes", [])}
        options = [
            (plain(clipped(f"{t['number']}  {t['label']}", 70)), t["id"], t["id"] in linked)
            for t in self.themes
        ]
        yield field("Themes it answers (space to tick)", SelectionList(*options, id="themes"))
        yield field("Title", self.text_input("title"))
        yield field("Recommendation", self.text_input("text"))
        yield field("Rationale (what we heard)", self.text_input("rationale"))
        yield row(
            field("Priority", self.choice_select("priority", RECOMMENDATION_PRIORITIES, "medium")),
            field("Status", self.choice_select("status", RECOMMENDATION_STATUSES, "proposed")),
            field("Owner", self.text_input("owner")),
        )
        yield from self.kpi_fields()

    def kpi_fields(self) -> ComposeResult:
        """The SMART KPI: what is measured, from where, to what, by when."""
        yield row(
            field("KPI indicator (Specific)", self.text_input("kpi_indicator")),
            field("Baseline", self.text_input("kpi_baseline")),
        )
        yield row(
            field("Target (Measurable: a number)", self.text_input("kpi_target")),
            field("Due (Time-bound)", self.text_input("kpi_due", "YYYY-MM-DD")),
        )

    def text_input(self, key: str, placeholder: str = "") -> Input:
        checks = (
            [Check(lambda text: validate.iso_date(text, "due date"))] if key == "kpi_due" else []
        )
        return Input(
            self.recommendation.get(key) or "", placeholder=placeholder, validators=checks, id=key
        )

    def choice_select(self, key: str, codes: tuple[str, ...], default: str) -> Select:
        value = self.recommendation.get(key) or default
        return Select(choices(codes), value=value, allow_blank=False, id=key)

    def values(self) -> dict[str, Any]:
        values = {key: self.text(f"#{key}") for key in TEXT_FIELDS}
        values["priority"] = self.choice("#priority")
        values["status"] = self.choice("#status")
        return values

    def save(self) -> dict:
        themes = list(self.query_one("#themes", SelectionList).selected)
        if not themes:
            raise UserError("tick the theme(s) this recommendation answers")
        values = self.values()
        if self.recommendation:
            return edit_recommendation(self.db, self.recommendation["id"], themes=themes, **values)
        return add_recommendation(
            self.db, self.consultation, themes, **{k: v for k, v in values.items() if v}
        )


class ActionForm(FormScreen[dict]):
    """Record what was done about a recommendation; returns the recommendation."""

    SAVE_LABEL = "Record"

    def __init__(self, db, recommendation: dict[str, Any], today: str) -> None:
        super().__init__()
        self.db = db
        self.recommendation = recommendation
        self.today = today
        self.TITLE_TEXT = f"You said, we did — R{recommendation['number']}"

    def compose_fields(self) -> ComposeResult:
        yield field("What was done", Input(id="action"))
        yield row(
            field("On", date_input(self.today, "acted_on", "date")),
            field(
                "New status",
                Select(choices(RECOMMENDATION_STATUSES), prompt="unchanged", id="status"),
            ),
        )

    def save(self) -> dict:
        return record_action(
            self.db,
            self.recommendation["id"],
            self.text("#action"),
            acted_on=self.text("#acted_on") or None,
            status=self.choice("#status"),
        )
