"""Type what was said, one submission after another: the text, consent to quote, an optional
satisfaction (1-5) and who said it — heard in a session, or (a letter, a call) straight into a
consultation with its channel and the day it came in. Enter stores it and clears the form for
the next; escape finishes."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from engage.db.submissions import SubmissionDetails, add_submission
from engage.models import CHANNELS, RESPONDENT_TYPES
from engage.tui.failures import FAILURES, problem_text
from engage.tui.modals.fields import (
    consultation_choices,
    date_input,
    field,
    partner_choices,
    row,
    show_field_problem,
)
from engage.tui.modals.form import FIRST_FIELD, make_compact
from engage.tui.widgets.labels import choices, clipped, escape, plain, select_value, words

RECENT_SHOWN = 4


def session_partner_choices(session: dict[str, Any]) -> list[tuple[str, str]]:
    """The session's partners, those who attended first."""
    return [(plain(p["name"]), p["id"]) for p in session["partners"]]


def session_title(session: dict[str, Any]) -> str:
    place = session.get("community") or words(session["channel"])
    return f"What was said — {words(session['kind'])}, {session['held_on']}, {escape(place)}"


class SubmissionEntry(ModalScreen[int]):
    """Returns how many submissions were stored."""

    AUTO_FOCUS = FIRST_FIELD
    BINDINGS = [
        Binding("escape", "finish", "Done"),
        Binding("ctrl+s", "store", "Store"),
    ]

    def __init__(
        self,
        db,
        session: dict[str, Any] | None = None,
        consultation: str | None = None,
        today: str = "",
    ) -> None:
        super().__init__()
        self.db = db
        self.session = session
        self.consultation = consultation
        self.today = today
        self.stored: list[str] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form", id="submission-entry"):
            if self.session:
                yield Static(session_title(self.session), classes="form-title")
            else:
                yield Static("Type a submission", classes="form-title")
                yield from self.compose_where()
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
                field("Partner", Select(self.partner_options(), prompt="none", id="partner")),
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

    def compose_where(self) -> ComposeResult:
        """Without a session: which consultation, by which channel, received when."""
        consultations = consultation_choices(self.db)
        ids = [cid for _, cid in consultations]
        chosen = self.consultation if self.consultation in ids else (ids[0] if ids else None)
        yield row(
            field(
                "Consultation",
                Select(consultations, value=chosen or Select.NULL, prompt="choose", id="where"),
            ),
            field("Channel", Select(choices(CHANNELS), prompt="–", id="channel")),
            field("Received", date_input(self.today, "received_on", "date received")),
        )

    def partner_options(self) -> list[tuple[str, str]]:
        if self.session:
            return session_partner_choices(self.session)
        return partner_choices(self.db)

    def on_mount(self) -> None:
        make_compact(self)
        if self.session:
            self.query_one("#text", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        show_field_problem(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_store()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "store":
            self.action_store()
        else:
            self.action_finish()

    def where(self) -> dict[str, Any]:
        """Where the submission goes: the session's consultation, or the one chosen."""
        if self.session:
            return {
                "consultation": self.session["consultation_id"],
                "session": self.session["id"],
            }
        return {
            "consultation": select_value(self.query_one("#where", Select)) or "",
            "channel": select_value(self.query_one("#channel", Select)),
            "received_on": self.query_one("#received_on", Input).value.strip() or None,
        }

    def action_store(self) -> None:
        text = self.query_one("#text", Input).value
        try:
            where = self.where()
            consultation = where.pop("consultation")
            details = SubmissionDetails(
                **where,
                partner=select_value(self.query_one("#partner", Select)),
                respondent_type=select_value(self.query_one("#respondent_type", Select)),
                consent_to_quote=self.query_one("#consent", Checkbox).value,
                satisfaction=self.query_one("#satisfaction", Input).value or None,
            )
            add_submission(self.db, consultation, text, details)
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
            f"{len(self.stored)} stored for this {'session' if self.session else 'consultation'}:"
            f"\n{recent}"
        )
        self.query_one("#text", Input).focus()

    def action_finish(self) -> None:
        self.dismiss(len(self.stored))
