"""The domain's vocabulary: allowed values and the dataclasses passed between layers.

Each vocabulary is defined here once: the database's checks, the CLI's help and the app's
forms read it from here. Each noun's fields are in ``engage.schema``. These are not
database rows; ``engage.db`` turns them into rows and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PARTNER_KINDS = ("community", "advocacy", "business", "labour", "government", "other")
RELATIONSHIPS = ("partnership", "consultation", "contract", "none")
# Ordered from most to least restrictive: a partner shares as far as its level reaches.
SHARING_LEVELS = ("none", "internal", "provincial", "public")
CHANNELS = ("in_person", "phone", "online", "survey", "social", "kiosk", "mail", "email")
SESSION_KINDS = (
    "town_hall",
    "workshop",
    "focus_group",
    "interview",
    "survey_wave",
    "drop_in",
    "kiosk",
)
INTERACTION_KINDS = ("meeting", "call", "email", "event", "letter", "visit")
CONSULTATION_STATUSES = ("planned", "open", "closed")
SUBMISSION_STATUSES = ("active", "withdrawn")
RESPONDENT_TYPES = ("individual", "organisation", "staff", "partner", "other")
RECOMMENDATION_PRIORITIES = ("high", "medium", "low")
RECOMMENDATION_STATUSES = ("proposed", "accepted", "in_progress", "done", "declined")
# The stages of a theming run, in order, as a person reads them in a progress display.
THEMING_STAGES = {
    "prepare": "Preparing answers (non-answers, duplicates, campaigns)",
    "embed": "Embedding answers",
    "reduce": "Reducing dimensions",
    "cluster": "Grouping answers",
    "outliers": "Placing outliers",
    "represent": "Naming themes",
    "stability": "Checking stability across seeds",
}


def other_language_note(params: dict[str, Any]) -> str:
    """How a bilingual run themed the answers in its second language ("" if it had none),
    from the run's parameters."""
    other, count = params.get("other_language"), params.get("n_other_language")
    if not other or not count:
        return ""
    main = "English" if other == "French" else "French"
    answers = "answer" if count == 1 else "answers"
    return (
        f"{count:,} {answers} in {other} joined the themes found in the {main} ones "
        "(nearest in meaning)"
    )


@dataclass
class SubmissionDraft:
    """One piece of feedback read from a file or typed in, before it is stored.

    ``row`` is the 1-based data record in the source (header not counted);
    ``row_hash`` identifies the source row so that importing a file twice adds nothing.
    """

    text: str
    row: int | None = None
    question: str | None = None
    partner_name: str | None = None
    respondent_type: str | None = None
    community: str | None = None
    channel: str | None = None
    received_at: str | None = None
    satisfaction: int | None = None
    consent_to_quote: bool = False
    raw: dict[str, Any] = field(default_factory=dict)
    row_hash: str | None = None


@dataclass
class BadRow:
    """A source row that cannot be imported, and why."""

    row: int
    reason: str
