"""A per-stage progress display on stderr for long jobs (theming)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from engage.models import THEMING_STAGES


@contextlib.contextmanager
def stage_progress() -> Iterator[Callable[[str, float], None]]:
    """Yields ``report(stage, fraction)``; each stage gets its own bar."""
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description:<20}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    ) as progress:
        tasks: dict[str, int] = {}

        def report(stage: str, fraction: float) -> None:
            if stage not in tasks:
                for other in tasks.values():
                    progress.update(other, completed=100)
                tasks[stage] = progress.add_task(THEMING_STAGES.get(stage, stage), total=100)
                if not console.is_terminal:
                    console.print(f"{THEMING_STAGES.get(stage, stage)} ...")
            progress.update(tasks[stage], completed=min(100.0, fraction * 100))

        yield report
        for task in tasks.values():
            progress.update(task, completed=100)
