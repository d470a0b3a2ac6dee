"""Writing a paper: build the context, render the template, write Markdown or standalone
HTML, and record the paper (template, run, Markdown, SHA-256) in the database."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db.papers import WrittenPaper, sha256_file, store_paper
from engage.errors import PathTaken, UserError
from engage.papers.charts import paper_charts
from engage.papers.context import build_context
from engage.papers.html import markdown_to_html
from engage.papers.render import read_asset, render_markdown, template_name

FORMATS = ("md", "html")
STYLESHEET = "paper.css"


def paper_format(fmt: str | None, out: Path) -> str:
    """The format asked for, else the one the file name says (.html/.htm), else md."""
    if fmt is None:
        return "html" if out.suffix.lower() in (".html", ".htm") else "md"
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise UserError(f"format must be md or html (got '{fmt}')")
    return fmt


def render_paper(
    context: dict[str, Any], template: str, fmt: str, template_dir: Path | None = None
) -> tuple[str, str]:
    """(the Markdown to store, the text to write) of one paper."""
    markdown = render_markdown(context, template, template_dir)
    if fmt == "md":
        return markdown, markdown

    marked = render_markdown(context, template, template_dir, html=True)
    css = read_asset(STYLESHEET, template_dir)
    return markdown, markdown_to_html(marked, paper_charts(context), css)


@dataclass(frozen=True)
class PaperOptions:
    """How a paper is written: ``fmt`` "md" or "html" (None: as the file name says), the
    theme run (None: the latest), a folder of the office's own templates, ``force`` to
    overwrite the file, and a ready ``context`` to write several papers from one."""

    fmt: str | None = None
    run_id: str | None = None
    template_dir: str | Path | None = None
    force: bool = False
    context: dict[str, Any] | None = None


def write_paper(
    db: sqlite_utils.Database,
    consultation: str,
    template: str,
    out: str | Path,
    options: PaperOptions | None = None,
) -> dict[str, Any]:
    """Write one paper to ``out`` and record it; refuses to overwrite without
    ``options.force``. Returns the stored paper row."""
    options = options or PaperOptions()
    out = Path(out)
    fmt = paper_format(options.fmt, out)
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name for the paper")
    if out.exists() and not options.force:
        raise PathTaken(f"{out} already exists")
    folder = Path(options.template_dir) if options.template_dir else None
    context = options.context or build_context(db, consultation, options.run_id)
    markdown, text = render_paper(context, template, fmt, folder)
    _write_atomically(out, text)
    return store_paper(
        db,
        WrittenPaper(
            consultation_id=context["consultation"]["id"],
            run_id=context["method"]["run_id"],
            template=template_name(template),
            fmt=fmt,
            markdown=markdown,
            path=out,
            file_sha256=sha256_file(out),
        ),
    )


def _write_atomically(out: Path, text: str) -> None:
    """Write beside the target, then rename: a reader never sees half a paper."""
    if not out.parent.is_dir():
        raise UserError(f"folder {out.parent} does not exist")
    handle, partial = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)
        os.replace(partial, out)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
