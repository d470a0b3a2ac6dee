"""Plain titles and descriptions, drawn from each theme's own answers (fake embedder)."""

from __future__ import annotations

import random
import re

import pytest

from engage.theming import ThemingOptions, theme_texts
from engage.theming.alike import say_the_same, signature
from engage.theming.descriptions import as_description
from engage.theming.naming import plain_case
from engage.theming.phrases import answer_key
from engage.theming.testing import HashingEmbedder

OPENERS = ["", "", "Honestly, ", "Well, ", "I think ", "To be honest "]
ENDINGS = ["", "", " Thanks.", " Not good enough.", " Please sort it out."]
TOPICS = {
    "hold": [
        "I waited on hold for {n} minutes before anyone answered",
        "Long waits on hold every time I call",
        "On hold for {n} minutes and then the call dropped",
        "The wait on hold is far too long",
        "Spent {n} minutes on hold just to ask one question",
    ],
    "bags": [
        "My bags were lost on the way home",
        "Lost bags and nobody could tell me where they were",
        "Our bags arrived {n} days late",
        "The airline lost my bags twice this year",
        "Bags delayed again, still waiting for them after {n} days",
    ],
    "kiosk": [
        "The kiosk touchscreen does not respond when you press it",
        "Kiosk touchscreen froze in the middle of my payment",
        "Had to press the kiosk touchscreen {n} times before it reacted",
        "The kiosk touchscreen is broken again",
        "Kiosk touchscreen keeps freezing",
    ],
    "fault": [
        "Can't fault the service at all",
        "Cannot fault the service, everyone was kind",
        "Honestly can't fault the service",
        "I can't fault the service you gave my mother",
        "Can't fault the service from start to finish",
    ],
}


def feedback(per_topic: int = 40, seed: int = 5) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    texts, truth = [], []
    for topic, templates in TOPICS.items():
        for _ in range(per_topic):
            text = rng.choice(OPENERS) + rng.choice(templates).format(n=rng.randint(2, 90))
            texts.append(text[0].upper() + text[1:] + "." + rng.choice(ENDINGS))
            truth.append(topic)
    return texts, truth


@pytest.fixture(scope="module")
def themed():
    texts, truth = feedback()
    noisy = texts + [
        "@airline lost my bags again http://t.co/x1y2 #fail",
        "Flightled flight, bags lost at CLT",
        "The CLT kiosk touchscreen froze",
    ]
    return noisy, truth, theme_texts(noisy, ThemingOptions(backend=HashingEmbedder()))


def test_titles_are_short_plain_phrases_never_keyword_pairs(themed):
    _, _, result = themed
    assert 4 <= result.n_themes <= 5  # lost bags and late bags may stand apart
    for theme in result.themes:
        words = theme.label.split()
        assert 2 <= len(words) <= 7, theme.label
        assert "·" not in theme.label and "_" not in theme.label
        assert theme.label[0].isupper() and theme.label[1:] != theme.label[1:].upper()
        assert not re.search(r"https?|t\.co|@|#|\bCLT\b|flightled", theme.label, re.I)
    labels = [theme.label.lower() for theme in result.themes]
    assert len(set(labels)) == len(labels)


def test_each_title_says_what_most_of_its_answers_are_about(themed):
    texts, truth, result = themed
    expected = {"hold": "hold", "bags": "bag", "kiosk": "kiosk", "fault": "fault"}
    for theme in result.themes:
        members = [truth[i] for i, a in enumerate(result.assignments[: len(truth)])
                   if a == theme.id]  # fmt: skip
        topic = max(set(members), key=members.count)
        assert expected[topic] in theme.label.lower(), (topic, theme.label)
        keys = [answer_key(texts[i]) for i, a in enumerate(result.assignments) if a == theme.id]
        for stem in answer_key(theme.label) - {"not"}:
            share = sum(stem in key for key in keys) / theme.size
            assert share >= 0.15, (theme.label, stem, share)  # never a word few answers use


def test_a_negation_stays_in_the_title(themed):
    _, _, result = themed
    fault = next(theme for theme in result.themes if "fault" in theme.label.lower())
    assert re.match(r"(can't|cannot|can not|couldn't)\b", fault.label.lower()), fault.label


def test_each_theme_has_one_sentence_drawn_from_its_answers(themed):
    texts, _, result = themed
    for theme in result.themes:
        assert re.fullmatch(r"People (say|ask to) [^.]+\.", theme.description), theme.description
        key = answer_key(theme.description) - answer_key("people say they them their")
        members = [answer_key(texts[i]) for i, a in enumerate(result.assignments)
                   if a == theme.id]  # fmt: skip
        assert any(key <= member for member in members), theme.description


def test_french_answers_get_a_french_title():
    rng = random.Random(4)
    site = ["Le site web plante quand je paie", "Le site web ne marche pas",
            "Encore le site web en panne", "Le site web est trop lent"]  # fmt: skip
    wait = ["Attente trop longue au comptoir", "L'attente au comptoir est interminable",
            "Une heure d'attente au comptoir", "Attente au comptoir vraiment longue"]  # fmt: skip
    ends = [".", " !", " hier.", " ce matin.", ", franchement.", " encore une fois."]
    texts = [f"{rng.choice(site)}{rng.choice(ends)}" for _ in range(24)]
    texts += [f"{rng.choice(wait)}{rng.choice(ends)}" for _ in range(24)]
    result = theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))
    labels = " | ".join(theme.label.lower() for theme in result.themes)
    assert "site web" in labels and "attente" in labels, labels


def test_a_description_tells_what_people_say_in_the_third_person():
    assert as_description("I waited two hours and my card was refused!") == (
        "People say they waited two hours and their card was refused."
    )
    assert as_description("Please bring back the mobile van") == (
        "People ask to bring back the mobile van."
    )
    assert as_description("FrIendly staff, all very Good", {"good": "good"}) == (
        "People say friendly staff, all very good."
    )
    assert plain_case("NHS") == "NHS" and plain_case("iPhone") == "iPhone"


def test_themes_that_say_the_same_thing_are_told_apart_from_those_that_do_not():
    friendly, kind = answer_key("Friendly staff"), answer_key("Everyone was kind and caring")
    rude = answer_key("Rude staff")
    assert signature(friendly) == signature(kind) == (1, frozenset({"<people>"}))
    assert say_the_same(friendly, kind) and not say_the_same(friendly, rude)
    assert say_the_same(answer_key("All very good"), answer_key("Good service"))
    assert not say_the_same(answer_key("Long waits on hold"), answer_key("Lost bags"))
    assert signature(answer_key("Couldn't have been better"))[1] == {"<nothing to improve>"}
    assert signature(answer_key("Not helpful at all")) == (-1, frozenset({"<people>"}))


def test_a_run_never_holds_two_themes_that_say_the_same_thing():
    rng = random.Random(2)
    praise = ["Staff were friendly", "Friendly staff", "The staff were very friendly"]
    manner = ["Everyone was kind and caring", "Kind and caring", "So kind and caring"]
    texts = [f"{rng.choice(praise)} ({n})." for n in range(30)]
    texts += [f"{rng.choice(manner)} ({n})." for n in range(30)]
    texts += feedback(20)[0]
    result = theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))
    placed = {result.assignments[i] for i in range(60)}
    assert len(placed) == 1, [t.label for t in result.themes]  # one theme: kind staff
    assert result.n_themes == 5


def test_merging_alike_themes_never_leaves_fewer_than_two():
    rng = random.Random(3)
    groups = [["Staff were friendly", "Friendly staff", "The staff were very friendly"],
              ["Kind and caring nurses", "The nurses were kind and caring"],
              ["Lovely people", "Everyone was lovely", "Such lovely people"]]  # fmt: skip
    texts = [f"{rng.choice(group)} ({n})." for group in groups for n in range(25)]
    result = theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))
    assert result.n_themes >= 2
