"""What kind of answer a text is: a non-answer, an answer of "nothing", or one to theme."""

from __future__ import annotations

import pytest

from engage.theming.answers import is_non_answer, normalise_text, says_nothing, says_only_nothing
from engage.theming.prepare import prepare_texts


@pytest.mark.parametrize(
    "text",
    ["", "   ", "n/a", "N/A", "No comment.", "-", ".", "idk", "Not applicable", "Very much so",
     "Everything", "Pas de commentaire.", "s.o.", "XXXX", "I don't know", "Not sure",
     "Yes, definitely"],
)  # fmt: skip
def test_placeholders_are_non_answers(text):
    assert is_non_answer(normalise_text(text))
    assert not says_nothing(normalise_text(text))


@pytest.mark.parametrize(
    "text",
    ["nothing", "none", "NONE!!", "I can't think of anything", "Nothing at all",
     "Honestly nothing.", "No problems at all", "Nothing to improve", "No changes needed",
     "Nothing comes to mind", "Rien d'autre", "Rien à ajouter", "Pas de suggestion", "R.A.S."],
)  # fmt: skip
def test_answers_of_nothing_are_told_apart(text):
    assert says_nothing(normalise_text(text))
    assert is_non_answer(normalise_text(text))  # on its own, not enough to theme


@pytest.mark.parametrize("text", ["No parking", "Not enough staff", "No wait at all", "Not bad"])
def test_a_no_about_something_is_an_answer(text):
    assert not says_nothing(text) and not is_non_answer(text)


@pytest.mark.parametrize("text", ["No", "No.", "Nope!", "Not really", "Non.", "Pas vraiment"])
def test_a_bare_no_may_answer_yes_or_no_so_it_is_a_non_answer(text):
    assert is_non_answer(normalise_text(text)) and not says_nothing(normalise_text(text))
    prepared = prepare_texts([text] * 20 + [f"Parking lot {i} is full" for i in range(60)])
    assert prepared.nothing == [] and all(flag.non_answer for flag in prepared.flags[:20])


@pytest.mark.parametrize(
    "text",
    ["The wait at the counter was far too long", "Parking near the office is impossible",
     "Please open on Saturdays", "Parking", "Rude staff", "Hot meals", "Excellent care",
     "Plus d'heures le samedi", "Too slow.", "Bad service", "Very good!", "Excellent.",
     "Good", "Fine.", "All O.K.", "ok", "Couldn't get through to the service",
     "Don't like it here.", "Made sure I was okay.", "Because they put me first.",
     "Always there for me.", "Come more often."],
)  # fmt: skip
def test_real_answers_are_kept_however_short(text):
    assert not is_non_answer(normalise_text(text))
    prepared = prepare_texts([text] + [f"Parking lot {i} is full" for i in range(30)])
    assert not prepared.flags[0].non_answer


@pytest.mark.parametrize(
    "text",
    ["Nothing, the staff were great", "Nothing everyone was lovely", "No, all good.",
     "No I'm very happy.", "No not really everything was good", "Absolutely nothing. Thank you",
     "Nothing. Keep doing what you're doing.", "Can't think of anything, I was well looked after",
     "There's nothing you could have done better", "Nothing needs changing, it works well.",
     "I don't think anything could have been done better.", "I wouldn't change a thing",
     "Cannot think of anything to improve this ward.", "No complaints at all. Staff friendly.",
     "Nothing to report", "Keep up the good work", "Couldn't fault anything",
     "Rien, le personnel était super", "Rien à signaler, merci", "Je ne vois rien à améliorer.",
     "All good, nothing to add", "Nothing, carry on as you are", "Not that I can think of",
     "I can't think of anything you could improve", "Can't think of anything to be honest"],
)  # fmt: skip
def test_an_opening_of_nothing_then_approval_says_nothing(text):
    assert says_nothing(normalise_text(text))
    assert not is_non_answer(normalise_text(text)) or says_only_nothing(normalise_text(text))


@pytest.mark.parametrize(
    "text",
    ["Nothing, but the parking is tight", "None. Soggy toast.", "Nothing was explained to me",
     "Nothing works on the website", "None of the staff helped", "No, thank you.",
     "Nothing, apart from the food.", "Nothing really, the wait was far too long",
     "No. Staff were rude", "Nothing to do and nothing to read on the ward",
     "Nothing. I wouldn't ring again.", "Couldn't have been better", "Can't fault the care",
     "No parking anywhere near, great staff though", "Rien, mais l'attente est trop longue",
     "Nothing is ever on time.", "Nothing was done about my complaint.", "Nothing but complaints",
     "There's nothing good about the car park", "Nothing positive to say", "Nothing went well",
     "There's nothing better than being ignored for hours", "Nothing, thanks for nothing",
     "Nothing could have been better, excellent care", "Parking is terrible, nothing else"],
)  # fmt: skip
def test_a_suggestion_complaint_or_praise_of_something_is_themed_by_what_it_says(text):
    assert not says_nothing(normalise_text(text))


def test_too_few_answers_of_nothing_fall_back_to_what_else_they_say():
    answers = [f"Parking near office {i} is impossible" for i in range(60)]
    texts = answers + ["Nothing.", "Nothing, the staff at the counter were great"]
    prepared = prepare_texts(texts)
    assert prepared.nothing == []
    assert prepared.flags[60].non_answer  # only "nothing": nothing to theme
    assert not prepared.flags[61].non_answer  # themed as praise of the counter staff
    assert 61 in prepared.fit_indices
