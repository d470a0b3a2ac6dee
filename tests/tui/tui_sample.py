"""A small office database whose every id and timestamp is fixed, so app snapshots are the same
on every run: partners, contacts and interactions, four sessions, typed-in notes and an
imported survey over four months, a theme run (from a tiny keyword themer) and two
recommendations."""

from __future__ import annotations

import contextlib
import csv
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np

from engage import ids
from engage.db import open_db
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.contacts import ContactFields, add_contact
from engage.db.interactions import InteractionFields, add_interaction
from engage.db.partners import add_partner
from engage.db.recommendations import add_recommendation
from engage.db.sessions import SessionFields, log_session
from engage.db.submissions import SubmissionDetails, add_submission
from engage.db.theme_runs import StoredRun, select_submissions
from engage.services.imports import ImportOptions, import_file
from engage.services.theme import store_run
from engage.theming.result import UNTHEMED, DocFlags, Theme, ThemingResult
from engage.theming.run import ThemingOptions

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
THEMES = {
    "Waiting times at the counter": ("wait", "queue", "hour"),
    "Online forms and booking": ("online", "website", "form", "booking"),
    "French-language service": ("french", "français", "bilingual"),
}
PARTNERS = [
    # name, kind, community, influence, interest, sharing consent
    ("Sudbury Seniors' Council", "community", "Sudbury", 4, 5, "provincial"),
    ("Timmins Chamber of Commerce", "business", "Timmins", 5, 3, "public"),
    ("Association des francophones du Nord", "advocacy", "Hearst", 3, 5, "internal"),
    ("Northern Transit Workers Local 12", "labour", "North Bay", 2, 4, "internal"),
    ("City of Greater Sudbury", "government", "Sudbury", 5, 4, "provincial"),
    ("Kingston Accessibility Committee", "advocacy", "Kingston", 3, 3, "public"),
    ("Cochrane Family Resource Centre", "community", "Cochrane", 2, 2, "none"),
    ("Pembroke Library Network", "other", "Pembroke", 1, 3, "internal"),
]
SESSIONS = [
    # date, kind, channel, community, attendance, invited, attended
    ("2026-03-10", "town_hall", "in_person", "Sudbury", 42, [0, 4, 5], [0, 4]),
    ("2026-03-24", "workshop", "online", "Timmins", 18, [1, 3], [1]),
    ("2026-04-14", "focus_group", "phone", "North Bay", 9, [2, 3], [2, 3]),
    ("2026-05-05", "kiosk", "kiosk", "Kingston", 31, [5], []),
]
NOTES = [
    # session, text, consent, satisfaction, partner
    (0, "The wait at the Sudbury counter was over two hours with nowhere to sit.", True, 2, 0),
    (0, "Staff were kind but the line barely moved all morning.", True, 3, None),
    (0, "Please show how long the wait is before we take a number.", False, 2, None),
    (0, "Online booking worked well and saved me a trip into town.", True, 5, 4),
    (1, "The online renewal form timed out twice and I had to start over.", True, 1, 1),
    (1, "Our members cannot find the booking page on the website.", True, 2, 1),
    (1, "Longer Saturday hours would help shift workers a lot.", False, None, None),
    (2, "Service en français was not available at the counter in Hearst.", True, 2, 2),
    (2, "The French forms are badly translated and confuse our parents.", True, 1, 2),
    (2, "Drivers lose a day's pay waiting in line for a licence renewal.", True, 2, 3),
    (3, "The kiosk printed my receipt but the screen was hard to read.", True, 3, None),
    (3, "A bilingual kiosk menu would make this much easier.", True, 4, None),
]


def fixed_ids() -> Callable[[], uuid.UUID]:
    rng = random.Random(20260302)
    return lambda: uuid.UUID(int=rng.getrandbits(128), version=4)


class TickingClock:
    """Stands in for engage's clock: every reading is one second after the last."""

    def __init__(self) -> None:
        self.ticks = 0

    def __call__(self) -> datetime:
        self.ticks += 1
        return START + timedelta(seconds=self.ticks)


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Fixed ids and timestamps for every row written inside."""
    namespace = mock.Mock(uuid4=fixed_ids())
    with mock.patch.object(ids, "uuid", namespace), mock.patch.object(ids, "clock", TickingClock()):
        yield


def keyword_themes(texts: list[str], options: ThemingOptions | None = None) -> ThemingResult:
    """A tiny, instant themer: a text belongs to the first theme whose keyword it contains."""
    progress = options.progress if options else None
    for stage in ("prepare", "embed", "reduce", "cluster", "outliers", "represent", "stability"):
        if progress:
            progress(stage, 0.0)
            progress(stage, 1.0)
    assignments = [_theme_of(text) for text in texts]
    themes = [
        Theme(
            id=number,
            label=label,
            keyphrases=list(words),
            size=assignments.count(number),
            representatives=[i for i, a in enumerate(assignments) if a == number][:3],
            centroid=np.eye(len(THEMES), dtype=np.float32)[number - 1],
        )
        for number, (label, words) in enumerate(THEMES.items(), start=1)  # numbered from 1
    ]
    return ThemingResult(
        assignments=assignments,
        probabilities=[0.0 if a == UNTHEMED else 0.9 for a in assignments],
        themes=[t for t in themes if t.size],
        flags=[DocFlags() for _ in texts],
        campaigns=[],
        params={"themer": "keywords"},
        seed=0,
        versions={},
        seconds={"cluster": 0.0},
        stability=1.0,
    )


def _theme_of(text: str) -> int:
    lowered = text.lower()
    for number, words in enumerate(THEMES.values(), start=1):
        if any(word in lowered for word in words):
            return number
    return UNTHEMED


def write_survey(path: Path) -> Path:
    """A survey-tool export: 16 answers over March to June."""
    answers = [
        "The wait was too long again",
        "Online form would not accept my postal code",
        "Great service, quick and friendly",
        "Need French service at the kiosk",
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Response ID",
                "End Date",
                "Service centre",
                "Satisfaction",
                "May we quote you?",
                "Comments",
            ]
        )
        for number in range(16):
            writer.writerow(
                [
                    f"R{number:03d}",
                    f"2026-{3 + number % 4:02d}-{10 + number:02d} 10:00",
                    ["Sudbury", "Timmins", "Kingston", "Hearst"][number % 4],
                    1 + number % 5,
                    "Yes" if number % 3 else "No",
                    f"{answers[number % 4]} ({number})",
                ]
            )
    return path


def build_sample_db(path: Path) -> dict[str, Any]:
    """Build the database at ``path``; returns the ids a test needs."""
    with frozen():
        db = open_db(path)
        consultation = add_consultation(
            db,
            ConsultationFields(
                title="Service centre review", opens_on="2026-03-01", closes_on="2026-06-30"
            ),
        )
        cid = consultation["id"]
        partners = [_partner(db, *row) for row in PARTNERS]
        _contacts_and_interactions(db, partners)
        sessions = [_session(db, cid, partners, *row) for row in SESSIONS]
        for session, text, consent, satisfaction, partner in NOTES:
            add_submission(
                db,
                cid,
                text,
                SubmissionDetails(
                    session=sessions[session],
                    partner=partners[partner] if partner is not None else None,
                    consent_to_quote=consent,
                    satisfaction=satisfaction,
                ),
            )
        import_file(
            db, write_survey(path.parent / "survey.csv"), cid, ImportOptions(channel="survey")
        )
        submissions = select_submissions(db, cid)
        run = StoredRun(
            consultation_id=cid,
            backend="fast",
            submissions=submissions,
            result=keyword_themes([s["text_redacted"] for s in submissions]),
        )
        run_id = store_run(db, run)
        _recommendations(db, cid)
    return {
        "db": db,
        "consultation": cid,
        "partners": partners,
        "sessions": sessions,
        "run_id": run_id,
    }


def _partner(db, name, kind, community, influence, interest, sharing) -> str:
    return add_partner(
        db,
        name=name,
        kind=kind,
        community=community,
        region="Northern Ontario",
        influence=influence,
        interest=interest,
        sharing_consent=sharing,
        relationship="consultation",
    )["id"]


def _contacts_and_interactions(db, partners: list[str]) -> None:
    add_contact(
        db,
        partners[0],
        ContactFields(
            name="Margaret Lavoie",
            role="Chair",
            email="chair@example.org",
            phone="705-555-0101",
            consent_to_share=True,
        ),
    )
    add_contact(
        db,
        partners[1],
        ContactFields(name="Dev Patel", role="Policy lead", email="dev@example.org"),
    )
    add_interaction(
        db,
        partners[0],
        InteractionFields(
            occurred_on="2026-02-20",
            kind="meeting",
            summary="Agreed to co-host the Sudbury town hall.",
            follow_up_due="2026-03-01",
            follow_up_owner="A. Officer",
        ),
    )
    add_interaction(
        db,
        partners[1],
        InteractionFields(
            occurred_on="2026-03-01", kind="call", summary="Invited members to the workshop."
        ),
    )


def _session(
    db, cid, partners, held_on, kind, channel, community, attendance, invited, attended
) -> str:
    return log_session(
        db,
        cid,
        SessionFields(
            held_on=held_on,
            kind=kind,
            channel=channel,
            community=community,
            attendance=attendance,
            facilitator="A. Officer",
        ),
        invited=[partners[i] for i in invited],
        attended=[partners[i] for i in attended],
    )["id"]


def _recommendations(db, cid: str) -> None:
    add_recommendation(
        db,
        cid,
        ["1"],
        title="Show live wait times",
        text="Put a live wait-time screen at every counter and online.",
        rationale="Waiting was the most common complaint.",
        priority="high",
        owner="Regional manager",
        kpi_indicator="Median wait at the counter (minutes)",
        kpi_baseline="95",
        kpi_target="45",
        kpi_due="2026-12-31",
        status="accepted",
    )
    add_recommendation(
        db,
        cid,
        ["2"],
        title="Fix the online renewal form",
        text="Let the form accept rural addresses and save progress.",
    )
