"""Driving the app in tests: the fixed terminal size, waiting for workers, typing in fields."""

from __future__ import annotations

from textual.widgets import Input, Select

SIZE = (120, 40)


async def settle(pilot) -> None:
    """Let every worker finish and the messages they posted be handled."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:
    """Focus the input and type ``text`` key by key, as a person would."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.pause()
    await pilot.press(*text)


def choose(pilot, selector: str, value) -> None:
    pilot.app.screen.query_one(selector, Select).value = value


class Notice:
    """A notification the app showed: its message and severity."""

    def __init__(self, message: str, severity: str) -> None:
        self.message = message
        self.severity = severity


def record_notices(app) -> list[Notice]:
    """Keep every notification ``app`` shows (screens and widgets notify through the app)."""
    notices: list[Notice] = []
    show = app.notify

    def notify(message, *args, severity="information", **kwargs):
        notices.append(Notice(str(message), severity))
        return show(message, *args, severity=severity, **kwargs)

    app.notify = notify
    return notices
