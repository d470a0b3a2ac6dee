"""The interfaces and use cases talk to the database through engage.db's functions: no SQL
statement and no direct query outside engage/db (read from the source; nothing is run)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "engage"
# A statement, or a call that runs one (the app's .query("#id") finds widgets, not rows).
SQL = re.compile(r"\.execute(many|script)?\(|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")


def sql_lines(paths: list[Path], root: Path) -> list[str]:
    return [
        f"{path.relative_to(root)}:{number}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SQL.search(line)
    ]


def test_no_sql_outside_the_database_modules():
    outside = [p for p in sorted(PACKAGE.rglob("*.py")) if p.relative_to(PACKAGE).parts[0] != "db"]
    assert sql_lines(outside, PACKAGE) == []


def test_a_query_in_an_interface_would_be_found(tmp_path):
    screen = tmp_path / "screen.py"
    screen.write_text('rows = db.execute("SELECT id FROM partners").fetchall()\n')
    assert sql_lines([screen], tmp_path) == ["screen.py:1"]
