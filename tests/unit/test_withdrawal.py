"""A withdrawal erases the person's words in the office and travels to the province."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engage.db import open_db
from engage.db.contacts import set_consent
from engage.db.embeddings import DatabaseEmbeddingCache
from engage.db.papers import WrittenPaper, list_papers, store_paper
from engage.db.partners import edit_partner
from engage.db.submissions import (
    SubmissionDetails,
    SubmissionFilter,
    add_submission,
    get_submission,
    list_submissions,
    withdraw,
)
from engage.offices import export_bundle, merge
from engage.theming.answers import normalise_text
from engage.theming.vectors import text_hash
from tests.office_support import build_office

WORDS = "Zyxwvutq  told me, call 705-555-0199 about the Quokkaberry ramp"


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office" / "office.db"
    db = open_db(path)
    ids = build_office(db, tmp_path, answers=200)
    said = add_submission(db, ids["consultation"], WORDS, SubmissionDetails(consent_to_quote=True))
    yield {"db": db, "path": path, "said": said, **ids}
    db.close()


def database_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_withdrawal_erases_the_words_from_every_file_of_the_database(office):
    db, said = office["db"], office["said"]
    withdraw(db, said["id"], reason="asked to be removed")
    everything = database_bytes(office["path"])
    for word in (b"Zyxwvutq", b"Quokkaberry", b"zyxwvutq", b"quokkaberry", b"705-555-0199"):
        assert word not in everything, word
    row = get_submission(db, said["id"], show_original=True)
    assert (row["text_original"], row["text_redacted"], row["raw_json"]) == ("", "", None)
    assert row["status"] == "withdrawn"


def test_withdrawal_removes_the_text_from_search_and_the_embedding_cache(office):
    db, said = office["db"], office["said"]
    redacted = said["text_redacted"]
    cache = DatabaseEmbeddingCache(db)
    for text in (redacted, normalise_text(redacted), normalise_text(redacted)[:30]):
        cache.put_many("fast", [text_hash(text)], np.ones((1, 4), dtype=np.float32))
    cache.put_many("fast", [text_hash("another answer")], np.ones((1, 4), dtype=np.float32))
    assert list_submissions(db, SubmissionFilter(search="Quokkaberry"))
    withdraw(db, said["id"])
    assert (
        list_submissions(db, SubmissionFilter(search="Quokkaberry", include_withdrawn=True)) == []
    )
    remaining = [r[0] for r in db.execute("SELECT text_hash FROM embeddings")]
    assert remaining == [text_hash("another answer")]


def test_withdrawal_keeps_a_tombstone_with_its_date_and_reason(office):
    db, said = office["db"], office["said"]
    withdraw(db, said["id"], reason="asked to be removed")
    tombstones = list(db.query("SELECT table_name, id, withdrawn_at, reason FROM tombstones"))
    assert len(tombstones) == 1
    assert tombstones[0]["table_name"] == "submissions"
    assert tombstones[0]["id"] == said["id"]
    assert tombstones[0]["reason"] == "asked to be removed"
    assert tombstones[0]["withdrawn_at"] > said["created_at"]


def test_a_withdrawn_submission_is_not_imported_again_from_its_file(office, tmp_path):
    from engage.services.imports import ImportOptions, import_file

    db = office["db"]
    imported = db.execute("SELECT id FROM submissions WHERE import_id IS NOT NULL").fetchone()[0]
    withdraw(db, imported)
    report = import_file(
        db,
        tmp_path / "survey.csv",
        office["consultation"],
        ImportOptions(overrides={"Internal note": "ignore"}),
    )
    assert report.new == 0


@pytest.fixture
def province(tmp_path):
    db = open_db(tmp_path / "province" / "ontario.db")
    yield db
    db.close()


def _bundle(office, tmp_path, name: str) -> Path:
    out = tmp_path / name
    export_bundle(office["db"], out)
    return out


def test_a_withdrawal_reaches_the_province_with_the_next_bundle(office, province, tmp_path):
    said = office["said"]
    merge(province, _bundle(office, tmp_path, "march.engage"))
    assert list_submissions(province, SubmissionFilter(search="Quokkaberry"))
    withdraw(office["db"], said["id"], reason="asked")
    report = merge(province, _bundle(office, tmp_path, "april.engage"))
    assert report["withdrawn"]["submissions"] == 1
    assert (
        list_submissions(province, SubmissionFilter(search="Quokkaberry", include_withdrawn=True))
        == []
    )
    province.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(province.execute("PRAGMA database_list").fetchone()[2])
    assert b"Quokkaberry" not in database_bytes(path)


def test_an_older_bundle_merged_later_does_not_bring_a_withdrawal_back(office, province, tmp_path):
    march = _bundle(office, tmp_path, "march.engage")
    withdraw(office["db"], office["said"]["id"])
    edit_partner(office["db"], office["public"]["id"], sharing_consent="internal")
    merge(province, _bundle(office, tmp_path, "april.engage"))
    merge(province, march)
    assert (
        list_submissions(province, SubmissionFilter(search="Quokkaberry", include_withdrawn=True))
        == []
    )
    assert province.execute("SELECT COUNT(*) FROM partners").fetchone()[0] == 0
    assert province.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0


def test_partner_sharing_withdrawn_makes_the_province_forget_the_partner(
    office, province, tmp_path
):
    public = office["public"]
    merge(province, _bundle(office, tmp_path, "march.engage"))
    assert province.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 1
    edit_partner(office["db"], public["id"], sharing_consent="none")
    report = merge(province, _bundle(office, tmp_path, "april.engage"))
    assert report["withdrawn"]["partners"] == 1
    for table in ("partners", "contacts", "interactions", "session_partners"):
        assert province.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    linked = province.execute(
        "SELECT COUNT(*) FROM submissions WHERE partner_id IS NOT NULL"
    ).fetchone()[0]
    assert linked == 0
    edit_partner(office["db"], public["id"], sharing_consent="provincial")  # consents again
    merge(province, _bundle(office, tmp_path, "may.engage"))
    names = [r[0] for r in province.execute("SELECT name FROM partners")]
    assert names == ["Ottawa Seniors Network"]


def test_contact_consent_withdrawn_makes_the_province_forget_the_contact(
    office, province, tmp_path
):
    merge(province, _bundle(office, tmp_path, "march.engage"))
    assert [r[0] for r in province.execute("SELECT name FROM contacts")] == ["Amina Yusuf"]
    set_consent(office["db"], "Amina Yusuf", False, reason="asked by phone")
    report = merge(province, _bundle(office, tmp_path, "april.engage"))
    assert report["withdrawn"]["contacts"] == 1
    assert province.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0
    assert province.execute("SELECT COUNT(*) FROM partners").fetchone()[0] == 1


def test_papers_list_marks_a_paper_that_quotes_a_submission_withdrawn_since(office):
    db, said = office["db"], office["said"]
    quoting = store_paper(
        db,
        WrittenPaper(
            consultation_id=office["consultation"],
            run_id=None,
            template="what-we-heard",
            fmt="md",
            markdown=f"> “{said['text_redacted']}”[^{said['id'][:8]}]\n\n"
            f"[^{said['id'][:8]}]: Submission {said['id'][:8]}\n",
        ),
    )
    other = store_paper(
        db,
        WrittenPaper(
            consultation_id=office["consultation"],
            run_id=None,
            template="briefing-note",
            fmt="md",
            markdown="No quotes here.\n",
        ),
    )
    withdraw(db, said["id"])
    marks = {p["id"]: p["quotes_withdrawn"] for p in list_papers(db)}
    assert marks == {quoting["id"]: 1, other["id"]: 0}
