"""Theming a consultation: select its active submissions, run the pipeline on their redacted
text, store the run with its themes and assignments, and carry the consultation's earlier
human edits and recommendations into it — one transaction, one audit entry."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from engage.db import audit, records
from engage.db.connection import transaction
from engage.db.embeddings import DatabaseEmbeddingCache
from engage.db.theme_runs import StoredRun, insert_run, select_submissions
from engage.errors import UserError
from engage.services.carry import carry_edits, carry_recommendations
from engage.theming import pipeline

Progress = Callable[[str, float], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class ThemeRequest:
    """A run of theming a person asks for: the consultation (id, prefix or title), only the
    answers to ``question`` if given, the backend, the seed, a forced number of themes
    (else chosen from the answers) and the progress callback."""

    consultation: str
    question: str | None = None
    backend: str = "fast"
    seed: int = 0
    n_themes: int | None = None
    progress: Progress | None = None


def theme_consultation(db: sqlite_utils.Database, request: ThemeRequest) -> str:
    """Theme the redacted text of a consultation; returns the new run's id."""
    started = time.perf_counter()
    consultation_id = records.resolve(db, "consultations", request.consultation)
    submissions = select_submissions(db, consultation_id, request.question)
    if not submissions:
        which = f" for question '{request.question}'" if request.question else ""
        raise UserError(f"no active submissions to theme in this consultation{which}")
    options = pipeline.ThemingOptions(
        backend=request.backend,
        seed=request.seed,
        n_themes=request.n_themes,
        embedding_cache=DatabaseEmbeddingCache(db),
        progress=request.progress,
    )
    result = pipeline.theme_texts([s["text_redacted"] for s in submissions], options)
    run = StoredRun(
        consultation_id=consultation_id,
        question=request.question,
        backend=request.backend,
        submissions=submissions,
        result=result,
        wall_seconds=time.perf_counter() - started,
    )
    return store_run(db, run)


def store_run(db: sqlite_utils.Database, run: StoredRun) -> str:
    """Store a theming run and carry the consultation's earlier edits and recommendations
    into it. Returns the run's id."""
    consultation_id, result = run.consultation_id, run.result
    with transaction(db):
        run_id = insert_run(db, run)
        carried = carry_edits(db, consultation_id, run_id)
        carry_recommendations(db, run_id)
        audit.record(
            db,
            "theme",
            "theme_runs",
            run_id,
            {
                "consultation_id": consultation_id,
                "backend": run.backend,
                "seed": result.seed,
                "n_themes": result.n_themes,
                "carried_edits": carried,
            },
        )
    return run_id
