"""The code keeps the shape a reader relies on: no function of engage takes more than five
parameters (state that travels further goes in a record, as a theming run does), and the
formatter lays out every line (no ``fmt: skip`` or ``fmt: off``)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import typer

import engage
from engage.cli.app import app

ENGAGE = Path(engage.__file__).parent
MOST_PARAMETERS = 5


def modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(ENGAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(ENGAGE.rglob("*.py"))
    ]


def parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    """Its parameters as a caller fills them: positional and keyword-only, not self or cls."""
    arguments = function.args
    names = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def command_functions() -> set[str]:
    """The functions behind the CLI's commands: each of their parameters is an option or
    argument a person types, so the command line, not the code, sets how many there are."""
    found = set()
    stack = [typer.main.get_command(app)]
    while stack:
        command = stack.pop()
        stack.extend(getattr(command, "commands", {}).values())
        if command.callback is not None:
            function = inspect.unwrap(command.callback)
            path = Path(inspect.getsourcefile(function)).relative_to(ENGAGE).as_posix()
            found.add(f"{path}:{function.__name__}")
    return found


def too_many_parameters(tree: list[tuple[str, ast.Module]], exempt: set[str]) -> list[str]:
    found = []
    for path, module in tree:
        for node in ast.walk(module):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            where = f"{path}:{node.name}"
            count = len(parameters(node))
            if count > MOST_PARAMETERS and where not in exempt:
                found.append(f"{where} takes {count} parameters")
    return found


def test_no_function_takes_more_than_five_parameters():
    assert too_many_parameters(modules(), command_functions()) == []


def test_a_sixth_parameter_is_caught_keyword_only_included():
    source = "def store(db, run, *, seed, backend, progress, cache):\n    pass\n"
    method = (
        "class Run:\n    def fit(self, texts, seed, settings, progress, cache):\n        pass\n"
    )
    tree = [("one.py", ast.parse(source)), ("two.py", ast.parse(method))]
    assert too_many_parameters(tree, set()) == ["one.py:store takes 6 parameters"]


def test_the_formatter_lays_out_every_line():
    held = [
        f"{path}:{number}"
        for path, _ in modules()
        for number, line in enumerate((ENGAGE / path).read_text(encoding="utf-8").splitlines(), 1)
        if "fmt: skip" in line or "fmt: off" in line
    ]
    assert held == []
