"""Preparation: non-answers, exact duplicates and campaigns are found before theming."""

from __future__ import annotations

import random

from engage.theming.answers import duplicate_key
from engage.theming.prepare import find_near_duplicates, prepare_texts

LETTER = (
    "I am writing to ask the ministry to keep the Main Street office open because "
    "{who} in our town rely on it every week to renew their health cards"
)


def test_answers_of_nothing_are_fitted_apart_when_there_are_enough():
    answers = [f"Parking near office {i} is impossible" for i in range(60)]
    nothing = ["Nothing", "nothing.", "None", "No issues", "Nothing at all"]
    prepared = prepare_texts(answers + nothing + ["n/a"])
    assert not any(flag.non_answer for flag in prepared.flags[60:65])
    assert prepared.flags[61 + 0].duplicate_of == 60  # "nothing." is "Nothing" again
    assert prepared.flags[65].non_answer
    fitted = [prepared.fit_indices[n] for n in prepared.nothing]
    assert fitted == [60, 62, 63, 64]
    assert prepared.grouped == list(range(60))
    few = prepare_texts(answers + nothing[:4])  # four: fewer than a theme needs
    assert few.nothing == [] and all(flag.non_answer for flag in few.flags[60:])
    many = [f"Parking near office {i} is impossible" for i in range(2000)]
    assert prepare_texts(many + nothing * 3).nothing == []  # 15, a theme here needs 16
    assert len(prepare_texts(many + nothing * 4).nothing) == 4
    assert prepare_texts(answers + nothing, nothing_theme=False).nothing == []


def test_exact_duplicates_ignore_case_spacing_and_punctuation():
    texts = [
        "The wait was far too long!",
        "the  wait was far too long",
        "The wait, was far too long.",
    ]
    prepared = prepare_texts(texts)
    assert [flag.duplicate_of for flag in prepared.flags] == [None, 0, 0]
    assert prepared.fit_indices == [0]
    assert prepared.source.tolist() == [0, 0, 0]
    assert duplicate_key("The WAIT,  was!") == "the wait was"


def test_non_answers_are_not_fitted_and_follow_nothing():
    prepared = prepare_texts(["n/a", "N/A", "Parking near the office is impossible", ""])
    assert [flag.non_answer for flag in prepared.flags] == [True, True, False, True]
    assert prepared.flags[1].duplicate_of is None
    assert prepared.fit_indices == [2]
    assert prepared.source.tolist() == [-1, -1, 0, -1]


def test_near_identical_letters_form_one_campaign_fitted_once():
    whos = ["seniors", "elders", "older people", "retirees", "seniors", "grandparents"]
    letters = [LETTER.format(who=who) + f" Signed, resident {i}" for i, who in enumerate(whos)]
    texts = ["Parking near the office is impossible", *letters, letters[0]]
    prepared = prepare_texts(texts)
    assert len(prepared.campaigns) == 1
    campaign = prepared.campaigns[0]
    assert campaign.size == 7  # six letters plus one exact copy
    assert campaign.members == [1, 2, 3, 4, 5, 6, 7]
    assert campaign.example.startswith("I am writing to ask the ministry")
    assert prepared.fit_indices == [0, 1]
    assert len(set(prepared.source[1:].tolist())) == 1
    assert all(prepared.flags[i].campaign == 0 for i in campaign.members)


def test_four_similar_letters_are_not_a_campaign():
    letters = [LETTER.format(who="seniors") + f" Signed, resident {i}" for i in range(4)]
    assert prepare_texts(letters).campaigns == []


def test_a_short_common_answer_is_a_duplicate_not_a_campaign():
    prepared = prepare_texts(["Wait times are too long."] * 6)
    assert prepared.campaigns == []
    assert prepared.fit_indices == [0]


def test_different_answers_are_not_grouped_as_near_duplicates():
    keys = [duplicate_key(t) for t in (
        "the wait at the counter was far too long today",
        "parking near the downtown office is impossible on weekdays",
        "the online renewal form crashed twice before i could pay",
        "staff at the front desk were friendly and quick",
    )]  # fmt: skip
    assert find_near_duplicates(keys) == []


def test_a_campaign_is_found_among_twenty_thousand_other_answers():
    # how long it takes is measured by bench/theming_speed.py, not here
    rng = random.Random(5)
    words = [f"word{i}" for i in range(2000)]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(5, 30))) for _ in range(20000)]
    texts += [LETTER.format(who="seniors") + f" Signed, resident {i}" for i in range(8)]
    prepared = prepare_texts(texts)
    assert [campaign.size for campaign in prepared.campaigns] == [8]
