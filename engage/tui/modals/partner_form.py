"""Add or edit a partner: name, kind, place, relationship, influence and interest (1-5) and
data-sharing consent."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.validation import Length
from textual.widgets import Input, Select

from engage.db.partners import add_partner, edit_partner
from engage.models import PARTNER_KINDS, RELATIONSHIPS, SHARING_LEVELS
from engage.tui.modals.fields import field, row
from engage.tui.modals.form import FormScreen
from engage.tui.widgets.labels import choices

TEXT_FIELDS = ("sector", "community", "region", "notes")


def score_input(value: Any, field_id: str) -> Input:
    """A 1-5 score: only one digit from 1 to 5 can be typed."""
    return Input(
        "" if value is None else str(value),
        placeholder="1-5",
        restrict="[1-5]?",
        max_length=1,
        id=field_id,
    )


class PartnerForm(FormScreen[dict]):
    """Returns the stored partner row."""

    def __init__(self, db, partner: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.db = db
        self.partner = partner or {}
        self.TITLE_TEXT = f"Edit {self.partner['name']}" if partner else "Add a partner"

    def compose_fields(self) -> ComposeResult:
        partner = self.partner
        yield field(
            "Name",
            Input(
                partner.get("name") or "",
                placeholder="organisation or group",
                validators=[Length(minimum=1, failure_description="a partner needs a name")],
                id="name",
            ),
        )
        yield row(
            field("Kind", self.select("kind", PARTNER_KINDS, partner.get("kind"))),
            field(
                "Relationship",
                self.select("relationship", RELATIONSHIPS, partner.get("relationship") or "none"),
            ),
            field(
                "Data-sharing consent",
                self.select(
                    "sharing_consent", SHARING_LEVELS, partner.get("sharing_consent") or "internal"
                ),
            ),
        )
        yield row(
            field("Sector", Input(partner.get("sector") or "", id="sector")),
            field("Community", Input(partner.get("community") or "", id="community")),
            field("Region", Input(partner.get("region") or "", id="region")),
        )
        yield row(
            field("Influence", score_input(partner.get("influence"), "influence")),
            field("Interest", score_input(partner.get("interest"), "interest")),
        )
        yield field("Notes", Input(partner.get("notes") or "", id="notes"))

    @staticmethod
    def select(field_id: str, codes: tuple[str, ...], value: str | None) -> Select:
        return Select(
            choices(codes),
            value=value if value in codes else Select.NULL,
            prompt="choose",
            id=field_id,
        )

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"name": self.text("#name")}
        for key in ("kind", "relationship", "sharing_consent"):
            values[key] = self.choice(f"#{key}")
        for key in TEXT_FIELDS:
            values[key] = self.text(f"#{key}")
        for key in ("influence", "interest"):
            values[key] = self.text(f"#{key}") or None
        return values

    def save(self) -> dict:
        values = self.values()
        if values["kind"] is None:
            values.pop("kind")
        if self.partner:
            return edit_partner(self.db, self.partner["id"], **values)
        return add_partner(self.db, **values)
