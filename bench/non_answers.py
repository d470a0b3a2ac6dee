"""Non-answers on labelled feedback: which rows preparation sets aside, by their human label.

    .venv/bin/python bench/non_answers.py              # ../shared/eval/nhs_fft/feedback.csv
    .venv/bin/python bench/non_answers.py --data FILE.csv --text-column text --label-column code

A non-answer ("n/a", "-", "idk", "no comment") is never themed. An answer with
content ("Couldn't get through to the service", "Because they put me first") and a
bare verdict ("Fine.", "All O.K.") must not be one. Prints, per label, the rows,
how many preparation flags as non-answers and their share, with up to three
flagged examples, so a reader can see what was set aside.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import table  # noqa: E402
from theming_quality import EVAL_SET, read_labelled  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="labelled CSV (default: the NHS FFT eval set)")
    parser.add_argument("--text-column", help="column of texts (default: found by name)")
    parser.add_argument("--label-column", help="column of human labels (default: found by name)")
    args = parser.parse_args()
    path = Path(args.data) if args.data else EVAL_SET
    if not path.is_file():
        sys.exit(f"error: {path} is not on this machine; give --data FILE.csv")
    from engage.theming.prepare import prepare_texts

    texts, labels = read_labelled(path, args.text_column, args.label_column)
    flags = prepare_texts(texts).flags
    rows, flagged = Counter(labels), Counter()
    examples: dict[str, list[str]] = {}
    for text, label, flag in zip(texts, labels, flags, strict=True):
        if flag.non_answer:
            flagged[label] += 1
            examples.setdefault(label, []).append(text)
    lines = [
        [label, rows[label], flagged[label], f"{flagged[label] / rows[label]:.1%}",
         "; ".join(repr(t[:40]) for t in examples.get(label, [])[:3]) or "—"]
        for label in sorted(rows, key=lambda name: -rows[name])
    ]  # fmt: skip
    total = sum(flagged.values())
    lines.append(["all", len(texts), total, f"{total / len(texts):.1%}", ""])
    print(f"non-answers in {path}")
    print(table(["label", "rows", "non-answers", "share", "examples"], lines))


if __name__ == "__main__":
    main()
