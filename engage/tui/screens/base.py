"""What every mode screen shares: the header and footer, the database, a reload when the data
changed elsewhere, and failures shown as notifications instead of crashes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header

from engage.errors import EngageError
from engage.tui.widgets.mode_bar import ModeBar

if TYPE_CHECKING:
    import sqlite_utils

    from engage.tui.app import EngageApp

Result = TypeVar("Result")
FAILURES = (EngageError, sqlite3.Error, OSError)


def problem_text(error: BaseException) -> str:
    """What to tell the user about a failure, in one line."""
    if isinstance(error, sqlite3.Error):
        from engage.db.connection import store_error

        return str(store_error(error))
    return str(error)


def attempt(node: Any, action: Callable[..., Result], *args: Any, **kwargs: Any) -> Result | None:
    """Run ``action``; a refusal or a failure becomes an error notification (the form or
    screen stays as it is) and None is returned."""
    try:
        return action(*args, **kwargs)
    except FAILURES as error:
        node.notify(problem_text(error), title="Not done", severity="error", timeout=8)
        return None


def succeeded(node: Any, action: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """Run ``action`` for its effect; False (and an error notification) if it failed."""
    try:
        action(*args, **kwargs)
    except FAILURES as error:
        node.notify(problem_text(error), title="Not done", severity="error", timeout=8)
        return False
    return True


class WorkFailed(Message):
    """A worker could not do its job; ``text`` says why, in one line."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def failure(error: BaseException) -> WorkFailed:
    return WorkFailed(problem_text(error))


def post_or_fail(node: Any, read: Callable[[], Message]) -> None:
    """In a worker: post the message ``read`` makes, or WorkFailed if reading failed."""
    try:
        message = read()
    except FAILURES as error:
        node.post_message(failure(error))
        return
    node.post_message(message)


class ModeScreen(Screen[None]):
    """The base screen of one mode. Subclasses compose their body and load their data in
    ``reload``; a mode whose data changed while it was hidden reloads when shown again."""

    MODE: ClassVar[str] = ""
    loaded_version = -1

    @property
    def engage(self) -> EngageApp:
        return self.app  # type: ignore[return-value]

    @property
    def db(self) -> sqlite_utils.Database:
        return self.engage.db

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        with Vertical(id="bottom-bars"):
            yield Footer()
            yield ModeBar(self.MODE)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self) -> None:
        if self.loaded_version != self.engage.data_version:
            self.loaded_version = self.engage.data_version
            self.reload()

    def reload(self) -> None:
        """Load (again) what the screen shows."""

    def on_work_failed(self, message: WorkFailed) -> None:
        self.notify(message.text, title="Not done", severity="error", timeout=8)

    def changed(self) -> None:
        """Tell every mode that the data changed, and reload this one now."""
        self.engage.data_changed()
        self.loaded_version = self.engage.data_version
        self.reload()
