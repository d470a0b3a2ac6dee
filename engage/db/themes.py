"""Reviewing themes: list and show them, rename, merge, move a submission, mark one
unthemed — every edit recorded for the next run — plus breakdowns by who said what."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import sqlite_utils

from engage.db import audit, records
from engage.db.connection import transaction
from engage.db.theme_edits import edits_count, record_edit
from engage.db.theme_runs import resolve_run
from engage.errors import NotFound, UserError
from engage.ids import utc_now

KEYPHRASES = 10  # a merged theme keeps this many of its parts' keyphrases
QUOTES = 10  # ... and of their quotes

BREAKDOWNS = {
    "partner_kind": "COALESCE(p.kind, 'individual / unaffiliated')",
    "channel": "COALESCE(s.channel, 'unknown')",
    "community": "COALESCE(s.community, 'unknown')",
}


def resolve_theme(db: sqlite_utils.Database, ref: str, run_id: str) -> str:
    """A theme of the run by its number (as listed) or by id prefix."""
    ref = str(ref).strip()
    if ref.lstrip("-").isdigit():
        row = db.execute(
            "SELECT id FROM themes WHERE run_id = ? AND number = ? AND merged_into IS NULL",
            [run_id, int(ref)],
        ).fetchone()
        if not row:
            raise NotFound(f"no theme {ref} in this run", "themes")
        return row[0]
    return records.resolve(db, "themes", ref, where=f"run_id = '{run_id}'")


def list_themes(db: sqlite_utils.Database, run_id: str) -> list[dict[str, Any]]:
    """Themes of a run ranked by size, with share of submissions and mean satisfaction (read
    from the figures the database keeps current: migration m011)."""
    rows = list(
        db.query(
            """SELECT t.id, t.number, t.label, t.description, t.keyphrases, t.quote_ids,
                  COALESCE(f.size, 0) AS size,
                  f.satisfaction_total / NULLIF(f.rated, 0) AS mean_satisfaction,
                  COALESCE(f.quotable, 0) AS quotable
           FROM themes t LEFT JOIN theme_figures f ON f.theme_id = t.id
           WHERE t.run_id = ? AND t.merged_into IS NULL
           ORDER BY size DESC, t.number""",
            [run_id],
        )
    )
    total = sum(row["size"] for row in rows) + unthemed_count(db, run_id)
    for row in rows:
        row["keyphrases"] = json.loads(row["keyphrases"])
        row["quote_ids"] = json.loads(row["quote_ids"])
        row["share"] = row["size"] / total if total else 0.0
        if row["mean_satisfaction"] is not None:
            row["mean_satisfaction"] = round(row["mean_satisfaction"], 2)
    return rows


def unthemed_count(db: sqlite_utils.Database, run_id: str) -> int:
    return db.execute(
        "SELECT COUNT(*) FROM assignments a JOIN submissions s ON s.id = a.submission_id "
        "WHERE a.run_id = ? AND a.theme_id IS NULL AND s.status = 'active'",
        [run_id],
    ).fetchone()[0]


def theme_detail(
    db: sqlite_utils.Database, ref: str, run_id: str, examples: int = 10
) -> dict[str, Any]:
    """One theme with its quotes (consented, redacted), examples and breakdowns."""
    theme_id = resolve_theme(db, ref, run_id)
    theme = next(t for t in list_themes(db, run_id) if t["id"] == theme_id)
    theme["quotes"] = (
        [
            dict(r)
            for r in db.query(
                f"""SELECT id, text_redacted FROM submissions WHERE id IN
            ({", ".join("?" for _ in theme["quote_ids"])}) AND consent_to_quote = 1
            AND status = 'active'""",
                theme["quote_ids"],
            )
        ]
        if theme["quote_ids"]
        else []
    )
    theme["examples"] = list(
        db.query(
            # the theme's first few assignments are chosen before any submission is read
            """SELECT s.id, s.text_redacted, a.probability, a.source FROM (
                SELECT submission_id, probability, source FROM assignments WHERE theme_id = ?
                ORDER BY source = 'human' DESC, probability DESC LIMIT ?
           ) a JOIN submissions s ON s.id = a.submission_id
           ORDER BY a.source = 'human' DESC, a.probability DESC""",
            [theme_id, examples],
        )
    )
    theme["breakdown"] = breakdown(db, run_id, theme_id)
    return theme


def breakdown(
    db: sqlite_utils.Database,
    run_id: str,
    theme_id: str | None = None,
    by: tuple[str, ...] = tuple(BREAKDOWNS),
) -> dict[str, dict[str, dict[str, int]]]:
    """Counts of submissions per theme label by partner kind, channel and community:
    ``result[dimension][theme label][value] = count``. One function for papers and the app."""
    where = "a.run_id = ? AND s.status = 'active'" + (" AND a.theme_id = ?" if theme_id else "")
    params = [run_id] + ([theme_id] if theme_id else [])
    partners = "LEFT JOIN partners p ON p.id = s.partner_id" if "partner_kind" in by else ""
    groups = ", ".join(str(n) for n in range(1, len(by) + 2))
    tallies: dict[str, dict[str, dict[str, int]]] = {dimension: {} for dimension in by}
    # one pass over the run's rows, however many dimensions are asked for
    for label, *values, count in db.execute(
        f"""SELECT COALESCE(t.label, 'Unthemed'), {", ".join(BREAKDOWNS[d] for d in by)}, COUNT(*)
            FROM assignments a JOIN submissions s ON s.id = a.submission_id {partners}
            LEFT JOIN themes t ON t.id = a.theme_id
            WHERE {where} GROUP BY {groups}""",
        params,
    ):
        for dimension, value in zip(by, values, strict=True):
            counts = tallies[dimension].setdefault(label, {})
            counts[value] = counts.get(value, 0) + count
    return {
        dimension: {
            label: dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
            for label, counts in sorted(table.items())
        }
        for dimension, table in tallies.items()
    }


def rename_theme(db: sqlite_utils.Database, run_id: str, ref: str, label: str) -> dict:
    theme_id = resolve_theme(db, ref, run_id)
    label = label.strip()
    if not label:
        raise UserError("a theme label cannot be empty")
    taken = db.execute(
        "SELECT number, label FROM themes WHERE run_id = ? AND id != ? AND merged_into IS NULL "
        "AND label = ? COLLATE NOCASE",
        [run_id, theme_id, label],
    ).fetchone()
    if taken:
        raise UserError(
            f"theme {taken[0]} is already called '{taken[1]}': merge the two, or choose another "
            "label"
        )
    with transaction(db):
        old = records.get(db, "themes", theme_id)["label"]
        db.execute(
            "UPDATE themes SET label = ?, updated_at = ? WHERE id = ?", [label, utc_now(), theme_id]
        )
        record_edit(db, run_id, "rename", theme_id=theme_id, label=label, previous=old)
        audit.record(db, "rename", "themes", theme_id, {"from": old, "to": label})
    return records.get(db, "themes", theme_id)


def merge_themes(
    db: sqlite_utils.Database, run_id: str, refs: list[str], label: str | None = None
) -> dict:
    """Merge the listed themes into the first one (optionally renaming it)."""
    ids = list(dict.fromkeys(resolve_theme(db, ref, run_id) for ref in refs))
    if len(ids) < 2:
        raise UserError("give at least two different themes to merge")
    into, others = ids[0], ids[1:]
    with transaction(db):
        merge_into(db, run_id, into, others)
        record_edit(db, run_id, "merge", theme_id=into, merged=others)
        audit.record(db, "merge", "themes", into, {"merged": others})
        if label:
            rename_theme(db, run_id, into, label)
    return records.get(db, "themes", into)


def merge_into(db: sqlite_utils.Database, run_id: str, into: str, others: list[str]) -> None:
    """Move the others' submissions into ``into``, which also takes their keyphrases and
    quotes after its own, and the recommendations and hand codings that answer them."""
    marks = ", ".join("?" for _ in others)
    now = utc_now()
    rows = {
        row["id"]: row
        for row in db.query(
            f"SELECT id, keyphrases, quote_ids FROM themes WHERE id IN (?, {marks})",
            [into, *others],
        )
    }
    ordered = [rows[theme_id] for theme_id in (into, *others)]
    keyphrases = _interleaved([json.loads(row["keyphrases"]) for row in ordered], KEYPHRASES)
    quotes = _interleaved([json.loads(row["quote_ids"]) for row in ordered], QUOTES)
    db.execute(
        "UPDATE themes SET keyphrases = ?, quote_ids = ? WHERE id = ?",
        [json.dumps(keyphrases), json.dumps(quotes), into],
    )
    db.execute(
        f"UPDATE assignments SET theme_id = ?, updated_at = ? WHERE run_id = ? "
        f"AND theme_id IN ({marks})",
        [into, now, run_id, *others],
    )
    db.execute(
        f"UPDATE themes SET merged_into = ?, updated_at = ? WHERE id IN ({marks})",
        [into, now, *others],
    )
    db.execute(
        f"UPDATE codings SET theme_id = ?, updated_at = ? WHERE theme_id IN ({marks})",
        [into, now, *others],
    )
    _follow_merge(db, into, others, now)


def _follow_merge(db: sqlite_utils.Database, into: str, others: list[str], now: str) -> None:
    """Recommendations answering a merged theme answer the theme it was merged into (once,
    however many of its themes were merged): none points at a theme that is gone."""
    marks = ", ".join("?" for _ in others)
    moved = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT recommendation_id FROM recommendation_themes "
            f"WHERE theme_id IN ({marks})",
            others,
        )
    ]
    if not moved:
        return
    db.execute(
        f"UPDATE OR IGNORE recommendation_themes SET theme_id = ?, updated_at = ? "
        f"WHERE theme_id IN ({marks})",
        [into, now, *others],
    )
    db.execute(f"DELETE FROM recommendation_themes WHERE theme_id IN ({marks})", others)
    for recommendation_id in moved:
        db.execute(
            "UPDATE recommendations SET updated_at = ? WHERE id = ?", [now, recommendation_id]
        )
        audit.record(
            db, "relink", "recommendations", recommendation_id, {"from": others, "to": [into]}
        )


def _interleaved(lists: list[list[str]], limit: int) -> list[str]:
    """The first of each list, then the second of each..., without repeats."""
    merged: list[str] = []
    for position in range(max((len(items) for items in lists), default=0)):
        for items in lists:
            if position < len(items) and items[position] not in merged:
                merged.append(items[position])
    return merged[:limit]


def move_submission(
    db: sqlite_utils.Database, run_id: str, submission: str, theme: str | None
) -> None:
    """Put a submission in another theme (or, with theme None, mark it unthemed); it stops
    being a quote of the theme it leaves."""
    submission_id = records.resolve(db, "submissions", submission)
    theme_id = resolve_theme(db, theme, run_id) if theme is not None else None
    with transaction(db):
        _drop_quote(db, run_id, submission_id)
        if set_assignment(db, run_id, submission_id, theme_id) == 0:
            raise UserError("that submission is not part of this theme run")
        action = "move" if theme_id else "outlier"
        record_edit(db, run_id, action, theme_id=theme_id, submission_id=submission_id)
        audit.record(db, action, "assignments", submission_id, {"theme_id": theme_id})


def _drop_quote(db: sqlite_utils.Database, run_id: str, submission_id: str) -> None:
    row = db.execute(
        "SELECT t.id, t.quote_ids FROM assignments a JOIN themes t ON t.id = a.theme_id "
        "WHERE a.run_id = ? AND a.submission_id = ?",
        [run_id, submission_id],
    ).fetchone()
    if row and submission_id in json.loads(row[1]):
        kept = [quote for quote in json.loads(row[1]) if quote != submission_id]
        db.execute("UPDATE themes SET quote_ids = ? WHERE id = ?", [json.dumps(kept), row[0]])


def set_label(db: sqlite_utils.Database, theme_id: str, label: str) -> None:
    """Give a theme a label (an earlier run's rename carried into a new run)."""
    db.execute(
        "UPDATE themes SET label = ?, updated_at = ? WHERE id = ?", [label, utc_now(), theme_id]
    )


def set_assignment(
    db: sqlite_utils.Database, run_id: str, submission_id: str, theme_id: str | None
) -> int:
    """Put a submission of the run in theme ``theme_id`` (None: unthemed) by a person's
    choice; returns 1, or 0 if the submission is not part of the run."""
    cursor = db.execute(
        "UPDATE assignments SET theme_id = ?, source = 'human', probability = NULL, "
        "updated_at = ? WHERE run_id = ? AND submission_id = ?",
        [theme_id, utc_now(), run_id, submission_id],
    )
    return cursor.rowcount


def centroids(db: sqlite_utils.Database, run_id: str) -> dict[str, np.ndarray]:
    """The centroid of each theme of the run still standing (not merged away), by id."""
    return {
        row["id"]: np.frombuffer(row["centroid"], dtype=np.float32)
        for row in db.query(
            "SELECT id, centroid FROM themes WHERE run_id = ? AND "
            "merged_into IS NULL AND centroid IS NOT NULL",
            [run_id],
        )
    }


def centroid(db: sqlite_utils.Database, theme_id: str) -> np.ndarray | None:
    """One theme's centroid (None if the theme or its centroid is unknown)."""
    row = db.execute("SELECT centroid FROM themes WHERE id = ?", [theme_id]).fetchone()
    if not row or row[0] is None:
        return None
    return np.frombuffer(row[0], dtype=np.float32)


def assigned_themes(db: sqlite_utils.Database, run_id: str) -> dict[str, str]:
    """The theme id each submission of the run sits in ('-' for unthemed), by submission."""
    return dict(
        db.execute(
            "SELECT submission_id, COALESCE(theme_id, '-') FROM assignments WHERE run_id = ?",
            [run_id],
        ).fetchall()
    )


__all__ = [
    "resolve_run",
    "list_themes",
    "theme_detail",
    "breakdown",
    "rename_theme",
    "merge_themes",
    "move_submission",
    "unthemed_count",
    "edits_count",
]


def quotable_members(db: sqlite_utils.Database, theme_id: str) -> list[dict[str, Any]]:
    """The theme's submissions a paper may quote (consented, active, an answer, not a
    duplicate), each with its probability of belonging to the theme."""
    return list(
        db.query(
            """SELECT s.id, s.text_redacted, s.consent_to_quote, s.status, s.campaign,
                  s.channel, a.probability
               FROM assignments a JOIN submissions s ON s.id = a.submission_id
               WHERE a.theme_id = ? AND s.consent_to_quote = 1 AND s.status = 'active'
                 AND s.non_answer = 0 AND s.duplicate_of IS NULL""",
            [theme_id],
        )
    )
