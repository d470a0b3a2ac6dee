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
    """Build the demo database afresh, theme it, draft recommendations and write its papers.

    The demo is the bundled fictional consultation, kept in ENGAGE_HOME (never in your own
    database); on a terminal it then opens in the app.

    Example:

    \b
        engage demo --no-open
    """
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
