"""The office database: pragmas, migrations, ids and stamps, audit, lookups, validation,
all-or-nothing writes and full-text search."""

from __future__ import annotations

import re
import sqlite3

import pytest

from engage.db import audit, open_db, records
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.contacts import ContactFields, add_contact
from engage.db.interactions import InteractionFields, add_interaction
from engage.db.maintenance import check
from engage.db.migrations import MIGRATIONS, apply_migrations, schema_version
from engage.db.partners import add_partner, edit_partner, list_partners, remove_partner
from engage.db.sessions import SessionFields, log_session
from engage.db.submissions import (
    SubmissionDetails,
    SubmissionFilter,
    add_submission,
    list_submissions,
    withdraw,
)
from engage.errors import StoreError, UserError
from engage.services.imports import import_file

HEX_ID = re.compile(r"^[0-9a-f]{32}$")
PII_TEXT = "Call me at jane.doe@example.com, the waiting times at the counter are too long"


def count(db, table: str) -> int:
    return db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]


def counts(db, *tables: str) -> dict[str, int]:
    return {table: count(db, table) for table in tables}


# --- opening and migrating -------------------------------------------------------------


def test_open_db_runs_in_wal_with_foreign_keys_and_a_busy_timeout(fresh_db):
    assert fresh_db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert fresh_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert fresh_db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_busy_timeout_follows_the_environment(db_path, monkeypatch):
    monkeypatch.setenv("ENGAGE_BUSY_TIMEOUT_MS", "1234")
    db = open_db(db_path)
    try:
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 1234
    finally:
        db.close()


def test_a_row_pointing_at_a_missing_partner_is_refused(fresh_db, consultation):
    with pytest.raises(sqlite3.IntegrityError):
        fresh_db.execute(
            "INSERT INTO contacts (id, partner_id, name, office, created_at, updated_at) "
            "VALUES ('c1', 'no-such-partner', 'Ann', 'x', 'now', 'now')"
        )


def test_every_migration_is_recorded_by_name_and_in_user_version(fresh_db, db_path):
    names = [row["name"] for row in fresh_db.query("SELECT name FROM schema_migrations")]
    assert names == [migration.__name__ for migration in MIGRATIONS]
    assert schema_version(fresh_db) == len(MIGRATIONS)
    again = open_db(db_path)
    try:
        assert apply_migrations(again) == []
        assert count(again, "schema_migrations") == len(MIGRATIONS)
    finally:
        again.close()


def _seed_old_database(db) -> dict[str, str]:
    """Rows in whichever tables this older schema has, written with plain SQL (the code of
    today may expect columns an old schema lacks). Returns the ids written, by table."""
    tables = set(db.table_names())
    stamp = {"office": "Old office", "created_at": "2025-01-02T03:04:05+00:00"}
    stamp["updated_at"] = stamp["created_at"]
    rows = {
        "consultations": {"id": "c" * 32, "title": "Old consultation"},
        "partners": {"id": "p" * 32, "name": "Old Partner", "kind": "community"},
        "contacts": {"id": "k" * 32, "partner_id": "p" * 32, "name": "Ann Old"},
        "sessions": {
            "id": "s" * 32,
            "consultation_id": "c" * 32,
            "held_on": "2025-01-02",
            "kind": "workshop",
            "channel": "in_person",
        },
        "session_partners": {"id": "j" * 32, "session_id": "s" * 32, "partner_id": "p" * 32},
        "submissions": {
            "id": "u" * 32,
            "consultation_id": "c" * 32,
            "session_id": "s" * 32,
            "partner_id": "p" * 32,
            "text_original": "Old feedback about the parking lot",
            "text_redacted": "Old feedback about the parking lot",
        },
    }
    written = {}
    with db.conn:
        for table, row in rows.items():
            if table in tables:
                db[table].insert({**row, **stamp})
                written[table] = row["id"]
    return written


@pytest.mark.parametrize("version", range(len(MIGRATIONS)))
def test_a_database_at_every_older_version_migrates_forward_keeping_its_rows(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    old = open_db(path, migrate=False)
    apply_migrations(old, upto=version)
    assert schema_version(old) == version
    written = _seed_old_database(old)
    old.close()

    db = open_db(path)
    try:
        assert schema_version(db) == len(MIGRATIONS)
        names = [row["name"] for row in db.query("SELECT name FROM schema_migrations")]
        assert names == [migration.__name__ for migration in MIGRATIONS]
        for table, row_id in written.items():
            assert records.get(db, table, row_id)["office"] == "Old office"
        if "submissions" in written:
            found = list_submissions(db, SubmissionFilter(search="parki"))
            assert [row["id"] for row in found] == [written["submissions"]]
        assert check(db)["ok"], check(db)
    finally:
        db.close()


def test_a_failing_migration_leaves_the_database_at_its_previous_version(db_path, monkeypatch):
    def m999_broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk trouble")

    with monkeypatch.context() as patch:
        patch.setattr("engage.db.migrations.MIGRATIONS", [*MIGRATIONS, m999_broken])
        with pytest.raises(StoreError, match="disk trouble"):
            open_db(db_path)
    db = open_db(db_path, migrate=False)
    try:
        assert schema_version(db) == len(MIGRATIONS)
        assert "half_done" not in db.table_names()
        assert "m999_broken" not in [r[0] for r in db.execute("SELECT name FROM schema_migrations")]
    finally:
        db.close()


def test_a_database_migrated_by_another_process_meanwhile_is_not_migrated_twice(db_path):
    # This engage read version 0, then waited for the lock while another engage migrated.
    late = open_db(db_path, migrate=False)
    open_db(db_path).close()
    try:
        apply_migrations(late)
        assert schema_version(late) == len(MIGRATIONS)
        assert count(late, "schema_migrations") == len(MIGRATIONS)
    finally:
        late.close()


def test_a_database_newer_than_this_engage_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_db(db_path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("these are my meeting notes\n" * 50)
    with pytest.raises(StoreError, match="not an engage database"):
        open_db(notes)


# --- ids, stamps and audit ---------------------------------------------------------------


def test_rows_get_unique_hex_ids_utc_stamps_and_the_office(clock, fresh_db, consultation):
    partner = add_partner(fresh_db, name="Sudbury Newcomer Centre", kind="community")
    contact = add_contact(
        fresh_db, partner["id"], ContactFields(name="Amina Yusuf", email="amina@example.org")
    )
    session = log_session(
        fresh_db,
        consultation["id"],
        SessionFields(held_on="2026-03-05", kind="workshop", channel="in_person"),
    )
    submission = add_submission(fresh_db, consultation["id"], "More evening hours, please.")
    rows = [consultation, partner, contact, session, submission]
    ids = [row["id"] for row in rows]
    assert all(HEX_ID.match(row_id) for row_id in ids)
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert row["created_at"] == "2026-12-01T09:30:00.000000+00:00"  # the time, in UTC
        assert row["updated_at"] == row["created_at"]
        assert row["office"] == "Sudbury Service Centre"


def test_editing_moves_updated_at_but_not_created_at(clock, fresh_db):
    partner = add_partner(fresh_db, name="Lions Club", kind="other")
    clock.advance(minutes=5)
    edited = edit_partner(fresh_db, partner["id"], sharing_consent="public")
    assert edited["sharing_consent"] == "public"
    assert edited["created_at"] == partner["created_at"] == "2026-12-01T09:30:00.000000+00:00"
    assert edited["updated_at"] == "2026-12-01T09:35:00.000000+00:00"


def test_changes_are_audited_with_the_actor(fresh_db, consultation, sample_data):
    partner = add_partner(fresh_db, name="Lions Club", kind="other")
    edit_partner(fresh_db, "Lions Club", influence=4)
    remove_partner(fresh_db, partner["id"])
    submission = add_submission(fresh_db, consultation["id"], PII_TEXT)
    withdraw(fresh_db, submission["id"], reason="entered twice")
    report = import_file(fresh_db, sample_data / "survey_export.csv", consultation["id"])

    partner_actions = [e["action"] for e in audit.entries(fresh_db, "partners", partner["id"])]
    assert sorted(partner_actions) == ["create", "remove", "update"]
    update = next(e for e in audit.entries(fresh_db, "partners") if e["action"] == "update")
    assert '"influence": {"from": null, "to": 4}' in update["details"]
    submission_actions = [e["action"] for e in audit.entries(fresh_db, "submissions")]
    assert sorted(submission_actions) == ["create", "withdraw"]
    imported = audit.entries(fresh_db, "imports", report.import_id)
    assert [e["action"] for e in imported] == ["import"]
    everything = audit.entries(fresh_db)
    assert {e["actor"] for e in everything} == {"tester"}
    assert {e["office"] for e in everything} == {"Sudbury Service Centre"}
    # The audit never keeps the unredacted text.
    assert not any("jane.doe" in e["details"] for e in everything)


def test_the_audit_log_is_append_only(fresh_db):
    add_partner(fresh_db, name="Lions Club", kind="other")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_db.execute("UPDATE audit SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_db.execute("DELETE FROM audit")
    assert [e["actor"] for e in audit.entries(fresh_db)] == ["tester"]


# --- finding rows by what a user types ---------------------------------------------------


def test_resolve_accepts_full_id_prefix_and_exact_name(fresh_db, consultation):
    partner = add_partner(fresh_db, name="Ottawa Seniors Network", kind="advocacy")
    pid = partner["id"]
    assert records.resolve(fresh_db, "partners", pid) == pid
    assert records.resolve(fresh_db, "partners", pid[:4]) == pid
    assert records.resolve(fresh_db, "partners", pid[:8].upper()) == pid
    assert records.resolve(fresh_db, "partners", "ottawa seniors network") == pid
    assert (
        records.resolve(fresh_db, "consultations", "Service centre review") == (consultation["id"])
    )


@pytest.mark.parametrize("ref", ["", "Nobody", "zzzz", "Ottawa Juniors", "short-prefix"])
def test_resolve_refuses_what_matches_nothing(fresh_db, ref):
    partner = add_partner(fresh_db, name="Ottawa Seniors Network", kind="advocacy")
    if ref == "short-prefix":
        ref = partner["id"][:3]  # fewer than four characters are too easy to mistype
    with pytest.raises(UserError):
        records.resolve(fresh_db, "partners", ref)


def test_resolve_refuses_an_ambiguous_prefix(fresh_db, monkeypatch):
    ids = iter(["abcd" + "1" * 28, "abcd" + "2" * 28])
    monkeypatch.setattr(records, "new_id", lambda: next(ids))
    first = add_partner(fresh_db, name="First", kind="other")
    add_partner(fresh_db, name="Second", kind="other")
    with pytest.raises(UserError, match="several"):
        records.resolve(fresh_db, "partners", "abcd")
    assert records.resolve(fresh_db, "partners", "abcd1") == first["id"]


def test_a_name_registered_again_after_removal_means_the_current_partner(fresh_db):
    old = add_partner(fresh_db, name="Lions Club", kind="other")
    remove_partner(fresh_db, "Lions Club")
    new = add_partner(fresh_db, name="Lions Club", kind="community")
    assert records.resolve(fresh_db, "partners", "Lions Club") == new["id"]
    assert edit_partner(fresh_db, "lions club", influence=2)["id"] == new["id"]
    assert records.resolve(fresh_db, "partners", old["id"]) == old["id"]
    assert [p["name"] for p in list_partners(fresh_db)] == ["Lions Club"]


def test_renaming_a_partner_to_another_partners_name_is_refused(fresh_db):
    add_partner(fresh_db, name="Lions Club", kind="other")
    add_partner(fresh_db, name="Food Bank", kind="community")
    with pytest.raises(UserError, match="already exists"):
        edit_partner(fresh_db, "Food Bank", name="lions club")
    assert edit_partner(fresh_db, "Food Bank", name="Food bank")["name"] == "Food bank"
    assert sorted(p["name"] for p in list_partners(fresh_db)) == ["Food bank", "Lions Club"]


# --- validation and all-or-nothing writes ------------------------------------------------

WRITE_TABLES = ("partners", "consultations", "contacts", "interactions", "sessions", "audit")


@pytest.mark.parametrize(
    "write",
    [
        lambda db: add_partner(db, name="Food Bank", kind="charity"),
        lambda db: add_partner(db, name="Food Bank", kind="community", influence=9),
        lambda db: add_partner(db, name="   ", kind="community"),
        lambda db: add_partner(db, name="Food Bank", kind="community", sharing_consent="world"),
        lambda db: add_consultation(db, ConsultationFields(title="Hours", opens_on="2026-02-30")),
        lambda db: add_consultation(
            db, ConsultationFields(title="Hours", opens_on="2026-06-01", closes_on="2026-05-01")
        ),
        lambda db: add_interaction(
            db,
            "Lions Club",
            InteractionFields(occurred_on="last week", kind="meeting", summary="Talked"),
        ),
        lambda db: log_session(
            db,
            "Service centre review",
            SessionFields(held_on="2026-03-05", kind="party", channel="in_person"),
        ),
        lambda db: add_submission(
            db, "Service centre review", "Too slow", SubmissionDetails(satisfaction=9)
        ),
    ],
    ids=[
        "bad-kind",
        "influence-9",
        "blank-name",
        "bad-sharing",
        "bad-date",
        "closes-before-opens",
        "interaction-bad-date",
        "session-bad-kind",
        "satisfaction-9",
    ],
)
def test_a_bad_value_is_a_user_error_and_writes_nothing(fresh_db, consultation, write):
    add_partner(fresh_db, name="Lions Club", kind="other")
    before = counts(fresh_db, *WRITE_TABLES, "submissions")
    with pytest.raises(UserError):
        write(fresh_db)
    assert counts(fresh_db, *WRITE_TABLES, "submissions") == before


def test_a_session_with_an_unknown_attending_partner_writes_nothing(fresh_db, consultation):
    add_partner(fresh_db, name="Lions Club", kind="other")
    before = counts(fresh_db, "sessions", "session_partners", "audit")
    with pytest.raises(UserError, match="Nobody Inc"):
        log_session(
            fresh_db,
            consultation["id"],
            SessionFields(held_on="2026-03-05", kind="workshop", channel="in_person"),
            invited=["Lions Club"],
            attended=["Nobody Inc"],
        )
    assert counts(fresh_db, "sessions", "session_partners", "audit") == before


def test_a_session_write_failing_half_way_leaves_no_partial_rows(
    fresh_db, consultation, monkeypatch
):
    add_partner(fresh_db, name="Lions Club", kind="other")
    add_partner(fresh_db, name="Food Bank", kind="community")
    real_insert = records.insert

    def insert_then_fail(db, table, values):
        if table == "session_partners" and count(db, "session_partners") == 1:
            raise sqlite3.OperationalError("disk I/O error")
        return real_insert(db, table, values)

    monkeypatch.setattr(records, "insert", insert_then_fail)
    before = counts(fresh_db, "sessions", "session_partners", "audit")
    with pytest.raises(sqlite3.OperationalError):
        log_session(
            fresh_db,
            consultation["id"],
            SessionFields(held_on="2026-03-05", kind="workshop", channel="in_person"),
            attended=["Lions Club", "Food Bank"],
        )
    assert counts(fresh_db, "sessions", "session_partners", "audit") == before
    assert not fresh_db.conn.in_transaction


def test_attended_partners_count_as_invited(fresh_db, consultation):
    add_partner(fresh_db, name="Lions Club", kind="other")
    add_partner(fresh_db, name="Food Bank", kind="community")
    log_session(
        fresh_db,
        consultation["id"],
        SessionFields(held_on="2026-03-05", kind="town hall", channel="in-person"),
        invited=["Lions Club"],
        attended=["Food Bank"],
    )
    by_name = {p["name"]: p for p in list_partners(fresh_db)}
    assert (
        by_name["Food Bank"]["sessions_invited"],
        by_name["Food Bank"]["sessions_attended"],
    ) == (
        1,
        1,
    )
    assert (
        by_name["Lions Club"]["sessions_invited"],
        by_name["Lions Club"]["sessions_attended"],
    ) == (1, 0)


# --- full-text search --------------------------------------------------------------------


def _ids(rows) -> list[str]:
    return [row["id"] for row in rows]


def test_search_finds_redacted_text_but_never_the_redacted_pii(fresh_db, consultation):
    submission = add_submission(fresh_db, consultation["id"], PII_TEXT)
    add_submission(fresh_db, consultation["id"], "Parking is impossible after nine.")
    assert "jane.doe" not in submission["text_redacted"]
    assert _ids(list_submissions(fresh_db, SubmissionFilter(search="counter"))) == [
        submission["id"]
    ]
    assert _ids(list_submissions(fresh_db, SubmissionFilter(search="waiting times"))) == [
        submission["id"]
    ]
    assert list_submissions(fresh_db, SubmissionFilter(search="jane")) == []
    assert list_submissions(fresh_db, SubmissionFilter(search="doe")) == []
    assert list_submissions(fresh_db, SubmissionFilter(search="example com")) == []


def test_search_works_as_you_type(fresh_db, consultation):
    submission = add_submission(
        fresh_db, consultation["id"], "Offer interpretation while people are waiting."
    )
    add_submission(fresh_db, consultation["id"], "Parking lot signs are confusing.")
    for word in ("interpretation", "waiting"):
        for end in range(1, len(word) + 1):
            typed = word[:end]
            assert _ids(list_submissions(fresh_db, SubmissionFilter(search=typed))) == [
                submission["id"]
            ], typed
    assert _ids(list_submissions(fresh_db, SubmissionFilter(search="offer interp"))) == [
        submission["id"]
    ]
    assert list_submissions(fresh_db, SubmissionFilter(search="offer parking")) == []


def test_search_takes_any_punctuation_a_user_types(fresh_db, consultation):
    add_submission(fresh_db, consultation["id"], "The queue screen freezes.")
    assert len(list_submissions(fresh_db, SubmissionFilter(search='"queue" (scr'))) == 1
    with pytest.raises(UserError):
        list_submissions(fresh_db, SubmissionFilter(search="  ?! "))


def test_a_withdrawn_submission_leaves_lists_and_search(fresh_db, consultation):
    kept = add_submission(fresh_db, consultation["id"], "Longer hours on Saturdays.")
    gone = add_submission(fresh_db, consultation["id"], "Longer lines on Mondays.")
    withdraw(fresh_db, gone["id"], reason="asked to withdraw")
    assert _ids(list_submissions(fresh_db)) == [kept["id"]]
    assert _ids(list_submissions(fresh_db, SubmissionFilter(search="longer"))) == [kept["id"]]
    assert list_submissions(fresh_db, SubmissionFilter(search="mondays")) == []
    everything = list_submissions(fresh_db, SubmissionFilter(include_withdrawn=True))
    assert {row["id"]: row["status"] for row in everything} == {
        kept["id"]: "active",
        gone["id"]: "withdrawn",
    }
    with pytest.raises(UserError):
        withdraw(fresh_db, gone["id"])


def test_lists_hide_the_original_text_unless_asked(fresh_db, consultation):
    add_submission(fresh_db, consultation["id"], PII_TEXT)
    (row,) = list_submissions(fresh_db)
    assert "text_original" not in row and "raw_json" not in row
    assert "jane.doe" not in row["text_redacted"]
    (original,) = list_submissions(fresh_db, show_original=True)
    assert original["text_original"] == PII_TEXT


def test_resolve_accepts_a_unique_part_of_a_name_and_refuses_an_ambiguous_one(fresh_db):
    seniors = add_partner(fresh_db, name="Ottawa Seniors Network", kind="advocacy")
    add_partner(fresh_db, name="Timmins Seniors' Active Living Centre", kind="community")
    assert records.resolve(fresh_db, "partners", "ottawa seniors") == seniors["id"]
    with pytest.raises(UserError, match="several"):
        records.resolve(fresh_db, "partners", "Seniors")


def test_a_typed_in_submission_is_dated_by_its_session_unless_told(fresh_db, consultation):
    from engage.db.sessions import log_session
    from engage.db.submissions import SubmissionDetails, add_submission

    session = log_session(
        fresh_db,
        consultation["id"],
        SessionFields(held_on="2026-03-14", kind="town_hall", channel="in_person"),
    )
    heard = add_submission(
        fresh_db, consultation["id"], "Open on Saturdays", SubmissionDetails(session=session["id"])
    )
    assert heard["received_at"] == "2026-03-14"
    mailed = add_submission(
        fresh_db, consultation["id"], "By mail", SubmissionDetails(received_on="2026-04-02")
    )
    assert mailed["received_at"] == "2026-04-02"
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        add_submission(
            fresh_db, consultation["id"], "Bad", SubmissionDetails(received_on="14/03/2026")
        )
