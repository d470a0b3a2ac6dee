"""Fixtures of the app tests: the fixed sample database and the app on it, at a fixed size and
on a fixed day."""

from __future__ import annotations

from datetime import date

import pytest
from tui_clock import TypingPause
from tui_pilot import record_notices
from tui_sample import build_sample_db

TODAY = date(2026, 6, 15)  # after every date in the sample: its follow-ups are due


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def sample(tmp_path):
    built = build_sample_db(tmp_path / "office.db")
    yield built
    built["db"].close()


@pytest.fixture
def app(sample):
    from engage.tui.app import make_app

    app = make_app(sample["db"])
    app.notices = record_notices(app)
    app.today = lambda: TODAY
    return app


@pytest.fixture
def typing_pause(monkeypatch) -> TypingPause:
    """The submissions search's pause in typing, ended by the test (``typing_pause.end()``)."""
    return TypingPause().install(monkeypatch)
