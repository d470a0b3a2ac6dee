"""Who took part in a consultation: sessions and attendance by channel, submissions by
channel and community, partner kinds, and which invited partners have not been heard from."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage.db.participation import (
    communities,
    partners_reached,
    received_dates,
    satisfaction_counts,
    session_dates,
    sessions_by_channel,
    submissions_by,
    withdrawn_count,
)
from engage.papers.numbers import percentages

CHANNEL_NAMES = {
    "in_person": "In person",
    "phone": "Phone",
    "online": "Online",
    "survey": "Survey",
    "social": "Social media",
    "kiosk": "Kiosk",
    "mail": "Mail",
    "email": "Email",
    "unknown": "Not recorded",
}
# How a sentence says a submission came in: "85% came online", "10% came in person".
CHANNEL_PHRASES = {
    "in_person": "in person",
    "phone": "by phone",
    "online": "online",
    "survey": "through the survey",
    "social": "through social media",
    "kiosk": "at kiosks",
    "mail": "by mail",
    "email": "by email",
    "unknown": "by an unrecorded channel",
}
KIND_NAMES = {
    "community": "Community",
    "advocacy": "Advocacy",
    "business": "Business",
    "labour": "Labour",
    "government": "Government",
    "other": "Other",
    "individual / unaffiliated": "Individual / unaffiliated",
}


def channel_name(channel: str | None) -> str:
    return CHANNEL_NAMES.get(channel or "unknown", (channel or "unknown").replace("_", " "))


def kind_name(kind: str | None) -> str:
    return KIND_NAMES.get(kind or "other", (kind or "other").capitalize())


def participation(db: sqlite_utils.Database, consultation_id: str) -> dict[str, Any]:
    """Sessions, attendance and submissions by channel; communities; respondent types."""
    sessions = _sessions_by_channel(db, consultation_id)
    by_channel = _submissions_by(db, consultation_id, "channel")
    for row in by_channel:
        row["name"] = channel_name(row["value"])
        row["phrase"] = CHANNEL_PHRASES.get(row["value"], "by " + row["name"].lower())
    dates = session_dates(db, consultation_id)
    received = received_dates(db, consultation_id)
    return {
        "sessions": sum(row["sessions"] for row in sessions),
        "attendance": sum(row["attendance"] for row in sessions),
        "sessions_by_channel": sessions,
        "first_session": dates[0],
        "last_session": dates[1],
        # when submissions came in; one whose date was not recorded counts as such, never
        # as the day it was entered
        "first_received": (received[0] or "")[:10] or None,
        "last_received": (received[1] or "")[:10] or None,
        "date_not_recorded": received[2] or 0,
        "submissions": sum(row["count"] for row in by_channel),
        "withdrawn": withdrawn_count(db, consultation_id),
        "submissions_by_channel": by_channel,
        "communities": communities(db, consultation_id),
        "respondent_types": _submissions_by(db, consultation_id, "respondent_type"),
        "satisfaction": _satisfaction(db, consultation_id),
    }


def _sessions_by_channel(db: sqlite_utils.Database, consultation_id: str) -> list[dict]:
    rows = sessions_by_channel(db, consultation_id)
    for row in rows:
        row["name"] = channel_name(row["value"])
    return rows


def _submissions_by(db: sqlite_utils.Database, consultation_id: str, dimension: str) -> list[dict]:
    rows = submissions_by(db, consultation_id, dimension)
    for row, share in zip(rows, percentages([r["count"] for r in rows]), strict=True):
        row["share_pct"] = share
        row.setdefault("name", str(row["value"]).replace("_", " ").capitalize())
    return rows


def _satisfaction(db: sqlite_utils.Database, consultation_id: str) -> dict[str, Any]:
    rows = satisfaction_counts(db, consultation_id)
    rated = sum(count for _, count in rows)
    counts = dict(rows)
    mean = sum(score * count for score, count in rows) / rated if rated else None
    shares = percentages([counts.get(score, 0) for score in range(1, 6)])
    return {
        "rated": rated,
        "mean": round(mean, 2) if mean is not None else None,
        "distribution": [
            {"score": score, "count": counts.get(score, 0), "share_pct": share}
            for score, share in zip(range(1, 6), shares, strict=True)
        ],
        "satisfied_pct": shares[3] + shares[4] if rated else None,
        "dissatisfied_pct": shares[0] + shares[1] if rated else None,
    }


def coverage(db: sqlite_utils.Database, consultation_id: str) -> dict[str, Any]:
    """Partners invited against partners heard from (attended a session or sent a
    submission), by kind, and the invited partners not heard from yet. Partners who did not
    consent to any sharing of their data are counted but never named."""
    partners = partners_reached(db, consultation_id)
    invited = [p for p in partners if p["invited"]]
    waiting = [p for p in invited if not p["heard"]]
    named = [p for p in waiting if p["sharing_consent"] != "none"]
    heard = [p for p in partners if p["heard"]]
    return {
        "registered": len(partners),
        "invited": len(invited),
        "heard": len(heard),
        "invited_heard": len(invited) - len(waiting),
        "heard_uninvited": sum(1 for p in heard if not p["invited"]),
        "not_invited": sum(1 for p in partners if not p["invited"] and not p["heard"]),
        "heard_pct": round(100 * (len(invited) - len(waiting)) / len(invited)) if invited else 0,
        "not_heard": [_partner(p) for p in named],
        "not_heard_count": len(waiting),
        "not_heard_unnamed": len(waiting) - len(named),
        "heard_public": [p["name"] for p in heard if p["sharing_consent"] == "public"],
        "by_kind": _coverage_by_kind(partners),
    }


def _partner(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": row["name"],
        "kind": kind_name(row["kind"]),
        "community": row["community"] or "",
    }


def _coverage_by_kind(partners: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kinds: dict[str, dict[str, Any]] = {}
    for partner in partners:
        row = kinds.setdefault(
            partner["kind"],
            {"name": kind_name(partner["kind"]), "registered": 0, "invited": 0, "heard": 0},
        )
        row["registered"] += 1
        row["invited"] += int(bool(partner["invited"]))
        row["heard"] += int(bool(partner["heard"]))
    return sorted(kinds.values(), key=lambda r: (-r["registered"], r["name"]))
