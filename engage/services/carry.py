"""Carrying a consultation's history into its new theme run: the human edits made on
earlier runs (rename, merge, move, mark unthemed) and the recommendations written on them.
Themes are matched across runs by the cosine similarity of their centroids; an edit or a
recommendation whose theme has no match in the new run stays where it was."""

from __future__ import annotations

from typing import Any

import numpy as np
import sqlite_utils

from engage.db.recommendations import earlier_in_scope, linked_themes, relink
from engage.db.theme_edits import earlier_edits
from engage.db.themes import centroid, centroids, merge_into, set_assignment, set_label

MATCH_SIMILARITY = 0.8


class ThemeMatcher:
    """Finds the theme of a new run whose centroid is closest to an old theme's."""

    def __init__(self, db: sqlite_utils.Database, run_id: str) -> None:
        self.db = db
        self.run_id = run_id
        found = centroids(db, run_id)
        self.ids = list(found)
        self.centroids = _unit(np.array(list(found.values()))) if found else None

    def match(self, old_theme_id: str | None) -> str | None:
        """The new run's theme that stands for ``old_theme_id`` (None: no close match)."""
        if self.centroids is None or not old_theme_id:
            return None
        vector = centroid(self.db, old_theme_id)
        if vector is None:
            return None
        old = _unit(vector[None, :])[0]
        if old.shape[0] != self.centroids.shape[1]:
            return None
        scores = self.centroids @ old
        best = int(np.argmax(scores))
        return self.ids[best] if scores[best] >= MATCH_SIMILARITY else None


def carry_edits(db: sqlite_utils.Database, consultation_id: str, run_id: str) -> int:
    """Apply the edits made on earlier runs of this consultation to run ``run_id``.
    Returns how many could be carried (an edit whose theme has no match is dropped)."""
    edits = earlier_edits(db, consultation_id, run_id)
    if not edits:
        return 0
    matcher = ThemeMatcher(db, run_id)
    carry = {
        "rename": _carry_rename,
        "merge": _carry_merge,
        "move": _carry_move,
        "outlier": _carry_outlier,
    }
    return sum(carry[edit["action"]](matcher, edit) for edit in edits)


def carry_recommendations(db: sqlite_utils.Database, run_id: str) -> int:
    """Point the recommendations written on an earlier run of the same scope (the whole
    consultation, or the same question) at the matching themes of run ``run_id``; a
    recommendation none of whose themes has a match keeps its links. Returns how many moved."""
    recommendations = earlier_in_scope(db, run_id)
    if not recommendations:
        return 0
    matcher = ThemeMatcher(db, run_id)
    moved = 0
    for rec_id in recommendations:
        matches = (matcher.match(theme_id) for theme_id in linked_themes(db, rec_id))
        matched = list(dict.fromkeys(m for m in matches if m is not None))
        if matched:
            relink(db, rec_id, run_id, matched)
            moved += 1
    return moved


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def _carry_rename(matcher: ThemeMatcher, edit: dict[str, Any]) -> int:
    target = matcher.match(edit["theme_id"])
    if not target:
        return 0
    set_label(matcher.db, target, edit["details"]["label"])
    return 1


def _carry_merge(matcher: ThemeMatcher, edit: dict[str, Any]) -> int:
    into = matcher.match(edit["theme_id"])
    others = {matcher.match(old) for old in edit["details"].get("merged", [])} - {None, into}
    if not into or not others:
        return 0
    merge_into(matcher.db, matcher.run_id, into, sorted(others))
    return 1


def _carry_move(matcher: ThemeMatcher, edit: dict[str, Any]) -> int:
    target = matcher.match(edit["theme_id"])
    if not target:
        return 0
    return set_assignment(matcher.db, matcher.run_id, edit["submission_id"], target)


def _carry_outlier(matcher: ThemeMatcher, edit: dict[str, Any]) -> int:
    return set_assignment(matcher.db, matcher.run_id, edit["submission_id"], None)
