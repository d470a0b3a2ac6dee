"""Ctrl+C during a long command, in a real child process sent SIGINT: the command says what
was stored, exits 130, and never shows the interrupted stage as done."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engage.db import open_db

CHILD = Path(__file__).with_name("interrupted_child.py")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
WAIT = 60  # seconds a child may take to reach the blocking point on a busy machine


def interrupt(target: str, stages: str, *args: str, env: dict | None = None):
    """Run ``engage ARGS`` until it blocks in ``target``, send SIGINT, and return
    (exit status, stderr)."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), target, stages, "--", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or os.environ.copy(),
    )
    said = []
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        line = child.stderr.readline()
        said.append(line)
        if "BLOCKED" in line or not line:
            break
    assert "BLOCKED" in said[-1], "".join(said)
    child.send_signal(signal.SIGINT)
    _, rest = child.communicate(timeout=WAIT)
    return child.returncode, "".join(said) + rest


def count(db_path: Path, table: str) -> int:
    db = open_db(db_path)
    try:
        return db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def office(db_path, consultation, fresh_db) -> Path:
    from engage.db.submissions import add_submission

    add_submission(fresh_db, consultation["id"], "The counter closes too early.")
    return db_path


def test_cancelled_theming_stores_nothing_and_exits_130(office):
    status, said = interrupt(
        "engage.theming.pipeline:theme_texts",
        "prepare=1",
        "--db",
        str(office),
        "theme",
        "Service centre review",
    )
    assert status == 130
    assert said.strip().endswith("cancelled — nothing was stored")
    assert "Traceback" not in said
    assert count(office, "theme_runs") == 0


def test_cancelled_theming_after_embedding_began_says_what_it_kept(office):
    status, said = interrupt(
        "engage.theming.pipeline:theme_texts",
        "prepare=1,embed=0.4",
        "--db",
        str(office),
        "theme",
        "Service centre review",
    )
    assert status == 130
    assert "cancelled — no theme run was stored" in said
    assert "Embedding answers ... done" not in said  # the unfinished stage is not "done"
    assert "Preparing answers" in said  # the finished one is
    assert count(office, "theme_runs") == 0


def test_cancelled_theming_on_a_terminal_leaves_the_stage_bar_where_it_was(office):
    """On a terminal the stages are bars: the interrupted one stays at its share and says it
    stopped; it never jumps to 100 %."""
    main, child_end = pty.openpty()
    env = {**os.environ, "COLUMNS": "110", "TERM": "xterm"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "engage.theming.pipeline:theme_texts",
         "prepare=1,embed=0.4", "--", "--db", str(office), "theme", "Service centre review"],
        stdin=child_end, stdout=child_end, stderr=child_end, env=env, close_fds=True,
    )  # fmt: skip
    os.close(child_end)
    screen = read_until(main, "BLOCKED")
    child.send_signal(signal.SIGINT)
    screen += read_until(main, "cancelled")
    child.wait(timeout=WAIT)
    screen += read_until(main, None, seconds=1)
    os.close(main)
    text = ANSI.sub("", screen)
    assert child.returncode == 130
    embedding = [line for line in text.splitlines() if "Embedding answers" in line]
    assert embedding, text
    assert "stopped" in embedding[-1] and "40%" in embedding[-1], embedding[-1]
    assert "100%" not in embedding[-1]
    assert "cancelled — no theme run was stored" in text


def read_until(fd: int, marker: str | None, seconds: float = WAIT) -> str:
    """What the child wrote to the terminal, until ``marker`` (or ``seconds`` went by)."""
    got = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        got += chunk
        if marker and marker.encode() in got:
            break
    return got.decode("utf-8", "replace")


def test_cancelled_import_stores_nothing_of_the_file(office, consultation, sample_data):
    before = count(office, "submissions")
    status, said = interrupt(
        "engage.services.imports:insert_rows",
        "",
        "--db",
        str(office),
        "import",
        str(sample_data / "survey_export.csv"),
        "-c",
        consultation["id"],
    )
    assert status == 130
    assert said.strip().endswith("cancelled — nothing was stored")
    assert count(office, "submissions") == before
    assert count(office, "imports") == 0


def test_cancelled_merge_merges_nothing(office, tmp_path):
    from engage.offices import export_bundle

    db = open_db(office)
    export_bundle(db, tmp_path / "office.engage")
    db.close()
    province = tmp_path / "province.db"
    status, said = interrupt(
        "engage.db.merging:_resolve_conflicts",
        "",
        "--db",
        str(province),
        "merge",
        str(tmp_path / "office.engage"),
    )
    assert status == 130
    assert said.strip().endswith("cancelled — nothing was merged")
    assert count(province, "consultations") == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("office.engage")) == [
        "office.engage"
    ]


def test_cancelled_demo_says_it_was_not_finished_and_is_built_again(engage_home):
    status, said = interrupt("engage.demo:import_file", "", "demo", "--no-open", "--no-theme")
    assert status == 130
    assert "cancelled — the demo was not finished" in said
    from engage.demo import existing_demo

    assert existing_demo() is None  # half a demo is never reopened as if it were whole
