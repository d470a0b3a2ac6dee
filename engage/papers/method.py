"""The appendix on method: how the themes were found and how far they can be trusted."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from engage.db import records
from engage.db.codings import has_codings
from engage.db.theme_runs import preparation_counts, run_time
from engage.db.themes import edits_count
from engage.models import other_language_note
from engage.services.agreement import agreement

BACKENDS = {
    "fast": "fast: static word embeddings distilled offline from all-MiniLM-L6-v2 (model2vec)",
    "quality": "quality: the all-MiniLM-L6-v2 sentence model (sentence-transformers)",
}
EDIT_NAMES = {
    "rename": "themes renamed",
    "merge": "themes merged",
    "move": "submissions moved to another theme",
    "outlier": "submissions marked unthemed",
}
# Parameters a reader of the appendix can make sense of, in the order they are shown.
PARAMETERS = {
    "reducer": "dimension reduction",
    "reduce_dims": "reduced dimensions",
    "clusterer": "clustering",
    "min_cluster_size": "smallest theme (texts)",
    "merge_similarity": "merge themes above similarity",
    "min_themes": "fewest themes",
    "max_themes": "most themes",
    "n_themes": "themes asked for",
    "n_fitted": "distinct texts fitted",
    "embedding_dim": "embedding dimensions",
}


def method(db: sqlite_utils.Database, run_id: str) -> dict[str, Any]:
    run = records.get(db, "theme_runs", run_id)
    params = json.loads(run["params"] or "{}")
    edits = edits_count(db, run_id)
    return {
        "run_id": run_id,
        "run_ref": run_id[:8],
        "run_created": run["created_at"],
        "run_status": run["status"],
        "question": run["question"],
        "backend": run["backend"],
        "backend_name": BACKENDS.get(run["backend"], run["backend"]),
        "model": params.get("backend"),
        "seed": run["seed"],
        "parameters": [
            {"name": name, "value": params[key]}
            for key, name in PARAMETERS.items()
            if params.get(key) is not None
        ],
        "n_docs": run["n_docs"],
        "n_themes": run["n_themes"],
        "stability": run["stability"],
        "unthemed_share": run["unthemed_share"],
        "seconds": round(run_time(run), 1),
        "campaigns": _campaigns(run),
        "preparation": _preparation(db, run_id),
        "edits": [
            {"name": EDIT_NAMES.get(action, action), "count": count}
            for action, count in sorted(edits.items())
        ],
        "edits_total": sum(edits.values()),
        "agreement": _agreement(db, run_id),
        "versions": [
            {"name": name, "version": version}
            for name, version in sorted(json.loads(run["versions"] or "{}").items())
        ],
        "message": run["message"] or "",
        "languages": other_language_note(params),
    }


def _campaigns(run: dict[str, Any]) -> dict[str, int]:
    """How many form-letter campaigns preparation found and how many texts they hold —
    never their text, which may come from someone who did not consent to quotation."""
    campaigns = json.loads(run["campaigns"] or "[]")
    return {"count": len(campaigns), "texts": sum(c.get("size", 0) for c in campaigns)}


def _preparation(db: sqlite_utils.Database, run_id: str) -> dict[str, int]:
    non_answers, duplicates = preparation_counts(db, run_id)
    return {"non_answers": non_answers, "duplicates": duplicates}


def _agreement(db: sqlite_utils.Database, run_id: str) -> list[dict[str, Any]]:
    """Cohen's kappa of each coder against the model and between coders."""
    if not has_codings(db, run_id):
        return []
    result = agreement(db, run_id)
    rows = [
        {"pair": f"{coder} and the model", **scores}
        for coder, scores in result["coder_vs_model"].items()
    ]
    rows += [{"pair": pair, **scores} for pair, scores in result["between_coders"].items()]
    return [row for row in rows if row.get("kappa") is not None]
