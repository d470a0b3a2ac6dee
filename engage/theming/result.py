"""What a theming run produces: themes, one assignment per text, and how the run went."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

UNTHEMED = -1


@dataclass
class Campaign:
    """A group of near-identical texts (a form letter, a petition) fitted as one text."""

    id: int
    size: int
    example: str
    representative: int  # index of the text fitted on behalf of the group
    members: list[int] = field(default_factory=list)


@dataclass
class DocFlags:
    """What preparation found about one text."""

    non_answer: bool = False
    duplicate_of: int | None = None  # index of the first identical text
    campaign: int | None = None  # id of the campaign the text belongs to


@dataclass
class Theme:
    """One theme: its number (1 = largest), a plain title, its keyphrases, size, the texts
    that show it best and a one-sentence description drawn from its answers."""

    id: int
    label: str
    keyphrases: list[str]
    size: int
    representatives: list[int]  # indices of input texts, most typical first
    centroid: np.ndarray
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The theme without its vector, ready for JSON."""
        return {
            "id": self.id,
            "label": self.label,
            "description": self.description,
            "keyphrases": list(self.keyphrases),
            "size": self.size,
            "representatives": list(self.representatives),
        }


@dataclass
class ThemingResult:
    """A whole run: ``assignments[i]`` is the theme id of input text ``i`` (-1 = unthemed)."""

    assignments: list[int]
    probabilities: list[float]  # similarity of each text to its theme's centre (0 if unthemed)
    themes: list[Theme]
    flags: list[DocFlags]
    campaigns: list[Campaign]
    params: dict[str, Any]
    seed: int
    versions: dict[str, str]
    seconds: dict[str, float]
    stability: float | None
    message: str = ""

    @property
    def n_themes(self) -> int:
        """How many themes were found."""
        return len(self.themes)

    @property
    def unthemed_share(self) -> float:
        """Share of input texts left unthemed, non-answers included (0 when there are none)."""
        if not self.assignments:
            return 0.0
        unthemed = sum(1 for theme in self.assignments if theme == UNTHEMED)
        return unthemed / len(self.assignments)

    def labels_by_id(self) -> dict[int, str]:
        """Theme id → label, with -1 → "" for unthemed texts."""
        labels = {theme.id: theme.label for theme in self.themes}
        labels[UNTHEMED] = ""
        return labels

    def summary(self) -> dict[str, Any]:
        """The run in plain JSON-ready values (no vectors)."""
        return {
            "n_docs": len(self.assignments),
            "n_themes": self.n_themes,
            "unthemed_share": round(self.unthemed_share, 4),
            "stability": None if self.stability is None else round(self.stability, 4),
            "seed": self.seed,
            "seconds": {stage: round(value, 3) for stage, value in self.seconds.items()},
            "params": self.params,
            "versions": self.versions,
            "message": self.message,
            "n_non_answers": sum(1 for flag in self.flags if flag.non_answer),
            "n_duplicates": sum(1 for flag in self.flags if flag.duplicate_of is not None),
            "campaigns": [
                {"id": c.id, "size": c.size, "example": c.example} for c in self.campaigns
            ],
            "themes": [theme.as_dict() for theme in self.themes],
        }
