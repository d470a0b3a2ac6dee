"""Plain titles, cut from each theme's own answers.

No generative model: a title is a phrase people wrote. Candidates are the
phrases of 2 to 7 words (see ``phrases``) cut from the clauses of a theme's most
typical answers: they start on a word that says something or on a negation
("can't fault the staff"), never just after a negation, and end on a word that
says something; leading fillers ("I think", "it was", "the") fall away. Each
candidate is scored by

- **support**: the share of the theme's texts holding every stem of the
  phrase (each of its words must also be in a fair share of them, so a typo or
  a word a few people used never makes a title);
- **distinctiveness**: how much more often the phrase is met in the theme than
  in the other answers;
- **specificity**: a phrase saying more (subject and what people say of it) is
  worth more, as long as enough answers say all of it;
- **readability**: fewer words in the first person, no run-on phrases, a form
  several people wrote as it stands.

The best phrase is put in sentence case ("Staff were friendly and helpful",
"Nothing could have been done better", "Can't fault the service"). A theme
whose texts are mostly one short answer given word for word takes that answer
(see ``pipeline``); its description comes from ``descriptions``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engage.theming.descriptions import SECOND_PERSON, describe
from engage.theming.labels import akin, nameable, repeats, stems_of, word_set, word_stem
from engage.theming.naming import Naming, casings, central_members, plain_case
from engage.theming.phrases import AUXILIARIES, Word, classify, clause_stems, negated_start
from engage.theming.subjects import (
    NUMBER_WORDS,
    can_be_noun,
    noun_phrases,
    qualifiers,
    second_subject,
    stance,
    subject_title,
    theme_subjects,
)

MIN_WORDS, MAX_WORDS = 2, 7
# How a candidate's score weighs (see ``_score``, ``_as_written``, ``_as_typical``): its
# support, each word it says beyond the first, the share of its answers that wrote it word
# for word, a cut through words that belong together, and closeness in meaning to its theme
# (power) and away from the others (margin).
SUPPORT_POWER, SAYS_MORE, VERBATIM = 1.0, 0.45, 0.8
CUT_COST = 0.45
TYPICAL_POWER, MARGIN_WEIGHT = 0.5, 0.7
RELAXED = 0.6  # when no phrase is found in enough answers, the share asked of a broad theme
MIN_SUPPORT = 0.08  # share of a theme's texts a title must be found in
MIN_WORD_SUPPORT = 0.1  # ... and each of its words
# Words that may open a title though they name nothing: "All very good", "Everyone was kind".
QUANTIFIERS = word_set("all everyone everybody everything tout tous")
# ... when a verb or an intensifier follows ("All very good"; not "All nurses").
VERBS_AFTER = word_set(
    "was were is are has have been very so really extremely always absolutely just "
    "était étaient est sont très vraiment"
)
FIRST_PERSON = word_set("i me my mine myself we us our ours je j me moi mon ma mes nous")
THIRD_PERSON = word_set("he she they it him her them his their they're it's he's she's")


@dataclass
class Candidate:
    """A phrase that could title a theme."""

    words: tuple[Word, ...]
    key: frozenset[str]
    written: int = 1  # how many typical answers hold it as it stands
    cut: float = 0.0  # ... cutting a run of words that belong together (see ``_cuts``)
    score: float = 0.0
    support: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def phrase_candidates(answers: Sequence[list[list[Word]]]) -> dict[tuple[str, ...], Candidate]:
    """Every phrase a title could be, from ``answers`` (cut into clauses), by the words it
    shows (lowercase)."""
    found: dict[tuple[str, ...], Candidate] = {}
    for answer in answers:
        seen: set[tuple[str, ...]] = set()
        for clause in answer:
            stems = clause_stems(clause)
            for start, end in _windows(clause):
                # one answer's figure is never a title's: "Bags arrived (54) days late"
                words = [word for word in clause[start:end] if word.kind != "number"]
                shown = tuple(word.lower for word in words)
                if shown in seen:
                    continue
                seen.add(shown)
                if shown not in found:
                    if not _says_each_once(words):
                        continue
                    key = frozenset(stem for stem in stems[start:end] if stem is not None)
                    found[shown] = Candidate(tuple(words), key, written=0)
                found[shown].written += 1
                found[shown].cut += _cuts(clause, start, end)
    return found


def _cuts(clause: list[Word], start: int, end: int) -> float:
    """How far a phrase cuts a run of words that belong together: it stops just before a
    content word ("Tried the online | renewal", "New lowered | counter": 1) or starts just
    after one (0.5)."""
    after = end < len(clause) and (
        clause[end].kind == "content" or _ends_on_particle(clause, start, end)
    )
    before = start > 0 and clause[start - 1].kind == "content"
    return after + 0.5 * before


def _says_each_once(words: list[Word]) -> bool:
    """Whether no content word of a phrase repeats another ("Ward ward", "Help has helped")."""
    stems = [word.stem for word in words if word.kind == "content"]
    return not any(akin(a, b) for n, a in enumerate(stems) for b in stems[n + 1 :])


def _windows(clause: list[Word]) -> list[tuple[int, int]]:
    """(start, end) of the runs of 1-7 words of a clause that start on a content word or a
    negation (an auxiliary before a negation included), not within reach of a negation,
    and end on a content word."""
    runs = []
    for start in range(len(clause)):
        if not _starts(clause, start):
            continue
        for end in range(start, min(len(clause), start + MAX_WORDS)):
            if clause[end].kind == "content" and clause[end].lower not in AUXILIARIES:
                runs.append((start, end + 1))
            elif _ends_on_particle(clause, start, end):
                runs.append((start, end + 1))  # "Felt listened to", "Well looked after"
    return runs


PARTICLES = word_set("to after up out through on")
FEELING = word_set("felt feel feeling")


def _ends_on_particle(clause: list[Word], start: int, end: int) -> bool:
    """Whether ``clause[end]`` is a particle closing a verb just before it ("listened to")."""
    word, before = clause[end], clause[end - 1] if end > start else None
    return (
        word.lower in PARTICLES
        and before is not None
        and before.kind == "content"
        and before.lower.endswith("ed")
        and (end + 1 == len(clause) or clause[end + 1].kind != "content")
    )


def _starts(clause: list[Word], start: int) -> bool:
    word = clause[start]
    following = clause[start + 1] if start + 1 < len(clause) else None
    if word.kind == "function" or word.lower in QUANTIFIERS:
        opens = word.lower in QUANTIFIERS or (
            word.lower in AUXILIARIES and following is not None and following.kind == "negation"
        )
        if not opens:
            return False
    elif word.kind not in ("content", "negation"):
        opens = word.lower in FEELING and following is not None and following.kind == "content"
        if not opens:
            return False  # "I think", "said that"; but "Felt safe", "Felt listened to"
    if word.lower in QUANTIFIERS and (following is None or following.lower not in VERBS_AFTER):
        return False  # "All very good", "Everyone was kind"; not "All nurses"
    if negated_start(clause, start):
        return False
    return not (word.kind == "negation" and start and clause[start - 1].lower in AUXILIARIES)


def score_candidates(
    naming: Naming,
    theme: int,
    candidates: dict[tuple[str, ...], Candidate],
    relaxed: float = 1.0,
) -> list[Candidate]:
    """Candidates of 2-7 words found in enough of the theme's texts (``relaxed``: a share of
    the usual minimum), best first."""
    members = np.flatnonzero(naming.labels == theme)
    inside = naming.theme_mask(members)
    size = inside.bit_count() or 1
    outside = naming.everyone & ~inside
    others = outside.bit_count() or 1
    word_share: dict[str, float] = {}
    scored = []
    for candidate in candidates.values():
        if not MIN_WORDS <= len(candidate.words) <= MAX_WORDS or not candidate.key:
            continue
        for stem in candidate.key - word_share.keys():
            word_share[stem] = (naming.index.get(stem, 0) & inside).bit_count() / size
        if min(word_share[stem] for stem in candidate.key) < MIN_WORD_SUPPORT * relaxed:
            continue
        holding = naming.holding(candidate.key)
        support = (holding & inside).bit_count() / size
        if support < MIN_SUPPORT * relaxed:
            continue
        elsewhere = (holding & outside).bit_count() / others
        candidate.support = support
        candidate.score = _score(candidate, support, support / (support + elsewhere))
        if _against_the_grain(naming, inside, candidate.key, word_share, size):
            candidate.score *= AGAINST_THE_GRAIN
        scored.append(candidate)
    scored.sort(key=lambda c: (-c.score, len(c.words), c.text))
    _as_written(naming, members, scored[:VERBATIM_CHECKED])
    scored.sort(key=lambda c: (-c.score, len(c.words), c.text))
    _as_typical(naming, theme, scored[:TYPICAL_CHECKED])
    return sorted(scored, key=lambda c: (-c.score, len(c.words), c.text))


TYPICAL_CHECKED = 12


def _as_typical(naming: Naming, theme: int, candidates: list[Candidate]) -> None:
    """Favour the phrases whose meaning sits nearest the theme's answers and away from the
    other themes' (by the embedder's reading of the phrase, when there is one)."""
    if naming.embedder is None or naming.vectors is None or not candidates:
        return
    centres = naming.centres()
    if theme not in centres:
        return
    ids = list(centres)
    matrix = np.stack([centres[t] for t in ids])
    read = naming.embedder.encode([candidate.text for candidate in candidates])
    closeness = read @ matrix.T
    own = closeness[:, ids.index(theme)]
    others = np.delete(closeness, ids.index(theme), axis=1)
    margin = own - (others.max(axis=1) if others.shape[1] else 0.0)
    for candidate, near, ahead in zip(candidates, own.tolist(), margin.tolist(), strict=True):
        candidate.score *= max(near, 0.05) ** TYPICAL_POWER * float(np.exp(MARGIN_WEIGHT * ahead))


VERBATIM_CHECKED, VERBATIM_READ = 60, 400


def _as_written(naming: Naming, members: np.ndarray, candidates: list[Candidate]) -> None:
    """Favour the phrases people wrote word for word: a phrase many wrote as it stands
    reads naturally ("treated with respect"), one cut across a sentence rarely recurs."""
    if not candidates:
        return
    read = members[np.argsort(-naming.copies[members], kind="stable")[:VERBATIM_READ]]
    lines = [f"|{naming.lines[member]}|".replace("|", " | ") for member in read.tolist()]
    weights = naming.copies[read].tolist()
    total = sum(weights) or 1
    for candidate in candidates:
        shown = f" {' '.join(word.lower for word in candidate.words)} "
        share = sum(w for line, w in zip(lines, weights, strict=True) if shown in line) / total
        candidate.score *= 1 + VERBATIM * min(share / candidate.support, 1.0) ** 0.5


AGAINST_THE_GRAIN = 0.3


def _against_the_grain(naming, inside: int, key, word_share, size: int) -> bool:
    """Whether a phrase negates what more of the theme's answers say plainly ("No help" in a
    theme where most say the therapy helped): it would mislead."""
    for stem in key:
        if stem.startswith("!"):
            plain = (naming.index.get(stem[1:], 0) & inside).bit_count() / size
            if plain > word_share[stem]:
                return True
    return False


def _score(candidate: Candidate, support: float, distinct: float) -> float:
    said = len(candidate.key)
    form = 1.0 if said > 1 else 0.45  # the subject alone, or the verdict alone
    if candidate.words[0].lower in QUANTIFIERS:
        form *= 0.8
    lowered = {word.lower for word in candidate.words}
    if lowered & FIRST_PERSON:
        form *= 0.8
    if lowered & SECOND_PERSON:
        form *= 0.85
    if lowered & THIRD_PERSON:
        form *= 0.7
    form *= 0.92 ** max(0, len(candidate.words) - 5)
    if candidate.words[-1].lower in PARTICLES and len(candidate.words) < 3:
        form *= 0.7  # "Listened to" says less than "Felt listened to"
    form *= 1 - CUT_COST * min(1.0, candidate.cut / max(candidate.written, 1))
    return support**SUPPORT_POWER * distinct * (1 + SAYS_MORE * min(said - 1, 2)) * form


def sentence_case(words: Sequence[Word], casing: dict[str, str]) -> str:
    """The words as a title: the first capitalised, the others as the theme's answers
    mostly write them mid-sentence (acronyms and names kept, "servIce" → "service")."""
    shown = [plain_case(casing.get(word.lower, word.lower)) for word in words]
    shown = ["I" if word == "i" else word for word in shown]
    title = " ".join(shown)
    return title[:1].upper() + title[1:]


def listed(keyphrases: Sequence[str], limit: int = 3) -> str:
    """Keyphrases that name something, as a list: "Room, noise and toilets"."""
    chosen: list[str] = []
    for phrase in keyphrases:
        if nameable(phrase) and not repeats(phrase, {s for c in chosen for s in stems_of(c)}):
            chosen.append(phrase)
        if len(chosen) == limit:
            break
    if not chosen:
        return ""
    shown = chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + " and " + chosen[-1]
    return shown[:1].upper() + shown[1:]


def listed_title(naming: Naming, members: np.ndarray, limit: int = 3) -> str:
    """When no phrase is found in enough answers: the theme's most distinctive words that
    a fair share of its texts use, as a list ("Noise, rooms and toilets")."""
    inside = naming.theme_mask(members)
    size = inside.bit_count() or 1
    outside = naming.everyone & ~inside
    others = outside.bit_count() or 1
    forms: dict[str, Counter[str]] = {}
    for member in central_members(naming, members).tolist():
        for clause in naming.cut[member]:
            for word, stem in zip(clause, clause_stems(clause), strict=True):
                if word.kind == "content" and stem == word.stem:
                    forms.setdefault(stem, Counter())[word.lower] += 1
    ranked = []
    for stem in forms:
        mask = naming.index.get(stem, 0)
        share = (mask & inside).bit_count() / size
        elsewhere = (mask & outside).bit_count() / others
        if share >= MIN_WORD_SUPPORT / 2:
            ranked.append((share * share / (share + elsewhere), stem))
    ranked.sort(reverse=True)
    chosen: list[str] = []
    for _, stem in ranked:
        if not any(akin(stem, word_stem(other)) for other in chosen):
            chosen.append(forms[stem].most_common(1)[0][0])
        if len(chosen) == limit:
            break
    if not chosen:
        return ""
    listed = chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + " and " + chosen[-1]
    return listed[:1].upper() + listed[1:]


def title_candidates(naming: Naming, theme: int) -> list[Candidate]:
    """The phrases that could title ``theme``, best first (kept in ``naming.titled`` until
    the theme changes)."""
    if theme not in naming.titled:
        members = np.flatnonzero(naming.labels == theme)
        central = central_members(naming, members)
        found = phrase_candidates([naming.cut[i] for i in central])
        scored = score_candidates(naming, theme, found)
        if not scored:  # a broad theme: a phrase saying two things, found in fewer answers
            scored = [c for c in score_candidates(naming, theme, found, RELAXED) if len(c.key) > 1]
        naming.titled[theme] = scored
    return naming.titled[theme]


STATEMENT_SUPPORT = 0.3  # share of a theme's texts a statement must be found in to title it
STATEMENT_WORDS = 4
BE = word_set("is was are were be been being it's")


def name_theme(
    naming: Naming, theme: int, taken: set[str], keyphrases: Sequence[str] = ()
) -> tuple[str, str]:
    """A title not in ``taken`` (lowercase titles of other themes) and a description.

    A statement that a fair share of the theme's answers make ("Felt listened to",
    "Everything was explained") is the title as it stands; otherwise the title says the
    theme's subject and what people say of it ("Problems with the kiosk", "Friendly,
    helpful staff"; see ``subjects``), or, where they are mixed, the subject in a phrase
    of the answers ("Service in French") or alone; when no phrase will do, the theme's
    first keyphrases as a list."""
    members = np.flatnonzero(naming.labels == theme)
    casing = casings([naming.cut[i] for i in central_members(naming, members)])
    options = _options(naming, theme, members)
    title, key = "", frozenset()
    for words, option_key in options:
        shown = sentence_case(words, casing)
        if shown.lower() not in taken:
            title, key = shown, option_key
            break
    title = title or listed(keyphrases) or listed_title(naming, members)
    number = 2
    base = title or "Other feedback"
    while title.lower() in taken or not title:
        title, number = f"{base} ({number})", number + 1
    return title, describe(naming, members, key)


def _options(naming: Naming, theme: int, members: np.ndarray) -> list[tuple[list[Word], frozenset]]:
    """The titles a theme could take, best first, as words and the stems they say."""
    phrases = title_candidates(naming, theme)
    subjects = theme_subjects(naming, members)
    leaning = stance(naming, members) if subjects else ""
    about = subjects[0].key if subjects else frozenset()
    options: list[tuple[list[Word], frozenset]] = []
    statements = [
        c
        for c in phrases
        if _is_statement(c) and len(c.words) <= STATEMENT_WORDS and c.cut < c.written / 2
    ]
    options += [(list(c.words), c.key) for c in statements if c.support >= STATEMENT_SUPPORT]
    if leaning:
        said, key = subject_title(
            subjects, leaning, qualifiers(naming, members, subjects[0], leaning)
        )
        options.append((_as_words(said), key))
    naming_it = [
        c
        for c in phrases
        if about
        and about <= c.key
        and len(c.words) <= STATEMENT_WORDS
        and noun_phrases(list(c.words), Counter())  # not a phrase in French
        and not {word.lower for word in c.words} & BE  # "Centre is an hour": a fragment
    ]
    options += [(list(c.words), c.key) for c in naming_it if c.support >= subjects[0].support / 2]
    if subjects and second_subject(subjects) is not None:
        said, key = subject_title(subjects, "", [])
        options.append((_as_words(said), key))
    options += [(list(c.words), c.key) for c in naming_it if c.support >= subjects[0].support / 6]
    if subjects:  # a title has two words at least: "Comments on the staff"
        said, key = subject_title(subjects[:1], "comment", [])
        options.append((_as_words(said), key))
    options += [(list(c.words), c.key) for c in phrases]
    return options


def _is_statement(candidate: Candidate) -> bool:
    """Whether a phrase says something of its subject (it holds a word that is not a noun,
    or a negation): "Felt listened to", "Staff were friendly"; not "Birth certificate"."""
    if candidate.words[0].lower in NUMBER_WORDS:
        return False  # "Five tries"
    return any(
        word.kind == "negation" or (word.kind == "content" and not can_be_noun(word, Counter()))
        for word in candidate.words
    )


def _as_words(title: str) -> list[Word]:
    return [classify(token) for token in title.split()]
