"""The agreement check: Cohen's kappa between each coder and the model's themes, and
between pairs of coders who coded the same submissions."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import sqlite_utils

from engage.db.codings import choices_by_coder
from engage.db.themes import assigned_themes
from engage.theming.metrics import cohen_kappa

FEW_CODINGS = 20  # below this many coded submissions, kappa says little


def agreement(db: sqlite_utils.Database, run_id: str) -> dict[str, Any]:
    """Kappa of each coder against the model's assignment, and between pairs of coders."""
    coded = choices_by_coder(db, run_id)
    model = assigned_themes(db, run_id)
    result: dict[str, Any] = {"coder_vs_model": {}, "between_coders": {}}
    for coder, choices in coded.items():
        ids = sorted(choices)
        result["coder_vs_model"][coder] = {
            "n": len(ids),
            "kappa": _kappa([choices[i] for i in ids], [model.get(i, "-") for i in ids]),
        }
    for first, second in combinations(sorted(coded), 2):
        shared = sorted(set(coded[first]) & set(coded[second]))
        if shared:
            result["between_coders"][f"{first} / {second}"] = {
                "n": len(shared),
                "kappa": _kappa(
                    [coded[first][i] for i in shared], [coded[second][i] for i in shared]
                ),
            }
    return result


def _kappa(first: list[str], second: list[str]) -> float | None:
    if not first:
        return None
    if first == second:
        return 1.0
    return round(float(cohen_kappa(first, second)), 3)
