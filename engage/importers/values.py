"""Read the single-valued answers of a response: channel, satisfaction, consent, who is responding.

Each reader takes the cell text and returns the domain value, or raises
``ValueError`` when the text cannot be read; ``engage.importers.plan`` turns that
into a bad-row reason that names the column and says what to write instead.
"""

from __future__ import annotations

import re
import unicodedata

from engage.models import CHANNELS

_CHANNEL_WORDS = {
    "in_person": "in person|inperson|counter|face to face|walk in|drop in|office|in office|"
    "town hall|workshop|en personne|comptoir",
    "phone": "phone|telephone|call|phone call|call centre|call center|contact centre|"
    "contact center|tel|by phone",
    "online": "online|web|website|web form|online form|internet|portal|en ligne|site web",
    "survey": "survey|online survey|web survey|paper survey|questionnaire|sondage|sondage en ligne",
    "social": "social|social media|facebook|twitter|x|instagram|linkedin|reddit|tiktok|"
    "youtube|medias sociaux|reseaux sociaux",
    "kiosk": "kiosk|kiosque|tablet",
    "mail": "mail|post|letter|canada post|paper|courrier|lettre",
    "email": "email|e mail|courriel",
}
CHANNEL_SYNONYMS = {
    word: channel
    for channel in CHANNELS
    for word in (channel.replace("_", " "), *_CHANNEL_WORDS[channel].split("|"))
}
SATISFACTION_WORDS = {
    word: score
    for score, words in {
        5: "very satisfied|extremely satisfied|completely satisfied|tres satisfait",
        4: "satisfied|somewhat satisfied|mostly satisfied|satisfait",
        3: "neutral|neither satisfied nor dissatisfied|neither|neutre",
        2: "somewhat dissatisfied|dissatisfied|unsatisfied|insatisfait",
        1: "very dissatisfied|extremely dissatisfied|very unsatisfied|tres insatisfait",
    }.items()
    for word in words.split("|")
}
_SATISFACTION_NUMBER = re.compile(r"([1-5])(?:\.0+)?(?:\s*(?:/\s*5|[-:–—=(].*|\s+[a-z].*))?")
CONSENT_YES = {
    "yes",
    "y",
    "true",
    "t",
    "1",
    "1.0",
    "oui",
    "o",
    "agree",
    "i agree",
    "agreed",
    "consent",
    "i consent",
    "consented",
    "ok",
    "x",
}
CONSENT_NO = {
    "no",
    "n",
    "false",
    "f",
    "0",
    "0.0",
    "non",
    "disagree",
    "i disagree",
    "do not agree",
    "i do not agree",
    "no consent",
    "decline",
    "declined",
    "n a",
    "na",
    "not applicable",
    "prefer not to say",
    "no answer",
}
RESPONDENT_WORDS = {
    "individual": "individual|an individual|as an individual|myself|resident|"
    "member of the public|a member of the public|citizen|client|customer|personal|"
    "private individual|particulier|citoyen|a titre personnel|a titre individuel",
    "organisation": "organisation|organization|an organisation|an organization|business|"
    "group|on behalf of an organisation|on behalf of an organization|"
    "representing an organisation|representing an organization|au nom d un organisme|organisme",
    "staff": "staff|front line staff|frontline staff|employee|staff member|public servant|"
    "ops employee|employe|employee of the ministry",
    "partner": "partner|community partner|service partner|partenaire",
    "other": "other|autre",
}
RESPONDENT_SYNONYMS = {
    word: kind for kind, words in RESPONDENT_WORDS.items() for word in words.split("|")
}
_FSA = re.compile(r"([A-Z]\d[A-Z])(?:\s?\d[A-Z]\d)?")


def fold(text: str) -> str:
    """Lowercase, drop accents, turn punctuation into spaces and collapse them."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(
        ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)
    )
    return " ".join(plain.split())


def read_channel(text: str) -> str:
    """Name the engagement channel a cell describes, as one of ``CHANNELS``."""
    channel = CHANNEL_SYNONYMS.get(fold(text))
    if channel is None:
        raise ValueError(text)
    return channel


def read_satisfaction(text: str) -> int:
    """Read a 1-5 satisfaction answer: "4", "4.0", "4 - Satisfied", "4/5" or "Satisfied"."""
    cleaned = text.strip().lower()
    found = _SATISFACTION_NUMBER.fullmatch(cleaned)
    if found:
        return int(found.group(1))
    score = SATISFACTION_WORDS.get(fold(text))
    if score is None:
        raise ValueError(text)
    return score


def read_consent(text: str) -> bool:
    """Read a yes/no consent answer; "Yes, you may quote me" counts as yes."""
    folded = fold(text)
    plain = text.strip().lower()
    if folded in CONSENT_YES or plain in CONSENT_YES:
        return True
    if folded in CONSENT_NO or plain in CONSENT_NO:
        return False
    first = folded.split(" ", 1)[0]
    if first in {"yes", "oui"}:
        return True
    if first in {"no", "non"}:
        return False
    raise ValueError(text)


def read_respondent_type(text: str) -> str:
    """Name who is responding: common answers map to ``RESPONDENT_TYPES``, others stay."""
    folded = fold(text)
    known = RESPONDENT_SYNONYMS.get(folded)
    if known is not None:
        return known
    if "on behalf of" in folded or "au nom d" in folded:
        return "organisation"
    return " ".join(text.lower().split())


def read_postal_area(text: str) -> str:
    """Keep the forward sortation area ("K1A") of a postal code; other text stays as written."""
    found = _FSA.fullmatch(" ".join(text.upper().split()))
    return found.group(1) if found else " ".join(text.split())


def looks_like_postal_code(text: str) -> bool:
    """True for a Canadian postal code or its first three characters."""
    return bool(_FSA.fullmatch(" ".join(text.upper().split())))
