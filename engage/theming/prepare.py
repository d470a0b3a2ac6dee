"""Preparation: which texts are worth theming, and which say the same thing twice.

- **non-answers** ("n/a", "no comment", "-", "idk", empty) are never themed
  (see ``answers``);
- **answers of "nothing"** ("Nothing", "No issues", "Can't think of anything",
  "Nothing, the staff were great", "Rien") do answer: nothing needs to change,
  nothing to add. When they are as many as a theme of the grouping needs (five
  at least; 16 beside 2,000 other answers) they make a theme of their own,
  "Nothing to add or change", kept out of the grouping; fewer, those that only say
  "nothing" count as non-answers and the others are themed by what else they say;
- **exact duplicates** (same words once case, spacing and punctuation are
  ignored) are fitted once and inherit their original's theme;
- **campaigns** (five or more near-identical texts of some length, such as a
  form letter) are reported and fitted once, through one representative.

Campaigns are found with MinHash over character 5-grams and banded
locality-sensitive hashing, so the cost grows linearly with the number of texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engage.theming.answers import (
    duplicate_key,
    is_non_answer,
    normalise_text,
    says_nothing,
    says_too_little,
)
from engage.theming.result import Campaign, DocFlags
from engage.theming.settings import sized_min_cluster_size

NOTHING_MIN_SIZE = 5
_SHINGLE = 5
_BANDS, _ROWS = 10, 3
_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], np.uint64)


@dataclass
class Preparation:
    """The outcome of preparation for a list of texts (all lists aligned with the input)."""

    texts: list[str]  # the text as it will be embedded (spacing tidied)
    flags: list[DocFlags]
    campaigns: list[Campaign]
    fit_indices: list[int]  # the texts the model is fitted on, one per distinct answer
    source: np.ndarray = field(repr=False)  # per text: position in fit_indices it follows, or -1
    nothing: list[int] = field(default_factory=list)  # positions in fit_indices saying "nothing"
    note: str = ""  # what the run should tell about the preparation

    def copies(self) -> np.ndarray:
        """Per fitted answer, how many input texts it stands for (itself included)."""
        return np.bincount(self.source[self.source >= 0], minlength=len(self.fit_indices))

    @property
    def grouped(self) -> list[int]:
        """Positions in fit_indices of the answers to group (all but the answers of "nothing")."""
        skip = set(self.nothing)
        return [n for n in range(len(self.fit_indices)) if n not in skip]


def prepare_texts(
    texts: list[str],
    campaign_min_size: int = 5,
    campaign_min_words: int = 8,
    campaign_similarity: float = 0.7,
    nothing_theme: bool = True,
) -> Preparation:
    """Flag non-answers, exact duplicates and campaigns; choose the texts to fit on.
    With ``nothing_theme`` false, or too few of them, answers that only say "nothing" are
    non-answers, and those that go on ("Nothing, the staff were great") are themed by it."""
    tidy = [normalise_text(text) for text in texts]
    keys = [duplicate_key(text) for text in tidy]
    nothing = [says_nothing(text) for text in tidy]
    flags = [
        DocFlags(non_answer=not said and says_too_little(t, k))
        for t, k, said in zip(tidy, keys, nothing, strict=True)
    ]
    others = {
        key
        for key, flag, said in zip(keys, flags, nothing, strict=True)
        if not flag.non_answer and not said
    }
    if not nothing_theme or sum(nothing) < _theme_size(len(others)):
        for i in np.flatnonzero(nothing):
            flags[i].non_answer = is_non_answer(tidy[i])
        nothing = [False] * len(tidy)
    first_of: dict[str, int] = {}
    for i, key in enumerate(keys):
        if flags[i].non_answer:
            continue
        original = first_of.setdefault(key, i)
        if original != i:
            flags[i].duplicate_of = original
    distinct = list(first_of.values())
    copies = _copies_per_original(flags, distinct)
    groups = find_near_duplicates([keys[i] for i in distinct], campaign_similarity)
    originals = [[distinct[position] for position in group] for group in groups]
    campaigns = _campaigns(originals, tidy, copies, campaign_min_size, campaign_min_words)
    prepared = _finish(tidy, flags, campaigns, distinct)
    prepared.nothing = [n for n, i in enumerate(prepared.fit_indices) if nothing[i]]
    return prepared


def _theme_size(distinct: int) -> int:
    """How many answers of "nothing" make a theme beside ``distinct`` other answers: as
    many as a theme of the grouping needs, and five at least."""
    return max(NOTHING_MIN_SIZE, sized_min_cluster_size(distinct))


def _copies_per_original(flags: list[DocFlags], distinct: list[int]) -> dict[int, list[int]]:
    """Original index → every index carrying the same answer (itself included)."""
    copies: dict[int, list[int]] = {i: [i] for i in distinct}
    for i, flag in enumerate(flags):
        if flag.duplicate_of is not None:
            copies[flag.duplicate_of].append(i)
    return copies


def _campaigns(
    groups: list[list[int]],
    tidy: list[str],
    copies: dict[int, list[int]],
    min_size: int,
    min_words: int,
) -> list[Campaign]:
    """Near-duplicate groups (of original answers' indices) big enough, and long enough, to be
    called a campaign."""
    campaigns: list[Campaign] = []
    for originals in groups:
        members = sorted(i for original in originals for i in copies[original])
        head = min(originals)
        if len(members) < min_size or len(tidy[head].split()) < min_words:
            continue
        campaign = Campaign(len(campaigns), len(members), tidy[head], head, members)
        campaigns.append(campaign)
    campaigns.sort(key=lambda campaign: -campaign.size)
    for number, campaign in enumerate(campaigns):
        campaign.id = number
    return campaigns


def _finish(
    tidy: list[str], flags: list[DocFlags], campaigns: list[Campaign], distinct: list[int]
) -> Preparation:
    """Mark campaign members and work out which fitted text each text follows."""
    follows = {i: i for i in distinct}
    for campaign in campaigns:
        for member in campaign.members:
            flags[member].campaign = campaign.id
            follows[member] = campaign.representative
    fit_indices = sorted(set(follows.values()))
    position = {doc: n for n, doc in enumerate(fit_indices)}
    source = np.full(len(tidy), -1, dtype=np.int64)
    for i, flag in enumerate(flags):
        if flag.non_answer:
            continue
        original = flag.duplicate_of if flag.duplicate_of is not None else i
        source[i] = position[follows.get(i, follows[original])]
    return Preparation(tidy, flags, campaigns, fit_indices, source)


def find_near_duplicates(keys: list[str], similarity: float = 0.7) -> list[list[int]]:
    """Groups (of two or more) of keys whose character 5-gram Jaccard is about ``similarity``+."""
    if len(keys) < 2:
        return []
    signatures = minhash_signatures(keys)
    parent = np.arange(len(keys))
    for band in range(_BANDS):
        rows = signatures[:, band * _ROWS : (band + 1) * _ROWS]
        bucket = (rows * _BAND_MIX).sum(axis=1, dtype=np.uint64)
        _join_buckets(bucket, signatures, parent, similarity)
    roots = np.array([_root(parent, i) for i in range(len(keys))])
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        groups.setdefault(int(root), []).append(i)
    return [
        _close_to_head(members, signatures, similarity)
        for members in groups.values()
        if len(members) > 1
    ]


def _close_to_head(members: list[int], signatures: np.ndarray, similarity: float) -> list[int]:
    """The members similar to the group's first text itself (links are not followed in chains)."""
    agreement = (signatures[members] == signatures[members[0]]).mean(axis=1)
    return [member for member, score in zip(members, agreement, strict=True) if score >= similarity]


def _join_buckets(
    bucket: np.ndarray, signatures: np.ndarray, parent: np.ndarray, similarity: float
) -> None:
    """Union each key with the first key of its bucket when their signatures agree enough."""
    order = np.argsort(bucket, kind="stable")
    sorted_buckets = bucket[order]
    starts = np.flatnonzero(np.r_[True, sorted_buckets[1:] != sorted_buckets[:-1]])
    ends = np.r_[starts[1:], len(order)]
    for start, end in zip(starts, ends, strict=True):
        if end - start < 2:
            continue
        members = order[start:end]
        head = members[0]
        agreement = (signatures[members[1:]] == signatures[head]).mean(axis=1)
        for member in members[1:][agreement >= similarity]:
            _union(parent, int(head), int(member))


def _root(parent: np.ndarray, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = int(parent[i])
    return i


def _union(parent: np.ndarray, a: int, b: int) -> None:
    root_a, root_b = _root(parent, a), _root(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def minhash_signatures(keys: list[str], permutations: int = _BANDS * _ROWS) -> np.ndarray:
    """MinHash signature (one row of ``permutations`` values) per key, from 5-gram hashes."""
    padded = [key.ljust(_SHINGLE) for key in keys]
    encoded = [key.encode("utf-8") for key in padded]
    lengths = np.array([len(b) for b in encoded])
    data = np.frombuffer(b"".join(encoded), dtype=np.uint8).astype(np.uint64)
    count = len(data) - _SHINGLE + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for offset in range(_SHINGLE):
        shingles = shingles * np.uint64(1099511628211) + data[offset : offset + count]
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    per_key = lengths - _SHINGLE + 1
    keep = np.concatenate([np.arange(s, s + n) for s, n in zip(starts, per_key, strict=True)])
    shingles, first = shingles[keep], np.r_[0, np.cumsum(per_key)[:-1]]
    rng = np.random.default_rng(20240531)
    masks = rng.integers(1, 2**63, size=permutations, dtype=np.uint64)
    multipliers = rng.integers(1, 2**63, size=permutations, dtype=np.uint64) | np.uint64(1)
    signatures = np.empty((len(keys), permutations), dtype=np.uint64)
    for k in range(permutations):
        mixed = (shingles ^ masks[k]) * multipliers[k]
        signatures[:, k] = np.minimum.reduceat(mixed, first)
    return signatures
