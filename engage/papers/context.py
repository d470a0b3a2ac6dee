"""Everything a paper template may show about a consultation, as plain dicts and lists.

``build_context`` reads the database once per paper; the templates only lay it out.
Submission text enters the context only as consented, redacted quotes (see findings).
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from engage.db import records
from engage.db.office import office_name
from engage.db.recommendations import list_recommendations, themes_answered
from engage.db.theme_runs import resolve_run
from engage.errors import UserError
from engage.ids import today
from engage.papers.findings import findings
from engage.papers.method import method
from engage.papers.participation import coverage, participation

STATUS_NAMES = {
    "proposed": "Proposed",
    "accepted": "Accepted",
    "in_progress": "In progress",
    "done": "Done",
    "declined": "Declined",
}
# Notes typed in at sessions are filed under this "question"; it is not one the public was asked.
NOTES_QUESTION = "session notes"


def build_context(
    db: sqlite_utils.Database, consultation: str, run_id: str | None = None
) -> dict[str, Any]:
    """The context of every paper about ``consultation`` and one of its theme runs
    (default: the latest)."""
    consultation_id = records.resolve(db, "consultations", consultation)
    run_id = resolve_run(db, run_id, consultation_id)
    if records.get(db, "theme_runs", run_id)["consultation_id"] != consultation_id:
        raise UserError("that theme run belongs to another consultation")
    found = findings(db, run_id)
    recommendations = recommendations_section(db, consultation_id, found["themes"])
    return {
        "office": office_name(db),
        "generated_on": today().isoformat(),
        "consultation": consultation_section(db, consultation_id),
        "participation": participation(db, consultation_id),
        "coverage": coverage(db, consultation_id),
        "themes": found["themes"],
        "top_themes": found["themes"][:3],
        "lowest_rated": rated_themes(found["themes"])[:3],
        "themed": found["themed"],
        "themed_total": found["total"],
        "unthemed": found["unthemed"],
        "crosstabs": found["crosstabs"],
        "quotes": found["quotes"],
        "recommendations": recommendations,
        "recommendation_summary": summarise(recommendations),
        "method": method(db, run_id),
    }


def rated_themes(themes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Themes with a mean satisfaction, least satisfied first."""
    rated = [t for t in themes if t["mean_satisfaction"] is not None]
    return sorted(rated, key=lambda t: (t["mean_satisfaction"], -t["size"]))


def consultation_section(db: sqlite_utils.Database, consultation_id: str) -> dict[str, Any]:
    row = records.get(db, "consultations", consultation_id)
    return {
        "id": row["id"],
        "ref": row["id"][:8],
        "title": row["title"],
        "purpose": row["purpose"] or "",
        "program": row["program"] or "",
        "questions": [
            q for q in json.loads(row["questions"] or "[]") if q and q.lower() != NOTES_QUESTION
        ],
        "opens_on": row["opens_on"],
        "closes_on": row["closes_on"],
        "status": row["status"],
    }


def recommendations_section(
    db: sqlite_utils.Database, consultation_id: str, themes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The consultation's recommendations in order, each with its KPI, status, themes and
    actions; each theme of the run learns which recommendations answer it."""
    rows = list_recommendations(db, consultation_id)
    by_theme = themes_answered(db, [r["id"] for r in rows])
    for theme in themes:
        theme["recommendations"] = [
            f"R{r['number']}" for r in rows if theme["id"] in by_theme.get(r["id"], ())
        ]
    return [_recommendation(row) for row in rows]


def _recommendation(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "ref": f"R{row['number']}",
        "number": row["number"],
        "title": row["title"],
        "text": row["text"],
        "rationale": row["rationale"] or "",
        "priority": row["priority"],
        "priority_name": row["priority"].capitalize(),
        "owner": row["owner"] or "",
        "indicator": row["kpi_indicator"] or "",
        "baseline": row["kpi_baseline"] or "",
        "target": row["kpi_target"] or "",
        "due": row["kpi_due"] or "",
        "status": row["status"],
        "status_name": STATUS_NAMES[row["status"]],
        "smart": row["smart"],
        "smart_gaps": row["smart_gaps"],
        "themes": row["theme_labels"],
        "actions": [
            {
                "on": action["acted_on"],
                "text": action["action"],
                "status_name": STATUS_NAMES.get(action["status"] or "", ""),
            }
            for action in row["actions"]
        ],
    }


def summarise(recommendations: list[dict[str, Any]]) -> dict[str, Any]:
    counts = {status: 0 for status in STATUS_NAMES}
    for rec in recommendations:
        counts[rec["status"]] += 1
    return {
        "total": len(recommendations),
        "by_status": [
            {"status": status, "name": STATUS_NAMES[status], "count": count}
            for status, count in counts.items()
            if count
        ],
        "smart": sum(1 for r in recommendations if r["smart"]),
        "not_smart": sum(1 for r in recommendations if not r["smart"]),
        "high": sum(1 for r in recommendations if r["priority"] == "high"),
        "with_actions": sum(1 for r in recommendations if r["actions"]),
    }
