"""Redaction of personal information in feedback, and the consent rules for sharing and quoting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage.errors import UserError
from engage.privacy import (
    PII_KINDS,
    PiiMatch,
    Redaction,
    find_pii,
    quotable,
    redact,
    shares_with,
)

MODEST = settings(max_examples=200, deadline=None)

# --- Examples: (feedback as written, feedback as stored) -------------------------------

EMAILS = [
    ("Write to jane.doe@example.com please", "Write to [EMAIL] please"),
    ("jane+consult@mail.ontario.gov.on.ca", "[EMAIL]"),
    ("Reply to J_Smith99@sub.example.co.uk.", "Reply to [EMAIL]."),
    ("4165550199@example.com", "[EMAIL]"),
]
PHONES = [
    ("Call me at 416-555-0199 today", "Call me at [PHONE] today"),
    ("(416) 555-0199", "[PHONE]"),
    ("416.555.0199", "[PHONE]"),
    ("416 555 0199", "[PHONE]"),
    ("4165550199", "[PHONE]"),
    ("+1 416 555 0199", "[PHONE]"),
    ("1-800-555-0199", "[PHONE]"),
    ("1 (905) 555 0100", "[PHONE]"),
    ("416-555-0199 ext. 204, thanks", "[PHONE], thanks"),
    ("416-555-0199 ext 12", "[PHONE]"),
    ("416-555-0199 x123", "[PHONE]"),
    ("416-555-0199 extension 5", "[PHONE]"),
    ("(416)555-0199 or 905 555 0100.", "[PHONE] or [PHONE]."),
    ("705 - 555 - 0150", "[PHONE]"),
    ("705–555–0151", "[PHONE]"),  # en dashes
    ("705—555—0151", "[PHONE]"),  # em dashes
    ("Call 555-0152 after six", "Call [PHONE] after six"),  # a local number
    ("705-555-0153 poste 22", "[PHONE]"),
]
OBFUSCATED_EMAILS = [
    ("marie at example dot org", "[EMAIL]"),
    ("write to marie [at] example [dot] org", "write to [EMAIL]"),
    ("jean(at)exemple(dot)ca merci", "[EMAIL] merci"),
    ("luc arobase exemple point ca", "[EMAIL]"),
    ("write kim dot lee at example dot com today", "write [EMAIL] today"),  # a spelled mailbox
    ("look at google dot com", "look at google dot com"),  # no mailbox, no address
]
NAMES = [
    ("my name is John Smith", "my name is [NAME]"),
    ("ask for Dr. Patel", "ask for [NAME]"),
    ("Dr Schofield was great", "[NAME] was great"),
    ("Je m'appelle Jean Tremblay", "Je m'appelle [NAME]"),
    ("Mme Gagnon m'a aidé", "[NAME] m'a aidé"),
    ("Natasha and Dr Schofield are amazing", "[NAME] and [NAME] are amazing"),
    ("I spoke to Marie Tremblay yesterday", "I spoke to [NAME] yesterday"),
    ("The nurse Sharon was kind", "The nurse [NAME] was kind"),
]

POSTAL_CODES = [
    ("I live in K1A 0B1.", "I live in [POSTAL_CODE]."),
    ("k1a0b1", "[POSTAL_CODE]"),
    ("M5V-2T6", "[POSTAL_CODE]"),
    ("(P3A 1X9)", "([POSTAL_CODE])"),
]
SINS = [
    ("My SIN is 123 456 782.", "My SIN is [SIN]."),
    ("123-456-782", "[SIN]"),
    ("123456782", "[SIN]"),
    ("SIN:987654324", "SIN:[SIN]"),
    ("SIN 123 456 789", "SIN [SIN]"),  # named as a SIN: no Luhn check needed
    ("046 454 286", "[SIN]"),  # the government's own example starts with 0
    ("812 345 676", "[SIN]"),  # Luhn-valid and SIN-shaped, whatever the first digit
    ("Mon NAS : 046-454-286", "Mon NAS : [SIN]"),
]
HEALTH_CARDS = [
    ("OHIP 1234-567-890", "OHIP [HEALTH_CARD]"),
    ("1234 567 890", "[HEALTH_CARD]"),
    ("1234-567-890-AB", "[HEALTH_CARD]"),
    ("1234 567 890 AB is my card", "[HEALTH_CARD] is my card"),
    ("1234567890AB", "[HEALTH_CARD]"),
    ("1234567890 AB", "[HEALTH_CARD]"),
]
ADDRESSES = [
    ("I live at 120 Main St. in Sudbury", "I live at [ADDRESS] in Sudbury"),
    ("120 Main Street", "[ADDRESS]"),
    ("Je demeure au 243, rue Laurier, North Bay", "Je demeure au [ADDRESS], North Bay"),
    ("au 763, rue des Pins", "au [ADDRESS]"),
    ("12 boulevard Saint-Joseph Est", "[ADDRESS]"),
    ("5 chemin du Lac", "[ADDRESS]"),
    ("12-345 King Street West", "[ADDRESS]"),
    ("Unit 4, 120 Queen St E", "[ADDRESS]"),
    ("#5 120 Bloor St W, Toronto", "[ADDRESS], Toronto"),
    ("100 St. Clair Avenue West", "[ADDRESS]"),
    ("77 Lakeshore Blvd.", "[ADDRESS]"),
    ("9 Sir John A Macdonald Pkwy", "[ADDRESS]"),
    ("1500 O'Connor Dr", "[ADDRESS]"),
    ("25 1st Ave", "[ADDRESS]"),
    ("2201 2nd Line", "[ADDRESS]"),
    ("4321 Highway 7 East", "[ADDRESS]"),
    ("55 MAIN ST", "[ADDRESS]"),
    ("Mail it to PO Box 123", "Mail it to [ADDRESS]"),
    ("P.O. Box 123", "[ADDRESS]"),
    ("RR 2, Tweed", "[ADDRESS], Tweed"),
    ("R.R. #2", "[ADDRESS]"),
    ("I live at 125 main street", "I live at [ADDRESS]"),
    ("120 Main St, Apt 4", "[ADDRESS]"),
    ("45 Maple Grove", "[ADDRESS]"),
    ("88 rue principale", "[ADDRESS]"),
]
MIXED = [
    (
        "Jane (jane@example.ca, 416-555-0199) at 12 Elm Cres, K1A 0B1",
        "Jane ([EMAIL], [PHONE]) at [ADDRESS], [POSTAL_CODE]",
    ),
    ("SIN 123 456 782 and card 1234-567-890-AB", "SIN [SIN] and card [HEALTH_CARD]"),
]
NOT_PII = [
    "I waited 3 hours",
    "J'ai attendu 3 heures au comptoir",
    "Il y a 2 rues de trop a traverser",
    "It took 2 days",
    "I will come back in 2 weeks",
    "45 minutes on hold",
    "5 stars",
    "See page 3",
    "Fill in Form 12",
    "It was the 2nd time I asked",
    "Since 2024 nothing has changed",
    "The fee was $35",
    "It opens at 9:30",
    "Only 40% of calls are answered",
    "Dial 311 or 211",
    "Open 9:00-17:00, 2024-03-15",
    "$1,234,567.00 was spent",
    "123 456 789",  # fails the Luhn check and is not named as a SIN
    "D1A 0B1",  # no postal code starts with D
    "K1A 0B1X",  # not a whole word
    "12345678",  # eight digits
    "Unit 4 is broken",
    "I called 3 Times",
    "Call 811 Health Line for advice",  # a service's phone line, not a rural road
    "I called the 811 health line twice",
    "Will you call me? May I ask? Grant the permit. Hope so. Bill me later.",
    "I hope Will Power and May Day are not names here",
    "Between 200-1000 people came",
    "It cost $555-0152 somehow",
    "Open 8:30-4:30 on March 3, 2025",
    "2 days on the road and 3 blocks down the street",
    "Look at google dot com for the form",
    "The John Howard Society helped us",
    "District Nurse Team visits on Tuesdays",
]


def _cases(*tables: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [case for table in tables for case in table]


@pytest.mark.parametrize(
    ("text", "redacted"),
    _cases(
        EMAILS, OBFUSCATED_EMAILS, PHONES, POSTAL_CODES, SINS, HEALTH_CARDS, ADDRESSES, NAMES, MIXED
    ),
)
def test_redact_replaces_each_piece_of_personal_information(text: str, redacted: str) -> None:
    result = redact(text)
    assert result.text == redacted
    expected_kinds = tuple(sorted({kind for kind in PII_KINDS if f"[{kind}]" in redacted}))
    assert result.kinds == expected_kinds


@pytest.mark.parametrize("text", NOT_PII)
def test_redact_keeps_ordinary_feedback(text: str) -> None:
    assert redact(text) == Redaction(text, ())


def test_find_pii_reports_kind_and_position_in_order() -> None:
    text = "Call 416-555-0199 or a@b.ca"
    assert find_pii(text) == [PiiMatch("PHONE", 5, 17), PiiMatch("EMAIL", 21, 27)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1234567890", "PHONE"),  # ten plain digits without a version code
        ("123-456-7890", "PHONE"),  # grouped 3-3-4
        ("1234-567-890", "HEALTH_CARD"),  # grouped 4-3-3
        ("1234567890AB", "HEALTH_CARD"),
        ("123456782@example.com", "EMAIL"),  # email wins over the SIN inside it
    ],
)
def test_each_span_gets_one_kind(text: str, kind: str) -> None:
    assert find_pii(text) == [PiiMatch(kind, 0, len(text))]


def test_luhn_invalid_sin_does_not_hide_a_phone_after_it() -> None:
    assert redact("123 456 789 0123").text == "123 [PHONE]"


def test_information_that_shows_once_its_neighbour_is_gone_is_also_removed() -> None:
    # "A0A0A0" touches the SIN, so it is not a postal code until the SIN is replaced.
    assert redact("100000009A0A0A0") == Redaction("[SIN][POSTAL_CODE]", ("POSTAL_CODE", "SIN"))


# --- Strategies: personal information as people write it ------------------------------

DIGIT = st.sampled_from("0123456789")
POSTAL_FIRST = "ABCEGHJKLMNPRSTVXY"
POSTAL_OTHER = "ABCEGHJKLMNPRSTVWXYZ"


def _digits(count: int) -> st.SearchStrategy[str]:
    return st.text(DIGIT, min_size=count, max_size=count)


emails = st.builds(
    "{}{}@{}.{}".format,
    st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z0-9]{1,5})?", fullmatch=True),
    st.sampled_from(["", "+consult", "+2024"]),
    st.from_regex(r"[a-z0-9]{1,8}(\.[a-z]{2,6}){0,2}", fullmatch=True),
    st.sampled_from(["ca", "com", "org", "on.ca", "gc.ca"]),
)

PHONE_FORMATS = [
    "{a}-{e}-{n}",
    "({a}) {e}-{n}",
    "{a}.{e}.{n}",
    "{a} {e} {n}",
    "{a}{e}{n}",
    "+1 {a} {e} {n}",
    "1-{a}-{e}-{n}",
    "1 ({a}) {e} {n}",
]
phones = st.builds(
    lambda layout, area, exchange, number, extension: (
        layout.format(a=area, e=exchange, n=number) + extension
    ),
    st.sampled_from(PHONE_FORMATS),
    st.builds(str, st.integers(200, 999)),
    st.builds(str, st.integers(200, 999)),
    _digits(4),
    st.one_of(
        st.just(""),
        st.builds(
            "{}{}".format,
            st.sampled_from([" ext. ", " ext ", " x", " extension "]),
            st.integers(1, 9999),
        ),
    ),
)

postal_codes = st.builds(
    lambda a, b, c, d, e, f, separator, upper: (
        (f"{a}{b}{c}{separator}{d}{e}{f}").upper()
        if upper
        else (f"{a}{b}{c}{separator}{d}{e}{f}").lower()
    ),
    st.sampled_from(POSTAL_FIRST),
    DIGIT,
    st.sampled_from(POSTAL_OTHER),
    DIGIT,
    st.sampled_from(POSTAL_OTHER),
    DIGIT,
    st.sampled_from(["", " ", "-"]),
    st.booleans(),
)


def _luhn_check_digit(partial: str) -> str:
    """The digit that makes ``partial`` + digit pass the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(partial)):
        digit = int(char)
        if index % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str(-total % 10)


def _format_sin(first: str, rest: str, separator: str) -> str:
    number = first + rest + _luhn_check_digit(first + rest)
    return separator.join([number[:3], number[3:6], number[6:]])


sins = st.builds(_format_sin, DIGIT, _digits(7), st.sampled_from(["", " ", "-"]))

health_cards = st.one_of(
    st.builds(
        "{0}{3}{1}{3}{2}{4}".format,
        _digits(4),
        _digits(3),
        _digits(3),
        st.sampled_from([" ", "-"]),
        st.one_of(st.just(""), st.from_regex(r"[ -]?[A-Z]{2}", fullmatch=True)),
    ),
    st.builds("{}{}".format, _digits(10), st.from_regex(r" ?[A-Z]{2}", fullmatch=True)),
)

# fmt: off
STREET_NAMES = [
    "Main", "King", "Queen", "Bloor", "Yonge", "Maple", "Dundas", "O'Connor", "1st", "2nd",
    "Lakeshore", "Elm", "St. Clair", "Sir John A Macdonald",
]
# fmt: on
# fmt: off
STREET_TYPES = [
    "Street", "St", "Avenue", "Ave", "Road", "Rd", "Drive", "Dr", "Boulevard", "Blvd",
    "Crescent", "Cres", "Court", "Ct", "Lane", "Ln", "Way", "Place", "Pl", "Trail", "Trl",
    "Parkway", "Pkwy", "Circle", "Cir", "Terrace", "Square", "Highway", "Hwy", "Line",
    "Sideroad", "Concession",
]
# fmt: on
street_addresses = st.builds(
    "{}{}{} {}{}{}".format,
    st.sampled_from(["", "Unit 4, ", "#5 ", "Suite 200, ", "12-"]),
    st.integers(1, 99999),
    st.sampled_from(["", "A"]),
    st.sampled_from(STREET_NAMES),
    st.sampled_from([f" {street_type}" for street_type in STREET_TYPES]),
    st.sampled_from(["", ".", " W", " East", " N"]),
)
rural_addresses = st.builds(
    "{}{}".format,
    st.sampled_from(["PO Box ", "P.O. Box ", "RR ", "R.R. #", "RR#"]),
    st.integers(1, 9999),
)
addresses = st.one_of(street_addresses, rural_addresses)

PII_BY_KIND = {
    "EMAIL": emails,
    "PHONE": phones,
    "POSTAL_CODE": postal_codes,
    "SIN": sins,
    "HEALTH_CARD": health_cards,
    "ADDRESS": addresses,
}
kinds_and_values = st.one_of(
    *(st.tuples(st.just(kind), values) for kind, values in PII_BY_KIND.items())
)

# fmt: off
FILLER_WORDS = [
    "the", "service", "was", "slow", "and", "staff", "were", "helpful", "please", "call", "me",
    "at", "or", "write", "to", "Thanks", "I", "live", "near", "office", "Ontario", "my",
    "number", "is", "The", "Wait", "Was", "Long", "online", "form",
]
# fmt: on
filler = st.builds(
    "{}{}".format,
    st.lists(st.sampled_from(FILLER_WORDS), max_size=12).map(" ".join),
    st.sampled_from(["", ".", ",", ":", "!"]),
)

# Pieces glued together without spaces, so that values touch each other and odd punctuation.
# fmt: off
TRICKY_PIECES = [
    " ", "-", ".", ",", "(", ")", "+", "#", "@", "x", "ext", "Unit", "PO Box", "RR", "St",
    "Main", "Ave", "W", "AB", "K", "1", "12", "123", "4567", "ca", "a.b",
]
# fmt: on
glued_text = st.lists(
    st.one_of(st.sampled_from(TRICKY_PIECES), kinds_and_values.map(lambda pair: pair[1])),
    max_size=12,
).map("".join)
any_text = st.one_of(st.text(), glued_text)


# --- Properties ---------------------------------------------------------------------


@MODEST
@given(any_text)
def test_redacted_text_holds_nothing_more_to_redact(text: str) -> None:
    redacted = redact(text).text
    assert find_pii(redacted) == []
    assert redact(redacted) == Redaction(redacted, ())


@MODEST
@given(any_text)
def test_matches_are_ordered_disjoint_and_of_known_kinds(text: str) -> None:
    previous_end = 0
    for match in find_pii(text):
        assert match.kind in PII_KINDS
        assert previous_end <= match.start < match.end <= len(text)
        found = text[match.start : match.end]
        assert match.kind in ("NAME", "EMAIL") or any(
            char.isascii() and char.isdigit() for char in found
        )
        previous_end = match.end


@MODEST
@given(st.text(st.characters(exclude_categories=("Nd", "Lu", "Lt"), exclude_characters="@")))
def test_text_without_digits_at_signs_or_capitals_is_unchanged(text: str) -> None:
    assert redact(text) == Redaction(text, ())


@MODEST
@given(filler, kinds_and_values, filler)
def test_personal_information_in_feedback_is_found_and_removed(
    before: str, kind_and_value: tuple[str, str], after: str
) -> None:
    kind, value = kind_and_value
    text = f"{before} {value} {after}"
    start = len(before) + 1
    end = start + len(value)
    assert any(
        match.kind == kind and match.start <= start and end <= match.end for match in find_pii(text)
    ), (kind, value)
    result = redact(text)
    assert kind in result.kinds
    assert value not in result.text
    assert f"[{kind}]" in result.text


ordinary_phrases = st.one_of(
    st.integers(1, 999).map("I waited {} minutes".format),
    st.integers(1, 72).map("{} hours on hold".format),
    st.integers(1, 365).map("{} days".format),
    st.integers(1, 52).map("in {} weeks".format),
    st.integers(0, 99999).map("${}".format),
    st.builds("${:,}.{:02d}".format, st.integers(0, 9_999_999), st.integers(0, 99)),
    st.builds("{}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("{}:{:02d} pm".format, st.integers(1, 12), st.integers(0, 59)),
    st.integers(0, 100).map("{}%".format),
    st.integers(1, 5).map("{} stars".format),
    st.integers(1, 500).map("page {}".format),
    st.integers(1, 999).map("Form {}".format),
    st.integers(1900, 2099).map("in {}".format),
    st.sampled_from(["1st", "2nd", "3rd", "4th", "21st"]).map("the {} time".format),
)


@MODEST
@given(st.lists(ordinary_phrases, min_size=1, max_size=5).map(", ".join))
def test_ordinary_numbers_in_feedback_are_kept(text: str) -> None:
    assert redact(text) == Redaction(text, ())


# --- Consent ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("consent", "audience", "allowed"),
    [
        ("none", "internal", False),
        ("none", "provincial", False),
        ("none", "public", False),
        ("internal", "internal", True),
        ("internal", "provincial", False),
        ("internal", "public", False),
        ("provincial", "internal", True),
        ("provincial", "provincial", True),
        ("provincial", "public", False),
        ("public", "internal", True),
        ("public", "provincial", True),
        ("public", "public", True),
    ],
)
def test_partner_is_shared_only_as_far_as_its_consent_reaches(
    consent: str, audience: str, allowed: bool
) -> None:
    assert shares_with(consent, audience) is allowed


@pytest.mark.parametrize(
    ("consent", "audience"),
    [("everyone", "public"), ("Public", "public"), ("public", "world"), ("public", "none")],
)
def test_unknown_consent_or_audience_is_a_user_error(consent: str, audience: str) -> None:
    with pytest.raises(UserError, match="use one of"):
        shares_with(consent, audience)


@pytest.mark.parametrize(
    ("consent_to_quote", "status", "allowed"),
    [
        (True, "active", True),
        (1, "active", True),
        ("yes", "active", True),
        ("TRUE ", "active", True),
        (False, "active", False),
        (0, "active", False),
        (None, "active", False),
        ("", "active", False),
        ("no", "active", False),
        ("false", "active", False),
        (True, "withdrawn", False),
        (True, "", False),
    ],
)
def test_submission_is_quotable_only_with_consent_while_active(
    consent_to_quote: object, status: str, allowed: bool
) -> None:
    assert quotable(consent_to_quote, status) is allowed


def test_quotable_assumes_an_active_submission() -> None:
    assert quotable(True) is True
    assert quotable(False) is False


# --- What redaction cannot catch (stated in PRIVACY.md) -----------------------------------

NOT_CAUGHT = [
    "Sarah was great at the counter",  # a lone first name with no title, role or phrase
    "the tall man at window 3 was rude",  # a description that points at a person
    "born on 12 March 1961",  # a date of birth
    "my licence is T1234-56789-01234",  # other identity numbers
    "call 020 7946 0958",  # a phone number in a foreign format
    "the blue house past the Main Street bridge",  # an address without a civic number
]


@pytest.mark.parametrize("text", NOT_CAUGHT)
def test_what_redaction_does_not_catch_is_left_as_written(text: str) -> None:
    assert redact(text).text == text
