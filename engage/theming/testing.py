"""A tiny deterministic embedder for tests: texts sharing words get similar vectors.

No model, no download, no randomness between runs: each word has a fixed
pseudo-random vector derived from its CRC-32, and a text is the normalised sum
of its words' vectors (stop words ignored, plurals folded).
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from engage.theming.labels import word_stem
from engage.theming.vectors import unit_rows

_WORD = re.compile(r"[a-z]+")
_IGNORED = frozenset(
    _WORD.findall("a an and the to of in at is was were it i my we our for on with")
)


class HashingEmbedder:
    """Bag-of-words vectors from word hashes (the ``Embedder`` protocol, for tests)."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"
        self.calls = 0
        self._words: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        vector = self._words.get(word)
        if vector is None:
            rng = np.random.default_rng(zlib.crc32(word.encode("utf-8")))
            vector = rng.standard_normal(self.dim).astype(np.float32)
            self._words[word] = vector
        return vector

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                if word not in _IGNORED:
                    rows[i] += self._word(word_stem(word))
        return unit_rows(rows)
