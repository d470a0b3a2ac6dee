"""``engage sessions``: log engagement events and who came."""

from __future__ import annotations

from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.output import one_of, short
from engage.models import CHANNELS, SESSION_KINDS

app = typer.Typer(help="Log and review consultation sessions.", no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CHANNEL_HELP = f"{one_of(CHANNELS)}."
KIND_HELP = f"{one_of(SESSION_KINDS)}."


@app.command("log")
def log(
    ctx: typer.Context,
    consultation: Annotated[
        str, typer.Option("--consultation", "-c", help="Consultation id (or prefix) or title.")
    ],
    date: Annotated[str, typer.Option(help="Date held, YYYY-MM-DD.")],
    kind: Annotated[str, typer.Option(help="Kind of session: " + KIND_HELP)],
    channel: Annotated[str, typer.Option(help="Channel: " + CHANNEL_HELP)],
    community: Annotated[str | None, typer.Option(help="Community where it was held.")] = None,
    location: Annotated[str | None, typer.Option(help="Venue or address.")] = None,
    facilitator: Annotated[str | None, typer.Option(help="Who ran it.")] = None,
    attendance: Annotated[int | None, typer.Option(help="How many people came.")] = None,
    accessibility: Annotated[
        str | None, typer.Option(help="Accessibility notes (interpretation, ramps, captioning...).")
    ] = None,
    invited: Annotated[
        list[str] | None,
        typer.Option("--invited", help="A partner invited (id or name; repeat for several)."),
    ] = None,
    attended: Annotated[
        list[str] | None,
        typer.Option("--attended", help="A partner that attended (id or name; repeat)."),
    ] = None,
    as_json: Json = False,
) -> None:
    """Log a session of a consultation.

    Example:

    \b
        engage sessions log -c "Modernisation Review" --date 2026-05-12 \\
            --kind workshop --channel in_person --community Timmins \\
            --attendance 18 --attended "Timmins Seniors"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.sessions import SessionFields, log_session

    row = log_session(
        context.db(ctx),
        consultation,
        SessionFields(
            held_on=date,
            kind=kind,
            channel=channel,
            community=community,
            location=location,
            facilitator=facilitator,
            attendance=attendance,
            accessibility_notes=accessibility,
        ),
        invited=invited,
        attended=attended,
    )
    if as_json:
        output.print_json(row)
    else:
        output.done(
            f"logged session {short(row['id'])} on {row['held_on']} "
            f"({row['kind']}, {row['channel']})"
        )


@app.command("list")
def list_(
    ctx: typer.Context,
    consultation: Annotated[
        str | None, typer.Option("--consultation", "-c", help="Only sessions of this consultation.")
    ] = None,
    channel: Annotated[str | None, typer.Option(help="Only sessions on this channel.")] = None,
    as_json: Json = False,
) -> None:
    """List sessions, newest first.

    Example:

    \b
        engage sessions list -c "Modernisation Review"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.sessions import list_sessions

    rows = list_sessions(context.db(ctx), consultation=consultation, channel=channel)
    if as_json:
        output.print_json(rows)
        return
    output.print_table(
        rows,
        [
            ("id", "id"),
            ("held_on", "date"),
            ("kind", "kind"),
            ("channel", "channel"),
            ("community", "community"),
            ("attendance", "people"),
            ("partners_attended", "partners"),
            ("submissions", "submissions"),
        ],
        empty="no sessions yet: engage sessions log",
    )


@app.command("show")
def show(
    ctx: typer.Context,
    session: Annotated[str, typer.Argument(help="Session id or a unique prefix.")],
    as_json: Json = False,
) -> None:
    """Show a session and the partners invited and attending.

    Example:

    \b
        engage sessions show 3f2a
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.sessions import EDITABLE, session_detail

    detail = session_detail(context.db(ctx), session)
    if as_json:
        output.print_json(detail)
        return
    output.print_record(
        detail,
        [
            ("id", "id"),
            *output.headed(EDITABLE, held_on="date", accessibility_notes="accessibility"),
            ("submissions", "submissions"),
        ],
    )
    output.print_table(
        detail["partners"],
        [("name", "partner"), ("kind", "kind"), ("invited", "invited"), ("attended", "attended")],
        empty="no partners recorded",
    )
