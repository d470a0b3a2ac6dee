"""Shared fixtures: every test gets its own ENGAGE_HOME, so none touches a real home folder;
a test that cares what time it is sets engage's clock instead of reading or waiting for the
real one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def engage_home(tmp_path_factory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("engage-home")
    monkeypatch.setenv("ENGAGE_HOME", str(home))
    monkeypatch.delenv("ENGAGE_DB", raising=False)
    monkeypatch.setenv("ENGAGE_USER", "tester")
    monkeypatch.setenv("ENGAGE_OFFICE", "Sudbury Service Centre")
    return home


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "office.db"


@pytest.fixture
def fresh_db(db_path):
    from engage.db import open_db

    db = open_db(db_path)
    yield db
    db.close()


@pytest.fixture
def consultation(fresh_db) -> dict:
    from engage.db.consultations import ConsultationFields, add_consultation

    return add_consultation(
        fresh_db,
        ConsultationFields(
            title="Service centre review", opens_on="2026-03-01", closes_on="2026-06-30"
        ),
    )


@pytest.fixture
def sample_data() -> Path:
    return DATA


class ManualClock:
    """Stands in for engage's clock: it stays where it is until the test moves it."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    def stamp(self) -> str:
        """The time as engage stamps it on a row."""
        return self.now.isoformat(timespec="microseconds")


@pytest.fixture
def clock(monkeypatch) -> ManualClock:
    """engage's clock stopped at 2026-12-01 09:30 UTC; ``clock.advance(minutes=5)`` moves it.
    Ask for it before the fixtures that write rows, so that every row is stamped by it."""
    import engage.ids

    manual = ManualClock(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
    monkeypatch.setattr(engage.ids, "clock", manual)
    return manual
