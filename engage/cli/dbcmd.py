"""``engage db``: where the database is, backing it up and checking it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from engage.cli import context, output
from engage.config import demo_db_path

app = typer.Typer(
    help="Find, back up and check the database; name its office.", no_args_is_help=True
)


@app.command("path")
def path(
    ctx: typer.Context,
    demo: Annotated[bool, typer.Option("--demo", help="Print the demo database's path.")] = False,
) -> None:
    """Print the path of the database in use (or of the demo database).

    Example:

    \b
        engage db path --demo
    """
    output.done(str(demo_db_path() if demo else context.state(ctx).db_path))


@app.command("backup")
def backup(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="Backup file to write.", dir_okay=False)],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Copy the database safely, even while another engage is writing to it.

    A damaged database is refused, and the copy is checked before it replaces anything.

    Example:

    \b
        engage db backup office-2026-12-01.db
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.maintenance import backup as backup_db

    written = backup_db(context.db(ctx), out, force=force)
    output.done(f"backed up {context.state(ctx).db_path} to {written}")


@app.command("check")
def check(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Check integrity, foreign keys and the search index; exit 1 if anything is wrong.

    Example:

    \b
        engage db check
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.maintenance import check_file

    result = check_file(context.state(ctx).db_path)
    if as_json:
        output.print_json(result)
    else:
        output.done(f"integrity: {', '.join(result['integrity'])}")
        output.done(f"foreign keys: {len(result['foreign_key_problems'])} problem(s)")
        output.done(f"search index: {result['full_text_index']}")
    if not result["ok"]:
        raise typer.Exit(1)


@app.command("office")
def office(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(help="The office's name; leave out to print the one in use."),
    ] = None,
    restamp: Annotated[
        bool,
        typer.Option(
            "--restamp/--keep-stamps",
            help="Also give the new name to rows stamped with the old one (the default).",
        ),
    ] = True,
) -> None:
    """Print or set the office's name, kept in the database for papers, bundles and the app.

    Example:

    \b
        engage db office "Sudbury ServiceOntario Centre"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.settings import office_is_named, office_name, set_office

    db = context.db(ctx)
    if name is None:
        named = office_is_named(db)
        output.done(
            office_name(db) + ("" if named else ' (not named yet: engage db office "NAME")')
        )
        return
    outcome = set_office(db, name, restamp=restamp)
    restamped = sum(outcome["restamped"].values())
    output.done(
        f"office: {outcome['new']} (was {outcome['old']})"
        + (f"; {restamped} row(s) restamped" if restamped else "")
    )
