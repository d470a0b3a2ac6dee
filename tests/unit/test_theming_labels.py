"""Theme labels and keyphrases read like a person wrote them."""

from __future__ import annotations

from engage.theming.labels import (
    PhraseAnalyzer,
    clean_keyphrases,
    count_keyphrases,
    nameable,
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
    # a word far ahead of the phrases holding it is what the theme is about
    scored = [("parking", 1.0), ("disabilities", 0.5), ("finding parking", 0.43)]
    assert clean_keyphrases(scored) == ["parking", "disabilities", "finding parking"]


def test_counted_keyphrases_for_a_handful_of_texts():
    texts = ["The wait at the counter was too long", "Long wait at the counter today"]
    phrases = count_keyphrases(texts)
    assert "counter" in phrases or any("counter" in p for p in phrases)
    assert not any(p in {"the", "at", "was"} for p in phrases)


def test_phrases_are_as_written_never_bridging_stop_words_or_punctuation():
    phrases = PhraseAnalyzer(2)(
        "I had to renew my health card. Called five times over two days in a row; "
        "proof of address, please."
    )
    assert "health card" in phrases
    assert "proof of address" in phrases
    assert "renew health" not in phrases  # "renew my health" skips a word
    assert "days row" not in phrases  # "days in a row" skips two
    assert "card called" not in phrases  # across a full stop
    assert clean_keyphrases(["proof of address", "of address", "proof"]) == ["proof of address"]
    assert not {"my", "in", "a", "of", "please"} & set(phrases)


def test_only_phrases_that_name_a_topic_can_list_a_theme():
    assert nameable("family doctor") and nameable("parking") and nameable("hearing loop")
    assert not nameable("honestly") and not nameable("wait worse") and not nameable("calls dropped")
    assert not nameable("dealt") and not nameable("form sent") and not nameable("great staff")
    assert nameable("long waits") and nameable("short notice") and not nameable("long")
    assert nameable("feel safe") and not nameable("feel")


def test_counted_keyphrases_come_from_phrases_as_written():
    texts = ["Renew my health card online", "Health card renewal took weeks", "my health card"]
    phrases = count_keyphrases(texts)
    assert phrases[0] == "health card"
    assert "renew health" not in phrases


def test_french_verb_forms_never_name_a_theme():
    texts = ["Les toilettes étaient sales.", "Les toilettes étaient sales et les lavabos aussi."]
    phrases = count_keyphrases(texts)
    assert "toilettes" in phrases
    assert not any("étaient" in phrase.split() for phrase in phrases)
