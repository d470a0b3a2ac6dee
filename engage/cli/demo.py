"""``engage demo``: build the demo consultation, theme it, write its papers and open it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from engage.cli import output


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)


def demo_command(
    open_app: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the app afterwards (only on a terminal).")
    ] = True,
    theme: Annotated[
        bool, typer.Option("--theme/--no-theme", help="Theme the feedback and write the papers.")
    ] = True,
) -> None:
    """Build a fresh demo database from the bundled fictional consultation (in ENGAGE_HOME,
    never your own database), theme it, draft recommendations, write its papers, and open
    it in the app when run on a terminal."""
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
    if open_app and sys.stdout.isatty():
        from engage.tui.app import make_app

        make_app(result["db"]).run()
