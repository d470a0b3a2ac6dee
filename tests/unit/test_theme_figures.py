"""Each theme's figures (size, share, mean satisfaction, quotable answers) are kept by the
database as submissions and assignments change, and always equal a count made from scratch."""

from __future__ import annotations

import pytest
import sqlite_utils
from papers_support import store_run

from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.migrations import apply_migrations
from engage.db.opening import open_db
from engage.db.submissions import SubmissionDetails, add_submission, withdraw
from engage.db.themes import list_themes, merge_themes, move_submission
from engage.offices import export_bundle, merge


def counted(db, run_id: str) -> dict[str, tuple]:
    """Each theme's (size, mean satisfaction, quotable, share) counted from every row."""
    total = db.execute(
        "SELECT COUNT(*) FROM assignments a JOIN submissions s ON s.id = a.submission_id "
        "WHERE a.run_id = ? AND s.status = 'active'",
        [run_id],
    ).fetchone()[0]
    figures = {}
    for label, size, mean, quotable in db.execute(
        """SELECT t.label, COUNT(s.id), AVG(s.satisfaction), COALESCE(SUM(s.consent_to_quote), 0)
           FROM themes t LEFT JOIN assignments a ON a.theme_id = t.id
           LEFT JOIN submissions s ON s.id = a.submission_id AND s.status = 'active'
           WHERE t.run_id = ? AND t.merged_into IS NULL GROUP BY t.id""",
        [run_id],
    ):
        mean = None if mean is None else round(mean, 2)
        figures[label] = (size, mean, quotable, size / total if total else 0.0)
    return figures


def listed(db, run_id: str) -> dict[str, tuple]:
    return {
        t["label"]: (t["size"], t["mean_satisfaction"], t["quotable"], t["share"])
        for t in list_themes(db, run_id)
    }


def said(db, consultation_id: str, text: str, number: int) -> str:
    details = SubmissionDetails(
        consent_to_quote=number % 3 != 0, satisfaction=None if number % 4 == 0 else 1 + number % 5
    )
    return add_submission(db, consultation_id, text, details)["id"]


@pytest.fixture
def run(fresh_db, consultation):
    cid = consultation["id"]
    parking = [said(fresh_db, cid, f"Parking lot full, visit {n}", n) for n in range(7)]
    waits = [said(fresh_db, cid, f"Waited two hours in line, visit {n}", n) for n in range(9)]
    forms = [said(fresh_db, cid, f"The renewal form is confusing, part {n}", n) for n in range(5)]
    loose = [said(fresh_db, cid, f"Something else entirely, {n}", n) for n in range(3)]
    run_id = store_run(
        fresh_db,
        cid,
        {
            "Parking": (parking, ["parking"]),
            "Waits": (waits, ["wait"]),
            "Forms": (forms, ["form"]),
        },
        unthemed=loose,
    )
    return fresh_db, run_id, {"parking": parking, "waits": waits, "forms": forms, "loose": loose}


def test_a_stored_run_lists_the_figures_its_rows_give(run):
    db, run_id, _ = run
    assert listed(db, run_id) == counted(db, run_id)
    assert listed(db, run_id)["Waits"][0] == 9


def test_figures_follow_moves_merges_withdrawals_and_any_edit_of_a_submission(run):
    db, run_id, said_ = run
    move_submission(db, run_id, said_["parking"][1], "2")  # Parking -> Waits
    move_submission(db, run_id, said_["waits"][2], None)  # out to the unthemed
    move_submission(db, run_id, said_["loose"][0], "3")  # in from the unthemed
    assert listed(db, run_id) == counted(db, run_id)
    withdraw(db, said_["forms"][1], reason="asked")
    assert listed(db, run_id) == counted(db, run_id)
    assert listed(db, run_id)["Forms"][0] == 5  # 5, one withdrawn, one moved in
    db.execute(  # a writer elsewhere changes a score and a consent
        "UPDATE submissions SET satisfaction = 5, consent_to_quote = 1 WHERE id = ?",
        [said_["waits"][0]],
    )
    db.execute("UPDATE submissions SET satisfaction = NULL WHERE id = ?", [said_["forms"][2]])
    assert listed(db, run_id) == counted(db, run_id)
    merge_themes(db, run_id, ["1", "2"], label="Parking and waits")
    assert listed(db, run_id) == counted(db, run_id)
    assert set(listed(db, run_id)) == {"Parking and waits", "Forms"}


def test_a_database_from_before_the_figures_gets_them_counted(db_path):
    db = sqlite_utils.Database(db_path)
    apply_migrations(db, upto=10)  # as a database made by an older engage
    cid = add_consultation(db, ConsultationFields(title="Older office"))["id"]
    ids = [said(db, cid, f"Answer number {n}", n) for n in range(6)]
    run_id = store_run(db, cid, {"First": (ids[:4], ["a"]), "Second": (ids[4:], ["b"])})
    assert "theme_figures" not in db.table_names()
    assert apply_migrations(db) == ["m011_theme_figures", "m012_month_index"]
    assert listed(db, run_id) == counted(db, run_id)
    assert listed(db, run_id)["First"][0] == 4


def test_a_merged_bundle_gives_the_provincial_database_the_same_figures(run, tmp_path):
    db, run_id, said_ = run
    withdraw(db, said_["waits"][0], reason="asked")  # travels as a tombstone
    export_bundle(db, tmp_path / "office.engage")
    provincial = open_db(tmp_path / "provincial.db")
    merge(provincial, tmp_path / "office.engage")
    assert listed(provincial, run_id) == counted(provincial, run_id) == counted(db, run_id)
    merge(provincial, tmp_path / "office.engage")  # merging again changes nothing
    assert listed(provincial, run_id) == counted(provincial, run_id)
