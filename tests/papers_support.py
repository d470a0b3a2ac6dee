"""Builders for recommendation and paper tests: a small consultation with partners, sessions,
consented and unconsented feedback (some with personal information), and theme runs
stored directly as rows (no theming needed)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from engage.db import records, transaction
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.partners import add_partner
from engage.db.sessions import SessionFields, log_session
from engage.db.submissions import SubmissionDetails, add_submission, withdraw
from engage.ids import new_id

# Unconsented texts carry a marker that must never reach a paper.
SECRET = "UNCONSENTED-MARKER"
PII = ("jane.doe@example.com", "416-555-0199", "K1A 0B1", "130 692 544")

WAIT = [
    "The wait at the Sudbury counter was over two hours and there was nowhere to sit.",
    "Waiting two hours for a health card renewal is far too long for a working parent.",
    "The line moved slowly; only two wickets were open while the others sat empty.",
    "Please put up a screen that shows how long the wait is before we take a number.",
]
ONLINE = [
    "The online renewal form timed out twice and I had to start again from the start.",
    "The website would not accept my postal code so I could not book online at all.",
    "Online booking worked well for me and saved a trip into town, thank you.",
]
FRENCH = [
    "Service en français was not available at the counter when I visited in Hearst.",
    "The French forms were translated badly and were confusing for my parents to read.",
]


def small_consultation(db) -> dict:
    """A consultation with 4 partners, 3 sessions and 14 submissions (some unconsented,
    one withdrawn, some with PII), themed into 3 themes plus 1 unthemed submission."""
    consultation = add_consultation(
        db,
        ConsultationFields(
            title="Counter services review",
            purpose="To learn how residents experience our counters, phone line and website.",
            program="Service delivery",
            questions=["What should we change first?"],
            opens_on="2026-03-01",
            closes_on="2026-05-31",
            status="closed",
        ),
    )
    cid = consultation["id"]
    partners = _partners(db)
    _sessions(db, cid)
    ids = _consented_feedback(db, cid, partners)
    secret = [
        _submit(db, cid, f"{SECRET} my email is {PII[0]} and the wait was long", consent=False),
        _submit(db, cid, f"{SECRET} call me at {PII[1]}, the website kept failing", consent=False),
        _submit(db, cid, f"Consented: I live at K1A 0B1, SIN {PII[3]}; French service poor",
                consent=True),
        _submit(db, cid, f"{SECRET} withdrawn: the wait was awful", consent=True),
    ]  # fmt: skip
    withdraw(db, secret[3], "asked to be removed")
    unthemed = _submit(db, cid, "Parking near the centre is hard to find on weekdays.", True)
    themes = {
        "Wait times at the counter": (ids["wait"] + [secret[0], secret[3]], ["wait", "counter"]),
        "Online booking and forms": (ids["online"] + [secret[1]], ["online", "website"]),
        "French-language service": (ids["french"] + [secret[2]], ["french", "en français"]),
    }
    quote_ids = {"Wait times at the counter": [secret[0], secret[3]]}
    run_id = store_run(db, cid, themes, unthemed=[unthemed], quote_ids=quote_ids)
    return {"consultation": consultation, "run_id": run_id, "partners": partners,
            "secret_ids": secret}  # fmt: skip


def _consented_feedback(db, cid: str, partners: dict[str, str]) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {"wait": [], "online": [], "french": []}
    for key, texts in (("wait", WAIT), ("online", ONLINE), ("french", FRENCH)):
        for number, text in enumerate(texts):
            partner = partners["seniors"] if key == "french" and number == 0 else None
            channel = "online" if key == "online" else "in_person"
            ids[key].append(_submit(db, cid, text, True, 2 + number % 3, partner, channel))
    return ids


def _partners(db) -> dict[str, str]:
    spec = {
        "seniors": ("Northern Seniors' Coalition", "advocacy", "public"),
        "business": ("Valley Business Council", "business", "provincial"),
        "quiet": ("Quiet Hollow Food Bank", "community", "none"),
        "union": ("Counter Workers Local 12", "labour", "internal"),
    }
    return {
        key: add_partner(db, name=name, kind=kind, community="Sudbury", sharing_consent=consent)[
            "id"
        ]
        for key, (name, kind, consent) in spec.items()
    }


def _sessions(db, cid: str) -> None:
    log_session(
        db,
        cid,
        SessionFields(
            held_on="2026-03-10",
            kind="town_hall",
            channel="in_person",
            community="Sudbury",
            attendance=40,
        ),
        invited=["Northern Seniors' Coalition", "Quiet Hollow Food Bank"],
        attended=["Northern Seniors' Coalition"],
    )
    log_session(
        db,
        cid,
        SessionFields(
            held_on="2026-03-20",
            kind="focus_group",
            channel="online",
            community="Hearst",
            attendance=8,
        ),
        invited=["Valley Business Council", "Counter Workers Local 12"],
    )
    log_session(
        db,
        cid,
        SessionFields(
            held_on="2026-04-02",
            kind="survey_wave",
            channel="survey",
            community="Region-wide",
            attendance=120,
        ),
    )


def _submit(db, cid, text, consent, satisfaction=None, partner=None, channel="online") -> str:
    return add_submission(
        db,
        cid,
        text,
        SubmissionDetails(
            consent_to_quote=consent,
            satisfaction=satisfaction,
            partner=partner,
            channel=channel,
            community="Sudbury",
        ),
    )["id"]


def store_run(db, consultation_id: str, themes: dict, unthemed=(), quote_ids=None) -> str:
    """Store a theme run from {label: (submission ids, keyphrases)} as rows."""
    quote_ids = quote_ids or {}
    run_id = new_id()
    n_docs = sum(len(ids) for ids, _ in themes.values()) + len(unthemed)
    with transaction(db):
        db["theme_runs"].insert(_run_row(db, run_id, consultation_id, n_docs, len(themes),
                                         len(unthemed)))  # fmt: skip
        for number, (label, (ids, keyphrases)) in enumerate(themes.items(), start=1):
            theme_id = new_id()
            db["themes"].insert(records.new_row(db, {
                "id": theme_id, "run_id": run_id, "number": number, "label": label,
                "description": f"People say the {label.lower()} needs attention.",
                "keyphrases": json.dumps(keyphrases), "size": len(ids),
                "quote_ids": json.dumps(quote_ids.get(label, ids[:5]))}))  # fmt: skip
            _assign(db, run_id, ids, theme_id)
        _assign(db, run_id, list(unthemed), None)
    return run_id


def _run_row(db, run_id, consultation_id, n_docs, n_themes, n_unthemed) -> dict:
    return records.new_row(db, {
        "id": run_id, "consultation_id": consultation_id, "backend": "fast", "seed": 0,
        "params": json.dumps({"reducer": "pca", "min_cluster_size": 5}),
        "versions": json.dumps({"engage": "0.1.0", "bertopic": "0.17.4"}),
        "seconds": json.dumps({"embed": 0.5, "cluster": 0.2}), "n_docs": n_docs,
        "n_themes": n_themes, "unthemed_share": n_unthemed / max(n_docs, 1),
        "stability": 0.93, "campaigns": "[]", "status": "draft"})  # fmt: skip


def _assign(db, run_id: str, ids: list[str], theme_id: str | None) -> None:
    for rank, submission_id in enumerate(ids):
        db["assignments"].insert(
            records.new_row(
                db,
                {
                    "run_id": run_id,
                    "submission_id": submission_id,
                    "theme_id": theme_id,
                    "probability": None if theme_id is None else 0.9 - rank / 100,
                    "source": "model",
                },
            )
        )


TOPIC_LABELS = {
    "wait_times": ("Wait times at service centres", ["wait", "line", "hours waiting"]),
    "online_services": ("Online services and forms", ["online", "website", "form"]),
    "document_requirements": ("Documents and proof required", ["documents", "proof"]),
    "rural_access": ("Access for rural and remote communities", ["drive", "township"]),
    "phone_line": ("Phone line and call-backs", ["phone", "call", "hold"]),
    "accessibility": ("Accessibility of centres and services", ["accessible", "wheelchair"]),
    "staff_courtesy": ("Staff courtesy and helpfulness", ["staff", "helpful"]),
    "opening_hours": ("Opening hours", ["hours", "evening", "saturday"]),
    "french_language": ("French-language service", ["français", "french"]),
    "appointment_booking": ("Booking appointments", ["appointment", "booking"]),
    "kiosk_reliability": ("Self-serve kiosks", ["kiosk", "out of order"]),
}


def answer_key_run(db, consultation_id: str, data_dir: Path) -> str:
    """A theme run of the demo consultation made from its answer key (data/topics.csv):
    realistic themes without running the theming pipeline."""
    with (data_dir / "topics.csv").open(encoding="utf-8", newline="") as handle:
        key = list(csv.DictReader(handle))
    survey = {
        (str(r["source_row"]), r["question"]): r["id"]
        for r in db.query(
            "SELECT id, source_row, question FROM submissions WHERE source_file IS NOT NULL"
        )
    }
    notes = [
        r[0]
        for r in db.execute("SELECT id FROM submissions WHERE source_file IS NULL ORDER BY seq")
    ]
    themes: dict[str, tuple[list[str], list[str]]] = {}
    unthemed = []
    for row in key:
        if row["source"] == "survey_export":
            sid = survey.get((row["row"], row["question"]))
        else:
            sid = notes[int(row["row"]) - 1] if int(row["row"]) <= len(notes) else None
        if sid is None:
            continue
        if row["topic"] not in TOPIC_LABELS:
            unthemed.append(sid)
            continue
        label, phrases = TOPIC_LABELS[row["topic"]]
        themes.setdefault(label, ([], phrases))[0].append(sid)
    ordered = dict(sorted(themes.items(), key=lambda item: -len(item[1][0])))
    return store_run(db, consultation_id, ordered, unthemed=unthemed)
