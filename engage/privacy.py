"""Redaction of personal information and the consent rules for sharing and quoting.

Feedback is redacted on the way in: every email address, phone number, Canadian
postal code, social insurance number (SIN), Ontario health card number and street
address in a submission's text is replaced by a placeholder such as ``[PHONE]``.
Theming, exports and papers only ever see the redacted text.

Detection is a handful of precompiled regular expressions and runs on every
imported submission. Everything but an email address holds a digit, so text
without a digit and without an ``@`` is returned at once, and the patterns are
only tried around the digits a text has.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

from engage.errors import UserError
from engage.models import SHARING_LEVELS

__all__ = [
    "AUDIENCES",
    "PII_KINDS",
    "SHARING_LEVELS",
    "PiiMatch",
    "Redaction",
    "Redactor",
    "find_pii",
    "quotable",
    "redact",
    "shares_with",
]

PII_KINDS = ("EMAIL", "PHONE", "POSTAL_CODE", "SIN", "HEALTH_CARD", "ADDRESS")

# Audiences a partner's data can be shown to; "none" is a consent level, not an audience.
AUDIENCES = SHARING_LEVELS[1:]


@dataclass(frozen=True, slots=True)
class PiiMatch:
    """One piece of personal information found in a text: its kind and where it is."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Redaction:
    """A submission's text with personal information replaced by placeholders.

    ``kinds`` lists, sorted and without repeats, the kinds of information removed.
    """

    text: str
    kinds: tuple[str, ...]


# --- Patterns -------------------------------------------------------------------
# Digits are spelled [0-9] so that other scripts' digits never count as a number.
# Spaces inside a match are bounded (\s{0,3}) so that every match starts within a
# few characters of its first digit, which is what makes the search fast.

_EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])"

# Ontario health card: 4-3-3 digits with an optional two-letter version code, or
# ten plain digits that carry a version code (without one they read as a phone).
_HEALTH_CARD_PATTERN = (
    r"(?<![0-9])(?:"
    r"[0-9]{4}[ -][0-9]{3}[ -][0-9]{3}(?![0-9])(?:[ -]?[A-Z]{2}(?![A-Za-z0-9]))?"
    r"|[0-9]{10}[ -]?[A-Z]{2}(?![A-Za-z0-9])"
    r")"
)

# Social insurance number: nine digits, 3-3-3; the Luhn check is applied afterwards.
_SIN_PATTERN = r"(?<![0-9])[1-79][0-9]{2}[ -]?[0-9]{3}[ -]?[0-9]{3}(?![0-9])"

# North American phone number, with optional country code and extension.
_PHONE_PATTERN = (
    r"(?<![0-9])(?:\+?1[ .-]?)?"
    r"(?:\([0-9]{3}\)[ .-]?|[0-9]{3}[ .-]?)[0-9]{3}[ .-]?[0-9]{4}(?![0-9])"
    r"(?:\s{0,3},?\s{0,3}(?i:extension|ext\.?|x)\s{0,3}[0-9]{1,6}(?![0-9]))?"
)

# Canadian postal code: letter-digit-letter digit-letter-digit, in either case.
_POSTAL_CODE_PATTERN = (
    r"(?<![A-Za-z0-9])"
    r"(?i:[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?-? ?[0-9][ABCEGHJ-NPRSTV-Z][0-9])"
    r"(?![A-Za-z0-9])"
)

_STREET_TYPES = (
    "Street", "St", "Avenue", "Ave", "Road", "Rd", "Drive", "Dr", "Boulevard", "Blvd",
    "Crescent", "Cres", "Court", "Ct", "Lane", "Ln", "Way", "Place", "Pl", "Trail", "Trl",
    "Parkway", "Pkwy", "Circle", "Cir", "Terrace", "Square", "Highway", "Hwy", "Line",
    "Sideroad", "Concession",
)  # fmt: skip
# Rural roads that are named by a number: "4321 Highway 7", "1234 Concession 5".
_NUMBERED_ROADS = ("Highway", "Hwy", "Concession", "Line", "Sideroad", "County Road")
_DIRECTIONS = ("North", "South", "East", "West", "N", "S", "E", "W")


def _either_case(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` as written and in capitals, longest first."""
    spellings = sorted({*words, *(word.upper() for word in words)}, key=len, reverse=True)
    return "|".join(re.escape(spelling) for spelling in spellings)


# Words that come before the first digit of an address: "Unit 4, 120 ...", "PO Box 12".
_UNIT_WORD = r"(?i:unit|suite|apt\.?|apartment)"
_PO_BOX_WORDS = r"(?i:p\.?\s?o\.?\s{0,3}box|post\s{1,3}office\s{1,3}box)"
_RURAL_ROUTE_WORDS = r"(?:R\.?R\.?|[Rr]ural\s{1,3}[Rr]oute)"
# The longest lead-in, "post   office   box   #   ", is 26 characters.
_LONGEST_LEAD_IN = 32

_UNIT = (
    rf"(?:{_UNIT_WORD}\s{{0,3}}#?|#)\s{{0,3}}[0-9]{{1,5}}[A-Za-z]?"
    r"\s{0,3},?\s{0,3}-?\s{0,3}"
)
_CIVIC_NUMBER = r"[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,6}[A-Za-z]?)?"
_STREET_NAME_WORD = r"(?:St\.|[0-9]{1,3}(?:st|nd|rd|th)|[A-Z][A-Za-z'\u2019-]*)"
_DIRECTION = rf"(?:\s{{1,3}}(?:{'|'.join(_DIRECTIONS)})\.?(?![A-Za-z0-9]))?"
_STREET = (
    rf"(?:(?:{_STREET_NAME_WORD}\s{{1,3}}){{1,4}}(?:{_either_case(_STREET_TYPES)})\.?"
    rf"|(?:{_either_case(_NUMBERED_ROADS)})\s{{1,3}}[0-9]{{1,3}})(?![A-Za-z0-9]){_DIRECTION}"
)
# French street forms: "243, rue Laurier", "12 boulevard des Pins", "5 chemin du Lac".
_FRENCH_STREET_TYPES = (
    r"(?i:rue|avenue|av\.|boulevard|boul\.|chemin|ch\.|route|rang|promenade|croissant"
    r"|impasse|all[ée]e|mont[ée]e|c[ôo]te)"
)
_FRENCH_PARTICLE = r"(?:de|des|du|de\s{1,3}la|la|le|les|l'|l\u2019|d'|d\u2019)"
_FRENCH_STREET = (
    rf"{_FRENCH_STREET_TYPES}\s{{1,3}}(?:{_FRENCH_PARTICLE}\s{{0,3}})?"
    r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'\u2019-]*(?:\s{1,3}[A-ZÀ-Ý][A-Za-zÀ-ÿ'\u2019-]*){0,3}"
)
_ADDRESS_PATTERN = (
    r"(?:"
    rf"(?<![A-Za-z0-9$:.,/#-]){_CIVIC_NUMBER},?\s{{1,3}}{_FRENCH_STREET}"
    r"|"
    rf"(?<![A-Za-z0-9]){_UNIT}{_CIVIC_NUMBER}\s{{1,3}}{_STREET}"
    rf"|(?<![A-Za-z0-9$:.,/#-]){_CIVIC_NUMBER}\s{{1,3}}{_STREET}"
    rf"|(?<![A-Za-z0-9])(?:{_PO_BOX_WORDS}|{_RURAL_ROUTE_WORDS})\s{{0,3}}#?\s{{0,3}}[0-9]{{1,6}}"
    r"(?![0-9])"
    r")"
)

_EMAIL = re.compile(_EMAIL_PATTERN)
# Every kind but email, as one pattern. At one position the alternatives are tried
# in this order, which settles any overlap between kinds.
_NUMBERED = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern})"
        for kind, pattern in (
            ("HEALTH_CARD", _HEALTH_CARD_PATTERN),
            ("SIN", _SIN_PATTERN),
            ("PHONE", _PHONE_PATTERN),
            ("POSTAL_CODE", _POSTAL_CODE_PATTERN),
            ("ADDRESS", _ADDRESS_PATTERN),
        )
    )
)
# The words that may open an address, ending right before its first digit.
_LEAD_IN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_UNIT_WORD}|{_PO_BOX_WORDS}|{_RURAL_ROUTE_WORDS})"
    r"\s{0,3}#?\s{0,3}\Z"
)
# "811 Health Line", "Kids Help Line": a service's phone line, not a rural road.
_HELPLINE = re.compile(
    r"(?:health|help|crisis|info|information|service|support|customer|distress|advice"
    r"|nurse|phone|contact|warm|talk|seniors?|caregiver|tele)\s{1,3}line\.?\Z",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"[0-9]+")
# Characters that may open a match one place before its first digit:
# "+1 ...", "(416) ...", "#5 120 ...", "K1A 0B1".
_ONE_CHAR_LEADS = frozenset("+(#" + string.ascii_letters)


# --- Finding and redacting ------------------------------------------------------


def find_pii(text: str) -> list[PiiMatch]:
    """The personal information in ``text``, in order and without overlaps.

    Email addresses are found first and win any overlap; among the other kinds the
    earliest match wins, and at the same position health card, SIN, phone, postal
    code and address are preferred in that order.
    """
    if not _may_hold_pii(text):
        return []
    if "@" not in text:
        return _find_numbered(text, 0, len(text))
    matches: list[PiiMatch] = []
    gap_start = 0
    for email in _EMAIL.finditer(text):
        matches.extend(_find_numbered(text, gap_start, email.start()))
        matches.append(PiiMatch("EMAIL", email.start(), email.end()))
        gap_start = email.end()
    matches.extend(_find_numbered(text, gap_start, len(text)))
    return matches


def _may_hold_pii(text: str) -> bool:
    """Whether ``text`` has a digit or an ``@``, without which it holds no PII."""
    return "@" in text or _DIGIT.search(text) is not None


def _find_numbered(text: str, start: int, end: int) -> list[PiiMatch]:
    """Phones, SINs, health cards, postal codes and addresses in ``text[start:end]``.

    Every one of them holds a digit and starts at most a few characters before
    its first digit, so the full pattern is only tried at those few places.
    """
    matches: list[PiiMatch] = []
    position = start
    for digits in _DIGITS.finditer(text, start, end):
        if digits.start() < position:
            continue
        match = _match_before(text, digits.start(), position, end)
        if match is not None:
            matches.append(PiiMatch(match.lastgroup or "", match.start(), match.end()))
            position = match.end()
    return matches


def _match_before(text: str, first_digit: int, earliest: int, end: int) -> re.Match[str] | None:
    """The leftmost match whose first digit is at ``first_digit``, if there is one."""
    for start in _candidate_starts(text, first_digit, earliest):
        match = _NUMBERED.match(text, start, end)
        if match is None:
            continue
        if match.lastgroup == "SIN" and not _passes_luhn(match.group()):
            continue
        if match.lastgroup == "ADDRESS" and _HELPLINE.search(match.group()):
            continue
        return match
    return None


def _candidate_starts(text: str, first_digit: int, earliest: int) -> list[int]:
    """Where a match whose first digit is at ``first_digit`` can start, leftmost first."""
    starts = []
    lead_in = _LEAD_IN.search(text, max(earliest, first_digit - _LONGEST_LEAD_IN), first_digit)
    if lead_in is not None:
        starts.append(lead_in.start())
    if first_digit > earliest and text[first_digit - 1] in _ONE_CHAR_LEADS:
        starts.append(first_digit - 1)
    starts.append(first_digit)
    return starts


def _passes_luhn(number: str) -> bool:
    """Whether the digits of ``number`` pass the Luhn check that every SIN passes."""
    total = 0
    for index, char in enumerate(reversed(number.replace(" ", "").replace("-", ""))):
        digit = int(char)
        if index % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def redact(text: str) -> Redaction:
    """``text`` with each piece of personal information replaced by ``[KIND]``.

    Redaction repeats until nothing more is found, so the result never holds
    anything :func:`find_pii` would report. It always ends: every match holds a
    digit or an ``@`` and no placeholder does, so each round removes some.
    """
    matches = find_pii(text)
    if not matches:
        return Redaction(text, ())
    kinds: set[str] = set()
    while matches:
        kinds.update(match.kind for match in matches)
        text = _replace(text, matches)
        matches = find_pii(text)
    return Redaction(text, tuple(sorted(kinds)))


def _replace(text: str, matches: list[PiiMatch]) -> str:
    """``text`` with each of the ordered, non-overlapping ``matches`` made a placeholder."""
    pieces = []
    position = 0
    for match in matches:
        pieces.append(text[position : match.start])
        pieces.append(f"[{match.kind}]")
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)


class Redactor:
    """Redaction with the office's own list of names (its contacts) added to the rules."""

    def __init__(self, known_names: Iterable[str] = ()) -> None:
        self.known_names = tuple(known_names)

    def redact(self, text: str) -> Redaction:
        return redact(text)


# --- Consent ----------------------------------------------------------------------

_CONSENT_WORDS = frozenset({"1", "true", "yes", "y"})


def shares_with(consent: str, audience: str) -> bool:
    """Whether a partner with data-sharing consent ``consent`` may be shown to ``audience``.

    Consent levels go none < internal < provincial < public; a partner is shared
    with every audience up to its level. Raises UserError for an unknown value.
    """
    if consent not in SHARING_LEVELS:
        raise UserError(
            f"Unknown data-sharing consent {consent!r}; use one of {', '.join(SHARING_LEVELS)}."
        )
    if audience not in AUDIENCES:
        raise UserError(f"Unknown audience {audience!r}; use one of {', '.join(AUDIENCES)}.")
    return SHARING_LEVELS.index(consent) >= SHARING_LEVELS.index(audience)


def quotable(consent_to_quote: object, status: str = "active") -> bool:
    """Whether a submission may be quoted: its submitter consented and it is not withdrawn.

    A text consent (as read from a file) counts only if it says yes: "yes", "y",
    "true" or "1", in any case; "no" or "false" never count as consent.
    """
    if isinstance(consent_to_quote, str):
        consented = consent_to_quote.strip().lower() in _CONSENT_WORDS
    else:
        consented = bool(consent_to_quote)
    return consented and status == "active"
