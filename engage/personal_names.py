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

Redaction runs on every imported answer, so the text is read once for its capitalised
words and each is judged by the word before it and the words beside it; the phrases are
looked for only in texts that hold one of their words.

The lists of first and family names come from the 1990 U.S. Census (public domain) with
French-Canadian and other Canadian names added (``engage/name_lists/README.md``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, split at spaces and line breaks."""
    return frozenset(text.split())


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
_TOKEN = re.compile(_NAME_WORD)
_WORD = re.compile(rf"{_NAME_WORD}|{_LOWER_WORD}")
_PREVIOUS_WORD = re.compile(r"([\w.'\u2019-]+)[ \t\xa0]{1,3}\Z")  # on the same line

# Titles that make the next capitalised word a name, and go with it ("Dr Schofield").
STRICT_TITLES = _words(
    """
    Dr Dr. Dre Dre. Drs Drs. Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Mme Mme. Mmes Mlle Mlle. Prof
    Prof. Pr. M.
    """
)
# Titles and roles after which a name may come; the name goes, the role stays
# ("nurse [NAME]"). Compared in lower case.
ROLES = _words(
    """
    doctor docteur docteure nurse nurses sister matron father pastor rabbi imam madame
    monsieur professor professeur professeure miss councillor conseiller conseillère
    mayor maire judge juge officer officers constable sergeant sgt captain coach doctors
    physio physios physiotherapist physiotherapists therapist therapists counsellor
    counsellors counselor counselors worker workers keyworker keyworkers midwife
    midwives consultant consultants receptionist receptionists paramedic paramedics
    surgeon surgeons psychiatrist psychiatrists psychologist psychologists pharmacist
    pharmacists caseworker caseworkers manager managers supervisor supervisors
    coordinator coordinators co-ordinator co-ordinators advisor advisors adviser
    advisers clerk clerks agent agents volunteer volunteers bénévole bénévoles assistant
    assistants hygienist hygienists infirmière infirmières infirmier infirmiers médecin
    médecins intervenant intervenante intervenants intervenantes préposé préposée
    préposés préposées agente agentes travailleur travailleuse travailleurs
    travailleuses cpn gp hca ot
    """
)
# Phrases after which a name comes: strongly ("my name is") or if it looks like one.
_NAMING_PHRASE = (
    r"(?i:\bmy\s+name\s+is|\bmy\s+name'?s|\bname\s*:|\bje\s+m['\u2019]appelle|\bmon\s+nom"
    r"\s+est|\bsigned|\bsign[ée]e?|\bsincerely|\bregards|\bcordialement)\s*[:,-]?\s*"
)
_ASKING_PHRASE = (
    r"(?i:\bask(?:ed)?\s+for|\bask\s+to\s+speak\s+(?:to|with)|\bdemande[rz]?(?:\s+à)?)"
    r"\s*[:,-]?\s*"
)
_NAME_WORDS = rf"((?:{_NAME_WORD}|{_LOWER_WORD})(?:\s{{1,2}}(?:{_NAME_WORD}|{_LOWER_WORD})){{0,2}})"
_AFTER_NAMING = re.compile(_NAMING_PHRASE + _NAME_WORDS)
_AFTER_ASKING = re.compile(_ASKING_PHRASE + _NAME_WORDS)
_NAMING_HINTS = ("name", "appelle", "nom est", "sign", "sincerely", "regards", "cordialement")
_ASKING_HINTS = ("ask", "demand")
# What may stand between two names: "Fay, Nicky and Dr Gordon", "Trevor & Dr Fred".
CONNECTORS = frozenset({",", "and", "&", "et", "/", ", and", ", et"})

# Capitalised words that are never a name, even after a title ("Dr The ...").
STOPWORDS = _words(
    """
    the a an and or but if so then is was were are be he she they we i it his her their
    our my your who what when where why how this that these those at in on of for to
    from with by as not no yes thank thanks very all also team service services ward
    hospital clinic centre center office department surgery unit staff reception le la
    les un une et ou est il elle nous vous ils mon ma mes merci de du des au aux monday
    tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december lundi mardi mercredi jeudi vendredi
    samedi dimanche janvier février mars avril mai juin juillet août septembre octobre
    novembre décembre christmas easter ontario canada i've i'm i'd i'll men man women
    """
)
# Words after a pair that make it a place or an organisation, not a person.
PLACE_WORDS = _words(
    """
    street st avenue ave road rd drive lane park hospital centre center clinic school
    college university library hall house foundation society institute church arena lake
    river bay hill falls island beach station mall plaza building tower health medical
    memorial community public secondary elementary catholic manor lodge place square
    court way line highway trail crescent boulevard inc ltd limited corporation group
    services company co fund award prize program programme scholarship act law bridge
    airport market store pharmacy restaurant hotel motel theatre museum gallery stadium
    gardens farm village township county city town valley ridge heights creek mills ward
    wing suite team nurses practice day weekend
    """
)
# Words before a pair that make it a place: "St John Ambulance", "Port Elgin", "Lake Louise".
PLACE_BEFORE = _words(
    """
    st st. saint sainte ste mount mt lake port fort cape point sault ville
    """
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
def _is_word(word: str, common: float = 3.0) -> bool:
    """Whether ``word`` (not in the name lists) is an ordinary English or French word, at
    least as frequent as ``common`` on the Zipf scale (3: once per million words)."""
    from wordfreq import zipf_frequency  # lazy: its word lists load only when a context asks

    return max(zipf_frequency(word, "en"), zipf_frequency(word, "fr")) >= common


def _bare(word: str) -> str:
    """A word without its possessive ("Khan's" → "Khan")."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _listed(key: str) -> bool:
    """Whether ``key`` is a listed first or family name (O'Brien as the census writes it,
    OBRIEN, too)."""
    if key in first_names() or key in surnames():
        return True
    plain = key.replace("'", "").replace("\u2019", "")
    return plain in first_names() or plain in surnames()


def looks_like_name(word: str) -> bool:
    """A word that, where context says a name comes, is one: a listed first or family
    name that is no ordinary word, or a word that is no word at all ("Gabbitas")."""
    key = _bare(word).lower()
    if key in STOPWORDS or len(key) < 2:
        return False
    if _listed(key):
        return key not in ordinary_words()
    return not _is_word(key)


class NameFinder:
    """Finds the spans of people's names in a text (see the module's rules)."""

    def __init__(self, known_names: Iterable[str] = ()) -> None:
        names = sorted(
            {" ".join(n.split()) for n in known_names if len(n.strip()) > 2}, key=len, reverse=True
        )
        self.known = None
        if names:
            alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
            self.known = re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Sorted, disjoint (start, end) spans of the names in ``text``."""
        spans: list[tuple[int, int]] = []
        if self.known is not None:
            spans += [m.span() for m in self.known.finditer(text)]
        tokens = list(_TOKEN.finditer(text))
        if tokens:
            spans += _from_tokens(text, tokens)
        lower = text.lower()
        if any(hint in lower for hint in _NAMING_HINTS):
            spans += [s for m in _AFTER_NAMING.finditer(text) for s in _after_phrase(m, True)]
        if tokens and any(hint in lower for hint in _ASKING_HINTS):
            spans += [s for m in _AFTER_ASKING.finditer(text) for s in _after_phrase(m, False)]
        if not spans and PLACEHOLDER not in text:
            return []
        spans = _disjoint(spans)
        return _disjoint(spans + _joined(text, tokens, spans))


def _from_tokens(text: str, tokens: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Names found from capitalised words: after titles and roles, and first + family
    name pairs."""
    spans = []
    taken = -1  # index of the last token already part of a name
    for index, token in enumerate(tokens):
        if index <= taken:
            continue
        previous = _PREVIOUS_WORD.search(text, max(0, token.start() - 30), token.start())
        before = previous.group(1) if previous else ""
        if before in STRICT_TITLES:
            end, taken = _titled(text, tokens, index)
            if end:
                spans.append(_without_possessive(text, previous.start(1), end))
            continue
        role = before.lower().rsplit("'", 1)[-1].rsplit("\u2019", 1)[-1]  # "l'infirmière"
        if role in ROLES and looks_like_name(token.group()):
            spans.append(_without_possessive(text, *token.span()))
            taken = index
            continue
        pair = _pair(text, tokens, index, before.lower())
        if pair:
            spans.append(_without_possessive(text, token.start(), tokens[pair].end()))
            taken = pair
    return spans


def _adjacent(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether token ``index`` follows token ``index - 1`` with only a space or two between."""
    gap = text[tokens[index - 1].end() : tokens[index].start()]
    return 0 < len(gap) <= 2 and gap.isspace() and "\n" not in gap


def _titled(text: str, tokens: list[re.Match[str]], index: int) -> tuple[int, int]:
    """(end of the name, index of its last token) after a strict title: the first word a
    listed name or no common word ("Dr Schofield", "Mr Bean"; not "Mr Men"), the next
    ones up to a function word. (0, index) when there is no name."""
    first = _bare(tokens[index].group()).lower()
    if first in STOPWORDS or not (_listed(first) or not _is_word(first, common=4.5)):
        return 0, index
    last = index
    while (
        last + 1 < len(tokens)
        and last - index < 2
        and _adjacent(text, tokens, last + 1)
        and tokens[last + 1].group().lower() not in STOPWORDS
    ):
        last += 1
    return tokens[last].end(), last


def _pair(text: str, tokens: list[re.Match[str]], index: int, before: str) -> int:
    """The index of the last token of a first + family name pair starting at ``index``
    (0 if there is none)."""
    if index + 1 >= len(tokens) or not _adjacent(text, tokens, index + 1):
        return 0
    if index + 3 < len(tokens) and all(_adjacent(text, tokens, i) for i in (index + 2, index + 3)):
        return 0  # four capitalised words in a row: a title in title case, not a name
    first = tokens[index].group().lower()
    last = _bare(tokens[index + 1].group()).lower()
    if first not in first_names() or last not in surnames() or last in PLACE_WORDS:
        return 0
    if first in STOPWORDS or last in STOPWORDS or before in PLACE_BEFORE:
        return 0
    if first in ordinary_words() and last in ordinary_words():
        return 0  # "Will Power", "May Day", "Grant Green"
    end = index + 1
    after = tokens[end + 1] if end + 1 < len(tokens) and _adjacent(text, tokens, end + 1) else None
    if after is not None and after.group().lower() in PLACE_WORDS:
        return 0
    if after is not None and _bare(after.group()).lower() in surnames():
        end += 1  # "Mary Ann Smith"
    return end


def _after_phrase(match: re.Match[str], strong: bool) -> list[tuple[int, int]]:
    """Name words after a phrase: capitalised (after "my name is", any that is no
    function word; after "ask for", one that looks like a name), or listed names in lower
    case ("my name is karen white")."""
    start = end = match.start(1)
    for word in _WORD.finditer(match.string, match.start(1), match.end(1)):
        text, key = word.group(), _bare(word.group()).lower()
        if key in STOPWORDS:
            break
        if text[0].islower():
            accepted = (strong and key in first_names()) if end == start else _listed(key)
        elif end > start or strong:
            accepted = key not in STOPWORDS
        else:
            accepted = looks_like_name(text)
        if not accepted:
            break
        end = word.end()
    return [_without_possessive(match.string, start, end)] if end > start else []


def _joined(
    text: str, tokens: list[re.Match[str]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """First names joined to a name found (or to a placeholder) by "and", "&" or a comma."""
    anchors = list(spans)
    position = text.find(PLACEHOLDER)
    while position >= 0:
        anchors.append((position, position + len(PLACEHOLDER)))
        position = text.find(PLACEHOLDER, position + 1)
    candidates = [t for t in tokens if _joinable(t.group())]
    found: list[tuple[int, int]] = []
    while anchors and candidates:
        start, end = anchors.pop()
        for token in list(candidates):
            gap = text[end : token.start()] if token.start() >= end else text[token.end() : start]
            if len(gap) <= 8 and " ".join(gap.split()) in CONNECTORS:
                span = _without_possessive(text, *token.span())
                if not any(s <= span[0] < e for s, e in spans + found):
                    found.append(span)
                    anchors.append(span)
                candidates.remove(token)
    return found


def _joinable(word: str) -> bool:
    key = _bare(word).lower()
    return key in first_names() and key not in ordinary_words() and key not in STOPWORDS


def _without_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span without its possessive: "Dr Khan's picture" → "[NAME]'s picture"."""
    if text[start:end].endswith(("'s", "\u2019s")):
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
