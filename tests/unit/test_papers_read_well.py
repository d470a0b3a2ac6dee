"""Papers read well with any data: one numbering with the CLI, a description under each
theme, readable charts at any number of themes, a sentence instead of an empty part."""

from __future__ import annotations

import json
import re

import pytest
from papers_support import small_consultation, store_run

from engage.config import templates_dir
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.submissions import add_submission
from engage.db.themes import merge_themes, theme_detail
from engage.papers.charts import bar_chart
from engage.papers.write import write_paper

TITLE = "Counter services review"
PRINT_WIDTH_PX = (8.5 - 2 * 1.8 / 2.54) * 96  # letter paper less the print margins of paper.css


def test_theme_numbers_in_a_paper_are_those_of_the_cli_even_after_a_merge(fresh_db, tmp_path):
    office = small_consultation(fresh_db)
    merge_themes(fresh_db, office["run_id"], ["1", "2"], label="Counter and online")
    markdown = write_paper(fresh_db, TITLE, "recommendation-paper", tmp_path / "p.md")["markdown"]
    headings = re.findall(r"^#### (\d+)\. (.+)$", markdown, re.M)
    assert headings == [("1", "Counter and online"), ("3", "French-language service")]
    for number, label in headings:
        assert theme_detail(fresh_db, number, office["run_id"])["label"] == label
    assert "People say the french-language service needs attention." in markdown


def test_nobody_quotable_and_nothing_rated_are_said_in_a_sentence(fresh_db, tmp_path):
    cid = add_consultation(fresh_db, ConsultationFields(title="Quiet review"))["id"]
    said = [add_submission(fresh_db, cid, f"The counter line was long on visit {n}.")["id"]
            for n in range(6)]  # fmt: skip
    store_run(fresh_db, cid, {"Long lines": (said[:4], ["line"]), "Visits": (said[4:], ["visit"])})
    for template in ("recommendation-paper", "what-we-heard", "briefing-note"):
        markdown = write_paper(fresh_db, "Quiet review", template, tmp_path / f"{template}.md")[
            "markdown"
        ]
        assert "No satisfaction scores came with these submissions" in markdown
        assert "Mean satisfaction" not in markdown  # a column of "—" only is left out
        if template != "briefing-note":
            assert "agreed to be quoted, so this paper quotes no submission" in markdown


def test_the_method_gives_the_run_s_real_wall_time(fresh_db, tmp_path):
    office = small_consultation(fresh_db)
    fresh_db.execute(
        "UPDATE theme_runs SET wall_seconds = 41.26, seconds = ? WHERE id = ?",
        [json.dumps({"embed": 30.0, "stability": 25.0}), office["run_id"]],
    )
    markdown = write_paper(fresh_db, TITLE, "briefing-note", tmp_path / "b.md")["markdown"]
    assert "| Run time | 41.3 s |" in markdown


@pytest.mark.parametrize("themes", [3, 12, 40])
def test_theme_chart_labels_stay_readable_and_the_chart_grows_with_the_themes(themes):
    bars = [(f"{n}. Theme with a plain title number {n}", 100 - n, "5%", "#000")
            for n in range(1, themes + 1)]  # fmt: skip
    svg = bar_chart("theme_sizes", "Submissions in each theme", bars)
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    sizes = [float(size) for size in re.findall(r"font-size?:\s*([\d.]+)px", svg)]
    sizes += [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) * PRINT_WIDTH_PX / width >= 11
    assert height / width >= 0.1 + 0.045 * themes  # taller with every theme, never squeezed


def test_the_stylesheet_never_squeezes_a_chart_below_its_height():
    css = (templates_dir() / "paper.css").read_text()
    chart_rules = re.findall(r"figure\.chart svg \{[^}]*\}", css)
    assert chart_rules and all("max-height" not in rule for rule in chart_rules)


def test_a_chart_of_one_category_is_left_out():
    one = [("Not recorded", 12, "100%", "#000")]
    assert bar_chart("channels", "Submissions by channel", one) == ""
