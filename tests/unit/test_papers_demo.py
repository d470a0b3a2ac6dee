"""The demo's recommendations and papers, on the real demo data: realistic SMART
recommendations for the top themes, and six papers that leak nothing."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from papers_checks import check_papers
from papers_support import answer_key_run

import engage.ids
from engage.config import data_dir
from engage.db.recommendations import list_recommendations
from engage.papers.demo import draft_demo_recommendations, match_themes, write_demo_papers


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database, themed from its answer key (no models needed), built on
    1 December 2026: the recommendations' actions dated up to then are recorded."""
    from engage.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engage.ids, "clock", lambda: datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
        built = build_demo(folder / "demo.db", theme=False)
        db = built["db"]
        run_id = answer_key_run(db, built["consultation_id"], data_dir())
        drafted = draft_demo_recommendations(db, run_id)
        paths = write_demo_papers(db, built["consultation_id"], run_id, folder / "papers")
    yield {"db": db, "run_id": run_id, "drafted": drafted, "paths": paths}
    db.close()


def test_recommendations_are_drafted_for_the_top_themes_and_are_smart(demo):
    recs = list_recommendations(demo["db"])
    assert demo["drafted"] == len(recs) == 6
    assert all(r["smart"] for r in recs)
    assert recs[0]["theme_labels"] == ["Wait times at service centres"]
    assert recs[0]["title"].startswith("Cut counter wait times")
    assert any(r["actions"] for r in recs)
    assert len({r["title"] for r in recs}) == 6


def test_a_theme_no_entry_matches_gets_a_sensible_fallback():
    theme = {
        "label": "Parking · lot",
        "keyphrases": ["parking"],
        "size": 40,
        "share": 0.1,
        "mean_satisfaction": 2.5,
    }
    entries = [{"keywords": ["kiosk"], "title": "Kiosks"}]
    fallback = {
        "title": "Respond to what we heard about {topic}",
        "baseline": "{satisfaction}",
        "due_months": 9,
    }
    [(matched, entry)] = match_themes([theme], entries, fallback)
    assert entry["title"] == "Respond to what we heard about parking"
    assert entry["baseline"] == "2.5 / 5"


def test_the_demo_writes_all_three_papers_in_both_formats(demo):
    names = sorted(p.name for p in demo["paths"])
    assert names == [
        "briefing-note.html",
        "briefing-note.md",
        "recommendation-paper.html",
        "recommendation-paper.md",
        "what-we-heard.html",
        "what-we-heard.md",
    ]
    stored = demo["db"].execute("SELECT COUNT(*) FROM papers").fetchone()[0]
    assert stored == 6


def test_no_demo_paper_holds_planted_pii_or_unconsented_text(demo):
    check_papers(demo["db"], demo["paths"])


def test_the_demo_theme_table_adds_up_to_the_run(demo):
    markdown = next(p for p in demo["paths"] if p.name == "recommendation-paper.md").read_text()
    total = (
        demo["db"]
        .execute("SELECT COUNT(*) FROM assignments WHERE run_id = ?", [demo["run_id"]])
        .fetchone()[0]
    )
    assert f"| — | **Total** | **{total:,}** | **100%** | — | — |" in markdown
    shares = [
        int(s) for s in re.findall(r"^\| (?:\d+|—) \| [^|]+ \| [\d,]+ \| (\d+)%", markdown, re.M)
    ]
    assert sum(shares) == 100


@pytest.mark.slow
def test_the_demo_themes_drafts_and_writes_papers_that_leak_nothing(tmp_path):
    """`engage demo` end to end with the real offline model."""
    from engage.demo import build_demo

    built = build_demo(tmp_path / "demo.db")
    assert 6 <= built["themes"] <= 40
    assert built["recommendations"] >= 1
    assert len(built["papers"]) == 6 and all(path.exists() for path in built["papers"])
    check_papers(built["db"], built["papers"])
    check_readme_tour(built["db"])


def check_readme_tour(db) -> None:
    """The README's tour names the demo's themes by the numbers and titles it gets."""
    from pathlib import Path

    from engage.db.theme_runs import resolve_run
    from engage.db.themes import list_themes, merge_themes, rename_theme

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    run_id = resolve_run(db)
    themes = {str(theme["number"]): theme for theme in list_themes(db, run_id)}
    named = re.findall(r'# (\d+) is "([^"]+)"', readme)
    for number, title in named:
        assert themes[number]["label"] == title, (number, themes[number]["label"])
    for number in re.findall(r"engage themes (?:show|rename) (\d+)", readme):
        assert "kiosk" in themes[number]["label"].lower()
    kiosk = named[0][0]
    assert re.findall(r'--theme (\d+) --title "Keep kiosks working"', readme) == [kiosk]
    merged = re.search(r'engage themes merge (\d+) (\d+) --label "([^"]+)"', readme)
    for number in merged.groups()[:2]:
        said = " ".join([themes[number]["label"], *themes[number]["keyphrases"]]).lower()
        assert "online" in said, said
    rename_theme(db, run_id, kiosk, "Kiosks out of order")
    assert merge_themes(db, run_id, list(merged.groups()[:2]), merged.group(3))["label"] == (
        merged.group(3)
    )
