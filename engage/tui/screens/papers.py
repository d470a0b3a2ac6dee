"""Papers: generate a paper from a template (in a worker: it reads the whole consultation),
then read it in a Markdown viewer; the standalone HTML is written beside, its path shown."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import MarkdownViewer, Select, Static

from engage import ids
from engage.config import engage_home
from engage.db.consultations import list_consultations
from engage.db.papers import get_paper, list_papers
from engage.papers.templates import available_templates
from engage.tui.failures import FAILURES, attempt, failure
from engage.tui.screens.base import ModeScreen, key
from engage.tui.store import writer_connection
from engage.tui.widgets.labels import clipped, escape, plain, select_value
from engage.tui.widgets.tables import Column, FittedTable

DEFAULT_TEMPLATE = "recommendation-paper"
PAPER_COLUMNS = (
    Column("created", keep=8),  # UTC, as stored
    Column("template", keep=9, flex=True, min_width=10),
    Column("as", keep=3),
)
PLACEHOLDER = (
    "[b]No paper open[/b]\n\nChoose a consultation and a template, then press [b]g[/b] to write "
    "a paper and read it here; [b]enter[/b] opens one written earlier."
)
WITHDRAWN_MARK = "⚠ "


def withdrawn_note(quotes_withdrawn: int) -> str:
    """What to say of a paper that quotes submissions withdrawn after it was written."""
    if not quotes_withdrawn:
        return ""
    quoted = "1 submission" if quotes_withdrawn == 1 else f"{quotes_withdrawn:,} submissions"
    return f"quotes {quoted} withdrawn since: do not share it again as it is"


NO_CONSULTATION = (
    "[b]No paper yet[/b]\n\nA paper reports on a consultation: open one first ([b]c[/b], then "
    "[b]n[/b]), gather its feedback and theme it ([b]t[/b], then [b]g[/b]), then come back and "
    "press [b]g[/b]."
)


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
    folder = engage_home() / "papers"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PapersScreen(ModeScreen):
    """Generated papers and the one being read."""

    MODE = "papers"
    MAIN_TABLE = "#papers-table"
    AUTO_FOCUS = MAIN_TABLE
    BINDINGS = [key("g", "generate_paper", "Generate", "Generate a paper and read it here")]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="paper-bar"):
            yield Select([], prompt="choose a consultation", compact=True, id="paper-consultation")
            yield Select([], prompt="choose a template", compact=True, id="paper-template")
            yield Static("", id="paper-status", classes="hint")
        with Horizontal():
            with Vertical(id="paper-list", classes="panel") as papers:
                papers.border_title = "Papers"
                yield FittedTable(id="papers-table")
                yield Static(
                    "No papers written yet: g writes one.", id="empty-note", classes="empty-note"
                )
            with Vertical(id="paper-reader"):
                yield Static("", id="paper-path")
                # the reader is mounted when the first paper is opened (see show_paper)
                yield Static(PLACEHOLDER, id="paper-note", classes="empty-note")

    def on_mount(self) -> None:
        self.titles: dict[str, str] = {}
        self.withdrawn: dict[str, int] = {}  # paper id: quoted submissions withdrawn since
        self.fill_consultations()

    def fill_consultations(self) -> None:
        consultations = list_consultations(self.db)
        self.titles = {c["id"]: c["title"] for c in consultations}
        select = self.query_one("#paper-consultation", Select)
        select.set_options([(plain(clipped(c["title"], 34)), c["id"]) for c in consultations])
        if consultations:
            select.value = consultations[0]["id"]
        self.query_one("#paper-note", Static).update(
            PLACEHOLDER if consultations else NO_CONSULTATION
        )

    def reload(self) -> None:
        if not self.titles:
            self.fill_consultations()  # one may have been opened since
        self.list_papers()

    @work(thread=True, exclusive=True, group="papers")
    def list_papers(self) -> None:
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
        self.withdrawn = {paper["id"]: paper["quotes_withdrawn"] for paper in message.papers}
        rows = [
            (
                paper["id"],
                (
                    paper["created_at"][5:16].replace("T", " "),
                    (WITHDRAWN_MARK if paper["quotes_withdrawn"] else "") + paper["template"],
                    paper["format"],
                ),
            )
            for paper in message.papers
        ]
        self.query_one(self.MAIN_TABLE, FittedTable).show(PAPER_COLUMNS, rows)
        self.show_empty("" if rows else "No papers written yet: g writes one.")

    def open_row(self, row_key: str) -> None:
        paper = attempt(self, get_paper, self.db, row_key)
        if paper:
            self.show_paper(paper)

    def action_generate_paper(self) -> None:
        consultation = select_value(self.query_one("#paper-consultation", Select))
        template = select_value(self.query_one("#paper-template", Select))
        if not consultation or not template:
            self.notify("Choose a consultation and a template first.", severity="error")
            return
        title = self.titles.get(consultation, consultation)
        out = paper_path(papers_folder(), title, template, ids.clock().astimezone())
        self.query_one("#paper-status", Static).update(f"Writing {template}…")
        self.generate(consultation, template, out)

    @work(thread=True, exclusive=True, group="paper")
    def generate(self, consultation: str, template: str, out: Path) -> None:
        # lazy: Jinja2 and the paper's context load when a paper is first written
        from engage.papers.write import PaperOptions, write_paper

        db = writer_connection(self.db)
        try:
            paper = write_paper(db, consultation, template, out, PaperOptions(fmt="html"))
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
        # the base screen's handler, called after this one, says what failed
        self.query_one("#paper-status", Static).update("")

    def show_paper(self, paper: dict[str, Any]) -> None:
        self.query_one("#paper-status", Static).update("")
        kind = "HTML" if paper.get("format") == "html" else "Markdown"
        note = withdrawn_note(self.withdrawn.get(paper["id"], 0))
        self.query_one("#paper-path", Static).update(
            f"[b]{kind}:[/b] {escape(paper['path'] or '(not written)')}"
            + (f"\n[b]{WITHDRAWN_MARK}{note}[/b]" if note else "")
        )
        viewer = self.query("#paper-view")
        if viewer:
            viewer.first(MarkdownViewer).document.update(paper["markdown"])
            viewer.first().scroll_home(animate=False)
            return
        # Mounted on first need: a Markdown viewer costs the mode's first visit 50 ms.
        self.query_one("#paper-note").display = False
        self.query_one("#paper-reader").mount(
            MarkdownViewer(paper["markdown"], show_table_of_contents=False, id="paper-view")
        )
