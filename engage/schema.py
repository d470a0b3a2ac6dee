"""One schema per noun: the fields a person gives a partner, a contact, an interaction, a
consultation, a session, a submission, a theme and a recommendation, as typed records.

The database's column lists, the export columns and the CLI's detail views derive from
these records; the words a field may take are the vocabularies of ``engage.models``. A
record holds the fields a person gives a noun (and the record it belongs to);
``engage.db`` adds the bookkeeping columns (``id`` first, ``BOOKKEEPING`` last) and turns
records into rows and back.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, make_dataclass

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


def given_fields(record: type, name: str, leave_out: tuple[str, ...] = ()) -> type:
    """A record of what a person gives for a new ``record``: its editable fields (less
    ``leave_out``), with the same types and defaults; the record it belongs to is named
    apart, by id or name, and resolved by the writer."""
    given = [
        (item.name, item.type, field(default=item.default))
        if item.default is not MISSING
        else (item.name, item.type)
        for item in fields(record)
        if not item.metadata.get("set_once") and item.name not in leave_out
    ]
    made = make_dataclass(name, given, frozen=True, slots=True, kw_only=True)
    made.__doc__ = f"What a person gives for a new {record.__name__.lower()}."
    return made


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
