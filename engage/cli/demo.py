"""``engage demo``: open the demo consultation — built once (partners, sessions, feedback,
themes, recommendations, papers), then reopened as its user left it until asked to rebuild."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from engage.cli import output
from engage.cli.cancel import on_cancel
from engage.config import demo_db_path

CANCELLED = (
    "cancelled — the demo was not finished (engage demo builds it again); "
    "your own database was not touched"
)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)


def demo_command(
    open_app: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the app afterwards (only on a terminal).")
    ] = True,
    theme: Annotated[
        bool, typer.Option("--theme/--no-theme", help="Theme the feedback and write the papers.")
    ] = True,
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh", help="Build the demo again from scratch, dropping what was done in it."
        ),
    ] = False,
) -> None:
    """Open the demo database, building it first if there is none yet.

    The demo is the bundled fictional consultation, themed, with recommendations and
    papers, kept in ENGAGE_HOME (never in your own database); on a terminal it opens in
    the app. What you do in the demo is kept until --fresh rebuilds it.

    Example:

    \b
        engage demo --no-open
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.demo import built_at, existing_demo

    db = None if fresh else existing_demo()
    if db is not None:
        output.done(
            f"demo database: {demo_db_path()} (built {built_at(db)[:16]} UTC; --fresh rebuilds it)"
        )
    else:
        with on_cancel(CANCELLED):
            db = build(theme)
    if open_app and sys.stdout.isatty():
        # lazy: Textual loads only when the app opens
        from engage.tui.app import make_app

        make_app(db).run()


def build(theme: bool):
    """Build the demo, saying what it does; returns its open database."""
    # lazy: rich's progress bars and the core load only when a run starts
    from engage.cli.progress import stage_progress
    from engage.demo import build_demo
    from engage.theming.runtime import first_run_note

    output.done("building the demo consultation ...")
    with stage_progress(first_run_note("fast") if theme else "") as report:
        result = build_demo(say=lambda line: output.done(f"  {line}"), theme=theme, progress=report)
    output.done(
        f"demo database: {result['path']} ({result['submissions']} submissions, "
        f"{result['seconds']:.1f} s)"
    )
    for paper in result["papers"]:
        output.done(f"  paper: {paper}")
    output.done(f"try: engage --db {result['path']} themes list")
    return result["db"]
