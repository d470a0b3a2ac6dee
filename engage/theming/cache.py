"""Embedding cache: vectors already computed for a (model, text hash) are not computed again.

The database backs the cache in the app (any object with ``get_many`` and
``put_many`` will do); ``MemoryEmbeddingCache`` serves files and tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from engage.theming.vectors import Embedder, text_hash


class EmbeddingCache(Protocol):
    """Where embeddings are kept between runs, keyed by model name and text hash."""

    def get_many(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors among ``hashes`` (missing ones are simply absent)."""
        ...

    def put_many(self, model: str, hashes: Sequence[str], vectors: np.ndarray) -> None:
        """Store one vector per hash (rows of ``vectors`` in the order of ``hashes``)."""
        ...


class MemoryEmbeddingCache:
    """An embedding cache that lives as long as the process."""

    def __init__(self) -> None:
        self._vectors: dict[tuple[str, str], np.ndarray] = {}

    def get_many(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        found = {}
        for key in hashes:
            vector = self._vectors.get((model, key))
            if vector is not None:
                found[key] = vector
        return found

    def put_many(self, model: str, hashes: Sequence[str], vectors: np.ndarray) -> None:
        for key, vector in zip(hashes, vectors, strict=True):
            self._vectors[(model, key)] = np.asarray(vector, dtype=np.float32)

    def __len__(self) -> int:
        return len(self._vectors)


def embed_with_cache(
    embedder: Embedder,
    texts: list[str],
    cache: EmbeddingCache | None,
    progress: Callable[[float], None] | None = None,
    chunk: int = 2048,
) -> np.ndarray:
    """Embeddings of ``texts``, taking what the cache has and storing what was computed."""
    hashes = [text_hash(text) for text in texts]
    found = cache.get_many(embedder.name, hashes) if cache is not None else {}
    missing = [i for i, text_hash_ in enumerate(hashes) if text_hash_ not in found]
    vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for i, text_hash_ in enumerate(hashes):
        if text_hash_ in found:
            vectors[i] = found[text_hash_]
    for start in range(0, len(missing), chunk):
        batch = missing[start : start + chunk]
        computed = embedder.encode([texts[i] for i in batch])
        vectors[batch] = computed
        if cache is not None:
            cache.put_many(embedder.name, [hashes[i] for i in batch], computed)
        if progress is not None:
            progress(min(1.0, (start + len(batch)) / len(missing)))
    return vectors
