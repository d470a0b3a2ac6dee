"""The core says what is wrong; the CLI adds the command that helps. A message of the
core never names a CLI command or option (the app would show it to someone who has no
command line in front of them)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engage.cli.app import app
from engage.db import records
from engage.db.theme_runs import resolve_run
from engage.errors import NoTextColumn, NotFound, NoThemeRun
from engage.services.imports import import_file

PACKAGE = Path(__file__).resolve().parents[2] / "engage"
COMMAND_WORDS = re.compile(r"['\"]engage [a-z]|(^|[\s(])--[a-z]")


def fails(db: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 2, result.output
    return result.stderr


def test_no_theme_run_yet_is_said_plainly_by_the_core_and_with_its_command_by_the_cli(
    fresh_db, db_path, consultation
):
    with pytest.raises(NoThemeRun) as caught:
        resolve_run(fresh_db, consultation=consultation["id"])
    assert str(caught.value) == "no theme run yet"
    said = fails(db_path, "themes", "list")
    assert said == "error: no theme run yet: run 'engage theme CONSULTATION' first\n"


def test_an_unknown_partner_points_at_the_command_that_lists_partners(fresh_db, db_path):
    with pytest.raises(NotFound) as caught:
        records.resolve(fresh_db, "partners", "Nobody at all")
    assert (str(caught.value), caught.value.table) == (
        "no partner matches 'Nobody at all'",
        "partners",
    )
    said = fails(db_path, "partners", "show", "Nobody at all")
    assert said == "error: no partner matches 'Nobody at all' (see 'engage partners list')\n"


def test_a_file_without_free_text_names_the_option_that_picks_its_column(
    fresh_db, db_path, consultation, tmp_path
):
    numbers = tmp_path / "ratings.csv"
    numbers.write_text("Date,Rating\n2026-03-01,4\n2026-03-02,5\n", encoding="utf-8")
    with pytest.raises(NoTextColumn) as caught:
        import_file(fresh_db, numbers, consultation["id"])
    assert "--map" not in str(caught.value)
    said = fails(db_path, "import", str(numbers), "-c", consultation["id"])
    assert said.rstrip().endswith("(name it with --map COLUMN=text)")


def command_words(path: Path) -> list[str]:
    """Strings of a module (not its docstrings) that name an engage command or option."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value.strip()}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and COMMAND_WORDS.search(node.value)
    ]


def core_modules(theming: bool) -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in ("cli", "tui")
        and (path.relative_to(PACKAGE).parts[0] == "theming") == theming
    ]


def test_the_core_names_no_cli_command_or_option():
    found = [line for path in core_modules(theming=False) for line in command_words(path)]
    assert not found, "core messages naming the CLI: " + " | ".join(found)


def test_theming_names_no_cli_option():
    found = [line for path in core_modules(theming=True) for line in command_words(path)]
    assert not found, "theming messages naming the CLI: " + " | ".join(found)
