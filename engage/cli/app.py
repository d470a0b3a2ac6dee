"""The ``engage`` command: global options, error handling, and one sub-app per noun."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from engage import __version__
from engage.cli import (
    consultations,
    context,
    dbcmd,
    demo,
    exports,
    imports,
    offices,
    output,
    papers,
    partners,
    recommend,
    sessions,
    submissions,
    theme,
    theme_file,
    themes,
)
from engage.cli.hints import with_hint
from engage.errors import EngageError

# Typer vendors click; a missing option, a bad value or an unknown command is a UsageError.
UsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class EngageGroup(TyperGroup):
    """Turns every EngageError, usage mistake, database problem (held too long by another
    writer, damaged, read-only, disk full) and file system refusal into one line on
    stderr and exit status 2, without a traceback."""

    def invoke(self, ctx: typer.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except UsageError as problem:
            where = problem.ctx.command_path if problem.ctx else "engage"
            message = problem.format_message().replace("Value error, ", "")  # Typer's wording
            output.error(f"{message} (see '{where} --help')")
            raise typer.Exit(2) from None
        except EngageError as problem:
            output.error(with_hint(problem))
            raise typer.Exit(2) from None
        except sqlite3.IntegrityError:
            raise  # a broken rule in engage itself: a bug, shown as such
        except sqlite3.DatabaseError as problem:
            # lazy: sqlite_utils loads only when a command uses the database
            from engage.db.connection import store_error

            output.error(str(store_error(problem, context.state(ctx).db_path)))
            raise typer.Exit(2) from None
        except OSError as problem:
            where = f" {problem.filename}" if problem.filename else ""
            output.error(f"cannot use{where}: {problem.strerror or problem}")
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=EngageGroup,
    help="engage: partners, sessions, feedback, offline theming and papers for a service office."
    " Run without a command to open the app.",
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"engage {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar="ENGAGE_DB",
            help="Database file (default: engage.db in the user data directory, or ENGAGE_HOME).",
            dir_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Open the app when no command is given."""
    ctx.obj = context.State(db)
    if ctx.invoked_subcommand is None:
        _open_app(ctx)


def _open_app(ctx: typer.Context) -> None:
    try:
        # lazy: Textual loads only when the app opens
        from engage.tui.app import make_app
    except ImportError:
        typer.echo(ctx.get_help())
        return
    make_app(context.db(ctx)).run()


def _register() -> None:
    app.add_typer(partners.app, name="partners")
    app.add_typer(consultations.app, name="consultations")
    app.add_typer(sessions.app, name="sessions")
    app.add_typer(submissions.app, name="submissions")
    app.add_typer(exports.app, name="export")
    app.add_typer(themes.app, name="themes")
    app.add_typer(recommend.app, name="recommend")
    app.add_typer(dbcmd.app, name="db")
    theme.register(app)
    imports.register(app)
    offices.register(app)
    demo.register(app)
    papers.register(app)
    theme_file.register(app)


_register()


def main() -> None:
    app()
