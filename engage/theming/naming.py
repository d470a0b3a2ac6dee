"""What a theme's title and description are drawn from: its answers, cut once.

``Naming`` holds the distinct answers of a run (how many texts each stands for,
their theme, their vectors), each cut into clauses of classified words (see
``phrases``), and an index from each stem to the texts holding it, as bit masks
(one bit per text): how many of a theme's texts hold every word of a phrase is
then a few ANDs, fast enough for thousands of candidate phrases per run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from engage.theming.phrases import Word, clause_stems, clauses

CENTRAL = 40  # typical answers a theme's phrases are cut from
COMMON_WORD = 3.0  # Zipf frequency of a word met about once in a million words


@dataclass
class Naming:
    """What titles are drawn from: the distinct answers, how many texts each stands for,
    their theme (-1: none) and, when there are, their vectors."""

    docs: Sequence[str]
    copies: np.ndarray
    labels: np.ndarray
    vectors: np.ndarray | None = None
    embedder: object | None = None  # reads candidate phrases, to compare them with themes
    keys: list[frozenset[str]] = field(default_factory=list)
    cut: list[list[list[Word]]] = field(default_factory=list)  # each answer's clauses
    lines: list[str] = field(default_factory=list)  # ... in lowercase, "|" between clauses
    index: dict[str, int] = field(default_factory=dict)
    blocks: list[int] = field(default_factory=list)
    titled: dict[int, list] = field(default_factory=dict)  # theme → its title candidates

    def __post_init__(self) -> None:
        for doc in self.docs:
            cut = clauses(doc)
            self.cut.append(cut)
            self.keys.append(
                frozenset(
                    stem for clause in cut for stem in clause_stems(clause) if stem is not None
                )
            )
            self.lines.append(
                "|".join(" ".join(w.lower for w in clause if w.kind != "number") for clause in cut)
            )
        offset = 0
        for weight, key in zip(self.copies.tolist(), self.keys, strict=True):
            block = ((1 << int(weight)) - 1) << offset
            offset += int(weight)
            self.blocks.append(block)
            for stem in key:
                self.index[stem] = self.index.get(stem, 0) | block
        self.everyone = (1 << offset) - 1

    def centres(self) -> dict[int, np.ndarray]:
        """Each theme's unit mean vector (kept until the themes change)."""
        themes = tuple(sorted(set(self.labels.tolist()) - {-1}))
        if getattr(self, "_centres_for", None) != (themes, self.labels.tobytes()):
            means = {}
            for theme in themes:
                mean = self.vectors[self.labels == theme].mean(axis=0)
                means[theme] = mean / (np.linalg.norm(mean) or 1.0)
            self._centres, self._centres_for = means, (themes, self.labels.tobytes())
        return self._centres

    def theme_mask(self, members: np.ndarray) -> int:
        mask = 0
        for member in members.tolist():
            mask |= self.blocks[member]
        return mask

    def holding(self, key: frozenset[str]) -> int:
        """The texts holding every stem of ``key`` (as a bit mask)."""
        mask = self.everyone
        for stem in key:
            mask &= self.index.get(stem, 0)
        return mask


def central_members(naming: Naming, members: np.ndarray, limit: int = CENTRAL) -> np.ndarray:
    """The theme's most typical answers: nearest its centre, those given most often first
    among equals (without vectors: the most given)."""
    copies = naming.copies[members]
    if naming.vectors is None or naming.vectors.shape[1] == 0:
        order = np.argsort(-copies, kind="stable")
    else:
        vectors = naming.vectors[members]
        centre = vectors.mean(axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        closeness = vectors @ centre + 0.02 * np.log1p(copies)
        order = np.argsort(-closeness, kind="stable")
    return members[order[:limit]]


def casings(answers: Sequence[list[list[Word]]]) -> dict[str, str]:
    """How each word is written mid-sentence in most of ``answers`` (cut into clauses): kept
    as an acronym ("NHS", "GP") or a name ("Kingston") when most write it so, else
    lowercase."""
    forms: dict[str, Counter[str]] = {}
    for answer in answers:
        for clause in answer:
            for position, word in enumerate(clause):
                if position == 0:
                    continue
                forms.setdefault(word.lower, Counter())[_form(word.text)] += 1
    return {lower: counts.most_common(1)[0][0] for lower, counts in forms.items()}


def _form(text: str) -> str:
    if text.isupper() and 1 < len(text) <= 5 and text.isalpha():
        return text
    if text[:1].isupper() and text[1:].islower():
        return text
    return text.lower()


def plain_case(word: str) -> str:
    """A word with a stray capital I made plain ("FrIendly" → "Friendly", "lIke" → "like"),
    as some survey exports write them, when its plain form is a common word; acronyms and
    names with inner capitals ("NHS", "iPhone", "McDonald") are kept."""
    letters = word[1:]
    inner = {letter for letter in letters if letter.isupper()}
    if word.isupper() or inner != {"I"}:
        return word
    plain = word[:1] + letters.lower()
    from wordfreq import zipf_frequency  # its word lists load on first use (as in space.py)

    bare = plain.lower().strip(".,;:!?'\"()")
    if max(zipf_frequency(bare, "en"), zipf_frequency(bare, "fr")) >= COMMON_WORD:
        return plain
    return word
