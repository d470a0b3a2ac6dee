"""``engage demo``: build the demo consultation and open it."""

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
) -> None:
    """Build a fresh demo database from the bundled fictional consultation (in ENGAGE_HOME,
    never your own database), and open it in the app when run on a terminal."""
    from engage.demo import build_demo

    output.done("building the demo consultation ...")
    result = build_demo(say=lambda line: output.done(f"  {line}"))
    output.done(
        f"demo database: {result['path']} ({result['submissions']} submissions, "
        f"{result['seconds']:.1f} s)"
    )
    output.done(f"try: engage --db {result['path']} submissions search 'wait'")
    if open_app and sys.stdout.isatty():
        try:
            from engage.tui.app import make_app
        except ImportError:
            return
        make_app(result["db"]).run()
