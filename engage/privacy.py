"""Redaction of personal information and the consent rules for sharing and quoting.

Feedback is redacted on the way in: every email address (written plainly or as "name at
example dot org"), phone number, Canadian postal code, social insurance number (SIN),
Ontario health card number, street address and person's name in a submission's text is
replaced by a placeholder such as ``[PHONE]`` or ``[NAME]``. Theming, exports, bundles and
papers only ever see the redacted text.

Everything but an email address and a name holds a digit, so the number patterns
(``engage.pii_patterns``) are only tried around the digits a text has; names are found
from the words around them (``engage.personal_names``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from engage import pii_patterns as p
from engage.errors import UserError
from engage.models import SHARING_LEVELS
from engage.personal_names import NameFinder


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, split at spaces and line breaks."""
    return frozenset(text.split())


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

PII_KINDS = ("EMAIL", "PHONE", "POSTAL_CODE", "SIN", "HEALTH_CARD", "ADDRESS", "NAME")

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


_EMAIL = re.compile(p.EMAIL)
# "marie at example dot org", "kim dot lee at example dot com", "marie [at] example [dot] org",
# "marie(at)example.org",
# "marie arobase exemple point ca": an address written so that machines miss it.
_AT = r"(?:\s*[\[({<]\s*(?i:at|arobase)\s*[\])}>]\s*|\s+(?i:at|arobase)\s+|\s*@\s*)"
_DOT = r"(?:\s*[\[({<]\s*(?i:dot|point)\s*[\])}>]\s*|\s+(?i:dot|point)\s+|\.)"
_TLD = r"(?i:com|org|net|ca|gov|edu|info|biz|io|co|uk|fr|us|me|qc|on|gc)"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.@+-])([A-Za-z0-9][A-Za-z0-9._%+-]*(?:\s+(?i:dot|point)\s+[A-Za-z0-9][\w%+-]*){{0,2}})"
    rf"{_AT}(?:[A-Za-z0-9][A-Za-z0-9-]*{_DOT}){{1,4}}"
    rf"{_TLD}(?![\w])"
)
_OBFUSCATION_HINTS = ("dot", "point", "arobase", "(at)", "[at]", "{at}", "<at>", "( at )")
# Words before "at" that are no mailbox: "look at google dot com", "me at ...".
_NOT_MAILBOX = _words(
    """
    look looked looking me us him her them it you online site website web visit check go
    went email e-mail mail contact write reach find found available posted listed sign
    signed log logged click here there is was are info information
    """
)


class Redactor:
    """Redaction with the office's own list of names (its contacts) among the rules."""

    def __init__(self, known_names: Iterable[str] = ()) -> None:
        self.names = NameFinder(known_names)

    def find(self, text: str) -> list[PiiMatch]:
        """The personal information in ``text``, in order and without overlaps.

        Email addresses are found first and win any overlap; among the number kinds the
        earliest match wins, and at the same position health card, SIN, phone, postal
        code and address are preferred in that order; names fill the gaps between.
        """
        matches = _find_emails_and_numbers(text)
        gaps = _gaps(matches, len(text))
        names = [
            PiiMatch("NAME", start, end)
            for start, end in self.names.find(text)
            if any(gap_start <= start and end <= gap_end for gap_start, gap_end in gaps)
        ]
        return sorted(matches + names, key=lambda match: match.start) if names else matches

    def redact(self, text: str) -> Redaction:
        """``text`` with each piece of personal information replaced by ``[KIND]``.

        Redaction repeats until nothing more is found, so the result never holds anything
        :meth:`find` would report. It always ends: each round replaces a match by a shorter
        placeholder or one that holds no digit, ``@`` or lower-case letter."""
        matches = self.find(text)
        if not matches:
            return Redaction(text, ())
        kinds: set[str] = set()
        for _ in range(10):
            if not matches:
                break
            kinds.update(match.kind for match in matches)
            text = _replace(text, matches)
            matches = self.find(text)
        return Redaction(text, tuple(sorted(kinds)))


_DEFAULT = Redactor()


def find_pii(text: str) -> list[PiiMatch]:
    """The personal information in ``text`` (see :meth:`Redactor.find`)."""
    return _DEFAULT.find(text)


def redact(text: str) -> Redaction:
    """``text`` with each piece of personal information replaced by ``[KIND]``."""
    return _DEFAULT.redact(text)


def _find_emails_and_numbers(text: str) -> list[PiiMatch]:
    emails = []
    if "@" in text:
        emails = [PiiMatch("EMAIL", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    lower = text.lower()
    if any(hint in lower for hint in _OBFUSCATION_HINTS):
        emails = _with_obfuscated(text, emails)
    if not emails:
        return _find_numbered(text, 0, len(text)) if p.DIGIT.search(text) else []
    matches: list[PiiMatch] = []
    gap_start = 0
    for email in emails:
        matches.extend(_find_numbered(text, gap_start, email.start))
        matches.append(email)
        gap_start = email.end
    matches.extend(_find_numbered(text, gap_start, len(text)))
    return matches


def _with_obfuscated(text: str, emails: list[PiiMatch]) -> list[PiiMatch]:
    found = list(emails)
    for match in _OBFUSCATED_EMAIL.finditer(text):
        if match.group(1).lower() in _NOT_MAILBOX:
            continue
        if not any(m.start < match.end() and match.start() < m.end for m in found):
            found.append(PiiMatch("EMAIL", match.start(), match.end()))
    return sorted(found, key=lambda match: match.start)


def _gaps(matches: list[PiiMatch], length: int) -> list[tuple[int, int]]:
    gaps, position = [], 0
    for match in matches:
        gaps.append((position, match.start))
        position = match.end
    gaps.append((position, length))
    return gaps


def _find_numbered(text: str, start: int, end: int) -> list[PiiMatch]:
    """Phones, SINs, health cards, postal codes and addresses in ``text[start:end]``.

    Every one of them holds a digit and starts at most a few characters before
    its first digit, so the full pattern is only tried at those few places.
    """
    matches: list[PiiMatch] = []
    position = start
    for digits in p.DIGITS.finditer(text, start, end):
        if digits.start() < position:
            continue
        found = _match_before(text, digits.start(), position, end)
        if found is not None:
            matches.append(found)
            position = found.end
    return matches


def _match_before(text: str, first_digit: int, earliest: int, end: int) -> PiiMatch | None:
    """The leftmost match whose first digit is at ``first_digit``, if there is one."""
    for start in _candidate_starts(text, first_digit, earliest):
        match = p.NUMBERED.match(text, start, end)
        if match is None:
            continue
        kind = _kind(text, match)
        if kind is not None:
            return PiiMatch(kind, match.start(), match.end())
    return None


def _kind(text: str, match: re.Match[str]) -> str | None:
    """The kind of a match, or None where it is something ordinary after all."""
    kind = match.lastgroup or ""
    before = text[max(0, match.start() - 40) : match.start()]
    if kind == "SIN":
        named = p.SIN_NAMED.search(before)
        return "SIN" if named or p.passes_luhn(match.group()) else None
    if kind == "PHONE" and p.HEALTH_CARD_NAMED.search(before):
        digits = re.sub(r"[^0-9]", "", match.group())
        return "HEALTH_CARD" if len(digits) == 10 else kind
    if kind == "ADDRESS" and p.HELPLINE.search(match.group()):
        return None
    if kind == "LOCAL_PHONE":
        number = match.group()
        if p.RANGE.search(number[:9].rstrip()) or p.MONEY_BEFORE.search(before):
            return None
        return "PHONE"
    return kind


def _candidate_starts(text: str, first_digit: int, earliest: int) -> list[int]:
    """Where a match whose first digit is at ``first_digit`` can start, leftmost first."""
    starts = []
    lead_in = p.LEAD_IN.search(text, max(earliest, first_digit - p.LONGEST_LEAD_IN), first_digit)
    if lead_in is not None:
        starts.append(lead_in.start())
    if first_digit > earliest and text[first_digit - 1] in p.ONE_CHAR_LEADS:
        starts.append(first_digit - 1)
    starts.append(first_digit)
    return starts


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
