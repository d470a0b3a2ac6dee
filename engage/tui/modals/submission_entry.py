"""Type what was said in a session, one submission after another: the text, consent to
quote, an optional satisfaction (1-5) and who said it. Enter stores it and clears the form
for the next; escape finishes."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from engage.models import RESPONDENT_TYPES
from engage.tui.modals.form import field, make_compact, row, select_value
from engage.tui.screens.base import FAILURES, problem_text
from engage.tui.widgets.labels import choices, clipped, escape, plain, words

RECENT_SHOWN = 4


def session_partner_choices(session: dict[str, Any]) -> list[tuple[str, str]]:
    """The session's partners, those who attended first."""
    return [(plain(p["name"]), p["id"]) for p in session["partners"]]


class SubmissionEntry(ModalScreen[int]):
    """Returns how many submissions were stored."""

    BINDINGS = [
        Binding("escape", "finish", "Done"),
        Binding("ctrl+s", "store", "Store"),
    ]

    def __init__(self, db, session: dict[str, Any]) -> None:
        super().__init__()
        self.db = db
        self.session = session
        self.stored: list[str] = []

    def compose(self) -> ComposeResult:
        session = self.session
        with VerticalScroll(classes="form", id="submission-entry"):
            yield Static(
                f"What was said — {words(session['kind'])}, {session['held_on']}, "
                f"{escape(session.get('community') or words(session['channel']))}",
                classes="form-title",
            )
            yield field(
                "Submission (enter stores it, then type the next)",
                Input(placeholder="what the person said", id="text"),
            )
            yield row(
                field("Consent", Checkbox("may be quoted", id="consent")),
                field(
                    "Satisfaction",
                    Input(placeholder="1-5", restrict="[1-5]?", max_length=1, id="satisfaction"),
                ),
                field(
                    "Partner", Select(session_partner_choices(session), prompt="none", id="partner")
                ),
                field(
                    "Respondent",
                    Select(choices(RESPONDENT_TYPES), prompt="–", id="respondent_type"),
                ),
            )
            yield Static("", id="form-error", classes="form-error")
            yield Static("Nothing stored yet.", id="stored", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Done", id="done")
                yield Button("Store", id="store", variant="primary")

    def on_mount(self) -> None:
        make_compact(self)
        self.query_one("#text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_store()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "store":
            self.action_store()
        else:
            self.action_finish()

    def action_store(self) -> None:
        from engage.db.submissions import add_submission

        text = self.query_one("#text", Input).value
        try:
            add_submission(
                self.db,
                self.session["consultation_id"],
                text,
                session=self.session["id"],
                partner=select_value(self.query_one("#partner", Select)),
                respondent_type=select_value(self.query_one("#respondent_type", Select)),
                consent_to_quote=self.query_one("#consent", Checkbox).value,
                satisfaction=self.query_one("#satisfaction", Input).value or None,
            )
        except FAILURES as error:
            self.query_one("#form-error", Static).update(problem_text(error))
            self.notify(problem_text(error), title="Not stored", severity="error")
            return
        self.stored.append(text)
        self.clear_for_next()

    def clear_for_next(self) -> None:
        self.query_one("#form-error", Static).update("")
        self.query_one("#text", Input).value = ""
        self.query_one("#satisfaction", Input).value = ""
        self.query_one("#consent", Checkbox).value = False
        recent = "\n".join(f"  • {escape(clipped(t, 70))}" for t in self.stored[-RECENT_SHOWN:])
        self.query_one("#stored", Static).update(
            f"{len(self.stored)} stored for this session:\n{recent}"
        )
        self.query_one("#text", Input).focus()

    def action_finish(self) -> None:
        self.dismiss(len(self.stored))
