"""Grouping answers: reduce the embeddings, find dense groups, settle on readable themes.

The reducer (see ``reducers``) and the clusterer have the shapes BERTopic
expects of its ``umap_model`` and ``hdbscan_model``; HDBSCAN is sized to the
input and may not return one group swallowing most answers.

The same functions settle the themes (merge near-identical groups, give
outliers to the nearest theme, make a theme of an outlier many people gave word
for word) for the real run and for the stability check, so the check measures
what the user gets.
"""

from __future__ import annotations

import numpy as np

from engage.theming.merging import apply_merge, centroids, merge_plan
from engage.theming.metrics import ari
from engage.theming.reducers import make_reducer
from engage.theming.result import UNTHEMED
from engage.theming.settings import ClusterSettings

RESAMPLED = 0.9  # the share of the answers each run of the stability check groups


def make_clusterer(n_docs: int, settings: ClusterSettings):
    """HDBSCAN sized to the number of answers (BERTopic's ``hdbscan_model`` slot)."""
    import hdbscan  # lazy: hdbscan is heavy

    size = max(2, min(settings.smallest_group(n_docs), n_docs))
    samples = settings.min_samples or max(1, size // 3)
    return hdbscan.HDBSCAN(
        min_cluster_size=size,
        min_samples=samples,
        max_cluster_size=max(2 * size, int(settings.max_group_share * n_docs)),
        metric="euclidean",
        cluster_selection_method="eom",
    )


def exact_clusterer(n_themes: int):
    """Exactly ``n_themes`` groups and no outliers (Ward linkage), for a forced count that
    HDBSCAN's dense groups do not reach."""
    from sklearn.cluster import AgglomerativeClustering  # lazy: scikit-learn is heavy

    return AgglomerativeClustering(n_clusters=n_themes, linkage="ward")


def raw_groups(embeddings: np.ndarray, seed: int, settings: ClusterSettings) -> np.ndarray:
    """Reduce and cluster: one group id per answer, -1 for outliers."""

    reducer = make_reducer(settings.reducer, len(embeddings), seed, settings.reduce_dims)
    reduced = reducer.fit_transform(embeddings)
    clusterer = make_clusterer(len(embeddings), settings)
    return np.asarray(clusterer.fit(reduced).labels_)


def outlier_threshold(embeddings: np.ndarray, labels: np.ndarray, quantile: float) -> float:
    """Similarity an outlier needs to join a theme: that of the least typical grouped answers."""
    ids, centres = centroids(embeddings, labels)
    if not ids:
        return 1.0
    position = {label: n for n, label in enumerate(ids)}
    grouped = np.flatnonzero(labels != UNTHEMED)
    own = centres[[position[int(labels[i])] for i in grouped]]
    return float(np.quantile(np.einsum("ij,ij->i", embeddings[grouped], own), quantile))


def assign_outliers(embeddings: np.ndarray, labels: np.ndarray, threshold: float) -> np.ndarray:
    """Give each outlier the theme whose centre it is closest to, if close enough."""
    ids, centres = centroids(embeddings, labels)
    outliers = np.flatnonzero(labels == UNTHEMED)
    if not ids or not len(outliers):
        return labels.copy()
    similarity = embeddings[outliers] @ centres.T
    best = similarity.argmax(axis=1)
    close = similarity[np.arange(len(outliers)), best] >= threshold
    settled = labels.copy()
    settled[outliers[close]] = np.asarray(ids)[best[close]]
    return settled


def place_others(vectors: np.ndarray, themed: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Themes for every row of ``vectors``: the rows ``themed`` keep ``labels``; each other
    row joins the theme whose centre is nearest."""
    settled = np.full(len(vectors), UNTHEMED, dtype=int)
    settled[themed] = labels
    others = np.setdiff1d(np.arange(len(vectors)), themed)
    ids, centres = centroids(vectors[themed], labels)
    if ids and len(others):
        settled[others] = np.asarray(ids)[(vectors[others] @ centres.T).argmax(axis=1)]
    return settled


def settle_themes(
    embeddings: np.ndarray,
    raw: np.ndarray,
    settings: ClusterSettings,
    copies: np.ndarray | None = None,
):
    """Raw groups → final themes: merge close groups, then place outliers."""
    merged = apply_merge(raw, merge_plan(embeddings, raw, settings))
    return place_outliers(embeddings, merged, settings, copies)


def place_outliers(
    embeddings: np.ndarray,
    labels: np.ndarray,
    settings: ClusterSettings,
    copies: np.ndarray | None = None,
):
    """Outliers join the nearest theme when as close as its least typical members; an
    outlier that as many people gave, word for word, as the smallest group HDBSCAN may
    form is a theme of its own (``copies``: how many texts each answer stands for)."""
    threshold = outlier_threshold(embeddings, labels, settings.outlier_quantile)
    placed = assign_outliers(embeddings, labels, threshold)
    if copies is None or settings.n_themes:
        return placed
    repeated = _repeated_themes(embeddings, placed, copies, settings, threshold)
    return assign_outliers(embeddings, repeated, threshold)


def _repeated_themes(embeddings, labels, copies, settings: ClusterSettings, threshold: float):
    """Outliers given by at least as many people as the smallest group holds each become a
    theme, most given first, while there is room under ``max_themes``; one at least
    ``threshold`` alike to the answer such a theme grew from joins that theme instead."""
    size, max_themes = settings.smallest_group(len(embeddings)), settings.max_themes
    outliers = np.flatnonzero((labels == UNTHEMED) & (copies >= size))
    themes = set(labels.tolist()) - {UNTHEMED}
    settled = labels.copy()
    centres: list[int] = []  # the answer each new theme grew from
    for answer in outliers[np.argsort(-copies[outliers], kind="stable")]:
        if centres:
            similarity = embeddings[centres] @ embeddings[answer]
            if similarity.max() >= threshold:
                settled[answer] = settled[centres[int(similarity.argmax())]]
                continue
        if len(themes) + len(centres) >= max_themes:
            break
        settled[answer] = int(settled.max()) + 1
        centres.append(answer)
    return settled


def stability(
    embeddings: np.ndarray,
    seed: int,
    settings: ClusterSettings,
    sample: int = 3000,
    copies: np.ndarray | None = None,
) -> float:
    """Mean pairwise ARI of the settled themes of three runs (seeds seed, seed+1, seed+2).

    Reduction and clustering run again on the same vectors, each run on its own
    random share (``RESAMPLED``) of the answers (of at most ``sample`` answers), and runs are
    compared on the answers they share. PCA and HDBSCAN are deterministic, so
    without the resampling every run would agree by construction; with it the
    score says whether the themes hold when a few answers come and go.
    """

    runs = []
    for run_seed in range(seed, seed + 3):
        chosen = _resample(len(embeddings), min(sample, len(embeddings)), run_seed)
        part = embeddings[chosen]
        kept = None if copies is None else copies[chosen]
        labels = settle_themes(part, raw_groups(part, run_seed, settings), settings, kept)
        runs.append(dict(zip(chosen.tolist(), labels.tolist(), strict=True)))
    scores = []
    for first, second in ((0, 1), (0, 2), (1, 2)):
        shared = sorted(set(runs[first]) & set(runs[second]))
        scores.append(ari([runs[first][i] for i in shared], [runs[second][i] for i in shared]))
    return float(np.mean(scores))


def _resample(count: int, sample: int, seed: int) -> np.ndarray:
    """A seeded random subset of ``RESAMPLED`` × ``sample`` answer positions, sorted."""
    rng = np.random.default_rng(seed)
    size = max(2, int(round(sample * RESAMPLED)))
    return np.sort(rng.choice(count, size=min(size, count), replace=False))
