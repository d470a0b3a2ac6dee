"""Who took part in a consultation, as counted in the database: sessions and attendance by
channel, active submissions by channel or respondent type, communities, satisfaction
scores, and which registered partners were invited and heard from."""

from __future__ import annotations

from typing import Any

import sqlite_utils

# What a submission is counted by, and the value it counts under when nothing was recorded.
SUBMISSION_DIMENSIONS = {
    "channel": "COALESCE(channel, 'unknown')",
    "respondent_type": "COALESCE(respondent_type, 'not stated')",
}
# Partners that attended a session of the consultation or sent one of its submissions.
_HEARD = """SELECT partner_id FROM session_partners sp JOIN sessions se ON se.id = sp.session_id
    WHERE se.consultation_id = :c AND sp.attended = 1
    UNION SELECT partner_id FROM submissions
    WHERE consultation_id = :c AND status = 'active' AND partner_id IS NOT NULL"""
_INVITED = """SELECT partner_id FROM session_partners sp JOIN sessions se ON se.id = sp.session_id
    WHERE se.consultation_id = :c AND sp.invited = 1"""


def sessions_by_channel(db: sqlite_utils.Database, consultation_id: str) -> list[dict]:
    """Per channel: sessions, attendance counted, and sessions whose attendance was not."""
    return list(
        db.query(
            """SELECT channel AS value, COUNT(*) AS sessions,
                  COALESCE(SUM(attendance), 0) AS attendance,
                  SUM(attendance IS NULL) AS not_counted
           FROM sessions WHERE consultation_id = ? GROUP BY channel
           ORDER BY attendance DESC, sessions DESC, channel""",
            [consultation_id],
        )
    )


def session_dates(db: sqlite_utils.Database, consultation_id: str) -> tuple[str | None, ...]:
    """The first and last day a session of the consultation was held."""
    return tuple(
        db.execute(
            "SELECT MIN(held_on), MAX(held_on) FROM sessions WHERE consultation_id = ?",
            [consultation_id],
        ).fetchone()
    )


def received_dates(db: sqlite_utils.Database, consultation_id: str) -> tuple[Any, ...]:
    """When the active submissions came in: the first and last time recorded, and how many
    have no date."""
    return tuple(
        db.execute(
            "SELECT MIN(received_at), MAX(received_at), SUM(received_at IS NULL) "
            "FROM submissions WHERE consultation_id = ? AND status = 'active'",
            [consultation_id],
        ).fetchone()
    )


def withdrawn_count(db: sqlite_utils.Database, consultation_id: str) -> int:
    return db.execute(
        "SELECT COUNT(*) FROM submissions WHERE consultation_id = ? AND status = 'withdrawn'",
        [consultation_id],
    ).fetchone()[0]


def submissions_by(db: sqlite_utils.Database, consultation_id: str, dimension: str) -> list[dict]:
    """Active submissions counted by ``dimension`` (one of SUBMISSION_DIMENSIONS), most
    first: rows of ``value`` and ``count``."""
    return list(
        db.query(
            f"""SELECT {SUBMISSION_DIMENSIONS[dimension]} AS value, COUNT(*) AS count
            FROM submissions WHERE consultation_id = ? AND status = 'active'
            GROUP BY 1 ORDER BY 2 DESC, 1""",
            [consultation_id],
        )
    )


def communities(db: sqlite_utils.Database, consultation_id: str) -> list[dict]:
    """Each community with its sessions and active submissions, most submissions first."""
    return list(
        db.query(
            """SELECT name, SUM(sessions) AS sessions, SUM(submissions) AS submissions FROM (
             SELECT community AS name, COUNT(*) AS sessions, 0 AS submissions FROM sessions
             WHERE consultation_id = :c AND community IS NOT NULL GROUP BY community
             UNION ALL
             SELECT community, 0, COUNT(*) FROM submissions
             WHERE consultation_id = :c AND status = 'active' AND community IS NOT NULL
             GROUP BY community)
           GROUP BY name ORDER BY submissions DESC, sessions DESC, name""",
            {"c": consultation_id},
        )
    )


def satisfaction_counts(db: sqlite_utils.Database, consultation_id: str) -> list[tuple]:
    """(score, how many active submissions gave it), lowest score first."""
    return db.execute(
        """SELECT satisfaction, COUNT(*) FROM submissions WHERE consultation_id = ?
           AND status = 'active' AND satisfaction IS NOT NULL GROUP BY 1 ORDER BY 1""",
        [consultation_id],
    ).fetchall()


def partners_reached(db: sqlite_utils.Database, consultation_id: str) -> list[dict]:
    """Every registered partner with ``invited`` (to a session of the consultation) and
    ``heard`` (attended one, or sent a submission), by name."""
    return list(
        db.query(
            f"""SELECT id, name, kind, community, sharing_consent,
                  id IN ({_INVITED}) AS invited, id IN ({_HEARD}) AS heard
           FROM partners WHERE removed_at IS NULL ORDER BY name""",
            {"c": consultation_id},
        )
    )
