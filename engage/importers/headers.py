"""Recognise what a column holds from its header, in English and some French.

Headers are compared folded: lowercase, without accents or punctuation, with
camelCase split (``EndDate`` reads as "end date"). A synonym either has to be the
whole header ("org", "source") or may appear inside a longer survey question
("Which *service centre* did you visit most recently?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engage.importers.values import fold

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True)
class Synonym:
    """A header phrase that names a field; ``anywhere`` lets it sit inside a longer header."""

    field: str
    phrase: str
    weight: int
    anywhere: bool


def _phrases(text: str) -> frozenset[str]:
    """Split "a|b|c" into its phrases."""
    return frozenset(text.split("|"))


# (field, weight, may sit inside a longer header, "phrase|phrase|...")
_TABLE = (
    (
        "partner",
        30,
        True,
        "organisation name|organization name|partner name|"
        "name of organisation|name of organization|nom de l organisme",
    ),
    ("partner", 20, True, "organisation|organization|partner|company|organisme|entreprise"),
    ("partner", 20, False, "org|group|agency|business name"),
    (
        "respondent_type",
        30,
        True,
        "respondent type|are you responding as|responding as|"
        "type of respondent|vous repondez en tant que|type de repondant|in what capacity",
    ),
    ("respondent_type", 20, True, "role"),
    ("respondent_type", 20, False, "respondent|i am a|capacity"),
    (
        "community",
        30,
        True,
        "community|service centre|service center|municipality|communaute|collectivite|municipalite",
    ),
    ("community", 20, True, "city|town|location|ville|office location"),
    ("community", 15, False, "office|site|centre|center|lieu"),
    (
        "postal_area",
        30,
        True,
        "first three characters of your postal code|postal code|"
        "postcode|fsa|forward sortation area|code postal",
    ),
    ("postal_area", 20, False, "postal|zip|zip code"),
    ("channel", 30, True, "channel|canal|engagement method"),
    ("channel", 20, False, "source|method|mode|medium|how received"),
    (
        "received_at",
        30,
        True,
        "end date|submitted|date submitted|submission date|"
        "date received|received|submitted at|received at|date de soumission|date de reception",
    ),
    ("received_at", 25, True, "recorded date|completed|date completed|timestamp|horodatage"),
    ("received_at", 20, False, "date|datetime|created|created at"),
    ("received_at", 10, True, "start date"),
    (
        "satisfaction",
        30,
        True,
        "how satisfied|satisfaction|niveau de satisfaction|dans quelle mesure etes vous satisfait",
    ),
    ("satisfaction", 20, True, "rating|satisfied|satisfait"),
    ("satisfaction", 15, False, "score|stars"),
    # Consent to quote decides what appears in public papers: only phrases about quoting
    # may sit inside a longer question; a bare "Consent" header must be the whole header.
    (
        "consent_to_quote",
        30,
        True,
        "may we quote|can we quote|ok to quote|consent to quote|"
        "permission to quote|quote your comments|quote your|quoted|citer vos|consentement a citer",
    ),
    ("consent_to_quote", 20, False, "consent|permission|quote|consentement"),
    ("question", 30, False, "question|question asked|prompt"),
    ("session", 30, False, "session|session name|session id|event|event name|seance"),
)
SYNONYMS = [
    Synonym(field, phrase, weight, anywhere)
    for field, weight, anywhere, phrases in _TABLE
    for phrase in phrases.split("|")
]

TEXT_HINTS = _phrases(
    "comment|comments|feedback|response|responses|answer|answers|text|submission|"
    "what we heard|commentaire|commentaires|remarks|suggestions|suggestion|verbatim|"
    "open text|open ended|your feedback|your comments"
)
NOT_TEXT_WORDS = _phrases(
    "id|uuid|identifier|email|courriel|phone|telephone|address|adresse|name|nom|ip|url|"
    "link|status|language|langue|token|reference|ref|number|no|latitude|longitude|lat|lon|"
    "count"
)


def fold_header(header: str) -> str:
    """Fold a header for comparison: "EndDate" and "End date:" both become "end date"."""
    return fold(_CAMEL.sub(" ", header))


def header_matches(header: str) -> list[tuple[int, str]]:
    """Score each field a header may name (higher is surer); exact matches score highest."""
    folded = fold_header(header)
    padded = f" {folded} "
    best: dict[str, int] = {}
    for synonym in SYNONYMS:
        if folded == synonym.phrase:
            score = synonym.weight + 50
        elif synonym.anywhere and f" {synonym.phrase} " in padded:
            score = synonym.weight
        else:
            continue
        best[synonym.field] = max(best.get(synonym.field, 0), score)
    return sorted(((score, field) for field, score in best.items()), reverse=True)


def is_exact(score: int) -> bool:
    """True when a header score came from the whole header being a synonym."""
    return score >= 50


def is_text_hint(header: str) -> bool:
    """True when a header says it holds comments or feedback ("Comments", "Feedback")."""
    return fold_header(header) in TEXT_HINTS


def is_not_text_header(header: str) -> bool:
    """True for short headers that name ids, contact details or bookkeeping, never feedback."""
    words = fold_header(header).split()
    if not words or len(words) > 4:
        return False
    joined = " ".join(words)
    return any(word in NOT_TEXT_WORDS for word in words) or "e mail" in joined
