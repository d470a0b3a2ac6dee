"""A day's work done in the app alone, from an empty database file: open a consultation, add a
partner and a contact, log an interaction with a follow-up, mark it done from the dashboard's
follow-ups, import a file, edit a session, withdraw a submission, name the office."""

from __future__ import annotations

import json
from datetime import date

import pytest
from textual.widgets import Checkbox, DataTable, Input, Select, TextArea
from tui_pilot import (
    choose,
    record_notices,
    running,
    settle,
    step,
    table_column,
    text_of,
    type_into,
)

from engage.tui.modals.consultation_form import ConsultationForm
from engage.tui.modals.contact_form import ContactForm
from engage.tui.modals.import_file import ImportScreen
from engage.tui.modals.interaction_form import InteractionForm
from engage.tui.modals.partner_form import PartnerForm
from engage.tui.modals.session_form import SessionForm
from engage.tui.modals.settings_form import SettingsForm
from engage.tui.screens.follow_ups import FollowUpsScreen
from engage.tui.screens.partner_record import PartnerRecordScreen

pytestmark = pytest.mark.anyio
TODAY = date(2026, 3, 20)


@pytest.fixture
def empty_app(fresh_db):
    from engage.tui.app import make_app

    app = make_app(fresh_db)
    app.notices = record_notices(app)
    app.today = lambda: TODAY
    return app


def one(db, sql: str, *params):
    return db.execute(sql, params).fetchone()


async def open_a_consultation(pilot, title: str) -> None:
    await step(pilot, "c", "n")
    assert isinstance(pilot.app.screen, ConsultationForm)
    await pilot.press(*title)  # the first field has the focus: typing goes in
    await type_into(pilot, "#opens_on", "2026-03-02")
    await type_into(pilot, "#closes_on", "2026-06-26")
    pilot.app.screen.query_one(
        "#questions", TextArea
    ).text = "What should we change about our hours?\nWhat works well today?"
    await step(pilot, "ctrl+s")


async def test_open_and_edit_a_consultation_from_an_empty_database(empty_app, fresh_db):
    async with running(empty_app) as pilot:
        await open_a_consultation(pilot, "Service centre hours review")
        stored = one(fresh_db, "SELECT title, opens_on, closes_on, questions FROM consultations")
        assert stored[:3] == ("Service centre hours review", "2026-03-02", "2026-06-26")
        assert json.loads(stored[3]) == [
            "What should we change about our hours?",
            "What works well today?",
        ]
        assert table_column(pilot, "#consultations-table", 0) == ["Service centre hours review"]
        assert "What works well today?" in text_of(pilot, "#consultation-text")

        await pilot.press("enter")  # opens the highlighted consultation's form
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConsultationForm)
        await type_into(pilot, "#closes_on", "2026-02-30")
        await pilot.pause()
        shown = [str(p.render()) for p in pilot.app.screen.query(".field-problem")]
        assert any("closing date must be a date as YYYY-MM-DD" in s for s in shown), shown
        await step(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, ConsultationForm), "refused: the form stays open"
        assert pilot.app.screen.query_one("#closes_on", Input).value == "2026-02-30"
        await type_into(pilot, "#closes_on", "2026-01-30")
        await step(pilot, "ctrl+s")
        assert "before the opening date" in text_of(pilot, "#form-error")
        await type_into(pilot, "#closes_on", "2026-07-31")
        await type_into(pilot, "#purpose", "Decide the centre's opening hours")
        await step(pilot, "ctrl+s")
        assert one(fresh_db, "SELECT closes_on, purpose FROM consultations") == (
            "2026-07-31",
            "Decide the centre's opening hours",
        )


async def test_a_partner_with_a_contact_and_a_follow_up_marked_done(empty_app, fresh_db):
    async with running(empty_app) as pilot:
        await step(pilot, "p")
        assert "No partners yet: press n" in text_of(pilot, "#empty-note")
        await step(pilot, "n")
        assert isinstance(pilot.app.screen, PartnerForm)
        await pilot.press(*"Timmins Seniors' Centre")
        choose(pilot, "#kind", "community")
        await step(pilot, "ctrl+s")
        partner_id = one(fresh_db, "SELECT id FROM partners")[0]

        await pilot.press("k")  # a contact at the highlighted partner
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactForm)
        assert pilot.app.screen.query_one("#partner", Select).value == partner_id
        await type_into(pilot, "#name", "Marie Tremblay")
        await type_into(pilot, "#email", "marie@example.org")
        pilot.app.screen.query_one("#consent", Checkbox).value = True
        await step(pilot, "ctrl+s")
        assert one(fresh_db, "SELECT name, email, consent_to_share FROM contacts") == (
            "Marie Tremblay",
            "marie@example.org",
            1,
        )

        await pilot.press("i")  # an interaction with a follow-up, due before today
        await settle(pilot)
        assert isinstance(pilot.app.screen, InteractionForm)
        assert pilot.app.screen.query_one("#occurred_on", Input).value == "2026-03-20"
        await type_into(pilot, "#occurred_on", "2026-03-02")
        choose(pilot, "#kind", "call")
        await type_into(pilot, "#summary", "Invited them to the March workshop")
        await type_into(pilot, "#follow_up_due", "2026-03-13")
        await type_into(pilot, "#follow_up_owner", "M. Lalonde")
        await step(pilot, "ctrl+s")
        interaction = one(fresh_db, "SELECT id, follow_up_due, follow_up_done FROM interactions")
        assert interaction[1:] == ("2026-03-13", 0)

        await step(pilot, "d")
        assert "1" in text_of(pilot, "#tile-follow_ups_due")
        await pilot.press("f")  # the follow-ups due, from the dashboard
        await settle(pilot)
        assert isinstance(pilot.app.screen, FollowUpsScreen)
        row = pilot.app.screen.query_one("#follow-ups-table", DataTable).get_row_at(0)
        cells = [str(c) for c in row]
        assert cells[:4] == [
            "2026-03-13",
            "7 d late",
            "Timmins Seniors' Centre",
            "Invited them to the March workshop",
        ]
        await pilot.press("x")  # one key: done
        await settle(pilot)
        assert one(fresh_db, "SELECT follow_up_done FROM interactions") == (1,)
        audit = one(
            fresh_db,
            "SELECT details FROM audit WHERE table_name = 'interactions' AND action = 'update'",
        )
        assert json.loads(audit[0])["follow_up_done"] == {"from": 0, "to": 1}
        assert "No follow-ups are due" in text_of(pilot, "#empty-note")
        await step(pilot, "escape")
        assert "0" in text_of(pilot, "#tile-follow_ups_due")


async def test_a_partners_record_edits_its_contacts_and_follow_ups(app, sample):
    db = sample["db"]
    async with running(app) as pilot:
        await step(pilot, "p")
        name = "Sudbury Seniors' Council"
        table = pilot.app.screen.query_one("#partners-table", DataTable)
        table.move_cursor(row=table.get_row_index(one(db, "SELECT id FROM partners WHERE name = ?",
                                                      name)[0]))  # fmt: skip
        await step(pilot, "enter")
        assert isinstance(pilot.app.screen, PartnerRecordScreen)
        contacts = pilot.app.screen.query_one("#record-contacts", DataTable)
        contacts.focus()
        await pilot.press("enter")  # edit the contact: withdraw their consent to share
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactForm)
        consent = pilot.app.screen.query_one("#consent", Checkbox)
        consent.value = not consent.value
        await step(pilot, "ctrl+s")
        contact = one(db, "SELECT consent_to_share FROM contacts c JOIN partners p "
                      "ON p.id = c.partner_id WHERE p.name = ?", name)  # fmt: skip
        assert contact == (int(consent.value),)
        await step(pilot, "escape")
        assert pilot.app.current_mode == "partners"
        assert not isinstance(pilot.app.screen, PartnerRecordScreen)


async def test_import_a_file_from_the_app(app, sample, tmp_path):
    db = sample["db"]
    notes = tmp_path / "phone-notes.csv"
    notes.write_text("Comment\nCall back about Saturday hours\nThe kiosk was broken\n")
    async with running(app) as pilot:
        await step(pilot, "u", "i")
        assert isinstance(pilot.app.screen, ImportScreen)
        await pilot.press(*str(notes))  # the file field has the focus: nothing typed is lost
        assert pilot.app.screen.query_one("#path", Input).value == str(notes)
        choose(pilot, "#channel", "phone")
        await step(pilot, "enter")
        assert "would add 2" in text_of(pilot, "#mapping")
        await step(pilot, "ctrl+s")
        assert not isinstance(pilot.app.screen, ImportScreen)
        stored = db.execute(
            "SELECT channel, received_at FROM submissions WHERE source_file = 'phone-notes.csv'"
        ).fetchall()
        assert stored == [("phone", None), ("phone", None)]  # no date in the file: none stored


async def test_edit_a_session_and_who_came(app, sample):
    db = sample["db"]
    async with running(app) as pilot:
        await step(pilot, "s")
        session_id = pilot.app.screen.highlighted_row()
        before = one(db, "SELECT COUNT(*) FROM session_partners WHERE session_id = ? "
                     "AND attended", session_id)[0]  # fmt: skip
        await step(pilot, "enter")
        assert isinstance(pilot.app.screen, SessionForm)
        await type_into(pilot, "#attendance", "35")
        attended = pilot.app.screen.query_one("#attended")
        attended.focus()
        await pilot.press("space")  # tick the first partner as having attended
        await step(pilot, "ctrl+s")
        assert one(db, "SELECT attendance FROM sessions WHERE id = ?", session_id) == (35,)
        after = one(db, "SELECT COUNT(*) FROM session_partners WHERE session_id = ? "
                    "AND attended", session_id)[0]  # fmt: skip
        assert after == before + 1


async def test_withdraw_a_submission(app, sample):
    db = sample["db"]
    async with running(app) as pilot:
        await step(pilot, "u")
        submission_id = pilot.app.screen.highlighted_row()
        await pilot.press("enter")  # read it in full
        await settle(pilot)
        await step(pilot, "w")
        await pilot.press(*"asked to be removed", "enter")
        await settle(pilot)
        assert one(db, "SELECT status, withdrawn_reason FROM submissions WHERE id = ?",
                   submission_id) == ("withdrawn", "asked to be removed")  # fmt: skip


async def test_name_the_office_in_settings(app, sample):
    db = sample["db"]
    async with running(app) as pilot:
        await step(pilot, "comma")
        assert isinstance(pilot.app.screen, SettingsForm)
        await type_into(pilot, "#office", "Sudbury ServiceOntario Centre")
        await step(pilot, "enter")
        assert one(db, "SELECT value FROM settings WHERE key = 'office'") == (
            "Sudbury ServiceOntario Centre",
        )
        assert pilot.app.sub_title == "Sudbury ServiceOntario Centre"
        assert one(db, "SELECT COUNT(DISTINCT office) FROM partners") == (1,)


async def test_logging_a_session_with_no_consultation_opens_one_first(empty_app, fresh_db):
    async with running(empty_app) as pilot:
        await step(pilot, "s", "n")
        assert isinstance(pilot.app.screen, ConsultationForm)
        await pilot.press(*"Hours review", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionForm)
        assert one(fresh_db, "SELECT title FROM consultations") == ("Hours review",)
