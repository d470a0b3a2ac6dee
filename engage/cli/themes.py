"""``engage themes``: review a theme run — rename, merge, move, mark unthemed, hand-code."""

from __future__ import annotations

from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.coding import code_interactively
from engage.cli.output import plural, short
from engage.cli.theme import print_run

app = typer.Typer(
    help="Review themes: list, show, rename, merge, move, mark unthemed, code "
    "a sample and check agreement.",
    no_args_is_help=True,
)
Run = Annotated[str | None, typer.Option("--run", help="Theme run id (default: the latest).")]
Consultation = Annotated[
    str | None,
    typer.Option("--consultation", "-c", help="Use the latest run of this consultation."),
]
ThemeRef = Annotated[str, typer.Argument(help="Theme number (as listed) or id prefix.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _run(ctx: typer.Context, run: str | None, consultation: str | None) -> str:
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.theme_runs import resolve_run

    return resolve_run(context.db(ctx), run, consultation)


@app.command("list")
def list_(
    ctx: typer.Context, run: Run = None, consultation: Consultation = None, as_json: Json = False
) -> None:
    """List the themes of a run, largest first.

    Example:

    \b
        engage themes list
    """
    print_run(context.db(ctx), _run(ctx, run, consultation), as_json)


@app.command("runs")
def runs(ctx: typer.Context, consultation: Consultation = None, as_json: Json = False) -> None:
    """List theme runs, newest first.

    Example:

    \b
        engage themes runs -c "Modernisation Review"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.theme_runs import list_runs, with_values

    rows = list_runs(context.db(ctx), consultation)
    if as_json:
        output.print_json([with_values(row) for row in rows])
        return
    shown = [
        {
            **r,
            "created_at": r["created_at"][:16].replace("T", " "),
            "unthemed_now": f"{r['unthemed_now'] / r['n_docs']:.0%}" if r["n_docs"] else "—",
            "stability": "—" if r["stability"] is None else f"{r['stability']:.2f}",
        }
        for r in rows
    ]
    output.print_table(
        shown,
        [
            ("id", "run"),
            ("created_at", "when (UTC)"),
            ("backend", "backend"),
            ("seed", "seed"),
            ("n_docs", "texts"),
            ("themes_now", "themes"),
            ("unthemed_now", "unthemed"),
            ("stability", "stability"),
        ],
        empty="no theme runs yet: engage theme CONSULTATION",
    )


@app.command("show")
def show(
    ctx: typer.Context,
    theme: ThemeRef,
    run: Run = None,
    consultation: Consultation = None,
    as_json: Json = False,
) -> None:
    """Show a theme: keyphrases, quotes, examples and who raised it.

    Example:

    \b
        engage themes show 3
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.themes import theme_detail

    detail = theme_detail(context.db(ctx), theme, _run(ctx, run, consultation))
    if as_json:
        output.print_json(detail)
        return
    output.done(
        f"{detail['number']}. {detail['label']} — {detail['size']} submissions "
        f"({detail['share']:.0%}), mean satisfaction {_satisfaction(detail)}"
    )
    if detail["description"]:
        output.done(detail["description"])
    output.done("keyphrases: " + ", ".join(detail["keyphrases"]))
    for quote in detail["quotes"]:
        output.done(f"  “{quote['text_redacted']}” [{short(quote['id'])}]")
    output.print_table(
        detail["examples"],
        [("id", "submission"), ("text_redacted", "text"), ("source", "by")],
        title="examples",
    )
    for dimension, table in detail["breakdown"].items():
        counts = next(iter(table.values()), {})
        output.done(
            f"by {dimension.replace('_', ' ')}: " + ", ".join(f"{k} {v}" for k, v in counts.items())
        )


def _satisfaction(detail: dict) -> str:
    mean = detail["mean_satisfaction"]
    return "— (no scores)" if mean is None else f"{mean:.1f} / 5"


@app.command("rename")
def rename(
    ctx: typer.Context,
    theme: ThemeRef,
    label: Annotated[str, typer.Argument(help="The new label.")],
    run: Run = None,
    consultation: Consultation = None,
) -> None:
    """Rename a theme (carried into later runs).

    Example:

    \b
        engage themes rename 3 "Kiosks out of order"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.themes import rename_theme

    row = rename_theme(context.db(ctx), _run(ctx, run, consultation), theme, label)
    output.done(f"theme {row['number']} is now '{row['label']}'")


@app.command("merge")
def merge(
    ctx: typer.Context,
    themes: Annotated[
        list[str],
        typer.Argument(help="Themes to merge; the first one keeps the others' submissions."),
    ],
    label: Annotated[str | None, typer.Option(help="Label for the merged theme.")] = None,
    run: Run = None,
    consultation: Consultation = None,
) -> None:
    """Merge themes into the first one given.

    Example:

    \b
        engage themes merge 4 9 --label "Online renewals"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.themes import merge_themes

    row = merge_themes(context.db(ctx), _run(ctx, run, consultation), themes, label)
    output.done(f"merged into theme {row['number']} '{row['label']}'")


@app.command("move")
def move(
    ctx: typer.Context,
    submission: Annotated[str, typer.Argument(help="Submission id or prefix.")],
    theme: ThemeRef,
    run: Run = None,
    consultation: Consultation = None,
) -> None:
    """Move a submission to another theme.

    Example:

    \b
        engage themes move 1a2b 5
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.themes import move_submission

    move_submission(context.db(ctx), _run(ctx, run, consultation), submission, theme)
    output.done(f"moved submission {submission} to theme {theme}")


@app.command("outlier")
def outlier(
    ctx: typer.Context,
    submission: Annotated[str, typer.Argument(help="Submission id or prefix.")],
    run: Run = None,
    consultation: Consultation = None,
) -> None:
    """Mark a submission as unthemed (it fits no theme).

    Example:

    \b
        engage themes outlier 1a2b
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.themes import move_submission

    move_submission(context.db(ctx), _run(ctx, run, consultation), submission, None)
    output.done(f"submission {submission} is now unthemed")


@app.command("code")
def code(
    ctx: typer.Context,
    sample: Annotated[int, typer.Option(help="How many submissions to code.", min=1)] = 30,
    coder: Annotated[str | None, typer.Option(help="Your name (default: login).")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the random sample.")] = 0,
    run: Run = None,
    consultation: Consultation = None,
) -> None:
    """Code a random sample by hand: pick a theme number for each (n = none fits, q = stop).

    Example:

    \b
        engage themes code --sample 30
    """
    code_interactively(context.db(ctx), _run(ctx, run, consultation), sample, coder, seed)


@app.command("agreement")
def agreement(
    ctx: typer.Context, run: Run = None, consultation: Consultation = None, as_json: Json = False
) -> None:
    """Cohen's kappa: each coder against the model, and coders against each other.

    Example:

    \b
        engage themes agreement
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.services.agreement import FEW_CODINGS
    from engage.services.agreement import agreement as run_agreement

    result = run_agreement(context.db(ctx), _run(ctx, run, consultation))
    if as_json:
        output.print_json(result)
        return
    if not result["coder_vs_model"]:
        output.done("nobody has coded this run yet: engage themes code")
    scores = [(f"{coder} vs model", score) for coder, score in result["coder_vs_model"].items()]
    scores += list(result["between_coders"].items())
    for pair, score in scores:
        kappa = "n/a" if score["kappa"] is None else f"{score['kappa']:.2f}"
        line = f"{pair}: kappa {kappa} on {plural(score['n'], 'submission')}"
        if score["n"] < FEW_CODINGS:
            line += f" (too few to judge: code at least {FEW_CODINGS})"
        output.done(line)
