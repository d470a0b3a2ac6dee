"""``engage recommend`` and ``engage paper``/``papers`` through the real CLI (CliRunner) on a
real SQLite file."""

from __future__ import annotations

import hashlib
import json

import pytest
from papers_support import SECRET, small_consultation
from typer.main import get_command
from typer.testing import CliRunner

from engage.cli.app import app
from engage.db import open_db

TITLE = "Counter services review"


@pytest.fixture
def db_file(db_path):
    db = open_db(db_path)
    small_consultation(db)
    db.close()
    return db_path


@pytest.fixture
def engage(db_file):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--db", str(db_file), *args])

    return run


SMART_OPTIONS = [
    "--indicator", "Visits served within 20 minutes", "--baseline", "54%",
    "--target", "80% of visits", "--due", "2027-03-31",
]  # fmt: skip


def add(engage, *extra: str):
    return engage(
        "recommend", "add", "-c", TITLE, "--theme", "1", "--title", "Shorter waits",
        "--text", "Open a quick-service wicket.", *extra,
    )  # fmt: skip


def test_add_warns_when_a_recommendation_is_not_smart(engage):
    result = add(engage)
    assert result.exit_code == 0, result.output
    assert "added recommendation R1" in result.stdout
    assert "Wait times at the counter" in result.stdout
    assert result.stderr.startswith("warning: R1 is not SMART yet: no indicator")
    smart = add(engage, *SMART_OPTIONS, "--priority", "high")
    assert smart.exit_code == 0 and "warning" not in smart.stderr


def test_list_shows_a_smart_column(engage):
    add(engage)
    add(engage, *SMART_OPTIONS)
    rows = json.loads(engage("recommend", "list", "--json").stdout)
    assert [r["smart"] for r in rows] == [False, True]
    table = engage("recommend", "list").stdout
    assert "SMART" in table and "no: no indicator" in table and "yes" in table


def test_edit_and_act_record_what_was_done(engage, db_file):
    add(engage)
    edited = engage("recommend", "edit", "R1", *SMART_OPTIONS, "--status", "accepted")
    assert edited.exit_code == 0 and "warning" not in edited.stderr
    acted = engage(
        "recommend", "act", "R1", "Quick wicket opened in Sudbury", "--on", "2026-07-01",
        "--status", "in_progress",
    )  # fmt: skip
    assert acted.exit_code == 0, acted.output
    assert "recorded on 2026-07-01 for R1" in acted.stdout
    shown = engage("recommend", "show", "R1").stdout
    assert "2026-07-01: Quick wicket opened in Sudbury [in_progress]" in shown
    assert "status: in_progress" in shown
    db = open_db(db_file)
    actions = {r[0] for r in db.execute("SELECT action FROM audit")}
    assert {"create", "update"} <= actions


def test_recommend_mistakes_are_one_line_and_exit_2(engage):
    for args in (
        ["recommend", "add", "-c", TITLE, "--title", "x", "--text", "y"],
        ["recommend", "add", "-c", TITLE, "--theme", "1", "--title", "x", "--text", "y",
         "--due", "soon"],
        ["recommend", "act", "R9", "did it"],
        ["recommend", "edit", "R1", "--priority", "urgent"],
    ):  # fmt: skip
        result = engage(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


def test_paper_writes_the_file_and_stores_it(engage, tmp_path):
    add(engage, *SMART_OPTIONS)
    out = tmp_path / "paper.md"
    result = engage("paper", TITLE, "--template", "recommendation-paper", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert SECRET not in text and "Shorter waits" in text
    papers = json.loads(engage("papers", "list", "--json").stdout)
    assert papers[0]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert papers[0]["file"] == "matches"
    shown = engage("papers", "show", papers[0]["id"][:8])
    assert shown.stdout == text
    info = engage("papers", "show", papers[0]["id"][:8], "--info").stdout
    assert "recommendation-paper" in info and papers[0]["sha256"] in info


def test_paper_html_is_one_standalone_file(engage, tmp_path):
    (tmp_path / "papers").mkdir()
    out = tmp_path / "papers" / "paper.html"
    result = engage(
        "paper", TITLE, "--template", "what-we-heard", "--out", str(out), "--format", "html"
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "<script" not in html.lower() and " src=" not in html.lower()
    assert list(out.parent.iterdir()) == [out]  # nothing beside it: no images, no CSS


def test_paper_refuses_to_overwrite_without_force(engage, tmp_path):
    out = tmp_path / "paper.md"
    out.write_text("keep me\n")
    refused = engage("paper", TITLE, "--template", "briefing-note", "--out", str(out))
    assert refused.exit_code == 2
    assert refused.stderr == f"error: {out} already exists; choose another path or use --force\n"
    assert out.read_text() == "keep me\n"
    forced = engage("paper", TITLE, "--template", "briefing-note", "--out", str(out), "--force")
    assert forced.exit_code == 0 and out.read_text().startswith("# Briefing note")


def test_a_sandbox_escape_in_a_users_template_exits_2_with_one_line(engage, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "evil.md.j2").write_text("# Hello\n{{ ''.__class__.__mro__ }}\n")
    result = engage(
        "paper", TITLE, "--template", "evil", "--template-dir", str(folder),
        "--out", str(tmp_path / "evil.md"),
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.startswith("error: template evil.md.j2, line 2: not allowed")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "evil.md").exists()


def test_a_users_template_overrides_the_built_in_one(engage, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "briefing-note.md.j2").write_text("# Our note on {{ consultation.title }}\n")
    out = tmp_path / "note.md"
    result = engage(
        "paper", TITLE, "--template", "briefing-note", "--template-dir", str(folder),
        "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert out.read_text() == f"# Our note on {TITLE}\n"
    listed = engage("papers", "templates", "--template-dir", str(folder)).stdout
    assert f"briefing-note  [{folder}]" in listed and "what-we-heard  [built in" in listed


@pytest.mark.parametrize("group", ["recommend", "papers"])
def test_every_command_and_option_has_help(group):
    root = get_command(app)
    commands = root.commands[group].commands
    for command in [*commands.values(), root.commands["paper"]]:
        assert command.help, command.name
        for parameter in command.params:
            assert getattr(parameter, "help", None), f"{command.name} {parameter.name}"
