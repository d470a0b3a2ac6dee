"""The app's forms offer the words of engage.models' vocabularies, no more and no fewer."""

from __future__ import annotations

import pytest
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from engage import models
from engage.tui.modals.partner_form import PartnerForm
from engage.tui.modals.recommendation_form import RecommendationForm
from engage.tui.modals.session_form import SessionForm
from engage.tui.widgets.labels import words

SIZE = (120, 40)


def offers_exactly(select: Select, codes: tuple[str, ...]) -> bool:
    """True when the Select offers these codes, in this order, and nothing else (besides a
    blank choice): each can be chosen, and its list shows each code's words once."""
    for code in codes:
        select.value = code  # a code the Select does not offer raises
    overlay = select.query_one(SelectOverlay)
    shown = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
    blank = len(shown) - len(codes)
    return blank in (0, 1) and shown[blank:] == [words(code) for code in codes]


def forms(sample):
    db = sample["db"]
    consultation = db.execute("SELECT id FROM consultations LIMIT 1").fetchone()[0]
    partner = {"#kind": "PARTNER_KINDS", "#relationship": "RELATIONSHIPS"}
    partner["#sharing_consent"] = "SHARING_LEVELS"
    session = {"#kind": "SESSION_KINDS", "#channel": "CHANNELS"}
    recommendation = {"#priority": "RECOMMENDATION_PRIORITIES"}
    recommendation["#status"] = "RECOMMENDATION_STATUSES"
    return [
        (PartnerForm(db), partner),
        (SessionForm(db, "2026-06-15"), session),
        (RecommendationForm(db, consultation, []), recommendation),
    ]


pytestmark = pytest.mark.anyio


async def test_each_form_offers_exactly_the_vocabulary(app, sample):
    async with app.run_test(size=SIZE) as pilot:
        for form, selects in forms(sample):
            app.push_screen(form)
            await pilot.pause()
            for selector, vocabulary in selects.items():
                select = app.screen.query_one(selector, Select)
                assert offers_exactly(select, getattr(models, vocabulary)), selector
            app.pop_screen()
            await pilot.pause()
