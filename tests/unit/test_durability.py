"""The database under stress: two writers at once, a killed import, a busy database."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from engage.db import open_db
from engage.db.submissions import add_submission
from engage.services.imports import import_file

WRITER = textwrap.dedent(
    """
    import sys
    from engage.db import open_db
    from engage.db.submissions import add_submission

    db = open_db(sys.argv[1])
    for number in range(200):
        add_submission(db, sys.argv[2], f"writer {sys.argv[3]} says thing {number}")
    db.close()
    """
)

# `engage import`, stopped after it has written every row but before it commits: the test
# kills it there (no waiting on a clock for the right moment).
HALTED_IMPORT = textwrap.dedent(
    """
    import sys
    import engage.services.imports as imports
    from engage.cli.app import main

    write_rows = imports.insert_rows

    def write_then_halt(*args, **kwargs):
        count = write_rows(*args, **kwargs)
        print("rows written", flush=True)
        sys.stdin.readline()  # until the test kills this process
        return count

    imports.insert_rows = write_then_halt
    db, file, consultation = sys.argv[1:]
    sys.argv = ["engage", "--db", db, "import", file, "-c", consultation]
    main()
    """
)


def run_writers(db_path: Path, consultation_id: str) -> list[subprocess.CompletedProcess]:
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), consultation_id, name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("A", "B")
    ]
    results = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(writer.args, writer.returncode, out, err))
    return results


def submission_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    finally:
        conn.close()


def test_two_processes_writing_at_once_both_succeed(fresh_db, consultation, db_path):
    fresh_db.close()
    results = run_writers(db_path, consultation["id"])
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert submission_count(db_path) == 400
    db = open_db(db_path)
    try:
        for name in ("A", "B"):
            said = db.execute(
                "SELECT COUNT(*) FROM submissions WHERE text_redacted LIKE ?", [f"writer {name}%"]
            ).fetchone()[0]
            assert said == 200
        audited = db.execute("SELECT COUNT(*) FROM audit WHERE table_name = 'submissions'")
        assert audited.fetchone()[0] == 400
    finally:
        db.close()


def test_two_processes_creating_the_same_new_database_both_succeed(tmp_path):
    path = tmp_path / "new.db"
    script = (
        "import sys\n"
        "from engage.db import open_db\n"
        "from engage.db.consultations import ConsultationFields, add_consultation\n"
        "db = open_db(sys.argv[1])\n"
        "add_consultation(db, ConsultationFields(title='Opened by ' + sys.argv[2]))\n"
    )
    for _ in range(3):  # the race is narrow; give it a few chances to show
        path.unlink(missing_ok=True)
        starts = [
            subprocess.Popen(
                [sys.executable, "-c", script, str(path), name],
                stderr=subprocess.PIPE,
                text=True,
            )
            for name in ("A", "B")
        ]
        errors = [p.communicate(timeout=60)[1] for p in starts]
        assert [p.returncode for p in starts] == [0, 0], errors
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT COUNT(*) FROM consultations").fetchone()[0] == 2
        conn.close()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def content_hash(path: Path) -> str:
    """A digest of every row of every table, independent of page layout."""
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            rows = sorted(repr(row) for row in conn.execute(f"SELECT * FROM [{table}]"))
            for row in rows:
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def write_big_survey(path: Path, rows: int) -> None:
    words = [
        "queue",
        "wait",
        "staff",
        "counter",
        "phone",
        "online",
        "booking",
        "card",
        "renewal",
        "hours",
        "parking",
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Comment", "Satisfaction", "Community"])
        for number in range(rows):
            text = " ".join(words[(number + k) % len(words)] for k in range(8))
            writer.writerow([f"Comment {number}: {text}", number % 5 + 1, "Sudbury"])


def test_kill_9_during_a_large_import_leaves_the_database_as_before(
    fresh_db, consultation, db_path, tmp_path, sample_data
):
    import_file(fresh_db, sample_data / "survey_export.csv", consultation["id"])
    fresh_db.close()
    before_count = submission_count(db_path)
    before_hash = content_hash(db_path)
    big = tmp_path / "big_survey.csv"
    write_big_survey(big, 200_000)

    wal = Path(str(db_path) + "-wal")
    wal_start = wal.stat().st_size if wal.exists() else 0
    importer = subprocess.Popen(
        [sys.executable, "-c", HALTED_IMPORT, str(db_path), str(big), consultation["id"]],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    hang_guard = threading.Timer(300, importer.kill)  # only if the import itself hangs
    hang_guard.start()
    try:
        said = importer.stdout.readline()  # the import has written every row, uncommitted
        assert said == "rows written\n", importer.stderr.read()
        assert wal.stat().st_size > wal_start + 2_000_000  # ... and they are in the log
    finally:
        hang_guard.cancel()
        importer.send_signal(signal.SIGKILL)
        importer.communicate()
    assert importer.returncode == -signal.SIGKILL

    assert submission_count(db_path) == before_count
    assert content_hash(db_path) == before_hash
    db = open_db(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 1
        # The office can carry on writing after the crash.
        add_submission(db, consultation["id"], "Still working after the crash.")
        assert submission_count(db_path) == before_count + 1
    finally:
        db.close()


@pytest.fixture
def held_database(fresh_db, consultation, db_path):
    """Another engage process in the middle of a long write."""
    fresh_db.close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield consultation
    holder.execute("ROLLBACK")
    holder.close()


def test_a_busy_database_gives_a_one_line_error_and_exit_2(held_database, db_path):
    env = {**os.environ, "ENGAGE_BUSY_TIMEOUT_MS": "200"}
    result = subprocess.run(
        [sys.executable, "-m", "engage", "--db", str(db_path), "submissions", "add"]
        + ["Longer hours please", "-c", held_database["id"]],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: the database is busy")
    assert "0.2 s" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert submission_count(db_path) == 0


def test_reading_is_not_blocked_by_a_writer(held_database, db_path):
    env = {**os.environ, "ENGAGE_BUSY_TIMEOUT_MS": "200"}
    result = subprocess.run(
        [sys.executable, "-m", "engage", "--db", str(db_path), "consultations", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Service centre review" in result.stdout
