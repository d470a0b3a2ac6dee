"""The command tree as a whole: every command and option explains itself, every command's
help ends with an example to paste, and starting the CLI stays light (no theming or TUI
libraries until they are needed)."""

from __future__ import annotations

import inspect
import json
import re
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


def commands():
    """Every command that does something (not the groups), with its path."""
    return [(p, c) for p, c in walk(typer.main.get_command(app)) if not hasattr(c, "commands")]


# Every command's docstring is one imperative line, optionally a short paragraph, then an
# Example: block with one realistic command a user can paste (names from the demo, so that
# it works on the demo database). The \b line stops Click from rewrapping the example; a
# long command goes on over more lines, each but the last ending in " \\" as in a shell:
#
#     """Show a theme: keyphrases, quotes, examples and who raised it.
#
#     Example:
#
#     \b
#         engage themes show 3
#     """
#
#     """Add a recommendation answering one or more themes of a run.
#
#     Example:
#
#     \b
#         engage recommend add -c "Modernisation Review" --theme 3 \\
#             --title "Keep kiosks working" --due 2027-03-31
#     """
EXAMPLE = re.compile(r"\n\nExample:\n\n\x08\n((?: {4}\S.*\n?)(?: {8}\S.*\n?)*)$")


def example(command) -> list[str]:
    """The lines of the example the command's docstring ends with ([] if there is none)."""
    found = EXAMPLE.search(inspect.cleandoc(command.help or "") + "\n")
    return [line.strip() for line in found[1].splitlines()] if found else []


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


def test_every_command_ends_its_help_with_one_example_to_paste():
    wrong = []
    for path, command in commands():
        name, lines = " ".join(path), example(command)
        first_paragraph = inspect.cleandoc(command.help or "").split("\n\n")[0]
        if "\n" in first_paragraph:
            wrong.append(f"{name}: the docstring should start with one line")
        if not lines or not lines[0].startswith(name + " ") and lines[0] != name:
            wrong.append(f"{name}: no Example: block (\\b line and all) ends its docstring")
        elif any(not line.endswith(" \\") for line in lines[:-1]) or lines[-1].endswith("\\"):
            wrong.append(f"{name}: one command; continue a long one with ' \\' line ends")
    assert wrong == [], "\n".join(wrong)


def test_help_prints_the_example_as_written():
    from typer.testing import CliRunner

    runner = CliRunner()
    for path, command in commands():
        shown = runner.invoke(app, [*path[1:], "--help"], terminal_width=80).stdout
        lines = [line.strip() for line in shown.splitlines()]
        start = lines.index("Example:") if "Example:" in lines else len(lines)
        printed = [line for line in lines[start + 1 :] if line][: len(example(command))]
        assert printed == example(command), " ".join(path)  # not rewrapped nor joined
