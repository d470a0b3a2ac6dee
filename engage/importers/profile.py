"""Describe what a column's cells look like, to tell free-text answers from everything else.

A profile is computed on a sample of the non-blank cells (the first few
thousand), so recognising the columns of a 100,000-row export stays quick.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engage.importers.dates import looks_like_date
from engage.importers.values import (
    looks_like_postal_code,
    read_channel,
    read_consent,
    read_satisfaction,
)

SAMPLE_SIZE = 2000
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?[\d,]*\.?\d+%?")
_CODE = re.compile(r"[\w\-{}.:#/]+")  # one token: ids, hashes, codes


@dataclass(frozen=True)
class ColumnProfile:
    """Shape of a column's non-blank cells: how long, how varied, what kind of values."""

    values: tuple[str, ...]
    median_length: float
    unique_share: float
    spaced_share: float
    wordy_share: float
    capitalised_share: float

    @property
    def empty(self) -> bool:
        """True when the column has no answers at all."""
        return not self.values

    def share(self, test: Callable[[str], bool]) -> float:
        """Fraction of the sampled cells for which ``test`` holds."""
        if not self.values:
            return 0.0
        return sum(1 for value in self.values if test(value)) / len(self.values)

    def looks_like_free_text(self) -> bool:
        """True for answers written in sentences: long, worded and mostly different.

        Short Title Case values ("Ottawa Community Food Bank") are names, not sentences.
        """
        if self.empty or self.is_bookkeeping():
            return False
        varied = self.unique_share >= 0.3 or self.median_length >= 40
        worded = self.median_length >= 20 and self.spaced_share >= 0.5
        sentences = self.median_length >= 40 or self.capitalised_share < 0.6
        return varied and sentences and (worded or self.wordy_share >= 0.3)

    def is_numeric(self) -> bool:
        """True when most cells are numbers (ids, counts), as opposed to names or places."""
        return self.share(_is_number) >= 0.8

    def is_bookkeeping(self) -> bool:
        """True for ids, dates, numbers, emails, links and codes: never feedback."""
        return any(
            self.share(test) >= 0.8
            for test in (looks_like_date, _is_email, _is_url, _is_number, _is_code)
        )


def profile_column(cells: Sequence[str]) -> ColumnProfile:
    """Profile the first ``SAMPLE_SIZE`` non-blank cells of a column."""
    values: list[str] = []
    for cell in cells:
        text = cell.strip()
        if text:
            values.append(text)
            if len(values) >= SAMPLE_SIZE:
                break
    if not values:
        return ColumnProfile((), 0.0, 0.0, 0.0, 0.0, 0.0)
    count = len(values)
    words = [word for value in values for word in value.split() if word[:1].isalpha()]
    return ColumnProfile(
        values=tuple(values),
        median_length=statistics.median(len(value) for value in values),
        unique_share=len(set(values)) / count,
        spaced_share=sum(1 for value in values if " " in value) / count,
        wordy_share=sum(1 for value in values if value.count(" ") >= 3) / count,
        capitalised_share=sum(1 for word in words if word[0].isupper()) / max(len(words), 1),
    )


def readable_share(profile: ColumnProfile, field: str) -> float:
    """Fraction of sampled cells that read as a value of a typed field (1.0 if untyped)."""
    test = _FIELD_TESTS.get(field)
    return 1.0 if test is None else profile.share(test)


def _succeeds(reader: Callable[[str], object]) -> Callable[[str], bool]:
    def test(value: str) -> bool:
        try:
            reader(value)
        except ValueError:
            return False
        return True

    return test


def _is_email(value: str) -> bool:
    return bool(_EMAIL.fullmatch(value))


def _is_url(value: str) -> bool:
    return bool(_URL.fullmatch(value))


def _is_number(value: str) -> bool:
    return bool(_NUMBER.fullmatch(value))


def _is_code(value: str) -> bool:
    return bool(_CODE.fullmatch(value))


_FIELD_TESTS: dict[str, Callable[[str], bool]] = {
    "received_at": looks_like_date,
    "satisfaction": _succeeds(read_satisfaction),
    "consent_to_quote": _succeeds(read_consent),
    "channel": _succeeds(read_channel),
    "postal_area": looks_like_postal_code,
}
