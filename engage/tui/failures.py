"""Failures shown as notifications instead of crashes: what counts as a failure the app can
tell the user about, the one line it says, and the ways screens, forms and workers report it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from textual.message import Message

from engage.db.connection import store_error
from engage.errors import EngageError, NotFound, NoThemeRun

Result = TypeVar("Result")
FAILURES = (EngageError, sqlite3.Error, OSError)
# What to press where the app has a key for what the core asks: by the error's kind, and for
# something not found, by what was looked for.
NO_THEME_RUN_KEYS = "press t, then g, to theme the consultation"
LISTING_KEYS = {"themes": "t lists the themes", "recommendations": "r lists the recommendations"}


def problem_text(error: BaseException) -> str:
    """What to tell the user about a failure, in one line, with the key that helps."""
    text = str(store_error(error)) if isinstance(error, sqlite3.Error) else str(error)
    hint = key_hint(error)
    return f"{text}: {hint}" if hint else text


def key_hint(error: BaseException) -> str:
    """The app's key for what the core asks the user to do, or "" where it has none."""
    if isinstance(error, NoThemeRun):
        return NO_THEME_RUN_KEYS
    if isinstance(error, NotFound):
        return LISTING_KEYS.get(error.table, "")
    return ""


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
