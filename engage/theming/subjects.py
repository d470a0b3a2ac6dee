"""What a theme is about: the noun phrase most of its answers name, and what they say of it.

A title cut from one clause ("Days a week", "Door and into the parking") often
names a detail; a manager reads a theme by its subject ("Office hours",
"Kiosk") and by what people say about it (complaints, praise or requests).

- **Subjects** are the runs of one to three content words of an answer that
  end on a word that can be a noun (by the English lexicon of ``lemminflect``;
  a word it does not know — a name, an acronym, a French word — counts as one),
  preceded only by words that can qualify a noun ("health card", "accessible
  parking", "phone line"). Each is scored by the share of the theme's texts
  naming it, how much more often the theme names it than the others do, and
  how often it is written as it stands (a compound must be written, not just
  its words met apart).
- **Stance** is read from cue words: complaints ("broken", "rude", "never",
  "can't"), praise ("friendly", "quick", "thank") and requests ("please",
  "should", "more"); the share of texts holding each decides the form of the
  title: "Kiosk problems", "Praise for the staff", "Requests about office
  hours", or the subject alone when the answers are mixed.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engage.theming.labels import akin, word_set, word_stem
from engage.theming.naming import Naming, central_members
from engage.theming.phrases import Word, clause_stems

MAX_SUBJECT_WORDS = 3
READ = 300  # a theme's most typical answers its subjects and stance are read from
MIN_SUBJECT_SUPPORT = 0.05
COMPOUND = 0.5  # what each word of a compound subject adds to its score
GENERIC = word_set(
    "time times day days way thing things lot bit experience place part kind sort "
    "issue issues problem problems question questions everything anything nothing "
    "week weeks month months year years today yesterday morning afternoon row end point "
    "case fact reason side"
)
# Capitalised words mid-sentence are names (of a person, a group, a place): what a theme
# is about is rarely a name, except a language.
LANGUAGES = word_set("french english français anglais bilingual")
COMPLAINTS = word_set(
    "broken broke rude slow long longer wrong lost error errors froze frozen "
    "crashed crash crashes closed hard difficult confusing confused impossible frustrating "
    "frustrated frustration poor terrible awful horrible bad worse worst useless unhelpful "
    "dismissive annoyed angry late delay delayed delays cancelled missed fail failed fails "
    "failing refused rejected stuck hung dropped jammed waste wasted unacceptable ridiculous "
    "complained complaint complaints problem problems issue issues nowhere noisy noise dirty "
    "cold expensive charged lack lacking"
)
PRAISE = word_set(
    "great good excellent friendly helpful kind lovely brilliant quick fast easy clear "
    "polite professional patient caring pleasant impressed amazing fantastic wonderful "
    "efficient smooth thank thanks thankful grateful appreciated appreciate perfect best "
    "superb outstanding welcoming respectful supportive reassuring nice love loved enjoyed "
    "happy satisfied compassionate attentive informative knowledgeable"
)
REQUESTS = word_set(
    "please should need needs could would more let make add keep offer give put allow "
    "want wish hope suggest suggestion extend provide improve improvement better"
)
NEGATING = word_set("not no never nothing nobody can't cannot don't didn't won't wasn't")
STANCE_SHARE = 0.45  # share of a theme's texts a stance must hold ...
STANCE_LEAD = 1.5  # ... and how far it must lead the other stances


@dataclass(frozen=True)
class Subject:
    """A noun phrase a theme's answers name, as most of them write it."""

    shown: tuple[str, ...]
    key: frozenset[str]
    support: float  # share of the theme's texts naming all its words
    score: float
    distinct: float = 1.0  # its share inside the theme against inside and outside

    @property
    def text(self) -> str:
        return " ".join(self.shown)


_LOADING = threading.Lock()


@functools.cache
def _lexicon() -> Callable[[str], dict]:
    """lemminflect's word → parts of speech lookup, its lexicon loaded (about half a
    second: ``load_lexicon_beside`` starts it while the answers are being grouped)."""
    with _LOADING:
        from lemminflect import getAllLemmas  # a lexicon of its own, loaded on first use

        getAllLemmas("service")
        return getAllLemmas


def load_lexicon_beside() -> None:
    """Load the lexicon in a thread of its own, so that titling never waits for it."""
    threading.Thread(target=_lexicon, name="lexicon", daemon=True).start()


@functools.lru_cache(maxsize=1 << 16)
def _parts_of_speech(word: str) -> frozenset[str]:
    if word in NUMBER_WORDS:
        return frozenset({"NUM"})
    found = _lexicon()(word)
    return frozenset(found) if found else frozenset({"NOUN", "UNKNOWN"})


NUMBER_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred thousand first second third half"
)
DETERMINERS = word_set("the a an this that my our your his her their its le la les un une")


def can_be_noun(word: Word, named: Counter[str]) -> bool:
    """Whether a word can head a noun phrase ("kiosk", "hours", "booking", "NHS"): the
    lexicon says only a noun, or the theme's answers write it as one ("the counter")."""
    if word.lower in PRAISE or word.lower in COMPLAINTS or word.lower in REQUESTS:
        return False  # what people say of a subject ("better", "problems"), not one
    speech = _parts_of_speech(word.lower)
    if "NOUN" not in speech and not word.lower.endswith("ing"):
        return False
    return "ADJ" not in speech or named[word.lower] >= 2


def can_qualify(word: Word) -> bool:
    """Whether a word can stand before a noun in a noun phrase ("health", "accessible");
    not a word of praise or complaint ("friendly", "broken"): that is what people say of
    the subject, not the subject."""
    if word.lower in PRAISE or word.lower in COMPLAINTS:
        return False
    if word.lower.endswith(("ing", "ed")):
        return True
    return bool(_parts_of_speech(word.lower) & {"NOUN", "ADJ"})


def written_as_nouns(clauses: list[list[Word]]) -> Counter[str]:
    """How often each word ends a run opened by a determiner ("the counter", "a long
    wait"): a sign it is a noun there."""
    named: Counter[str] = Counter()
    for clause in clauses:
        for position, word in enumerate(clause[:-1]):
            if word.lower not in DETERMINERS:
                continue
            end = position + 1
            while end + 1 < len(clause) and clause[end + 1].kind == "content":
                end += 1
            named[clause[end].lower] += 1
    return named


FRENCH = word_set("le la les des du de au aux et est une un pour avec dans sur pas ne")
ENGLISH = word_set("the a an of and is to for with in on not was were it")


def noun_phrases(
    clause: list[Word], named: Counter[str]
) -> list[tuple[tuple[str, ...], frozenset[str]]]:
    """The runs of 1-3 plain (not negated) content words of a clause ending on a noun, as
    (words in lowercase, stems); none from a clause in French, whose words the lexicon
    does not know."""
    lowered = [word.lower for word in clause]
    if sum(w in FRENCH for w in lowered) > sum(w in ENGLISH for w in lowered):
        return []
    stems = clause_stems(clause)
    plain = [
        word.kind == "content" and stem is not None and not stem.startswith("!")
        for word, stem in zip(clause, stems, strict=True)
    ]
    for position, word in enumerate(clause):
        if position and word.text[:1].isupper() and not word.text.isupper():
            plain[position] = plain[position] and word.lower in LANGUAGES  # a name
    found = []
    for end, word in enumerate(clause):
        generic = word.lower in GENERIC or word.stem in GENERIC
        if not plain[end] or generic or not can_be_noun(word, named):
            continue
        for start in range(end, max(-1, end - MAX_SUBJECT_WORDS), -1):
            if not plain[start] or (start < end and not can_qualify(clause[start])):
                break
            shown = tuple(w.lower for w in clause[start : end + 1])
            found.append((shown, frozenset(s for s in stems[start : end + 1] if s)))
    return found


def theme_subjects(naming: Naming, members: np.ndarray, limit: int = 6) -> list[Subject]:
    """The noun phrases that best say what a theme is about, best first."""
    inside = naming.theme_mask(members)
    size = inside.bit_count() or 1
    outside = naming.everyone & ~inside
    others = outside.bit_count() or 1
    written: Counter[tuple[str, ...]] = Counter()
    keys: dict[tuple[str, ...], frozenset[str]] = {}
    read = central_members(naming, members, READ)  # phrases are cut from these ...
    read_size = int(naming.copies[read].sum()) or 1  # ... and counted in every text
    named = written_as_nouns([c for member in read.tolist() for c in naming.cut[member]])
    for member in read.tolist():
        seen = set()
        for clause in naming.cut[member]:
            for shown, key in noun_phrases(clause, named):
                if shown not in seen:
                    seen.add(shown)
                    written[shown] += int(naming.copies[member])
                    keys[shown] = key
    best: dict[frozenset[str], Subject] = {}
    for shown, count in written.items():
        key = keys[shown]
        holding = naming.holding(key)
        support = (holding & inside).bit_count() / size
        if support < MIN_SUBJECT_SUPPORT:
            continue
        elsewhere = (holding & outside).bit_count() / others
        as_written = min(1.0, 2 * count / read_size / support)
        distinct = support / (support + elsewhere)
        score = support * distinct * (1 + COMPOUND * (len(shown) - 1)) * as_written
        kept = best.get(key)
        if kept is not None:  # "kiosk" and "kiosks": one subject, shown as most write it
            score = max(score, kept.score)
            shown = max(shown, kept.shown, key=lambda form: written[form])
        best[key] = Subject(shown, key, support, score, distinct)
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.text))
    return _distinct(_broad_first(ranked))[:limit]


def _broad_first(ranked: list[Subject]) -> list[Subject]:
    """A compound ("evening hours") gives way to its head ("hours") when far fewer texts
    name it: the theme is about the head; when nearly as many do ("verification code" for
    "code"), the head gives way to the compound, which says more."""
    heads = {subject.shown[-1:]: subject for subject in ranked if len(subject.shown) == 1}
    specific = {}
    for subject in ranked:
        head = heads.get(subject.shown[-1:])
        if (
            len(subject.shown) > 1
            and head is not None
            and subject.support >= SPECIFIC * head.support
            and head.shown not in specific
        ):
            specific[head.shown] = subject
    kept = []
    for subject in ranked:
        head = heads.get(subject.shown[-1:])
        if len(subject.shown) > 1 and head is not None and subject.support < head.support / 2:
            continue
        if subject.shown in specific:
            subject = specific[subject.shown]
        if subject not in kept:
            kept.append(subject)
    return kept


SPECIFIC = 0.6  # share of its head's texts a compound must be named in to stand for it


def _distinct(ranked: list[Subject]) -> list[Subject]:
    """Subjects that do not repeat a better one ("kiosks" after "kiosk")."""
    kept: list[Subject] = []
    for subject in ranked:
        if not any(subject.key <= other.key or other.key <= subject.key for other in kept):
            kept.append(subject)
    return kept


def stance(naming: Naming, members: np.ndarray) -> str:
    """What most of a theme's texts do: "complaint", "praise", "request" or "" (mixed)."""
    members = central_members(naming, members, READ)
    weights = naming.copies[members]
    total = float(weights.sum()) or 1.0
    shares = {}
    for name, cues in (("complaint", COMPLAINTS), ("praise", PRAISE), ("request", REQUESTS)):
        held = 0.0
        for member, weight in zip(members.tolist(), weights.tolist(), strict=True):
            words = {w.lower for clause in naming.cut[member] for w in clause}
            negated = bool(words & NEGATING)
            if words & cues or (name == "complaint" and negated and not words & PRAISE):
                held += weight
        shares[name] = held / total
    # A complaint often comes with what would fix it, and praise with a wish for more of
    # it: requests do not blur a complaint or praise, only the opposite stance does.
    complaint, praise, request = shares["complaint"], shares["praise"], shares["request"]
    if complaint >= STANCE_SHARE and complaint >= STANCE_LEAD * praise:
        return "complaint"
    if praise >= STANCE_SHARE and praise >= STANCE_LEAD * complaint:
        return "praise"
    if request >= STANCE_SHARE and request >= STANCE_LEAD * max(complaint, praise):
        return "request"
    return ""


WORSE = word_set("worse worst bad")
COMPARATIVES = word_set(
    "more longer better faster quicker shorter clearer easier extended extra fewer less"
)
NEAR = 6  # words between a qualifier and its subject, at most ("the kiosk was broken")
QUALIFIER_SHARE = 0.06  # share of a theme's texts a word must qualify its subject in


def qualifiers(naming: Naming, members: np.ndarray, subject: Subject, leaning: str) -> list[str]:
    """The words most of a theme's texts use of its subject, in line with its stance
    ("friendly", "helpful" of staff; "broken" of a kiosk; "longer" of hours), most used
    first."""
    cues = {
        "praise": PRAISE - FEELINGS,
        "complaint": COMPLAINTS - COMPARATIVES - WORSE,
        "request": COMPARATIVES,
    }.get(leaning)
    if not cues:
        return []
    members = central_members(naming, members, READ)
    weights = naming.copies[members]
    total = float(weights.sum()) or 1.0
    used: Counter[str] = Counter()
    for member, weight in zip(members.tolist(), weights.tolist(), strict=True):
        said = set()
        for clause in naming.cut[member]:
            at = [n for n, w in enumerate(clause) if w.stem in subject.key]
            said |= {
                w.lower
                for n, w in enumerate(clause)
                if w.lower in cues
                and "ADJ" in _parts_of_speech(w.lower)
                and any(abs(n - place) <= NEAR for place in at)
                and len(subject.shown) < MAX_SUBJECT_WORDS  # a name is not qualified
            }
        for word in said:
            used[word] += weight
    chosen: list[str] = []
    for word, count in sorted(used.items(), key=lambda item: (-item[1], item[0])):
        if word in subject.shown or any(akin(word_stem(word), stem) for stem in subject.key):
            continue  # "Closed closing"
        if count / total < QUALIFIER_SHARE or len(chosen) == 2:
            break
        if not (word in GENERAL_PRAISE and any(other in GENERAL_PRAISE for other in chosen)):
            chosen.append(word)  # "Good, excellent treatment" says one thing twice
    return chosen


# Words that say how people felt, not what a thing was like ("happy", not "happy service").
FEELINGS = word_set("happy satisfied grateful thankful pleased impressed appreciated enjoyed loved")
GENERAL_PRAISE = word_set(
    "good great excellent lovely nice best brilliant amazing fantastic wonderful perfect "
    "superb outstanding"
)


def subject_title(
    subjects: list[Subject], leaning: str, qualified: list[str]
) -> tuple[str, frozenset[str]]:
    """A title from a theme's subjects and stance ("complaint", "praise", "request", or
    "comment" for a subject alone): "Friendly, helpful staff", "Problems with the kiosk",
    "Longer hours", "Booking and appointments", "Comments on the staff"; ("", empty) when
    there is no subject."""
    if not subjects:
        return "", frozenset()
    first = subjects[0]
    shown, key = first.text, first.key
    second = second_subject(subjects)
    if qualified:
        title = f"{', '.join(qualified)} {shown}"
    elif leaning == "complaint":
        title = f"problems with {_the(first)}{shown}"
    elif leaning == "praise":
        title = f"praise for {_the(first)}{shown}"
    elif leaning == "request":
        title = f"requests about {_the(first)}{shown}"
    elif leaning == "comment":
        title = f"comments on {_the(first)}{shown}"
    elif second is not None:
        title, key = f"{shown} and {second.text}", key | second.key
    else:
        title = shown
    return title, key


def second_subject(subjects: list[Subject]) -> Subject | None:
    """Another subject nearly as many of the theme's texts name ("Booking and
    appointments"), if there is one."""
    first = subjects[0]
    if not _joinable(first):
        return None
    return next(
        (
            s
            for s in subjects[1:]
            if s.support >= max(0.25, first.support / 2)
            and s.distinct >= DISTINCT_SECOND
            and _joinable(s)
            and not any(akin(a, b) for a in s.key for b in first.key)
        ),
        None,
    )


DISTINCT_SECOND = 0.85  # a second subject is one few other themes name ("Service" is not)
TIME_WORDS = word_set("hour minute minutes second seconds night nights")


def _joinable(subject: Subject) -> bool:
    """Whether a subject names a thing that reads well beside another ("Booking and
    appointments"), not a span of time or an action ("Waiting and hour")."""
    head = subject.shown[-1]
    return head not in TIME_WORDS and not (len(subject.shown) == 1 and head.endswith("ing"))


def _the(subject: Subject) -> str:
    """The article before a subject: "the kiosk"; none before a plural, an activity or a
    kind of thing ("documents", "waiting", "accessible parking", "mental health")."""
    first, last = subject.shown[0], subject.shown[-1]
    if last.endswith("ing") or (last.endswith("s") and not last.endswith("ss")):
        return ""
    speech = _parts_of_speech(first)
    if len(subject.shown) > 1 and ("ADJ" in speech or "UNKNOWN" in speech):
        return ""
    return "the "
