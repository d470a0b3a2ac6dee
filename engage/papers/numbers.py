"""Numbers as a paper shows them: whole percentages that add up to 100, thousands separators,
dates in words, ratings out of five."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def percentages(counts: Sequence[int]) -> list[int]:
    """Whole percentages of ``counts`` that sum to exactly 100 (largest remainder), so a
    table's share column adds up; all zeros when there is nothing to share."""
    total = sum(counts)
    if total <= 0:
        return [0 for _ in counts]
    exact = [100 * count / total for count in counts]
    shares = [int(value) for value in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: (shares[i] - exact[i], i))
    for index in by_remainder[: 100 - sum(shares)]:
        shares[index] += 1
    return shares


def number(value: int | float | None) -> str:
    """1307 -> '1,307'; 3.456 -> '3.5'; None -> '—'."""
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def percent(value: float | None, digits: int = 0) -> str:
    """A share from 0 to 1 as a percentage: 0.123 -> '12%'."""
    if value is None:
        return "—"
    return f"{100 * value:.{digits}f}%"


def long_date(value: str | None) -> str:
    """'2026-03-02' (or a timestamp) -> 'March 2, 2026', as Ontario documents write dates."""
    if not value:
        return "—"
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def rating(value: float | None) -> str:
    """A mean satisfaction as '3.4 / 5'; '—' when nobody rated."""
    return "—" if value is None else f"{value:.1f} / 5"


def share(percentage: int, count: int | None = None) -> str:
    """A whole percentage for a table: '12%'; '<1%' when something rounds down to nothing."""
    if percentage == 0 and count:
        return "<1%"
    return f"{percentage}%"
