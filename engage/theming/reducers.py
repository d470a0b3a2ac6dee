"""Dimension reduction before clustering (BERTopic's ``umap_model`` slot).

- ``UmapReducer`` (default): UMAP on engage's own nearest-neighbour lists, so
  UMAP's slow neighbour search never runs; above ``sample`` answers UMAP is
  fitted on a random sample and every other answer is placed at the weighted
  mean of its nearest sampled answers. Seeded, hence single-threaded and
  reproducible. 100 layout epochs (UMAP's default is 200 above 10,000 points,
  500 below): with the fast model aligned to MiniLM, fewer epochs group answers as
  well as UMAP's default, in less time on large inputs (figures in
  bench/README.md).
- ``PcaReducer``: PCA to a few dimensions; deterministic and instant, used for
  inputs too small for UMAP.
"""

from __future__ import annotations

import warnings

import numpy as np

from engage.theming.runtime import cache_umap_compilation
from engage.theming.vectors import unit_rows

MIN_DOCS_FOR_UMAP = 60


class PcaReducer:
    """PCA to ``n_components`` dimensions, rows scaled to unit length."""

    def __init__(self, n_components: int = 10, seed: int = 0) -> None:
        self.n_components = n_components
        self.seed = seed
        self._pca = None

    def fit(self, vectors: np.ndarray, y: object = None) -> PcaReducer:
        from sklearn.decomposition import PCA  # lazy: scikit-learn is heavy

        dims = max(1, min(self.n_components, vectors.shape[0] - 1, vectors.shape[1]))
        solver = "covariance_eigh" if vectors.shape[0] > 2 * vectors.shape[1] else "full"
        self._pca = PCA(n_components=dims, svd_solver=solver, random_state=self.seed)
        self._pca.fit(vectors)
        return self

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        return unit_rows(self._pca.transform(vectors))

    def fit_transform(self, vectors: np.ndarray, y: object = None) -> np.ndarray:
        return self.fit(vectors).transform(vectors)


class UmapReducer:
    """UMAP to ``n_components`` dimensions from precomputed neighbours (cosine on unit rows)."""

    def __init__(
        self,
        n_components: int = 5,
        neighbours: int = 15,
        seed: int = 0,
        sample: int = 10000,
        epochs: int = 100,
    ) -> None:
        self.n_components = n_components
        self.neighbours = neighbours
        self.seed = seed
        self.sample = sample
        self.epochs = epochs
        self._fitted: tuple[np.ndarray, np.ndarray] | None = None

    def fit(self, vectors: np.ndarray, y: object = None) -> UmapReducer:
        self.fit_transform(vectors)
        return self

    def fit_transform(self, vectors: np.ndarray, y: object = None) -> np.ndarray:
        rng = np.random.default_rng(self.seed)
        chosen = np.arange(len(vectors))
        if len(chosen) > self.sample:
            chosen = np.sort(rng.choice(chosen, size=self.sample, replace=False))
        coords = self._umap(vectors[chosen])
        self._fitted = (vectors[chosen], coords)
        if len(chosen) == len(vectors):
            return coords
        return self.transform(vectors)

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        """Place answers at the similarity-weighted mean of their nearest fitted answers."""
        sampled, coords = self._fitted
        placed = np.empty((len(vectors), coords.shape[1]), dtype=np.float32)
        k = min(self.neighbours, len(sampled))
        for start in range(0, len(vectors), 4096):
            similarity = vectors[start : start + 4096] @ sampled.T
            nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
            weights = np.maximum(np.take_along_axis(similarity, nearest, axis=1), 1e-6) ** 4
            weights /= weights.sum(axis=1, keepdims=True)
            placed[start : start + 4096] = np.einsum("ik,ikd->id", weights, coords[nearest])
        return placed

    def _umap(self, vectors: np.ndarray) -> np.ndarray:

        cache_umap_compilation()
        import umap  # lazy: UMAP and numba are heavy

        # UMAP's notes are about choices made on purpose ("n_jobs overridden by setting
        # random_state"); a filter, since catch_warnings is not thread-safe
        warnings.filterwarnings("ignore", module="umap")

        k = min(self.neighbours, len(vectors) - 1)
        indices, distances = neighbour_lists(vectors, k)
        model = umap.UMAP(
            n_neighbors=k,
            n_components=self.n_components,
            min_dist=0.0,
            metric="euclidean",
            precomputed_knn=(indices, distances, None),
            random_state=self.seed,
            init="pca",
            n_epochs=self.epochs,
            low_memory=True,
        )
        return np.asarray(model.fit_transform(vectors), dtype=np.float32)


def neighbour_lists(vectors: np.ndarray, k: int, block: int = 2048):
    """Each row's ``k`` nearest rows (itself first) and their euclidean distances, sorted."""
    indices = np.empty((len(vectors), k), dtype=np.int64)
    distances = np.empty((len(vectors), k), dtype=np.float32)
    for start in range(0, len(vectors), block):
        similarity = vectors[start : start + block] @ vectors.T
        rows = np.arange(similarity.shape[0])
        similarity[rows, rows + start] = np.inf  # itself first, whatever rounding says
        nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        values = np.take_along_axis(similarity, nearest, axis=1)
        order = np.argsort(-values, axis=1)
        nearest = np.take_along_axis(nearest, order, axis=1)
        values = np.minimum(np.take_along_axis(values, order, axis=1), 1.0)
        indices[start : start + block] = nearest
        distances[start : start + block] = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * values))
    return indices, distances


def make_reducer(kind: str, n_docs: int, seed: int, pca_dims: int = 10):
    """The reducer for ``kind`` ("umap" or "pca"); PCA for inputs too small for UMAP."""
    if kind == "umap" and n_docs >= MIN_DOCS_FOR_UMAP:
        return UmapReducer(seed=seed)
    return PcaReducer(pca_dims, seed)
