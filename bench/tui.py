"""Time to the first painted dashboard, on a 100,000-submission database against an empty one.

Builds both databases, then runs in the same run, as whole cold processes, an app that
exits as soon as the dashboard has painted its figures (headless, so it needs no terminal),
several times each; prints the medians and their ratio (targets: under 1.5 s, and under 2x
the empty database).

    .venv/bin/python bench/tui.py [--rows 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import COMMUNITIES, SUBJECTS, median, table, write_feedback_csv  # noqa: E402

TARGET_SECONDS = 1.5
TARGET_RATIO = 2.0

# The child process: open the app on the database and leave once the dashboard has painted.
FIRST_PAINT = """
import asyncio, sys, time
from engage.db import open_db
from engage.tui.app import make_app

app = make_app(open_db(sys.argv[1]))

async def leave_after_first_paint(pilot):
    while not hasattr(pilot.app.screen, "figures_painted"):
        await asyncio.sleep(0.001)
    await pilot.app.screen.figures_painted.wait()
    pilot.app.exit(time.time())

print(app.run(headless=True, size=(120, 40), auto_pilot=leave_after_first_paint))
"""
KINDS = ("community", "advocacy", "business", "labour", "government", "other")
CHANNELS = ("in_person", "phone", "online", "survey", "kiosk")


def build_database(path: Path, rows: int, work: Path) -> Path:
    """A database with partners, sessions and ``rows`` imported survey answers."""
    from engage.db import open_db
    from engage.db.consultations import add_consultation
    from engage.db.imports import import_file
    from engage.db.partners import add_partner
    from engage.db.sessions import log_session

    db = open_db(path)
    consultation = add_consultation(db, "Bench", opens_on="2026-01-01", closes_on="2026-06-30")
    rng = random.Random(5)
    partners = [
        add_partner(
            db,
            name=f"Partner {number:03d}",
            kind=rng.choice(KINDS),
            community=rng.choice(COMMUNITIES),
            influence=rng.randint(1, 5),
            interest=rng.randint(1, 5),
        )["id"]
        for number in range(60)
    ]
    for number in range(40):
        log_session(
            db,
            consultation["id"],
            f"2026-{1 + number % 6:02d}-{1 + number % 28:02d}",
            "town_hall",
            rng.choice(CHANNELS),
            community=rng.choice(COMMUNITIES),
            attendance=rng.randint(5, 80),
            invited=rng.sample(partners, 6),
            attended=rng.sample(partners, 3),
        )
    if rows:
        csv_path = write_feedback_csv(work / f"feedback-{rows}.csv", rows)
        import_file(db, csv_path, consultation["id"], channel="survey")
        store_theme_run(db, consultation["id"])
    db.close()
    return path


def store_theme_run(db, consultation_id: str) -> None:
    """A theme run over every submission (one theme per subject the texts talk about), stored
    as theming would store it, so the dashboard's theme figures have a real run to read."""
    import numpy as np

    from engage.db.theme_runs import select_submissions, store_run
    from engage.theming.result import DocFlags, Theme, ThemingResult

    submissions = select_submissions(db, consultation_id)
    assignments = [
        next((n for n, subject in enumerate(SUBJECTS) if subject in s["text_redacted"]), -1)
        for s in submissions
    ]
    themes = [
        Theme(n, subject.capitalize(), subject.split(), assignments.count(n), [], np.zeros(4))
        for n, subject in enumerate(SUBJECTS)
    ]
    result = ThemingResult(
        assignments=assignments,
        probabilities=[0.5] * len(assignments),
        themes=themes,
        flags=[DocFlags()] * len(assignments),
        campaigns=[],
        params={},
        seed=0,
        versions={},
        seconds={},
        stability=None,
    )
    store_run(db, consultation_id, None, "fast", submissions, result)


def first_paint_seconds(db_path: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds from launching the process to the painted dashboard, seconds of the whole
    process including leaving the app)."""
    launched, started = time.time(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(db_path)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    whole = time.perf_counter() - started
    painted_at = float(done.stdout.strip().splitlines()[-1])
    return painted_at - launched, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        env = {**os.environ, "ENGAGE_HOME": str(work / "home")}
        os.environ["ENGAGE_HOME"] = env["ENGAGE_HOME"]
        empty = build_database(work / "empty.db", 0, work)
        full = build_database(work / "full.db", args.rows, work)
        timings: dict[str, list[tuple[float, float]]] = {"empty": [], "full": []}
        for _ in range(args.repeat):  # interleaved, so both see the same machine state
            timings["empty"].append(first_paint_seconds(empty, env))
            timings["full"].append(first_paint_seconds(full, env))
    print_report(timings, args.rows, args.repeat)


def print_report(timings: dict[str, list[tuple[float, float]]], rows: int, repeat: int) -> None:
    paint = {name: median([t[0] for t in runs]) for name, runs in timings.items()}
    whole = {name: median([t[1] for t in runs]) for name, runs in timings.items()}
    ratio = paint["full"] / paint["empty"]
    print(f"first painted dashboard, {repeat} cold processes each, medians\n")
    print(
        table(
            ["measure", f"{rows:,} submissions", "empty database", "ratio", "target"],
            [
                [
                    "launch to painted dashboard (s)",
                    f"{paint['full']:.2f}",
                    f"{paint['empty']:.2f}",
                    f"{ratio:.2f}x",
                    f"< {TARGET_SECONDS} s and < {TARGET_RATIO:g}x",
                ],
                [
                    "whole process, leaving the app included (s)",
                    f"{whole['full']:.2f}",
                    f"{whole['empty']:.2f}",
                    f"{whole['full'] / whole['empty']:.2f}x",
                    "",
                ],
            ],
        )
    )
    met = paint["full"] < TARGET_SECONDS and ratio < TARGET_RATIO
    print(f"\n{'targets met' if met else 'TARGETS MISSED'}")


if __name__ == "__main__":
    main()
