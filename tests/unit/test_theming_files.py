"""theme_file and ``engage theme-file``: every row back with its theme, clear errors."""

from __future__ import annotations

import json

import pandas
import pytest
import typer
from typer.testing import CliRunner

from engage.errors import DataError
from engage.theming.testing import HashingEmbedder
from tests.unit.test_theming_pipeline import three_topics


@pytest.fixture
def survey(tmp_path):
    texts, _ = three_topics(per_topic=20)
    texts += ["n/a", "", "No comment"]
    table = pandas.DataFrame(
        {
            "Response ID": [f"R{i}" for i in range(len(texts))],
            "Comments": texts,
            "Office": "Sudbury",
        }
    )
    path = tmp_path / "survey.csv"
    table.to_csv(path, index=False)
    return path, len(texts)


@pytest.fixture
def fake_backend(monkeypatch):
    monkeypatch.setattr("engage.theming.pipeline.get_embedder", lambda name: HashingEmbedder())


def test_every_row_comes_back_with_its_theme(survey, tmp_path, fake_backend):
    path, count = survey
    out, summary_path = tmp_path / "themed.csv", tmp_path / "summary.json"
    summary = __import__("engage.theming.files", fromlist=["theme_file"]).theme_file(
        path, "Comments", out, summary_json=summary_path
    )
    themed = pandas.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert len(themed) == count
    assert list(themed.columns) == [
        "Response ID", "Comments", "Office", "theme_id", "theme_label", "theme_note"
    ]  # fmt: skip
    assert themed["Response ID"].tolist() == [f"R{i}" for i in range(count)]
    tail = themed.tail(3)
    assert tail["theme_id"].tolist() == ["-1", "-1", "-1"]
    assert tail["theme_label"].tolist() == ["", "", ""]
    assert tail["theme_note"].tolist() == ["non-answer"] * 3
    assert set(themed["theme_note"][themed["theme_id"] != "-1"]) == {""}
    assert set(themed["theme_id"].astype(int)) >= {1, 2, 3}
    written = json.loads(summary_path.read_text())
    assert written["n_docs"] == count == summary["n_docs"]
    assert 3 <= written["n_themes"] <= 6
    assert set(written["seconds"]) >= {"prepare", "embed", "cluster", "represent"}
    assert written["themes"][0]["label"]


def test_xlsx_in_and_out(tmp_path, fake_backend):
    from engage.theming.files import theme_file

    texts, _ = three_topics(per_topic=10)
    source = tmp_path / "survey.xlsx"
    pandas.DataFrame({"Answer": texts}).to_excel(source, index=False)
    theme_file(source, "answer", tmp_path / "out.xlsx")
    assert len(pandas.read_excel(tmp_path / "out.xlsx")) == len(texts)


def test_unknown_column_names_the_available_ones(survey, tmp_path):
    from engage.theming.files import theme_file

    path, _ = survey
    with pytest.raises(DataError, match="no column 'Feedback'.*'Response ID', 'Comments'"):
        theme_file(path, "Feedback", tmp_path / "out.csv")


def _cli() -> typer.Typer:
    from engage.cli.theme_file import register

    app = typer.Typer()
    register(app)

    @app.command("other")
    def other() -> None:
        """Keeps Typer from collapsing a one-command app."""

    return app


def test_command_writes_the_file_and_prints_the_themes(survey, tmp_path, fake_backend):
    path, count = survey
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        _cli(), ["theme-file", str(path), "--text-column", "Comments", "--out", str(out),
                 "--seed", "1", "--summary-json", str(tmp_path / "s.json")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Themed {count} answers into " in result.stdout
    assert "Grouping answers ... done" in result.stderr
    # a fresh ENGAGE_HOME: the one-off work of a machine's first run is announced, once
    assert result.stderr.count("Note: first run on this machine") == 1
    assert len(pandas.read_csv(out)) == count


def test_command_errors_are_one_line_and_exit_2(survey, tmp_path):
    path, _ = survey
    runner = CliRunner()
    result = runner.invoke(
        _cli(), ["theme-file", str(path), "--text-column", "Nope", "--out", str(tmp_path / "o.csv")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: survey.csv has no column 'Nope'")
    assert len(result.stderr.strip().splitlines()) == 1
    missing = runner.invoke(
        _cli(), ["theme-file", str(tmp_path / "absent.csv"), "--text-column", "x", "--out", "o.csv"]
    )
    assert missing.exit_code == 2 and "error:" in missing.stderr
    from engage.cli.app import app  # the whole CLI: its one-line errors

    slow = ["--backend", "slow"]
    backend = runner.invoke(
        app, ["theme-file", str(path), "--text-column", "x", "--out", "o.csv", *slow]
    )
    assert backend.exit_code == 2
    assert "'slow' is not one of 'fast', 'quality'" in backend.stderr
    assert "Value error" not in backend.stderr


def test_every_option_has_help():
    from typer.main import get_command

    command = get_command(_cli()).commands["theme-file"]
    assert command.help
    for parameter in command.params:
        assert getattr(parameter, "help", None), parameter.name


def test_command_says_how_answers_in_the_other_language_were_themed(tmp_path, fake_backend):
    texts, _ = three_topics(per_topic=40)
    nouns = ["stationnement", "attente", "comptoir", "formulaire", "site", "horaire", "guichet"]
    french = [f"Il faut {a} et {b} à {c}" for a in nouns for b in nouns
              for c in ("Hearst", "Timmins") if a < b][:30]  # fmt: skip
    path = tmp_path / "bilingual.csv"
    pandas.DataFrame({"Comments": texts + french}).to_csv(path, index=False)
    result = CliRunner().invoke(
        _cli(), ["theme-file", str(path), "--text-column", "Comments", "--out",
                 str(tmp_path / "out.csv")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Note: 30 answers in French joined the themes found in the English ones" in result.stdout


def test_personal_information_never_reaches_the_themes_or_the_summary(tmp_path, fake_backend):
    texts, _ = three_topics(per_topic=20)
    callback = "Nobody called me back, my number is 416-555-0199"
    texts += [callback] * 25 + [f"Write to jo.{i}@example.ca about my renewal" for i in range(5)]
    source, out = tmp_path / "survey.csv", tmp_path / "themed.csv"
    pandas.DataFrame({"Comments": texts}).to_csv(source, index=False)
    result = CliRunner().invoke(
        _cli(), ["theme-file", str(source), "--text-column", "Comments", "--out", str(out),
                 "--summary-json", str(tmp_path / "s.json")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "hidden in 30 answers before theming" in result.stdout
    summary = (tmp_path / "s.json").read_text()
    assert json.loads(summary)["n_redacted"] == 30
    assert "555" not in summary and "example.ca" not in summary
    assert "555" not in result.stdout
    assert "[PHONE]" in summary  # the answer is still quoted, without the number
    # the rows written back are the file's own
    themed = pandas.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert themed["Comments"].tolist() == texts
