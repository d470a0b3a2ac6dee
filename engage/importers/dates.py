"""Read the dates and times people and survey tools write, as ISO-8601 text.

``2026-03-14 09:12:45``, ``2026-03-14T14:12:45Z``, ``14/03/2026``, ``3/14/2026 9:12 AM``,
``March 14, 2026`` and ``14 mars 2026`` all read. A date with a time becomes
``2026-03-14T09:12:45`` (times with an offset are converted to UTC); a date alone
becomes ``2026-03-14``. Day and month written with slashes are read the way the
rest of the column shows them (a day above 12 settles it); a date that stays
ambiguous is refused rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

MONTHS = {
    word: number
    for number, words in {
        1: "jan january janvier janv",
        2: "feb february fevrier fevr fev",
        3: "mar march mars",
        4: "apr april avril avr",
        5: "may mai",
        6: "jun june juin",
        7: "jul july juillet juil",
        8: "aug august aout",
        9: "sep sept september septembre",
        10: "oct october octobre",
        11: "nov november novembre",
        12: "dec december decembre",
    }.items()
    for word in words.split()
}
_TIME = r"(?:[ t,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?)?"
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})" + _TIME)
_YEAR_FIRST = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})" + _TIME)
_MONTH_DAY = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})" + _TIME)
_DAY_MONTH = re.compile(r"(\d{1,2})(?:er)?[ -]([a-z]+)\.?,?[ -](\d{4}|\d{2})" + _TIME)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOOKS_DATED = re.compile(
    r"^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[/.]\d{1,2}[/.]\d{1,2}"
    r"|[a-z]+\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2}(er)?[ -][a-z]+\.?,?[ -]\d{2})",
    re.IGNORECASE,
)


class DateReader:
    """Reads one column's dates, remembering each distinct value it has seen."""

    def __init__(self, column: str, values: Iterable[str] = ()) -> None:
        self.column = column
        self.day_first = slash_order(values)
        self._seen: dict[str, tuple[str | None, str | None]] = {}

    def read(self, value: str) -> tuple[str | None, str | None]:
        """Return ``(iso, None)`` for a date, ``(None, None)`` for blank, ``(None, problem)``."""
        known = self._seen.get(value)
        if known is None:
            known = self._read_new(value)
            self._seen[value] = known
        return known

    def _read_new(self, value: str) -> tuple[str | None, str | None]:
        text = value.strip()
        if not text:
            return None, None
        found = parse_date(text, self.day_first)
        if found is None:
            return None, f"bad date '{text}' in column '{self.column}' (use YYYY-MM-DD)"
        return found, None


def looks_like_date(value: str) -> bool:
    """True when a cell starts like a written date (used to recognise date columns)."""
    return bool(_LOOKS_DATED.match(value))


def slash_order(values: Iterable[str]) -> bool | None:
    """Decide whether a column writes day/month (True) or month/day (False), if it shows."""
    day_first = month_first = False
    for value in values:
        found = _NUMERIC.match(value.strip())
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            day_first = day_first or (first > 12 >= second)
            month_first = month_first or (second > 12 >= first)
    if day_first != month_first:
        return day_first
    return None


def parse_date(text: str, day_first: bool | None = None) -> str | None:
    """Read one written date or date-time as ISO-8601 text, or None if it is not one."""
    if _ISO_DATE.match(text):
        found = _iso(text)
        if found is not None:
            return found
    folded = _fold(text)
    for pattern, order in (
        (_NUMERIC, "dmy"),
        (_YEAR_FIRST, "ymd"),
        (_MONTH_DAY, "mdy"),
        (_DAY_MONTH, "dmy-name"),
    ):
        found = pattern.fullmatch(folded)
        if found:
            return _from_parts(found.groups(), order, day_first)
    return None


def _iso(text: str) -> str | None:
    """Read ISO-8601 (with a space or T, optional Z or offset) as UTC-naive ISO text."""
    candidate = text.replace("z", "Z")
    try:
        moment = dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None
    if len(candidate) == 10:
        return moment.date().isoformat()
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def _from_parts(parts: tuple[str | None, ...], order: str, day_first: bool | None) -> str | None:
    """Assemble a date (and time, if any) from the pieces a pattern matched."""
    a, b, c, hour, minute, second, meridiem = parts
    if order == "dmy":
        year, first, second_part = int(c), int(a), int(b)
        if first > 12 >= second_part or (day_first is True and second_part <= 12):
            day, month = first, second_part
        elif second_part > 12 >= first or (day_first is False and first <= 12):
            day, month = second_part, first
        elif first == second_part:
            day = month = first
        else:
            return None
    elif order == "ymd":
        year, month, day = int(a), int(b), int(c)
    else:
        name, day_text = (a, b) if order == "mdy" else (b, a)
        month_number = MONTHS.get(name or "")
        if month_number is None:
            return None
        year, month, day = int(c), month_number, int(day_text)
        year += 2000 if year < 100 else 0  # Excel's 14-Mar-26
    try:
        date = dt.date(year, month, day)
        if hour is None:
            return date.isoformat()
        clock = _clock(int(hour), int(minute or 0), int(second or 0), meridiem)
    except ValueError:
        return None
    return dt.datetime.combine(date, clock).isoformat(timespec="seconds")


def _clock(hour: int, minute: int, second: int, meridiem: str | None) -> dt.time:
    """Build a time of day, honouring a.m./p.m. when given."""
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError("hour out of range for a.m./p.m.")
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    return dt.time(hour, minute, second)


def _fold(text: str) -> str:
    """Lowercase, drop accents and collapse spaces so month names compare simply."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())
