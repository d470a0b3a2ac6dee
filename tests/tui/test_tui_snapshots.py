"""SVG snapshots of every mode (and the help screen) on the fixed sample database, at 120x40,
at the smallest supported terminal (80x24) and at a large one (160x50); and of the screens a
mode opens and of an empty database. Update them after a deliberate change of the look with
``pytest --snapshot-update``, then look at them."""

from __future__ import annotations

import pytest
from tui_pilot import SIZE, settle

SMALL, LARGE = (80, 24), (160, 50)
MODES = [
    pytest.param((), id="dashboard"),
    pytest.param(("c",), id="consultations"),
    pytest.param(("p",), id="partners"),
    pytest.param(("s",), id="sessions"),
    pytest.param(("u",), id="submissions"),
    pytest.param(("t",), id="themes"),
    pytest.param(("r",), id="recommendations"),
    pytest.param(("a",), id="papers"),
]


def showing(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for field in pilot.app.screen.query("Input, TextArea"):
            field.cursor_blink = False  # a blinking cursor would differ from run to run
        await settle(pilot)  # a layout chosen by the terminal's size reflows once more

    return run_before


@pytest.mark.parametrize("keys", [*MODES, pytest.param(("question_mark",), id="help")])
def test_mode(snap_compare, app, keys):
    assert snap_compare(app, terminal_size=SIZE, run_before=showing(*keys))


@pytest.mark.parametrize("keys", MODES)
def test_mode_at_80x24(snap_compare, app, keys):
    assert snap_compare(app, terminal_size=SMALL, run_before=showing(*keys))


@pytest.mark.parametrize("keys", MODES)
def test_mode_at_160x50(snap_compare, app, keys):
    assert snap_compare(app, terminal_size=LARGE, run_before=showing(*keys))


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param(("f",), id="follow-ups"),
        pytest.param(("p", "enter"), id="partner-record"),
        pytest.param(("c", "n"), id="consultation-form"),
    ],
)
def test_opened_at_80x24(snap_compare, app, keys):
    assert snap_compare(app, terminal_size=SMALL, run_before=showing(*keys))


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x50"])
def test_empty_dashboard(snap_compare, fresh_db, size):
    from datetime import date

    from engage.tui.app import make_app

    app = make_app(fresh_db)
    app.today = lambda: date(2026, 6, 15)
    assert snap_compare(app, terminal_size=size, run_before=showing())


def test_dashboard_light_theme(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=showing("ctrl+t"))


def test_submissions_search(snap_compare, app, typing_pause):
    async def search(pilot) -> None:
        await showing("u")(pilot)
        await pilot.press("slash", *"french")
        typing_pause.end()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


def test_coding_mode(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=showing("t", "k"))
