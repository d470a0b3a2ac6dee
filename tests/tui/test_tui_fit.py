"""What a user of a small (80x24) or large (160x50) terminal would notice, and the keys:
every mode is named in the mode bar, tables drop their least important columns first, charts
never break into fragments, every dialog opens on its first field and closes on escape, enter
opens the highlighted row wherever the focus is, and the help and palette list every key."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input, MarkdownViewer, Sparkline, Static
from tui_pilot import record_notices, running, settle, step

from engage.tui.commands import bindings_of, palette_commands
from engage.tui.screens.help import OTHER_SCREENS, help_markdown
from engage.tui.widgets.mode_bar import MODES, mode_bar_content
from engage.tui.widgets.tables import Column, fit_columns

pytestmark = pytest.mark.anyio
SMALL, LARGE = (80, 24), (160, 50)


def test_the_mode_bar_names_every_mode_at_80_columns():
    for width in (78, 118, 200):
        bar = mode_bar_content("themes", width).plain
        assert len(bar) <= width
        for mode in MODES:
            assert f"{mode.key} {mode.short}" in bar or f"{mode.key} {mode.label}" in bar
        assert "? help" in bar
    assert "Recommendations" in mode_bar_content("themes", 118).plain


def test_tables_drop_their_least_important_columns_first():
    spec = (
        Column("date", keep=9),
        Column("community", keep=3),
        Column("sat.", keep=5),
        Column("text", keep=8, flex=True, min_width=20),
    )
    natural = [10, 12, 4, 60]
    wide = fit_columns(spec, natural, 160)
    assert [i for i, _ in wide] == [0, 1, 2, 3] and wide[-1][1] == 60  # all, text in full
    narrow = fit_columns(spec, natural, 52)
    assert [spec[i].label for i, _ in narrow] == ["date", "sat.", "text"]  # community went
    assert narrow[-1][1] >= 20
    tiny = fit_columns(spec, natural, 30)
    assert [spec[i].label for i, _ in tiny] == ["date"]  # the most important stays


async def modes_at(app, size, check) -> None:
    async with running(app, size) as pilot:
        for mode in MODES:
            await pilot.press(mode.key)
            await settle(pilot)
            await check(pilot, mode)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x50"])
async def test_every_mode_fits_the_terminal(app, size):
    async def check(pilot, mode) -> None:
        screen = pilot.app.screen
        bar = str(screen.query_one("ModeBar").render())
        assert all(m.short in bar or m.label in bar for m in MODES), bar
        for table in screen.query(DataTable):
            if table.display and table.row_count and table.columns:
                shown = sum(c.get_render_width(table) for c in table.columns.values())
                assert shown <= table.size.width, (mode.name, table.id)
        for chart in screen.query("BarChart, InfluenceInterestGrid"):
            if chart.display and chart.content_size.width:
                lines = chart.render()
                assert isinstance(lines, Text)
                assert all(len(line) <= chart.content_size.width for line in lines.split()), (
                    mode.name,
                    chart.id,
                )

    await modes_at(app, size, check)


async def test_the_themes_table_keeps_size_share_and_satisfaction_at_80_columns(app):
    async with running(app, SMALL) as pilot:
        await step(pilot, "t")
        table = pilot.app.screen.query_one("#themes-table")
        assert table.shown_labels == ["#", "theme", "size", "share", "sat."]


async def test_dashboard_tiles_and_grid_never_break_at_80_columns(app):
    async with running(app, SMALL) as pilot:
        for tile in pilot.app.screen.query(".tile"):
            label = tile.render().plain.splitlines()[1]
            assert len(label) <= tile.content_size.width and "…" not in label, label
        grid = pilot.app.screen.query_one("#coverage-grid")
        rows = grid.render().plain.splitlines()
        assert len(rows) == 7 and all(len(row) <= grid.content_size.width for row in rows)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x50"])
async def test_empty_states_say_what_to_do_next(fresh_db, size):
    from engage.tui.app import make_app

    app = make_app(fresh_db)
    app.notices = record_notices(app)

    async def check(pilot, mode) -> None:
        screen = pilot.app.screen
        if mode.name == "dashboard":
            assert not screen.query_one("#by-month", Sparkline).display  # no block of █
            assert "c[/b] then [b]n" in str(screen.query_one("#getting-started").content)
            return
        if mode.name == "papers":
            note = screen.query_one("#paper-note", Static)
            assert note.display and "open one first" in str(note.render())
            assert not screen.query("#paper-view")  # no empty reader drawn
            return
        note = str(screen.query_one("#empty-note").render())
        assert screen.query_one("#empty-note").display
        assert any(hint in note for hint in ("press n", "press i", "(c, then n)")), (
            mode.name,
            note,
        )

    await modes_at(app, size, check)


DIALOGS = [
    # mode key, key opening the dialog, the field that must have the focus
    ("c", "n", "#title"),
    ("p", "n", "#name"),
    ("p", "e", "#name"),
    ("p", "k", "#partner"),
    ("p", "i", "#partner"),
    ("s", "n", "#consultation"),
    ("s", "e", "#held_on"),
    ("s", "w", "#text"),
    ("u", "i", "#path"),
    ("u", "n", "#where"),
    ("t", "g", "#consultation"),
    ("t", "e", "#label"),
    ("t", "m", "#others"),
    ("r", "n", "#themes"),
    ("r", "e", "#themes"),
    ("r", "w", "#action"),
    ("d", "comma", "#office"),
]


@pytest.mark.parametrize(("mode", "key", "first"), DIALOGS)
async def test_every_dialog_opens_on_its_first_field_and_escape_closes_it(app, mode, key, first):
    async with running(app) as pilot:
        await pilot.press(mode)
        await settle(pilot)
        base = pilot.app.screen
        await pilot.press(key)
        await settle(pilot)
        dialog = pilot.app.screen
        assert dialog is not base, key
        assert pilot.app.focused is dialog.query_one(first), (type(dialog).__name__, first)
        if isinstance(pilot.app.focused, Input):
            await pilot.press("x")  # what is typed goes into the field
            assert pilot.app.focused.value.endswith("x")
        await step(pilot, "escape")
        assert pilot.app.screen is base


async def test_enter_opens_the_highlighted_paper_wherever_the_focus_is(app):
    async with running(app) as pilot:
        await pilot.press("a", "g")
        await settle(pilot)
        viewer = pilot.app.screen.query_one("#paper-view", MarkdownViewer)
        viewer.document.update("# something else")
        viewer.focus()  # the focus left the list of papers
        await step(pilot, "enter")
        assert "Service centre review" in viewer.document.source


def test_the_help_lists_every_key_of_every_mode_and_dialog():
    from engage.tui.app import EngageApp

    app = EngageApp(None)  # the help reads only the app's bindings
    text = help_markdown(app)
    lowered = text.lower()
    screens = [*app.MODES.values(), *(screen for _, screen in OTHER_SCREENS), type(app)]
    for screen in screens:
        for binding in bindings_of(screen):
            if binding.tooltip or binding.description:
                shown = app.get_key_display(binding).lower()
                assert f"**{shown}" in lowered or f" {shown}**" in lowered, (
                    screen.__name__,
                    binding.key,
                )
    for mode in MODES:
        assert f"**{mode.key}** or **{mode.function_key.upper()}** — {mode.label}" in text


async def test_the_palette_has_every_action_of_every_mode_with_its_key(app):
    async with running(app) as pilot:
        commands = palette_commands(pilot.app)
        titles = {c.title: c for c in commands}
        for mode in MODES:
            assert f"Go to {mode.label}" in titles
            for binding in bindings_of(pilot.app.MODES[mode.name]):
                if binding.tooltip:
                    command = titles[binding.tooltip]
                    assert pilot.app.get_key_display(binding) in command.help
        for wanted in (
            "Open a consultation",
            "Add a contact (a person at a partner)",
            "Log an interaction with a partner",
            "Show the follow-ups due or overdue",
            "Settings: the office's name",
            "Code a sample by hand (Cohen's kappa)",
        ):
            assert wanted in titles  # fmt: skip


@pytest.mark.parametrize(
    ("command", "opens"),
    [
        ("open a consultation", "ConsultationForm"),
        ("add a contact", "ContactForm"),
        ("log an interaction", "InteractionForm"),
        ("show the follow-ups", "FollowUpsScreen"),
        ("settings", "SettingsForm"),
    ],
)
async def test_the_palette_runs_them(app, command, opens):
    async with running(app) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*command)
        await pilot.pause(0.3)
        await step(pilot, "enter")
        assert type(pilot.app.screen).__name__ == opens
