"""Theming a consultation: select its active submissions, run the pipeline, store the run,
its themes and assignments, and carry earlier human edits into it."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import sqlite_utils

from engage.db import audit, records
from engage.db.connection import transaction
from engage.db.embeddings import DatabaseEmbeddingCache
from engage.errors import UserError
from engage.ids import new_id, utc_now

QUOTES_PER_THEME = 5
Progress = Callable[[str, float], None]


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


def theme_consultation(
    db: sqlite_utils.Database,
    consultation: str,
    *,
    question: str | None = None,
    backend: str = "fast",
    seed: int = 0,
    n_themes: int | None = None,
    progress: Progress | None = None,
) -> str:
    """Theme the redacted text of a consultation; returns the new run's id."""
    from engage.theming.pipeline import ThemingOptions, theme_texts

    started = time.perf_counter()
    consultation_id = records.resolve(db, "consultations", consultation)
    submissions = select_submissions(db, consultation_id, question)
    if not submissions:
        which = f" for question '{question}'" if question else ""
        raise UserError(f"no active submissions to theme in this consultation{which}")
    options = ThemingOptions(
        backend=backend,
        seed=seed,
        n_themes=n_themes,
        embedding_cache=DatabaseEmbeddingCache(db),
        progress=progress,
    )
    result = theme_texts([s["text_redacted"] for s in submissions], options)
    wall = time.perf_counter() - started
    return store_run(db, consultation_id, question, backend, submissions, result, wall)


def store_run(
    db: sqlite_utils.Database,
    consultation_id: str,
    question: str | None,
    backend: str,
    submissions: list[dict[str, Any]],
    result: Any,
    wall_seconds: float | None = None,
) -> str:
    """Store a ThemingResult for ``submissions`` (aligned with the texts it was given);
    ``wall_seconds``: how long the run took from start to end, as a person waited."""
    from engage.db.theme_edits import carry_edits, carry_recommendations

    run_id, now, office = new_id(), utc_now(), records.office_name(db)
    stamp = {"office": office, "created_at": now, "updated_at": now}
    with transaction(db):
        db["theme_runs"].insert(
            {
                "id": run_id,
                "consultation_id": consultation_id,
                "question": question,
                "backend": backend,
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
        _store_assignments(db, run_id, submissions, result, theme_ids, stamp)
        _store_flags(db, submissions, result)
        carried = carry_edits(db, consultation_id, run_id)
        carry_recommendations(db, consultation_id, run_id)
        audit.record(
            db,
            "theme",
            "theme_runs",
            run_id,
            {
                "consultation_id": consultation_id,
                "backend": backend,
                "seed": result.seed,
                "n_themes": result.n_themes,
                "carried_edits": carried,
            },
        )
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


def _store_assignments(db, run_id, submissions, result, theme_ids, stamp) -> None:
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
            submissions, result.assignments, result.probabilities, strict=True
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
        raise UserError("no theme run yet: run 'engage theme CONSULTATION' first")
    return runs[0]["id"]


def latest_themed_consultation(db: sqlite_utils.Database) -> str | None:
    """The consultation themed most recently (None before any theme run)."""
    row = db.execute(
        "SELECT consultation_id FROM theme_runs ORDER BY created_at DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None
