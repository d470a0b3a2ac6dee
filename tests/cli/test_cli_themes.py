"""An intern themes a consultation and reviews it through the CLI: theme, list, show, rename,
runs, hand-coding and agreement (with the tiny test embedder instead of the models)."""

from __future__ import annotations

import json
import re

import pytest
from theming_support import three_topics
from typer.testing import CliRunner

from engage.cli.app import app
from engage.db.submissions import add_submission
from engage.theming.testing import HashingEmbedder


@pytest.fixture
def themed(fresh_db, db_path, consultation, monkeypatch):
    """A consultation of 90 answers on three topics, themed once."""
    monkeypatch.setattr("engage.theming.pipeline.get_embedder", lambda name: HashingEmbedder())
    texts, _ = three_topics(per_topic=30)
    for text in texts:
        add_submission(fresh_db, consultation["id"], text)
    ok(db_path, "theme", "Service centre review")
    return db_path


def invoke(db_path, *args: str, input: str | None = None):
    return CliRunner().invoke(app, ["--db", str(db_path), *args], input=input)


def ok(db_path, *args: str, input: str | None = None) -> str:
    result = invoke(db_path, *args, input=input)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_runs_read_as_figures_and_follow_the_review(themed):
    runs = ok(themed, "themes", "runs")
    assert not re.search(r"\d\.\d{4,}", runs)  # no raw floats such as 0.0376569...
    assert "%" in runs
    listed = json.loads(ok(themed, "themes", "runs", "--json"))
    assert isinstance(listed[0]["params"], dict) and isinstance(listed[0]["seconds"], dict)
    before = listed[0]["themes_now"]
    ok(themed, "themes", "merge", "1", "2")
    after = json.loads(ok(themed, "themes", "runs", "--json"))[0]
    assert after["themes_now"] == before - 1
    run = json.loads(ok(themed, "themes", "list", "--json"))["run"]
    assert run["themes_now"] == before - 1 and isinstance(run["campaigns"], list)


def test_show_says_when_there_are_no_scores(themed):
    shown = ok(themed, "themes", "show", "1")
    assert "None" not in shown
    assert "no scores" in shown


def test_an_unknown_run_points_to_the_command_that_lists_runs(themed):
    result = invoke(themed, "themes", "show", "1", "--run", "ffff")
    assert result.exit_code == 2
    assert "engage themes runs" in result.output


def test_themes_are_numbered_from_one_when_coding_and_n_means_none_fits(themed):
    themes = json.loads(ok(themed, "themes", "list", "--json"))["themes"]
    assert sorted(theme["number"] for theme in themes) == list(range(1, len(themes) + 1))
    coded = ok(themed, "themes", "code", "--sample", "3", "--coder", "ana", input="1\nn\n1\n")
    assert "n=none fits" in coded and "0=" not in coded and "1=" in coded
    from engage.db import open_db

    db = open_db(themed)
    choices = [row[0] for row in db.execute("SELECT theme_id FROM codings ORDER BY rowid")]
    assert len(choices) == 3
    assert choices[0] == themes[0]["id"] and choices[1] is None and choices[2] == themes[0]["id"]


def test_coding_stops_cleanly_when_the_input_ends(themed):
    result = invoke(themed, "themes", "code", "--sample", "3", "--coder", "bo", input="1\n")
    assert result.exit_code == 0, result.output
    assert "coded 1 submission(s)" in result.output
    agreement = ok(themed, "themes", "agreement")
    assert "bo vs model" in agreement and "too few to judge" in agreement


def test_a_recommendation_follows_its_theme_into_the_next_run(themed):
    from engage.db import open_db
    from engage.db.recommendations import add_recommendation

    db = open_db(themed)
    themes = json.loads(ok(themed, "themes", "list", "--json"))["themes"]
    parking = next(t for t in themes if "parking" in " ".join(t["keyphrases"]))
    rec = add_recommendation(
        db, "Service centre review", [str(parking["number"])], title="More spaces", text="Lease"
    )
    db.close()
    ok(themed, "theme", "Service centre review", "--seed", "1")
    db = open_db(themed)
    latest = db.execute("SELECT id FROM theme_runs ORDER BY created_at DESC LIMIT 1").fetchone()[0]
    linked = db.execute(
        "SELECT t.run_id, t.keyphrases FROM recommendation_themes l "
        "JOIN themes t ON t.id = l.theme_id WHERE l.recommendation_id = ?",
        [rec["id"]],
    ).fetchall()
    run_of_rec = db.execute("SELECT run_id FROM recommendations WHERE id = ?", [rec["id"]])
    assert run_of_rec.fetchone()[0] == latest
    assert [run for run, _ in linked] == [latest]
    assert "parking" in linked[0][1]


def test_show_gives_the_theme_s_one_sentence_description(themed):
    shown = ok(themed, "themes", "show", "1")
    title_line, description = shown.splitlines()[:2]
    assert title_line.startswith("1. ") and "·" not in title_line
    assert re.fullmatch(r"People (say|ask to) .+\.", description.strip()), description
    listed = json.loads(ok(themed, "themes", "list", "--json"))["themes"]
    assert all(theme["description"] for theme in listed)
