"""Hand coding for the agreement check: a person picks a theme for a random sample of
submissions; Cohen's kappa says how far coder and model (and coders) agree."""

from __future__ import annotations

import random
from itertools import combinations
from typing import Any

import sqlite_utils

from engage.db import records
from engage.db.connection import transaction
from engage.db.themes import resolve_theme

NONE_FITS = "none"
FEW_CODINGS = 20  # below this many coded submissions, kappa says little


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


def agreement(db: sqlite_utils.Database, run_id: str) -> dict[str, Any]:
    """Kappa of each coder against the model's assignment, and between pairs of coders."""
    from engage.theming.metrics import cohen_kappa

    coded: dict[str, dict[str, str]] = {}
    for coder, submission_id, theme_id in db.execute(
        "SELECT coder, submission_id, COALESCE(theme_id, '-') FROM codings WHERE run_id = ?",
        [run_id],
    ):
        coded.setdefault(coder, {})[submission_id] = theme_id
    model = dict(
        db.execute(
            "SELECT submission_id, COALESCE(theme_id, '-') FROM assignments WHERE run_id = ?",
            [run_id],
        ).fetchall()
    )
    result: dict[str, Any] = {"coder_vs_model": {}, "between_coders": {}}
    for coder, choices in coded.items():
        ids = sorted(choices)
        result["coder_vs_model"][coder] = {
            "n": len(ids),
            "kappa": _kappa(
                cohen_kappa, [choices[i] for i in ids], [model.get(i, "-") for i in ids]
            ),
        }
    for first, second in combinations(sorted(coded), 2):
        shared = sorted(set(coded[first]) & set(coded[second]))
        if shared:
            result["between_coders"][f"{first} / {second}"] = {
                "n": len(shared),
                "kappa": _kappa(
                    cohen_kappa,
                    [coded[first][i] for i in shared],
                    [coded[second][i] for i in shared],
                ),
            }
    return result


def _kappa(cohen_kappa, first: list[str], second: list[str]) -> float | None:
    if not first:
        return None
    if first == second:
        return 1.0
    return round(float(cohen_kappa(first, second)), 3)
