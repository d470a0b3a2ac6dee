"""No text stored in the database can drive the terminal the app runs in."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable
from tui_pilot import SIZE, settle

pytestmark = pytest.mark.anyio

HOSTILE = "Long wait \x1b]0;owned\x07\x1b[2J\x9b31m at the counter"


async def test_escape_sequences_in_stored_text_never_reach_the_screen(sample):
    from engage.tui.app import make_app

    db = sample["db"]
    db.execute(
        "UPDATE submissions SET text_redacted = ? WHERE rowid = "
        "(SELECT MAX(rowid) FROM submissions)",
        [HOSTILE],
    )
    db.execute("UPDATE partners SET notes = ?", [HOSTILE])
    db.conn.commit()
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        table = pilot.app.screen.query_one("#submissions-table", DataTable)
        cells = [str(cell) for i in range(table.row_count) for cell in table.get_row_at(i)]
        assert any("Long wait" in cell for cell in cells)
        shown = "\n".join(cells)
        assert "\x1b" not in shown and "\x9b" not in shown and "\x07" not in shown
    # and what the app reads through its connection is clean at the source
    notes = db.execute("SELECT notes FROM partners").fetchone()[0]
    assert notes == "Long wait ]0;owned[2J31m at the counter"
