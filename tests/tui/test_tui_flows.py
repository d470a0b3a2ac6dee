"""The app's main flows, driven from the keyboard with Pilot on the fixed sample database."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, Select, SelectionList, Static
from tui_pilot import (
    choose,
    record_notices,
    running,
    settle,
    step,
    table_rows,
    text_of,
    type_into,
)

from engage.tui.modals.form import FormScreen
from engage.tui.modals.partner_form import PartnerForm
from engage.tui.modals.session_form import SessionForm
from engage.tui.modals.submission_entry import SubmissionEntry
from engage.tui.screens.dashboard import DashboardScreen
from engage.tui.screens.help import HelpScreen

pytestmark = pytest.mark.anyio


async def test_opens_on_the_dashboard_with_its_figures(app):
    async with running(app) as pilot:
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.figures_painted.is_set()
        assert "28" in text_of(pilot, "#tile-submissions")
        assert "Not yet heard from[/b] (3 of 8)" in str(
            pilot.app.screen.query_one("#not-heard", Static).content
        ) or "(3 of 8)" in text_of(pilot, "#not-heard")
        assert [r[0] for r in table_rows(pilot, "#recent-sessions")][0] == "2026-05-05"


async def test_log_a_session_then_type_its_submissions(app, sample):
    db = sample["db"]
    async with running(app) as pilot:
        await step(pilot, "s")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SessionForm)
        await type_into(pilot, "#held_on", "2026-06-02")
        choose(pilot, "#kind", "drop_in")
        choose(pilot, "#channel", "in_person")
        await type_into(pilot, "#community", "Hearst")
        await type_into(pilot, "#attendance", "23")
        app.screen.query_one("#invited", SelectionList).focus()
        await pilot.press("space", "down", "space")  # invite the first two partners
        app.screen.query_one("#attended", SelectionList).focus()
        await pilot.press("space")  # the first one came
        await step(pilot, "ctrl+s")

        assert isinstance(app.screen, SubmissionEntry)
        await pilot.press(*"The counter closes at noon on Fridays.", "enter")
        await pilot.press(*"Bilingual staff were very helpful.")
        app.screen.query_one("#consent", Checkbox).value = True
        await type_into(pilot, "#satisfaction", "5")
        await pilot.press("enter")
        await pilot.pause()
        assert "2 stored for this session" in text_of(pilot, "#stored")
        assert app.screen.query_one("#text", Input).value == ""
        await step(pilot, "escape")

        session = db.execute(
            "SELECT id, community, attendance FROM sessions WHERE held_on = '2026-06-02'"
        ).fetchone()
        assert session[1:] == ("Hearst", 23)
        partners = db.execute(
            "SELECT SUM(invited), SUM(attended) FROM session_partners WHERE session_id = ?",
            [session[0]],
        ).fetchone()
        assert partners == (2, 1)
        stored = db.execute(
            "SELECT text_redacted, consent_to_quote, satisfaction, channel FROM submissions "
            "WHERE session_id = ? ORDER BY seq",
            [session[0]],
        ).fetchall()
        assert stored == [
            ("The counter closes at noon on Fridays.", 0, None, "in_person"),
            ("Bilingual staff were very helpful.", 1, 5, "in_person"),
        ]
        assert table_rows(pilot, "#sessions-table")[0][:4] == [
            "2026-06-02",
            "drop in",
            "in person",
            "Hearst",
        ]
        await pilot.press("d")  # the dashboard reads the figures again
        await settle(pilot)
        assert "5" in text_of(pilot, "#tile-sessions")
        assert "30" in text_of(pilot, "#tile-submissions")


async def test_a_refused_form_keeps_what_was_typed(app, sample):
    async with running(app) as pilot:
        await step(pilot, "p")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PartnerForm)
        await type_into(pilot, "#name", "Hearst Snowmobile Club")
        await type_into(pilot, "#influence", "9")  # only 1-5 can be typed
        assert app.screen.query_one("#influence", Input).value == ""
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PartnerForm), "the form stays open"
        assert "needs a kind" in text_of(pilot, "#form-error")
        assert app.screen.query_one("#name", Input).value == "Hearst Snowmobile Club"
        assert any("needs a kind" in n.message for n in app.notices)

        choose(pilot, "#kind", "other")
        await step(pilot, "ctrl+s")
        assert not isinstance(app.screen, FormScreen)
        assert sample["db"].execute(
            "SELECT kind FROM partners WHERE name = 'Hearst Snowmobile Club'"
        ).fetchone() == ("other",)
        assert "Hearst Snowmobile Club" in [r[0] for r in table_rows(pilot, "#partners-table")]


async def test_edit_a_partner(app, sample):
    async with running(app) as pilot:
        await step(pilot, "p")
        first = (
            sample["db"]
            .execute("SELECT name FROM partners ORDER BY name COLLATE NOCASE LIMIT 1")
            .fetchone()[0]
        )
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == first
        await type_into(pilot, "#community", "Kapuskasing")
        await step(pilot, "enter")
        assert sample["db"].execute(
            "SELECT community FROM partners WHERE name = ?", [first]
        ).fetchone() == ("Kapuskasing",)
        assert "Kapuskasing" in text_of(pilot, "#partner-text")


async def test_help_screen_and_light_theme(app):
    async with running(app) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


@pytest.mark.parametrize(
    ("command", "mode", "opens"),
    [
        ("log a session", "sessions", "SessionForm"),
        ("add a partner", "partners", "PartnerForm"),
        ("import a file", "submissions", "ImportScreen"),
        ("run theming", "themes", "ThemeRunForm"),
        ("add a recommendation", "recommendations", "RecommendationForm"),
    ],
)
async def test_command_palette_runs_the_main_actions(app, command, mode, opens):
    async with running(app) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*command)
        await settle(pilot)  # the palette's search runs in a worker
        await step(pilot, "enter")
        assert app.current_mode == mode
        assert type(app.screen).__name__ == opens


async def test_mode_keys_switch_modes(app):
    async with running(app) as pilot:
        for key, mode in (
            ("p", "partners"),
            ("s", "sessions"),
            ("u", "submissions"),
            ("t", "themes"),
            ("r", "recommendations"),
            ("a", "papers"),
            ("d", "dashboard"),
            ("c", "consultations"),
            ("f5", "submissions"),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == mode
        assert isinstance(app.screen.query_one("#filter-channel"), Select)


async def test_every_mode_opens_on_an_empty_database(fresh_db):
    from engage.tui.app import make_app

    app = make_app(fresh_db)
    app.notices = record_notices(app)
    async with running(app) as pilot:
        assert "0" in text_of(pilot, "#tile-submissions")
        for key in ("c", "p", "s", "u", "t", "r", "a", "d"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("t", "e")
        await settle(pilot)
        assert any("run theming first" in n.message for n in app.notices)
        assert app.is_running
