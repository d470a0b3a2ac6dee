"""One theming run as it goes through the stages: what it was asked, and what each stage adds.

``ThemingOptions`` is what the caller chooses; ``ThemingRun`` carries the run's state from
stage to stage (``pipeline``) and assembles the ``ThemingResult`` at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engage.models import THEMING_STAGES
from engage.theming.cache import EmbeddingCache
from engage.theming.merging import centroids
from engage.theming.prepare import Preparation
from engage.theming.result import UNTHEMED, Theme, ThemingResult
from engage.theming.settings import ClusterSettings
from engage.theming.topic_model import TopicModelOutcome
from engage.theming.vectors import Embedder
from engage.theming.versions import library_versions

Progress = Callable[[str, float], None]
STAGES = tuple(THEMING_STAGES)


@dataclass(frozen=True)
class ThemingOptions:
    """How a run goes: ``backend`` is "fast", "quality" or any ``Embedder``; ``seed`` makes
    the run reproducible; ``n_themes`` forces the number of themes (else decided from the
    answers); ``embedding_cache`` keeps vectors between runs; ``progress(stage, fraction)``
    hears each stage start (0.0) and end (1.0); ``min_df``, ``settings`` and
    ``stability_sample`` tune the grouping (None: sized to the answers)."""

    backend: str | Embedder = "fast"
    seed: int = 0
    n_themes: int | None = None
    embedding_cache: EmbeddingCache | None = None
    progress: Progress | None = None
    min_df: int | None = None
    settings: ClusterSettings | None = None
    stability_sample: int = 3000


class StageClock:
    """Seconds per stage, reported to the caller's progress callback as stages go by."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.tell(name, 0.0)
        started = time.perf_counter()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
        self.tell(name, 1.0)

    def tell(self, name: str, fraction: float) -> None:
        if self.progress is not None:
            self.progress(name, fraction)


@dataclass
class ThemingRun:
    """The state a run carries from stage to stage.

    Given: the texts, the embedder, the options and the clock. Prepare fills
    ``prepared``, ``fit_docs`` and ``settings``; embed fills ``embeddings`` (one row per
    fitted answer), ``vectors`` (the grouped answers as grouping reads them) and
    ``alignment``; grouping fills ``languages``, ``main`` (the answers themes are found
    in), ``outcome`` (the topic model's), ``labels`` (the theme of every fitted answer)
    and ``near`` (the vectors closeness is measured in); naming fills ``themes`` and
    ``order`` (model theme id → theme number); the check fills ``stability``; the record
    is ``params`` and ``message``.
    """

    texts: list[str]
    embedder: Embedder
    options: ThemingOptions
    clock: StageClock
    prepared: Preparation = field(init=False)
    fit_docs: list[str] = field(default_factory=list)
    settings: ClusterSettings = field(default_factory=ClusterSettings)
    embeddings: np.ndarray | None = None
    vectors: np.ndarray | None = None
    alignment: dict[str, Any] = field(default_factory=dict)
    languages: list[np.ndarray] = field(default_factory=list)
    main: np.ndarray | None = None
    outcome: TopicModelOutcome | None = None
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    near: np.ndarray | None = None
    themes: list[Theme] = field(default_factory=list)
    order: dict[int, int] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    stability: float | None = None
    message: str = ""

    @property
    def seed(self) -> int:
        return self.options.seed

    def result(self) -> ThemingResult:
        """Spread the fitted answers' themes to every input text and assemble the result."""
        prepared = self.prepared
        message = "; ".join(part for part in (prepared.note, self.message) if part)
        count = len(prepared.texts)
        assignments = [UNTHEMED] * count
        probabilities = [0.0] * count
        closeness = _closeness(self.near, self.labels)
        for i, position in enumerate(prepared.source.tolist()):
            if position >= 0 and self.labels[position] != UNTHEMED:
                assignments[i] = self.order[int(self.labels[position])]
                probabilities[i] = closeness[position]
        return ThemingResult(
            assignments=assignments,
            probabilities=probabilities,
            themes=self.themes,
            flags=prepared.flags,
            campaigns=prepared.campaigns,
            params=self.params,
            seed=self.seed,
            versions=library_versions(self.params["backend"]),
            seconds={stage: self.clock.seconds.get(stage, 0.0) for stage in STAGES},
            stability=self.stability,
            message=message,
        )


def _closeness(embeddings: np.ndarray | None, labels: np.ndarray) -> list[float]:
    """Each fitted answer's cosine to its theme's centre, clipped to 0..1 (1 without vectors)."""
    if embeddings is None:
        return [1.0] * len(labels)
    values = np.zeros(len(labels))
    ids, centres = centroids(embeddings, labels)
    for theme, centre in zip(ids, centres, strict=True):
        members = labels == theme
        values[members] = embeddings[members] @ centre
    return np.clip(values, 0.0, 1.0).round(4).tolist()
