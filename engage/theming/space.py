"""The space answers are grouped in: what they mean, and the words people used.

Sentence embeddings of short feedback are dominated by what every answer
shares ("I was at the counter", "thanks for listening"). Two cheap steps make
the topics stand out before reduction and clustering:

1. **centre** the embeddings (remove what all answers have in common) — per
   language when an office hears both English and French in number: the models
   are English, and centred as one, French answers gather in one theme whatever
   they say (the demo's largest theme was its French answers). Centred per
   language, a French answer sits near the English answers on its topic; the
   themes are then found in the main language and each answer in the other
   joins the nearest (``pipeline``), and French answers then find their topics
   about as well as English ones;
2. **add the words**: a small LSA of the answers' TF-IDF (rare, specific words
   such as "kiosk", "plexiglass", "bilingual" weigh most; English and French
   stop words ignored), side by side with the embedding.

How much the words weigh depends on the embedder (its ``word_weight``). The
static ``fast`` model, aligned to MiniLM (``teacher.py``), knows words only one
by one, and the answers' own rare words help it (up to a point: weighed too much
they drown the meaning); the transformer ``quality`` model already reads the
words in context, and they only add noise to it, so it uses the centred
embeddings alone. The figures behind both are in bench/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from engage.theming.labels import PhraseAnalyzer, tidy_for_words
from engage.theming.vectors import unit_rows


@dataclass
class SpaceSettings:
    """How answers are placed before grouping."""

    lsa_dims: int = 50
    lsa_weight: float | None = None  # None: the embedder's word_weight


DEFAULT_WORD_WEIGHT = 0.7  # for embedders that do not say


def for_embedder(settings: SpaceSettings, embedder: object) -> SpaceSettings:
    """The settings with the words' weight filled in from the embedder when left open."""
    if settings.lsa_weight is not None:
        return settings
    return replace(settings, lsa_weight=getattr(embedder, "word_weight", DEFAULT_WORD_WEIGHT))


def feedback_space(
    embeddings: np.ndarray,
    docs: list[str],
    seed: int,
    settings: SpaceSettings | None = None,
    languages: list[np.ndarray] | None = None,
) -> np.ndarray:
    """Unit vectors, one per answer, in which answers on the same topic sit close together
    (``languages``: the positions of the answers in each language, found when not given)."""
    settings = for_embedder(settings or SpaceSettings(), None)  # left open: the default weight
    languages = language_groups(docs) if languages is None else languages
    centred = unit_rows(centre_groups(embeddings, languages))
    if settings.lsa_weight:
        words = word_vectors(docs, settings.lsa_dims, seed)
        centred = unit_rows(np.hstack([centred, settings.lsa_weight * words]))
    if len(languages) == 1:
        return centred
    return unit_rows(centre_groups(centred, languages) + centred.mean(axis=0))


def centre_groups(vectors: np.ndarray, groups: list[np.ndarray]) -> np.ndarray:
    """The vectors less the mean of their group."""
    centred = vectors.copy()
    for members in groups:
        centred[members] -= vectors[members].mean(axis=0)
    return centred


MIN_LANGUAGE_SHARE, MIN_LANGUAGE_SIZE = 0.02, 25
# How far a word can tip an answer toward a language (its Zipf frequency in one language
# less that in the other, capped), and how far an answer must lean to be called French.
_WORD_LEAN, _FRENCH_LEAN = 3.0, 2.0


def language_groups(docs: list[str], weights: np.ndarray | None = None) -> list[np.ndarray]:
    """The positions of the English and of the French answers, when both languages are
    there in number (2 % and 25 answers each, an answer counting ``weights`` times: the
    copies it stands for); else one group holding every answer."""
    weights = np.ones(len(docs)) if weights is None else np.asarray(weights, dtype=float)
    french = french_answers(docs)
    in_french = float(weights[french].sum())
    smaller = min(in_french, float(weights.sum()) - in_french)
    if smaller < max(MIN_LANGUAGE_SIZE, MIN_LANGUAGE_SHARE * float(weights.sum())):
        return [np.arange(len(docs))]
    return [np.flatnonzero(~french), np.flatnonzero(french)]


def french_answers(docs: list[str]) -> np.ndarray:
    """Which answers are in French: their words are, on the whole, more frequent in French
    than in English ("Attente trop longue", "Le site ne marche pas"), by ``wordfreq``."""
    from wordfreq import zipf_frequency  # lazy: its word lists are large

    lean: dict[str, float] = {}

    def leaning(word: str) -> float:
        if word not in lean:
            gap = zipf_frequency(word, "fr") - zipf_frequency(word, "en")
            lean[word] = max(-_WORD_LEAN, min(_WORD_LEAN, gap))
        return lean[word]

    return np.array(
        [sum(map(leaning, _WORD.findall(tidy_for_words(doc)))) > _FRENCH_LEAN for doc in docs],
        dtype=bool,
    )


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def word_vectors(docs: list[str], dims: int, seed: int) -> np.ndarray:
    """LSA of the answers: TF-IDF of their words reduced to ``dims`` dimensions (unit rows)."""
    from sklearn.decomposition import TruncatedSVD  # lazy: scikit-learn is heavy
    from sklearn.feature_extraction.text import TfidfVectorizer  # lazy: scikit-learn is heavy

    min_df = 2 if len(docs) >= 50 else 1
    try:
        words = TfidfVectorizer(
            analyzer=PhraseAnalyzer(1), min_df=min_df, sublinear_tf=True, dtype=np.float32
        )
        tfidf = words.fit_transform(docs)
    except ValueError:  # no word left (stop words only, or nothing repeated)
        return np.zeros((len(docs), 0), dtype=np.float32)
    dims = min(dims, tfidf.shape[1] - 1, len(docs) - 1)
    if dims < 1:
        return np.zeros((len(docs), 0), dtype=np.float32)
    return unit_rows(TruncatedSVD(dims, random_state=seed).fit_transform(tfidf))
