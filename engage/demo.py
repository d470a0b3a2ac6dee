"""The demo consultation: a fresh database built from the bundled, fictional data in data/.

It lives in engage's home folder (ENGAGE_HOME), never in the user's own database.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.config import data_dir, demo_db_path
from engage.db import open_db, transaction
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.interactions import InteractionFields, add_interaction
from engage.db.sessions import SessionFields, link_to_survey_waves, log_session
from engage.db.settings import read_setting, write_setting
from engage.db.submissions import SubmissionDetails, add_submission
from engage.ids import utc_now
from engage.services.imports import ImportOptions, import_file
from engage.services.partner_files import import_partners

DEMO_OFFICE = "Northern and Eastern Ontario Regional Service Office"
YES = {"yes", "y", "true", "1", "oui"}
BUILT = "demo_built"  # the settings key a finished demo carries: when it was built

Say = Callable[[str], None]
Progress = Callable[[str, float], None]


def _rows(name: str) -> list[dict[str, str]]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(names: str) -> list[str]:
    return [n.strip() for n in (names or "").split(";") if n.strip()]


def fresh_demo_db(path: Path | None = None) -> sqlite_utils.Database:
    """An empty database at the demo path, replacing any earlier demo."""
    path = path or demo_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_db(path)
    with transaction(db):
        write_setting(db, "office", DEMO_OFFICE)
    return db


def existing_demo(path: Path | None = None) -> sqlite_utils.Database | None:
    """The demo database as its user left it, if one was built to the end (a build that was
    interrupted is not reopened: it would lack part of the demo)."""
    path = path or demo_db_path()
    if not path.is_file():
        return None
    db = open_db(path)
    if built_at(db) is None:
        db.close()
        return None
    return db


def built_at(db: sqlite_utils.Database) -> str | None:
    """When this demo database was built to the end (None if it never was)."""
    return read_setting(db, BUILT)


def build_demo(
    path: Path | None = None,
    say: Say = lambda _: None,
    *,
    theme: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Build the demo database: partners, sessions, the survey export and session notes;
    then (unless ``theme`` is False) theme it, draft recommendations and write its papers."""
    started = time.perf_counter()
    path = path or demo_db_path()
    db = fresh_demo_db(path)
    consultation = _consultation(db)
    partners = import_partners(db, data_dir() / "partners.csv")
    say(f"registered {partners['added']} partners and {partners['contacts']} contacts")
    interactions = [_interaction(db, row) for row in _rows("interactions.csv")]
    say(f"logged {len(interactions)} partner interactions")
    sessions = _sessions(db, consultation["id"])
    say(f"logged {len(sessions)} sessions")
    report = import_file(
        db, data_dir() / "survey_export.csv", consultation["id"], ImportOptions(channel="survey")
    )
    _link_survey_waves(db, report.import_id)
    say(f"imported {report.new} survey answers from {report.rows_read} responses")
    notes = _session_notes(db, consultation["id"], sessions)
    say(f"typed in {notes} session notes")
    result = {
        "db": db,
        "path": path,
        "consultation_id": consultation["id"],
        "partners": partners["added"],
        "sessions": len(sessions),
        "submissions": report.new + notes,
        "papers": [],
    }
    if theme:
        result.update(
            _theme_and_write(db, consultation["id"], path.parent / "papers", say, progress)
        )
    with transaction(db):
        write_setting(db, BUILT, utc_now())
    result["seconds"] = time.perf_counter() - started
    return result


def _theme_and_write(
    db: sqlite_utils.Database,
    consultation_id: str,
    papers_dir: Path,
    say: Say,
    progress: Progress | None,
) -> dict[str, Any]:
    """Theme the demo, draft recommendations for its top themes and write its papers."""
    # lazy: theming and the papers (jinja2, markdown) load only when the demo is built, so
    # reopening a built demo stays quick
    from engage.db.theme_runs import run_record
    from engage.db.themes import list_themes
    from engage.models import other_language_note
    from engage.papers.demo import draft_demo_recommendations, write_demo_papers
    from engage.services.theme import ThemeRequest, theme_consultation

    run_id = theme_consultation(db, ThemeRequest(consultation=consultation_id, progress=progress))
    themes = list_themes(db, run_id)
    say(f"themed the feedback into {len(themes)} themes")
    if note := other_language_note(run_record(db, run_id)["params"] or {}):
        say(note)
    drafted = draft_demo_recommendations(db, run_id)
    say(f"drafted {drafted} recommendations for the top themes")
    papers = write_demo_papers(db, consultation_id, run_id, papers_dir)
    return {"run_id": run_id, "themes": len(themes), "recommendations": drafted, "papers": papers}


def _consultation(db: sqlite_utils.Database) -> dict[str, Any]:
    spec = json.loads((data_dir() / "consultation.json").read_text(encoding="utf-8"))
    return add_consultation(
        db,
        ConsultationFields(
            title=spec["title"],
            purpose=spec.get("purpose"),
            program=spec.get("program"),
            questions=spec.get("questions"),
            opens_on=spec.get("opens_on"),
            closes_on=spec.get("closes_on"),
            status=spec.get("status", "closed"),
        ),
    )


def _interaction(db: sqlite_utils.Database, row: dict[str, str]) -> dict[str, Any]:
    return add_interaction(
        db,
        row["partner"],
        InteractionFields(
            occurred_on=row["date"],
            kind=row["kind"],
            summary=row["summary"],
            follow_up_due=row.get("follow_up_due") or None,
            follow_up_owner=row.get("follow_up_owner") or None,
        ),
    )


def _sessions(db: sqlite_utils.Database, consultation_id: str) -> dict[str, str]:
    ids = {}
    with transaction(db):
        for row in _rows("sessions.csv"):
            session = log_session(
                db,
                consultation_id,
                SessionFields(
                    held_on=row["date"],
                    kind=row["kind"],
                    channel=row["channel"],
                    community=row["community"],
                    location=row["location"],
                    facilitator=row["facilitator"],
                    attendance=int(row["attendance"]) if row["attendance"] else None,
                    accessibility_notes=row["accessibility_notes"],
                ),
                invited=_split(row["invited"]),
                attended=_split(row["attended"]),
            )
            ids[row["key"]] = session["id"]
    return ids


def _link_survey_waves(db: sqlite_utils.Database, import_id: str | None) -> None:
    """Each survey answer belongs to the survey wave (session) open when it was received."""
    with transaction(db):
        link_to_survey_waves(db, import_id)


def _session_notes(
    db: sqlite_utils.Database, consultation_id: str, sessions: dict[str, str]
) -> int:
    rows = _rows("session_notes.csv")
    with transaction(db):
        for row in rows:
            add_submission(
                db,
                consultation_id,
                row["text"],
                SubmissionDetails(
                    session=sessions[row["session"]],
                    partner=row["partner"] or None,
                    respondent_type=row["respondent_type"] or None,
                    question="Session notes",
                    consent_to_quote=row["consent_to_quote"].strip().lower() in YES,
                    satisfaction=int(row["satisfaction"]) if row["satisfaction"] else None,
                ),
            )
    return len(rows)
