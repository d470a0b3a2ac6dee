"""The fields a column can feed, how a file's columns map onto them, and ``--map`` options."""

from __future__ import annotations

from dataclasses import dataclass, field

from engage.errors import UserError

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


def parse_map_options(options: list[str]) -> dict[str, str]:
    """Read ``--map SOURCE=FIELD`` options into {source column: field}.

    The last ``=`` separates the field, so a column header may itself contain ``=``.
    """
    overrides: dict[str, str] = {}
    for option in options:
        source, equals, target = option.rpartition("=")
        source = source.strip()
        name = target.strip().lower().replace("-", "_").replace(" ", "_")
        if not equals or not source or not name:
            raise UserError(
                f"cannot read --map '{option}': write it as COLUMN=FIELD, "
                f"e.g. --map 'Org=partner' (fields: {', '.join(FIELDS)})"
            )
        if name not in FIELDS:
            raise UserError(
                f"unknown field '{target.strip()}' in --map '{option}' "
                f"(fields: {', '.join(FIELDS)})"
            )
        if overrides.get(source, name) != name:
            raise UserError(
                f"column '{source}' is mapped twice, to {overrides[source]} and "
                f"{name} (keep one --map for it)"
            )
        overrides[source] = name
    return overrides
