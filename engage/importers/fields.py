"""The fields a column can feed, and how a file's columns map onto them."""

from __future__ import annotations

from dataclasses import dataclass, field

FIELDS = (
    "text",
    "question",
    "partner",
    "respondent_type",
    "community",
    "postal_area",
    "channel",
    "received_at",
    "satisfaction",
    "consent_to_quote",
    "session",
    "ignore",
)
# Fields fed by at most one column each; "text" may come from several, "ignore" from any.
SINGLE_FIELDS = tuple(name for name in FIELDS if name not in ("text", "ignore"))


@dataclass
class ColumnMapping:
    """Which column feeds which field of a submission.

    ``fields`` maps a single-valued field to its source column; ``text_columns`` are
    the free-text answers (several for a wide survey export, one question each);
    ``ignored`` were set aside on request; ``unmapped`` are kept only in the raw row.
    """

    fields: dict[str, str] = field(default_factory=dict)
    text_columns: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    def role_of(self, column: str) -> str | None:
        """Name what a column feeds: a field, "text", "ignore", or None when unmapped."""
        if column in self.text_columns:
            return "text"
        if column in self.ignored:
            return "ignore"
        for name, source in self.fields.items():
            if source == column:
                return name
        return None
