"""``engage export``: partners and submissions for spreadsheets, and the office bundle."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from engage.cli import context, output

app = typer.Typer(help="Export partners, submissions or the office bundle.", no_args_is_help=True)
Format = Annotated[str, typer.Option("--format", "-f", help="csv, xlsx or json.")]
Out = Annotated[Path, typer.Option("--out", "-o", help="File to write.", dir_okay=False)]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


@app.command("submissions")
def submissions(
    ctx: typer.Context,
    out: Out,
    fmt: Format = "csv",
    consultation: Annotated[
        str | None, typer.Option("--consultation", "-c", help="Only this consultation.")
    ] = None,
    show_original: Annotated[
        bool,
        typer.Option(
            "--show-original", help="Add the original, unredacted text (office use only)."
        ),
    ] = False,
    force: Force = False,
) -> None:
    """Export active submissions (redacted text unless --show-original).

    Example:

    \b
        engage export submissions -c "Modernisation Review" --format xlsx \\
            --out submissions.xlsx
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.exports import SUBMISSION_COLUMNS, submission_rows, write_rows

    rows = submission_rows(context.db(ctx), consultation, show_original)
    columns = list(SUBMISSION_COLUMNS) + (["text_original"] if show_original else [])
    write_rows(rows, columns, out, fmt, force)
    output.done(f"wrote {len(rows)} submission(s) to {out}")


@app.command("partners")
def partners(ctx: typer.Context, out: Out, fmt: Format = "csv", force: Force = False) -> None:
    """Export the partner register (no contacts' personal data).

    Example:

    \b
        engage export partners --out partners.csv
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.exports import PARTNER_COLUMNS, partner_rows, write_rows

    rows = partner_rows(context.db(ctx))
    write_rows(rows, list(PARTNER_COLUMNS), out, fmt, force)
    output.done(f"wrote {len(rows)} partner(s) to {out}")


@app.command("bundle")
def bundle(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Argument(help="Bundle file to write (a SQLite database).", dir_okay=False)
    ],
    force: Force = False,
) -> None:
    """Write the office bundle for the provincial database.

    Only partners whose consent is provincial or public, contacts who consented, redacted
    text, and the withdrawals to apply there go in.

    Example:

    \b
        engage export bundle northern-eastern-bundle.engage
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.bundles import describe
    from engage.offices import export_bundle

    counts = export_bundle(context.db(ctx), out, force)
    output.done(
        f"wrote bundle {out}: {counts['submissions']} submission(s), "
        f"{counts['partners']} partner(s) ({counts['partners_withheld']} withheld by "
        f"their sharing consent), {counts['contacts']} contact(s), "
        f"{counts['sessions']} session(s), {counts['tombstones']} withdrawal(s)"
    )
    if counts["held_back"]:
        output.done("kept in the office: " + describe(counts["held_back"]))
