"""What leaves the office in a bundle, and what a merge accepts: nothing personal, nothing
half-written, nothing changed after export."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from engage import bundle_files
from engage.db import open_db
from engage.db.bundles import count_rows
from engage.db.maintenance import check
from engage.db.manifests import checksum
from engage.errors import UserError
from engage.offices import export_bundle, merge
from tests.office_support import (
    PLANTED,
    WITHHELD_PARTNER,
    build_office,
    engage_cli,
    files_hold,
    rows,
)


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office" / "sudbury.db"
    db = open_db(path)
    ids = build_office(db, tmp_path)
    yield {"db": db, "path": path, **ids}
    db.close()


@pytest.fixture
def province(tmp_path):
    db = open_db(tmp_path / "province" / "ontario.db")
    yield db
    db.close()


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


# --- 1. bundles never hold originals, anywhere ------------------------------------------------


def test_a_finished_export_leaves_only_the_bundle_and_no_personal_detail_in_the_folder(office, usb):
    export_bundle(office["db"], usb / "sudbury.engage")
    assert sorted(p.name for p in usb.iterdir()) == ["sudbury.engage"]
    assert files_hold(usb) == []


def test_the_bundle_is_compacted_and_a_single_file(office, usb):
    out = usb / "sudbury.engage"
    export_bundle(office["db"], out)
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


@pytest.mark.parametrize("failure", ["other file system", "no unnamed files"])
def test_a_bundle_written_to_another_file_system_appears_only_when_complete(
    office, usb, monkeypatch, failure
):
    real_link = os.link

    def cross_device(source, target, *args, **kwargs):
        if Path(str(target)).parent == usb and "src_dir_fd" not in kwargs:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_link(source, target, *args, **kwargs)

    monkeypatch.setattr(bundle_files.os, "link", cross_device)
    if failure == "no unnamed files":
        monkeypatch.setattr(bundle_files.os, "O_TMPFILE", 0o20000000 | 0o40000000, raising=False)
        real_open = os.open

        def no_tmpfile(path, flags, *args):
            if flags & os.O_TMPFILE == os.O_TMPFILE:
                raise OSError(errno.EOPNOTSUPP, "Operation not supported")
            return real_open(path, flags, *args)

        monkeypatch.setattr(bundle_files.os, "open", no_tmpfile)
    out = usb / "sudbury.engage"
    export_bundle(office["db"], out)
    assert sorted(p.name for p in usb.iterdir()) == ["sudbury.engage"]
    assert files_hold(usb) == []
    assert check(open_db(out))["ok"]


@pytest.mark.slow
def test_an_export_killed_at_any_moment_leaves_at_most_the_finished_bundle(tmp_path):
    office_path = tmp_path / "office.db"
    db = open_db(office_path)
    build_office(db, tmp_path, answers=4000)
    db.close()
    randomness = random.Random(16)
    scratch = tmp_path / "tmp"  # the office machine's temporary folder
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    outcomes = []
    for trial in range(6):
        folder = tmp_path / f"usb{trial}"
        folder.mkdir()
        export = engage_cli("export", "bundle", str(folder / "b.engage"), db=office_path, env=env)
        time.sleep(randomness.uniform(0.3, 2.5))
        export.send_signal(signal.SIGKILL)
        export.wait()
        names = sorted(p.name for p in folder.iterdir())
        assert names in ([], ["b.engage"]), names
        assert files_hold(folder) == []
        assert files_hold(scratch) == []  # a killed export's private folder: redacted only
        if names:
            province = open_db(tmp_path / f"province{trial}.db")
            merge(province, folder / "b.engage")  # complete: its manifest holds
            province.close()
        outcomes.append(bool(names))
    assert rows(office_path, "PRAGMA integrity_check") == [("ok",)]
    finished = engage_cli(
        "export", "bundle", str(tmp_path / "last.engage"), db=office_path, env=env
    )
    assert finished.wait() == 0
    assert list(scratch.iterdir()) == []  # what killed exports left is swept away


def test_export_refuses_a_damaged_database(tmp_path, usb):
    path = tmp_path / "damaged.db"
    db = open_db(path)
    build_office(db, tmp_path, answers=2000)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\x00\xff" * 4096
    path.write_bytes(bytes(data))
    db = open_db(path, migrate=False)
    with pytest.raises(UserError, match="damaged"):
        export_bundle(db, usb / "b.engage")
    assert list(usb.iterdir()) == []


# --- 4. merge accepts only what an export would let out -----------------------------------


def test_a_bundle_carries_a_manifest_with_its_rows_and_checksum(office, usb):
    out = usb / "b.engage"
    counts = export_bundle(office["db"], out)
    manifest = dict(rows(out, "SELECT key, value FROM bundle_manifest"))
    assert manifest["format"] == "engage-bundle"
    assert manifest["format_version"] == "1"
    assert manifest["office"] == "Sudbury Service Centre"
    assert manifest["created_at"].startswith("20")
    assert json.loads(manifest["rows"])["submissions"] == counts["submissions"] == 31
    bundle = open_db(out)
    assert checksum(bundle, "main") == manifest["sha256"]


def _tamper(path: Path, sql: str, params=()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE submissions SET text_redacted = 'Call me at 705-555-0142' WHERE rowid = 1",
        "UPDATE submissions SET text_original = 'Call me at 705-555-0142', raw_json = '{}'",
        "DELETE FROM contacts",
        "UPDATE partners SET updated_at = '2999-01-01T00:00:00+00:00'",
    ],
)
def test_a_bundle_changed_after_export_is_refused_in_one_line(office, usb, province, change):
    out = usb / "b.engage"
    export_bundle(office["db"], out)
    _tamper(out, change)
    with pytest.raises(UserError, match="changed or cut short") as refused:
        merge(province, out)
    assert "\n" not in str(refused.value)
    assert province.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 0


def test_a_truncated_bundle_is_refused_in_one_line(office, usb, province):
    out = usb / "b.engage"
    export_bundle(office["db"], out)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(UserError) as refused:
        merge(province, out)
    assert "\n" not in str(refused.value)
    assert province.execute("SELECT COUNT(*) FROM partners").fetchone()[0] == 0


def test_rows_an_export_would_not_let_out_are_not_merged_even_with_a_matching_manifest(
    office, usb, province
):
    out = usb / "b.engage"
    export_bundle(office["db"], out)
    forged = sqlite3.connect(out)
    forged.executescript(
        """
        UPDATE submissions SET text_original = 'Call me at 705-555-0142',
            raw_json = '{"Internal note": "Rawonlymarker"}';
        INSERT INTO partners (id, name, kind, sharing_consent, office, created_at, updated_at)
            VALUES ('p-withheld', 'Quiet Tenants Group', 'community', 'none', 'x',
                    '2026-01-01', '2026-01-01');
        INSERT INTO contacts (id, partner_id, name, email, consent_to_share, office,
            created_at, updated_at) SELECT 'c-private', id, 'Bob Private',
            'bob.private@example.org', 0, 'x', '2026-01-01', '2026-01-01'
            FROM partners LIMIT 1;
        INSERT INTO consultations (id, title, office, created_at, updated_at)
            VALUES ('c-future', 'From the future', 'x', '2999-01-01', '2999-01-01');
        """
    )
    forged.commit()
    forged.close()
    forger = open_db(out, migrate=False)  # a forger can recompute the checksum...
    forger.execute(
        "UPDATE bundle_manifest SET value = ? WHERE key = 'sha256'", [checksum(forger, "main")]
    )
    forger.execute(
        "UPDATE bundle_manifest SET value = ? WHERE key = 'rows'",
        [json.dumps(count_rows(forger, "main"), sort_keys=True)],
    )
    forger.conn.commit()
    forger.close()
    report = merge(province, out)  # ... but the merge still takes only what may leave
    held = report["held_back"]
    assert held["original texts (only the redacted text leaves)"] == 31
    assert held["raw source rows"] == 31
    assert held["partners withheld by their sharing consent"] == 1
    assert held["contacts without consent to share"] == 1
    assert held["rows dated in the future"] == 1
    province_file = Path(province.execute("PRAGMA database_list").fetchone()[2])
    province.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert files_hold(province_file.parent) == []
    titles = [r[0] for r in province.execute("SELECT title FROM consultations")]
    assert titles == ["Service centre review"]


def test_merging_a_whole_office_database_takes_only_what_its_bundle_would(office, usb, tmp_path):
    out = usb / "b.engage"
    export_bundle(office["db"], out)
    from_bundle = open_db(tmp_path / "a" / "from-bundle.db")
    from_office = open_db(tmp_path / "b" / "from-office.db")
    merge(from_bundle, out)
    report = merge(from_office, office["path"])
    for table in ("partners", "contacts", "interactions", "submissions", "session_partners"):
        theirs = sorted(from_bundle.execute(f"SELECT * FROM {table}").fetchall())
        ours = sorted(from_office.execute(f"SELECT * FROM {table}").fetchall())
        assert ours == theirs, table
    assert from_office.execute(
        "SELECT COUNT(*) FROM submissions WHERE raw_json IS NOT NULL "
        "OR text_original != text_redacted"
    ).fetchone() == (0,)
    assert report["held_back"]["partners withheld by their sharing consent"] == 1
    from_office.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert files_hold(tmp_path / "b") == []


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_merge_reads_its_input_without_writing_anything_beside_it(office, usb, province):
    out = usb / "b.engage"
    export_bundle(office["db"], out)
    before = (_listing(usb), out.read_bytes())
    merge(province, out)
    assert (_listing(usb), out.read_bytes()) == before
    office["db"].close()  # a closed office database: no -wal, no -shm
    folder = office["path"].parent
    listing = _listing(folder)
    assert listing == ["sudbury.db"]
    merge(province, office["path"])
    assert _listing(folder) == listing


def test_a_merge_of_a_database_that_is_open_elsewhere_reads_its_latest_writes(office, province):
    from engage.db.submissions import add_submission

    add_submission(office["db"], office["consultation"], "Written while merging")
    before = _listing(office["path"].parent)
    merge(province, office["path"])
    texts = [r[0] for r in province.execute("SELECT text_redacted FROM submissions")]
    assert "Written while merging" in texts
    assert _listing(office["path"].parent) == before


@pytest.mark.slow
def test_a_merge_killed_at_any_moment_merges_all_or_nothing_and_leaves_no_copy(
    tmp_path, monkeypatch
):
    office_path = tmp_path / "office" / "office.db"
    db = open_db(office_path)
    build_office(db, tmp_path, answers=4000)
    db.close()
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    randomness = random.Random(4)
    for trial in range(5):
        target = tmp_path / f"province{trial}.db"
        open_db(target).close()
        env = {**os.environ, "TMPDIR": str(scratch)}
        merging = engage_cli("merge", str(office_path), db=target, env=env)
        time.sleep(randomness.uniform(0.3, 2.0))
        merging.send_signal(signal.SIGKILL)
        merging.wait()
        assert list(scratch.iterdir()) == []
        assert _listing(office_path.parent) == ["office.db"]
        assert rows(target, "PRAGMA integrity_check") == [("ok",)]
        merged = rows(target, "SELECT COUNT(*) FROM submissions")[0][0]
        assert merged in (0, 4001), merged


def test_nothing_planted_reaches_the_province_through_bundle_or_database(office, usb, province):
    out = usb / "b.engage"
    export_bundle(office["db"], out)
    merge(province, out)
    merge(province, office["path"])
    province.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = Path(province.execute("PRAGMA database_list").fetchone()[2]).parent
    assert files_hold(folder) == []
    assert WITHHELD_PARTNER not in out.read_bytes()
    assert all(needle not in out.read_bytes() for needle in PLANTED)
