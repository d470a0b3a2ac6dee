"""A per-stage progress display on stderr for long jobs (theming)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from engage.models import THEMING_STAGES


class StageLines:
    """Per-stage progress as plain lines on stderr: one line when a stage ends, with its
    duration (for logs, pipes and CI, where bars cannot be drawn)."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.finished: set[str] = set()

    def __call__(self, stage: str, fraction: float) -> None:
        now = time.perf_counter()
        if stage not in self.started:
            self.started[stage] = now
        if fraction >= 1.0 and stage not in self.finished:
            self.finished.add(stage)
            name = THEMING_STAGES.get(stage, stage)
            typer.echo(f"  {name} ... done ({now - self.started[stage]:.1f} s)", err=True)


@contextlib.contextmanager
def stage_progress(note: str = "") -> Iterator[Callable[[str, float], None]]:
    """Yields ``report(stage, fraction)``: on a terminal each stage gets its own bar,
    elsewhere a line when it ends. The bars are drawn from the first stage to the end of
    the last one, so lines printed before or after them (``engage demo``) stay in place.
    ``note`` (the first run's one-off work) is printed when the first stage starts: a
    run that stops on a bad file says only what is wrong."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield _noted(StageLines(), note)
        return
    progress = Progress(
        TextColumn("{task.description:<20}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    tasks: dict[str, int] = {}
    drawing = []  # [True] while the bars are on screen
    last = list(THEMING_STAGES)[-1]

    def stop(finished: bool) -> None:
        """Take the bars off the live display: all full when the work finished; otherwise
        each unfinished stage keeps the share it reached and says it stopped."""
        if not drawing:
            return
        for task_id in tasks.values():
            task = progress.tasks[task_id]
            if finished:
                progress.update(task_id, completed=100)
            elif not task.finished:
                progress.update(task_id, description=f"{task.description} — stopped")
        progress.stop()
        drawing.clear()

    def report(stage: str, fraction: float) -> None:
        if not tasks:
            progress.start()
            drawing.append(True)
        if stage not in tasks:
            for other in tasks.values():
                progress.update(other, completed=100)
            tasks[stage] = progress.add_task(THEMING_STAGES.get(stage, stage), total=100)
        progress.update(tasks[stage], completed=min(100.0, fraction * 100))
        if stage == last and fraction >= 1.0:
            stop(finished=True)

    try:
        yield _noted(report, note)
    except BaseException:
        stop(finished=False)
        raise
    stop(finished=True)


def _noted(report: Callable[[str, float], None], note: str) -> Callable[[str, float], None]:
    """``report``, which first prints ``note`` (if any) on stderr."""
    pending = [note] if note else []

    def noted(stage: str, fraction: float) -> None:
        if pending:
            typer.echo(f"Note: {pending.pop()}", err=True)
        report(stage, fraction)

    return noted
