"""An office database holding the kinds of personal data a bundle must never let out, and
helpers to look for them byte by byte."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.contacts import ContactFields, add_contact
from engage.db.interactions import InteractionFields, add_interaction
from engage.db.partners import add_partner
from engage.db.sessions import SessionFields, log_session
from engage.db.submissions import SubmissionDetails, add_submission
from engage.services.imports import ImportOptions, import_file

# Planted personal details, each only in a place that must stay in the office.
ORIGINAL_PHONE = b"705-555-0142"  # a submission's original text (redacted: [PHONE])
RAW_ONLY = b"Rawonlymarker"  # a column of the imported file that is not imported
INTERACTION_PHONE = b"705-555-0105"  # an interaction summary (leaves redacted)
NOTES_EMAIL = b"quiet.tenant@example.org"  # a partner's notes (leaves redacted)
WITHHELD_PARTNER = b"Quiet Tenants Group"  # a partner whose consent is none
UNCONSENTED_EMAIL = b"bob.private@example.org"  # a contact without consent
PLANTED = (
    ORIGINAL_PHONE,
    RAW_ONLY,
    INTERACTION_PHONE,
    NOTES_EMAIL,
    WITHHELD_PARTNER,
    UNCONSENTED_EMAIL,
)


def build_office(db, folder: Path, answers: int = 30) -> dict:
    """Fill ``db`` with partners of every sharing level, contacts with and without consent,
    typed and imported submissions holding personal data, and return their ids."""
    consultation = add_consultation(
        db, ConsultationFields(title="Service centre review", opens_on="2026-03-01")
    )
    cid = consultation["id"]
    public = add_partner(
        db,
        name="Ottawa Seniors Network",
        kind="advocacy",
        sharing_consent="public",
        notes="Write to " + NOTES_EMAIL.decode(),
    )
    private = add_partner(
        db, name=WITHHELD_PARTNER.decode(), kind="community", sharing_consent="none"
    )
    add_contact(
        db,
        public["id"],
        ContactFields(name="Amina Yusuf", email="amina@example.org", consent_to_share=True),
    )
    add_contact(
        db, public["id"], ContactFields(name="Bob Private", email=UNCONSENTED_EMAIL.decode())
    )
    add_interaction(
        db,
        public["id"],
        InteractionFields(
            occurred_on="2026-03-01",
            kind="call",
            summary=f"call his cell {INTERACTION_PHONE.decode()}",
        ),
    )
    session = log_session(
        db,
        cid,
        SessionFields(held_on="2026-03-05", kind="town_hall", channel="in_person"),
        attended=["Ottawa Seniors Network", WITHHELD_PARTNER.decode()],
    )
    typed = add_submission(
        db,
        cid,
        f"Call me at {ORIGINAL_PHONE.decode()} about ramps",
        SubmissionDetails(partner=public["id"], session=session["id"]),
    )
    survey = folder / "survey.csv"
    with survey.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Comments", "Internal note"])
        for number in range(answers):
            writer.writerow([f"Answer {number}: reach me at 613-555-{number:04d}", "Rawonlymarker"])
    import_file(db, survey, cid, ImportOptions(overrides={"Internal note": "ignore"}))
    return {"consultation": cid, "public": public, "private": private, "typed": typed}


def files_hold(folder: Path, needles=PLANTED) -> list[bytes]:
    """The planted details found in any file of ``folder`` (and below)."""
    found = []
    blobs = [path.read_bytes() for path in folder.rglob("*") if path.is_file()]
    for needle in needles:
        if any(needle in blob for blob in blobs):
            found.append(needle)
    return found


def engage_cli(*args: str, db: Path, **kwargs) -> subprocess.Popen:
    """Start ``engage`` in another process (to kill it midway)."""
    return subprocess.Popen(
        [sys.executable, "-m", "engage", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
