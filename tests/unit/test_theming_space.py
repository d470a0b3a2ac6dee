"""The grouping space: answers on the same topic sit together, whatever their language."""

from __future__ import annotations

import numpy as np
from theming_support import three_topics

from engage.theming import ThemingOptions, theme_texts
from engage.theming.cluster import place_others
from engage.theming.space import SpaceSettings, feedback_space, french_answers, language_groups
from engage.theming.testing import HashingEmbedder

ENGLISH = ["The wait at the counter was {} hours", "There was no parking for {} blocks"]
FRENCH = ["L'attente au comptoir était de {} heures", "Pas de stationnement sur {} rues"]


def _bilingual(per_topic: int = 60, french_share: float = 0.25):
    """Two topics written in English and French, with vectors of an English-only model: the
    topic's direction, a strong shared direction for every French text, and noise."""
    rng = np.random.default_rng(3)
    topic_directions = rng.normal(size=(2, 32))
    french_direction = 3 * rng.normal(size=32)
    docs, topics, vectors = [], [], []
    for topic in (0, 1):
        for i in range(per_topic):
            french = i < french_share * per_topic
            docs.append((FRENCH if french else ENGLISH)[topic].format(i))
            topics.append(topic)
            noise = 0.3 * rng.normal(size=32)
            vectors.append(topic_directions[topic] + noise + french * french_direction)
    return docs, np.array(topics), np.array(vectors, dtype=np.float32)


def _closer_to_topic_than_to_language(space, topics, french) -> float:
    """Share of French answers closer (on average) to the English answers on their topic
    than to the French answers on the other topic."""
    english = np.setdiff1d(np.arange(len(topics)), french)
    similarity = space @ space.T
    closer = [
        similarity[i, english[topics[english] == topics[i]]].mean()
        > similarity[i, french[topics[french] != topics[i]]].mean()
        for i in french
    ]
    return float(np.mean(closer))


def test_french_answers_sit_with_their_topic_not_their_language():
    docs, topics, vectors = _bilingual()
    french = language_groups(docs)[1]
    assert [docs[i][:3] for i in french] == ["L'a"] * 15 + ["Pas"] * 15
    space = feedback_space(vectors, docs, 0, SpaceSettings(lsa_weight=0))
    assert _closer_to_topic_than_to_language(space, topics, french) == 1.0
    plain = vectors - vectors.mean(axis=0)  # centred as one: French is closer to French
    plain /= np.linalg.norm(plain, axis=1, keepdims=True)
    assert _closer_to_topic_than_to_language(plain, topics, french) < 0.5


def test_one_language_or_a_handful_of_the_other_is_one_group():
    docs, _, _ = _bilingual(french_share=0.0)
    assert len(language_groups(docs)) == 1
    few = _bilingual(per_topic=200, french_share=0.05)[0]  # 20 French answers in 400
    assert len(language_groups(few)) == 1


def test_answers_in_the_other_language_join_the_nearest_theme():
    vectors = np.array([[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9], [0.8, 0.3], [0.2, 0.7]])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    placed = place_others(vectors, np.array([0, 1, 2, 3]), np.array([5, 5, 7, -1]))
    assert placed.tolist() == [5, 5, 7, -1, 5, 7]  # an outlier of the main language stays one


def test_a_bilingual_consultation_is_themed_in_its_main_language():
    texts, _ = three_topics()
    nouns = ["stationnement", "attente", "comptoir", "formulaire", "site", "horaire", "guichet"]
    french = [f"Il faut {a} et {b} à {c}" for a in nouns for b in nouns
              for c in ("Hearst", "Timmins") if a < b][:40]  # fmt: skip
    result = theme_texts(
        texts + french, ThemingOptions(backend=HashingEmbedder(), stability_sample=0)
    )
    assert result.params["n_other_language"] == 40
    assert all(theme >= 0 for theme in result.assignments[len(texts) :])
    for theme in result.themes:  # themes come from the English answers, named in English
        members = [i for i, a in enumerate(result.assignments) if a == theme.id]
        assert any(i < len(texts) for i in members)
        assert not {"faut", "bureau"} & set(" ".join(theme.keyphrases).split())


def test_more_themes_than_the_main_language_can_make_are_found_in_both():
    texts, _ = three_topics(per_topic=10)
    nouns = ["stationnement", "attente", "comptoir", "formulaire", "site", "horaire", "guichet"]
    french = [f"Il faut {a} et {b} à {c}" for a in nouns for b in nouns
              for c in ("Hearst", "Timmins") if a < b][:30]  # fmt: skip
    result = theme_texts(texts + french, ThemingOptions(backend=HashingEmbedder(), n_themes=40))
    assert result.n_themes == 40 and result.params["n_other_language"] == 0


def test_short_answers_are_told_french_or_english_by_their_words():
    french = [
        "Attente trop longue",
        "Stationnement insuffisant",
        "Heures d'ouverture courtes",
        "Le site ne marche pas",
        "Citation : « Service excellent, rapide et courtois. »",
    ]
    english = ["Parking", "The website is down", "Long wait at the comptoir", "Kiosk broken",
               "De la Salle office is too far"]  # fmt: skip
    assert french_answers(french + english).tolist() == [True] * 5 + [False] * 5


def test_each_answer_counts_as_many_texts_as_it_stands_for():
    docs = [f"Attente trop longue à {town}" for town in ("Hearst", "Timmins", "Sudbury")]
    docs += [f"The wait at counter {i} was long" for i in range(100)]
    assert len(language_groups(docs)) == 1  # 3 answers in French
    assert len(language_groups(docs, [10, 10, 10] + [1] * 100)) == 2  # 30 texts in French


def test_a_petition_does_not_make_its_language_the_one_themes_come_from():
    texts, _ = three_topics()  # 180 distinct English answers
    petition = ["Gardez le centre de services de Hearst ouvert, s'il vous plaît"] * 300
    result = theme_texts(
        texts + petition, ThemingOptions(backend=HashingEmbedder(), stability_sample=0)
    )
    assert result.n_themes >= 3 and -1 not in result.assignments[len(texts) :]
    assert result.params["other_language"] == "French"
    assert result.params["n_other_language"] == 300


class _EnglishOnlyModel:
    """Vectors as an English model gives them: a direction per topic (its word in either
    language), a strong direction shared by every French text, and some noise."""

    name, dim = "english-only", 32
    TOPICS = {"parking": 0, "stationnement": 0, "wait": 1, "attente": 1, "website": 2, "site": 2}

    def __init__(self) -> None:
        rng = np.random.default_rng(5)
        self.topics = rng.normal(size=(3, self.dim))
        self.french = 4 * rng.normal(size=self.dim)
        self.noise = np.random.default_rng(6)

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            topic = [t for word, t in self.TOPICS.items() if word in text.lower()][:1]
            french = text.startswith(("Le ", "La ", "Il "))
            vector = self.topics[topic].sum(axis=0) + french * self.french  # keyphrases: noise
            rows.append(vector + 0.5 * self.noise.normal(size=self.dim))
        rows = np.array(rows, dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_french_answers_join_their_topic_and_are_as_close_to_it_as_english_ones():
    english = [f"The {word} at the {place} office was a problem on day {day}"
               for word in ("parking", "wait", "website") for place in ("Sudbury", "Timmins")
               for day in range(20)]  # fmt: skip
    french = [f"Le {word} au bureau de {place} était un problème le jour {day}"
              for word in ("stationnement", "attente", "site") for place in ("Hearst", "Cornwall")
              for day in range(6)]  # fmt: skip
    result = theme_texts(
        english + french, ThemingOptions(backend=_EnglishOnlyModel(), stability_sample=0)
    )
    assert result.params["other_language"] == "French"
    found = np.array(result.assignments)
    topic_theme = [np.bincount(found[topic * 40 : (topic + 1) * 40]).argmax() for topic in range(3)]
    assert len(set(topic_theme)) == 3
    french_topic = np.repeat([0, 1, 2], 12)
    joined = np.mean(found[120:] == np.array(topic_theme)[french_topic])
    assert joined >= 0.75  # French answers mostly sit in their topic's theme
    closeness = np.array(result.probabilities)
    assert closeness[120:].mean() > 0.8 * closeness[:120].mean()
