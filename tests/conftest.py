"""Shared fixtures: every test gets its own ENGAGE_HOME, so none touches a real home folder."""

from __future__ import annotations

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
    from engage.db.consultations import add_consultation

    return add_consultation(
        fresh_db, "Service centre review", opens_on="2026-03-01", closes_on="2026-06-30"
    )


@pytest.fixture
def sample_data() -> Path:
    return DATA
