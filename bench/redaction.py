"""How well and how fast redaction works.

1. A labelled set written for engage (``bench/data/redaction_set.txt``: English and
   French sentences, every kind, and sentences that must come out unchanged): recall per
   kind (a marked detail counts as found when redaction covers all of it), precision
   (the share of what redaction changed that was marked) and false changes (unmarked
   sentences changed).
2. Public NHS Friends and Family Test comments (``../shared/eval/nhs_fft``, read in
   place): the share of comments changed, and a seeded random sample of the changes.
3. Speed: redacting 50,000 answers, against the redaction of a baseline commit when one
   is given (``--baseline-ref``, read with git from this checkout) in the same run.

    .venv/bin/python bench/redaction.py [--nhs PATH] [--sample 50] [--baseline-ref REF]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import table  # noqa: E402

from engage.privacy import find_pii, redact  # noqa: E402

HERE = Path(__file__).parent
LABELLED = HERE / "data" / "redaction_set.txt"
HELD_OUT = HERE / "data" / "redaction_holdout.txt"
NHS = HERE.parent.parent / "shared" / "eval" / "nhs_fft" / "feedback.csv"
MARK = re.compile(r"⟦(.*?)⟧")
TARGETS = {
    "PHONE": 0.98,
    "EMAIL": 0.98,
    "POSTAL_CODE": 0.98,
    "SIN": 0.98,
    "HEALTH_CARD": 0.98,
    "ADDRESS": 0.9,
    "NAME": 0.9,
}


def labelled_sentences(path: Path = LABELLED) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(kind, sentence without marks, marked spans) for every line of the set."""
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, marked = line.split("\t", 1)
        text, spans, position = "", [], 0
        for match in MARK.finditer(marked):
            text += marked[position : match.start()]
            spans.append((len(text), len(text) + len(match.group(1))))
            text += match.group(1)
            position = match.end()
        text += marked[position:]
        sentences.append((kind, text, spans))
    return sentences


def score(sentences) -> dict:
    """Recall per kind, precision and false changes over the labelled sentences."""
    found, total, right_kind = Counter(), Counter(), Counter()
    predicted = true_predicted = false_changes = negatives = 0
    misses = []
    for kind, text, spans in sentences:
        matches = find_pii(text)
        covered = set()
        for match in matches:
            covered.update(range(match.start, match.end))
        predicted += len(matches)
        true_predicted += sum(
            any(m.start < end and start < m.end for start, end in spans) for m in matches
        )
        if kind == "NONE":
            negatives += 1
            if matches:
                false_changes += 1
                misses.append(("changed", text, redact(text).text))
            continue
        for start, end in spans:
            total[kind] += 1
            if all(i in covered for i in range(start, end) if not text[i].isspace()):
                found[kind] += 1
                right_kind[kind] += any(
                    m.kind == kind and m.start < end and start < m.end for m in matches
                )
            else:
                misses.append(("missed", text, redact(text).text))
    return {
        "found": found,
        "total": total,
        "right_kind": right_kind,
        "misses": misses,
        "precision": true_predicted / predicted if predicted else 1.0,
        "false_changes": false_changes,
        "negatives": negatives,
    }


def nhs_changes(path: Path) -> tuple[int, list[tuple[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    changes = []
    for text in texts:
        redacted = redact(text).text
        if redacted != text:
            changes.append((text, redacted))
    return len(texts), changes


def what_changed(before: str, after: str) -> str:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    pieces = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            context = before[max(0, a1 - 25) : a1].split("\n")[-1]
            pieces.append(f"…{context}«{before[a1:a2]}» → «{after[b1:b2]}»")
    return "; ".join(pieces)


def _merged_changes(before: str, after: str) -> str:
    """The redacted words with a little context ("…to thank «Mrs Watson» → «[NAME]»")."""
    words_before = re.split(r"(\s+)", before)
    words_after = re.split(r"(\s+)", after)
    matcher = difflib.SequenceMatcher(None, words_before, words_after, autojunk=False)
    pieces = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            context = "".join(words_before[max(0, a1 - 6) : a1]).replace("\n", " ")
            old = "".join(words_before[a1:a2]).replace("\n", " ")
            pieces.append(f"…{context[-30:]}«{old}» → «{''.join(words_after[b1:b2])}»")
    return "; ".join(pieces)


def speed(texts: list[str], baseline_ref: str | None) -> list[list[str]]:
    answers = [f"{texts[i % len(texts)]} ({i})" for i in range(50_000)]
    rows = []
    timings = {"this checkout": _time(redact, answers)}
    if baseline_ref:
        old = _module_at(baseline_ref)
        if old is not None:
            timings[f"baseline {baseline_ref}"] = _time(old.redact, answers)
    base = timings.get(f"baseline {baseline_ref}")
    for name, seconds in timings.items():
        ratio = f"{seconds / base:.2f}x" if base else "—"
        rows.append([name, f"{seconds:.2f}", f"{len(answers) / seconds:,.0f}", ratio])
    return rows


def _time(function, answers: list[str]) -> float:
    started = time.perf_counter()
    for answer in answers:
        function(answer)
    return time.perf_counter() - started


def _module_at(ref: str):
    """engage.privacy as it was at ``ref`` (None if git cannot show it)."""
    shown = subprocess.run(
        ["git", "show", f"{ref}:engage/privacy.py"], cwd=HERE, capture_output=True, text=True
    )
    if shown.returncode != 0:
        print(f"(no baseline: git cannot show {ref}:engage/privacy.py)")
        return None
    path = Path(tempfile.mkdtemp()) / "privacy_baseline.py"
    path.write_text(shown.stdout, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("privacy_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["privacy_baseline"] = module
    spec.loader.exec_module(module)
    return module


def _print_scores(result: dict) -> None:
    rows = []
    for kind, target in TARGETS.items():
        n, hit = result["total"][kind], result["found"][kind]
        if not n:
            continue
        rows.append(
            [
                kind,
                str(n),
                f"{hit / n:.3f}",
                f"{result['right_kind'][kind] / n:.3f}",
                f"≥ {target}",
                "ok" if hit / n >= target else "BELOW",
            ]
        )
    print(table(["kind", "marked", "recall", "right placeholder", "target", ""], rows))
    print(
        f"precision (changes that were marked): {result['precision']:.3f}; "
        f"sentences that must not change: {result['negatives']}, changed: "
        f"{result['false_changes']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nhs", type=Path, default=NHS)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--baseline-ref", default=None)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    result = score(labelled_sentences())
    print(f"labelled set ({LABELLED.name}):")
    _print_scores(result)
    held_out = score(labelled_sentences(HELD_OUT))
    print(f"\nheld out ({HELD_OUT.name}, never used to change the rules):")
    _print_scores(held_out)
    result["misses"] += held_out["misses"]
    if args.show_misses:
        for what, text, redacted in result["misses"]:
            print(f"  {what}: {text!r} -> {redacted!r}")
    if args.nhs.is_file():
        count, changes = nhs_changes(args.nhs)
        print(
            f"\nNHS FFT comments changed: {len(changes)} of {count} "
            f"({len(changes) / count:.2%}; target ≤ 3 %)"
        )
        sample = random.Random(args.seed).sample(changes, min(args.sample, len(changes)))
        for number, (before, after) in enumerate(sample, 1):
            print(f"{number:2}. {_merged_changes(before, after)}")
        texts = [before for before, _ in changes] or ["No comment."]
        with args.nhs.open(encoding="utf-8", newline="") as handle:
            texts = [row["text"] for row in csv.DictReader(handle)]
    else:
        print(f"\n(no NHS file at {args.nhs}; speed measured on the labelled set)")
        texts = [text for _, text, _ in labelled_sentences()]
    print("\nredacting 50,000 answers (seconds, answers per second, against the baseline):")
    print(table(["redaction", "s", "answers/s", "ratio"], speed(texts, args.baseline_ref)))


if __name__ == "__main__":
    main()
