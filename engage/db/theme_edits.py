"""Human edits to themes (rename, merge, move, mark unthemed), recorded so that the next run
of the same consultation starts from them: themes are matched across runs by the cosine
similarity of their centroids. Recommendations follow their themes into the new run the
same way."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import sqlite_utils

from engage.db import records
from engage.ids import utc_now

MATCH_SIMILARITY = 0.8


def record_edit(
    db: sqlite_utils.Database,
    run_id: str,
    action: str,
    theme_id: str | None = None,
    submission_id: str | None = None,
    **details: Any,
) -> None:
    consultation_id = db.execute(
        "SELECT consultation_id FROM theme_runs WHERE id = ?", [run_id]
    ).fetchone()[0]
    row = records.new_row(
        db,
        {
            "consultation_id": consultation_id,
            "run_id": run_id,
            "action": action,
            "theme_id": theme_id,
            "submission_id": submission_id,
            "details": json.dumps(details, ensure_ascii=False),
        },
    )
    db["theme_edits"].insert(row)


def carry_edits(db: sqlite_utils.Database, consultation_id: str, run_id: str) -> int:
    """Apply the edits made on earlier runs of this consultation to run ``run_id``.
    Returns how many could be carried (an edit whose theme has no match is dropped)."""
    edits = list(
        db.query(
            "SELECT * FROM theme_edits WHERE consultation_id = ? AND run_id != ? "
            "ORDER BY created_at",
            [consultation_id, run_id],
        )
    )
    if not edits:
        return 0
    matcher = _ThemeMatcher(db, run_id)
    carried = 0
    for edit in edits:
        apply = {
            "rename": _carry_rename,
            "merge": _carry_merge,
            "move": _carry_move,
            "outlier": _carry_outlier,
        }[edit["action"]]
        carried += apply(db, run_id, edit, matcher)
    return carried


def carry_recommendations(db: sqlite_utils.Database, consultation_id: str, run_id: str) -> int:
    """Point the recommendations written on an earlier run of the same scope (the whole
    consultation, or the same question) at the matching themes of run ``run_id``; a
    recommendation none of whose themes has a match keeps its links. Returns how many moved."""
    from engage.db.recommendations import relink

    question = db.execute("SELECT question FROM theme_runs WHERE id = ?", [run_id]).fetchone()[0]
    recommendations = list(
        db.query(
            "SELECT r.id FROM recommendations r JOIN theme_runs t ON t.id = r.run_id "
            "WHERE r.consultation_id = ? AND r.run_id != ? AND t.question IS ?",
            [consultation_id, run_id, question],
        )
    )
    if not recommendations:
        return 0
    matcher = _ThemeMatcher(db, run_id)
    moved = 0
    for rec in recommendations:
        linked = [
            row[0]
            for row in db.execute(
                "SELECT theme_id FROM recommendation_themes WHERE recommendation_id = ? "
                "ORDER BY rowid",
                [rec["id"]],
            )
        ]
        matched = list(dict.fromkeys(m for m in map(matcher.match, linked) if m is not None))
        if matched:
            relink(db, rec["id"], run_id, matched)
            moved += 1
    return moved


class _ThemeMatcher:
    """Finds the theme of the new run whose centroid is closest to an old theme's."""

    def __init__(self, db: sqlite_utils.Database, run_id: str) -> None:
        self.db = db
        rows = list(
            db.query(
                "SELECT id, centroid FROM themes WHERE run_id = ? AND "
                "merged_into IS NULL AND centroid IS NOT NULL",
                [run_id],
            )
        )
        self.ids = [r["id"] for r in rows]
        self.centroids = (
            _unit(np.array([np.frombuffer(r["centroid"], dtype=np.float32) for r in rows]))
            if rows
            else None
        )

    def match(self, old_theme_id: str | None) -> str | None:
        if self.centroids is None or not old_theme_id:
            return None
        row = self.db.execute("SELECT centroid FROM themes WHERE id = ?", [old_theme_id]).fetchone()
        if not row or row[0] is None:
            return None
        old = _unit(np.frombuffer(row[0], dtype=np.float32)[None, :])[0]
        if old.shape[0] != self.centroids.shape[1]:
            return None
        scores = self.centroids @ old
        best = int(np.argmax(scores))
        return self.ids[best] if scores[best] >= MATCH_SIMILARITY else None


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def _carry_rename(db, run_id, edit, matcher) -> int:
    target = matcher.match(edit["theme_id"])
    if not target:
        return 0
    label = json.loads(edit["details"])["label"]
    db.execute(
        "UPDATE themes SET label = ?, updated_at = ? WHERE id = ?", [label, utc_now(), target]
    )
    return 1


def _carry_merge(db, run_id, edit, matcher) -> int:
    from engage.db.themes import merge_into

    details = json.loads(edit["details"])
    into = matcher.match(edit["theme_id"])
    others = {matcher.match(old) for old in details.get("merged", [])} - {None, into}
    if not into or not others:
        return 0
    merge_into(db, run_id, into, sorted(others))
    return 1


def _carry_move(db, run_id, edit, matcher) -> int:
    target = matcher.match(edit["theme_id"])
    if not target:
        return 0
    return _set_assignment(db, run_id, edit["submission_id"], target)


def _carry_outlier(db, run_id, edit, matcher) -> int:
    return _set_assignment(db, run_id, edit["submission_id"], None)


def _set_assignment(db, run_id: str, submission_id: str, theme_id: str | None) -> int:
    cursor = db.execute(
        "UPDATE assignments SET theme_id = ?, source = 'human', probability = NULL, "
        "updated_at = ? WHERE run_id = ? AND submission_id = ?",
        [theme_id, utc_now(), run_id, submission_id],
    )
    return cursor.rowcount
