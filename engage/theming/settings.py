"""How answers are grouped: the settings a run is given and stores with its record."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from engage.theming.space import SpaceSettings


@dataclass
class ClusterSettings:
    """How answers are grouped; ``None`` means sized to the input."""

    reducer: str = "umap"  # or "pca"
    reduce_dims: int = 10  # PCA dimensions (UMAP gives 5)
    min_cluster_size: int | None = None
    min_samples: int | None = None
    join_interconnectivity: float = 0.3  # see merging.py
    merge_similarity: float = 0.9  # relative to the answers' typical closeness
    outlier_quantile: float = 0.01
    max_group_share: float = 0.25  # HDBSCAN may not return a group bigger than this share
    min_themes: int = 2  # merging by similarity never goes below this
    max_themes: int = 40
    n_themes: int | None = None
    space: SpaceSettings = field(default_factory=SpaceSettings)

    def as_dict(self) -> dict[str, object]:
        """The settings as plain values for the run record."""
        return asdict(self)

    def smallest_group(self, n_docs: int) -> int:
        """The smallest group HDBSCAN may form among ``n_docs`` answers: ``min_cluster_size``,
        else sized to them."""
        return self.min_cluster_size or sized_min_cluster_size(n_docs)


def sized_min_cluster_size(n_docs: int) -> int:
    """Smallest group worth calling a theme, growing slowly with the number of answers
    (3 distinct answers below 100, so that a short list still splits into themes)."""
    return int(max(3 if n_docs < 100 else 5, min(300, round(0.35 * np.sqrt(n_docs)))))
