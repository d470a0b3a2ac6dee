"""``engage import``: bring a survey export or notes file into a consultation."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.cancel import on_cancel
from engage.cli.output import short
from engage.errors import UserError


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)


def import_command(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(help="CSV (UTF-8 or Windows cp1252), XLSX, JSON or JSONL file of feedback."),
    ],
    consultation: Annotated[
        str,
        typer.Option(
            "--consultation", "-c", help="Consultation id (or prefix) or title to import into."
        ),
    ],
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="Override a column: SRC=FIELD, FIELD one of text, question, partner, "
            "respondent_type, community, postal_area, channel, received_at, satisfaction, "
            "consent_to_quote, ignore (repeat for several).",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show the mapping, counts and a preview; write nothing."),
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Import the usable rows and list the ones skipped.")
    ] = False,
    session: Annotated[
        str | None, typer.Option(help="Session all rows were heard in (id or prefix).")
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option(
            help="Channel of every row of the file, e.g. survey (any channel column is then "
            "not read; without it, rows with no channel take the --session's)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Import feedback: one submission per non-empty answer, redacted, never twice.

    Example:

    \b
        engage import data/survey_export.csv -c "Modernisation Review" --dry-run
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.services.imports import ImportOptions, import_file

    overrides = parse_map_options(map_ or [])
    with on_cancel():  # one transaction: nothing of the file is kept
        report = import_file(
            context.db(ctx),
            file,
            consultation,
            ImportOptions(
                overrides=overrides,
                dry_run=dry_run,
                skip_bad=skip_bad,
                session=session,
                channel=channel,
            ),
        )
    if as_json:
        output.print_json(asdict(report))
        return
    _print_report(report, channel)


def _print_report(report, channel: str | None = None) -> None:
    mapping = report.mapping
    output.done(f"{Path(report.file).name}: {report.rows_read} rows read")
    if channel:
        output.done(f"  every row's channel: {channel}")
    for field, column in mapping["fields"].items():
        output.done(f"  {column!r} -> {field}")
    for column in mapping["text_columns"]:
        output.done(f"  {column!r} -> text")
    if mapping["unmapped"]:
        output.done(f"  not used: {', '.join(repr(c) for c in mapping['unmapped'])}")
    for bad in report.bad_rows:
        output.done(f"  skipped row {bad.row}: {bad.reason}")
    if report.dry_run:
        output.print_table(
            report.preview,
            [
                ("row", "row"),
                ("question", "question"),
                ("text", "text (redacted)"),
                ("satisfaction", "sat."),
                ("consent_to_quote", "quote ok"),
            ],
            title="preview",
            empty="no answers found",
        )
    verb = "would add" if report.dry_run else "added"
    output.done(
        f"{verb} {report.new} submission(s); {report.already_present} already imported; "
        f"{report.blank_answers} blank answer(s); {len(report.bad_rows)} bad row(s)"
        + (f" [import {short(report.import_id)}]" if report.import_id else "")
        + (" — dry run, nothing written" if report.dry_run else "")
    )


def parse_map_options(options: list[str]) -> dict[str, str]:
    """Read ``--map SOURCE=FIELD`` options into {source column: field}.

    The last ``=`` separates the field, so a column header may itself contain ``=``.
    """
    # lazy: the importers load only when a file is imported, not for engage --help
    from engage.importers import FIELDS

    overrides: dict[str, str] = {}
    for option in options:
        source, equals, target = option.rpartition("=")
        source = source.strip()
        name = target.strip().lower().replace("-", "_").replace(" ", "_")
        if not equals or not source or not name:
            raise UserError(
                f"cannot read --map '{option}': write it as COLUMN=FIELD, "
                f"e.g. --map 'Org=partner' (fields: {', '.join(FIELDS)})"
            )
        if name not in FIELDS:
            raise UserError(
                f"unknown field '{target.strip()}' in --map '{option}' "
                f"(fields: {', '.join(FIELDS)})"
            )
        if overrides.get(source, name) != name:
            raise UserError(
                f"column '{source}' is mapped twice, to {overrides[source]} and "
                f"{name} (keep one --map for it)"
            )
        overrides[source] = name
    return overrides
