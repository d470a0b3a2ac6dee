"""Read a mapped column's cells as field values, one distinct cell text at a time.

Survey exports repeat the same few values (communities, "Yes", "4", dates), so
each distinct text is read once and the answer reused for every row holding it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engage.importers.dates import DateReader
from engage.importers.values import (
    read_channel,
    read_consent,
    read_postal_area,
    read_respondent_type,
    read_satisfaction,
)
from engage.models import CHANNELS

_READERS: dict[str, Callable[[str], Any]] = {
    "satisfaction": read_satisfaction,
    "consent_to_quote": read_consent,
    "channel": read_channel,
    "respondent_type": read_respondent_type,
    "postal_area": read_postal_area,
}
_PROBLEMS = {
    "satisfaction": "bad satisfaction '{text}' in column '{column}' (use 1 to 5)",
    "consent_to_quote": "bad consent '{text}' in column '{column}' (use yes or no)",
    "channel": "bad channel '{text}' in column '{column}' (use one of " + ", ".join(CHANNELS) + ")",
}

Reading = tuple[Any, str | None]


def read_field_column(
    field: str, column: str, cells: list[str]
) -> tuple[list[Any], dict[int, str]]:
    """Read every cell of a column as ``field``: the values by row, and problems by row index.

    A blank cell reads as None (as False for consent to quote). A row with a problem
    has None as its value.
    """
    read = _cell_reader(field, column, cells)
    seen: dict[str, Reading] = {}
    for text in cells:
        if text not in seen:
            seen[text] = read(text)
    readings = [seen[text] for text in cells]
    problems = {row: problem for row, (_value, problem) in enumerate(readings) if problem}
    return [value for value, _problem in readings], problems


def _cell_reader(field: str, column: str, cells: list[str]) -> Callable[[str], Reading]:
    """Choose how one cell text of this field is read; dates first settle day/month order."""
    if field == "received_at":
        return DateReader(column, set(cells)).read
    reader = _READERS.get(field)
    blank = False if field == "consent_to_quote" else None

    def read(text: str) -> Reading:
        stripped = text.strip()
        if not stripped:
            return blank, None
        if reader is None:
            return stripped, None
        try:
            return reader(stripped), None
        except ValueError:
            return None, _PROBLEMS[field].format(text=stripped, column=column)

    return read
