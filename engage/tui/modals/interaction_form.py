"""Log or edit an interaction with a partner (a meeting, a call, an email ...) and the
follow-up it calls for: when it is due and who owns it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input

from engage.db.interactions import InteractionFields, add_interaction, edit_interaction
from engage.errors import UserError
from engage.models import INTERACTION_KINDS
from engage.tui.modals.fields import code_select, date_input, field, required_input, row
from engage.tui.modals.form import PartnerDetailForm


class InteractionForm(PartnerDetailForm):
    """Returns the stored interaction."""

    def __init__(
        self,
        db,
        partner_id: str | None,
        today: str,
        interaction: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(db, partner_id, interaction)
        self.today = today
        self.TITLE_TEXT = "Edit the interaction" if interaction else "Log an interaction"

    def detail_fields(self) -> ComposeResult:
        i = self.record
        yield row(
            field("Date", date_input(i.get("occurred_on") or self.today, "occurred_on", "date")),
            field("Kind", code_select(INTERACTION_KINDS, i.get("kind"), "kind", "choose")),
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
        values = {
            "occurred_on": self.text("#occurred_on"),
            "kind": self.choice("#kind"),
            "summary": self.text("#summary"),
            "follow_up_due": self.text("#follow_up_due") or None,
            "follow_up_owner": self.text("#follow_up_owner"),
        }
        if values["kind"] is None:
            raise UserError("choose the kind of interaction")
        return values

    def add(self, partner_id: str, values: dict[str, Any]) -> dict:
        return add_interaction(self.db, partner_id, InteractionFields(**values))

    def edit(self, values: dict[str, Any]) -> dict:
        done = self.query("#done")
        if done:
            values["follow_up_done"] = done.first(Checkbox).value
        return edit_interaction(self.db, self.record["id"], **values)
