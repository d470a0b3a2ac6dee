"""Shared pieces of the benchmarks: synthetic feedback and a Markdown table printer."""

from __future__ import annotations

import csv
import random
import statistics
from collections.abc import Sequence
from pathlib import Path

OPENERS = [
    "Honestly,",
    "I find that",
    "Last week",
    "Every time I visit,",
    "In my experience",
    "My mother says",
    "As a small business owner,",
    "Frankly",
    "",
    "",
    "",
]
SUBJECTS = [
    "the wait at the counter",
    "the online renewal form",
    "the kiosk at the mall",
    "the phone line",
    "booking an appointment",
    "the French-language service",
    "getting to the service centre from our township",
    "the staff at the front desk",
    "the Saturday hours",
    "the accessible entrance",
    "the list of documents required",
    "the health card renewal",
    "the driver's licence photo",
    "the parking lot",
]
VERDICTS = [
    "was far too slow",
    "kept crashing",
    "was out of order again",
    "was excellent",
    "needs more staff",
    "is confusing for seniors",
    "took three trips",
    "made me wait over two hours",
    "should open earlier",
    "was friendly and quick",
    "is not available in French",
    "is impossible without broadband",
    "does not work with a screen reader",
    "dropped my call twice",
]
CLOSERS = [
    "Please fix it.",
    "Thanks to the team.",
    "We deserve better.",
    "",
    "Keep up the good work.",
    "It is getting worse every year.",
    "No complaints otherwise.",
]
COMMUNITIES = [
    "Sudbury",
    "Timmins",
    "North Bay",
    "Kingston",
    "Cornwall",
    "Kapuskasing",
    "Hearst",
    "Pembroke",
    "Sault Ste. Marie",
    "Elliot Lake",
]


def feedback_text(rng: random.Random) -> str:
    parts = [
        rng.choice(OPENERS),
        rng.choice(SUBJECTS),
        rng.choice(VERDICTS) + ".",
        rng.choice(CLOSERS),
    ]
    if rng.random() < 0.4:
        parts += ["Also,", rng.choice(SUBJECTS), rng.choice(VERDICTS) + "."]
    return " ".join(p for p in parts if p)


def write_feedback_csv(path: Path, n: int, seed: int = 7) -> Path:
    """A survey-tool-shaped export of ``n`` responses with one open-ended answer each."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Response ID",
                "End Date",
                "Service centre",
                "Satisfaction",
                "May we quote you?",
                "What should we improve?",
            ]
        )
        for number in range(n):
            writer.writerow(
                [
                    f"R_{number:07d}",
                    f"2026-04-{1 + number % 28:02d} 10:{number % 60:02d}:00",
                    rng.choice(COMMUNITIES),
                    rng.randint(1, 5),
                    rng.choice(["Yes", "No"]),
                    feedback_text(rng),
                ]
            )
    return path


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)
