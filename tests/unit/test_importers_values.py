"""Reading single answers: dates, satisfaction, consent, channel, who is responding."""

from __future__ import annotations

import pytest

from engage.importers.dates import DateReader, parse_date, slash_order
from engage.importers.values import (
    read_channel,
    read_consent,
    read_postal_area,
    read_respondent_type,
    read_satisfaction,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026-03-14 09:12:45", "2026-03-14T09:12:45"),
        ("2026-03-14", "2026-03-14"),
        ("2026-03-14T09:12:45", "2026-03-14T09:12:45"),
        ("2026-03-14T14:12:45Z", "2026-03-14T14:12:45"),
        ("2026-03-14T09:12:45-05:00", "2026-03-14T14:12:45"),  # offsets become UTC
        ("2026-03-14T09:12:45.123", "2026-03-14T09:12:45"),
        ("14/03/2026", "2026-03-14"),
        ("03/14/2026", "2026-03-14"),
        ("3/14/2026 9:12 PM", "2026-03-14T21:12:00"),
        ("14.03.2026", "2026-03-14"),
        ("2026/03/14", "2026-03-14"),
        ("March 14, 2026", "2026-03-14"),
        ("Mar. 14 2026", "2026-03-14"),
        ("14 March 2026", "2026-03-14"),
        ("14 mars 2026", "2026-03-14"),
        ("1er février 2026", "2026-02-01"),
        ("05/05/2026", "2026-05-05"),  # same either way
        ("14-Mar-2026", "2026-03-14"),
        ("14-Mar-26", "2026-03-14"),  # Excel's d-mmm-yy
        ("2026-3-14", "2026-03-14"),
        ("2026-03-14 9:12", "2026-03-14T09:12:00"),
    ],
)
def test_common_date_formats_read_as_iso(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text", ["03/04/2026", "2026-02-30", "31/31/2026", "soon", "14 Smarch 2026", "13:00"]
)
def test_ambiguous_or_impossible_dates_are_refused(text: str) -> None:
    assert parse_date(text) is None


def test_a_column_settles_day_month_order_for_its_ambiguous_dates() -> None:
    assert slash_order(["14/03/2026", "03/04/2026"]) is True
    assert slash_order(["03/14/2026", "03/04/2026"]) is False
    assert slash_order(["03/04/2026"]) is None
    assert slash_order(["14/03/2026", "03/14/2026"]) is None  # contradictory: no rule
    day_first = DateReader("Date", ["14/03/2026", "03/04/2026"])
    assert day_first.read("03/04/2026") == ("2026-04-03", None)
    month_first = DateReader("Date", ["03/14/2026", "03/04/2026"])
    assert month_first.read("03/04/2026") == ("2026-03-04", None)


def test_date_reader_reports_blank_and_bad_values() -> None:
    reader = DateReader("Date")
    assert reader.read("  ") == (None, None)
    assert reader.read("sometime") == (
        None,
        "bad date 'sometime' in column 'Date' (use YYYY-MM-DD)",
    )


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("4", 4), ("4.0", 4), ("4 - Satisfied", 4), ("5 = very satisfied", 5), ("3/5", 3),
        ("1 (very dissatisfied)", 1), ("Very satisfied", 5), ("Satisfied", 4),
        ("Neutral", 3), ("Neither satisfied nor dissatisfied", 3), ("Dissatisfied", 2),
        ("Very dissatisfied", 1), ("Très satisfait", 5), ("insatisfait", 2),
    ],
)  # fmt: skip
def test_satisfaction_answers_read_as_one_to_five(text: str, score: int) -> None:
    assert read_satisfaction(text) == score


@pytest.mark.parametrize("text", ["9", "0", "45", "4.5", "great", "-1", "6 - amazing"])
def test_satisfaction_outside_one_to_five_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        read_satisfaction(text)


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("Yes", True), ("y", True), ("TRUE", True), ("1", True), ("1.0", True), ("Oui", True),
        ("I agree", True), ("Agree", True), ("Yes, you may quote me", True),
        ("No", False), ("n", False), ("false", False), ("0", False), ("Non", False),
        ("No, please do not", False), ("N/A", False), ("I do not agree", False),
    ],
)  # fmt: skip
def test_consent_answers(text: str, consent: bool) -> None:
    assert read_consent(text) is consent


@pytest.mark.parametrize("text", ["maybe", "ask me later", "2"])
def test_unclear_consent_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        read_consent(text)


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("In person", "in_person"), ("in-person", "in_person"), ("Counter", "in_person"),
        ("in_person", "in_person"), ("Web", "online"), ("Website", "online"),
        ("Telephone", "phone"), ("Call", "phone"), ("Social media", "social"),
        ("Facebook", "social"), ("Twitter", "social"), ("Online survey", "survey"),
        ("Kiosk", "kiosk"), ("Canada Post", "mail"), ("E-mail", "email"), ("Courriel", "email"),
        ("En personne", "in_person"), ("Téléphone", "phone"),
    ],
)  # fmt: skip
def test_channels_normalise_to_the_domain_list(text: str, channel: str) -> None:
    assert read_channel(text) == channel


def test_unknown_channel_is_refused() -> None:
    with pytest.raises(ValueError):
        read_channel("carrier pigeon")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Individual", "individual"), ("On behalf of an organisation", "organisation"),
        ("On behalf of an organization (e.g. a charity)", "organisation"),
        ("Front-line staff", "staff"), ("Community partner", "partner"),
        ("Other", "other"), ("Retired  Teacher", "retired teacher"),
    ],
)  # fmt: skip
def test_respondent_types_normalise_and_unknown_ones_stay_lowercased(text: str, kind: str) -> None:
    assert read_respondent_type(text) == kind


def test_postal_codes_keep_only_the_forward_sortation_area() -> None:
    assert read_postal_area("k1a 0b1") == "K1A"
    assert read_postal_area("P3A") == "P3A"
    assert read_postal_area(" Downtown  core") == "Downtown core"
