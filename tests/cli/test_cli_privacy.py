"""What leaves the office through the command line, and how it answers hostile input:
withdrawals, consent, terminal output, a damaged, read-only or full disk."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engage.cli.app import app


def invoke(db: Path, *args: str):
    return CliRunner().invoke(app, ["--db", str(db), *args])


def ok(db: Path, *args: str) -> str:
    result = invoke(db, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def one_line_error(db: Path, *args: str, code: int = 2) -> str:
    result = invoke(db, *args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def office(tmp_path) -> Path:
    db = tmp_path / "office.db"
    ok(db, "consultations", "add", "Hours review")
    ok(db, "partners", "add", "Timmins Seniors", "--kind", "community", "--sharing", "provincial")
    ok(
        db,
        "partners",
        "contact",
        "Timmins Seniors",
        "Marie Tremblay",
        "--consent",
        "--email",
        "marie@example.org",
    )
    return db


def _first_submission(db: Path) -> str:
    return json.loads(ok(db, "submissions", "list", "--json"))[0]["id"]


def test_withdraw_erases_what_show_original_would_print(office):
    ok(office, "submissions", "add", "-c", "Hours", "Call me at 705-555-0142, Zyxwvutq")
    submission = _first_submission(office)
    ok(office, "submissions", "withdraw", submission[:8], "--reason", "asked by phone")
    shown = ok(office, "submissions", "show", submission[:8], "--show-original")
    assert "705-555-0142" not in shown and "Zyxwvutq" not in shown
    assert "withdrawn" in shown


def test_contact_consent_withdrawn_travels_in_the_next_bundle(office, tmp_path):
    province = tmp_path / "province.db"
    ok(office, "export", "bundle", str(tmp_path / "march.engage"))
    ok(province, "merge", str(tmp_path / "march.engage"))
    assert count(province, "contacts") == 1
    ok(office, "partners", "contact-consent", "Marie Tremblay", "--withdraw")
    ok(office, "export", "bundle", str(tmp_path / "april.engage"))
    said = ok(province, "merge", str(tmp_path / "april.engage"))
    assert "forgotten (withdrawn at the office): 1 contacts" in said
    assert count(province, "contacts") == 0


def test_papers_list_marks_a_paper_quoting_a_withdrawn_submission(office):
    from engage.db import open_db
    from engage.db.papers import WrittenPaper, store_paper

    ok(office, "submissions", "add", "-c", "Hours", "Saturday hours would help my family a lot")
    submission = _first_submission(office)
    db = open_db(office)
    consultation = db.execute("SELECT id FROM consultations").fetchone()[0]
    store_paper(
        db,
        WrittenPaper(
            consultation_id=consultation,
            run_id=None,
            template="what-we-heard",
            fmt="md",
            markdown=f"> quote[^{submission[:8]}]\n\n[^{submission[:8]}]: x\n",
        ),
    )
    db.close()
    assert "withdrawn since" not in ok(office, "papers", "list")
    ok(office, "submissions", "withdraw", submission[:8])
    assert "quotes 1 submission withdrawn since" in ok(office, "papers", "list")


def test_terminal_escape_sequences_in_stored_text_never_reach_the_terminal(office):
    conn = sqlite3.connect(office)  # as a merged or older database could hold it
    conn.execute("UPDATE partners SET notes = 'ok\x1b]0;owned\x07\x1b[2J\x9b31m'")
    conn.commit()
    conn.close()
    ok(office, "submissions", "add", "-c", "Hours", "Typed \x1b[31mred\x1b[0m text")
    for args in (
        ("partners", "show", "Timmins"),
        ("partners", "list", "--json"),
        ("submissions", "list"),
        ("submissions", "show", _first_submission(office)),
        ("submissions", "list", "--json"),
    ):
        printed = ok(office, *args)
        assert "\x1b" not in printed and "\x9b" not in printed and "\x07" not in printed, args


def test_merge_of_a_changed_bundle_is_refused_in_one_line(office, tmp_path):
    bundle = tmp_path / "b.engage"
    ok(office, "export", "bundle", str(bundle))
    conn = sqlite3.connect(bundle)
    conn.execute("UPDATE partners SET notes = 'changed'")
    conn.commit()
    conn.close()
    line = one_line_error(tmp_path / "province.db", "merge", str(bundle))
    assert "changed or cut short" in line


def test_db_check_reports_a_malformed_file_in_one_line_with_exit_1(tmp_path):
    garbage = tmp_path / "office.db"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xde\xad\xbe\xef" * 4000)
    result = invoke(garbage, "db", "check")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "damaged" in result.stdout
    assert len([line for line in result.output.splitlines() if "damaged" in line]) == 1


def test_db_backup_and_export_bundle_refuse_a_damaged_database(tmp_path):
    from tests.unit.test_hostile_inputs import _damaged

    damaged = _damaged(tmp_path)
    good = tmp_path / "good-backup.db"
    good.write_bytes(b"")
    assert "damaged" in one_line_error(damaged, "db", "backup", str(good), "--force")
    assert good.read_bytes() == b""
    out = tmp_path / "usb"
    out.mkdir()
    assert "damaged" in one_line_error(damaged, "export", "bundle", str(out / "b.engage"))
    assert list(out.iterdir()) == []


def test_importing_a_hostile_file_gives_one_line(office, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('[{"Comments": ' + "[" * 100_000 + "]" * 100_000 + "}]")
    assert "nested too deeply" in one_line_error(office, "import", str(deep), "-c", "Hours")
    assert count(office, "submissions") == 0


# --- a read-only folder and a full disk (small file systems mounted for the test) ---------


@contextlib.contextmanager
def mounted(folder: Path, size: str):
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def _copy(office: Path, target: Path) -> Path:
    """A whole copy of the office database (its write-ahead log included) at ``target``."""
    from engage.db import open_db
    from engage.db.maintenance import backup

    db = open_db(office)
    try:
        backup(db, target)
    finally:
        db.close()
    return target


def test_a_database_in_a_read_only_folder_gets_one_line_and_loses_nothing(office, tmp_path):
    with mounted(tmp_path / "ro", "8m") as folder:
        copy = _copy(office, folder / "office.db")
        before = copy.read_bytes()
        _read_only(folder)
        line = one_line_error(copy, "submissions", "add", "-c", "Hours", "New text")
        assert "read-only" in line
        assert copy.read_bytes() == before
        line = one_line_error(office, "export", "submissions", "--out", str(folder / "x.csv"))
        assert "x.csv" in line
        line = one_line_error(office, "export", "bundle", str(folder / "b.engage"))
        assert "b.engage" in line
        assert line.startswith("error: ")


def test_a_full_disk_gets_one_line_and_loses_nothing(office, tmp_path):
    survey = tmp_path / "survey.csv"
    survey.write_text("Comments\n" + "".join(f"Answer {i} " * 40 + "\n" for i in range(6000)))
    with mounted(tmp_path / "full", "1m") as folder:
        copy = _copy(office, folder / "office.db")
        before = count(copy, "submissions")
        line = one_line_error(copy, "import", str(survey), "-c", "Hours")
        assert "disk is full" in line or "No space" in line, line
        assert count(copy, "submissions") == before
        ok(office, "import", str(survey), "-c", "Hours")
        line = one_line_error(office, "export", "submissions", "--out", str(folder / "all.csv"))
        assert "No space" in line or "space" in line, line
        assert not (folder / "all.csv").exists()
