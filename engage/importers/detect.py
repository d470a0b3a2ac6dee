"""Recognise which column of an export feeds which field of a submission.

Headers are matched against synonyms (``engage.importers.headers``) and checked
against the cells (``engage.importers.profile``): a typed field (date,
satisfaction, consent, channel, postal code) needs cells that read as such, and a
place or organisation named inside an open-ended question is not taken for one.
Columns left over whose answers are long, worded and varied are the free text.
``--map`` overrides are applied first and always win.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from engage.errors import MappedTwice, NoTextColumn, UserError
from engage.importers.fields import SINGLE_FIELDS, ColumnMapping
from engage.importers.headers import (
    fold_header,
    header_matches,
    is_exact,
    is_not_text_header,
    is_text_hint,
)
from engage.importers.profile import ColumnProfile, profile_column, readable_share
from engage.importers.readers import text_cells, unique_names

if TYPE_CHECKING:
    import pandas

# Fields that name a place, a group or a kind of respondent: never a column of numbers.
NAMED_FIELDS = ("partner", "community", "respondent_type")
TYPED_FIELDS = ("received_at", "satisfaction", "consent_to_quote", "channel", "postal_area")
# Fields recognised from the cells alone when no header names them and one column fits.
CONTENT_FIELDS = ("received_at", "postal_area", "channel")
OPEN_ENDED = (
    "what",
    "how",
    "why",
    "please",
    "describe",
    "tell us",
    "is there",
    "do you have",
    "any other",
    "in your own words",
    "explain",
    "if you could",
    "comments",
)
_PROFILE_ROWS = 20_000
# The number unique_names gives a repeated column name: "Comments (2)".
_REPEAT_NUMBER = re.compile(r" \([0-9]+\)\Z")


def detect_mapping(df: pandas.DataFrame, overrides: dict[str, str] | None = None) -> ColumnMapping:
    """Map an export's columns to submission fields; overrides ({column: field}) win."""
    columns = unique_names([str(column) for column in df.columns])
    chosen = _resolve_overrides(columns, overrides or {})
    free = [column for column in columns if column not in chosen]
    position = {column: i for i, column in enumerate(columns)}
    profiles = {column: profile_column(_cells(df, position[column])) for column in free}
    taken_fields = {name for name in chosen.values() if name in SINGLE_FIELDS}
    found = _match_headers(free, profiles, taken_fields)
    found.update(_match_content(free, profiles, taken_fields | set(found.values()), found))
    chosen.update(found)
    for column in free:
        if column not in chosen and _is_free_text(column, profiles[column]):
            chosen[column] = "text"
    return _mapping(columns, chosen)


def _cells(df: pandas.DataFrame, position: int) -> list[str]:
    """The first cells of a column as text, enough to profile it (missing cells are blank)."""
    return text_cells(df.iloc[:_PROFILE_ROWS, position].tolist())


def _resolve_overrides(columns: list[str], overrides: dict[str, str]) -> dict[str, str]:
    """Turn {column as typed: field} into {column as in the file: field}, checking both."""
    chosen: dict[str, str] = {}
    owner: dict[str, str] = {}
    for typed, name in overrides.items():
        column = _find_column(columns, typed)
        if chosen.get(column, name) != name:
            raise MappedTwice(f"column '{column}' is mapped twice, to {chosen[column]} and {name}")
        if name in SINGLE_FIELDS and owner.get(name, column) != column:
            raise UserError(
                f"columns '{owner[name]}' and '{column}' are both mapped to {name} "
                "(map only one of them)"
            )
        owner[name] = column
        chosen[column] = name
    return chosen


def _find_column(columns: list[str], typed: str) -> str:
    """Find a column by its exact header, else by the same header ignoring case and punctuation."""
    if typed in columns:
        return typed
    for key in (str.casefold, fold_header):
        matches = [column for column in columns if key(column) == key(typed)]
        if len(matches) == 1:
            return matches[0]
    raise UserError(f"no column '{typed}' in the file (columns: {', '.join(columns)})")


def _match_headers(
    free: list[str], profiles: dict[str, ColumnProfile], taken: set[str]
) -> dict[str, str]:
    """Assign fields to columns whose header names them, surest match first."""
    taken = set(taken)
    candidates = [
        (score, -position, name, column)
        for position, column in enumerate(free)
        for score, name in header_matches(column)
        if name not in taken and _cells_fit(column, profiles[column], name, is_exact(score))
    ]
    found: dict[str, str] = {}
    for _score, _position, name, column in sorted(candidates, reverse=True):
        if name not in taken and column not in found:
            found[column] = name
            taken.add(name)
    return found


def _cells_fit(column: str, profile: ColumnProfile, name: str, exact: bool) -> bool:
    """Check that a column's cells could be the field its header suggests."""
    if profile.empty:
        return True
    if name in TYPED_FIELDS:
        return readable_share(profile, name) >= (0.5 if exact else 0.8)
    if name in NAMED_FIELDS and profile.is_numeric():
        return False
    if exact:
        return profile.median_length < 80
    open_ended = fold_header(column).startswith(OPEN_ENDED)
    return not open_ended and profile.median_length <= 60 and not profile.looks_like_free_text()


def _match_content(
    free: list[str], profiles: dict[str, ColumnProfile], taken: set[str], found: dict[str, str]
) -> dict[str, str]:
    """Recognise a date, postal-code or channel column by its cells when exactly one fits."""
    extra: dict[str, str] = {}
    for name in CONTENT_FIELDS:
        if name in taken:
            continue
        fitting = [
            column
            for column in free
            if column not in found
            and column not in extra
            and not profiles[column].empty
            and not _is_personal_date(column)
            and readable_share(profiles[column], name) >= 0.9
        ]
        if len(fitting) == 1:
            extra[fitting[0]] = name
    return extra


def _is_personal_date(column: str) -> bool:
    """Dates of birth and the like are never the date a submission was received."""
    words = set(fold_header(column).split())
    return bool(words & {"birth", "dob", "naissance", "born", "expiry", "expiration"})


def _is_free_text(column: str, profile: ColumnProfile) -> bool:
    """True for a column of written answers: named as comments, or long and varied.

    An open-ended question nobody has answered yet still counts, so that its sibling
    questions keep their headers as questions (a wide survey stays wide).
    """
    column = _REPEAT_NUMBER.sub("", column)  # a repeated header reads as the first one
    if profile.empty:
        return fold_header(column).startswith(OPEN_ENDED) and column.rstrip().endswith("?")
    if profile.is_bookkeeping():
        return False
    if is_text_hint(column):
        return True
    return not is_not_text_header(column) and profile.looks_like_free_text()


def _mapping(columns: list[str], chosen: dict[str, str]) -> ColumnMapping:
    """Build the mapping in file column order; refuse a file with no free text."""
    mapping = ColumnMapping()
    for column in columns:
        name = chosen.get(column)
        if name == "text":
            mapping.text_columns.append(column)
        elif name == "ignore":
            mapping.ignored.append(column)
        elif name is None:
            mapping.unmapped.append(column)
        else:
            mapping.fields[name] = column
    if not mapping.text_columns:
        raise NoTextColumn(f"no free-text column found among: {', '.join(columns)}")
    return mapping
