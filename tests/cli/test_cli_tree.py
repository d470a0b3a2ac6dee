"""The command tree as a whole: every command and option explains itself, and starting
the CLI stays light (no theming or TUI libraries until they are needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import typer

from engage.cli.app import app

HEAVY = (
    "pandas",
    "bertopic",
    "torch",
    "sklearn",
    "sentence_transformers",
    "umap",
    "numba",
    "textual",
)


def walk(command, path=("engage",)):
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, (*path, name))


def test_every_command_option_and_argument_has_help():
    missing = []
    commands = list(walk(typer.main.get_command(app)))
    for path, command in commands:
        name = " ".join(path)
        if not (command.help or command.short_help):
            missing.append(name)
        for param in command.params:
            if "--help" in getattr(param, "opts", ()):
                continue
            if not (getattr(param, "help", None) or "").strip():
                missing.append(f"{name} {'/'.join(param.opts)}")
    assert missing == []
    # The walk really saw the tree, not just the root.
    names = {" ".join(path) for path, _ in commands}
    assert {
        "engage partners add",
        "engage sessions log",
        "engage submissions withdraw",
        "engage import",
        "engage export bundle",
        "engage merge",
        "engage db check",
    } <= names


def test_importing_the_cli_loads_no_heavy_library():
    probe = (
        "import json, sys\n"
        "import engage.cli.app\n"
        f"heavy = {HEAVY!r}\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def engage_command() -> list[str]:
    script = Path(sys.executable).with_name("engage")
    return [str(script)] if script.exists() else [sys.executable, "-m", "engage"]


def test_engage_help_runs_and_lists_the_commands():
    result = subprocess.run(
        [*engage_command(), "--help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    for command in ("partners", "consultations", "sessions", "submissions", "import"):
        assert command in result.stdout
    for command in ("export", "merge", "db"):
        assert command in result.stdout


def test_every_command_prints_its_help():
    from typer.testing import CliRunner

    runner = CliRunner()
    for path, _ in walk(typer.main.get_command(app)):
        result = runner.invoke(app, [*path[1:], "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.stdout
