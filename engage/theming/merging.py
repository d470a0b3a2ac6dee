"""Settling on a readable number of themes: merge groups that are one theme split in two.

UMAP + HDBSCAN tends to cut one broad theme into several dense pieces. Two
groups are joined when

1. their answers are each other's nearest neighbours about as often as their
   own (relative interconnectivity of the neighbour graph at least
   ``join_interconnectivity``): a theme split in two, unless joining would
   leave fewer themes than ``min_themes`` (or ``n_themes``); then
2. their centres are closer than ``merge_similarity`` × the answers' typical
   closeness to their own centre (average linkage), never below ``min_themes``;
   more than ``max_themes`` are merged down, and ``n_themes`` forces the count.
"""

from __future__ import annotations

import numpy as np

from engage.theming.reducers import neighbour_lists
from engage.theming.result import UNTHEMED
from engage.theming.settings import ClusterSettings
from engage.theming.vectors import unit_rows

NEIGHBOURS = 15
GRAPH_SAMPLE = 5000


def centroids(vectors: np.ndarray, labels: np.ndarray) -> tuple[list[int], np.ndarray]:
    """The group ids (outliers excluded) and their unit-length mean vectors."""
    ids = sorted(int(label) for label in set(labels.tolist()) if label != UNTHEMED)
    if not ids:
        return [], np.zeros((0, vectors.shape[1]), dtype=np.float32)
    means = np.stack([vectors[labels == label].mean(axis=0) for label in ids])
    return ids, unit_rows(means)


def merge_plan(vectors: np.ndarray, labels: np.ndarray, settings: ClusterSettings):
    """Lists of group ids to merge into one theme each (lists of two or more ids)."""
    joined = split_themes(vectors, labels, settings.join_interconnectivity)
    floor = settings.n_themes or settings.min_themes
    groups = len(set(labels.tolist()) - {UNTHEMED})
    if groups - sum(len(group) - 1 for group in joined) < min(floor, groups):
        joined = []  # joining would leave fewer themes than asked for
    provisional = apply_merge(labels, joined)
    return _compose(joined, _by_similarity(vectors, provisional, settings))


def apply_merge(labels: np.ndarray, plan: list[list[int]]) -> np.ndarray:
    """Relabel each merged list of groups to its first id."""
    merged = labels.copy()
    for group in plan:
        merged[np.isin(labels, group)] = group[0]
    return merged


def _compose(first: list[list[int]], second: list[list[int]]) -> list[list[int]]:
    """One plan doing ``first`` then ``second`` (whose ids are first's surviving ids)."""
    members = {group[0]: group for group in first}
    plan = [sorted(i for head in group for i in members.get(head, [head])) for group in second]
    heads = {group[0] for group in second} | {i for group in second for i in group}
    plan += [group for group in first if group[0] not in heads]
    return sorted(plan)


def split_themes(vectors: np.ndarray, labels: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups joined through pairs with relative interconnectivity ≥ ``threshold``."""
    ids = sorted(set(labels.tolist()) - {UNTHEMED})
    if len(ids) < 2 or threshold <= 0:
        return []
    strength = interconnectivity(vectors, labels, ids)
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in zip(*np.nonzero(np.triu(strength >= threshold, 1)), strict=True):
        parent[max(root(a), root(b))] = min(root(a), root(b))
    components: dict[int, list[int]] = {}
    for position, group in enumerate(ids):
        components.setdefault(root(position), []).append(int(group))
    return [members for members in components.values() if len(members) > 1]


def interconnectivity(vectors: np.ndarray, labels: np.ndarray, ids: list[int]) -> np.ndarray:
    """Neighbour-graph edges between two groups relative to the edges inside them."""

    chosen = np.flatnonzero(labels != UNTHEMED)
    if len(chosen) > GRAPH_SAMPLE:
        chosen = np.sort(np.random.default_rng(0).choice(chosen, GRAPH_SAMPLE, replace=False))
    k = min(NEIGHBOURS + 1, len(chosen))
    neighbours, _ = neighbour_lists(vectors[chosen], k)
    position = {group: n for n, group in enumerate(ids)}
    group_of = np.array([position[int(label)] for label in labels[chosen]])
    edges = np.zeros((len(ids), len(ids)))
    np.add.at(edges, (np.repeat(group_of, k - 1), group_of[neighbours[:, 1:]].ravel()), 1)
    inside = np.diag(edges).copy()
    strength = (edges + edges.T) / np.maximum(1.0, inside[:, None] + inside[None, :])
    np.fill_diagonal(strength, 0.0)
    return strength


def _by_similarity(vectors: np.ndarray, labels: np.ndarray, settings: ClusterSettings):
    """Merge plan joining groups by centre similarity down to the chosen count."""
    ids, centres = centroids(vectors, labels)
    target = _theme_count(vectors, labels, ids, centres, settings)
    if target is None or target >= len(ids):
        return []
    from sklearn.cluster import AgglomerativeClustering  # lazy: scikit-learn is heavy

    joined = AgglomerativeClustering(n_clusters=target, metric="cosine", linkage="average")
    parts = joined.fit_predict(centres)
    plan = [sorted(ids[i] for i in np.flatnonzero(parts == part)) for part in range(target)]
    return [group for group in plan if len(group) > 1]


def _theme_count(vectors, labels, ids, centres, settings: ClusterSettings) -> int | None:
    """How many themes to keep (None: keep every group)."""
    if len(ids) < 2:
        return None
    if settings.n_themes is not None:
        return max(1, settings.n_themes)
    threshold = settings.merge_similarity * typical_closeness(vectors, labels, ids, centres)
    distinct = _count_at_threshold(centres, threshold)
    floor = min(settings.min_themes, len(ids))
    return int(min(settings.max_themes, max(floor, distinct)))


def typical_closeness(vectors, labels, ids, centres) -> float:
    """Median cosine of grouped answers to their own group's centre."""
    position = {label: n for n, label in enumerate(ids)}
    grouped = np.flatnonzero(labels != UNTHEMED)
    own = centres[[position[int(labels[i])] for i in grouped]]
    return float(np.median(np.einsum("ij,ij->i", vectors[grouped], own)))


def _count_at_threshold(centres: np.ndarray, similarity: float) -> int:
    """Themes left when centres with average-linkage cosine above ``similarity`` are joined."""
    from sklearn.cluster import AgglomerativeClustering  # lazy: scikit-learn is heavy

    joined = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=max(0.0, 1 - similarity),
    )
    return int(joined.fit(centres).n_clusters_)
