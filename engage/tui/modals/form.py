"""The shape of every modal form: a title, fields, an error line, Save and Cancel.

Saving calls the library; if it refuses (a UserError) or fails, the message shows in the form
and as a notification, and the form stays open with everything typed in it.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from engage.tui.screens.base import FAILURES, problem_text

Result = TypeVar("Result")


def field(label: str, widget: Widget) -> Vertical:
    """A labelled field."""
    return Vertical(Label(label), widget, classes="field")


def row(*fields: Widget) -> Horizontal:
    return Horizontal(*fields, classes="field-row")


def make_compact(screen: ModalScreen) -> None:
    """One line per input and select, so a whole form fits a 40-line terminal."""
    for widget in screen.query("Input, Select"):
        widget.compact = True  # type: ignore[attr-defined]


def select_value(select: Select) -> Any:
    """The chosen value of a Select, or None when it is blank."""
    return None if select.value is Select.NULL else select.value


class FormScreen(ModalScreen[Result], Generic[Result]):
    """A modal form. Subclasses give ``TITLE_TEXT``, ``compose_fields`` and ``save`` (which
    returns the result to dismiss with, or raises an EngageError)."""

    TITLE_TEXT: ClassVar[str] = ""
    SAVE_LABEL: ClassVar[str] = "Save"
    AUTO_FOCUS = "Input, Select, SelectionList"  # the first field, not the scrolling frame
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
