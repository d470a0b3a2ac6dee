"""Checks on values a user types or a file carries, each failing with a UserError that says
what is wrong and what would be accepted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from engage.errors import UserError


def choice(value: str | None, allowed: Iterable[str], field: str) -> str:
    """``value`` normalised (lower case, spaces and dashes as underscores) if it is allowed."""
    allowed = tuple(allowed)
    normal = (value or "").strip().lower().replace(" ", "_").replace("-", "_")
    if normal not in allowed:
        raise UserError(f"{field} must be one of {', '.join(allowed)} (got '{value}')")
    return normal


def optional_choice(value: str | None, allowed: Iterable[str], field: str) -> str | None:
    return None if value is None or not value.strip() else choice(value, allowed, field)


def score(value: int | str | None, field: str) -> int | None:
    """A 1-5 rating (influence, interest, satisfaction), or None when not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise UserError(f"{field} must be a whole number from 1 to 5 (got '{value}')") from None
    if not 1 <= number <= 5:
        raise UserError(f"{field} must be from 1 to 5 (got {number})")
    return number


def iso_date(value: str | None, field: str) -> str | None:
    """A calendar date as YYYY-MM-DD, or None when not given."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UserError(f"{field} must be a date as YYYY-MM-DD (got '{value}')") from None


def required_text(value: str | None, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise UserError(f"{field} cannot be empty")
    return text


def non_negative(value: int | None, field: str) -> int | None:
    if value is not None and value < 0:
        raise UserError(f"{field} cannot be negative (got {value})")
    return value
