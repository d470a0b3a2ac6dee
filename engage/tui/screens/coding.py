"""Coding mode: a person picks the theme that fits each submission of a random sample; Cohen's
kappa against the model (and between coders) shows how far people and machine agree."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from engage.config import current_actor
from engage.db.codings import record_coding, sample_for_coding
from engage.services.agreement import FEW_CODINGS, agreement
from engage.tui.failures import FAILURES, attempt, failure, succeeded
from engage.tui.widgets.labels import clipped, escape, plain

SAMPLE_SIZE = 20
NONE_FITS = "none"


class AgreementComputed(Message):
    def __init__(self, agreement: dict[str, Any]) -> None:
        super().__init__()
        self.agreement = agreement


def kappa_markup(agreement: dict[str, Any], coder: str) -> str:
    mine = agreement["coder_vs_model"].get(coder)
    if not mine or mine["kappa"] is None:
        return "Cohen's kappa (you vs the model): code a few submissions to see it."
    lines = [f"[b]Cohen's kappa, you vs the model: {mine['kappa']:.2f}[/b] over {mine['n']} coded"]
    for pair, result in agreement["between_coders"].items():
        lines.append(f"between coders {escape(pair)}: {result['kappa']:.2f} over {result['n']}")
    return "\n".join(lines)


def kappa_reading(kappa: float | None, coded: int) -> str:
    if kappa is None:
        return ""
    if coded < FEW_CODINGS:
        return f"too few to judge yet (code at least {FEW_CODINGS})"
    return (
        "strong agreement"
        if kappa >= 0.8
        else "moderate agreement"
        if kappa >= 0.6
        else "weak agreement: review the themes"
        if kappa >= 0.4
        else "little agreement: the themes need work"
    )


class CodingScreen(ModalScreen[None]):
    """One submission at a time; 0-9 pick a theme by its number (as in the themes table),
    n says none fits, escape finishes."""

    BINDINGS = [
        Binding("escape", "finish", "Done"),
        Binding("n", "pick_none", "None fits"),
        *[
            Binding(str(n), f"pick_number({n})", "Pick the theme of that number", show=False)
            for n in range(10)
        ],
    ]

    def __init__(self, db, run_id: str, themes: list[dict[str, Any]]) -> None:
        super().__init__()
        self.db = db
        self.run_id = run_id
        self.themes = themes
        self.coder = current_actor()
        self.sample: list[dict[str, Any]] = []
        self.position = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="coding", classes="form"):
            yield Static("Coding — which theme fits this submission?", classes="form-title")
            yield Static("", id="coding-progress", classes="hint")
            yield Static("", id="coding-text")
            yield OptionList(
                *[
                    Option(plain(f"{t['number']}  {clipped(t['label'], 60)}"), id=t["id"])
                    for t in self.themes
                ],
                Option("n  none of these fits", id=NONE_FITS),
                id="coding-themes",
            )
            yield Static("", id="kappa")
        yield Footer()

    def on_mount(self) -> None:
        self.sample = (
            attempt(self, sample_for_coding, self.db, self.run_id, self.coder, SAMPLE_SIZE) or []
        )
        self.show_current()
        self.compute_agreement()

    def show_current(self) -> None:
        text = self.query_one("#coding-text", Static)
        if self.position >= len(self.sample):
            self.query_one("#coding-progress", Static).update("Sample done.")
            text.update("Nothing left to code in this sample: escape to go back.")
            return
        self.query_one("#coding-progress", Static).update(
            f"{self.position + 1} of {len(self.sample)} · coder {escape(self.coder)}"
        )
        text.update(escape(self.sample[self.position]["text_redacted"]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.record(event.option.id)

    def action_pick_number(self, number: int) -> None:
        theme = next((t for t in self.themes if t["number"] == number), None)
        if theme is not None:
            self.record(theme["id"])

    def action_pick_none(self) -> None:
        self.record(NONE_FITS)

    def record(self, theme_id: str | None) -> None:
        if self.position >= len(self.sample):
            return
        submission = self.sample[self.position]
        if succeeded(
            self, record_coding, self.db, self.run_id, submission["id"], self.coder, theme_id
        ):
            self.position += 1
            self.show_current()
            self.compute_agreement()

    @work(thread=True, exclusive=True, group="agreement")
    def compute_agreement(self) -> None:
        try:
            self.post_message(AgreementComputed(agreement(self.db, self.run_id)))
        except FAILURES as error:
            self.post_message(failure(error))

    def on_agreement_computed(self, message: AgreementComputed) -> None:
        mine = message.agreement["coder_vs_model"].get(self.coder) or {}
        reading = kappa_reading(mine.get("kappa"), mine.get("n", 0))
        self.query_one("#kappa", Static).update(
            kappa_markup(message.agreement, self.coder) + (f" — {reading}" if reading else "")
        )

    def on_work_failed(self, message) -> None:
        self.notify(message.text, severity="error")

    def action_finish(self) -> None:
        self.dismiss(None)
