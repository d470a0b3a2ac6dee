"""The themes a run reports: numbered by size, titled, described, with typical answers.

A theme's title and description come from its own most typical answers (``titles``);
the answers of "nothing" make a theme of their own with a fixed title.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from engage.theming.answers import (
    NOTHING_DESCRIPTION,
    NOTHING_LABEL,
    duplicate_key,
    says_only_nothing,
)
from engage.theming.labels import clean_keyphrases
from engage.theming.merging import centroids
from engage.theming.naming import Naming
from engage.theming.prepare import Preparation
from engage.theming.result import UNTHEMED, Theme
from engage.theming.titles import name_theme

REPRESENTATIVES = 3


def number_themes(prepared, naming: Naming, keyphrases, size) -> tuple[list[Theme], dict[int, int]]:
    """Themes numbered by size (1 = largest, counting every text that carries the theme),
    each with a plain title and a one-sentence description drawn from its answers (see
    ``titles``), or titled by what was said when that is mostly one short answer given
    word for word by at least ``size`` people ("Nobody told me what was happening")."""
    labels = naming.labels
    ids = sorted(set(labels.tolist()) - {UNTHEMED})
    carried = labels[prepared.source[prepared.source >= 0]]
    sizes = {theme: int(np.sum(carried == theme)) for theme in ids}
    ids.sort(key=lambda theme: (-sizes[theme], theme))
    nothing = nothing_theme(prepared, labels)
    taken = {NOTHING_LABEL.lower()} if nothing is not None else set()
    centres = centres_of(naming.vectors, labels, ids)
    themes = []
    for number, theme in enumerate(ids, start=1):
        if theme == nothing:
            phrases = nothing_keyphrases(prepared)
            title, description = NOTHING_LABEL, NOTHING_DESCRIPTION
        else:
            phrases = clean_keyphrases(keyphrases.get(theme, []))
            title, description = name_theme(naming, theme, taken, phrases)
            title = _given_word_for_word(prepared, labels, theme, size, sizes[theme]) or title
        taken.add(title.lower())
        typical = _typical(naming.vectors, labels, theme, centres[number - 1])
        representatives = [prepared.fit_indices[i] for i in typical]
        centre = centres[number - 1]
        themes.append(
            Theme(number, title, phrases, sizes[theme], representatives, centre, description)
        )
    return themes, {theme: number for number, theme in enumerate(ids, start=1)}


def nothing_theme(prepared: Preparation, labels: np.ndarray) -> int | None:
    return int(labels[prepared.nothing[0]]) if prepared.nothing else None


def _given_word_for_word(prepared, labels, theme: int, size: int, carried: int) -> str:
    """The answer most of a theme's texts give word for word, when as many people as the
    smallest theme holds gave it and it is short enough to be a title; else ""."""
    copies = prepared.copies()
    members = np.flatnonzero(labels == theme)
    most = members[int(np.argmax(copies[members]))]
    if copies[most] < size or 2 * copies[most] < carried:
        return ""
    return _as_title(prepared.texts[prepared.fit_indices[most]])


def _as_title(answer: str, max_words: int = 8) -> str:
    """A short answer as a theme's title ("The website kept crashing"); "" when too long."""
    title = answer.strip().rstrip(".!?…;:, ").strip()
    if not title or len(title.split()) > max_words or len(title) > 60:
        return ""
    return title[0].upper() + title[1:]


def centres_of(embeddings, labels, ids) -> np.ndarray:
    if embeddings is None:
        return np.zeros((len(ids), 0), dtype=np.float32)
    found, centres = centroids(embeddings, labels)
    position = {theme: n for n, theme in enumerate(found)}
    return centres[[position[theme] for theme in ids]]


def _typical(embeddings, labels, theme, centre) -> list[int]:
    """Positions (among fitted answers) of the theme's answers closest to its centre."""
    members = np.flatnonzero(labels == theme)
    if embeddings is None:
        return members[:REPRESENTATIVES].tolist()
    closeness = embeddings[members] @ centre
    return members[np.argsort(-closeness, kind="stable")[:REPRESENTATIVES]].tolist()


def nothing_keyphrases(prepared: Preparation, limit: int = 5) -> list[str]:
    """How the answers of "nothing" were put, most frequent first: "nothing", "none" (short
    forms only: "Nothing, the staff were great" or "Nothing - 10/10" are not keyphrases)."""
    copies = prepared.copies()
    forms: Counter[str] = Counter()
    for n in prepared.nothing:
        text = prepared.texts[prepared.fit_indices[n]]
        form = duplicate_key(text)
        if says_only_nothing(text) and len(form.split()) <= 4 and not any(map(str.isdigit, form)):
            forms[form] += int(copies[n])
    return [form for form, _ in forms.most_common(limit)] or ["nothing"]
