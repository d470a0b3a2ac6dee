"""What privacy costs in time: import, export and bundle, against a baseline commit.

Generates a survey export of ``--rows`` responses, then times as whole cold processes,
for this checkout and for ``--baseline-ref`` (its ``engage`` package taken from git into a
temporary folder and run with this checkout's environment), alternating the two:
``engage import`` into a fresh database, ``engage export submissions`` to CSV and XLSX,
and ``engage export bundle``. Prints the median seconds and the ratio to the baseline.

    .venv/bin/python bench/leaving_speed.py --baseline-ref REF [--rows 50000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import median, table, write_feedback_csv  # noqa: E402

HERE = Path(__file__).resolve().parent


def baseline_tree(ref: str, into: Path) -> Path:
    """The baseline's ``engage`` package (and data, templates) extracted from git."""
    archive = into / "baseline.tar"
    subprocess.run(
        ["git", "archive", "--format=tar", "-o", str(archive), ref, "engage", "data", "templates"],
        cwd=HERE.parent,
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "engage", *args], env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def one_round(name: str, env: dict[str, str], work: Path, survey: Path, round_: int) -> dict:
    folder = work / f"{name}-{round_}"
    folder.mkdir()
    db = str(folder / "office.db")
    subprocess.run(
        [sys.executable, "-m", "engage", "--db", db, "consultations", "add", "Bench"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return {
        "import": timed(["--db", db, "import", str(survey), "-c", "Bench"], env),
        "export csv": timed(
            ["--db", db, "export", "submissions", "--out", str(folder / "all.csv")], env
        ),
        "export xlsx": timed(
            [
                "--db",
                db,
                "export",
                "submissions",
                "--format",
                "xlsx",
                "--out",
                str(folder / "all.xlsx"),
            ],
            env,
        ),
        "export bundle": timed(["--db", db, "export", "bundle", str(folder / "b.engage")], env),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", required=True)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        survey = write_feedback_csv(work / "survey.csv", args.rows)
        base_env = {**os.environ, "ENGAGE_HOME": str(work / "home")}
        envs = {
            "this checkout": {**base_env, "PYTHONPATH": str(HERE.parent)},
            "baseline": {**base_env, "PYTHONPATH": str(baseline_tree(args.baseline_ref, work))},
        }
        results: dict[str, list[dict]] = {name: [] for name in envs}
        for round_ in range(args.repeat):
            for name, env in envs.items():
                results[name].append(one_round(name, env, work, survey, round_))
        rows = []
        for step in results["baseline"][0]:
            now = median([r[step] for r in results["this checkout"]])
            then = median([r[step] for r in results["baseline"]])
            rows.append([step, f"{then:.2f}", f"{now:.2f}", f"{now / then:.2f}x"])
        print(
            f"{args.rows:,} responses, median of {args.repeat} cold runs each "
            f"(baseline {args.baseline_ref}):"
        )
        print(table(["step", "baseline s", "this checkout s", "ratio"], rows))


if __name__ == "__main__":
    main()
