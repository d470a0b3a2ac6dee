"""``engage theme-file``: theme a spreadsheet's answers without a database."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from engage.cli.hints import with_hint
from engage.cli.output import plural
from engage.errors import EngageError
from engage.models import other_language_note


class Backend(StrEnum):
    """Embedding backends offered on the command line."""

    fast = "fast"
    quality = "quality"


def register(app: typer.Typer) -> None:
    """Add ``theme-file`` to the ``engage`` command."""
    app.command("theme-file", help=theme_file_command.__doc__)(theme_file_command)


def theme_file_command(
    file: Annotated[
        Path, typer.Argument(help="CSV or XLSX file with one answer per row.", dir_okay=False)
    ],
    text_column: Annotated[
        str, typer.Option("--text-column", help="Name of the column holding the answers.")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="File to write: every input row plus theme_id, theme_label and theme_note "
            "(why a row is unthemed).",
            dir_okay=False,
        ),
    ],
    backend: Annotated[
        Backend,
        typer.Option(
            help="fast: static model distilled from MiniLM (default, quick on large files); "
            "quality: MiniLM itself (many times slower)."
        ),
    ] = Backend.fast,
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed gives the same themes.")
    ] = 0,
    themes: Annotated[
        int | None,
        typer.Option(
            "--themes", help="Exact number of themes (default: decided from the answers)."
        ),
    ] = None,
    summary_json: Annotated[
        Path | None,
        typer.Option(
            "--summary-json",
            help="Also write a JSON summary: counts, seconds per stage, themes.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Theme the answers in a CSV or XLSX file, offline, and write them back with their theme.

    Example:

    \b
        engage theme-file comments.csv --text-column Comment --out themed.csv
    """
    # lazy: rich's progress bars and the core load only when a run starts
    from engage.cli.progress import stage_progress
    from engage.theming.files import theme_file
    from engage.theming.run import ThemingOptions
    from engage.theming.runtime import first_run_note

    try:
        with stage_progress(first_run_note(backend.value)) as report:
            options = ThemingOptions(
                backend=backend.value, seed=seed, n_themes=themes, progress=report
            )
            summary = theme_file(file, text_column, out, options, summary_json)
    except EngageError as problem:
        typer.echo(f"error: {with_hint(problem)}", err=True)
        raise typer.Exit(2) from None
    _print_summary(summary)


def _print_summary(summary: dict) -> None:
    """What a person wants to see first: how many themes, how much unthemed, the themes."""
    typer.echo(
        f"Themed {plural(summary['n_docs'], 'answer')} into {plural(summary['n_themes'], 'theme')} "
        f"({summary['unthemed_share']:.0%} unthemed) -> {summary['out']}"
    )
    if summary.get("message"):
        typer.echo(f"Note: {summary['message']}")
    if note := other_language_note(summary.get("params", {})):
        typer.echo(f"Note: {note}")
    if redacted := summary.get("n_redacted"):
        typer.echo(
            f"Note: personal information (e-mail, phone, address...) was hidden in "
            f"{plural(redacted, 'answer')} before theming; {summary['out']} keeps "
            "the answers as given"
        )
    for name, kept_as in summary.get("renamed_columns", {}).items():
        typer.echo(f"Note: the file already had a {name} column; it is kept as '{kept_as}'")
    if summary["themes"]:
        typer.echo(f"  {'id':>3}  {'size':>6}  theme")
    for theme in summary["themes"]:
        typer.echo(f"  {theme['id']:>3}  {theme['size']:>6}  {theme['label']}")
    campaigns = summary.get("campaigns", [])
    for campaign in campaigns[:5]:
        typer.echo(
            f"  campaign of {campaign['size']} near-identical answers: {campaign['example'][:70]!r}"
        )
    if len(campaigns) > 5:
        typer.echo(f"  ... and {len(campaigns) - 5} more campaigns (see --summary-json)")
    sys.stdout.flush()
