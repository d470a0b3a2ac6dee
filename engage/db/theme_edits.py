"""Human edits to themes (rename, merge, move, mark unthemed), recorded so that the next run
of the same consultation can start from them."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from engage.db import records


def record_edit(
    db: sqlite_utils.Database,
    run_id: str,
    action: str,
    theme_id: str | None = None,
    submission_id: str | None = None,
    **details: Any,
) -> None:
    """Record one edit of run ``run_id`` (call it in the edit's own transaction)."""
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


def earlier_edits(
    db: sqlite_utils.Database, consultation_id: str, run_id: str
) -> list[dict[str, Any]]:
    """The edits made on the consultation's runs other than ``run_id``, oldest first; an
    edit's ``details`` (a label, the themes merged) read into a dict."""
    edits = list(
        db.query(
            "SELECT * FROM theme_edits WHERE consultation_id = ? AND run_id != ? "
            "ORDER BY created_at",
            [consultation_id, run_id],
        )
    )
    return [{**edit, "details": json.loads(edit["details"] or "{}")} for edit in edits]


def edits_count(db: sqlite_utils.Database, run_id: str) -> dict[str, int]:
    """How many edits of each kind (rename, merge, move, outlier) a run has had."""
    return dict(
        db.execute(
            "SELECT action, COUNT(*) FROM theme_edits WHERE run_id = ? GROUP BY action", [run_id]
        ).fetchall()
    )
