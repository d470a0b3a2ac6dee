"""The demo's recommendations and papers: realistic SMART recommendations drafted for the
largest themes of a run (from data/recommendations.json, matched to themes by the words of
their labels and keyphrases), then all three papers as Markdown and HTML."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.config import data_dir
from engage.db import records, transaction
from engage.db.recommendations import add_recommendation, record_action
from engage.db.themes import list_themes
from engage.ids import today
from engage.papers.context import build_context
from engage.papers.templates import BUILT_IN
from engage.papers.write import PaperOptions, write_paper

TOP_THEMES = 6
DAYS_PER_MONTH = 30.4


def draft_demo_recommendations(db: sqlite_utils.Database, run_id: str) -> int:
    """Draft a recommendation (with KPI, status and any actions already taken) for each of
    the run's largest themes; returns how many were drafted. One transaction."""
    spec = json.loads((data_dir() / "recommendations.json").read_text(encoding="utf-8"))
    run = records.get(db, "theme_runs", run_id)
    consultation = records.get(db, "consultations", run["consultation_id"])
    start = date.fromisoformat(consultation["closes_on"] or today().isoformat())
    themes = list_themes(db, run_id)[:TOP_THEMES]
    drafted = 0
    with transaction(db):
        for theme, entry in match_themes(themes, spec["recommendations"], spec["fallback"]):
            _draft(db, run, theme, entry, start)
            drafted += 1
    return drafted


def match_themes(
    themes: list[dict[str, Any]], entries: list[dict[str, Any]], fallback: dict[str, Any]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Each theme (largest first) with the unused recommendation whose keywords best match
    its label and keyphrases, or the fallback filled in for that theme."""
    unused = list(range(len(entries)))
    pairs = []
    for theme in themes:
        # Best score first; among equal scores, the entry listed first.
        ranked = sorted(unused, key=lambda index: (-_score(theme, entries[index]), index))
        if ranked and _score(theme, entries[ranked[0]]) > 0:
            unused.remove(ranked[0])
            pairs.append((theme, entries[ranked[0]]))
        else:
            pairs.append((theme, _fill(fallback, theme)))
    return pairs


def _score(theme: dict[str, Any], entry: dict[str, Any]) -> int:
    """Keyword hits in the label count twice as much as hits in the keyphrases."""
    label = theme["label"].lower()
    phrases = " ".join(theme["keyphrases"]).lower()
    score = 0
    for keyword in entry["keywords"]:
        pattern = re.compile(rf"(?<!\w){re.escape(keyword.lower())}(?!\w)")
        score += 2 * bool(pattern.search(label)) + bool(pattern.search(phrases))
    return score


def _fill(fallback: dict[str, Any], theme: dict[str, Any]) -> dict[str, Any]:
    satisfaction = theme.get("mean_satisfaction")
    values = {
        "label": theme["label"],
        "topic": theme["label"].split(" · ")[0].strip().lower(),
        "size": theme["size"],
        "share": round(100 * theme.get("share", 0)),
        "satisfaction": f"{satisfaction:.1f} / 5" if satisfaction is not None else "to be set",
    }
    return {
        key: value.format(**values) if isinstance(value, str) else value
        for key, value in fallback.items()
    }


def _draft(db, run: dict[str, Any], theme, entry, start: date) -> None:
    """Store the recommendation ``entry`` drafts for a theme of ``run``, due some months after
    ``start``, and the actions already taken on it."""
    due = start + timedelta(days=round(entry["due_months"] * DAYS_PER_MONTH))
    recommendation = add_recommendation(
        db,
        run["consultation_id"],
        [theme["id"]],
        run=run["id"],
        title=entry["title"],
        text=entry["text"],
        rationale=entry["rationale"],
        priority=entry["priority"],
        owner=entry["owner"],
        kpi_indicator=entry["indicator"],
        kpi_baseline=entry["baseline"],
        kpi_target=entry["target"],
        kpi_due=due.isoformat(),
        status=entry["status"],
    )
    for action in entry.get("actions", []):
        acted_on = start + timedelta(days=action["days"])
        if acted_on <= today():
            record_action(
                db,
                recommendation["id"],
                action["text"],
                acted_on=acted_on.isoformat(),
                status=action.get("status"),
            )


def write_demo_papers(
    db: sqlite_utils.Database, consultation_id: str, run_id: str, out_dir: str | Path
) -> list[Path]:
    """Write every built-in paper as .md and .html into ``out_dir`` (replacing earlier
    demo papers); returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    context = build_context(db, consultation_id, run_id)
    written = []
    for template in BUILT_IN:
        for fmt in ("md", "html"):
            path = out_dir / f"{template}.{fmt}"
            write_paper(
                db,
                consultation_id,
                template,
                path,
                PaperOptions(fmt=fmt, force=True, context=context),
            )
            written.append(path)
    return written
