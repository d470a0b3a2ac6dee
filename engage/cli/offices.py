"""``engage merge``: roll an office bundle or another database into this one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.cancel import on_cancel


def register(app: typer.Typer) -> None:
    app.command("merge")(merge_command)


def merge_command(
    ctx: typer.Context,
    other: Annotated[Path, typer.Argument(help="Office bundle or engage database to merge in.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Merge a bundle or database into this one (safe to repeat; newest edit wins).

    The input is only read. A whole office database gives up only what its bundle would;
    a bundle changed or cut short after export is refused; withdrawals it carries are
    applied here.

    Example:

    \b
        engage merge northern-eastern-bundle.engage
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.bundles import describe
    from engage.offices import merge

    with on_cancel("cancelled — nothing was merged"):  # one transaction
        report = merge(context.db(ctx), other)
    if as_json:
        output.print_json(report)
        return
    added = {t: n for t, n in report["added"].items() if n}
    updated = {t: n for t, n in report["updated"].items() if n}
    output.done("added: " + (", ".join(f"{n} {t}" for t, n in added.items()) or "nothing new"))
    if updated:
        output.done("updated (theirs newer): " + ", ".join(f"{n} {t}" for t, n in updated.items()))
    removed = {t: n for t, n in report["removed"].items() if n}
    if removed:
        output.done(
            "removed (links the newer incoming recommendations no longer have): "
            + ", ".join(f"{n} {t}" for t, n in removed.items())
        )
    withdrawn = {t: n for t, n in report["withdrawn"].items() if n}
    if withdrawn:
        output.done(
            "forgotten (withdrawn at the office): "
            + ", ".join(f"{n} {t}" for t, n in withdrawn.items())
        )
    if report["held_back"]:
        output.done("not taken (an export would not let it out): " + describe(report["held_back"]))
    for conflict in report["conflicts"]:
        output.done(
            f"conflict in {conflict['table']} {conflict['id'][:8]}: kept "
            f"{conflict['winner']} (incoming {conflict['incoming_updated_at']}, "
            f"here {conflict['this_updated_at']})"
        )
