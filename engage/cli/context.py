"""The database a command works on: --db, else ENGAGE_DB, else the user data directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from engage.config import default_db_path

if TYPE_CHECKING:  # sqlite_utils imports pandas when it can: keep `engage --help` light
    import sqlite_utils


class State:
    """What the root command passes to every subcommand."""

    def __init__(self, db_path: Path | None) -> None:
        self.db_path = db_path or default_db_path()
        self._db: sqlite_utils.Database | None = None

    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            # lazy: the core loads sqlite_utils and numpy, which engage --help does without
            from engage.db import open_db

            self._db = open_db(self.db_path)
        return self._db


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State(None)
    return root.obj


def db(ctx: typer.Context) -> sqlite_utils.Database:
    return state(ctx).db()
