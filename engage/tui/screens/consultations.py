"""Consultations: what the office is asking the public — open one, edit its title, dates,
purpose and questions, and see its sessions and feedback at a glance."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from engage.db.consultations import consultation_detail, list_consultations
from engage.tui.failures import attempt, post_or_fail
from engage.tui.modals.consultation_form import ConsultationForm
from engage.tui.screens.base import ModeScreen, key
from engage.tui.widgets.labels import escape, shown, words
from engage.tui.widgets.tables import Column, FittedTable

COLUMNS = (
    Column("title", keep=9, flex=True, min_width=24),
    Column("status", keep=6),
    Column("opens", keep=4),
    Column("closes", keep=7),
    Column("sessions", keep=3),
    Column("subm.", keep=5),
)
EMPTY = "No consultations yet: press n to open one (its title, dates and questions)."


NOTHING_CHOSEN = "A consultation is a question the office puts to the public."


class ConsultationRead(Message):
    """One consultation's detail was read."""

    def __init__(self, consultation: dict[str, Any]) -> None:
        super().__init__()
        self.consultation = consultation


class ConsultationsLoaded(Message):
    def __init__(self, consultations: list[dict[str, Any]]) -> None:
        super().__init__()
        self.consultations = consultations


def consultation_cells(c: dict[str, Any]) -> tuple[str, ...]:
    return (
        c["title"],
        c["status"],
        shown(c["opens_on"]),
        shown(c["closes_on"]),
        str(c["sessions"]),
        f"{c['submissions']:,}",
    )


def consultation_markup(c: dict[str, Any]) -> str:
    lines = [
        f"[b]{escape(c['title'])}[/b]  ({c['status']})",
        f"{shown(c['opens_on'])} → {shown(c['closes_on'])} · {escape(shown(c['program']))}",
    ]
    if c["purpose"]:
        lines.append(f"[i]{escape(c['purpose'])}[/i]")
    lines += ["", "[b u]Questions[/b u]"]
    lines += [f"  {n}. {escape(q)}" for n, q in enumerate(c["questions"], 1)] or ["  none yet (e)"]
    lines += ["", f"[b u]Heard so far[/b u]  {c['sessions']} session(s)"]
    by_channel = c["submissions_by_channel"]
    lines += [f"  {words(channel)}: {count:,}" for channel, count in by_channel.items()] or [
        "  no submissions yet: log a session (s, n) or import a file (u, i)"
    ]
    if c["withdrawn"]:
        lines.append(f"  ({c['withdrawn']:,} withdrawn, not counted)")
    return "\n".join(lines)


class ConsultationsScreen(ModeScreen):
    """Every consultation, newest first, and the highlighted one in detail."""

    MODE = "consultations"
    MAIN_TABLE = "#consultations-table"
    detail_of: str | None = None  # the consultation whose detail is shown (or being read)
    AUTO_FOCUS = MAIN_TABLE
    BINDINGS = [
        key("n", "add_consultation", "Add", "Open a consultation"),
        key("e", "edit_consultation", "Edit", "Edit the highlighted consultation"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="list-and-detail"):
            with Vertical(classes="list"):
                yield FittedTable(id="consultations-table", zebra_stripes=True)
                yield Static("", id="empty-note", classes="empty-note")
            with VerticalScroll(id="consultation-detail", classes="panel detail") as detail:
                detail.border_title = "Consultation"
                yield Static("", id="consultation-text")

    def reload(self) -> None:
        self.load_consultations()

    @work(thread=True, exclusive=True, group="consultations")
    def load_consultations(self) -> None:
        post_or_fail(self, lambda: ConsultationsLoaded(list_consultations(self.db)))

    def on_consultations_loaded(self, message: ConsultationsLoaded) -> None:
        table = self.query_one(self.MAIN_TABLE, FittedTable)
        table.show(COLUMNS, [(c["id"], consultation_cells(c)) for c in message.consultations])
        self.show_empty("" if message.consultations else EMPTY)
        self.detail_of = None  # read again: the counts may have changed
        self.show_detail(self.highlighted_row())

    @on(DataTable.RowHighlighted, "#consultations-table")
    def consultation_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value)

    def show_detail(self, consultation_id: str | None) -> None:
        """Show the consultation's detail (read in a worker: its counts read every
        submission of a large consultation)."""
        if consultation_id is None:
            self.detail_of = None
            self.query_one("#consultation-text", Static).update(NOTHING_CHOSEN)
        elif consultation_id != self.detail_of:
            self.detail_of = consultation_id
            self.read_detail(consultation_id)

    @work(thread=True, exclusive=True, group="consultation-detail")
    def read_detail(self, consultation_id: str) -> None:
        post_or_fail(self, lambda: ConsultationRead(consultation_detail(self.db, consultation_id)))

    def on_consultation_read(self, message: ConsultationRead) -> None:
        if message.consultation["id"] == self.detail_of:
            markup = consultation_markup(message.consultation)
            self.query_one("#consultation-text", Static).update(markup)

    def open_row(self, row_key: str) -> None:
        self.edit(row_key)

    def action_add_consultation(self) -> None:
        self.app.push_screen(ConsultationForm(self.db), self.saved)

    def action_edit_consultation(self) -> None:
        consultation_id = self.highlighted_row()
        if consultation_id is None:
            self.notify("No consultation to edit: press n to open one.", severity="warning")
            return
        self.edit(consultation_id)

    def edit(self, consultation_id: str) -> None:
        consultation = attempt(self, consultation_detail, self.db, consultation_id)
        if consultation:
            self.app.push_screen(ConsultationForm(self.db, consultation), self.saved)

    def saved(self, consultation: dict | None) -> None:
        if consultation:
            self.notify(f"Saved {consultation['title']}.")
            self.changed()
