"""The fields every form is built from: a labelled field with a line for its problem, rows of
fields, inputs that check what is typed with engage's own checks, and the choices of
consultations, partners and codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from textual.containers import Horizontal, Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from engage import validate
from engage.db.consultations import list_consultations
from engage.db.partners import list_partners
from engage.errors import EngageError, UserError
from engage.tui.widgets.labels import choices, plain


class Check(Validator):
    """Runs one of engage's own checks (engage.validate and the like) on what is typed: the
    problem it would raise on saving is shown while typing."""

    def __init__(self, check: Callable[[str], Any]) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        try:
            self.check(value)
        except EngageError as problem:
            return self.failure(str(problem))
        return self.success()


def field(label: str, widget: Widget) -> Vertical:
    """A labelled field, with a line under it for what is wrong with it."""
    return Vertical(
        Label(label), widget, Static("", classes="field-problem hidden"), classes="field"
    )


def row(*fields: Widget) -> Horizontal:
    return Horizontal(*fields, classes="field-row")


def show_field_problem(event: Input.Changed) -> None:
    """Under the input's field, say what is wrong with what was typed (or nothing)."""
    holder = event.input.parent
    problems = holder.query(".field-problem") if holder is not None else []
    if not problems:
        return
    line = problems.first(Static)
    result = event.validation_result
    text = "; ".join(result.failure_descriptions) if result and not result.is_valid else ""
    text = re.sub(r" \(got '.*'\)$", "", text)  # what was typed is in the field itself
    line.update(text)
    line.set_class(not text, "hidden")


def date_input(value: str | None, field_id: str, name: str) -> Input:
    """A YYYY-MM-DD field that says as you type when it is not a date."""
    return Input(
        value or "",
        placeholder="YYYY-MM-DD",
        validators=[Check(lambda text: validate.iso_date(text, name))],
        id=field_id,
    )


def required_input(value: str | None, field_id: str, name: str, placeholder: str = "") -> Input:
    """A field that cannot be left empty (said as soon as it is emptied)."""
    return Input(
        value or "",
        placeholder=placeholder,
        validators=[Check(lambda text: validate.required_text(text, name))],
        id=field_id,
    )


def whole_number(text: str, name: str) -> int | None:
    """What was typed as a whole number (None when empty)."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise UserError(f"{name} must be a whole number (got '{text}')") from None


def code_select(codes: tuple[str, ...], value: str | None, field_id: str, prompt: str) -> Select:
    """A choice among ``codes`` (shown in words), ``value`` chosen if it is one of them."""
    return Select(
        choices(codes), value=value if value in codes else Select.NULL, prompt=prompt, id=field_id
    )


def consultation_choices(db) -> list[tuple[str, str]]:
    return [(plain(c["title"]), c["id"]) for c in list_consultations(db)]


def partner_choices(db) -> list[tuple[str, str]]:
    return [(plain(p["name"]), p["id"]) for p in list_partners(db)]


def partner_select(db, chosen: str | None, field_id: str = "partner") -> Select:
    """The partners on the register, ``chosen`` selected."""
    partners = partner_choices(db)
    ids = {pid for _, pid in partners}
    return Select(
        partners,
        value=chosen if chosen in ids else Select.NULL,
        prompt="choose a partner",
        id=field_id,
    )
