"""Hand coding for the agreement check: a person picks a theme for a random sample of
submissions, and the choices are read back per coder."""

from __future__ import annotations

import random
from typing import Any

import sqlite_utils

from engage.db import records
from engage.db.connection import transaction
from engage.db.themes import resolve_theme

NONE_FITS = "none"


def sample_for_coding(
    db: sqlite_utils.Database, run_id: str, coder: str, n: int, seed: int = 0
) -> list[dict[str, Any]]:
    """A reproducible random sample of the run's answered submissions not yet coded by
    ``coder``."""
    rows = list(
        db.query(
            """SELECT s.id, s.text_redacted FROM assignments a
           JOIN submissions s ON s.id = a.submission_id
           WHERE a.run_id = ? AND s.non_answer = 0 AND s.status = 'active'
             AND s.id NOT IN (SELECT submission_id FROM codings WHERE run_id = ? AND coder = ?)
           ORDER BY s.seq""",
            [run_id, run_id, coder],
        )
    )
    random.Random(seed).shuffle(rows)
    return rows[:n]


def record_coding(
    db: sqlite_utils.Database, run_id: str, submission_id: str, coder: str, theme: str | None
) -> None:
    """Store ``coder``'s choice for a submission (theme None = no theme fits)."""
    theme_id = resolve_theme(db, theme, run_id) if theme not in (None, NONE_FITS) else None
    with transaction(db):
        db.execute(
            "DELETE FROM codings WHERE run_id = ? AND submission_id = ? AND coder = ?",
            [run_id, submission_id, coder],
        )
        db["codings"].insert(
            records.new_row(
                db,
                {
                    "run_id": run_id,
                    "submission_id": submission_id,
                    "coder": coder,
                    "theme_id": theme_id,
                },
            )
        )


def choices_by_coder(db: sqlite_utils.Database, run_id: str) -> dict[str, dict[str, str]]:
    """Each coder's theme for each submission they coded in the run ('-' for no theme):
    ``result[coder][submission id] = theme id``."""
    coded: dict[str, dict[str, str]] = {}
    for coder, submission_id, theme_id in db.execute(
        "SELECT coder, submission_id, COALESCE(theme_id, '-') FROM codings WHERE run_id = ?",
        [run_id],
    ):
        coded.setdefault(coder, {})[submission_id] = theme_id
    return coded


def has_codings(db: sqlite_utils.Database, run_id: str) -> bool:
    """Whether anyone has hand-coded a submission of the run."""
    return (
        db.execute("SELECT 1 FROM codings WHERE run_id = ? LIMIT 1", [run_id]).fetchone()
        is not None
    )
