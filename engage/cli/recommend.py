"""``engage recommend``: draft recommendations from themes, with SMART KPIs, and record what
was done about them ("you said, we did")."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from engage.cli import context, output
from engage.cli.output import one_of, short
from engage.models import RECOMMENDATION_PRIORITIES, RECOMMENDATION_STATUSES

app = typer.Typer(
    help="Recommendations from themes: add, list, show, edit, and record actions taken.",
    no_args_is_help=True,
)

Rec = Annotated[str, typer.Argument(help="Recommendation number (3 or R3) or id prefix.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Themes = Annotated[
    list[str] | None,
    typer.Option("--theme", "-t", help="A theme it answers: number as listed, or id (repeat)."),
]
Title = Annotated[str | None, typer.Option(help="Short title of the recommendation.")]
Text = Annotated[str | None, typer.Option(help="What should be done.")]
Rationale = Annotated[str | None, typer.Option(help="Why: what was heard that calls for it.")]
Priority = Annotated[str | None, typer.Option(help=f"{one_of(RECOMMENDATION_PRIORITIES)}.")]
Owner = Annotated[str | None, typer.Option(help="Who is accountable (a role).")]
Indicator = Annotated[str | None, typer.Option(help="KPI: what is measured.")]
Baseline = Annotated[str | None, typer.Option(help="KPI: the value today.")]
Target = Annotated[str | None, typer.Option(help="KPI: the measurable target (with a number).")]
Due = Annotated[str | None, typer.Option(help="KPI: due date, YYYY-MM-DD.")]
Status = Annotated[str | None, typer.Option(help=f"{one_of(RECOMMENDATION_STATUSES)}.")]
Consultation = Annotated[
    str, typer.Option("--consultation", "-c", help="Consultation id (or prefix) or title.")
]
Run = Annotated[
    str | None, typer.Option("--run", help="Theme run of the themes (default: the latest).")
]
# The list's columns: its reference, fields of a recommendation (engage.schema), then what
# the list works out (the themes it answers, the SMART check, the number of actions).
LIST_REF = [("ref", "#")]
LIST_FIELDS = [
    ("title", "recommendation"),
    ("priority", "priority"),
    ("owner", "owner"),
    ("kpi_due", "due"),
    ("status", "status"),
]
LIST_WORKED_OUT = [("themes", "themes"), ("smart_text", "SMART"), ("action_count", "actions")]


@app.command("add")
def add(
    ctx: typer.Context,
    consultation: Consultation,
    theme: Themes = None,
    title: Title = None,
    text: Text = None,
    rationale: Rationale = None,
    priority: Priority = "medium",
    owner: Owner = None,
    indicator: Indicator = None,
    baseline: Baseline = None,
    target: Target = None,
    due: Due = None,
    status: Status = "proposed",
    run: Run = None,
    as_json: Json = False,
) -> None:
    """Add a recommendation answering one or more themes of a run.

    Example:

    \b
        engage recommend add -c "Modernisation Review" --theme 3 \\
            --title "Keep kiosks working" \\
            --text "Service contract with a 4-hour repair standard" \\
            --indicator "Kiosk uptime" --baseline "81%" --target "97%" --due 2027-03-31
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.recommendations import add_recommendation

    row = add_recommendation(
        context.db(ctx),
        consultation,
        theme or [],
        run=run,
        title=title,
        text=text,
        rationale=rationale,
        priority=priority,
        owner=owner,
        kpi_indicator=indicator,
        kpi_baseline=baseline,
        kpi_target=target,
        kpi_due=due,
        status=status,
    )
    _report(row, "added", as_json)


@app.command("list")
def list_(
    ctx: typer.Context,
    consultation: Annotated[
        str | None, typer.Option("--consultation", "-c", help="Only this consultation.")
    ] = None,
    status: Annotated[str | None, typer.Option(help="Only this status.")] = None,
    as_json: Json = False,
) -> None:
    """List recommendations with their KPI due date, status and whether they are SMART.

    Example:

    \b
        engage recommend list --status in_progress
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.recommendations import list_recommendations
    from engage.schema import Recommendation

    rows = list_recommendations(context.db(ctx), consultation, status)
    if as_json:
        output.print_json(rows)
        return
    output.print_table(
        [_row(r) for r in rows],
        LIST_REF + output.view_columns(Recommendation, LIST_FIELDS, LIST_WORKED_OUT),
        empty="no recommendations yet: engage recommend add -c CONSULTATION --theme N ...",
    )


@app.command("show")
def show(ctx: typer.Context, recommendation: Rec, as_json: Json = False) -> None:
    """Show a recommendation with its KPI, themes and actions.

    Example:

    \b
        engage recommend show R1
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.recommendations import recommendation_detail

    row = recommendation_detail(context.db(ctx), recommendation)
    if as_json:
        output.print_json(row)
        return
    output.print_record(
        {**_row(row), "id": row["id"], "themes": _themes(row)},
        [
            ("ref", "recommendation"),
            ("id", "id"),
            ("title", "title"),
            ("text", "text"),
            ("rationale", "rationale"),
            ("themes", "themes"),
            ("priority", "priority"),
            ("owner", "owner"),
            ("kpi_indicator", "indicator"),
            ("kpi_baseline", "baseline"),
            ("kpi_target", "target"),
            ("kpi_due", "due"),
            ("status", "status"),
            ("smart_text", "SMART"),
        ],
    )
    for action in row["actions"]:
        moved = f" [{action['status']}]" if action["status"] else ""
        output.done(f"  {action['acted_on']}: {action['action']}{moved}")


@app.command("edit")
def edit(
    ctx: typer.Context,
    recommendation: Rec,
    theme: Annotated[
        list[str] | None,
        typer.Option("--theme", "-t", help="Replace the themes it answers (repeat)."),
    ] = None,
    title: Title = None,
    text: Text = None,
    rationale: Rationale = None,
    priority: Priority = None,
    owner: Owner = None,
    indicator: Indicator = None,
    baseline: Baseline = None,
    target: Target = None,
    due: Due = None,
    status: Status = None,
    as_json: Json = False,
) -> None:
    """Change a recommendation; only the options given change.

    Example:

    \b
        engage recommend edit R2 --priority high \\
            --owner "Manager, Contact Centre"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.recommendations import edit_recommendation

    row = edit_recommendation(
        context.db(ctx),
        recommendation,
        themes=theme,
        title=title,
        text=text,
        rationale=rationale,
        priority=priority,
        owner=owner,
        kpi_indicator=indicator,
        kpi_baseline=baseline,
        kpi_target=target,
        kpi_due=due,
        status=status,
    )
    _report(row, "updated", as_json)


@app.command("act")
def act(
    ctx: typer.Context,
    recommendation: Rec,
    action: Annotated[str, typer.Argument(help='What was done ("we did ...").')],
    on: Annotated[
        str | None, typer.Option("--on", help="Date it was done, YYYY-MM-DD (default: today).")
    ] = None,
    status: Annotated[
        str | None, typer.Option(help="Move the recommendation to this status as well.")
    ] = None,
    as_json: Json = False,
) -> None:
    """Record a dated action taken on a recommendation ("you said, we did").

    Example:

    \b
        engage recommend act R1 "Quick-service wicket opened in Sudbury" \\
            --on 2026-07-17 --status in_progress
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.recommendations import record_action

    row = record_action(context.db(ctx), recommendation, action, acted_on=on, status=status)
    if as_json:
        output.print_json(row)
        return
    last = row["last_action"]
    output.done(
        f"recorded on {last['acted_on']} for R{row['number']} '{row['title']}' "
        f"(status: {row['status']})"
    )


def _report(row: dict[str, Any], verb: str, as_json: bool) -> None:
    if as_json:
        output.print_json(row)
        return
    output.done(
        f"{verb} recommendation R{row['number']} {short(row['id'])} '{row['title']}' "
        f"for {_themes(row)}"
    )
    if not row["smart"]:
        typer.echo(
            f"warning: R{row['number']} is not SMART yet: {', '.join(row['smart_gaps'])} "
            "(give --indicator, a --target with a number and a --due date)",
            err=True,
        )


def _themes(row: dict[str, Any]) -> str:
    themes = row.get("themes") or []
    if themes and isinstance(themes[0], dict):
        return "; ".join(f"{t['number']}. {t['label']}" for t in themes)
    return "; ".join(row.get("theme_labels") or [])


def _row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "ref": f"R{row['number']}",
        "themes": "; ".join(row["theme_labels"]),
        "smart_text": "yes" if row["smart"] else "no: " + ", ".join(row["smart_gaps"]),
        "action_count": len(row["actions"]),
    }
