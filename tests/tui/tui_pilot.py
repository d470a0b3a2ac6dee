"""Driving the app in tests: the fixed terminal size, waiting for workers, typing in fields."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.widgets import DataTable, Input, Select

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


@asynccontextmanager
async def running(app, size: tuple[int, int] = SIZE) -> AsyncIterator:
    """The app running headless at ``size``, its first screen settled: yields the pilot."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot


async def step(pilot, *keys: str) -> None:
    """Press each key in turn, letting the app settle after each (as a person waits to see
    what a key did before pressing the next)."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def table_rows(pilot, selector: str) -> list[list[str]]:
    """Every row of the screen's table ``selector``, as the text of its cells."""
    table = pilot.app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def table_column(pilot, selector: str, index: int) -> list[str]:
    """One column of the screen's table ``selector``, top to bottom."""
    return [row[index] for row in table_rows(pilot, selector)]


def text_of(pilot, selector: str) -> str:
    """What the screen's widget ``selector`` shows."""
    return str(pilot.app.screen.query_one(selector).render())
