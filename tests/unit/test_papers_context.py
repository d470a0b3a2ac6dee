"""The paper context: participation, coverage, themes, quotes and method, counted from the
database and adding up."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from papers_support import PII, SECRET, small_consultation

from engage.db import records
from engage.db.codings import record_coding
from engage.db.recommendations import add_recommendation, record_action
from engage.db.themes import rename_theme
from engage.errors import UserError
from engage.papers.context import build_context
from engage.papers.numbers import long_date, percentages, share
from engage.papers.render import render_markdown


@pytest.fixture
def office(fresh_db) -> dict:
    return small_consultation(fresh_db)


@pytest.fixture
def context(fresh_db, office) -> dict:
    return build_context(fresh_db, "Counter services review")


def test_participation_counts_match_the_database(fresh_db, context):
    p = context["participation"]
    assert p["sessions"] == 3
    assert p["attendance"] == 40 + 8 + 120
    active = fresh_db.execute(
        "SELECT COUNT(*) FROM submissions WHERE status = 'active'"
    ).fetchone()[0]
    assert p["submissions"] == active == sum(r["count"] for r in p["submissions_by_channel"])
    assert p["withdrawn"] == 1
    assert sum(r["share_pct"] for r in p["submissions_by_channel"]) == 100
    assert {r["name"] for r in p["sessions_by_channel"]} == {"In person", "Online", "Survey"}
    assert p["first_session"] == "2026-03-10" and p["last_session"] == "2026-04-02"


def test_coverage_counts_invited_and_heard_and_names_only_consenting_partners(context):
    coverage = context["coverage"]
    assert coverage["registered"] == 4
    assert coverage["invited"] == 4
    # The seniors attended; nobody else attended or wrote in.
    assert coverage["invited_heard"] == 1 and coverage["heard_pct"] == 25
    assert coverage["not_heard_count"] == 3
    names = [p["name"] for p in coverage["not_heard"]]
    assert names == ["Counter Workers Local 12", "Valley Business Council"]
    assert coverage["not_heard_unnamed"] == 1  # the food bank shares nothing
    assert coverage["heard_public"] == ["Northern Seniors' Coalition"]


def test_themes_are_ranked_by_size_and_shares_add_up(context):
    themes = context["themes"]
    assert [t["size"] for t in themes] == sorted((t["size"] for t in themes), reverse=True)
    assert [t["rank"] for t in themes] == [1, 2, 3]
    assert sum(t["share_pct"] for t in themes) + context["unthemed"]["share_pct"] == 100
    assert context["themed_total"] == sum(t["size"] for t in themes) + context["unthemed"]["count"]
    wait = themes[0]
    assert wait["label"] == "Wait times at the counter"
    assert wait["breakdown"]["channel"][0]["count"] <= wait["size"]
    table = context["crosstabs"]["partner_kind"]
    assert table["total"] == sum(table["totals"]) == context["themed"]


def test_quotes_come_only_from_consented_active_submissions_in_redacted_form(context, office):
    quotes = [q for theme in context["themes"] for q in theme["quotes"]]
    assert quotes and quotes == context["quotes"]
    quoted_ids = {q["id"] for q in quotes}
    assert not quoted_ids & set(office["secret_ids"][:2])  # no consent
    assert office["secret_ids"][3] not in quoted_ids  # withdrawn
    text = " ".join(q["text"] for q in quotes)
    assert not any(secret in text for secret in PII)
    assert len({q["ref"] for q in quotes}) == len(quotes)
    assert all(q["ref"] == q["id"][:8] for q in quotes)


def test_a_consented_quote_shows_only_its_redacted_text(fresh_db, office):
    consented_with_pii = office["secret_ids"][2]
    fresh_db.execute(
        "UPDATE themes SET quote_ids = ? WHERE label = 'French-language service'",
        [f'["{consented_with_pii}"]'],
    )
    context = build_context(fresh_db, "Counter services review")
    french = next(t for t in context["themes"] if t["label"] == "French-language service")
    quoted = next(q for q in french["quotes"] if q["id"] == consented_with_pii)
    assert "[POSTAL_CODE]" in quoted["text"] and "[SIN]" in quoted["text"]
    assert PII[2] not in quoted["text"] and PII[3] not in quoted["text"]


def test_recommendations_carry_their_kpi_actions_and_themes(fresh_db, office):
    add_recommendation(
        fresh_db,
        office["consultation"]["id"],
        ["1"],
        title="Shorter waits",
        text="Do it",
        kpi_indicator="Visits served in 20 min",
        kpi_target="80%",
        kpi_due="2027-01-31",
        priority="high",
    )
    record_action(fresh_db, "R1", "Wicket opened", acted_on="2026-07-01", status="in_progress")
    context = build_context(fresh_db, "Counter services review")
    rec = context["recommendations"][0]
    assert rec["ref"] == "R1" and rec["smart"] and rec["status_name"] == "In progress"
    assert rec["themes"] == ["Wait times at the counter"]
    assert rec["actions"] == [
        {"on": "2026-07-01", "text": "Wicket opened", "status_name": "In progress"}
    ]
    assert context["themes"][0]["recommendations"] == ["R1"]
    assert context["recommendation_summary"]["high"] == 1


def test_method_reports_the_run_edits_and_coder_agreement(fresh_db, office):
    run_id = office["run_id"]
    rename_theme(fresh_db, run_id, "1", "Waiting in line")
    for sid, theme_id in fresh_db.execute(
        "SELECT submission_id, theme_id FROM assignments WHERE run_id = ? LIMIT 6", [run_id]
    ).fetchall():
        number = None
        if theme_id:
            number = str(records.get(fresh_db, "themes", theme_id)["number"])
        record_coding(fresh_db, run_id, sid, "analyst", number)
    method = build_context(fresh_db, "Counter services review")["method"]
    assert method["backend"] == "fast" and method["seed"] == 0 and method["stability"] == 0.93
    assert method["edits_total"] == 1 and method["edits"][0]["name"] == "themes renamed"
    assert method["agreement"] == [{"pair": "analyst and the model", "n": 6, "kappa": 1.0}]
    assert {"name": "bertopic", "version": "0.17.4"} in method["versions"]


def test_method_says_how_a_bilingual_run_themed_its_second_language(fresh_db, office):
    run_id = office["run_id"]
    params = {"reducer": "pca", "n_other_language": 42, "other_language": "French"}
    fresh_db.execute("UPDATE theme_runs SET params = ? WHERE id = ?", [json.dumps(params), run_id])
    context = build_context(fresh_db, "Counter services review")
    assert context["method"]["languages"] == (
        "42 answers in French joined the themes found in the English ones (nearest in meaning)"
    )
    paper = render_markdown(context, "what-we-heard")
    assert "| Languages | 42 answers in French joined" in paper


def test_an_unknown_run_or_a_run_of_another_consultation_is_refused(fresh_db, office):
    from engage.db.consultations import ConsultationFields, add_consultation

    add_consultation(fresh_db, ConsultationFields(title="Empty review"))
    with pytest.raises(UserError, match="no theme run yet"):
        build_context(fresh_db, "Empty review")
    with pytest.raises(UserError, match="another consultation"):
        build_context(fresh_db, "Empty review", office["run_id"])


def test_unconsented_text_never_enters_the_context(context):
    assert SECRET not in repr(context)


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=30))
def test_whole_percentages_always_add_up_to_100(counts):
    shares = percentages(counts)
    total = sum(counts)
    assert sum(shares) == (100 if total else 0)
    if total:
        assert all(abs(s - 100 * c / total) < 1 for s, c in zip(shares, counts, strict=True))


def test_numbers_read_as_a_paper_writes_them():
    assert long_date("2026-03-02") == "March 2, 2026"
    assert long_date(None) == "—"
    assert share(0, 3) == "<1%" and share(0, 0) == "0%" and share(12) == "12%"


def test_a_quote_never_repeats_the_words_of_someone_who_did_not_consent(fresh_db, office):
    from papers_support import store_run

    from engage.db.submissions import SubmissionDetails, add_submission

    cid = office["consultation"]["id"]
    words = "The queue at the counter never moves and nobody explains why it is so slow."
    private = add_submission(fresh_db, cid, words, SubmissionDetails(consent_to_quote=False))["id"]
    echo = add_submission(
        fresh_db, cid, f"Like my neighbour said: {words}", SubmissionDetails(consent_to_quote=True)
    )
    own = add_submission(
        fresh_db,
        cid,
        "Two hours in line for a five-minute renewal is absurd.",
        SubmissionDetails(consent_to_quote=True),
    )
    run_id = store_run(fresh_db, cid, {"Queues": ([echo["id"], own["id"], private], ["queue"])})
    context = build_context(fresh_db, cid, run_id)
    quoted = [q["id"] for q in context["themes"][0]["quotes"]]
    assert quoted == [own["id"]]
