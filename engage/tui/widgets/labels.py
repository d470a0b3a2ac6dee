"""How stored values read on screen: codes as words, ids shortened, blanks as dashes; the
value chosen in a Select."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Select

SHORT_ID = 8


def words(code: str | None) -> str:
    """A stored code as words: 'in_person' -> 'in person'."""
    return (code or "").replace("_", " ")


def short(row_id: str | None) -> str:
    return (row_id or "")[:SHORT_ID]


def shown(value: Any, blank: str = "–") -> str:
    """A value for a table cell: blanks as a dash, yes/no for flags."""
    if value is None or value == "":
        return blank
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def clipped(text: str | None, width: int) -> str:
    """Text on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def choices(codes: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """Options for a Select: (words, code)."""
    return [(words(code), code) for code in codes]


def select_value(select: Select) -> Any:
    """The chosen value of a Select, or None when it is blank."""
    return None if select.value is Select.NULL else select.value


def escape(text: str) -> str:
    """Stored text made safe to put inside Textual markup: every '[' is escaped, so that
    redaction marks such as [PHONE] and any bracket a person typed show as typed."""
    return text.replace("[", "\\[")


def plain(text: str) -> Content:
    """Stored text as a label that is never read as markup (for options and prompts)."""
    return Content(text)
