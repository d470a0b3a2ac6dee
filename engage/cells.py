"""Text on its way out of engage, made safe for where it lands: a spreadsheet cell never
becomes a formula, and a terminal never receives a control sequence.

Survey exports and typed notes can hold anything: a comment that starts with
``=HYPERLINK(...)`` would be a live formula in Excel, and an escape sequence in a
submission would drive the officer's terminal. Every export cell and every line printed
by the command line and the app goes through here.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab, newline and carriage return; DEL; C1 controls (0x9b opens a
# terminal sequence on its own); and the bidirectional overrides that reorder what a
# reader sees (U+202A-U+202E, U+2066-U+2069).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# On a terminal a carriage return rewrites the line it is on; only newlines and tabs stay.
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What spreadsheets read as the start of a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def strip_controls(text: str) -> str:
    """``text`` without control characters (tabs, newlines and carriage returns kept)."""
    return _CONTROL.sub("", text)


def terminal_text(text: str) -> str:
    """``text`` as it may be printed on a terminal: only newlines and tabs survive among
    control characters, so no escape sequence reaches the terminal."""
    return _TERMINAL_CONTROL.sub("", text)


def terminal_value(value: Any) -> Any:
    """Strings made terminal-safe (a text factory for the app's connection); others as is."""
    return terminal_text(value) if isinstance(value, str) else value


def decoded_for_terminal(data: bytes) -> str:
    """A SQLite text value decoded and made terminal-safe (``Connection.text_factory``)."""
    return terminal_text(data.decode("utf-8", errors="replace"))


def export_value(value: Any) -> Any:
    """A cell value for CSV, XLSX or JSON: text without control characters."""
    return strip_controls(value) if isinstance(value, str) else value


def starts_formula(value: Any) -> bool:
    """Whether a spreadsheet would read this text cell as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_value(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs: text that would start a formula is prefixed
    with an apostrophe (the OWASP rule), and control characters are gone."""
    if not isinstance(value, str):
        return value
    if starts_formula(value):
        value = "'" + value
    return strip_controls(value)
