"""``engage submissions``: feedback typed in, browsed, searched and withdrawn."""

from __future__ import annotations

from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.output import one_of, short
from engage.models import RESPONDENT_TYPES

app = typer.Typer(help="Type in, browse, search and withdraw submissions.", no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ShowOriginal = Annotated[
    bool,
    typer.Option(
        "--show-original", help="Show the original text with personal information (office only)."
    ),
]
Consultation = Annotated[
    str | None, typer.Option("--consultation", "-c", help="Consultation id (or prefix) or title.")
]
Limit = Annotated[int, typer.Option(help="How many to show.", min=1)]
Offset = Annotated[int, typer.Option(help="Skip this many first (for paging).", min=0)]
# Fields of a submission (engage.schema.Submission) a list shows.
COLUMNS = [
    ("id", "id"),
    ("received_at", "received"),
    ("channel", "channel"),
    ("community", "community"),
    ("satisfaction", "sat."),
    ("consent_to_quote", "quote ok"),
    ("text_redacted", "text"),
]


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What was said.")],
    consultation: Annotated[
        str, typer.Option("--consultation", "-c", help="Consultation id (or prefix) or title.")
    ],
    session: Annotated[str | None, typer.Option(help="Session it was heard in.")] = None,
    partner: Annotated[str | None, typer.Option(help="Partner who said it (id or name).")] = None,
    respondent: Annotated[
        str | None,
        typer.Option(help=f"Respondent type: {one_of(RESPONDENT_TYPES)}."),
    ] = None,
    community: Annotated[str | None, typer.Option(help="Community of the respondent.")] = None,
    channel: Annotated[str | None, typer.Option(help="Channel (default: the session's).")] = None,
    question: Annotated[str | None, typer.Option(help="Question it answers.")] = None,
    consent: Annotated[
        bool,
        typer.Option(
            "--consent/--no-consent", help="The person agreed to be quoted (without name)."
        ),
    ] = False,
    satisfaction: Annotated[int | None, typer.Option(help="Satisfaction 1-5.")] = None,
    received: Annotated[
        str | None,
        typer.Option(help="Date received, YYYY-MM-DD (default: the session's date, or today)."),
    ] = None,
    as_json: Json = False,
) -> None:
    """Type in one submission (personal information is redacted on the way in).

    Example:

    \b
        engage submissions add -c "Modernisation Review" --consent \\
            --satisfaction 2 "We need Saturday hours; call me at 705-555-0142"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.submissions import SubmissionDetails, add_submission

    row = add_submission(
        context.db(ctx),
        consultation,
        text,
        SubmissionDetails(
            session=session,
            partner=partner,
            respondent_type=respondent,
            community=community,
            channel=channel,
            question=question,
            consent_to_quote=consent,
            satisfaction=satisfaction,
            received_on=received,
        ),
    )
    if as_json:
        output.print_json(row)
        return
    found = f" (redacted: {row['pii_kinds'].replace(',', ', ')})" if row["pii_kinds"] else ""
    output.done(f"added submission {short(row['id'])}{found}")


def _show_page(rows: list[dict], as_json: bool, show_original: bool, empty: str) -> None:
    # lazy: the records load when a command runs, not for engage --help
    from engage.schema import Submission

    if as_json:
        output.print_json(rows)
        return
    original = [("text_original", "original")] if show_original else []
    columns = output.view_columns(Submission, COLUMNS + original)
    output.print_table(rows, columns, empty=empty)


@app.command("list")
def list_(
    ctx: typer.Context,
    consultation: Consultation = None,
    session: Annotated[str | None, typer.Option(help="Only from this session.")] = None,
    partner: Annotated[str | None, typer.Option(help="Only from this partner.")] = None,
    channel: Annotated[str | None, typer.Option(help="Only on this channel.")] = None,
    consent: Annotated[
        bool | None,
        typer.Option("--consent/--no-consent", help="Only those that may (or may not) be quoted."),
    ] = None,
    withdrawn: Annotated[
        bool, typer.Option("--include-withdrawn", help="Include withdrawn submissions.")
    ] = False,
    limit: Limit = 50,
    offset: Offset = 0,
    show_original: ShowOriginal = False,
    as_json: Json = False,
) -> None:
    """List submissions, newest first.

    Example:

    \b
        engage submissions list -c "Modernisation Review" --channel kiosk
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.submissions import SubmissionFilter, list_submissions

    query = SubmissionFilter(
        consultation=consultation,
        session=session,
        partner=partner,
        channel=channel,
        consent=consent,
        include_withdrawn=withdrawn,
    )
    rows = list_submissions(
        context.db(ctx),
        query,
        limit=limit,
        offset=offset,
        show_original=show_original,
    )
    _show_page(rows, as_json, show_original, "no submissions match")


@app.command("search")
def search(
    ctx: typer.Context,
    words: Annotated[str, typer.Argument(help="Words to find in the (redacted) text.")],
    consultation: Consultation = None,
    limit: Limit = 20,
    offset: Offset = 0,
    show_original: ShowOriginal = False,
    as_json: Json = False,
) -> None:
    """Full-text search over submissions, best match first.

    Example:

    \b
        engage submissions search "saturday hours"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.submissions import SubmissionFilter, list_submissions

    rows = list_submissions(
        context.db(ctx),
        SubmissionFilter(consultation=consultation, search=words),
        limit=limit,
        offset=offset,
        show_original=show_original,
    )
    _show_page(rows, as_json, show_original, f"no submissions mention '{words}'")


@app.command("show")
def show(
    ctx: typer.Context,
    submission: Annotated[str, typer.Argument(help="Submission id or a unique prefix.")],
    show_original: ShowOriginal = False,
    as_json: Json = False,
) -> None:
    """Show one submission (redacted unless --show-original).

    Example:

    \b
        engage submissions show 9c1e --show-original
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.submissions import get_submission

    row = get_submission(context.db(ctx), submission, show_original=show_original)
    if as_json:
        output.print_json(row)
        return
    output.print_record(row, [(k, k.replace("_", " ")) for k in row if k != "raw_json"])


@app.command("withdraw")
def withdraw(
    ctx: typer.Context,
    submission: Annotated[str, typer.Argument(help="Submission id or a unique prefix.")],
    reason: Annotated[str | None, typer.Option(help="Why it is withdrawn.")] = None,
) -> None:
    """Withdraw a submission: it leaves theming, exports and papers but stays on record.

    Example:

    \b
        engage submissions withdraw 9c1e --reason "asked to be removed"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.submissions import withdraw as withdraw_submission

    row = withdraw_submission(context.db(ctx), submission, reason)
    output.done(f"withdrew submission {short(row['id'])}")
