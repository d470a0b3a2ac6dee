"""Log or edit an interaction with a partner (a meeting, a call, an email ...) and the
follow-up it calls for: when it is due and who owns it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from engage.db.interactions import add_interaction, edit_interaction
from engage.errors import UserError
from engage.models import INTERACTION_KINDS
from engage.tui.modals.consultation_form import date_input, required_input
from engage.tui.modals.contact_form import partner_select
from engage.tui.modals.form import FormScreen, field, row
from engage.tui.widgets.labels import choices


class InteractionForm(FormScreen[dict]):
    """Returns the stored interaction."""

    def __init__(
        self,
        db,
        partner_id: str | None,
        today: str,
        interaction: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.partner_id = partner_id
        self.today = today
        self.interaction = interaction or {}
        self.TITLE_TEXT = "Edit the interaction" if interaction else "Log an interaction"

    def compose_fields(self) -> ComposeResult:
        i = self.interaction
        if not i:
            yield field("Partner", partner_select(self.db, self.partner_id))
        yield row(
            field("Date", date_input(i.get("occurred_on") or self.today, "occurred_on", "date")),
            field(
                "Kind",
                Select(
                    choices(INTERACTION_KINDS),
                    value=i.get("kind") or Select.NULL,
                    prompt="choose",
                    id="kind",
                ),
            ),
        )
        yield field(
            "What was said or agreed", required_input(i.get("summary"), "summary", "summary")
        )
        yield row(
            field(
                "Follow up by",
                date_input(i.get("follow_up_due"), "follow_up_due", "follow-up due date"),
            ),
            field("Owner", Input(i.get("follow_up_owner") or "", id="follow_up_owner")),
        )
        if i.get("follow_up_due"):
            yield Checkbox("follow-up done", bool(i.get("follow_up_done")), id="done")

    def values(self) -> dict[str, Any]:
        return {
            "occurred_on": self.text("#occurred_on"),
            "kind": self.choice("#kind"),
            "summary": self.text("#summary"),
            "follow_up_due": self.text("#follow_up_due") or None,
            "follow_up_owner": self.text("#follow_up_owner"),
        }

    def save(self) -> dict:
        values = self.values()
        if values["kind"] is None:
            raise UserError("choose the kind of interaction")
        if self.interaction:
            done = self.query("#done")
            if done:
                values["follow_up_done"] = done.first(Checkbox).value
            return edit_interaction(self.db, self.interaction["id"], **values)
        partner = self.choice("#partner")
        if partner is None:
            raise UserError("choose the partner")
        return add_interaction(self.db, partner, **values)
