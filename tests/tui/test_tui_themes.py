"""Themes: run theming in the background (with a tiny keyword themer standing in for the
pipeline), cancel it, and review the themes — rename, merge, move, unthemed, coding."""

from __future__ import annotations

import threading

import anyio
import pytest
from textual.widgets import DataTable, SelectionList, Static
from tui_pilot import SIZE, choose, settle, step, type_into
from tui_sample import keyword_themes

from engage.tui.modals.theme_edits import MoveSubmissionForm, ThemeRunForm
from engage.tui.screens.coding import CodingScreen
from engage.tui.widgets.theme_run import ThemeRunPanel

pytestmark = pytest.mark.anyio
HANG_GUARD = 120  # seconds: only so that a broken run fails instead of hanging the suite


@pytest.fixture
def fake_pipeline(monkeypatch):
    """theme_consultation runs for real, around an instant keyword themer."""
    import engage.theming.pipeline

    calls = []

    def themer(texts, options=None):
        calls.append(len(texts))
        return keyword_themes(texts, options)

    monkeypatch.setattr(engage.theming.pipeline, "theme_texts", themer)
    return calls


def theme_labels(pilot) -> list[str]:
    table = pilot.app.screen.query_one("#themes-table", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def open_themes(pilot) -> None:
    await settle(pilot)
    await step(pilot, "t")


async def test_rename_a_theme(app, sample):
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        assert theme_labels(pilot)[0] == "Waiting times at the counter"
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, "#label", "Long waits at the counter")
        await step(pilot, "enter")
        assert theme_labels(pilot)[0] == "Long waits at the counter"
        assert "Long waits at the counter" in str(
            app.screen.query_one("#theme-text", Static).render()
        )
        db = sample["db"]
        assert (
            db.execute(
                "SELECT action, details FROM theme_edits WHERE run_id = ?", [sample["run_id"]]
            ).fetchone()[0]
            == "rename"
        )


async def test_an_empty_label_is_refused_in_the_form(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, "#label", "   ")
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot be empty" in str(app.screen.query_one("#form-error", Static).render())
        await step(pilot, "escape")
        assert theme_labels(pilot)[0] == "Waiting times at the counter"


async def test_merge_two_themes(app, sample):
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#others", SelectionList).focus()
        await pilot.press("down", "space")  # tick the second other theme: French
        await type_into(pilot, "#label", "Service at the counter")
        await step(pilot, "ctrl+s")
        assert theme_labels(pilot) == ["Service at the counter", "Online forms and booking"]
        size = app.screen.query_one("#themes-table", DataTable).get_row_at(0)[2]
        assert str(size) == "14"


async def test_move_a_submission_and_mark_one_unthemed(app, sample):
    db = sample["db"]
    run_id = sample["run_id"]
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        examples = app.screen.query_one("#theme-examples", DataTable)
        examples.focus()
        first = examples.coordinate_to_cell_key(examples.cursor_coordinate).row_key.value
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, MoveSubmissionForm)
        online = db.execute(
            "SELECT id FROM themes WHERE label = 'Online forms and booking'"
        ).fetchone()[0]
        choose(pilot, "#theme", online)
        await step(pilot, "ctrl+s")
        assert db.execute(
            "SELECT theme_id, source FROM assignments WHERE run_id = ? AND submission_id = ?",
            [run_id, first],
        ).fetchone() == (online, "human")

        examples = app.screen.query_one("#theme-examples", DataTable)
        examples.focus()
        second = examples.coordinate_to_cell_key(examples.cursor_coordinate).row_key.value
        await step(pilot, "o")
        assert db.execute(
            "SELECT theme_id FROM assignments WHERE run_id = ? AND submission_id = ?",
            [run_id, second],
        ).fetchone() == (None,)
        assert "7 unthemed (25%)" in str(app.screen.query_one("#run-summary", Static).render())


async def test_o_on_the_themes_table_unthemes_nothing(app, sample):
    db, run_id = sample["db"], sample["run_id"]
    count = "SELECT COUNT(*) FROM assignments WHERE run_id = ? AND theme_id IS NULL"
    before = db.execute(count, [run_id]).fetchone()[0]
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        assert app.screen.focused is app.screen.query_one("#themes-table", DataTable)
        await step(pilot, "o")
        assert db.execute(count, [run_id]).fetchone()[0] == before
        warnings = [n.message for n in app.notices if n.severity == "warning"]
        assert any("Tab to the examples" in message for message in warnings)


async def test_run_theming_in_a_worker(app, sample, fake_pipeline):
    db = sample["db"]
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ThemeRunForm)
        await step(pilot, "ctrl+s")
        assert fake_pipeline == [28]
        runs = db.execute("SELECT id FROM theme_runs ORDER BY created_at DESC").fetchall()
        assert len(runs) == 2
        assert runs[0][0][:8] in str(app.screen.query_one("#run-summary", Static).render())
        assert not app.screen.query_one(ThemeRunPanel).display
        assert any("Theming finished" in n.message for n in app.notices)


async def test_the_app_stays_responsive_and_a_run_can_be_cancelled(app, sample, monkeypatch):
    import engage.theming.pipeline

    embedding, cancel_pressed = threading.Event(), threading.Event()

    def slow_themer(texts, options):
        progress = options.progress
        progress("embed", 0.5)
        embedding.set()
        cancel_pressed.wait(HANG_GUARD)  # still embedding when the person presses x
        progress("embed", 0.6)  # the next report is where a cancelled run stops
        raise AssertionError("the run was not cancelled")

    monkeypatch.setattr(engage.theming.pipeline, "theme_texts", slow_themer)
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("ctrl+s")
        try:
            assert await anyio.to_thread.run_sync(embedding.wait, HANG_GUARD)
            await pilot.pause()
            panel = app.screen.query_one(ThemeRunPanel)
            assert panel.display and panel.running
            assert "Embedding" in str(panel.query_one("#run-stage", Static).render())
            await pilot.press("down")  # the UI still answers while theming runs
            await pilot.pause()
            assert app.screen.query_one("#themes-table", DataTable).cursor_row == 1
            await pilot.press("x")
        finally:
            cancel_pressed.set()
        await settle(pilot)
        assert not panel.running and not panel.display
        assert any("cancelled" in n.message for n in app.notices)
        assert sample["db"].execute("SELECT COUNT(*) FROM theme_runs").fetchone()[0] == 1


async def test_a_failing_run_is_a_notification(app, monkeypatch):
    import engage.theming.pipeline

    def broken(texts, options=None):
        raise ValueError("k must be less than the number of samples")

    monkeypatch.setattr(engage.theming.pipeline, "theme_texts", broken)
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        await pilot.press("g")
        await pilot.pause()
        await step(pilot, "ctrl+s")
        assert app.is_running
        errors = [n.message for n in app.notices if n.severity == "error"]
        assert any("number of samples" in message for message in errors)


async def test_coding_mode_shows_kappa(app, sample):
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        await step(pilot, "k")
        assert isinstance(app.screen, CodingScreen)
        for _ in range(4):
            sample_item = app.screen.sample[app.screen.position]
            model = (
                sample["db"]
                .execute(
                    "SELECT t.number FROM assignments a LEFT JOIN themes t ON t.id = a.theme_id "
                    "WHERE a.submission_id = ? AND a.run_id = ?",
                    [sample_item["id"], sample["run_id"]],
                )
                .fetchone()[0]
            )
            await pilot.press(str(model) if model is not None else "n")  # keys = theme numbers
            await settle(pilot)
        kappa = str(app.screen.query_one("#kappa", Static).render())
        assert "kappa, you vs the model: 1.00" in kappa and "over 4 coded" in kappa
        assert "too few to judge" in kappa
        assert sample["db"].execute("SELECT COUNT(*) FROM codings").fetchone()[0] == 4
        await step(pilot, "escape")
        assert app.current_mode == "themes"


@pytest.mark.slow
async def test_run_real_theming(app, sample):
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        await pilot.press("g")
        await pilot.pause()
        await step(pilot, "ctrl+s")  # waits for the theming worker to finish
        assert sample["db"].execute("SELECT COUNT(*) FROM theme_runs").fetchone()[0] == 2
        assert app.screen.query_one("#themes-table", DataTable).row_count >= 1


def test_the_run_line_says_how_a_second_language_was_themed():
    from engage.tui.screens.themes import run_summary

    run = {"id": "0e97ed46aa", "backend": "fast", "seed": 0, "n_docs": 1969, "stability": 0.64,
           "params": {"n_other_language": 169, "other_language": "French"}}  # fmt: skip
    line = run_summary(run, [], 40)
    assert line.endswith("stability 0.64 · 169 in French placed by meaning")
    assert "placed" not in run_summary({**run, "params": {}}, [], 40)


async def test_the_theme_view_gives_its_number_and_one_sentence_description(app, sample):
    sample["db"].execute(
        "UPDATE themes SET description = 'People say the wait at the counter is too long.' "
        "WHERE run_id = ? AND label = 'Waiting times at the counter'",
        [sample["run_id"]],
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_themes(pilot)
        table = pilot.app.screen.query_one("#themes-table", DataTable)
        number = str(table.get_row_at(0)[0])
        shown = str(app.screen.query_one("#theme-text", Static).render())
        assert f"{number}. Waiting times at the counter" in shown
        assert "People say the wait at the counter is too long." in shown
