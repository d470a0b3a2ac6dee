"""Follow-ups: the officer's to-do list — every interaction whose follow-up is due today or
overdue (who, what, owner, when), most overdue first. x marks one done (stored and audited);
enter opens the partner's record."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from engage.db.interactions import (
    due_follow_ups,
    interaction_partner,
    open_follow_ups,
    set_follow_up_done,
)
from engage.tui.failures import post_or_fail, succeeded
from engage.tui.screens.base import ModeScreen, key
from engage.tui.screens.partner_record import PartnerRecordScreen
from engage.tui.widgets.labels import shown
from engage.tui.widgets.tables import Column, FittedTable

COLUMNS = (
    Column("due", keep=9),
    Column("late", keep=5),
    Column("partner", keep=8, cap=26),
    Column("what", keep=7, flex=True, min_width=16),
    Column("owner", keep=6, cap=18),
    Column("kind", keep=2),
)
EMPTY = (
    "No follow-ups are due. An interaction logged with a follow-up date shows here when it "
    "falls due: p, pick a partner, i."
)


class FollowUpsLoaded(Message):
    def __init__(self, due: list[dict[str, Any]], later: list[dict[str, Any]]) -> None:
        super().__init__()
        self.due = due
        self.later = later


def lateness(due: str, today: str) -> str:
    days = (date.fromisoformat(today) - date.fromisoformat(due)).days
    return "today" if days == 0 else f"{days} d late"


def follow_up_cells(follow_up: dict[str, Any], today: str) -> tuple[str, ...]:
    return (
        follow_up["follow_up_due"],
        lateness(follow_up["follow_up_due"], today),
        follow_up["partner"],
        follow_up["summary"],
        shown(follow_up["follow_up_owner"]),
        follow_up["kind"],
    )


class FollowUpsScreen(ModeScreen):
    """Reached from the dashboard (f, or the follow-ups figure); escape goes back."""

    MODE = "dashboard"
    MAIN_TABLE = "#follow-ups-table"
    AUTO_FOCUS = MAIN_TABLE
    BINDINGS = [
        key("escape", "back", "Back"),
        key("x", "mark_done", "Done", "Mark the highlighted follow-up done"),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="follow-ups", classes="panel") as box:
            box.border_title = "Follow-ups due or overdue"
            yield FittedTable(id="follow-ups-table", zebra_stripes=True)
            yield Static("", id="empty-note", classes="empty-note")
            yield Static("", id="follow-ups-status", classes="hint")

    def reload(self) -> None:
        self.load_follow_ups(self.today())

    @work(thread=True, exclusive=True, group="follow-ups")
    def load_follow_ups(self, today: str) -> None:
        def read() -> FollowUpsLoaded:
            due = due_follow_ups(self.db, today)
            later = [f for f in open_follow_ups(self.db) if f["follow_up_due"] > today]
            return FollowUpsLoaded(due, later)

        post_or_fail(self, read)

    def on_follow_ups_loaded(self, message: FollowUpsLoaded) -> None:
        today = self.today()
        self.query_one(self.MAIN_TABLE, FittedTable).show(
            COLUMNS, [(f["id"], follow_up_cells(f, today)) for f in message.due]
        )
        self.show_empty("" if message.due else EMPTY)
        later = message.later
        status = f" {len(message.due)} due · x marks the highlighted one done · enter opens"
        if later:
            status += f" · {len(later)} more later (next {later[0]['follow_up_due']})"
        self.query_one("#follow-ups-status", Static).update(status)
        self.query_one("#follow-ups").border_subtitle = f"today {today}"

    def action_back(self) -> None:
        self.dismiss(None)

    def action_mark_done(self) -> None:
        interaction_id = self.highlighted_row()
        if interaction_id is None:
            self.notify("No follow-up is due.", severity="warning")
            return
        if succeeded(self, set_follow_up_done, self.db, interaction_id):
            self.notify("Follow-up marked done.")
            self.changed()

    def open_row(self, row_key: str) -> None:
        partner_id = interaction_partner(self.db, row_key)
        self.app.push_screen(PartnerRecordScreen(partner_id))
