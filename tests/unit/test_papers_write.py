"""Writing papers: Markdown and standalone HTML files, stored with their SHA-256, never
overwriting by accident, private, and free of template noise."""

from __future__ import annotations

import hashlib

import pytest
from papers_checks import assert_clean_markdown, assert_private, assert_standalone_html
from papers_support import PII, SECRET, small_consultation

from engage.db import audit
from engage.db.papers import get_paper, list_papers
from engage.db.recommendations import add_recommendation, record_action
from engage.errors import PathTaken, UserError
from engage.offices import export_bundle
from engage.papers.templates import BUILT_IN
from engage.papers.write import PaperOptions, paper_format, write_paper

TITLE = "Counter services review"


@pytest.fixture
def office(fresh_db) -> dict:
    office = small_consultation(fresh_db)
    add_recommendation(
        fresh_db,
        office["consultation"]["id"],
        ["1", "3"],
        title="Shorter waits",
        text="Open a quick-service wicket.",
        rationale="Waits were the top complaint.",
        priority="high",
        owner="Manager, Counter Operations",
        kpi_indicator="Visits served within 20 minutes",
        kpi_baseline="54%",
        kpi_target="80% of visits",
        kpi_due="2027-03-31",
        status="accepted",
    )
    add_recommendation(
        fresh_db,
        office["consultation"]["id"],
        ["1"],
        title="Fix the online form",
        text="Let people save a form part-way.",
    )
    record_action(
        fresh_db,
        "R1",
        "Quick wicket opened in Sudbury",
        acted_on="2026-07-01",
        status="in_progress",
    )
    return office


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("template", BUILT_IN)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_built_in_paper_is_private_and_clean(fresh_db, office, tmp_path, template, fmt):
    out = tmp_path / f"{template}.{fmt}"
    paper = write_paper(fresh_db, TITLE, template, out)
    text = out.read_text(encoding="utf-8")
    assert_private(text, fresh_db, extra=(SECRET, *PII))
    markdown = get_paper(fresh_db, paper["id"])["markdown"]
    assert_clean_markdown(markdown)
    assert "Counter services review" in markdown and "Shorter waits" in markdown
    for heading in ("Purpose", "Background", "What we heard", "Next steps"):
        assert f"## {heading}" in markdown
    assert "## Appendix" in markdown
    if fmt == "html":
        assert_standalone_html(text)
    else:
        assert text == markdown


def test_the_stored_sha256_matches_the_file(fresh_db, office, tmp_path):
    md = write_paper(fresh_db, TITLE, "recommendation-paper", tmp_path / "paper.md")
    assert md["sha256"] == md["file_sha256"] == sha256(tmp_path / "paper.md")
    html = write_paper(fresh_db, TITLE, "recommendation-paper", tmp_path / "paper.html")
    assert html["file_sha256"] == sha256(tmp_path / "paper.html")
    assert html["sha256"] == hashlib.sha256(html["markdown"].encode()).hexdigest()
    assert html["format"] == "html" and html["template"] == "recommendation-paper"
    assert html["run_id"] == office["run_id"]
    listed = {p["id"]: p for p in list_papers(fresh_db)}
    assert listed[md["id"]]["file"] == "matches"
    (tmp_path / "paper.md").write_text("edited by hand\n")
    assert get_paper(fresh_db, md["id"])["file"] == "changed"
    entry = audit.entries(fresh_db, "papers", md["id"])[0]
    assert entry["action"] == "create"


def test_an_existing_file_is_not_overwritten_without_force(fresh_db, office, tmp_path):
    out = tmp_path / "paper.md"
    out.write_text("my notes\n")
    with pytest.raises(PathTaken, match="already exists$"):
        write_paper(fresh_db, TITLE, "briefing-note", out)
    assert out.read_text() == "my notes\n"
    assert fresh_db.execute("SELECT COUNT(*) FROM papers").fetchone()[0] == 0
    write_paper(fresh_db, TITLE, "briefing-note", out, PaperOptions(force=True))
    assert out.read_text().startswith("# Briefing note")


def test_a_failed_render_leaves_no_file_and_no_record(fresh_db, office, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "bad.md.j2").write_text("{{ nothing_here }}")
    with pytest.raises(UserError, match="bad.md.j2, line 1"):
        write_paper(
            fresh_db,
            TITLE,
            "bad",
            tmp_path / "bad.md",
            PaperOptions(template_dir=tmp_path / "mine"),
        )
    assert not (tmp_path / "bad.md").exists()
    assert fresh_db.execute("SELECT COUNT(*) FROM papers").fetchone()[0] == 0


def test_the_format_follows_the_file_name_unless_given(tmp_path):
    assert paper_format(None, tmp_path / "a.html") == "html"
    assert paper_format(None, tmp_path / "a.md") == "md"
    assert paper_format("HTML", tmp_path / "a.txt") == "html"
    with pytest.raises(UserError, match="md or html"):
        paper_format("pdf", tmp_path / "a.pdf")


def test_numbers_in_the_paper_match_the_database(fresh_db, office, tmp_path):
    paper = write_paper(fresh_db, TITLE, "recommendation-paper", tmp_path / "p.md")
    markdown = paper["markdown"]
    # The run themed 14 submissions; one was withdrawn later, so every table counts 13.
    assert "| 1 | Wait times at the counter | 5 | 38% |" in markdown
    assert "| — | Fits no theme | 1 | 8% | — | — |" in markdown
    assert "| — | **Total** | **13** | **100%** | — | — |" in markdown
    assert "received 13 submissions (1 more were withdrawn" in markdown
    assert "We held 3 sessions" in markdown and "total attendance of 168" in markdown
    assert "heard from 1 of them (25%)" in markdown


def test_a_paper_naming_a_partner_who_shares_only_internally_stays_in_the_office(
    fresh_db, office, tmp_path
):
    internal = write_paper(fresh_db, TITLE, "recommendation-paper", tmp_path / "p.md")
    public = write_paper(fresh_db, TITLE, "what-we-heard", tmp_path / "w.md")
    named = get_paper(fresh_db, internal["id"])["partners_named"]
    assert office["partners"]["union"] in named  # not heard from, listed by name
    counts = export_bundle(fresh_db, tmp_path / "bundle.db")
    assert counts["papers"] == 1
    from engage.db import open_db

    bundle = open_db(tmp_path / "bundle.db")
    assert [r[0] for r in bundle.execute("SELECT id FROM papers")] == [public["id"]]


@pytest.mark.parametrize("template", BUILT_IN)
def test_a_bare_consultation_still_reads_as_a_paper(fresh_db, tmp_path, template):
    """No sessions, no partners, no ratings, no recommendations, nothing themed."""
    from papers_support import store_run

    from engage.db.consultations import ConsultationFields, add_consultation
    from engage.db.submissions import add_submission

    cid = add_consultation(fresh_db, ConsultationFields(title="Quiet review"))["id"]
    ids = [add_submission(fresh_db, cid, f"Comment number {n} about the counter.")["id"]
           for n in range(3)]  # fmt: skip
    store_run(fresh_db, cid, {}, unthemed=ids)
    for fmt in ("md", "html"):
        paper = write_paper(fresh_db, "Quiet review", template, tmp_path / f"p.{fmt}")
        assert_clean_markdown(paper["markdown"])
        assert " 0 themes" not in paper["markdown"]
        assert "No satisfaction scores came with these submissions" in paper["markdown"] or (
            template == "briefing-note" and "No satisfaction scores" in paper["markdown"]
        )
        if fmt == "html":  # one channel, nothing themed: a chart of one bar says nothing
            assert "<svg" not in (tmp_path / "p.html").read_text()
