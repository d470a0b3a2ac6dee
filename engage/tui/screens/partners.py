"""Partners: the register as a table, and the highlighted partner in detail — contacts,
interaction timeline, sessions attended and data-sharing consent; add and edit in a form."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from engage.tui.screens.base import ModeScreen, attempt, post_or_fail
from engage.tui.widgets.labels import clipped, escape, shown, words
from engage.tui.widgets.tables import fill_table, highlighted_key

COLUMNS = ("name", "kind", "community", "I/i", "att.", "subm.")
SHARING_MEANING = {
    "none": "nothing leaves the office",
    "internal": "shared inside the office only",
    "provincial": "may go to the regional/provincial roll-up",
    "public": "may be published",
}


class PartnersLoaded(Message):
    """The register was read (filtered by ``search``)."""

    def __init__(self, partners: list[dict[str, Any]]) -> None:
        super().__init__()
        self.partners = partners


def partner_markup(partner: dict[str, Any]) -> str:
    """The partner's detail as Rich markup (every stored value escaped)."""
    lines = [
        f"[b]{escape(partner['name'])}[/b]  ({words(partner['kind'])})",
        f"{escape(shown(partner['sector']))} · {escape(shown(partner['community']))} · "
        f"{escape(shown(partner['region']))}",
        f"relationship: {words(partner['relationship'])} · influence "
        f"{shown(partner['influence'])} · interest {shown(partner['interest'])}",
        f"data sharing: [b]{partner['sharing_consent']}[/b] — "
        f"{SHARING_MEANING.get(partner['sharing_consent'], '')}",
        f"submissions: {partner['submissions']}",
    ]
    if partner.get("notes"):
        lines.append(f"[i]{escape(partner['notes'])}[/i]")
    lines += section("Contacts", [contact_line(c) for c in partner["contacts"]])
    lines += section("Interactions", [interaction_line(i) for i in partner["interactions"]])
    lines += section("Sessions", [session_line(s) for s in partner["sessions"]])
    return "\n".join(lines)


def section(title: str, lines: list[str]) -> list[str]:
    return ["", f"[b u]{title}[/b u]", *(lines or ["  none yet"])]


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


class PartnersScreen(ModeScreen):
    """The partner register."""

    MODE = "partners"
    wanted_id: str | None = None  # the row to highlight once the table is filled
    AUTO_FOCUS = "#partners-table"
    BINDINGS = [
        ("n", "add_partner", "Add"),
        ("e", "edit_partner", "Edit"),
        ("slash", "focus_filter", "Filter"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Input(
            placeholder="/ filter by name, community or sector", compact=True, id="partner-filter"
        )
        with Horizontal():
            yield DataTable(id="partners-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="partner-detail", classes="panel") as detail:
                detail.border_title = "Partner"
                yield Static("", id="partner-text")

    def reload(self) -> None:
        self.load_partners(self.query_one("#partner-filter", Input).value)

    @work(thread=True, exclusive=True, group="partners")
    def load_partners(self, search: str) -> None:
        from engage.db.partners import list_partners

        post_or_fail(
            self, lambda: PartnersLoaded(list_partners(self.db, search=search.strip() or None))
        )

    def on_partners_loaded(self, message: PartnersLoaded) -> None:
        table = self.query_one("#partners-table", DataTable)
        fill_table(table, COLUMNS, [(p["id"], self.cells(p)) for p in message.partners])
        if self.wanted_id in {p["id"] for p in message.partners}:
            table.move_cursor(row=table.get_row_index(self.wanted_id))
        self.wanted_id = None
        self.show_detail(self.highlighted_id())

    @staticmethod
    def cells(partner: dict[str, Any]) -> tuple[str, ...]:
        return (
            clipped(partner["name"], 28),
            words(partner["kind"]),
            clipped(shown(partner["community"]), 12),
            f"{shown(partner['influence'])}/{shown(partner['interest'])}",
            str(partner["sessions_attended"]),
            str(partner["submissions"]),
        )

    def highlighted_id(self) -> str | None:
        return highlighted_key(self.query_one("#partners-table", DataTable))

    @on(DataTable.RowHighlighted, "#partners-table")
    def partner_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value)

    def show_detail(self, partner_id: str | None) -> None:
        from engage.db.partners import partner_detail

        text = self.query_one("#partner-text", Static)
        if partner_id is None:
            text.update("No partners yet: press n to add one.")
            return
        partner = attempt(self, partner_detail, self.db, partner_id)
        if partner:
            text.update(partner_markup(partner))

    @on(Input.Changed, "#partner-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.load_partners(event.value)

    @on(Input.Submitted, "#partner-filter")
    def filter_submitted(self) -> None:
        self.query_one("#partners-table", DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#partner-filter", Input).focus()

    def action_add_partner(self) -> None:
        from engage.tui.modals.partner_form import PartnerForm

        self.app.push_screen(PartnerForm(self.db), self.partner_saved)

    def action_edit_partner(self) -> None:
        from engage.db.partners import partner_detail
        from engage.tui.modals.partner_form import PartnerForm

        partner_id = self.highlighted_id()
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
