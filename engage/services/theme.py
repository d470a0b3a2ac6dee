"""Theming a consultation: select its active submissions, run the pipeline on their redacted
text, store the run with its themes and assignments, and carry the consultation's earlier
human edits and recommendations into it — one transaction, one audit entry."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import sqlite_utils

from engage.db import audit, records
from engage.db.connection import transaction
from engage.db.embeddings import DatabaseEmbeddingCache
from engage.db.theme_runs import insert_run, select_submissions
from engage.errors import UserError
from engage.services.carry import carry_edits, carry_recommendations
from engage.theming import pipeline

Progress = Callable[[str, float], None]


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
    started = time.perf_counter()
    consultation_id = records.resolve(db, "consultations", consultation)
    submissions = select_submissions(db, consultation_id, question)
    if not submissions:
        which = f" for question '{question}'" if question else ""
        raise UserError(f"no active submissions to theme in this consultation{which}")
    options = pipeline.ThemingOptions(
        backend=backend,
        seed=seed,
        n_themes=n_themes,
        embedding_cache=DatabaseEmbeddingCache(db),
        progress=progress,
    )
    result = pipeline.theme_texts([s["text_redacted"] for s in submissions], options)
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
    """Store a ThemingResult for ``submissions`` (aligned with the texts it was given) and
    carry the consultation's earlier edits and recommendations into it; ``wall_seconds``:
    how long the run took from start to end, as a person waited. Returns the run's id."""
    with transaction(db):
        run_id = insert_run(
            db, consultation_id, question, backend, submissions, result, wall_seconds
        )
        carried = carry_edits(db, consultation_id, run_id)
        carry_recommendations(db, run_id)
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
