"""Themes that say the same thing: merged before they are named.

Grouping by meaning can split one idea over several themes: "Friendly staff",
"Kind and caring", "Everyone was lovely" are, for a reader, one theme (staff are
kind); "All very good" and "Good service" another (general praise). Each theme's
best title (see ``titles``) is read as *what it is about* and *how people find it*:

- the **subject**: the title's words that name something, where every word for
  the people who serve ("staff", "nurses", "agent", "everyone") is one subject, a
  word for how people are ("friendly", "patient", "rude") implies it, and general
  words ("service", "experience", "everything") name nothing;
- the **polarity**: praise, complaint, or neither; a negation turns it ("not
  helpful"), except where it praises ("couldn't have been better", "can't fault").

Two themes with the same subject and the same polarity (praise or complaint) say
the same thing; so do two whose titles say the same words, or one all of whose
words the other says too (two words at least: "Friendly and helpful" and "Staff
friendly and helpful"). Praise that says nothing could be better ("Couldn't have
been better", "Can't fault") joins the theme of the answers of "nothing".
"""

from __future__ import annotations

import numpy as np

from engage.theming.labels import COMPLAINT_WORDS, PRAISE_WORDS, word_set, word_stem
from engage.theming.result import UNTHEMED
from engage.theming.titles import title_candidates


def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(word_stem(word) for word in words)


PEOPLE = "<people>"
NOTHING_TO_IMPROVE = "<nothing to improve>"
# The people who serve, as feedback names them.
_PEOPLE_WORDS = _stems(
    word_set(
        "staff staffs nurse nurses doctor doctors team teams receptionist receptionists "
        "agent agents "
        "clerk clerks employee employees worker workers personnel people everyone everybody "
        "consultant consultants therapist therapists physio midwife midwives carer carers "
        "officer officers member members crew person lady ladies gentleman man woman folks "
        "personnel employés agents agente équipe préposé préposés"
    )
)
# How people are: a title praising (or faulting) these speaks of the people who serve.
_MANNER_PRAISE = _stems(
    word_set(
        "friendly kind caring polite courteous professional lovely helpful patient nice "
        "respectful supportive attentive compassionate understanding welcoming pleasant warm "
        "knowledgeable cheerful gentle considerate reassuring approachable empathetic "
        "aimable aimables gentil gentille gentils courtois courtoise sympathique professionnel "
        "professionnelle serviable"
    )
)
_MANNER_COMPLAINT = _stems(
    word_set(
        "rude unfriendly unhelpful impolite dismissive arrogant condescending uncaring "
        "disrespectful abrupt grumpy impatient impoli impolie désagréable"
    )
)
_PRAISE = (
    _stems(
        PRAISE_WORDS
        | word_set(
            "fine ok okay satisfied brilliant efficient smooth exceptional faultless superb "
            "outstanding fab fabulous marvellous excellent wonderful amazing fantastic "
            "enjoyed enjoy "
            "pleased impressed bien bon bonne excellent excellente parfait super génial satisfait "
            "satisfaite efficace rapide"
        )
    )
    | _MANNER_PRAISE
)
_COMPLAINT = (
    _stems(
        COMPLAINT_WORDS
        | word_set(
            "poor rubbish appalling dreadful disgusting shocking unacceptable long lent lente "
            "longue "
            "mauvais mauvaise"
        )
    )
    | _MANNER_COMPLAINT
)
# Words that name nothing in particular.
_GENERAL = _stems(
    word_set(
        "service services experience everything overall all care received time visit job work "
        "expérience tout"
    )
)
# "Couldn't have been better", "Can't fault", "Nothing to improve": praise by negation.
_IMPROVE = _stems(
    word_set(
        "better improve improved improvement improvements fault faults fault complain complaint "
        "complaints criticise criticism change changed mieux améliorer"
    )
)


def signature(key: frozenset[str]) -> tuple[int, frozenset[str]] | None:
    """(polarity, subject) of a title's key (see ``phrases.clause_stems``: negated stems
    start with "!"); None when the title neither praises nor complains."""
    negated = {stem[1:] for stem in key if stem.startswith("!")}
    plain = {stem for stem in key if not stem.startswith("!") and stem != "not"}
    if negated & _IMPROVE and not negated & _COMPLAINT:
        return 1, frozenset({NOTHING_TO_IMPROVE})
    praise = bool(plain & _PRAISE) or bool(negated & _COMPLAINT)
    complaint = bool(plain & _COMPLAINT) or bool(negated & _PRAISE)
    if praise == complaint:
        return None
    words = plain | negated
    subject = {PEOPLE if stem in _PEOPLE_WORDS else stem for stem in words}
    subject -= _PRAISE | _COMPLAINT | _GENERAL
    if words & (_MANNER_PRAISE | _MANNER_COMPLAINT):
        subject.add(PEOPLE)
    return (1 if praise else -1), frozenset(subject)


def say_the_same(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two titles' keys say the same thing (see the module's docstring)."""
    if first == second:
        return True
    smaller, larger = sorted((first, second), key=len)
    if len(smaller) >= 2 and smaller <= larger:
        return True
    one, other = signature(first), signature(second)
    return one is not None and one == other


def merge_alike(naming, keyphrases: dict, nothing: int | None, rounds: int = 3, fewest: int = 2):
    """Merge the themes of ``naming.labels`` whose titles say the same thing, into the
    largest of them (into the theme of "nothing" for praise that nothing could be better),
    never leaving fewer than ``fewest`` themes; ``keyphrases`` (theme → scored phrases)
    are merged alike. Changes ``naming.labels`` in place; returns the keyphrases."""
    best: dict[int, frozenset[str] | None] = {}
    for _ in range(rounds):
        themes = sorted(set(naming.labels.tolist()) - {UNTHEMED})
        for theme in themes:
            if theme not in best and theme != nothing:
                found = title_candidates(naming, theme)
                best[theme] = found[0].key if found else None
        groups = _alike_groups(naming, themes, best, nothing)
        if not groups:
            break
        left = len(themes)
        for group in groups:
            if left - (len(group) - 1) < fewest:
                break
            left -= len(group) - 1
            into = nothing if nothing in group else group[0]
            others = [theme for theme in group if theme != into]
            naming.labels[np.isin(naming.labels, others)] = into
            keyphrases[into] = _interleaved([keyphrases.get(t, []) for t in [into, *others]])
            for theme in group:
                best.pop(theme, None)
                naming.titled.pop(theme, None)
                if theme != into:
                    keyphrases.pop(theme, None)
    return keyphrases


def _alike_groups(naming, themes, best, nothing) -> list[list[int]]:
    """Groups (largest theme first) of themes whose titles say the same thing."""
    sizes = {theme: int(naming.copies[naming.labels == theme].sum()) for theme in themes}
    parent = {theme: theme for theme in themes}

    def root(theme: int) -> int:
        while parent[theme] != theme:
            theme = parent[theme]
        return theme

    titled = [theme for theme in themes if best.get(theme) is not None]
    for n, first in enumerate(titled):
        for second in titled[n + 1 :]:
            if say_the_same(best[first], best[second]):
                parent[root(second)] = root(first)
    if nothing is not None:
        for theme in titled:
            if signature(best[theme]) == (1, frozenset({NOTHING_TO_IMPROVE})):
                parent[root(theme)] = root(nothing)
    groups: dict[int, list[int]] = {}
    for theme in themes:
        groups.setdefault(root(theme), []).append(theme)
    return [
        sorted(group, key=lambda t: (-sizes[t], t)) for group in groups.values() if len(group) > 1
    ]


def _interleaved(lists: list[list], limit: int = 15) -> list:
    """The first of each list, then the second of each..., without repeats."""
    merged: list = []
    seen: set = set()
    for position in range(max((len(items) for items in lists), default=0)):
        for items in lists:
            if position < len(items):
                phrase = (
                    items[position][0] if isinstance(items[position], tuple) else items[position]
                )
                if phrase not in seen:
                    seen.add(phrase)
                    merged.append(items[position])
    return merged[:limit]
