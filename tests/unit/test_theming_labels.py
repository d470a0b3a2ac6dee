"""Theme labels and keyphrases read like a person wrote them."""

from __future__ import annotations

import re

from engage.theming.labels import (
    clean_keyphrases,
    count_keyphrases,
    theme_label,
    unique_labels,
    word_stem,
)


def test_plural_and_verb_forms_fold_together():
    assert {word_stem(w) for w in ("wait", "waits", "waiting", "waited")} == {"wait"}
    assert word_stem("times") == word_stem("time")
    assert word_stem("services") == word_stem("service")
    assert word_stem("boxes") == word_stem("box")
    assert word_stem("address") == "address"


def test_keyphrases_drop_repeats_stop_words_and_words_inside_chosen_pairs():
    scored = [("wait", 0.9), ("wait time", 0.8), ("waits", 0.7), ("the counter", 0.6),
              ("wait times", 0.5), ("counter", 0.4), ("time wait", 0.3), ("long lines", 0.2),
              ("line", 0.1), ("staff", 0.05)]  # fmt: skip
    assert clean_keyphrases(scored) == ["wait time", "counter", "long lines", "staff"]


def test_label_is_a_short_title_not_a_topic_code():
    label = theme_label(["wait time", "long lines", "counter"])
    assert label == "Wait time · long lines"
    assert not re.match(r"^-?\d+_", label)
    assert theme_label([]) == "Other feedback"
    assert len(theme_label(["online renewal form", "health card photo", "x"]).split()) <= 5 + 1


def test_labels_are_unique_across_themes():
    labels = unique_labels([["wait time", "counter", "staff"], ["wait time", "counter", "phone"]])
    assert len(set(labels)) == 2
    assert labels[0] == "Wait time · counter"


def test_counted_keyphrases_for_a_handful_of_texts():
    texts = ["The wait at the counter was too long", "Long wait at the counter today"]
    phrases = count_keyphrases(texts)
    assert "counter" in phrases or any("counter" in p for p in phrases)
    assert not any(p in {"the", "at", "was"} for p in phrases)
