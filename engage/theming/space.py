"""The space answers are grouped in: what they mean, and the words people used.

Sentence embeddings of short feedback are dominated by what every answer
shares ("I was at the counter", "thanks for listening"). Two cheap steps make
the topics stand out before reduction and clustering:

1. **centre** the embeddings (remove what all answers have in common);
2. **add the words**: a small LSA of the answers' TF-IDF (rare, specific words
   such as "kiosk", "plexiglass", "bilingual" weigh most; English and French
   stop words ignored), side by side with the embedding.

On the demo consultation this lifts NMI against the human topics by 0.03-0.05
for both backends compared with the embeddings alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engage.theming.embedders import unit_rows


@dataclass
class SpaceSettings:
    """How answers are placed before grouping."""

    lsa_dims: int = 50
    lsa_weight: float = 0.7


def feedback_space(
    embeddings: np.ndarray, docs: list[str], seed: int, settings: SpaceSettings | None = None
) -> np.ndarray:
    """Unit vectors, one per answer, in which answers on the same topic sit close together."""
    settings = settings or SpaceSettings()
    centred = unit_rows(embeddings - embeddings.mean(axis=0))
    if settings.lsa_weight <= 0:
        return centred
    words = word_vectors(docs, settings.lsa_dims, seed)
    return unit_rows(np.hstack([centred, settings.lsa_weight * words]))


def word_vectors(docs: list[str], dims: int, seed: int) -> np.ndarray:
    """LSA of the answers: TF-IDF of their words reduced to ``dims`` dimensions (unit rows)."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    from engage.theming.labels import PhraseAnalyzer

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
