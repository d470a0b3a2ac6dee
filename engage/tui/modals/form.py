"""The shape of every modal form: a title, fields, an error line, Save and Cancel.

Fields check what is typed as it is typed, with engage's own checks (so the form says exactly
what saving would refuse) and show the problem under the field. Saving calls the library; if
it refuses (a UserError) or fails, the message shows in the form and as a notification, and
the form stays open with everything typed in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from engage.errors import EngageError
from engage.tui.screens.base import FAILURES, problem_text

Result = TypeVar("Result")
FIRST_FIELD = "Input, Select, SelectionList, TextArea, Checkbox"


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


SHORT = 32  # rows: below this, buttons take one line too


def make_compact(screen: ModalScreen) -> None:
    """One line per input and select (and per button on a short terminal), so a whole form
    fits a small terminal."""
    for widget in screen.query("Input, Select"):
        widget.compact = True  # type: ignore[attr-defined]
    if screen.app.size.height < SHORT:
        for button in screen.query(Button):
            button.compact = True


def select_value(select: Select) -> Any:
    """The chosen value of a Select, or None when it is blank."""
    return None if select.value is Select.NULL else select.value


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


class FormScreen(ModalScreen[Result], Generic[Result]):
    """A modal form. Subclasses give ``TITLE_TEXT``, ``compose_fields`` and ``save`` (which
    returns the result to dismiss with, or raises an EngageError)."""

    TITLE_TEXT: ClassVar[str] = ""
    SAVE_LABEL: ClassVar[str] = "Save"
    AUTO_FOCUS = FIRST_FIELD  # the first field, not the scrolling frame
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static(self.TITLE_TEXT, classes="form-title")
            yield from self.compose_fields()
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self.SAVE_LABEL, id="save", variant="primary")

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        make_compact(self)

    def save(self) -> Result:
        raise NotImplementedError

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_changed(self, event: Input.Changed) -> None:
        show_field_problem(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            result = self.save()
        except FAILURES as error:
            self.show_error(problem_text(error))
            return
        self.dismiss(result)

    def show_error(self, message: str) -> None:
        """Say what is wrong in the form and as a notification; keep the form open."""
        self.query_one("#form-error", Static).update(message)
        self.notify(message, title="Not saved", severity="error", timeout=8)

    def text(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def choice(self, selector: str) -> Any:
        return select_value(self.query_one(selector, Select))
