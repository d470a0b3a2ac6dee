"""Paper rendering time on a 10,000-submission consultation, next to its theming time.

Generates a 10k-response survey export, imports it, themes it with ``engage theme``
(fast backend, a whole cold process: the baseline), drafts recommendations for the top
themes, then times in the same run, in process, the recommendation paper as Markdown and
as standalone HTML (context, rendering, charts, writing the file and storing the paper),
plus a whole cold ``engage paper`` process. Target: each paper under 1 s.

    .venv/bin/python bench/paper.py [--rows 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import median, table, write_feedback_csv  # noqa: E402

BIN = Path(sys.executable).parent
TITLE = "Bench consultation"


def engage(db: Path, *args: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "engage"), "--db", str(db), *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def prepare(work: Path, rows: int, env: dict[str, str]) -> tuple[Path, float]:
    """A database with ``rows`` imported and themed; returns it and the theming time."""
    db = work / "bench.db"
    csv_path = write_feedback_csv(work / "feedback.csv", rows)
    engage(
        db,
        "consultations",
        "add",
        TITLE,
        "--opens",
        "2026-03-01",
        "--closes",
        "2026-06-30",
        env=env,
    )
    engage(db, "import", str(csv_path), "-c", TITLE, env=env)
    theming = engage(db, "theme", TITLE, "--backend", "fast", env=env)
    return db, theming


def time_papers(db_path: Path, work: Path, repeat: int) -> dict[str, list[float]]:
    from engage.db import open_db
    from engage.db.theme_runs import resolve_run
    from engage.papers.demo import draft_demo_recommendations
    from engage.papers.write import PaperOptions, write_paper

    db = open_db(db_path)
    run_id = resolve_run(db, None, TITLE)
    draft_demo_recommendations(db, run_id)
    times: dict[str, list[float]] = {"md": [], "html": []}
    for round_ in range(repeat):
        for fmt in times:
            started = time.perf_counter()
            write_paper(
                db,
                TITLE,
                "recommendation-paper",
                work / f"paper-{round_}.{fmt}",
                PaperOptions(fmt=fmt, force=True),
            )
            times[fmt].append(time.perf_counter() - started)
    db.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        env = {**os.environ, "ENGAGE_HOME": os.environ.get("ENGAGE_HOME", str(work / "home"))}
        os.environ["ENGAGE_HOME"] = env["ENGAGE_HOME"]
        db, theming = prepare(work, args.rows, env)
        times = time_papers(db, work, args.repeat)
        cold = engage(
            db,
            "paper",
            TITLE,
            "--template",
            "recommendation-paper",
            "--out",
            str(work / "cold.html"),
            env=env,
        )
    rows = [("engage theme (fast backend, cold process): baseline", theming, "")]
    for fmt, label in (("md", "Markdown"), ("html", "standalone HTML with 2 SVG charts")):
        rows.append((f"paper, {label}: first in process", times[fmt][0], ""))
        rows.append((f"paper, {label}: median of {args.repeat}", median(times[fmt]), ""))
    rows.append(("engage paper --out x.html (cold process, imports included)", cold, ""))
    print(f"\n{args.rows:,} submissions; target: each paper under 1 s\n")
    print(
        table(
            ["step", "seconds", "share of theming time"],
            [(name, f"{seconds:.3f}", f"{seconds / theming:.1%}") for name, seconds, _ in rows],
        )
    )


if __name__ == "__main__":
    main()
