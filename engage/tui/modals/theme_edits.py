"""Forms for reviewing themes: rename one, merge several, move a submission, and the options
of a theming run."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.validation import Length
from textual.widgets import Input, Select, SelectionList, Static

from engage.errors import UserError
from engage.tui.modals.fields import consultation_choices, field, row, whole_number
from engage.tui.modals.form import FormScreen
from engage.tui.widgets.labels import clipped, escape, plain

BACKENDS = [("fast", "fast"), ("quality (MiniLM)", "quality")]
UNTHEMED = "__unthemed__"


class RenameThemeForm(FormScreen[str]):
    """Returns the new label."""

    TITLE_TEXT = "Rename the theme"

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose_fields(self) -> ComposeResult:
        yield field(
            "Label",
            Input(
                self.label,
                validators=[Length(minimum=1, failure_description="a label cannot be empty")],
                id="label",
            ),
        )

    def save(self) -> str:
        label = self.text("#label")
        if not label:
            raise UserError("a theme label cannot be empty")
        return label


class MergeThemesForm(FormScreen[dict]):
    """Returns {"others": [theme ids], "label": new label or None}."""

    SAVE_LABEL = "Merge"

    def __init__(self, into: dict[str, Any], themes: list[dict[str, Any]]) -> None:
        super().__init__()
        self.into = into
        self.others = [t for t in themes if t["id"] != into["id"]]
        self.TITLE_TEXT = f"Merge themes into “{into['label']}”"

    def compose_fields(self) -> ComposeResult:
        yield field(
            "Themes to merge into it (space to tick)",
            SelectionList(
                *[(plain(f"{t['label']} ({t['size']})"), t["id"]) for t in self.others], id="others"
            ),
        )
        yield field("New label (optional)", Input(placeholder=self.into["label"], id="label"))

    def save(self) -> dict:
        others = list(self.query_one("#others", SelectionList).selected)
        if not others:
            raise UserError("tick at least one theme to merge into this one")
        return {"others": others, "label": self.text("#label") or None}


class MoveSubmissionForm(FormScreen[str]):
    """Returns the chosen theme id, or UNTHEMED."""

    TITLE_TEXT = "Move the submission to another theme"
    SAVE_LABEL = "Move"

    def __init__(self, themes: list[dict[str, Any]], current: str | None, text: str = "") -> None:
        super().__init__()
        self.themes = [t for t in themes if t["id"] != current]
        self.submission_text = text

    def compose_fields(self) -> ComposeResult:
        yield Static(f"“{escape(clipped(self.submission_text, 300))}”", classes="hint")
        options = [(plain(t["label"]), t["id"]) for t in self.themes] + [("(unthemed)", UNTHEMED)]
        yield field("Theme", Select(options, prompt="choose a theme", id="theme"))

    def save(self) -> str:
        theme = self.choice("#theme")
        if theme is None:
            raise UserError("choose the theme to move the submission to")
        return theme


class ThemeRunForm(FormScreen[dict]):
    """Returns the arguments of theme_consultation."""

    TITLE_TEXT = "Run theming"
    SAVE_LABEL = "Run"

    def __init__(self, db, consultation: str | None) -> None:
        super().__init__()
        self.db = db
        self.consultation = consultation

    def compose_fields(self) -> ComposeResult:
        consultations = consultation_choices(self.db)
        ids = [cid for _, cid in consultations]
        chosen = self.consultation if self.consultation in ids else (ids[0] if ids else None)
        yield field(
            "Consultation",
            Select(consultations, value=chosen or Select.NULL, prompt="choose", id="consultation"),
        )
        yield row(
            field("Backend", Select(BACKENDS, value="fast", allow_blank=False, id="backend")),
            field("Seed", Input("0", type="integer", id="seed")),
            field(
                "Themes", Input(placeholder="chosen from the data", type="integer", id="n_themes")
            ),
        )

    def save(self) -> dict:
        consultation = self.choice("#consultation")
        if consultation is None:
            raise UserError("choose the consultation to theme")
        n_themes = whole_number(self.text("#n_themes"), "number of themes")
        if n_themes is not None and n_themes < 1:
            raise UserError("the number of themes must be at least 1 (or left empty)")
        return {
            "consultation": consultation,
            "backend": self.choice("#backend"),
            "seed": whole_number(self.text("#seed"), "seed") or 0,
            "n_themes": n_themes,
        }
