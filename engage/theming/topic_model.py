"""BERTopic, set up for short feedback: PCA + sized HDBSCAN, merged themes, few outliers.

The embeddings are computed beforehand (and cached), so BERTopic never embeds
documents itself; the embedder is handed to it only so that MMR can compare
candidate keyphrases.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engage.theming.cluster import exact_clusterer, make_clusterer, place_outliers
from engage.theming.labels import PhraseAnalyzer
from engage.theming.merging import apply_merge, merge_plan
from engage.theming.reducers import make_reducer
from engage.theming.result import UNTHEMED
from engage.theming.runtime import import_bertopic
from engage.theming.settings import ClusterSettings
from engage.theming.vectors import Embedder

Tell = Callable[[str, float], None]
KEYPHRASE_CANDIDATES = 15
MMR_DIVERSITY = 0.3


@dataclass
class TopicModelOutcome:
    """Themes of the fitted answers, before they are named and numbered for people."""

    raw: np.ndarray  # HDBSCAN groups, -1 = outlier
    labels: np.ndarray  # settled themes, -1 = unthemed
    keyphrases: dict[int, list[tuple[str, float]]]
    seconds: dict[str, float] = field(default_factory=dict)
    min_df: int = 1


def sized_min_df(n_docs: int) -> int:
    """Fewest answers a word must appear in to describe a theme, growing with the input."""
    if n_docs < 200:
        return 1
    if n_docs < 5000:
        return 2
    return 5 if n_docs < 20000 else 10


@dataclass
class _Terms:
    """The words and phrases of the answers, cut once per run."""

    phrases: Any  # words and phrases: the vectorizer of the keyphrases
    counts: Any  # answers × phrases (None when BERTopic has to fit ``phrases`` itself)


def _terms(docs: list[str], min_df: int) -> _Terms:
    """One pass of the phrase analyzer over the answers gives the keyphrase vocabulary and
    the answers' use of each phrase."""
    return _Terms(*_vectorizer(docs, (1, 2), min_df))


def _vectorizer(docs: list[str], ngrams: tuple[int, int], min_df: int):
    """Words and phrases as written (see labels.PhraseAnalyzer) used by at least ``min_df``
    answers, and their counts per answer; falls back to keeping stop words if nothing else
    is left (counts None when there is no word at all).

    The vocabulary is fixed here, from the answers: BERTopic fits its vectorizer on one
    joined document per theme, where ``min_df`` would count themes and so drop every
    word that belongs to a single theme ("parking" from the parking theme)."""
    from sklearn.feature_extraction.text import CountVectorizer  # lazy: scikit-learn is heavy

    analyzer = PhraseAnalyzer(ngrams[1])
    candidates = (
        CountVectorizer(analyzer=analyzer, min_df=min_df),
        CountVectorizer(ngram_range=ngrams, min_df=1),
        CountVectorizer(ngram_range=ngrams, min_df=1, token_pattern=r"(?u)\b\w+\b"),
    )
    for candidate in candidates:
        try:
            counts = candidate.fit_transform(docs)
        except ValueError:  # empty vocabulary: only stop words, or nothing frequent enough
            continue
        return candidate.set_params(vocabulary=candidate.vocabulary_, min_df=1), counts
    return candidates[-1], None  # no word at all: BERTopic reports it


def _backend(embedder: Embedder):
    """The embedder dressed as a BERTopic backend (used for keyphrase embeddings only)."""
    from bertopic.backend import BaseEmbedder  # lazy: BERTopic is heavy

    class EngageBackend(BaseEmbedder):
        def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
            return embedder.encode(list(documents))

    return EngageBackend()


class _Stage:
    """Wraps the reducer or the clusterer: times ``fit`` and reports when it is done."""

    def __init__(self, inner, name: str, tell: Tell) -> None:
        self.inner = inner
        self.name = name
        self.tell = tell
        self.seconds = 0.0

    def fit(self, X, y=None):
        started = time.perf_counter()
        self.inner.fit(X)
        self._done(started)
        return self

    def fit_transform(self, X, y=None):
        started = time.perf_counter()
        transformed = self.inner.fit_transform(X)
        self._done(started)
        return transformed

    def _done(self, started: float) -> None:
        self.seconds += time.perf_counter() - started
        self.tell(self.name, 1.0)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def _silent(stage: str, fraction: float) -> None:
    """Progress callback that reports nothing."""


@dataclass
class AnswersToGroup:
    """The distinct answers a run groups: their texts, their ``vectors`` in the grouping space
    (see ``space``), how many texts each stands for (``copies``) and how to group them
    (``min_df``: the fewest answers a keyphrase is used by, None: sized to the answers)."""

    docs: list[str]
    vectors: np.ndarray
    embedder: Embedder
    seed: int
    settings: ClusterSettings
    min_df: int | None = None
    copies: np.ndarray | None = None


def fit_topic_model(answers: AnswersToGroup, tell: Tell = _silent) -> TopicModelOutcome:
    """Reduce, cluster, merge close groups, place outliers, and describe each theme (the
    groups are settled by ``cluster.settle_themes``' steps, as in the stability check).

    ``tell`` hears ("reduce", 1.0), ("cluster", 0.0) ... as the stages go by.
    """
    docs, vectors, settings = answers.docs, answers.vectors, answers.settings
    min_df = answers.min_df or sized_min_df(len(docs))
    terms = _terms(docs, min_df)
    model, reducer = _topic_model(answers, tell)
    started = time.perf_counter()
    raw = np.asarray(model.fit_transform(docs, vectors)[0])
    if settings.n_themes and len(set(raw.tolist()) - {UNTHEMED}) < settings.n_themes:
        clusterer = exact_clusterer(settings.n_themes)  # fewer dense groups than asked for
        model, reducer = _topic_model(answers, tell, clusterer)
        raw = np.asarray(model.fit_transform(docs, vectors)[0])
    merged = apply_merge(raw, merge_plan(vectors, raw, settings))
    seconds = {"reduce": reducer.seconds}
    seconds["cluster"] = time.perf_counter() - started - reducer.seconds
    tell("cluster", 1.0)
    tell("outliers", 0.0)
    started = time.perf_counter()
    labels = place_outliers(vectors, merged, settings, answers.copies)
    seconds["outliers"] = time.perf_counter() - started
    tell("outliers", 1.0)
    started = time.perf_counter()
    tell("represent", 0.0)
    keyphrases = _describe(model, docs, labels, terms)
    seconds["represent"] = time.perf_counter() - started
    return TopicModelOutcome(raw, labels, keyphrases, seconds, min_df)


def _topic_model(answers: AnswersToGroup, tell: Tell, clusterer=None):
    """BERTopic with engage's reducer and sized HDBSCAN, or ``clusterer`` (the reducer is
    returned too, timed)."""
    docs, settings = answers.docs, answers.settings

    import_bertopic()
    from bertopic import BERTopic  # lazy: BERTopic is heavy
    from bertopic.vectorizers import ClassTfidfTransformer  # lazy: BERTopic is heavy
    from sklearn.feature_extraction.text import CountVectorizer  # lazy: scikit-learn is heavy

    reducer = make_reducer(settings.reducer, len(docs), answers.seed, settings.reduce_dims)
    reducer = _Stage(reducer, "reduce", lambda s, f: (tell(s, f), tell("cluster", 0.0)))
    model = BERTopic(
        embedding_model=_backend(answers.embedder),
        umap_model=reducer,
        hdbscan_model=clusterer or make_clusterer(len(docs), settings),
        # the fit's own word lists are never read (keyphrases are described once the themes
        # are settled): whitespace tokens spare the answers another pass of the phrase analyzer
        vectorizer_model=CountVectorizer(analyzer=str.split),
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        top_n_words=KEYPHRASE_CANDIDATES,
        language="multilingual",  # "english" would strip accents and punctuation before c-TF-IDF
    )
    logging.getLogger("BERTopic").setLevel(logging.ERROR)  # it warns about what we do on purpose
    return model, reducer


def _describe(model, docs, labels, terms: _Terms) -> dict[int, list[tuple[str, float]]]:
    """Keyphrases per theme: c-TF-IDF over words and word pairs, diversified by MMR,
    then weighted by how many of the theme's answers use them (a label should fit most)."""
    from bertopic.representation import MaximalMarginalRelevance  # lazy: BERTopic is heavy
    from bertopic.vectorizers import ClassTfidfTransformer  # lazy: BERTopic is heavy

    themes = sorted(set(labels.tolist()) - {UNTHEMED})
    if not themes:
        return {}
    logging.getLogger("BERTopic").setLevel(logging.ERROR)  # warns that we pass our own topics
    model.update_topics(
        docs,
        topics=labels.tolist(),
        top_n_words=KEYPHRASE_CANDIDATES,
        vectorizer_model=terms.phrases,
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        representation_model=MaximalMarginalRelevance(
            diversity=MMR_DIVERSITY, top_n_words=KEYPHRASE_CANDIDATES
        ),
    )
    counts = terms.counts if terms.counts is not None else model.vectorizer_model.transform(docs)
    used = counts > 0
    vocabulary = model.vectorizer_model.vocabulary_
    return {
        theme: _by_coverage(model.get_topic(theme) or [], used[labels == theme], vocabulary)
        for theme in themes
    }


def _by_coverage(scored, used, vocabulary) -> list[tuple[str, float]]:
    """Candidates re-scored by relevance × √(share of the theme's answers using them)."""
    if not scored or used.shape[0] == 0:
        return list(scored)
    top = max(score for _, score in scored) or 1.0
    columns = [vocabulary.get(phrase) for phrase, _ in scored]
    rescored = []
    for (phrase, score), column in zip(scored, columns, strict=True):
        share = used[:, column].mean() if column is not None else 0.0
        rescored.append((phrase, (score / top) * float(share) ** 0.5))
    return sorted(rescored, key=lambda item: -item[1])
