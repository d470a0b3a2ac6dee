"""What every part of theming shares about vectors: the embedder's shape, unit rows, and the
hash a text's vector is kept under."""

from __future__ import annotations

import hashlib
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    """What the theming pipeline needs from an embedding backend."""

    name: str  # identifies the model in the embedding cache, e.g. "model2vec-minilm@1"
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """One float32, L2-normalised row per text."""
        ...


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 as float32 (a zero row stays zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def text_hash(text: str) -> str:
    """The hash under which a text's embedding is cached (SHA-256 of the exact text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
