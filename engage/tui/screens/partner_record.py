"""One partner's record: who they are and their data-sharing consent, their contacts (with
consent to share) and the interaction timeline with its follow-ups — each editable here."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from engage.db.interactions import set_follow_up_done
from engage.db.partners import partner_detail
from engage.tui.failures import attempt, succeeded
from engage.tui.modals.contact_form import ContactForm
from engage.tui.modals.interaction_form import InteractionForm
from engage.tui.modals.partner_form import PartnerForm
from engage.tui.screens.base import ModeScreen, key
from engage.tui.widgets.labels import escape, shown, words
from engage.tui.widgets.tables import Column, FittedTable, highlighted_key

SHARING_MEANING = {
    "none": "nothing leaves the office",
    "internal": "shared inside the office only",
    "provincial": "may go to the regional/provincial roll-up",
    "public": "may be published",
}
CONTACT_COLUMNS = (
    Column("name", keep=9, cap=24),
    Column("role", keep=4, cap=20),
    Column("email", keep=6, flex=True, min_width=10),
    Column("phone", keep=5),
    Column("shared?", keep=8),
)
INTERACTION_COLUMNS = (
    Column("date", keep=9),
    Column("kind", keep=3),
    Column("what", keep=8, flex=True, min_width=14),
    Column("follow up", keep=7),
    Column("owner", keep=4, cap=18),
    Column("done", keep=6),
)


def partner_markup(partner: dict[str, Any]) -> str:
    """The partner's detail as Rich markup (every stored value escaped)."""
    lines = partner_summary(partner)
    if partner.get("notes"):
        lines.append(f"[i]{escape(partner['notes'])}[/i]")
    lines += section("Contacts", [contact_line(c) for c in partner["contacts"]], "k")
    lines += section("Interactions", [interaction_line(i) for i in partner["interactions"]], "i")
    lines += section("Sessions", [session_line(s) for s in partner["sessions"]], "")
    return "\n".join(lines)


def partner_summary(partner: dict[str, Any]) -> list[str]:
    return [
        f"[b]{escape(partner['name'])}[/b]  ({words(partner['kind'])})",
        f"{escape(shown(partner['sector']))} · {escape(shown(partner['community']))} · "
        f"{escape(shown(partner['region']))}",
        f"relationship: {words(partner['relationship'])} · influence "
        f"{shown(partner['influence'])} · interest {shown(partner['interest'])}",
        f"data sharing: [b]{partner['sharing_consent']}[/b] — "
        f"{SHARING_MEANING.get(partner['sharing_consent'], '')}",
        f"submissions: {partner['submissions']}",
    ]


def section(title: str, lines: list[str], add_key: str) -> list[str]:
    empty = f"  none yet ({add_key} adds one)" if add_key else "  none yet"
    return ["", f"[b u]{title}[/b u]", *(lines or [empty])]


def contact_line(contact: dict[str, Any]) -> str:
    consent = "may share" if contact["consent_to_share"] else "do not share"
    reach = " · ".join(escape(v) for v in (contact["email"], contact["phone"]) if v)
    return f"  {escape(contact['name'])}, {escape(shown(contact['role']))} — {reach} ({consent})"


def interaction_line(interaction: dict[str, Any]) -> str:
    line = f"  {interaction['occurred_on']} {interaction['kind']}: {escape(interaction['summary'])}"
    if interaction["follow_up_due"]:
        done = "done" if interaction["follow_up_done"] else "open"
        line += f" [dim](follow-up {interaction['follow_up_due']}, {done})[/dim]"
    return line


def session_line(session: dict[str, Any]) -> str:
    status = "attended" if session["attended"] else "invited"
    return (
        f"  {session['held_on']} {words(session['kind'])}, {words(session['channel'])}, "
        f"{escape(shown(session['community']))} — {status}"
    )


def contact_cells(contact: dict[str, Any]) -> tuple[str, ...]:
    return (
        contact["name"],
        shown(contact["role"]),
        shown(contact["email"]),
        shown(contact["phone"]),
        "yes" if contact["consent_to_share"] else "no",
    )


def interaction_cells(interaction: dict[str, Any]) -> tuple[str, ...]:
    due = interaction["follow_up_due"]
    return (
        interaction["occurred_on"],
        interaction["kind"],
        interaction["summary"],
        shown(due),
        shown(interaction["follow_up_owner"]),
        ("yes" if interaction["follow_up_done"] else "no") if due else "–",
    )


class PartnerRecordScreen(ModeScreen):
    """A partner's contacts and interactions, opened from the register (escape goes back)."""

    MODE = "partners"
    AUTO_FOCUS = "#record-interactions"
    BINDINGS = [
        key("escape", "back", "Back"),
        key("e", "edit_partner", "Edit partner"),
        key("k", "add_contact", "Contact"),
        key("i", "add_interaction", "Interaction"),
        key("x", "toggle_done", "Follow-up done"),
        key("enter", "open_highlighted", "Open", show=False),
    ]

    def __init__(self, partner_id: str) -> None:
        super().__init__()
        self.partner_id = partner_id
        self.partner: dict[str, Any] = {}

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="record-summary", classes="panel") as summary:
            summary.border_title = "Partner"
            yield Static("", id="record-text")
        with Vertical(id="record-lists"):
            contacts = FittedTable(id="record-contacts", classes="panel")
            contacts.border_title = "Contacts (k adds, enter edits)"
            yield contacts
            interactions = FittedTable(id="record-interactions", classes="panel")
            interactions.border_title = "Interactions (i logs, enter edits, x follow-up done)"
            yield interactions

    def reload(self) -> None:
        partner = attempt(self, partner_detail, self.db, self.partner_id)
        if not partner:
            return
        self.partner = partner
        summary = partner_summary(partner)
        summary += section("Sessions", [session_line(s) for s in partner["sessions"]], "")
        self.query_one("#record-text", Static).update("\n".join(summary))
        self.query_one("#record-summary").border_title = partner["name"]
        self.query_one("#record-contacts", FittedTable).show(
            CONTACT_COLUMNS, [(c["id"], contact_cells(c)) for c in partner["contacts"]]
        )
        self.query_one("#record-interactions", FittedTable).show(
            INTERACTION_COLUMNS,
            [(i["id"], interaction_cells(i)) for i in partner["interactions"]],
        )

    def action_back(self) -> None:
        self.dismiss(None)

    def action_edit_partner(self) -> None:
        if self.partner:
            self.app.push_screen(PartnerForm(self.db, self.partner), self.saved)

    def action_add_contact(self) -> None:
        self.app.push_screen(ContactForm(self.db, self.partner_id), self.saved)

    def action_add_interaction(self) -> None:
        self.app.push_screen(InteractionForm(self.db, self.partner_id, self.today()), self.saved)

    @on(DataTable.RowSelected)
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_in(event.data_table, event.row_key.value)

    def action_open_highlighted(self) -> None:
        table = self.focused if isinstance(self.focused, DataTable) else None
        table = table or self.query_one("#record-interactions", DataTable)
        row_key = highlighted_key(table)
        if row_key is not None:
            self.open_in(table, row_key)

    def open_in(self, table: DataTable, row_key: str) -> None:
        if table.id == "record-contacts":
            contact = next(c for c in self.partner["contacts"] if c["id"] == row_key)
            self.app.push_screen(ContactForm(self.db, self.partner_id, contact), self.saved)
        else:
            interaction = next(i for i in self.partner["interactions"] if i["id"] == row_key)
            self.app.push_screen(
                InteractionForm(self.db, self.partner_id, self.today(), interaction), self.saved
            )

    def action_toggle_done(self) -> None:
        row_key = highlighted_key(self.query_one("#record-interactions", DataTable))
        interaction = next(
            (i for i in self.partner.get("interactions", []) if i["id"] == row_key), None
        )
        if interaction is None or not interaction["follow_up_due"]:
            self.notify("Pick an interaction with a follow-up first.", severity="warning")
            return
        done = not interaction["follow_up_done"]
        if succeeded(self, set_follow_up_done, self.db, row_key, done):
            self.notify("Follow-up done." if done else "Follow-up open again.")
            self.changed()

    def saved(self, row: dict | None) -> None:
        if row:
            self.notify("Saved.")
            self.changed()
