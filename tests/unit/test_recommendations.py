"""Recommendations: SMART KPIs, themes of a run, dated actions, audit and transactions."""

from __future__ import annotations

import json

import pytest
from papers_support import small_consultation, store_run

from engage.db import audit, open_db, records
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.recommendations import (
    add_recommendation,
    edit_recommendation,
    list_recommendations,
    recommendation_detail,
    record_action,
    resolve_recommendation,
    smart_gaps,
)
from engage.errors import UserError
from engage.offices import export_bundle, merge

SMART = {
    "kpi_indicator": "Share of visits served within 20 minutes",
    "kpi_baseline": "54%",
    "kpi_target": "80% within 20 minutes",
    "kpi_due": "2027-03-31",
}


@pytest.fixture
def office(fresh_db) -> dict:
    return small_consultation(fresh_db)


def add(db, office, themes=("1",), **values):
    values = {"title": "Shorter waits", "text": "Open a quick-service wicket.", **values}
    return add_recommendation(db, office["consultation"]["id"], list(themes), **values)


def test_a_recommendation_answers_themes_of_the_latest_run(fresh_db, office):
    rec = add(fresh_db, office, themes=["1", "3"], priority="high", owner="Manager", **SMART)
    assert rec["number"] == 1
    assert rec["run_id"] == office["run_id"]
    assert [t["label"] for t in rec["themes"]] == [
        "Wait times at the counter",
        "French-language service",
    ]
    assert rec["smart"] and rec["smart_gaps"] == []
    assert rec["priority"] == "high" and rec["status"] == "proposed"
    assert add(fresh_db, office)["number"] == 2


@pytest.mark.parametrize(
    ("kpi", "gaps"),
    [
        ({}, ["no indicator", "no measurable target", "no due date"]),
        ({**SMART, "kpi_target": "much better"}, ["no measurable target"]),
        ({**SMART, "kpi_due": None}, ["no due date"]),
        ({**SMART, "kpi_indicator": "  "}, ["no indicator"]),
        (SMART, []),
    ],
)
def test_a_recommendation_without_a_measurable_target_or_due_date_is_not_smart(kpi, gaps):
    assert smart_gaps(kpi) == gaps


def test_listing_shows_whether_each_recommendation_is_smart(fresh_db, office):
    add(fresh_db, office, **SMART)
    add(fresh_db, office, title="Vaguer", kpi_target="improve")
    listed = {r["title"]: r for r in list_recommendations(fresh_db)}
    assert listed["Shorter waits"]["smart"] is True
    assert listed["Vaguer"]["smart_gaps"] == [
        "no indicator",
        "no measurable target",
        "no due date",
    ]
    assert listed["Vaguer"]["theme_labels"] == ["Wait times at the counter"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"priority": "urgent"}, "priority must be one of high, medium, low"),
        ({"status": "maybe"}, "status must be one of"),
        ({"kpi_due": "next spring"}, "due date must be a date"),
        ({"title": "  "}, "title cannot be empty"),
    ],
)
def test_bad_values_are_refused_with_what_would_be_accepted(fresh_db, office, values, message):
    with pytest.raises(UserError, match=message):
        add(fresh_db, office, **values)
    assert fresh_db.execute("SELECT COUNT(*) FROM recommendations").fetchone()[0] == 0


def test_a_recommendation_needs_a_theme_of_the_run(fresh_db, office):
    with pytest.raises(UserError, match="at least one theme"):
        add(fresh_db, office, themes=[])
    with pytest.raises(UserError, match="no theme 9"):
        add(fresh_db, office, themes=["9"])


def test_a_run_of_another_consultation_is_refused(fresh_db, office):
    other = add_consultation(fresh_db, ConsultationFields(title="Another review"))
    with pytest.raises(UserError, match="another consultation"):
        add_recommendation(fresh_db, other["id"], ["1"], run=office["run_id"], title="x", text="y")


def test_every_change_is_audited(fresh_db, office):
    rec = add(fresh_db, office)
    edit_recommendation(fresh_db, "R1", kpi_target="75%", themes=["2"])
    record_action(fresh_db, "R1", "Wicket opened in Sudbury", acted_on="2026-07-01")
    entries = audit.entries(fresh_db)
    actions = {(e["action"], e["table_name"]) for e in entries}
    assert {
        ("create", "recommendations"),
        ("create", "recommendation_themes"),
        ("update", "recommendations"),
        ("relink", "recommendations"),
        ("create", "recommendation_actions"),
    } <= actions
    update = next(e for e in entries if e["action"] == "update" and e["row_id"] == rec["id"])
    assert json.loads(update["details"]) == {"kpi_target": {"from": None, "to": "75%"}}


def test_editing_themes_replaces_the_links(fresh_db, office):
    add(fresh_db, office, themes=["1", "2"])
    rec = edit_recommendation(fresh_db, "1", themes=["3"])
    assert [t["label"] for t in rec["themes"]] == ["French-language service"]
    assert fresh_db.execute("SELECT COUNT(*) FROM recommendation_themes").fetchone()[0] == 1


def test_an_action_is_dated_and_can_move_the_status(clock, fresh_db, office):
    add(fresh_db, office, status="accepted")
    rec = record_action(fresh_db, "R1", "Quick wicket opened", status="in_progress")
    assert rec["status"] == "in_progress"
    assert rec["actions"][0]["acted_on"] == "2026-12-01"  # today by default
    rec = record_action(fresh_db, "R1", "Pilot in Sudbury", acted_on="2020-09-01", status="done")
    assert [a["action"] for a in rec["actions"]] == ["Pilot in Sudbury", "Quick wicket opened"]
    assert rec["status"] == "done"


def test_an_action_and_its_status_change_are_one_transaction(fresh_db, office, monkeypatch):
    add(fresh_db, office)

    def broken_update(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(records, "update", broken_update)
    with pytest.raises(RuntimeError):
        record_action(fresh_db, "R1", "Wicket opened", status="in_progress")
    assert fresh_db.execute("SELECT COUNT(*) FROM recommendation_actions").fetchone()[0] == 0


def test_a_failed_link_leaves_no_recommendation_behind(fresh_db, office, monkeypatch):
    from engage.db import recommendations

    def broken_link(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(recommendations, "_link_themes", broken_link)
    with pytest.raises(RuntimeError):
        add(fresh_db, office)
    assert fresh_db.execute("SELECT COUNT(*) FROM recommendations").fetchone()[0] == 0


def test_recommendations_are_found_by_number_or_id(fresh_db, office):
    rec = add(fresh_db, office)
    assert resolve_recommendation(fresh_db, "R1") == rec["id"]
    assert resolve_recommendation(fresh_db, "1") == rec["id"]
    assert resolve_recommendation(fresh_db, rec["id"][:8]) == rec["id"]
    with pytest.raises(UserError, match="no recommendation R7"):
        resolve_recommendation(fresh_db, "R7")


def test_numbers_are_per_consultation(fresh_db, office):
    add(fresh_db, office)
    other = add_consultation(fresh_db, ConsultationFields(title="Another review"))
    ids = [r[0] for r in fresh_db.execute("SELECT id FROM submissions LIMIT 2")]
    store_run(fresh_db, other["id"], {"Parking": (ids, ["parking"])})
    second = add_recommendation(fresh_db, other["id"], ["1"], title="Parking", text="More")
    assert second["number"] == 1
    with pytest.raises(UserError, match="several consultations"):
        resolve_recommendation(fresh_db, "R1")
    assert resolve_recommendation(fresh_db, "R1", other["id"]) == second["id"]
    assert recommendation_detail(fresh_db, second["id"])["title"] == "Parking"


def test_listing_filters_by_consultation_and_status(fresh_db, office):
    add(fresh_db, office, status="accepted")
    add(fresh_db, office, title="Other", status="declined")
    assert [r["title"] for r in list_recommendations(fresh_db, status="declined")] == ["Other"]
    assert len(list_recommendations(fresh_db, "Counter services review")) == 2
    with pytest.raises(UserError, match="status must be one of"):
        list_recommendations(fresh_db, status="gone")


def test_recommendations_travel_in_the_office_bundle(fresh_db, office, tmp_path):
    add(fresh_db, office, **SMART)
    record_action(fresh_db, "R1", "Wicket opened", acted_on="2026-07-01")
    counts = export_bundle(fresh_db, tmp_path / "bundle.db")
    assert counts["recommendations"] == 1
    assert counts["recommendation_themes"] == 1
    assert counts["recommendation_actions"] == 1


def _theme_labels(db, rec_id: str) -> list[str]:
    return sorted(r[0] for r in db.execute(
        "SELECT t.label FROM recommendation_themes l JOIN themes t ON t.id = l.theme_id "
        "WHERE l.recommendation_id = ?", [rec_id]))  # fmt: skip


def test_a_merge_carries_the_themes_a_recommendation_answers_now(clock, fresh_db, office, tmp_path):
    rec = add(fresh_db, office, themes=["1"])
    province = open_db(tmp_path / "province.db")
    export_bundle(fresh_db, tmp_path / "first.db")
    merge(province, tmp_path / "first.db")
    assert _theme_labels(province, rec["id"]) == ["Wait times at the counter"]
    clock.advance(minutes=10)  # the edit is newer than the first bundle
    edit_recommendation(fresh_db, "R1", themes=["3"])
    export_bundle(fresh_db, tmp_path / "second.db")
    report = merge(province, tmp_path / "second.db")
    assert _theme_labels(province, rec["id"]) == ["French-language service"]
    assert report["removed"]["recommendation_themes"] == 1
    # an older bundle does not bring back the link dropped since
    merge(province, tmp_path / "first.db")
    assert _theme_labels(province, rec["id"]) == ["French-language service"]
    province.close()
