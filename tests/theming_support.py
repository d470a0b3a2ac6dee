"""Synthetic feedback on three topics for the theming tests."""

from __future__ import annotations

import random


def words(text: str) -> list[str]:
    return text.split()


TOPICS = {
    "parking": words("parking lot car spaces meter garage spot tow"),
    "wait": words("wait line counter queue hours slow ticket number"),
    "online": words("website online form login password portal crashes browser"),
}
FILLER = words("service office really today visit staff always again please every time")


def three_topics(per_topic: int = 60, seed: int = 3) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    texts, truth = [], []
    for topic, words in TOPICS.items():
        for _ in range(per_topic):
            chosen = rng.sample(words, 4) + rng.sample(FILLER, 2)
            rng.shuffle(chosen)
            texts.append(" ".join(chosen).capitalize() + ".")
            truth.append(topic)
    return texts, truth
