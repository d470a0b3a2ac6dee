"""The domain's vocabulary: allowed values, one record per noun, and the dataclasses passed
between layers.

Each vocabulary and each noun's field list is defined here once: the database's checks,
the export columns, the CLI's help and the app's forms read them from here. A record holds
the fields a person gives a noun (and the record it belongs to); ``engage.db`` adds the
bookkeeping columns (``id``, ``office``, ``created_at``, ``updated_at``) and turns records
into rows and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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


# Columns every stored row has besides its noun's fields: ``id`` first, these last.
BOOKKEEPING = ("office", "created_at", "updated_at")
# A field so marked names the record a row belongs to, or is given when it is stored:
# it is set once and never edited.
_SET_ONCE = {"set_once": True}


def columns(record: type) -> tuple[str, ...]:
    """A record's field names, in order: the columns its rows hold besides bookkeeping."""
    return tuple(item.name for item in fields(record))


def editable(record: type) -> tuple[str, ...]:
    """The fields of a record a person may change after it is stored."""
    return tuple(item.name for item in fields(record) if not item.metadata.get("set_once"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Partner:
    """An organisation or group: ``kind`` one of ``PARTNER_KINDS``, ``relationship`` one of
    ``RELATIONSHIPS``, influence and interest 1-5 (the grid), ``sharing_consent`` one of
    ``SHARING_LEVELS``."""

    name: str
    kind: str
    sector: str | None = None
    community: str | None = None
    region: str | None = None
    relationship: str = "none"
    influence: int | None = None
    interest: int | None = None
    sharing_consent: str = "internal"
    notes: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """A person at a partner; personal data, shared only with their consent."""

    partner_id: str = field(metadata=_SET_ONCE)
    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    preferred_channel: str | None = None  # one of CHANNELS
    consent_to_share: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Interaction:
    """A dated touchpoint with a partner (``kind`` one of ``INTERACTION_KINDS``), and the
    follow-up it calls for."""

    partner_id: str = field(metadata=_SET_ONCE)
    occurred_on: str
    kind: str  # one of INTERACTION_KINDS
    summary: str
    follow_up_due: str | None = None
    follow_up_owner: str | None = None
    follow_up_done: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Consultation:
    """A question the office is asking the public (``status`` one of
    ``CONSULTATION_STATUSES``)."""

    title: str
    purpose: str | None = None
    program: str | None = None
    questions: str = "[]"  # a JSON list
    opens_on: str | None = None
    closes_on: str | None = None
    status: str = "open"


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    """One engagement event of a consultation (``kind`` one of ``SESSION_KINDS``,
    ``channel`` one of ``CHANNELS``)."""

    consultation_id: str = field(metadata=_SET_ONCE)
    held_on: str
    kind: str
    channel: str
    community: str | None = None
    location: str | None = None
    facilitator: str | None = None
    attendance: int | None = None
    accessibility_notes: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Submission:
    """One piece of feedback as stored: the text as given and as redacted, who and where it
    came from, and its source (file, row, the raw row as JSON so nothing is lost)."""

    consultation_id: str = field(metadata=_SET_ONCE)
    session_id: str | None = None
    partner_id: str | None = None
    organisation: str | None = None
    respondent_type: str | None = None  # one of RESPONDENT_TYPES
    community: str | None = None
    channel: str | None = None  # one of CHANNELS
    question: str | None = None
    received_at: str | None = None
    text_original: str = field(metadata=_SET_ONCE)
    text_redacted: str = field(metadata=_SET_ONCE)
    pii_kinds: str = field(default="[]", metadata=_SET_ONCE)
    consent_to_quote: bool = False
    satisfaction: int | None = None
    import_id: str | None = field(default=None, metadata=_SET_ONCE)
    source_file: str | None = field(default=None, metadata=_SET_ONCE)
    source_row: int | None = field(default=None, metadata=_SET_ONCE)
    source_key: str | None = field(default=None, metadata=_SET_ONCE)
    raw_json: str = field(default="{}", metadata=_SET_ONCE)
    status: str = "active"  # one of SUBMISSION_STATUSES


@dataclass(frozen=True, slots=True, kw_only=True)
class ThemeRecord:
    """A theme of a stored run as a person reviews it: its number, title, keyphrases,
    description, size and quoted submissions (``merged_into`` once merged away)."""

    run_id: str = field(metadata=_SET_ONCE)
    number: int = field(metadata=_SET_ONCE)
    label: str
    keyphrases: str = "[]"
    description: str | None = None
    size: int = 0
    quote_ids: str = "[]"
    merged_into: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Recommendation:
    """What the office will do about a theme, with a SMART KPI (indicator, baseline,
    measurable target, due date); ``priority`` one of ``RECOMMENDATION_PRIORITIES``,
    ``status`` one of ``RECOMMENDATION_STATUSES``."""

    consultation_id: str = field(metadata=_SET_ONCE)
    run_id: str | None = field(default=None, metadata=_SET_ONCE)
    number: int = field(metadata=_SET_ONCE)
    title: str
    text: str
    rationale: str | None = None
    priority: str = "medium"
    owner: str | None = None
    kpi_indicator: str | None = None
    kpi_baseline: str | None = None
    kpi_target: str | None = None
    kpi_due: str | None = None
    status: str = "proposed"
