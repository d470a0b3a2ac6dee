"""Ctrl+C during a long command: say what was stored (usually nothing: every write is one
transaction) and exit with 130, as a shell expects of an interrupted program."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import typer

INTERRUPTED = 130  # 128 + SIGINT
NOTHING_STORED = "cancelled — nothing was stored"


@contextlib.contextmanager
def on_cancel(stored: str | Callable[[], str] = NOTHING_STORED) -> Iterator[None]:
    """Inside: a Ctrl+C prints ``stored`` (or what it returns, when it is a function that
    knows how far the work got) on stderr and exits with 130."""
    try:
        yield
    except KeyboardInterrupt:
        said = stored() if callable(stored) else stored
        typer.echo(said, err=True)
        raise typer.Exit(INTERRUPTED) from None
