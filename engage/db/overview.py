"""The office at a glance: the aggregate figures a manager looks at first (counts,
participation, partner coverage, themes, recommendations), each one SQL query that stays fast
on hundreds of thousands of submissions."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlite_utils

from engage.db.themes import list_themes

TOP_COMMUNITIES = 8
RECENT_SESSIONS = 12


def overview(db: sqlite_utils.Database, today: str | None = None) -> dict[str, Any]:
    """Everything the dashboard shows, in one call (run it off the UI thread); follow-ups
    count as due on or before ``today`` (YYYY-MM-DD, default: today)."""
    return {
        "counts": counts(db, today or date.today().isoformat()),
        "recent_sessions": recent_sessions(db),
        "by_channel": submissions_by_channel(db),
        "by_community": submissions_by_community(db),
        "by_month": submissions_by_month(db),
        "undated": undated_submissions(db),
        "coverage": partner_coverage(db),
        "themes": latest_themes(db),
        "recommendations": recommendations_by_status(db),
    }


def counts(db: sqlite_utils.Database, today: str) -> dict[str, int]:
    """How many partners, consultations, sessions, people and submissions the office has,
    and how many follow-ups are due by ``today``."""
    row = db.execute(
        """SELECT
             (SELECT COUNT(*) FROM partners WHERE removed_at IS NULL),
             (SELECT COUNT(*) FROM consultations),
             (SELECT COUNT(*) FROM sessions),
             (SELECT COALESCE(SUM(attendance), 0) FROM sessions),
             (SELECT COUNT(*) FROM submissions WHERE status = 'active'),
             (SELECT COUNT(*) FROM submissions WHERE status = 'active' AND consent_to_quote = 1),
             (SELECT COUNT(*) FROM interactions
                WHERE follow_up_due IS NOT NULL AND NOT follow_up_done),
             (SELECT COUNT(*) FROM interactions
                WHERE follow_up_due <= ? AND NOT follow_up_done)""",
        [today],
    ).fetchone()
    names = (
        "partners",
        "consultations",
        "sessions",
        "attendance",
        "submissions",
        "quotable",
        "open_follow_ups",
        "follow_ups_due",
    )
    return dict(zip(names, row, strict=True))


def recent_sessions(db: sqlite_utils.Database, limit: int = RECENT_SESSIONS) -> list[dict]:
    return list(
        db.query(
            """SELECT s.id, s.held_on, s.kind, s.channel, s.community, s.attendance,
                 (SELECT COUNT(*) FROM session_partners sp
                    WHERE sp.session_id = s.id AND sp.attended) AS partners_attended
               FROM sessions s ORDER BY s.held_on DESC, s.created_at DESC LIMIT ?""",
            [limit],
        )
    )


def submissions_by_channel(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Active submissions per channel, most first."""
    return [
        tuple(row)
        for row in db.execute(
            """SELECT COALESCE(channel, 'unknown'), COUNT(*) FROM submissions
               WHERE status = 'active' GROUP BY channel ORDER BY 2 DESC, 1"""
        )
    ]


def submissions_by_community(
    db: sqlite_utils.Database, limit: int = TOP_COMMUNITIES
) -> list[tuple[str, int]]:
    """Active submissions per community, the ``limit`` largest."""
    return [
        tuple(row)
        for row in db.execute(
            """SELECT COALESCE(community, 'unknown'), COUNT(*) FROM submissions
               WHERE status = 'active' GROUP BY community ORDER BY 2 DESC, 1 LIMIT ?""",
            [limit],
        )
    ]


def submissions_by_month(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Active submissions per month received (YYYY-MM), oldest first; those whose date was
    not recorded are counted apart (``undated_submissions``), never as the day of entry."""
    return [
        tuple(row)
        for row in db.execute(
            """SELECT substr(received_at, 1, 7) AS month, COUNT(*)
               FROM submissions WHERE status = 'active' AND month IS NOT NULL
               GROUP BY month ORDER BY month"""
        )
    ]


def undated_submissions(db: sqlite_utils.Database) -> int:
    """Active submissions whose date was not recorded."""
    return db.execute(
        "SELECT COUNT(*) FROM submissions WHERE status = 'active' "
        "AND substr(received_at, 1, 7) IS NULL"  # as indexed (m012): the same rows
    ).fetchone()[0]


def partner_coverage(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every partner on the register with its influence and interest, whether it was invited,
    and whether it has been heard from (attended a session or made a submission)."""
    return list(
        db.query(
            """SELECT p.id, p.name, p.kind, p.influence, p.interest,
                 EXISTS (SELECT 1 FROM session_partners sp
                         WHERE sp.partner_id = p.id AND sp.invited) AS invited,
                 (EXISTS (SELECT 1 FROM session_partners sp
                          WHERE sp.partner_id = p.id AND sp.attended)
                  OR EXISTS (SELECT 1 FROM submissions s
                             WHERE s.partner_id = p.id AND s.status = 'active')) AS heard
               FROM partners p WHERE p.removed_at IS NULL
               ORDER BY COALESCE(p.influence, 0) + COALESCE(p.interest, 0) DESC,
                        p.name COLLATE NOCASE"""
        )
    )


def latest_themes(db: sqlite_utils.Database) -> dict[str, Any]:
    """The themes of the most recent theme run, by size (active submissions), with mean
    satisfaction (the figures the database keeps: m011)."""
    run = db.execute(
        """SELECT r.id, r.created_at, c.title FROM theme_runs r
           JOIN consultations c ON c.id = r.consultation_id
           ORDER BY r.created_at DESC LIMIT 1"""
    ).fetchone()
    if not run:
        return {"run_id": None, "consultation": None, "themes": []}
    themes = [
        {key: theme[key] for key in ("number", "label", "size", "mean_satisfaction")}
        for theme in list_themes(db, run[0])
        if theme["size"]
    ]
    return {"run_id": run[0], "consultation": run[2], "themes": themes}


def recommendations_by_status(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Recommendations per status (empty until recommendations exist)."""
    if "recommendations" not in db.table_names():
        return []
    return [
        tuple(row)
        for row in db.execute(
            "SELECT status, COUNT(*) FROM recommendations GROUP BY status ORDER BY 2 DESC, 1"
        )
    ]
