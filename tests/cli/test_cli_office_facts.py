"""Facts a paper rests on stay honest from the command line: the office's name is set once in
the database; an import's dates and channel are the file's (or the one given for the whole
file), never the import day; themes say which consultation they belong to; merging leaves
the bundle it reads untouched; the demo keeps what was done in it."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engage.cli.app import app


def run(db: Path | None, *args: str):
    prefix = ["--db", str(db)] if db else []
    return CliRunner().invoke(app, [*prefix, *args])


def ok(db: Path | None, *args: str) -> str:
    result = run(db, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("ENGAGE_OFFICE")  # a new database whose office is not named yet
    path = tmp_path / "office.db"
    ok(path, "consultations", "add", "Service centre hours review")
    return path


def write_csv(path: Path, header: list[str], lines: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(lines)
    return path


def test_the_office_is_named_once_and_papers_and_bundles_use_it(db, tmp_path):
    assert "not named yet" in ok(db, "db", "office")
    ok(db, "partners", "add", "Timmins Chamber", "--kind", "business", "--sharing", "public")
    said = ok(db, "db", "office", "Sudbury ServiceOntario Centre")
    assert "was Local office" in said and "restamped" in said
    assert ok(db, "db", "office").strip() == "Sudbury ServiceOntario Centre"
    assert rows(db, "SELECT DISTINCT office FROM partners") == [("Sudbury ServiceOntario Centre",)]
    audit = rows(db, "SELECT details FROM audit WHERE action = 'rename_office'")
    assert json.loads(audit[0][0])["to"] == "Sudbury ServiceOntario Centre"
    ok(db, "export", "bundle", str(tmp_path / "office.engage"))
    bundle = rows(tmp_path / "office.engage", "SELECT value FROM settings WHERE key = 'office'")
    assert bundle == [("Sudbury ServiceOntario Centre",)]


def test_a_paper_of_an_unnamed_office_says_how_to_name_it(db, tmp_path):
    store_a_theme_run(db)
    result = run(db, "paper", "hours review", "--template", "what-we-heard",
                 "--out", str(tmp_path / "heard.md"))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert 'engage db office "NAME"' in result.stderr
    ok(db, "db", "office", "Sudbury ServiceOntario Centre")
    result = run(db, "paper", "hours review", "--template", "what-we-heard",
                 "--out", str(tmp_path / "heard2.md"))  # fmt: skip
    assert "engage db office" not in result.stderr
    assert "Sudbury ServiceOntario Centre" in (tmp_path / "heard2.md").read_text()


def test_an_import_without_a_date_column_keeps_its_dates_unknown(db, tmp_path):
    export = write_csv(tmp_path / "notes.csv", ["Comment"], [["Longer hours"], ["More staff"]])
    ok(db, "import", str(export), "-c", "hours review")
    assert rows(db, "SELECT received_at, channel FROM submissions") == [(None, None)] * 2


def test_channel_sets_the_channel_of_every_row_of_the_file(db, tmp_path):
    export = write_csv(
        tmp_path / "survey.csv",
        ["Date", "Channel", "Comment"],
        [["2026-03-02", "Phone", "Longer hours"], ["2026-03-04", "", "More staff"]],
    )
    said = ok(db, "import", str(export), "-c", "hours review", "--channel", "survey")
    assert "every row's channel: survey" in said
    assert rows(db, "SELECT received_at, channel FROM submissions ORDER BY received_at") == [
        ("2026-03-02", "survey"),
        ("2026-03-04", "survey"),
    ]


def test_rows_heard_in_a_session_take_its_channel(db, tmp_path):
    ok(db, "sessions", "log", "-c", "hours review", "--date", "2026-03-14", "--kind",
       "town_hall", "--channel", "in_person")  # fmt: skip
    session = rows(db, "SELECT id FROM sessions")[0][0]
    export = write_csv(tmp_path / "notes.csv", ["Comment"], [["Longer hours"]])
    ok(db, "import", str(export), "-c", "hours review", "--session", session[:8])
    assert rows(db, "SELECT channel, received_at FROM submissions") == [("in_person", None)]


def store_a_theme_run(db: Path) -> None:
    """One submission and a run with one theme, stored as theming would store it."""
    import numpy as np

    from engage.db import open_db
    from engage.db.theme_runs import StoredRun, select_submissions
    from engage.services.theme import store_run
    from engage.theming.result import DocFlags, Theme, ThemingResult

    ok(db, "submissions", "add", "-c", "hours review", "--consent", "Open on Saturdays please.")
    store = open_db(db)
    consultation = rows(db, "SELECT id FROM consultations")[0][0]
    submissions = select_submissions(store, consultation)
    result = ThemingResult(
        assignments=[0], probabilities=[1.0],
        themes=[Theme(0, "Saturday hours", ["saturday"], 1, [], np.zeros(4))],
        flags=[DocFlags()], campaigns=[], params={}, seed=0, versions={}, seconds={},
        stability=None,
    )  # fmt: skip
    store_run(
        store,
        StoredRun(
            consultation_id=consultation, backend="fast", submissions=submissions, result=result
        ),
    )
    store.close()


def test_themes_list_names_its_consultation(db):
    store_a_theme_run(db)
    listing = ok(db, "themes", "list")
    assert "Service centre hours review" in listing
    assert json.loads(ok(db, "themes", "list", "--json"))["run"]["consultation"] == (
        "Service centre hours review"
    )


def test_merge_reads_the_bundle_without_leaving_anything_beside_it(db, tmp_path):
    ok(db, "export", "bundle", str(tmp_path / "office.engage"))
    ok(tmp_path / "province.db", "merge", str(tmp_path / "office.engage"))
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("office.engage"))
    assert beside == ["office.engage"]  # no office.engage-wal, -shm or copy
    assert rows(tmp_path / "province.db", "SELECT title FROM consultations") == [
        ("Service centre hours review",)
    ]


def test_the_demo_is_reopened_as_left_until_fresh_rebuilds_it(engage_home):
    from engage.config import demo_db_path

    ok(None, "demo", "--no-open", "--no-theme")
    demo = demo_db_path()
    conn = sqlite3.connect(demo)
    conn.execute("UPDATE partners SET notes = 'my own note' WHERE rowid = 1")
    conn.commit()
    conn.close()
    said = ok(None, "demo", "--no-open")
    assert "--fresh rebuilds it" in said and "building" not in said
    assert rows(demo, "SELECT COUNT(*) FROM partners WHERE notes = 'my own note'") == [(1,)]
    ok(None, "demo", "--no-open", "--no-theme", "--fresh")
    assert rows(demo, "SELECT COUNT(*) FROM partners WHERE notes = 'my own note'") == [(0,)]
