"""How far two themings agree: with human labels (NMI, ARI), between coders (kappa), across runs.

Unthemed texts (-1) count as one more group, as a reader would see them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

Labels = Sequence[int] | Sequence[str]


def _same_length(labels_a: Labels, labels_b: Labels) -> None:
    if len(labels_a) != len(labels_b):
        raise ValueError(f"label lists differ in length: {len(labels_a)} and {len(labels_b)}")


def nmi(labels_true: Labels, labels_found: Labels) -> float:
    """Normalised mutual information (0 = unrelated, 1 = the same grouping)."""
    from sklearn.metrics import normalized_mutual_info_score  # lazy: scikit-learn is heavy

    _same_length(labels_true, labels_found)
    return float(normalized_mutual_info_score(list(labels_true), list(labels_found)))


def ari(labels_true: Labels, labels_found: Labels) -> float:
    """Adjusted Rand index (0 = chance agreement, 1 = the same grouping)."""
    from sklearn.metrics import adjusted_rand_score  # lazy: scikit-learn is heavy

    _same_length(labels_true, labels_found)
    return float(adjusted_rand_score(list(labels_true), list(labels_found)))


def cohen_kappa(labels_a: Labels, labels_b: Labels) -> float:
    """Cohen's kappa between two coders who used the same theme names (1 = full agreement)."""
    from sklearn.metrics import cohen_kappa_score  # lazy: scikit-learn is heavy

    _same_length(labels_a, labels_b)
    if not labels_a:
        return float("nan")
    if len(set(labels_a) | set(labels_b)) == 1:
        return 1.0  # both coders put everything in one and the same theme
    return float(cohen_kappa_score(list(labels_a), list(labels_b)))


def stability(runs: Sequence[Labels]) -> float:
    """Mean pairwise ARI of several themings of the same texts (1 = identical every time)."""
    if len(runs) < 2:
        raise ValueError("stability needs at least two runs")
    scores = [ari(a, b) for a, b in combinations(runs, 2)]
    return float(sum(scores) / len(scores))
