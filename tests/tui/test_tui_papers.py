"""Recommendations with their SMART KPI, and generating a paper to read in the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import MarkdownViewer, SelectionList, Static
from tui_pilot import choose, running, step, table_rows, type_into

from engage.tui.modals.recommendation_form import RecommendationForm

pytestmark = pytest.mark.anyio


async def test_add_a_smart_recommendation(app, sample):
    async with running(app) as pilot:
        await step(pilot, "r")
        assert [row[0] for row in table_rows(pilot, "#recommendations-table")] == ["R1", "R2"]
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationForm)
        await type_into(pilot, "#title", "French at every counter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tick the theme" in str(app.screen.query_one("#form-error", Static).render())
        app.screen.query_one("#themes", SelectionList).focus()
        await pilot.press("down", "down", "space")
        await type_into(pilot, "#text", "Staff a bilingual agent at each counter.")
        await type_into(pilot, "#kpi_indicator", "Counters with a bilingual agent")
        await type_into(pilot, "#kpi_baseline", "3 of 9")
        await type_into(pilot, "#kpi_target", "9 of 9")
        await type_into(pilot, "#kpi_due", "2027-03-31")
        choose(pilot, "#priority", "high")
        await step(pilot, "ctrl+s")
        assert table_rows(pilot, "#recommendations-table")[-1] == [
            "R3",
            "French at every counter",
            "proposed",
            "2027-03-31",
            "✔",
        ]
        row = (
            sample["db"]
            .execute(
                "SELECT r.priority, t.label FROM recommendations r JOIN recommendation_themes l "
                "ON l.recommendation_id = r.id JOIN themes t ON t.id = l.theme_id "
                "WHERE r.number = 3"
            )
            .fetchone()
        )
        assert row == ("high", "French-language service")


async def test_edit_status_and_record_what_was_done(app, sample):
    async with running(app) as pilot:
        await step(pilot, "r")
        await pilot.press("e")
        await pilot.pause()
        choose(pilot, "#status", "in_progress")
        await type_into(pilot, "#kpi_due", "2026-13-40")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "due date must be a date" in str(
            app.screen.query_one("#form-error", Static).render()
        )
        await type_into(pilot, "#kpi_due", "2026-11-30")
        await step(pilot, "ctrl+s")
        assert table_rows(pilot, "#recommendations-table")[0][2:4] == ["in progress", "2026-11-30"]
        await pilot.press("w")
        await pilot.pause()
        await type_into(pilot, "#action", "Wait-time screens installed in Sudbury")
        await type_into(pilot, "#acted_on", "2026-09-15")
        await step(pilot, "enter")
        detail = str(app.screen.query_one("#rec-text", Static).render())
        assert "2026-09-15 Wait-time screens installed in Sudbury" in detail


async def test_generate_a_paper_and_read_it(app, sample, engage_home):
    async with running(app) as pilot:
        await step(pilot, "a", "g")
        path_line = str(app.screen.query_one("#paper-path", Static).render())
        html = Path(path_line.split("HTML:", 1)[1].strip())
        assert html.suffix == ".html" and html.is_file()
        assert html.parent == engage_home / "papers"
        assert "<html" in html.read_text(encoding="utf-8").lower()
        viewer = app.screen.query_one("#paper-view", MarkdownViewer)
        shown = viewer.document.source
        assert "Service centre review" in shown
        assert "Show live wait times" in shown
        assert [row[1] for row in table_rows(pilot, "#papers-table")] == ["recommendation-paper"]
        stored = sample["db"].execute("SELECT markdown, path FROM papers").fetchone()
        assert stored == (shown, str(html))


async def test_a_paper_without_themes_is_refused_politely(app, sample):
    from engage.db.consultations import ConsultationFields, add_consultation

    add_consultation(sample["db"], ConsultationFields(title="Library hours"))
    async with running(app) as pilot:
        await step(pilot, "a")
        choose(
            pilot,
            "#paper-consultation",
            sample["db"]
            .execute("SELECT id FROM consultations WHERE title = 'Library hours'")
            .fetchone()[0],
        )
        await step(pilot, "g")
        assert app.is_running
        (refusal,) = [n.message for n in app.notices if "no theme run" in n.message]
        assert "press t, then g" in refusal and "engage theme" not in refusal
        assert sample["db"].execute("SELECT COUNT(*) FROM papers").fetchone()[0] == 0


async def test_a_paper_quoting_a_submission_withdrawn_since_is_marked(app, sample, clock):
    from engage.db.submissions import withdraw

    async with running(app) as pilot:
        await step(pilot, "a", "g")
        assert "withdrawn since" not in str(app.screen.query_one("#paper-path", Static).render())
        markdown = sample["db"].execute("SELECT markdown FROM papers").fetchone()[0]
        quoted = next(
            sid
            for (sid,) in sample["db"].execute("SELECT id FROM submissions")
            if f"[^{sid[:8]}" in markdown
        )
        clock.advance(minutes=5)
        withdraw(sample["db"], quoted, "asked to be removed")
        app.data_changed()
        await step(pilot, "d", "a")
        (marked,) = [row[1] for row in table_rows(pilot, "#papers-table")]
        assert marked.startswith("⚠ recommendation")
        await step(pilot, "enter")
        path_line = str(app.screen.query_one("#paper-path", Static).render())
        assert "quotes 1 submission withdrawn since: do not share it again" in path_line
