"""Theme titles, judged blind: files for a reader to rate, and the summary of the ratings.

Step 1 — write the judge files (a run of the demo answers and of the NHS FFT set,
fast backend, seed 0):

    .venv/bin/python bench/theme_titles.py write --out /tmp/titles

For each set this writes ``judge_<set>.md``: the rating rubric, then every theme's
title, size and 10 of its answers drawn at random (seeded), and nothing else (no
keyphrases, no description, no ids: nothing that tells how titles are made); and
``key_<set>.json``, which this script reads back to score the ratings (theme
number → title and size).

Step 2 — a reader who sees nothing but ``judge_<set>.md`` returns a JSON list such
as ``[{"theme": 1, "rating": 5, "coherent": true}, ...]`` (or a CSV with columns
theme, rating, coherent); then

    .venv/bin/python bench/theme_titles.py score /tmp/titles/key_nhs.json ratings_nhs.json

prints the mean rating, the size-weighted mean, the ten largest themes' ratings, the
share of coherent themes and every title with its rating, against the targets (mean
≥ 4.0, size-weighted ≥ 4.2, none of the ten largest at 2 or below, coherent ≥ 85 %).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import table  # noqa: E402
from theming_quality import EVAL_SET, demo_labelled, read_labelled  # noqa: E402

ANSWERS_SHOWN = 10
ANSWER_CHARS = 300
TARGETS = {"mean": 4.0, "weighted": 4.2, "largest_floor": 2, "coherent": 0.85}
RUBRIC = """\
For each theme below you see its title, how many answers it holds, and 10 of its
answers picked at random. Rate the title from 1 to 5:

- 5 = says plainly what these answers are about, in a manager's words;
- 4 = clear subject, could be more specific;
- 3 = a guess is possible but vague or awkward;
- 2 = mostly unhelpful (jargon, artefact, half the point);
- 1 = meaningless or misleading.

Also say for each theme whether its answers are coherent: at least 7 of the 10
share one subject.

Reply with a JSON list, one entry per theme:
[{"theme": 1, "rating": 4, "coherent": true}, ...]
"""


def sets() -> dict[str, list[str]]:
    """The feedback each judge file is made from."""
    found = {"demo": demo_labelled()[0]}
    if EVAL_SET.is_file():
        found["nhs"] = read_labelled(EVAL_SET)[0]
    else:
        print(f"note: {EVAL_SET} is not on this machine; the NHS set is skipped", file=sys.stderr)
    return found


def write(out: Path, seed: int) -> None:
    from engage.theming import ThemingOptions, theme_texts

    out.mkdir(parents=True, exist_ok=True)
    for name, texts in sets().items():
        result = theme_texts(texts, ThemingOptions(backend="fast", seed=0))
        rng = random.Random(seed)
        lines = [f"# Themes of a set of feedback ({len(texts):,} answers)", "", RUBRIC]
        key = []
        for theme in result.themes:
            answers = [t for t, a in zip(texts, result.assignments, strict=True) if a == theme.id]
            shown = rng.sample(answers, min(ANSWERS_SHOWN, len(answers)))
            lines += [f"## Theme {theme.id}: {theme.label}", "", f"{theme.size:,} answers", ""]
            lines += [f"{n}. {_one_line(answer)}" for n, answer in enumerate(shown, 1)] + [""]
            key.append({"theme": theme.id, "title": theme.label, "size": theme.size})
        (out / f"judge_{name}.md").write_text("\n".join(lines), encoding="utf-8")
        (out / f"key_{name}.json").write_text(json.dumps(key, indent=1, ensure_ascii=False))
        print(
            f"{name}: {len(key)} themes -> {out / f'judge_{name}.md'}, {out / f'key_{name}.json'}"
        )


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ANSWER_CHARS else text[: ANSWER_CHARS - 1].rstrip() + "…"


def read_ratings(path: Path) -> dict[int, dict]:
    """Ratings by theme number, from JSON or CSV."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        rows = json.loads(path.read_text(encoding="utf-8"))
    ratings = {}
    for row in rows:
        coherent = row.get("coherent")
        if isinstance(coherent, str):
            coherent = coherent.strip().lower() in ("true", "yes", "y", "1")
        ratings[int(row["theme"])] = {"rating": float(row["rating"]), "coherent": bool(coherent)}
    return ratings


def summary(key: list[dict], ratings: dict[int, dict]) -> dict:
    """The figures the targets are checked on."""
    rated = [theme for theme in key if theme["theme"] in ratings]
    if not rated:
        sys.exit("error: no rating matches a theme of the key")
    scores = [ratings[t["theme"]]["rating"] for t in rated]
    sizes = [t["size"] for t in rated]
    largest = sorted(rated, key=lambda t: -t["size"])[:10]
    return {
        "rated": len(rated),
        "mean": sum(scores) / len(scores),
        "weighted": sum(s * n for s, n in zip(scores, sizes, strict=True)) / sum(sizes),
        "largest": [
            (t["theme"], t["title"], t["size"], ratings[t["theme"]]["rating"]) for t in largest
        ],  # fmt: skip
        "coherent": sum(ratings[t["theme"]]["coherent"] for t in rated) / len(rated),
        "all": [
            (
                t["theme"],
                t["title"],
                t["size"],
                ratings[t["theme"]]["rating"],
                ratings[t["theme"]]["coherent"],
            )
            for t in rated
        ],  # fmt: skip
    }


def score(key_path: Path, ratings_path: Path) -> None:
    key = json.loads(key_path.read_text(encoding="utf-8"))
    found = summary(key, read_ratings(ratings_path))
    floor = min(rating for *_, rating in found["largest"])
    checks = [
        ["mean rating", f"{found['mean']:.2f}", f"≥ {TARGETS['mean']}",
         found["mean"] >= TARGETS["mean"]],
        ["size-weighted mean", f"{found['weighted']:.2f}", f"≥ {TARGETS['weighted']}",
         found["weighted"] >= TARGETS["weighted"]],
        ["lowest of the ten largest", f"{floor:g}", f"> {TARGETS['largest_floor']}",
         floor > TARGETS["largest_floor"]],
        ["coherent themes", f"{found['coherent']:.0%}", f"≥ {TARGETS['coherent']:.0%}",
         found["coherent"] >= TARGETS["coherent"]],
    ]  # fmt: skip
    print(f"{found['rated']} of {len(key)} themes rated ({key_path.name})")
    print(table(["figure", "value", "target", "met"],
                [[*row[:3], "yes" if row[3] else "no"] for row in checks]))  # fmt: skip
    print("\nten largest themes")
    print(table(["#", "title", "size", "rating"], found["largest"]))
    print("\nevery theme")
    print(table(["#", "title", "size", "rating", "coherent"], found["all"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    written = commands.add_parser("write", help="write the judge files and their keys")
    written.add_argument("--out", default="theme-titles", help="folder for the files")
    written.add_argument("--seed", type=int, default=0, help="seed of the answers shown")
    scored = commands.add_parser("score", help="summarise a judge's ratings")
    scored.add_argument("key", help="key_<set>.json written with the judge file")
    scored.add_argument("ratings", help="the judge's ratings (JSON list or CSV)")
    args = parser.parse_args()
    if args.command == "write":
        write(Path(args.out), args.seed)
    else:
        score(Path(args.key), Path(args.ratings))


if __name__ == "__main__":
    main()
