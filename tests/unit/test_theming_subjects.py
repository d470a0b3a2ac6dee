"""What a theme is about and what people say of it: subjects, stance and the title they make."""

from __future__ import annotations

from collections import Counter

import numpy as np

from engage.theming.naming import Naming
from engage.theming.phrases import clauses
from engage.theming.subjects import noun_phrases, qualifiers, stance, subject_title, theme_subjects


def naming_of(themes: dict[int, list[str]]) -> Naming:
    docs = [text for texts in themes.values() for text in texts]
    labels = np.array([theme for theme, texts in themes.items() for _ in texts])
    return Naming(docs, np.ones(len(docs), dtype=int), labels)


KIOSK = [
    "The kiosk was broken again",
    "Kiosk broken, had to queue at the counter",
    "The kiosk screen froze and the kiosk was broken",
    "The kiosk ate my card",
    "Broken kiosk for the third week",
    "The kiosk never prints a receipt",
]
STAFF = [
    "The staff were friendly and helpful",
    "Friendly staff, thank you",
    "Staff were so helpful and friendly",
    "Lovely friendly staff at the desk",
    "The staff were helpful",
    "Helpful staff who explained everything",
]
HOURS = [
    "The office hours suit me on weekdays",
    "Saturday hours would help people who work",
    "Hours are fine for me",
    "The hours changed in summer",
    "Evening hours on Thursdays",
    "I checked the hours online first",
]


def test_a_subject_is_a_noun_phrase_never_a_verb_or_a_negated_word():
    (clause,) = clauses("renewed my health card without the kiosk")
    found = {" ".join(shown) for shown, _ in noun_phrases(clause, Counter())}
    assert "health card" in found and "card" in found
    assert "renewed" not in found and "kiosk" not in found  # "without" turns it


def test_the_subject_is_what_most_of_a_theme_names():
    naming = naming_of({0: KIOSK, 1: STAFF, 2: HOURS})
    for theme, word in ((0, "kiosk"), (1, "staff"), (2, "hours")):
        subjects = theme_subjects(naming, np.flatnonzero(naming.labels == theme))
        assert subjects[0].text == word


def test_complaints_praise_and_mixed_answers_are_told_apart():
    naming = naming_of({0: KIOSK, 1: STAFF, 2: HOURS})
    leanings = [stance(naming, np.flatnonzero(naming.labels == theme)) for theme in range(3)]
    assert leanings == ["complaint", "praise", ""]


def test_the_title_says_the_subject_and_what_people_say_of_it():
    naming = naming_of({0: KIOSK, 1: STAFF, 2: HOURS})
    titles = []
    for theme in range(3):
        members = np.flatnonzero(naming.labels == theme)
        subjects = theme_subjects(naming, members)
        leaning = stance(naming, members)
        said = qualifiers(naming, members, subjects[0], leaning)
        titles.append(subject_title(subjects, leaning or "comment", said)[0])
    assert titles == ["broken kiosk", "friendly, helpful staff", "comments on hours"]
