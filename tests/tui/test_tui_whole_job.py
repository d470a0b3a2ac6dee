"""A day's work done in the app alone, from an empty database file: open a consultation, add a
partner and a contact, log an interaction with a follow-up, mark it done from the dashboard's
follow-ups, import a file, edit a session, withdraw a submission, name the office."""

from __future__ import annotations

import json
from datetime import date

import pytest
from textual.widgets import Checkbox, DataTable, Input, Select, Static, TextArea
from tui_pilot import SIZE, choose, record_notices, settle, type_into

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


def table_column(pilot, selector: str, index: int) -> list[str]:
    table = pilot.app.screen.query_one(selector, DataTable)
    return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]


def one(db, sql: str, *params):
    return db.execute(sql, params).fetchone()


async def open_a_consultation(pilot, title: str) -> None:
    await pilot.press("c")
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConsultationForm)
    await pilot.press(*title)  # the first field has the focus: typing goes in
    await type_into(pilot, "#opens_on", "2026-03-02")
    await type_into(pilot, "#closes_on", "2026-06-26")
    pilot.app.screen.query_one(
        "#questions", TextArea
    ).text = "What should we change about our hours?\nWhat works well today?"
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_open_and_edit_a_consultation_from_an_empty_database(empty_app, fresh_db):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_a_consultation(pilot, "Service centre hours review")
        stored = one(fresh_db, "SELECT title, opens_on, closes_on, questions FROM consultations")
        assert stored[:3] == ("Service centre hours review", "2026-03-02", "2026-06-26")
        assert json.loads(stored[3]) == [
            "What should we change about our hours?",
            "What works well today?",
        ]
        assert table_column(pilot, "#consultations-table", 0) == ["Service centre hours review"]
        assert "What works well today?" in str(
            pilot.app.screen.query_one("#consultation-text", Static).render()
        )

        await pilot.press("enter")  # opens the highlighted consultation's form
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConsultationForm)
        await type_into(pilot, "#closes_on", "2026-02-30")
        await pilot.pause()
        shown = [str(p.render()) for p in pilot.app.screen.query(".field-problem")]
        assert any("closing date must be a date as YYYY-MM-DD" in s for s in shown), shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConsultationForm), "refused: the form stays open"
        assert pilot.app.screen.query_one("#closes_on", Input).value == "2026-02-30"
        await type_into(pilot, "#closes_on", "2026-01-30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "before the opening date" in str(
            pilot.app.screen.query_one("#form-error", Static).render()
        )
        await type_into(pilot, "#closes_on", "2026-07-31")
        await type_into(pilot, "#purpose", "Decide the centre's opening hours")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert one(fresh_db, "SELECT closes_on, purpose FROM consultations") == (
            "2026-07-31",
            "Decide the centre's opening hours",
        )


async def test_a_partner_with_a_contact_and_a_follow_up_marked_done(empty_app, fresh_db):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "No partners yet: press n" in str(pilot.app.screen.query_one("#empty-note").render())
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PartnerForm)
        await pilot.press(*"Timmins Seniors' Centre")
        choose(pilot, "#kind", "community")
        await pilot.press("ctrl+s")
        await settle(pilot)
        partner_id = one(fresh_db, "SELECT id FROM partners")[0]

        await pilot.press("k")  # a contact at the highlighted partner
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactForm)
        assert pilot.app.screen.query_one("#partner", Select).value == partner_id
        await type_into(pilot, "#name", "Marie Tremblay")
        await type_into(pilot, "#email", "marie@example.org")
        pilot.app.screen.query_one("#consent", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
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
        await pilot.press("ctrl+s")
        await settle(pilot)
        interaction = one(fresh_db, "SELECT id, follow_up_due, follow_up_done FROM interactions")
        assert interaction[1:] == ("2026-03-13", 0)

        await pilot.press("d")
        await settle(pilot)
        assert "1" in str(pilot.app.screen.query_one("#tile-follow_ups_due").render())
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
        assert "No follow-ups are due" in str(pilot.app.screen.query_one("#empty-note").render())
        await pilot.press("escape")
        await settle(pilot)
        assert "0" in str(pilot.app.screen.query_one("#tile-follow_ups_due").render())


async def test_a_partners_record_edits_its_contacts_and_follow_ups(app, sample):
    db = sample["db"]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        name = "Sudbury Seniors' Council"
        table = pilot.app.screen.query_one("#partners-table", DataTable)
        table.move_cursor(row=table.get_row_index(one(db, "SELECT id FROM partners WHERE name = ?",
                                                      name)[0]))  # fmt: skip
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PartnerRecordScreen)
        contacts = pilot.app.screen.query_one("#record-contacts", DataTable)
        contacts.focus()
        await pilot.press("enter")  # edit the contact: withdraw their consent to share
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactForm)
        consent = pilot.app.screen.query_one("#consent", Checkbox)
        consent.value = not consent.value
        await pilot.press("ctrl+s")
        await settle(pilot)
        contact = one(db, "SELECT consent_to_share FROM contacts c JOIN partners p "
                      "ON p.id = c.partner_id WHERE p.name = ?", name)  # fmt: skip
        assert contact == (int(consent.value),)
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.current_mode == "partners"
        assert not isinstance(pilot.app.screen, PartnerRecordScreen)


async def test_import_a_file_from_the_app(app, sample, tmp_path):
    db = sample["db"]
    notes = tmp_path / "phone-notes.csv"
    notes.write_text("Comment\nCall back about Saturday hours\nThe kiosk was broken\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ImportScreen)
        await pilot.press(*str(notes))  # the file field has the focus: nothing typed is lost
        assert pilot.app.screen.query_one("#path", Input).value == str(notes)
        choose(pilot, "#channel", "phone")
        await pilot.press("enter")
        await settle(pilot)
        assert "would add 2" in str(pilot.app.screen.query_one("#mapping", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ImportScreen)
        stored = db.execute(
            "SELECT channel, received_at FROM submissions WHERE source_file = 'phone-notes.csv'"
        ).fetchall()
        assert stored == [("phone", None), ("phone", None)]  # no date in the file: none stored


async def test_edit_a_session_and_who_came(app, sample):
    db = sample["db"]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        session_id = pilot.app.screen.highlighted_row()
        before = one(db, "SELECT COUNT(*) FROM session_partners WHERE session_id = ? "
                     "AND attended", session_id)[0]  # fmt: skip
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionForm)
        await type_into(pilot, "#attendance", "35")
        attended = pilot.app.screen.query_one("#attended")
        attended.focus()
        await pilot.press("space")  # tick the first partner as having attended
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert one(db, "SELECT attendance FROM sessions WHERE id = ?", session_id) == (35,)
        after = one(db, "SELECT COUNT(*) FROM session_partners WHERE session_id = ? "
                    "AND attended", session_id)[0]  # fmt: skip
        assert after == before + 1


async def test_withdraw_a_submission(app, sample):
    db = sample["db"]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        submission_id = pilot.app.screen.highlighted_row()
        await pilot.press("enter")  # read it in full
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press(*"asked to be removed", "enter")
        await settle(pilot)
        assert one(db, "SELECT status, withdrawn_reason FROM submissions WHERE id = ?",
                   submission_id) == ("withdrawn", "asked to be removed")  # fmt: skip


async def test_name_the_office_in_settings(app, sample):
    db = sample["db"]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SettingsForm)
        await type_into(pilot, "#office", "Sudbury ServiceOntario Centre")
        await pilot.press("enter")
        await settle(pilot)
        assert one(db, "SELECT value FROM settings WHERE key = 'office'") == (
            "Sudbury ServiceOntario Centre",
        )
        assert pilot.app.sub_title == "Sudbury ServiceOntario Centre"
        assert one(db, "SELECT COUNT(DISTINCT office) FROM partners") == (1,)


async def test_logging_a_session_with_no_consultation_opens_one_first(empty_app, fresh_db):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConsultationForm)
        await pilot.press(*"Hours review", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionForm)
        assert one(fresh_db, "SELECT title FROM consultations") == ("Hours review",)
