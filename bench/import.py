"""Import speed and search latency on 100,000 submissions.

Generates a 100k-response survey export, then times in the same run, as whole
cold processes: ``engage import`` into a fresh database against the baseline
``sqlite-utils insert --csv`` of the same file (targets: at most 3x). Then
measures full-text search latency over the imported 100k (target p50 <= 50 ms).

With ``--without-index NAME`` it also times, in the same rounds, an import into a database
that lacks that index (dropped before importing): what the index costs an import.

    .venv/bin/python bench/import.py [--rows 100000] [--repeat 3] [--without-index NAME]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import SUBJECTS, median, percentile, table, write_feedback_csv  # noqa: E402

BIN = Path(sys.executable).parent


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def run_engage(
    work: Path, csv_path: Path, env: dict[str, str], round_: int, without_index: str = ""
) -> tuple[float, Path]:
    db = work / f"engage-{round_}{'-' + without_index if without_index else ''}.db"
    engage = str(BIN / "engage")
    subprocess.run(
        [engage, "--db", str(db), "consultations", "add", "Bench"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    if without_index:
        with sqlite3.connect(db) as conn:
            conn.execute(f'DROP INDEX "{without_index}"')
    seconds = timed([engage, "--db", str(db), "import", str(csv_path), "-c", "Bench"], env)
    return seconds, db


def run_baseline(work: Path, csv_path: Path, env: dict[str, str], round_: int) -> float:
    db = work / f"baseline-{round_}.db"
    return timed(
        [str(BIN / "sqlite-utils"), "insert", str(db), "feedback", str(csv_path), "--csv"], env
    )


def search_latency(db_path: Path, queries: int = 300) -> tuple[float, float, int]:
    from engage.db import open_db
    from engage.db.submissions import SubmissionFilter, list_submissions

    db = open_db(db_path)
    rng = random.Random(3)
    words = sorted({w.strip(".,'") for s in SUBJECTS for w in s.split() if len(w) > 3})
    words += ["wait", "kiosk", "french", "seniors", "broadband", "staff", "slow", "hours"]
    timings = []
    for _ in range(queries):
        query = " ".join(rng.sample(words, rng.choice([1, 1, 2])))
        started = time.perf_counter()
        list_submissions(db, SubmissionFilter(search=query), limit=20)
        timings.append((time.perf_counter() - started) * 1000)
    count = db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    return percentile(timings, 0.5), percentile(timings, 0.95), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--without-index", default="", help="also import without this index")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        env = {**os.environ, "ENGAGE_HOME": str(work / "home")}
        csv_path = write_feedback_csv(work / "feedback.csv", args.rows)
        engage_times, baseline_times, bare_times, db = [], [], [], None
        for round_ in range(args.repeat):
            seconds, db = run_engage(work, csv_path, env, round_)
            engage_times.append(seconds)
            baseline_times.append(run_baseline(work, csv_path, env, round_))
            if args.without_index:
                bare_times.append(run_engage(work, csv_path, env, round_, args.without_index)[0])
        ratios = [e / b for e, b in zip(engage_times, baseline_times, strict=True)]
        p50, p95, count = search_latency(db)
    print(f"{args.rows:,} responses, {args.repeat} rounds, medians (cold processes)\n")
    print(
        table(
            ["measure", "engage", "baseline", "ratio", "target"],
            [
                [
                    "import (s)",
                    f"{median(engage_times):.2f}",
                    f"{median(baseline_times):.2f} (sqlite-utils insert --csv)",
                    f"{median(ratios):.2f}x",
                    "<= 3x",
                ],
                [f"search p50 over {count:,} (ms)", f"{p50:.1f}", "", "", "<= 50 ms"],
                [f"search p95 over {count:,} (ms)", f"{p95:.1f}", "", "", ""],
                *index_rows(args.without_index, engage_times, bare_times),
            ],
        )
    )


def index_rows(index: str, engage_times: list[float], bare_times: list[float]) -> list[list[str]]:
    """The import with every index against the import without ``index`` (same rounds)."""
    if not index:
        return []
    ratios = [e / b for e, b in zip(engage_times, bare_times, strict=True)]
    return [
        [
            f"import with {index} (s)",
            f"{median(engage_times):.2f}",
            f"{median(bare_times):.2f} (engage import without it)",
            f"{median(ratios):.2f}x",
            "",
        ]
    ]


if __name__ == "__main__":
    main()
