"""PRIVACY.md states facts a privacy review relies on: each names the test that checks it,
and every test it names exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)(?:::(test_\w+))?`")


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_test_named_in_the_privacy_note_exists():
    note = (ROOT / "PRIVACY.md").read_text(encoding="utf-8")
    references = REFERENCE.findall(note)
    assert len(references) >= 40
    missing = []
    for file, test in references:
        path = ROOT / file
        if not path.is_file() or (test and test not in _tests_in(path)):
            missing.append(f"{file}::{test}")
    assert missing == []


def test_the_readme_points_to_the_privacy_note():
    assert "PRIVACY.md" in (ROOT / "README.md").read_text(encoding="utf-8")
