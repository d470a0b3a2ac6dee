"""One submission in full: its text (redacted; the original only on request), where it came
from, and withdrawing it when its author asks."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from engage.db.submissions import get_submission
from engage.tui.failures import attempt
from engage.tui.modals.fields import field
from engage.tui.modals.form import FormScreen
from engage.tui.widgets.labels import escape, shown, words


def submission_heading(row: dict[str, Any]) -> str:
    received = row["received_at"] or "date not recorded"
    who = row.get("partner_name") or row.get("organisation")
    return (
        f"[b]{row['id'][:8]}[/b] · {received[:10]} · {words(row['channel']) or 'channel –'} · "
        f"{escape(shown(row['community']))} · {escape(shown(who))}\n"
        f"quote: {'yes' if row['consent_to_quote'] else 'no'} · "
        f"satisfaction: {shown(row['satisfaction'])} · {row['status']}"
    )


class SubmissionView(ModalScreen[str]):
    """Returns "withdraw" when the user asked to withdraw it, else None."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("o", "original", "Original"),
        Binding("w", "withdraw", "Withdraw"),
    ]
    AUTO_FOCUS = "#submission-full"

    def __init__(self, db, submission_id: str) -> None:
        super().__init__()
        self.db = db
        self.submission_id = submission_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form", id="submission-full"):
            yield Static("", id="submission-heading")
            yield Static("", id="submission-body")
        yield Footer()

    def on_mount(self) -> None:
        self.show(original=False)

    def show(self, original: bool) -> None:
        row = attempt(self, get_submission, self.db, self.submission_id, show_original=original)
        if not row:
            return
        heading = submission_heading(row)
        if row.get("question"):
            heading += f"\n[i]{escape(row['question'])}[/i]"
        self.query_one("#submission-heading", Static).update(heading)
        body = escape(row["text_redacted"])
        if original:
            body = (
                f"[b reverse] ORIGINAL — personal information [/]\n{escape(row['text_original'])}"
            )
        self.query_one("#submission-body", Static).update(body)

    def action_original(self) -> None:
        self.show(original=True)

    def action_withdraw(self) -> None:
        self.dismiss("withdraw")

    def action_close(self) -> None:
        self.dismiss(None)


class WithdrawForm(FormScreen[str]):
    """Returns the reason (possibly empty) once the user confirmed."""

    TITLE_TEXT = "Withdraw the submission"
    SAVE_LABEL = "Withdraw"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.submission_text = text

    def compose_fields(self) -> ComposeResult:
        yield field(
            "Reason (kept in the audit log)",
            Input(placeholder="e.g. asked to be removed", id="reason"),
        )
        yield Static(
            f"“{escape(self.submission_text[:300])}”\n"
            "It stays on record but leaves theming, exports and papers.",
            classes="hint",
        )

    def save(self) -> str:
        return self.text("#reason")
