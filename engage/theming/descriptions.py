"""One sentence per theme saying what its answers say, drawn from them.

The description is the theme's most typical sentence (among its most central
answers) that holds the words of its title or most of the words its answers
share, of a readable length, told as "People say ..." in the third person ("I
waited two hours" → "People say they waited two hours."), or as "People ask to
..." for a request ("Bring back the mobile van"); a French sentence is quoted.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from engage.theming.labels import word_set
from engage.theming.naming import Naming, casings, central_members, plain_case
from engage.theming.phrases import answer_key, sentences
from engage.theming.space import french_answers

DESCRIBED = 20  # central answers a description is drawn from
SECOND_PERSON = word_set("you your yours yourself vous votre vos")


def describe(naming: Naming, members: np.ndarray, title_key: frozenset[str]) -> str:
    """One sentence saying what the theme's answers say: its most typical sentence that
    holds the title's words (or most of the theme's common words), as "People say ..."."""
    common = _common_stems(naming, members)
    best, best_score = "", 0.0
    for rank, member in enumerate(central_members(naming, members, DESCRIBED).tolist()):
        for sentence in sentences(naming.docs[member]):
            words = sentence.split()
            if not 4 <= len(words) <= 28 or sentence.endswith("?"):
                continue
            key = answer_key(sentence)
            said = sum(share for stem, share in common.items() if stem in key)
            score = (said + len(title_key & key) / max(1, len(title_key))) / (1 + 0.02 * rank)
            score *= 0.8 if {w.lower().strip(",.!") for w in words} & SECOND_PERSON else 1.0
            if score > best_score:
                best, best_score = sentence, score
    casing = casings([naming.cut[i] for i in central_members(naming, members, DESCRIBED)])
    return as_description(best, casing) if best else ""


def _common_stems(naming: Naming, members: np.ndarray, limit: int = 8) -> dict[str, float]:
    counts: Counter[str] = Counter()
    total = int(naming.copies[members].sum()) or 1
    for member in members.tolist():
        counts.update({stem: int(naming.copies[member]) for stem in naming.keys[member]})
    return {stem: count / total for stem, count in counts.most_common(limit)}


_THIRD_PERSON = {
    "i": "they",
    "i'm": "they're",
    "im": "they're",
    "i've": "they've",
    "ive": "they've",
    "i'd": "they'd",
    "i'll": "they'll",
    "me": "them",
    "my": "their",
    "mine": "theirs",
    "myself": "themselves",
    "we": "they",
    "we're": "they're",
    "we've": "they've",
    "us": "them",
    "our": "their",
    "ours": "theirs",
    "am": "are",
}
_AFTER_THEY = {"was": "were", "wasn't": "weren't", "has": "have", "hasn't": "haven't"}


def as_description(sentence: str, casing: dict[str, str] | None = None) -> str:
    """A sentence of an answer told as what people say: "I waited two hours" → "People say
    they waited two hours."; French answers are quoted."""
    sentence = _LEAD_IN.sub("", " ".join(sentence.split())).rstrip(" .!?,;:…") or sentence
    if french_answers([sentence])[0]:
        return f"Des répondants écrivent : « {sentence[:1].upper()}{sentence[1:]} »."
    words = sentence.split()
    told: list[str] = []
    for word in words:
        bare = word.lower().strip(",")
        tail = word[len(word.rstrip(",")) :]
        if bare in _THIRD_PERSON:
            told.append(_THIRD_PERSON[bare] + tail)
        elif told and told[-1].lower().rstrip(",") == "they" and bare in _AFTER_THEY:
            told.append(_AFTER_THEY[bare] + tail)
        else:
            told.append(word)
    told = [plain_case(_as_mostly_written(word, casing or {})) for word in told]
    first = told[0]
    if not (first.isupper() and len(first) > 1) and first != "I":
        told[0] = first[:1].lower() + first[1:]
    if told[0].lower() in _SUBJECTLESS or (told[0].endswith("ed") and told[0].islower()):
        told[0] = _AFTER_THEY.get(told[0], told[0])
        told.insert(0, "they")  # "Had an appointment..." → "they had an appointment..."
    if told[0].lower().strip(",") == "please" and len(told) > 1:
        told = told[1:]
    if told[0].lower().strip(",") in _ASKING:
        told[0] = told[0].lower()
        return "People ask to " + " ".join(told) + "."  # "Bring back the van"
    return "People say " + " ".join(told) + "."


# Verbs that open a request: "Bring back the mobile van", "Add a chat option".
_ASKING = word_set(
    "bring add make give let accept stop start keep put open hire allow provide offer send "
    "fix extend reduce improve change train publish post show tell answer reopen restore "
    "employ increase hold consider"
)


def _as_mostly_written(word: str, casing: dict[str, str]) -> str:
    """A word capitalised mid-sentence as the theme's answers mostly write it ("Very Good"
    → "very good"; "Kingston", "NHS" kept)."""
    bare = word.strip(".,;:!?'\"()")
    usual = casing.get(bare.lower())
    if not bare or usual is None or usual == bare or not bare[:1].isupper() or bare.isupper():
        return word
    return word.replace(bare, usual)


# How some answers open, saying nothing: "Honestly,", "To be honest", "I think".
_LEAD_IN = re.compile(
    r"^(?:(?:honestly|well|so|frankly|overall|personally|basically|actually|to be honest|"
    r"to be fair|tbh|i think|i feel|i believe|in my opinion|oh|um|erm|yes|ok|okay|also|"
    r"and|but|franchement|bref|alors)\b[,!.:]?\s*)+",
    re.IGNORECASE,
)


# Verbs an answer often opens with, leaving out "I": "Had an appointment", "Was seen quickly".
_SUBJECTLESS = word_set(
    "had have has was am got get went go came come felt feel found find saw been did do took "
    "take made make love loved like liked would will can could think thought can't cannot "
    "couldn't didn't don't wasn't won't wouldn't"
)
