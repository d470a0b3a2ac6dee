"""``engage theme``: theme a consultation's feedback, offline."""

from __future__ import annotations

from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.cancel import NOTHING_STORED, on_cancel
from engage.cli.output import plural, short
from engage.models import other_language_note

# Fields of a theme (engage.schema.ThemeRecord), then what the list works out.
THEME_FIELDS = [("number", "#"), ("label", "theme"), ("size", "size")]
THEME_WORKED_OUT = [
    ("share", "share"),
    ("keyphrases", "keyphrases"),
    ("mean_satisfaction", "satisfaction"),
]


def register(app: typer.Typer) -> None:
    app.command("theme")(theme_command)


def theme_command(
    ctx: typer.Context,
    consultation: Annotated[str, typer.Argument(help="Consultation id (or prefix) or title.")],
    question: Annotated[
        str | None, typer.Option(help="Theme only the answers to this question.")
    ] = None,
    backend: Annotated[
        str,
        typer.Option(help="fast (static embeddings, default) or quality (MiniLM sentence model)."),
    ] = "fast",
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed gives the same themes.")
    ] = 0,
    themes: Annotated[
        int | None,
        typer.Option("--themes", help="Ask for this many themes (default: chosen from the data)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run as JSON.")] = False,
) -> None:
    """Theme the redacted feedback of a consultation and store the run for review.

    Example:

    \b
        engage theme "Modernisation Review" --seed 1
    """
    # lazy: rich's progress bars and the core load only when a run starts
    from engage.cli.progress import stage_progress
    from engage.services.theme import ThemeRequest, theme_consultation
    from engage.theming.runtime import first_run_note

    db = context.db(ctx)
    reached: list[str] = []

    def stored_when_cancelled() -> str:
        if any(stage != "prepare" for stage in reached):
            return (
                "cancelled — no theme run was stored (answers already embedded are kept, "
                "to speed up the next run)"
            )
        return NOTHING_STORED

    with on_cancel(stored_when_cancelled), stage_progress(first_run_note(backend)) as report:
        request = ThemeRequest(
            consultation=consultation,
            question=question,
            backend=backend,
            seed=seed,
            n_themes=themes,
            progress=noting_stages(report, reached),
        )
        run_id = theme_consultation(db, request)
    print_run(db, run_id, as_json)


def noting_stages(report, reached: list[str]):
    """``report``, which also keeps the stages begun in ``reached``."""

    def noted(stage: str, fraction: float) -> None:
        if stage not in reached:
            reached.append(stage)
        report(stage, fraction)

    return noted


def print_run(db, run_id: str, as_json: bool = False) -> None:
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.consultations import consultation_title
    from engage.db.theme_runs import run_record, run_time
    from engage.db.themes import list_themes, unthemed_count
    from engage.schema import ThemeRecord

    run = run_record(db, run_id)
    themes = list_themes(db, run_id)
    unthemed = unthemed_count(db, run_id)
    title = consultation_title(db, run["consultation_id"])
    if as_json:
        figures = {"themes_now": len(themes), "unthemed_now": unthemed, "consultation": title}
        output.print_json({"run": {**run, **figures}, "themes": themes})
        return
    rows = [
        {**t, "share": f"{t['share']:.0%}", "keyphrases": ", ".join(t["keyphrases"][:5])}
        for t in themes
    ]
    columns = output.view_columns(ThemeRecord, THEME_FIELDS, THEME_WORKED_OUT)
    output.print_table(rows, columns, title=f"{title} — theme run {short(run_id)}")
    stability = "n/a" if run["stability"] is None else f"{run['stability']:.2f}"
    share = unthemed / run["n_docs"] if run["n_docs"] else 0.0
    output.done(
        f"{run['n_docs']} submissions, {plural(len(themes), 'theme')}, "
        f"{unthemed} unthemed ({share:.0%}), "
        f"stability {stability}, {run_time(run):.1f} s"
    )
    if note := other_language_note(run["params"] or {}):
        output.done(note)
    for campaign in run["campaigns"]:
        output.done(
            f'campaign of {campaign["size"]} near-identical texts: "{campaign["example"][:80]}"'
        )
    if run["message"]:
        output.done(run["message"])
