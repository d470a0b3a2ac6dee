"""Theme runs: the submissions a run themes, a run stored with its themes, assignments and
preparation flags, and runs listed, found and read back."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import sqlite_utils

from engage.db import records
from engage.db.connection import transaction
from engage.db.office import office_name
from engage.errors import NoThemeRun
from engage.ids import new_id, utc_now

QUOTES_PER_THEME = 5


def select_submissions(
    db: sqlite_utils.Database, consultation_id: str, question: str | None = None
) -> list[dict[str, Any]]:
    """The active submissions of a consultation (or one of its questions), oldest first."""
    sql = (
        "SELECT id, text_redacted, consent_to_quote FROM submissions "
        "WHERE consultation_id = ? AND status = 'active'"
    )
    params: list[Any] = [consultation_id]
    if question:
        sql += " AND question = ?"
        params.append(question)
    return list(db.query(sql + " ORDER BY seq", params))


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredRun:
    """A theming result to store: the consultation (and question) it themed, the backend,
    the ``submissions`` whose redacted texts it was given (aligned with its assignments),
    and ``wall_seconds``, how long the run took as a person waited."""

    consultation_id: str
    question: str | None = None
    backend: str
    submissions: list[dict[str, Any]]
    result: Any
    wall_seconds: float | None = None


def insert_run(db: sqlite_utils.Database, run: StoredRun) -> str:
    """Store a theming run: the run, its themes, each submission's assignment and its
    preparation flags, as a draft; returns the run's id. Call it inside the transaction
    that also carries earlier edits into the run."""
    submissions, result, wall_seconds = run.submissions, run.result, run.wall_seconds
    run_id, now, office = new_id(), utc_now(), office_name(db)
    stamp = {"office": office, "created_at": now, "updated_at": now}
    with transaction(db):
        db["theme_runs"].insert(
            {
                "id": run_id,
                "consultation_id": run.consultation_id,
                "question": run.question,
                "backend": run.backend,
                "seed": result.seed,
                "params": json.dumps(result.params),
                "versions": json.dumps(result.versions),
                "seconds": json.dumps(result.seconds),
                "wall_seconds": None if wall_seconds is None else round(wall_seconds, 2),
                "n_docs": len(submissions),
                "n_themes": result.n_themes,
                "unthemed_share": result.unthemed_share,
                "stability": result.stability,
                "campaigns": json.dumps(
                    [{"id": c.id, "size": c.size, "example": c.example} for c in result.campaigns]
                ),
                "message": result.message or None,
                "status": "draft",
                **stamp,
            }
        )
        theme_ids = _store_themes(db, run_id, submissions, result, stamp)
        _store_assignments(db, run_id, run, theme_ids, stamp)
        _store_flags(db, submissions, result)
    return run_id


def _store_themes(db, run_id, submissions, result, stamp) -> dict[int, str]:
    theme_ids = {}
    for theme in result.themes:
        theme_ids[theme.id] = new_id()
        quotes = [
            submissions[i]["id"]
            for i in theme.representatives
            if submissions[i]["consent_to_quote"]
        ][:QUOTES_PER_THEME]
        db["themes"].insert(
            {
                "id": theme_ids[theme.id],
                "run_id": run_id,
                "number": theme.id,
                "label": theme.label,
                "description": theme.description or None,
                "keyphrases": json.dumps(theme.keyphrases),
                "size": theme.size,
                "quote_ids": json.dumps(quotes),
                "centroid": np.asarray(theme.centroid, dtype=np.float32).tobytes(),
                **stamp,
            }
        )
    return theme_ids


def _store_assignments(db, run_id, run, theme_ids, stamp) -> None:
    rows = (
        (
            new_id(),
            run_id,
            submission["id"],
            theme_ids.get(number),
            float(probability) if number in theme_ids else None,
            "model",
            stamp["office"],
            stamp["created_at"],
            stamp["updated_at"],
        )
        for submission, number, probability in zip(
            run.submissions, run.result.assignments, run.result.probabilities, strict=True
        )
    )
    db.conn.executemany(
        "INSERT INTO assignments (id, run_id, submission_id, theme_id, probability, source, "
        "office, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _store_flags(db, submissions, result) -> None:
    """Preparation flags on the submissions themselves (from the latest run)."""
    rows = []
    for submission, flag in zip(submissions, result.flags, strict=True):
        original = submissions[flag.duplicate_of]["id"] if flag.duplicate_of is not None else None
        campaign = f"campaign {flag.campaign}" if flag.campaign is not None else None
        rows.append((int(flag.non_answer), original, campaign, submission["id"]))
    db.conn.executemany(
        "UPDATE submissions SET non_answer = ?, duplicate_of = ?, campaign = ? WHERE id = ?", rows
    )


RUN_JSON_COLUMNS = ("params", "versions", "seconds", "campaigns")


def list_runs(db: sqlite_utils.Database, consultation: str | None = None) -> list[dict]:
    """Theme runs, newest first, with their figures as stored and as they stand after review
    (``themes_now``, ``unthemed_now``: merges and moves change them)."""
    where, params = "", []
    if consultation:
        where, params = (
            "WHERE consultation_id = ?",
            [records.resolve(db, "consultations", consultation)],
        )
    return list(
        db.query(
            f"""SELECT r.*,
                 (SELECT COUNT(*) FROM themes t
                  WHERE t.run_id = r.id AND t.merged_into IS NULL) AS themes_now,
                 (SELECT COUNT(*) FROM assignments a JOIN submissions s ON s.id = a.submission_id
                  WHERE a.run_id = r.id AND a.theme_id IS NULL AND s.status = 'active')
                  AS unthemed_now
               FROM theme_runs r {where} ORDER BY r.created_at DESC""",
            params,
        )
    )


def run_record(db: sqlite_utils.Database, run_id: str) -> dict[str, Any]:
    """A theme run as stored, its JSON columns read into values."""
    return with_values(records.get(db, "theme_runs", run_id))


def with_values(run: dict[str, Any]) -> dict[str, Any]:
    """The run row with its JSON columns (params, versions, seconds, campaigns) read."""
    return {**run, **{key: json.loads(run[key] or "null") for key in RUN_JSON_COLUMNS}}


def run_time(run: dict[str, Any]) -> float:
    """How long a run took as a person waited, in seconds; runs stored before that was
    recorded give the sum of their stages (which overlap a little)."""
    if run.get("wall_seconds") is not None:
        return float(run["wall_seconds"])
    seconds = run["seconds"]
    return float(
        sum((json.loads(seconds or "{}") if isinstance(seconds, str) else seconds).values())
    )


def resolve_run(
    db: sqlite_utils.Database, run: str | None = None, consultation: str | None = None
) -> str:
    """A run id from a run reference, else the latest run of the consultation (or of all)."""
    if run:
        return records.resolve(db, "theme_runs", run)
    runs = list_runs(db, consultation)
    if not runs:
        raise NoThemeRun("no theme run yet")
    return runs[0]["id"]


def latest_themed_consultation(db: sqlite_utils.Database) -> str | None:
    """The consultation themed most recently (None before any theme run)."""
    row = db.execute(
        "SELECT consultation_id FROM theme_runs ORDER BY created_at DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def preparation_counts(db: sqlite_utils.Database, run_id: str) -> tuple[int, int]:
    """How many of the run's submissions preparation flagged as non-answers, and as
    duplicates of another."""
    row = db.execute(
        """SELECT COALESCE(SUM(s.non_answer), 0), COUNT(s.duplicate_of)
           FROM assignments a JOIN submissions s ON s.id = a.submission_id
           WHERE a.run_id = ?""",
        [run_id],
    ).fetchone()
    return row[0], row[1]
