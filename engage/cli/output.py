"""Printing results: tables for people, JSON for scripts, one-line errors on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import fields as dataclass_fields
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from engage.cells import terminal_text

console = Console(width=None if sys.stdout.isatty() else 160)
FLAGS = {"invited", "attended", "consent_to_quote", "consent_to_share", "follow_up_done"}
SHORT_ID = 8


def one_of(values: Sequence[str]) -> str:
    """A vocabulary as help text reads it: ("a", "b", "c") -> "a, b or c"."""
    return f"{', '.join(values[:-1])} or {values[-1]}" if len(values) > 1 else "".join(values)


def headed(names: Sequence[str], **headings: str) -> list[tuple[str, str]]:
    """Fields (a noun's, from ``engage.schema``), each with its heading: its name in words,
    or the one given here ("held_on" -> "date")."""
    return [(name, headings.get(name, name.replace("_", " "))) for name in names]


def view_columns(
    record: type, shown: Sequence[tuple[str, str]], computed: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    """A list view's columns: fields of ``record`` (a noun of ``engage.schema``; its ``id``
    too), each with its heading, then the columns the view computes (counts, shares). A
    name that is not a field of the record is a mistake in the code: refused."""
    known = {"id", *(item.name for item in dataclass_fields(record))}
    unknown = [name for name, _ in shown if name not in known]
    if unknown:
        raise ValueError(f"{record.__name__} has no field {', '.join(unknown)}")
    return [*shown, *computed]


def short(value: Any) -> str:
    """Ids are shown by their first 8 characters; any unique prefix is accepted back."""
    return str(value)[:SHORT_ID] if value else ""


def plural(count: int, noun: str) -> str:
    """'1 theme', '2 themes'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def print_json(value: Any) -> None:
    typer.echo(terminal_text(json.dumps(value, indent=2, ensure_ascii=False, default=str)))


def print_table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    title: str | None = None,
    empty: str = "nothing to show",
) -> None:
    """A table of ``rows`` with (key, heading) ``columns``; ids are shortened."""
    rows = list(rows)
    if not rows:
        typer.echo(empty)
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for _, heading in columns:
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(key, row.get(key)) for key, _ in columns))
    console.print(table)


def print_record(record: dict[str, Any], fields: Sequence[tuple[str, str]]) -> None:
    """One record as aligned 'Heading: value' lines."""
    width = max(len(heading) for _, heading in fields)
    for key, heading in fields:
        value = record.get(key)
        if value not in (None, ""):
            typer.echo(terminal_text(f"{heading.rjust(width)}: {value}"))


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "id" or key.endswith("_id"):
        return short(value)
    if isinstance(value, bool) or key in FLAGS:
        return "yes" if value else "no"
    return terminal_text(str(value))


def error(message: str) -> None:
    typer.echo(terminal_text(f"error: {message}"), err=True)


def note(message: str) -> None:
    """Something the user should know, on stderr (the result stays alone on stdout)."""
    typer.echo(f"note: {message}", err=True)


def done(message: str) -> None:
    typer.echo(terminal_text(message))


def text(value: str) -> None:
    """Print stored text as it is, but for control characters."""
    typer.echo(terminal_text(value), nl=False)
