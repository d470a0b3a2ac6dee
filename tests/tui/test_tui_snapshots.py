"""SVG snapshots of every mode (and the help screen) at 120x40 on the fixed sample database.
Update them after a deliberate change of the look with ``pytest --snapshot-update``."""

from __future__ import annotations

import pytest
from tui_pilot import SIZE, settle


def showing(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param((), id="dashboard"),
        pytest.param(("p",), id="partners"),
        pytest.param(("s",), id="sessions"),
        pytest.param(("u",), id="submissions"),
        pytest.param(("t",), id="themes"),
        pytest.param(("r",), id="recommendations"),
        pytest.param(("a",), id="papers"),
        pytest.param(("question_mark",), id="help"),
    ],
)
def test_mode(snap_compare, app, keys):
    assert snap_compare(app, terminal_size=SIZE, run_before=showing(*keys))


def test_dashboard_light_theme(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=showing("ctrl+t"))


def test_submissions_search(snap_compare, app):
    async def search(pilot) -> None:
        await showing("u")(pilot)
        await pilot.press("slash", *"french")
        await pilot.pause(0.4)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


def test_coding_mode(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=showing("t", "k"))
