"""``engage paper``: write a paper from a template; ``engage papers``: the papers written."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.output import short
from engage.config import templates_dir
from engage.papers.templates import available_templates

app = typer.Typer(
    help="Papers written from this database: list, show, templates.", no_args_is_help=True
)
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Consultation = Annotated[str, typer.Argument(help="Consultation id (or prefix) or title.")]
Template = Annotated[
    str,
    typer.Option(
        "--template",
        help="recommendation-paper, what-we-heard, briefing-note, or one of yours "
        "in --template-dir.",
    ),
]
Out = Annotated[Path, typer.Option("--out", "-o", help="File to write.", dir_okay=False)]
Format = Annotated[
    str | None,
    typer.Option("--format", help="md or html (default: from the --out extension, else md)."),
]
Run = Annotated[str | None, typer.Option("--run", help="Theme run id (default: the latest).")]
TemplateDir = Annotated[
    Path | None,
    typer.Option(
        "--template-dir",
        help="Folder of your own templates; a file there overrides a built-in one by name.",
        file_okay=False,
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")]


def register(root: typer.Typer) -> None:
    root.command("paper")(paper_command)
    root.add_typer(app, name="papers")


def paper_command(
    ctx: typer.Context,
    consultation: Consultation,
    template: Template,
    out: Out,
    fmt: Format = None,
    run: Run = None,
    template_dir: TemplateDir = None,
    force: Force = False,
) -> None:
    """Write a paper (Markdown, or one standalone HTML file) about a consultation.

    Example:

    \b
        engage paper "Modernisation Review" --template what-we-heard \\
            --out what-we-heard.html
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.settings import office_is_named, office_name
    from engage.papers.write import PaperOptions, write_paper

    paper = write_paper(
        context.db(ctx),
        consultation,
        template,
        out,
        PaperOptions(fmt=fmt, run_id=run, template_dir=template_dir, force=force),
    )
    output.done(
        f"wrote {out} ({paper['format']}, template {paper['template']}, "
        f"run {short(paper['run_id'])}) [paper {short(paper['id'])}, "
        f"sha256 {paper['file_sha256'][:12]}]"
    )
    if not office_is_named(context.db(ctx)):
        output.note(
            f"the paper names the office '{office_name(context.db(ctx))}': "
            'name it with engage db office "NAME" and write the paper again'
        )


@app.command("list")
def list_(
    ctx: typer.Context,
    consultation: Annotated[
        str | None, typer.Option("--consultation", "-c", help="Only this consultation.")
    ] = None,
    as_json: Json = False,
) -> None:
    """List the papers written, newest first, and whether each file still matches.

    Papers that quote a submission withdrawn since are marked: do not share those again
    as they are.

    Example:

    \b
        engage papers list -c "Modernisation Review"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.papers import list_papers

    rows = list_papers(context.db(ctx), consultation)
    if as_json:
        output.print_json(rows)
        return
    output.print_table(
        [{**r, "sha": (r["file_sha256"] or r["sha256"])[:12], "note": _note(r)} for r in rows],
        [
            ("id", "paper"),
            ("created_at", "written"),
            ("template", "template"),
            ("format", "format"),
            ("run_id", "run"),
            ("path", "file"),
            ("file", "on disk"),
            ("sha", "file sha256"),
            ("note", "note"),
        ],
        empty="no papers yet: engage paper CONSULTATION --template NAME --out FILE",
    )


def _note(paper: dict) -> str:
    withdrawn = paper["quotes_withdrawn"]
    if not withdrawn:
        return ""
    return f"quotes {output.plural(withdrawn, 'submission')} withdrawn since"


@app.command("show")
def show(
    ctx: typer.Context,
    paper: Annotated[str, typer.Argument(help="Paper id or prefix.")],
    info: Annotated[
        bool, typer.Option("--info", help="Show the paper's record instead of its Markdown.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Print a stored paper's Markdown (or, with --info, its record).

    Example:

    \b
        engage papers show 5e0c --info
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.papers import get_paper

    row = get_paper(context.db(ctx), paper)
    if as_json:
        output.print_json(row)
    elif info:
        output.print_record(
            row,
            [
                ("id", "paper"),
                ("created_at", "written"),
                ("template", "template"),
                ("format", "format"),
                ("consultation_id", "consultation"),
                ("run_id", "theme run"),
                ("path", "file"),
                ("file", "on disk"),
                ("sha256", "markdown sha256"),
                ("file_sha256", "file sha256"),
            ],
        )
    else:
        output.text(row["markdown"])


@app.command("templates")
def templates(
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir", help="Also list the templates in this folder.", file_okay=False
        ),
    ] = None,
) -> None:
    """List the paper templates available.

    Example:

    \b
        engage papers templates
    """
    for name in available_templates(template_dir):
        own = template_dir and (template_dir / f"{name}.md.j2").is_file()
        where = f"{template_dir}" if own else f"built in ({templates_dir()})"
        output.done(f"{name}  [{where}]")
