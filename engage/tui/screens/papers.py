"""Papers: generate a paper from a template (in a worker: it reads the whole consultation),
then read it in a Markdown viewer; the standalone HTML is written beside, its path shown."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, MarkdownViewer, Select, Static

from engage.tui.modals.form import select_value
from engage.tui.screens.base import FAILURES, ModeScreen, attempt, failure
from engage.tui.widgets.labels import clipped, escape, plain
from engage.tui.widgets.tables import fill_table

DEFAULT_TEMPLATE = "recommendation-paper"
PAPER_COLUMNS = ("created (UTC)", "template", "as")
PLACEHOLDER = "# No paper open\n\nChoose a consultation and a template, then press **g**."


class PapersListed(Message):
    def __init__(self, papers: list[dict[str, Any]], templates: list[str]) -> None:
        super().__init__()
        self.papers = papers
        self.templates = templates


class PaperGenerated(Message):
    """A paper was written and recorded."""

    def __init__(self, paper: dict[str, Any]) -> None:
        super().__init__()
        self.paper = paper


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "paper"


def paper_path(folder: Path, consultation_title: str, template: str, when: datetime) -> Path:
    """Where a generated paper's HTML goes: one file per consultation, template and time."""
    return folder / f"{slug(consultation_title)}-{template}-{when:%Y%m%d-%H%M%S}.html"


def papers_folder() -> Path:
    from engage.config import engage_home

    folder = engage_home() / "papers"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PapersScreen(ModeScreen):
    """Generated papers and the one being read."""

    MODE = "papers"
    AUTO_FOCUS = "#papers-table"
    BINDINGS = [("g", "generate_paper", "Generate")]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="paper-bar"):
            yield Select([], prompt="choose a consultation", compact=True, id="paper-consultation")
            yield Select([], prompt="choose a template", compact=True, id="paper-template")
            yield Static("", id="paper-status", classes="hint")
        with Horizontal():
            with Vertical(id="paper-list", classes="panel") as papers:
                papers.border_title = "Papers"
                yield DataTable(id="papers-table", cursor_type="row")
            with Vertical(id="paper-reader"):
                yield Static("", id="paper-path")
                yield MarkdownViewer(PLACEHOLDER, show_table_of_contents=False, id="paper-view")

    def on_mount(self) -> None:
        from engage.db.consultations import list_consultations

        consultations = list_consultations(self.db)
        self.titles = {c["id"]: c["title"] for c in consultations}
        select = self.query_one("#paper-consultation", Select)
        select.set_options([(plain(clipped(c["title"], 34)), c["id"]) for c in consultations])
        if consultations:
            select.value = consultations[0]["id"]

    def reload(self) -> None:
        self.list_papers()

    @work(thread=True, exclusive=True, group="papers")
    def list_papers(self) -> None:
        from engage.db.papers import list_papers
        from engage.papers.render import available_templates

        try:
            self.post_message(PapersListed(list_papers(self.db), available_templates()))
        except FAILURES as error:
            self.post_message(failure(error))

    def on_papers_listed(self, message: PapersListed) -> None:
        templates = self.query_one("#paper-template", Select)
        chosen = select_value(templates)
        templates.set_options([(name, name) for name in message.templates])
        if chosen in message.templates or DEFAULT_TEMPLATE in message.templates:
            templates.value = chosen if chosen in message.templates else DEFAULT_TEMPLATE
        rows = [
            (
                paper["id"],
                (paper["created_at"][5:16].replace("T", " "), paper["template"], paper["format"]),
            )
            for paper in message.papers
        ]
        fill_table(self.query_one("#papers-table", DataTable), PAPER_COLUMNS, rows)

    @on(DataTable.RowSelected, "#papers-table")
    def paper_chosen(self, event: DataTable.RowSelected) -> None:
        from engage.db.papers import get_paper

        paper = attempt(self, get_paper, self.db, event.row_key.value)
        if paper:
            self.show_paper(paper)

    def action_generate_paper(self) -> None:
        consultation = select_value(self.query_one("#paper-consultation", Select))
        template = select_value(self.query_one("#paper-template", Select))
        if not consultation or not template:
            self.notify("Choose a consultation and a template first.", severity="error")
            return
        title = self.titles.get(consultation, consultation)
        out = paper_path(papers_folder(), title, template, datetime.now())
        self.query_one("#paper-status", Static).update(f"Writing {template}…")
        self.generate(consultation, template, out)

    @work(thread=True, exclusive=True, group="paper")
    def generate(self, consultation: str, template: str, out: Path) -> None:
        from engage.papers.write import write_paper
        from engage.tui.store import writer_connection

        db = writer_connection(self.db)
        try:
            paper = write_paper(db, consultation, template, out, fmt="html")
        except FAILURES as error:
            self.post_message(failure(error))
            return
        finally:
            if db is not self.db:
                db.close()
        self.post_message(PaperGenerated(paper))

    def on_paper_generated(self, message: PaperGenerated) -> None:
        self.notify(f"Paper written: {message.paper['path']}", title="Paper generated")
        self.show_paper(message.paper)
        self.changed()

    def on_work_failed(self, message) -> None:
        self.query_one("#paper-status", Static).update("")
        super().on_work_failed(message)

    def show_paper(self, paper: dict[str, Any]) -> None:
        self.query_one("#paper-status", Static).update("")
        kind = "HTML" if paper.get("format") == "html" else "Markdown"
        self.query_one("#paper-path", Static).update(
            f"[b]{kind}:[/b] {escape(paper['path'] or '(not written)')}"
        )
        viewer = self.query_one("#paper-view", MarkdownViewer)
        viewer.document.update(paper["markdown"])
        viewer.scroll_home(animate=False)
