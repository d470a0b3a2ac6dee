"""Theming in the background: a thread worker runs the pipeline on its own connection while
this panel shows the stage and a progress bar; cancelling stops it at the next stage."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, get_current_worker

from engage.models import THEMING_STAGES
from engage.tui.failures import FAILURES, problem_text
from engage.tui.store import writer_connection


class ThemingCancelled(Exception):
    """Raised inside the pipeline's progress callback once the user cancelled."""


class ThemingProgressed(Message):
    def __init__(self, stage: str, fraction: float) -> None:
        super().__init__()
        self.stage = stage
        self.fraction = fraction


class ThemesComputed(Message):
    """A theme run was stored."""

    def __init__(self, run_id: str, consultation: str) -> None:
        super().__init__()
        self.run_id = run_id
        self.consultation = consultation


class ThemingStopped(Message):
    """The run ended without themes: cancelled, or failed (``problem`` says why)."""

    def __init__(self, problem: str | None = None) -> None:
        super().__init__()
        self.problem = problem


def overall(stage: str, fraction: float) -> float:
    """Progress through the whole run, 0-100."""
    names = list(THEMING_STAGES)
    if stage not in names:
        return 0.0
    return (names.index(stage) + min(max(fraction, 0.0), 1.0)) / len(names) * 100


class ThemeRunPanel(Horizontal):
    """Hidden until a run starts."""

    def __init__(self, db, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.db = db
        self.worker: Worker | None = None
        self.active = False
        self.first_run = ""  # the first run's one-off work, said beside every stage

    def compose(self) -> ComposeResult:
        yield Static("", id="run-stage")
        yield ProgressBar(total=100, show_eta=False, id="run-progress")
        yield Static("x cancel", classes="hint")

    @property
    def running(self) -> bool:
        """From the start until the run's outcome reached the panel (the worker itself is
        still finishing when the screen hears of it)."""
        return self.active

    def start(self, args: dict[str, Any]) -> None:
        # lazy: the engage.theming package and importlib.metadata load when a run starts
        from engage.theming.runtime import first_run_note

        self.active = True
        self.display = True
        note = first_run_note(args.get("backend", "fast"))
        self.first_run = f" · {note}" if note else ""
        self.query_one("#run-stage", Static).update(f"Starting…{self.first_run}")
        self.query_one(ProgressBar).update(progress=0)
        self.worker = self.run_theming(args)

    def cancel(self) -> None:
        if self.running and self.worker is not None:
            self.query_one("#run-stage", Static).update("Cancelling at the next stage…")
            self.worker.cancel()

    @work(thread=True, exclusive=True, group="theming", exit_on_error=False)
    def run_theming(self, args: dict[str, Any]) -> None:
        # lazy: the theming pipeline (scipy, scikit-learn's kin) loads when a run starts, so
        # that the app opens without it
        from engage.services import theme as theming_service

        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:
                raise ThemingCancelled
            self.post_message(ThemingProgressed(stage, fraction))

        db = writer_connection(self.db)
        try:
            run_id = theming_service.theme_consultation(
                db, theming_service.ThemeRequest(**args, progress=progress)
            )
        except ThemingCancelled:
            self.post_message(ThemingStopped())
        except FAILURES as error:
            self.post_message(ThemingStopped(problem_text(error)))
        except Exception as error:  # noqa: BLE001 — any failure of the pipeline is reported
            self.post_message(ThemingStopped(f"{type(error).__name__}: {error}"))
        else:
            self.post_message(ThemesComputed(run_id, args["consultation"]))
        finally:
            if db is not self.db:
                db.close()

    def on_theming_progressed(self, message: ThemingProgressed) -> None:
        message.stop()
        self.query_one("#run-stage", Static).update(
            THEMING_STAGES.get(message.stage, message.stage) + self.first_run
        )
        self.query_one(ProgressBar).update(progress=overall(message.stage, message.fraction))

    def on_themes_computed(self) -> None:
        self.active = False
        self.display = False

    def on_theming_stopped(self) -> None:
        self.active = False
        self.display = False
