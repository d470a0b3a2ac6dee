"""Reviewing a stored theme run: labels stay distinct, quotes and keyphrases follow the edits."""

from __future__ import annotations

import pytest
from papers_support import store_run

from engage.db.submissions import SubmissionDetails, add_submission
from engage.db.themes import merge_themes, move_submission, rename_theme, theme_detail
from engage.errors import UserError


@pytest.fixture
def run(fresh_db, consultation):
    def said(text: str) -> str:
        return add_submission(
            fresh_db, consultation["id"], text, SubmissionDetails(consent_to_quote=True)
        )["id"]

    parking = [said(f"Parking lot full, visit {n}") for n in range(3)]
    waits = [said(f"Waited two hours in line, visit {n}") for n in range(3)]
    run_id = store_run(
        fresh_db,
        consultation["id"],
        {"Parking": (parking, ["parking", "lot"]), "Waits": (waits, ["wait", "line"])},
    )
    return fresh_db, run_id, parking, waits


def test_a_label_already_used_by_another_theme_is_refused(run):
    db, run_id, _, _ = run
    with pytest.raises(UserError, match="already called 'Parking'"):
        rename_theme(db, run_id, "2", "parking")
    assert theme_detail(db, "2", run_id)["label"] == "Waits"
    merged = merge_themes(db, run_id, ["2", "1"], label="Parking")  # the old one is gone
    assert merged["label"] == "Parking"


def test_a_submission_moved_out_is_no_longer_quoted_there(run):
    db, run_id, parking, _ = run
    move_submission(db, run_id, parking[0], "2")
    quoted = [quote["id"] for quote in theme_detail(db, "1", run_id)["quotes"]]
    assert parking[0] not in quoted and len(quoted) == 2
    move_submission(db, run_id, parking[1], None)
    assert len(theme_detail(db, "1", run_id)["quotes"]) == 1


def test_a_merged_theme_keeps_the_keyphrases_and_quotes_of_both(run):
    db, run_id, parking, waits = run
    merge_themes(db, run_id, ["1", "2"])
    detail = theme_detail(db, "1", run_id)
    assert detail["keyphrases"][:4] == ["parking", "wait", "lot", "line"]
    assert {quote["id"] for quote in detail["quotes"]} == set(parking + waits)


def test_merging_carries_the_recommendations_and_codings_that_answer_a_theme(run):
    from engage.db.codings import record_coding
    from engage.db.recommendations import (
        add_recommendation,
        list_recommendations,
        recommendation_detail,
    )

    db, run_id, parking, waits = run
    consultation_id = db.execute("SELECT consultation_id FROM theme_runs").fetchone()[0]
    both = add_recommendation(db, consultation_id, ["1", "2"], title="Both", text="x")
    waits_only = add_recommendation(db, consultation_id, ["2"], title="Queue", text="y")
    record_coding(db, run_id, waits[0], "ana", "2")
    merge_themes(db, run_id, ["1", "2"])
    rename_theme(db, run_id, "1", "Parking and waits")
    existing = {row[0] for row in db.execute("SELECT id FROM themes WHERE merged_into IS NULL")}
    linked = [row[0] for row in db.execute("SELECT theme_id FROM recommendation_themes")]
    assert set(linked) <= existing and len(linked) == 2  # "Both" answers the merged theme once
    for rec in (both, waits_only):
        assert recommendation_detail(db, rec["id"])["theme_labels"] == ["Parking and waits"]
    assert all(r["theme_labels"] == ["Parking and waits"] for r in list_recommendations(db))
    coded = db.execute("SELECT theme_id FROM codings").fetchone()[0]
    assert coded in existing
    assert theme_detail(db, "1", run_id)["number"] == 1
    with pytest.raises(UserError, match="no theme 2"):  # numbers are not reused
        theme_detail(db, "2", run_id)
