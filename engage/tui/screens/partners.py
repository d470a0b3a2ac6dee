"""Partners: the register as a table, and the highlighted partner in detail — contacts,
interaction timeline, sessions attended and data-sharing consent; add and edit in a form,
add a contact or log an interaction from the list, and open a partner's record (enter) to
edit its contacts and interactions."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from engage.db.partners import list_partners, partner_detail
from engage.tui.failures import attempt, post_or_fail
from engage.tui.modals.contact_form import ContactForm
from engage.tui.modals.interaction_form import InteractionForm
from engage.tui.modals.partner_form import PartnerForm
from engage.tui.screens.base import ModeScreen, key
from engage.tui.screens.partner_record import PartnerRecordScreen, partner_markup
from engage.tui.widgets.labels import shown, words
from engage.tui.widgets.tables import Column, FittedTable

COLUMNS = (
    Column("name", keep=9, flex=True, min_width=20),
    Column("kind", keep=6),
    Column("community", keep=4, cap=16),
    Column("I/i", keep=5),
    Column("att.", keep=2),
    Column("subm.", keep=3),
)
EMPTY = "No partners yet: press n to add one (or engage partners import FILE)."
NO_MATCH = "No partner matches the filter."


class PartnersLoaded(Message):
    """The register was read (filtered by ``search``)."""

    def __init__(self, partners: list[dict[str, Any]], search: str) -> None:
        super().__init__()
        self.partners = partners
        self.search = search


def partner_cells(partner: dict[str, Any]) -> tuple[str, ...]:
    return (
        partner["name"],
        words(partner["kind"]),
        shown(partner["community"]),
        f"{shown(partner['influence'])}/{shown(partner['interest'])}",
        str(partner["sessions_attended"]),
        str(partner["submissions"]),
    )


class PartnersScreen(ModeScreen):
    """The partner register."""

    MODE = "partners"
    MAIN_TABLE = "#partners-table"
    AUTO_FOCUS = MAIN_TABLE
    wanted_id: str | None = None  # the row to highlight once the table is filled
    BINDINGS = [
        key("n", "add_partner", "Add", "Add a partner"),
        key("e", "edit_partner", "Edit", "Edit the highlighted partner"),
        key("k", "add_contact", "Contact", "Add a contact (a person at a partner)"),
        key("i", "add_interaction", "Interaction", "Log an interaction with a partner"),
        key("slash", "focus_filter", "Filter", "Filter partners by name, community or sector"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Input(
            placeholder="/ filter by name, community or sector", compact=True, id="partner-filter"
        )
        with Horizontal(classes="list-and-detail"):
            with Vertical(classes="list"):
                yield FittedTable(id="partners-table", zebra_stripes=True)
                yield Static("", id="empty-note", classes="empty-note")
            with VerticalScroll(id="partner-detail", classes="panel detail") as detail:
                detail.border_title = "Partner (enter opens its record)"
                yield Static("", id="partner-text")

    def reload(self) -> None:
        self.load_partners(self.query_one("#partner-filter", Input).value)

    @work(thread=True, exclusive=True, group="partners")
    def load_partners(self, search: str) -> None:
        post_or_fail(
            self,
            lambda: PartnersLoaded(list_partners(self.db, search=search.strip() or None), search),
        )

    def on_partners_loaded(self, message: PartnersLoaded) -> None:
        table = self.query_one(self.MAIN_TABLE, FittedTable)
        table.show(COLUMNS, [(p["id"], partner_cells(p)) for p in message.partners])
        if self.wanted_id in {p["id"] for p in message.partners}:
            table.move_cursor(row=table.get_row_index(self.wanted_id))
        self.wanted_id = None
        self.show_empty("" if message.partners else NO_MATCH if message.search else EMPTY)
        self.show_detail(self.highlighted_row())

    @on(DataTable.RowHighlighted, "#partners-table")
    def partner_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value)

    def show_detail(self, partner_id: str | None) -> None:
        text = self.query_one("#partner-text", Static)
        if partner_id is None:
            text.update("A partner is an organisation or group the office works with.")
            return
        partner = attempt(self, partner_detail, self.db, partner_id)
        if partner:
            text.update(partner_markup(partner))

    @on(Input.Changed, "#partner-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.load_partners(event.value)

    @on(Input.Submitted, "#partner-filter")
    def filter_submitted(self) -> None:
        self.query_one(self.MAIN_TABLE).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#partner-filter", Input).focus()

    def open_row(self, row_key: str) -> None:
        self.app.push_screen(PartnerRecordScreen(row_key))

    def action_add_partner(self) -> None:
        self.app.push_screen(PartnerForm(self.db), self.partner_saved)

    def action_edit_partner(self) -> None:
        partner_id = self.highlighted_row()
        if partner_id is None:
            self.notify("No partner to edit: press n to add one.", severity="warning")
            return
        partner = attempt(self, partner_detail, self.db, partner_id)
        if partner:
            self.app.push_screen(PartnerForm(self.db, partner), self.partner_saved)

    def partner_saved(self, partner: dict | None) -> None:
        if partner:
            self.notify(f"Saved {partner['name']}.")
            self.wanted_id = partner["id"]
            self.changed()

    def action_add_contact(self) -> None:
        self.app.push_screen(ContactForm(self.db, self.highlighted_row()), self.detail_saved)

    def action_add_interaction(self) -> None:
        self.app.push_screen(
            InteractionForm(self.db, self.highlighted_row(), self.today()), self.detail_saved
        )

    def detail_saved(self, row: dict | None) -> None:
        if row:
            self.notify("Saved.")
            self.wanted_id = row["partner_id"]
            self.changed()
