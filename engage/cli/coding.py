"""The interactive prompt of ``engage themes code``."""

from __future__ import annotations

import typer

from engage.cli import output
from engage.config import current_actor

NONE_FITS = "n"  # "none fits" is a letter: any number is a theme's


def code_interactively(db, run_id: str, sample: int, coder: str | None, seed: int) -> None:
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.codings import record_coding, sample_for_coding
    from engage.db.themes import list_themes

    coder = coder or current_actor()
    themes = list_themes(db, run_id)
    numbers = {str(t["number"]) for t in themes}
    todo = sample_for_coding(db, run_id, coder, sample, seed)
    if not todo:
        output.done("nothing left to code in this run for " + coder)
        return
    menu = "  ".join(f"{t['number']}={t['label']}" for t in themes)
    done = 0
    for position, submission in enumerate(todo, start=1):
        output.done(f"\n[{position}/{len(todo)}] {submission['text_redacted']}")
        output.done(f"themes: {menu}  n=none fits  q=stop")
        answer = _ask(numbers)
        if answer == "q":
            break
        record_coding(db, run_id, submission["id"], coder, None if answer == NONE_FITS else answer)
        done += 1
    output.done(f"coded {done} submission(s) as {coder}; see engage themes agreement")


def _ask(numbers: set[str]) -> str:
    """A theme number, NONE_FITS, or "q" (also when the input ends)."""
    while True:
        try:
            answer = typer.prompt("theme", default="q").strip().lower()
        except typer.Abort:  # end of input or Ctrl-C: what was coded so far is kept
            return "q"
        if answer in numbers or answer in {NONE_FITS, "q"}:
            return answer
        output.error(f"'{answer}' is not a theme number (or n = none fits, q = stop)")
