"""Office bundles (what may leave the office) and merging bundles or databases."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from engage.db import open_db
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.contacts import ContactFields, add_contact
from engage.db.interactions import InteractionFields, add_interaction
from engage.db.maintenance import backup, check
from engage.db.migrations import apply_migrations
from engage.db.partners import add_partner, edit_partner
from engage.db.sessions import SessionFields, log_session
from engage.db.submissions import (
    SubmissionDetails,
    SubmissionFilter,
    add_submission,
    list_submissions,
    withdraw,
)
from engage.errors import UserError
from engage.offices import export_bundle, merge
from engage.services.imports import import_file

MERGED_TABLES = (
    "consultations",
    "partners",
    "contacts",
    "interactions",
    "sessions",
    "session_partners",
    "imports",
    "submissions",
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in MERGED_TABLES}


def rows(db, sql: str, params=()) -> list[dict]:
    return list(db.query(sql, params))


@pytest.fixture
def office(fresh_db, consultation, sample_data) -> dict:
    """An office database with shared and withheld partners, contacts with and without
    consent, a session, typed-in and imported submissions, and a withdrawn one."""
    db = fresh_db
    cid = consultation["id"]
    public = add_partner(
        db, name="Ottawa Seniors Network", kind="advocacy", sharing_consent="public"
    )
    provincial = add_partner(
        db, name="Sudbury Newcomer Centre", kind="community", sharing_consent="provincial"
    )
    internal = add_partner(db, name="Northern Chamber", kind="business", sharing_consent="internal")
    private = add_partner(db, name="Quiet Tenants Group", kind="community", sharing_consent="none")
    add_contact(
        db,
        public["id"],
        ContactFields(name="Amina Yusuf", email="amina@example.org", consent_to_share=True),
    )
    add_contact(
        db,
        public["id"],
        ContactFields(name="Bob Private", email="bob@example.org", consent_to_share=False),
    )
    add_contact(
        db,
        internal["id"],
        ContactFields(name="Carl Chamber", email="carl@example.org", consent_to_share=True),
    )
    add_interaction(
        db,
        public["id"],
        InteractionFields(
            occurred_on="2026-03-01", kind="meeting", summary="Planned the town hall"
        ),
    )
    add_interaction(
        db,
        private["id"],
        InteractionFields(occurred_on="2026-03-02", kind="call", summary="Asked us not to share"),
    )
    session = log_session(
        db,
        cid,
        SessionFields(held_on="2026-03-05", kind="town_hall", channel="in_person"),
        invited=["Northern Chamber"],
        attended=["Ottawa Seniors Network", "Quiet Tenants Group"],
    )
    shared_said = add_submission(
        db, cid, "Call me at 613-555-0199 about ramps", SubmissionDetails(partner=public["id"])
    )
    withheld_said = add_submission(
        db,
        cid,
        "Our members want Saturday hours",
        SubmissionDetails(partner=private["id"], session=session["id"]),
    )
    gone = add_submission(db, cid, "Please remove my comment about the manager")
    withdraw(db, gone["id"])
    report = import_file(db, sample_data / "survey_export.csv", cid)
    return {
        "db": db,
        "path": Path(db.execute("PRAGMA database_list").fetchone()[2]),
        "public": public,
        "provincial": provincial,
        "internal": internal,
        "private": private,
        "shared_said": shared_said,
        "withheld_said": withheld_said,
        "withdrawn": gone,
        "imported": report.new,
    }


@pytest.fixture
def bundle(office, tmp_path) -> Path:
    out = tmp_path / "sudbury-bundle.db"
    export_bundle(office["db"], out)
    return out


@pytest.fixture
def bundle_db(bundle):
    db = sqlite_db(bundle)
    yield db
    db.close()


def sqlite_db(path: Path):
    return sqlite_utils.Database(sqlite3.connect(path))


# --- what a bundle carries ----------------------------------------------------------------


def test_bundle_carries_only_partners_that_consented_to_sharing(office, bundle_db):
    names = {row["name"] for row in rows(bundle_db, "SELECT name FROM partners")}
    assert names == {"Ottawa Seniors Network", "Sudbury Newcomer Centre"}
    # Only the shared partner with a contact, an interaction and a session keeps them.
    for table in ("session_partners", "interactions", "contacts"):
        linked = {row["partner_id"] for row in rows(bundle_db, f"SELECT partner_id FROM {table}")}
        assert linked == {office["public"]["id"]}, table


def test_bundle_carries_only_contacts_who_consented(bundle_db):
    contacts = rows(bundle_db, "SELECT name, email FROM contacts")
    assert contacts == [{"name": "Amina Yusuf", "email": "amina@example.org"}]


def test_bundle_never_carries_originals_raw_rows_or_withdrawn_submissions(office, bundle_db):
    submissions = rows(bundle_db, "SELECT * FROM submissions")
    assert len(submissions) == 2 + office["imported"]
    assert all(s["text_original"] == s["text_redacted"] for s in submissions)
    assert all(s["raw_json"] is None for s in submissions)
    assert all(s["status"] == "active" for s in submissions)
    assert office["withdrawn"]["id"] not in {s["id"] for s in submissions}
    everything = Path(bundle_db.execute("PRAGMA database_list").fetchone()[2]).read_bytes()
    assert b"Please remove my comment" not in everything
    assert b"R_1a2B3c" not in everything  # a survey response id, only in the raw row
    assert b"555-0199" not in everything  # a phone number, only in the original text


def test_bundle_file_keeps_no_trace_of_originals_even_without_secure_delete(
    office, tmp_path, monkeypatch
):
    # Many SQLite builds leave deleted bytes in the file; emulate one.
    import engage.db.opening as opening

    set_pragmas = opening._set_pragmas

    def without_secure_delete(db):
        set_pragmas(db)
        db.execute("PRAGMA secure_delete = OFF")

    monkeypatch.setattr(opening, "_set_pragmas", without_secure_delete)
    out = tmp_path / "bundle.db"
    export_bundle(office["db"], out)
    everything = out.read_bytes()
    assert b"R_1a2B3c" not in everything
    assert b"555-0199" not in everything


def test_bundle_unlinks_submissions_of_withheld_partners(office, bundle_db):
    by_id = {s["id"]: s for s in rows(bundle_db, "SELECT * FROM submissions")}
    withheld = by_id[office["withheld_said"]["id"]]
    assert withheld["partner_id"] is None and withheld["organisation"] is None
    assert withheld["session_id"] == office["withheld_said"]["session_id"]
    shared = by_id[office["shared_said"]["id"]]
    assert shared["partner_id"] == office["public"]["id"]
    assert "555-0199" not in shared["text_redacted"]


def test_bundle_is_a_sound_engage_database(bundle):
    db = open_db(bundle)
    try:
        assert check(db)["ok"]
    finally:
        db.close()


def test_bundle_export_is_audited_and_refuses_to_overwrite(office, bundle):
    before = sha256(bundle)
    with pytest.raises(UserError, match="already exists"):
        export_bundle(office["db"], bundle)
    assert sha256(bundle) == before
    assert export_bundle(office["db"], bundle, force=True)["partners_withheld"] == 2
    actions = [r["action"] for r in rows(office["db"], "SELECT action FROM audit")]
    assert actions.count("export_bundle") == 2


# --- merging ------------------------------------------------------------------------------


@pytest.fixture
def province(tmp_path):
    db = open_db(tmp_path / "province.db")
    yield db
    db.close()


def test_merging_a_bundle_into_an_empty_database_adds_everything(bundle, bundle_db, province):
    report = merge(province, bundle)
    assert table_counts(province) == table_counts(bundle_db)
    assert report["added"]["submissions"] == table_counts(bundle_db)["submissions"]
    assert report["conflicts"] == []
    office_names = {r["office"] for r in rows(province, "SELECT office FROM submissions")}
    assert office_names == {"Sudbury Service Centre"}
    assert check(province)["ok"]


def test_merging_the_same_bundle_twice_changes_nothing(bundle, province):
    merge(province, bundle)
    counts = table_counts(province)
    audit_rows = province.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    report = merge(province, bundle)
    assert table_counts(province) == counts
    assert province.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit_rows
    assert set(report["added"].values()) == {0}
    assert set(report["updated"].values()) == {0}


def test_merged_submissions_can_be_searched(bundle, province):
    merge(province, bundle)
    found = list_submissions(province, SubmissionFilter(search="members"))
    assert [s["text_redacted"] for s in found] == ["Our members want Saturday hours"]


@pytest.mark.parametrize("newer", ["incoming", "this database"])
def test_a_partner_edited_in_both_databases_keeps_the_newest_edit(office, tmp_path, newer):
    db = office["db"]
    other_path = tmp_path / "colleague.db"
    backup(db, other_path)
    other = open_db(other_path)
    try:
        pid = office["public"]["id"]
        if newer == "incoming":
            edit_partner(db, pid, notes="edited here first")
            edit_partner(other, pid, notes="edited there last")
        else:
            edit_partner(other, pid, notes="edited there first")
            edit_partner(db, pid, notes="edited here last")
    finally:
        other.close()
    report = merge(db, other_path)
    notes = db.execute("SELECT notes FROM partners WHERE id = ?", [pid]).fetchone()[0]
    assert notes.endswith("last")
    assert [(c["table"], c["id"], c["winner"]) for c in report["conflicts"]] == [
        ("partners", pid, newer)
    ]
    assert report["updated"]["partners"] == (1 if newer == "incoming" else 0)


def test_merging_a_whole_office_database_carries_what_its_bundle_would(office, province):
    report = merge(province, office["path"])
    names = {r[0] for r in province.execute("SELECT name FROM partners")}
    assert names == {"Ottawa Seniors Network", "Sudbury Newcomer Centre"}
    assert province.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 1  # the merge's own
    assert report["held_back"]["partners withheld by their sharing consent"] == 2
    withdrawn = province.execute(
        "SELECT status, text_original FROM submissions WHERE id = ?", [office["withdrawn"]["id"]]
    ).fetchone()
    assert withdrawn is None
    tombstone = province.execute(
        "SELECT table_name FROM tombstones WHERE id = ?", [office["withdrawn"]["id"]]
    ).fetchone()
    assert tombstone == ("submissions",)


def test_a_bundle_from_an_older_engage_is_migrated_and_merged(tmp_path, province):
    old_path = tmp_path / "old-bundle.db"
    old = open_db(old_path, migrate=False)
    apply_migrations(old, upto=1)  # the first schema engage ever shipped
    stamp = ("Timmins office", "2025-01-02T03:04:05+00:00", "2025-01-02T03:04:05+00:00")
    with old.conn:
        old.execute(
            "INSERT INTO consultations (id, title, office, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            ["c" * 32, "Timmins hours", *stamp],
        )
        old.execute(
            "INSERT INTO submissions (id, consultation_id, text_original, text_redacted, "
            "office, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ["s" * 32, "c" * 32, "Open on Saturdays", "Open on Saturdays", *stamp],
        )
    old.close()
    before = sha256(old_path)
    report = merge(province, old_path)
    assert report["added"]["submissions"] == 1
    assert sha256(old_path) == before
    assert [s["id"] for s in list_submissions(province, SubmissionFilter(search="saturd"))] == [
        "s" * 32
    ]


def test_merging_leaves_the_source_file_unchanged(bundle, province, office, tmp_path):
    plain = tmp_path / "backup.db"  # a backup is in rollback-journal mode, not WAL
    backup(office["db"], plain)
    for source in (bundle, plain):
        before = sha256(source)
        merge(province, source)
        assert sha256(source) == before, source.name


def test_merging_something_that_is_not_engage_is_a_user_error(province, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes of the meeting\n" * 100)
    other_sqlite = tmp_path / "inventory.db"
    conn = sqlite3.connect(other_sqlite)
    conn.execute("CREATE TABLE chairs (id INTEGER, colour TEXT)")
    conn.commit()
    conn.close()
    before = sha256(other_sqlite)
    for path in (notes, other_sqlite, tmp_path / "missing.db", tmp_path):
        with pytest.raises(UserError):
            merge(province, path)
    assert sha256(other_sqlite) == before
    assert table_counts(province) == dict.fromkeys(MERGED_TABLES, 0)


def test_a_bundle_merged_back_into_its_own_office_changes_nothing(office, bundle):
    db = office["db"]
    counts = table_counts(db)
    report = merge(db, bundle)
    assert table_counts(db) == counts
    assert report["conflicts"] == []
    originals = db.execute(
        "SELECT COUNT(*) FROM submissions WHERE raw_json IS NOT NULL"
    ).fetchone()[0]
    assert originals == office["imported"]
    shared = db.execute(
        "SELECT text_original FROM submissions WHERE id = ?", [office["shared_said"]["id"]]
    ).fetchone()[0]
    assert "613-555-0199" in shared


def test_a_consultation_from_another_office_is_added_alongside(office, tmp_path, province):
    kingston = open_db(tmp_path / "kingston.db")
    try:
        add_consultation(kingston, ConsultationFields(title="Kingston kiosk pilot"))
    finally:
        kingston.close()
    merge(province, tmp_path / "kingston.db")
    merge(province, office["path"])
    titles = sorted(r[0] for r in province.execute("SELECT title FROM consultations"))
    assert titles == ["Kingston kiosk pilot", "Service centre review"]
