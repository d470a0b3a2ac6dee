"""``engage consultations``: what the office is asking the public."""

from __future__ import annotations

from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.output import one_of, short
from engage.models import CONSULTATION_STATUSES

app = typer.Typer(help="Open and review consultations.", no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="Title, e.g. 'Service centre hours review'.")],
    purpose: Annotated[str | None, typer.Option(help="Why the office is asking.")] = None,
    program: Annotated[str | None, typer.Option(help="Program or service area.")] = None,
    question: Annotated[
        list[str] | None,
        typer.Option("--question", "-q", help="A question put to the public (repeat for several)."),
    ] = None,
    opens: Annotated[str | None, typer.Option(help="Opening date, YYYY-MM-DD.")] = None,
    closes: Annotated[str | None, typer.Option(help="Closing date, YYYY-MM-DD.")] = None,
    status: Annotated[str, typer.Option(help=f"{one_of(CONSULTATION_STATUSES)}.")] = "open",
    as_json: Json = False,
) -> None:
    """Open a new consultation.

    Example:

    \b
        engage consultations add "Service centre hours review" \\
            --opens 2026-09-01 --closes 2026-11-27 \\
            -q "What should we change about our hours?"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.consultations import ConsultationFields, add_consultation

    row = add_consultation(
        context.db(ctx),
        ConsultationFields(
            title=title,
            purpose=purpose,
            program=program,
            questions=question,
            opens_on=opens,
            closes_on=closes,
            status=status,
        ),
    )
    if as_json:
        output.print_json(row)
    else:
        output.done(f"added consultation {short(row['id'])} {row['title']}")


@app.command("list")
def list_(ctx: typer.Context, as_json: Json = False) -> None:
    """List consultations with their sessions and submissions.

    Example:

    \b
        engage consultations list
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.consultations import list_consultations

    rows = list_consultations(context.db(ctx))
    if as_json:
        output.print_json(rows)
        return
    output.print_table(
        rows,
        [
            ("id", "id"),
            ("title", "title"),
            ("status", "status"),
            ("opens_on", "opens"),
            ("closes_on", "closes"),
            ("sessions", "sessions"),
            ("submissions", "submissions"),
        ],
        empty="no consultations yet: engage consultations add TITLE",
    )


@app.command("show")
def show(
    ctx: typer.Context,
    consultation: Annotated[str, typer.Argument(help="Consultation id (or prefix) or title.")],
    as_json: Json = False,
) -> None:
    """Show a consultation: purpose, questions and participation by channel.

    Example:

    \b
        engage consultations show "Modernisation Review"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.consultations import consultation_detail

    detail = consultation_detail(context.db(ctx), consultation)
    if as_json:
        output.print_json(detail)
        return
    output.print_record(
        detail,
        [
            ("id", "id"),
            ("title", "title"),
            ("purpose", "purpose"),
            ("program", "program"),
            ("status", "status"),
            ("opens_on", "opens"),
            ("closes_on", "closes"),
            ("sessions", "sessions"),
            ("submissions", "submissions"),
            ("withdrawn", "withdrawn"),
        ],
    )
    for number, text in enumerate(detail["questions"], start=1):
        output.done(f"  Q{number}. {text}")
    output.print_table(
        [{"channel": k, "submissions": v} for k, v in detail["submissions_by_channel"].items()],
        [("channel", "channel"), ("submissions", "submissions")],
        empty="no submissions yet",
    )
