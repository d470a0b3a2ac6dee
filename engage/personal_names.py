"""Finding people's names in feedback, to redact them as ``[NAME]``.

A name is taken where the words around it say it is one, never because a word merely
is a name somewhere (ordinary words such as Will, May, Grant, Hope or Bill stay):

- after a title: Dr, Mr, Mrs, Ms, Mx, Mme, Mlle, M., Prof ("Dr Schofield", "M. Tremblay"),
  the title going with it;
- after a role or a title that is also a word, when what follows is a name and no
  ordinary word: "nurse Sharon", "Docteur Gagnon" (the role stays);
- after "my name is", "ask for", "signed" and their French forms;
- the office's own contacts, by their full name (the register is a perfect list);
- a common first name followed by a common family name ("John Smith", "Marie Tremblay"),
  unless both are also ordinary words ("Will Power"), or the pair names a place or an
  organisation ("John Howard Society", "Elliot Lake");
- a first name joined by "and", "&" or a comma to a name found ("Natasha and Dr Schofield").

The lists of first and family names come from the 1990 U.S. Census (public domain) with
French-Canadian and other Canadian names added (``engage/name_lists/README.md``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

LISTS = Path(__file__).parent / "name_lists"
PLACEHOLDER = "[NAME]"

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zà-öø-ÿ"
# A capitalised word with at least one lower-case letter: "Schofield", "McDonald",
# "O'Neil", "Watson-O'Neil", "Marie-Claude" (all capitals, "NHS", is not a name).
_NAME_WORD = (
    rf"[{_UPPER}](?:[{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?|(?=[-'\u2019]))"
    rf"(?:[-'\u2019][{_UPPER}{_LOWER}][{_LOWER}]*)*(?![\w])"
)
_LOWER_WORD = rf"[{_LOWER}][{_LOWER}'\u2019-]*(?![\w])"
_STRICT_TITLE = r"(?<![\w.])(?:(?:Dr|Dre|Drs|Mr|Mrs|Ms|Mx|Mme|Mmes|Mlle|Prof|Pr)\.?|M\.)"
_SOFT_TITLE = (
    r"(?<![\w.])(?:Doctor|Docteur|Docteure|Nurse|Sister|Matron|Father|Pastor|Rabbi|Imam"
    r"|Madame|Monsieur|Professor|Professeur|Professeure|Miss|Councillor|Conseill[eè]re?"
    r"|Mayor|Maire|Judge|Juge|Officer|Constable|Sergeant|Sgt|Captain|Coach)"
)
_ROLE = (
    r"(?<![\w.])(?i:nurses?|doctors?|physio(?:therapist)?s?|therapists?|counsell?ors?"
    r"|workers?|midwife|midwives|consultants?|receptionists?|paramedics?|surgeons?"
    r"|psychiatrists?|psychologists?|pharmacists?|caseworkers?|managers?|supervisors?"
    r"|coordinators?|co-ordinators?|advisors?|advisers?|officers?|clerks?|agents?"
    r"|infirmi[eè]re?s?|m[ée]decins?|intervenante?s?|pr[ée]pos[ée]e?s?|agente?s?"
    r"|travailleu(?:r|se)s?|conseill[eè]re?s?|CPN|GP|HCA|OT)"
)
_PHRASE = (
    r"(?i:\bmy\s+name\s+is|\bmy\s+name'?s|\bname\s*:|\bje\s+m['\u2019]appelle|\bmon\s+nom"
    r"\s+est|\bask(?:ed)?\s+for|\bask\s+to\s+speak\s+(?:to|with)|\bdemande[rz]?(?:\s+à)?"
    r"|\bsigned|\bsign[ée]e?|\bsincerely|\bregards|\bcordialement)\s*[:,-]?\s*"
)
# Connectors between names: "Fay, Nicky and Dr Gordon", "Trevor & Dr Fred".
_CONNECTOR = r"\s{0,2}(?:,|&|\band\b|\bet\b|/)\s{0,2}"

_TITLED = re.compile(rf"{_STRICT_TITLE}\s{{1,3}}({_NAME_WORD}(?:\s{{1,2}}{_NAME_WORD}){{0,2}})")
_SOFT = re.compile(rf"(?:{_SOFT_TITLE}|{_ROLE})\s{{1,3}}({_NAME_WORD})")
_AFTER_PHRASE = re.compile(
    rf"{_PHRASE}((?:{_NAME_WORD}|{_LOWER_WORD})(?:\s{{1,2}}(?:{_NAME_WORD}|{_LOWER_WORD})){{0,2}})"
)
_RUN = re.compile(rf"(?<![\w'\u2019-])({_NAME_WORD})(?:\s{{1,2}}({_NAME_WORD})){{1,3}}")
_WORD = re.compile(rf"{_NAME_WORD}|{_LOWER_WORD}")

# Capitalised words that are never a name, even after a title ("Dr The ...").
STOPWORDS = frozenset(
    """the a an and or but if so then is was were are be he she they we i it his her their
    our my your who what when where why how this that these those at in on of for to from
    with by as not no yes thank thanks very all also team service services ward hospital
    clinic centre center office department surgery unit staff reception le la les un une et
    ou est il elle nous vous ils mon ma mes merci de du des au aux monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august
    september october november december lundi mardi mercredi jeudi vendredi samedi
    dimanche janvier février mars avril mai juin juillet août septembre octobre novembre
    décembre christmas easter ontario canada i've i'm i'd i'll""".split()
)
# Words after a pair that make it a place or an organisation, not a person.
PLACE_WORDS = frozenset(
    """street st avenue ave road rd drive lane park hospital centre center clinic school
    college university library hall house foundation society institute church arena lake
    river bay hill falls island beach station mall plaza building tower health medical
    memorial community public secondary elementary catholic manor lodge place square court
    way line highway trail crescent boulevard inc ltd limited corporation group services
    company co fund award prize program programme scholarship act law bridge airport
    market store pharmacy restaurant hotel motel theatre museum gallery stadium gardens
    farm village township county city town valley ridge heights creek mills ward wing
    suite team nurses practice""".split()
)
# Words before a pair that make it a place: "St John Ambulance", "Port Elgin", "Lake Louise".
PLACE_BEFORE = frozenset(
    "st st. saint sainte ste mount mt lake port fort cape point sault ville".split()
)


@functools.cache
def _names(list_name: str) -> frozenset[str]:
    return frozenset((LISTS / list_name).read_text(encoding="utf-8").split())


def first_names() -> frozenset[str]:
    return _names("first_names.txt")


def surnames() -> frozenset[str]:
    return _names("surnames.txt")


def ordinary_words() -> frozenset[str]:
    """Names that are also ordinary lower-case words (will, may, grant, hope, brown)."""
    return _names("ordinary_words.txt")


@functools.cache
def _is_word(word: str) -> bool:
    """Whether ``word`` (not in the name lists) is an ordinary English or French word."""
    from wordfreq import zipf_frequency  # loads its word lists: only when a context asks

    return max(zipf_frequency(word, "en"), zipf_frequency(word, "fr")) >= 3.0


def looks_like_name(word: str) -> bool:
    """A word that, where context says a name comes, is one: a listed first or family
    name that is no ordinary word, or a word that is no word at all ("Gabbitas")."""
    key = _bare(word).lower()
    if key in STOPWORDS or len(key) < 2:
        return False
    if key in first_names() or key in surnames():
        return key not in ordinary_words()
    return not _is_word(key)


class NameFinder:
    """Finds the spans of people's names in a text (see the module's rules)."""

    def __init__(self, known_names: Iterable[str] = ()) -> None:
        names = sorted({" ".join(n.split()) for n in known_names if len(n.strip()) > 2},
                       key=len, reverse=True)  # fmt: skip
        self.known = (
            re.compile(
                r"(?<![\w])(?:"
                + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
                + r")(?![\w])",
                re.IGNORECASE,
            )
            if names
            else None
        )

    def find(self, text: str) -> list[tuple[int, int]]:
        """Sorted, disjoint (start, end) spans of the names in ``text``."""
        spans: list[tuple[int, int]] = []
        if self.known is not None:
            spans += [m.span() for m in self.known.finditer(text)]
        for match in _TITLED.finditer(text):
            spans.extend(_titled(match))
        for match in _SOFT.finditer(text):
            if looks_like_name(match.group(1)):
                spans.append(_without_possessive(text, *match.span(1)))
        for match in _AFTER_PHRASE.finditer(text):
            spans.extend(_after_phrase(match))
        for match in _RUN.finditer(text):
            spans.extend(_pairs(text, match))
        spans = _disjoint(spans)
        return _disjoint(spans + _joined(text, spans)) if spans or PLACEHOLDER in text else []


def _titled(match: re.Match[str]) -> list[tuple[int, int]]:
    """The title and the name words after it that are no ordinary capitalised words."""
    end = match.start(1)
    for word in _WORD.finditer(match.string, match.start(1), match.end(1)):
        if word.group().lower() in STOPWORDS:
            break
        end = word.end()
    if end == match.start(1):
        return []
    return [_without_possessive(match.string, match.start(), end)]


def _after_phrase(match: re.Match[str]) -> list[tuple[int, int]]:
    """Name words after "my name is"/"ask for"/"signed": capitalised, or listed names."""
    start = end = match.start(1)
    for word in _WORD.finditer(match.string, match.start(1), match.end(1)):
        text = word.group()
        if text[0].islower() and text not in first_names() and text not in surnames():
            break
        if not (looks_like_name(text) or (text[0].isupper() and text.lower() not in STOPWORDS
                                          and end > start)):  # fmt: skip
            break
        end = word.end()
    return [_without_possessive(match.string, start, end)] if end > start else []


def _pairs(text: str, run: re.Match[str]) -> list[tuple[int, int]]:
    """First name + family name pairs in a run of capitalised words."""
    words = list(_WORD.finditer(text, run.start(), run.end()))
    if len(words) > 3:
        return []  # a title in title case, not a name
    found = []
    for index in range(len(words) - 1):
        first, last = words[index], words[index + 1]
        if _is_pair(text, words, index):
            end = last.end()
            if index + 2 < len(words) and words[index + 2].group().lower() in surnames():
                end = words[index + 2].end()
            found.append(_without_possessive(text, first.start(), end))
            break
    return found


def _is_pair(text: str, words: list[re.Match[str]], index: int) -> bool:
    first, last = words[index].group().lower(), _bare(words[index + 1].group()).lower()
    if first not in first_names() or last not in surnames() or last in PLACE_WORDS:
        return False
    if first in STOPWORDS or last in STOPWORDS:
        return False
    if first in ordinary_words() and last in ordinary_words():
        return False  # "Will Power", "May Day", "Grant Green"
    after = words[index + 2].group().lower() if index + 2 < len(words) else _next_word(
        text, words[index + 1].end())  # fmt: skip
    if after in PLACE_WORDS:
        return False
    before = words[index - 1].group().lower() if index else _previous_word(
        text, words[index].start())  # fmt: skip
    return before not in PLACE_BEFORE


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _next_word(text: str, position: int) -> str:
    match = re.match(r"\s{1,2}([\w.]+)", text[position : position + 40])
    return match.group(1).lower() if match else ""


def _previous_word(text: str, position: int) -> str:
    match = re.search(r"([\w.]+)\s{1,2}\Z", text[max(0, position - 40) : position])
    return match.group(1).lower() if match else ""


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """First names joined to a name found (or to a placeholder) by "and", "&" or a comma."""
    anchors = list(spans) + [m.span() for m in re.finditer(re.escape(PLACEHOLDER), text)]
    found: list[tuple[int, int]] = []
    while anchors:
        start, end = anchors.pop()
        for span in _neighbours(text, start, end):
            if span not in found and span not in spans:
                found.append(span)
                anchors.append(span)
    return found


_AFTER = re.compile(rf"{_CONNECTOR}({_NAME_WORD})")
_BEFORE = re.compile(rf"(?<![\w'\u2019-])({_NAME_WORD}){_CONNECTOR}\Z")


def _neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    after = _AFTER.match(text, end)
    if after and _joinable(after.group(1)):
        spans.append(_without_possessive(text, *after.span(1)))
    before = _BEFORE.search(text, max(0, start - 40), start)
    if before and _joinable(before.group(1)):
        spans.append(before.span(1))
    return spans


def _joinable(word: str) -> bool:
    key = _bare(word).lower()
    return key in first_names() and key not in ordinary_words() and key not in STOPWORDS


def _without_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span without its possessive: "Dr Khan's picture" → "[NAME]'s picture"."""
    if text[start:end].endswith(("'s", "’s")):
        return start, end - 2
    return start, end


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged
