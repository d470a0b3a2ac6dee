"""Submissions: search as you type, filters, paging from SQLite, redacted by default, and
importing a file with the same dry-run preview as the CLI."""

from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable, Input, Static
from tui_pilot import SIZE, choose, settle, step, text_of, type_into

from engage.db.submissions import insert_rows
from engage.models import SubmissionDraft
from engage.tui.modals.import_file import ImportScreen
from engage.tui.screens import submissions as screen_module

pytestmark = pytest.mark.anyio


def table_texts(pilot) -> list[str]:
    table = pilot.app.screen.query_one("#submissions-table", DataTable)
    return [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]


def status(pilot) -> str:
    return text_of(pilot, "#submissions-status")


async def open_submissions(pilot) -> None:
    await settle(pilot)
    await step(pilot, "u")


async def test_search_as_you_type(app, typing_pause):
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        assert "showing 28 of 28" in status(pilot)
        await pilot.press("slash")
        await pilot.press(*"frenc")  # a half-typed word already finds
        typing_pause.end()
        await settle(pilot)
        texts = table_texts(pilot)
        assert texts and all("french" in t.lower() for t in texts)
        assert f"of {len(texts)}" in status(pilot)


async def test_search_waits_for_a_pause_in_typing(app, monkeypatch, typing_pause):
    queries = []
    original = screen_module.SubmissionsScreen.load_page

    def counting(self, generation, args, offset, count):
        queries.append(args["search"])
        return original(self, generation, args, offset, count)

    monkeypatch.setattr(screen_module.SubmissionsScreen, "load_page", counting)
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        queries.clear()
        await pilot.press("slash", *"wait")
        await settle(pilot)
        assert queries == [], "no query while the person is still typing"
        assert len(typing_pause.waiting) == 1, "each key restarts the one wait"
        typing_pause.end()
        await settle(pilot)
        assert queries == ["wait"], "one query for the whole word, not one per key"


async def test_filters_and_redacted_text(app, sample):
    db = sample["db"]
    db.execute(
        "UPDATE submissions SET text_original = text_original || ' call 705-555-0199', "
        "text_redacted = text_redacted || ' call [PHONE]' WHERE channel = 'phone'"
    )
    db.conn.commit()
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        choose(pilot, "#filter-channel", "phone")
        await settle(pilot)
        texts = table_texts(pilot)
        assert len(texts) == 3
        detail = str(app.screen.query_one("#submission-text", Static).render())
        assert "[PHONE]" in detail and "705-555-0199" not in detail
        await pilot.press("o")  # the original, only on request
        detail = str(app.screen.query_one("#submission-text", Static).render())
        assert "705-555-0199" in detail and "ORIGINAL" in detail

        choose(pilot, "#filter-kind", "advocacy")
        await settle(pilot)
        assert len(table_texts(pilot)) == 2
        choose(pilot, "#filter-consent", False)
        await settle(pilot)
        assert table_texts(pilot) == []
        assert "No submission matches" in str(app.screen.query_one("#empty-note").render())


async def test_theme_filter(app, sample):
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        french = (
            sample["db"]
            .execute("SELECT id FROM themes WHERE label = 'French-language service'")
            .fetchone()[0]
        )
        choose(pilot, "#filter-theme", french)
        await settle(pilot)
        assert len(table_texts(pilot)) == 6


def add_many(db, consultation: str, count: int) -> None:
    from engage.db import transaction
    from engage.db.submissions import Provenance, draft_row

    with transaction(db):
        insert_rows(
            db,
            (
                draft_row(
                    db,
                    SubmissionDraft(text=f"Bulk answer number {n}"),
                    Provenance(consultation_id=consultation),
                )
                for n in range(count)
            ),
        )


async def test_pages_load_as_you_scroll_down(app, sample):
    add_many(sample["db"], sample["consultation"], 1000)
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        table = app.screen.query_one("#submissions-table", DataTable)
        first, page = screen_module.FIRST_PAGE, screen_module.PAGE
        assert table.row_count == first, "a first screenful, not every submission"
        assert "of 1,028" in status(pilot)
        table.focus()
        for _ in range(8):
            await step(pilot, "pagedown")
        loaded = table.row_count
        assert loaded > first and (loaded - first) % page == 0, "further pages as you go"
        await step(pilot, "ctrl+end")
        assert table.row_count == loaded + page
        table.scroll_end(animate=False)  # the mouse wheel scrolls without moving the cursor
        await settle(pilot)
        assert table.row_count == loaded + 2 * page
        shown = table.row_count
        assert f"showing {shown} of 1,028" in status(pilot)


async def test_import_shows_a_preview_before_writing(app, sample, tmp_path):
    from tui_sample import write_survey

    db = sample["db"]
    survey = write_survey(tmp_path / "more.csv")
    survey.write_text(survey.read_text().replace("(", "again ("), encoding="utf-8")
    before = db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        await type_into(pilot, "#path", str(survey))
        await pilot.press("enter")  # preview
        await settle(pilot)
        mapping = str(app.screen.query_one("#mapping", Static).render())
        assert "16 rows read" in mapping and "would add 16" in mapping
        assert "'Comments' → text" in mapping
        assert app.screen.query_one("#preview", DataTable).row_count == 5
        assert db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == before
        await pilot.press("ctrl+s")  # or the Import button
        await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)
        assert db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == before + 16
        assert "of 44" in status(pilot)


async def test_a_bad_import_file_is_a_notification(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        await pilot.press("i")
        await pilot.pause()
        await type_into(pilot, "#path", str(tmp_path / "missing.csv"))
        await step(pilot, "enter")
        assert isinstance(app.screen, ImportScreen), "the form stays open"
        assert app.screen.query_one("#import-button", Button).disabled
        assert str(app.screen.query_one("#form-error", Static).render())
        assert any(n.severity == "error" for n in app.notices)
        assert app.screen.query_one("#path", Input).value.endswith("missing.csv")
