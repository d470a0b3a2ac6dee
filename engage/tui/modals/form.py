"""The shape of every modal form: a title, fields, an error line, Save and Cancel.

Fields check what is typed as it is typed, with engage's own checks (so the form says exactly
what saving would refuse) and show the problem under the field. Saving calls the library; if
it refuses (a UserError) or fails, the message shows in the form and as a notification, and
the form stays open with everything typed in it.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from engage.errors import UserError
from engage.tui.failures import FAILURES, problem_text
from engage.tui.modals.fields import field, partner_select, show_field_problem
from engage.tui.widgets.labels import select_value

Result = TypeVar("Result")
FIRST_FIELD = "Input, Select, SelectionList, TextArea, Checkbox"


SHORT = 32  # rows: below this, buttons take one line too


def make_compact(screen: ModalScreen) -> None:
    """One line per input and select (and per button on a short terminal), so a whole form
    fits a small terminal."""
    for widget in screen.query("Input, Select"):
        widget.compact = True  # type: ignore[attr-defined]
    if screen.app.size.height < SHORT:
        for button in screen.query(Button):
            button.compact = True


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


class PartnerDetailForm(FormScreen[dict]):
    """A form for something kept under a partner (a contact, an interaction): a new one asks
    which partner (``partner_id`` chosen to begin with), an edited one keeps its partner.
    Subclasses give ``detail_fields``, ``values``, ``add`` and ``edit``."""

    PARTNER_MISSING: ClassVar[str] = "choose the partner"

    def __init__(self, db, partner_id: str | None, record: dict[str, Any] | None) -> None:
        super().__init__()
        self.db = db
        self.partner_id = partner_id
        self.record = record or {}

    def compose_fields(self) -> ComposeResult:
        if not self.record:
            yield field("Partner", partner_select(self.db, self.partner_id))
        yield from self.detail_fields()

    def detail_fields(self) -> ComposeResult:
        yield from ()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def add(self, partner_id: str, values: dict[str, Any]) -> dict:
        raise NotImplementedError

    def edit(self, values: dict[str, Any]) -> dict:
        raise NotImplementedError

    def save(self) -> dict:
        values = self.values()
        if self.record:
            return self.edit(values)
        partner = self.choice("#partner")
        if partner is None:
            raise UserError(self.PARTNER_MISSING)
        return self.add(partner, values)
