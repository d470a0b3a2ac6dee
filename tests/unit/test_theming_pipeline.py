"""The theming pipeline on small synthetic feedback, with a deterministic fake embedder."""

from __future__ import annotations

import json

import numpy as np
import pytest
from theming_support import FILLER, TOPICS, three_topics

from engage.cli.hints import with_hint
from engage.errors import TooFewToSplit, UserError
from engage.theming import MemoryEmbeddingCache, ThemingOptions, get_embedder, theme_texts
from engage.theming.cluster import settle_themes
from engage.theming.metrics import ari
from engage.theming.pipeline import STAGES
from engage.theming.settings import ClusterSettings
from engage.theming.testing import HashingEmbedder


@pytest.fixture(scope="module")
def synthetic():
    texts, truth = three_topics()
    return texts, truth, theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))


def test_three_topics_are_recovered(synthetic):
    texts, truth, result = synthetic
    assert result.n_themes == 3
    assert ari(truth, result.assignments) > 0.9
    assert result.unthemed_share <= 0.15
    assert result.stability is not None and result.stability >= 0.7


def test_themes_are_described_and_sized(synthetic):
    texts, truth, result = synthetic
    assert [theme.id for theme in result.themes] == [1, 2, 3]
    assert sum(theme.size for theme in result.themes) == sum(a >= 0 for a in result.assignments)
    for theme in result.themes:
        assert theme.label and "_" not in theme.label
        assert theme.keyphrases
        assert all(result.assignments[i] == theme.id for i in theme.representatives)
        assert theme.centroid.shape == (64,)
        assert np.isclose(np.linalg.norm(theme.centroid), 1.0, atol=1e-4)
    topic_words = {word for words in TOPICS.values() for word in words}
    assert any(word in topic_words for word in result.themes[0].keyphrases[0].split())


def test_run_record_is_complete_and_json_ready(synthetic):
    result = synthetic[2]
    assert set(result.seconds) == set(STAGES)
    assert result.params["backend"] == "hashing-64"
    assert result.params["min_cluster_size"] >= 5
    assert "bertopic" in result.versions
    summary = json.loads(json.dumps(result.summary()))
    assert summary["n_docs"] == 180 and summary["n_themes"] == 3


def test_non_answers_duplicates_and_campaigns_follow_their_original(synthetic):
    texts, truth, _ = synthetic
    letter = ("Please keep the Main Street office open because seniors in our town rely on it "
              "every single week {}")  # fmt: skip
    extra = ["n/a", texts[0].upper(), "", *[letter.format(i) for i in range(6)]]
    result = theme_texts(texts + extra, ThemingOptions(backend=HashingEmbedder()))
    n = len(texts)
    assert result.assignments[n] == -1 and result.flags[n].non_answer
    assert result.assignments[n + 1] == result.assignments[0]
    assert result.flags[n + 1].duplicate_of == 0
    assert result.assignments[n + 2] == -1
    assert len(result.campaigns) == 1 and result.campaigns[0].size == 6
    assert len({result.assignments[i] for i in range(n + 3, n + 9)}) == 1
    assert result.probabilities[n] == 0.0


def test_an_answer_many_people_gave_word_for_word_is_a_theme_even_alone():
    texts, truth = three_topics()
    repeated = "Toilets filthy dirty smelly broken soap towels missing."
    result = theme_texts(texts + [repeated] * 12, ThemingOptions(backend=HashingEmbedder()))
    n = len(texts)
    theme = result.assignments[n]
    assert theme != -1 and set(result.assignments[n:]) == {theme}
    assert sum(a == theme for a in result.assignments) == 12  # no topic answer was drawn in
    assert result.n_themes == 4 and ari(truth, result.assignments[:n]) > 0.9
    title = next(t.label for t in result.themes if t.id == theme)
    assert title == "Toilets filthy dirty smelly broken soap towels missing"  # what they said
    fewer = theme_texts(texts + [repeated] * 3, ThemingOptions(backend=HashingEmbedder()))
    assert fewer.assignments[n] == -1 and fewer.n_themes == 3  # fewer than the smallest theme


def test_same_seed_same_themes():
    texts, _ = three_topics(seed=8)
    first = theme_texts(texts, ThemingOptions(backend=HashingEmbedder(), seed=4))
    second = theme_texts(texts, ThemingOptions(backend=HashingEmbedder(), seed=4))
    assert first.assignments == second.assignments
    assert first.stability == second.stability  # checked in a thread beside the run
    assert [t.label for t in first.themes] == [t.label for t in second.themes]


def test_forced_number_of_themes():
    texts, _ = three_topics()
    assert theme_texts(texts, ThemingOptions(backend=HashingEmbedder(), n_themes=2)).n_themes == 2
    with pytest.raises(UserError, match="at least 1"):
        theme_texts(texts, ThemingOptions(backend=HashingEmbedder(), n_themes=0))
    with pytest.raises(TooFewToSplit, match="3 distinct answers are too few to split") as few:
        theme_texts(texts[:3], ThemingOptions(backend=HashingEmbedder(), n_themes=2))
    assert with_hint(few.value) == f"{few.value}; leave out --themes"
    assert (
        theme_texts(texts[:3], ThemingOptions(backend=HashingEmbedder(), n_themes=1)).n_themes == 1
    )
    with pytest.raises(UserError, match="asked for 20 themes but there are only 12 distinct"):
        theme_texts(texts[:12], ThemingOptions(backend=HashingEmbedder(), n_themes=20))


def test_a_forced_count_is_stored_as_asked_and_one_theme_sets_nothing_aside():
    texts, _ = three_topics()
    run = theme_texts(texts + NOTHING * 3, ThemingOptions(backend=HashingEmbedder(), n_themes=4))
    assert run.params["n_themes"] == 4
    one = theme_texts(texts + NOTHING * 3, ThemingOptions(backend=HashingEmbedder(), n_themes=1))
    assert (
        'with a single theme asked for, the answers of "nothing" are left unthemed' in one.message
    )
    alone = theme_texts(NOTHING * 3, ThemingOptions(backend=HashingEmbedder(), n_themes=1))
    assert [t.label for t in alone.themes] == ["Nothing to add or change"]
    with pytest.raises(UserError, match="asked for 1 theme but"):
        theme_texts([], ThemingOptions(backend=HashingEmbedder(), n_themes=1))


def test_settled_themes_match_what_the_stability_check_reproduces():
    from engage.theming.topic_model import AnswersToGroup, fit_topic_model

    texts, _ = three_topics(per_topic=40, seed=11)
    texts += [f"Random remark number {i} about something else entirely, {w}"
              for i, w in enumerate(FILLER)]  # fmt: skip
    embedder = HashingEmbedder()
    embeddings = embedder.encode(texts)
    settings = ClusterSettings()
    copies = np.ones(len(texts), dtype=int)
    copies[-1] = 40  # an outlier said by many becomes a theme in both
    answers = AnswersToGroup(texts, embeddings, embedder, 0, settings, copies=copies)
    outcome = fit_topic_model(answers)
    settled = settle_themes(embeddings, outcome.raw, settings, copies)
    assert ari(outcome.labels, settled) == 1.0


def test_embeddings_come_from_the_cache_on_a_second_run():
    texts, _ = three_topics(per_topic=20)
    cache = MemoryEmbeddingCache()

    class Counting(HashingEmbedder):
        encoded = 0

        def encode(self, batch):
            Counting.encoded += len(batch)
            return super().encode(batch)

    first = theme_texts(texts, ThemingOptions(backend=Counting(), embedding_cache=cache))
    assert len(cache) == len(texts)
    first_count, Counting.encoded = Counting.encoded, 0
    second = theme_texts(texts, ThemingOptions(backend=Counting(), embedding_cache=cache))
    assert Counting.encoded <= first_count - len(texts)
    assert first.assignments == second.assignments


def test_progress_reports_each_stage_in_order():
    seen: list[tuple[str, float]] = []
    texts, _ = three_topics(per_topic=20)
    options = ThemingOptions(backend=HashingEmbedder(), progress=lambda s, f: seen.append((s, f)))
    theme_texts(texts, options)
    finished = [stage for stage, fraction in seen if fraction == 1.0]
    assert [s for s in STAGES if s in finished] == list(STAGES)
    assert all(0.0 <= fraction <= 1.0 for _, fraction in seen)


@pytest.mark.parametrize(
    ("texts", "themes", "message"),
    [
        ([], 0, "no texts"),
        (["The wait at the counter was far too long"], 1, "only 1 distinct answer"),
        (["The wait at the counter was far too long"] * 20, 1, "only 1 distinct"),
        (["n/a", "", "no comment", "-", "."], 0, "all 5 texts"),
        (
            ["The wait at the counter was far too long", "Parking is impossible downtown"],
            1,
            "only 2",
        ),
        ([f"Answer number {i} about the long wait" for i in range(5)], 1, "only 5"),
    ],
)
def test_tiny_inputs_give_a_clear_result(texts, themes, message):
    result = theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))
    assert result.n_themes == themes
    assert message in result.message
    assert len(result.assignments) == len(texts)
    if themes:
        assert result.themes[0].label != ""
        assert all(
            a == 1
            for a, f in zip(result.assignments, result.flags, strict=True)
            if not f.non_answer
        )
    else:
        assert set(result.assignments) <= {-1}


def test_a_few_distinct_answers_many_people_gave_are_themes_named_by_what_they_say():
    picked = ["The website kept crashing.", "Nobody answers the phone", "Parking is hard to find!",
              "The wait was too long."]  # fmt: skip
    others = ["My cousin moved to Sudbury", "Open on Saturdays please"]
    result = theme_texts(picked * 5 + others, ThemingOptions(backend=HashingEmbedder()))
    assert result.n_themes == 5 and result.unthemed_share == 0
    labels = {theme.label for theme in result.themes}
    assert {"The website kept crashing", "Nobody answers the phone", "Parking is hard to find",
            "The wait was too long"} <= labels  # fmt: skip
    assert (
        len(set(result.assignments[:4])) == 4 and result.assignments[-1] == result.assignments[-2]
    )
    assert "each answer given by 3 or more people is a theme of its own" in result.message
    assert "the other 2 form one" in result.message
    forced = theme_texts(picked * 5 + others, ThemingOptions(backend=HashingEmbedder(), n_themes=1))
    assert forced.n_themes == 1 and "they form one theme" in forced.message


def test_unknown_backend_is_a_user_error():
    with pytest.raises(UserError, match="unknown theming backend 'turbo'"):
        get_embedder("turbo")


def test_a_theme_is_described_by_its_own_words_however_many_answers():
    texts, truth = three_topics(per_topic=80)  # 240 answers: a word must be in 2 of them
    result = theme_texts(texts, ThemingOptions(backend=HashingEmbedder(), stability_sample=0))
    for theme in result.themes:
        members = [t for t, a in zip(truth, result.assignments, strict=True) if a == theme.id]
        topic = max(set(members), key=members.count)
        assert set(theme.keyphrases[0].split()) <= set(TOPICS[topic]), theme.keyphrases


def test_a_forced_number_of_themes_is_given_even_above_the_natural_groups():
    texts, truth = three_topics()
    result = theme_texts(
        texts, ThemingOptions(backend=HashingEmbedder(), n_themes=5, stability_sample=0)
    )
    assert result.n_themes == 5
    assert len({theme.label for theme in result.themes}) == 5


def test_a_short_list_of_distinct_answers_still_splits_into_themes():
    texts, truth = three_topics(per_topic=10)  # 30 distinct answers, each given 5 times
    result = theme_texts(texts * 5, ThemingOptions(backend=HashingEmbedder(), stability_sample=0))
    assert result.n_themes >= 3  # not one theme that holds everything
    assert result.unthemed_share <= 0.15


NOTHING = ["Nothing", "nothing.", "None", "No issues", "Nothing at all", "Nothing really"]


def test_answers_of_nothing_make_a_theme_of_their_own():
    texts, truth = three_topics()
    result = theme_texts(
        texts + NOTHING * 3, ThemingOptions(backend=HashingEmbedder(), stability_sample=0)
    )
    assert result.n_themes == 4
    nothing = [t for t in result.themes if t.label == "Nothing to add or change"]
    assert len(nothing) == 1 and nothing[0].size == 18
    assert nothing[0].keyphrases[:2] == ["nothing", "none"]
    assert set(result.assignments[len(texts) :]) == {nothing[0].id}
    assert ari(truth, result.assignments[: len(texts)]) > 0.9  # the rest is grouped as before
    assert result.summary()["n_non_answers"] == 0
    assert result.params["n_nothing"] == 5  # "nothing." is "Nothing" again


def test_the_most_themes_allowed_counts_the_theme_of_nothing():
    texts, _ = three_topics()
    capped = ClusterSettings(max_themes=3, join_interconnectivity=0)
    result = theme_texts(
        texts + NOTHING * 3, ThemingOptions(backend=HashingEmbedder(), settings=capped)
    )
    assert result.n_themes == 3
    assert "Nothing to add or change" in [t.label for t in result.themes]
    assert result.params["max_themes"] == 3


def test_answers_opening_with_nothing_join_its_theme_and_the_rest_is_grouped():
    texts, truth = three_topics()
    opened = ["Nothing, the staff were great", "Nothing everyone was lovely", "No, all good.",
              "Can't think of anything, thanks", "Nothing, but parking lot spaces"]  # fmt: skip
    opened[1:1] = ["Nothing - 10/10"] * 3  # said often, but no keyphrase
    result = theme_texts(texts + NOTHING * 3 + opened, ThemingOptions(backend=HashingEmbedder()))
    theme = next(t for t in result.themes if t.label == "Nothing to add or change")
    assert result.assignments[-8:-1] == [theme.id] * 7
    assert result.assignments[-1] not in (theme.id, -1)  # a suggestion: themed by what it says
    assert theme.keyphrases[:2] == ["nothing", "none"]
    assert "nothing the staff were great" not in theme.keyphrases
    assert "nothing 10 10" not in theme.keyphrases


def test_a_forced_number_of_themes_counts_the_theme_of_nothing():
    texts, _ = three_topics()
    result = theme_texts(texts + NOTHING * 3, ThemingOptions(backend=HashingEmbedder(), n_themes=4))
    assert result.n_themes == 4
    assert "Nothing to add or change" in [t.label for t in result.themes]
    one = theme_texts(texts + NOTHING * 3, ThemingOptions(backend=HashingEmbedder(), n_themes=1))
    assert one.n_themes == 1 and set(one.assignments[len(texts) :]) == {-1}


def test_a_few_answers_beside_many_answers_of_nothing():
    texts = [f"Answer number {i} about the long wait" for i in range(5)] + NOTHING * 2
    result = theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))
    assert "Nothing to add or change" in [t.label for t in result.themes]
    assert result.n_themes == 2 and result.unthemed_share == 0
    alone = theme_texts(NOTHING * 2, ThemingOptions(backend=HashingEmbedder()))
    assert [t.label for t in alone.themes] == ["Nothing to add or change"]
    assert alone.message == ""


def test_a_forced_count_the_answers_cannot_make_is_refused_clearly():
    texts, _ = three_topics(per_topic=4)  # 12 distinct answers, and 6 ways to say "nothing"
    with pytest.raises(UserError, match=r"only 12 distinct answers besides .*at most 13 themes"):
        theme_texts(texts + NOTHING * 2, ThemingOptions(backend=HashingEmbedder(), n_themes=16))
    most = theme_texts(texts + NOTHING * 2, ThemingOptions(backend=HashingEmbedder(), n_themes=13))
    assert most.n_themes == 13


def test_a_few_answers_and_the_answers_of_nothing_are_told_apart_in_the_message():
    texts = ["Parking is hard", "Long wait", "Rude staff", "Website down"] + NOTHING
    result = theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))
    assert result.n_themes == 2
    assert result.message.startswith('only 4 distinct answers besides the answers of "nothing"')
