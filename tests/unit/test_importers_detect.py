"""Recognising which column feeds which field, and ``--map`` overrides."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from engage.cli.imports import parse_map_options
from engage.errors import NoTextColumn, UserError
from engage.importers import FIELDS, ColumnMapping, detect_mapping, read_table

DATA = Path(__file__).parent.parent / "data"
CHANGE = "What is the main thing we should change about how you get service from us?"
ANYTHING_ELSE = "Is there anything else you would like to tell us?"
SATISFIED = (
    "Overall, how satisfied were you with your most recent visit? "
    "(1 = very dissatisfied, 5 = very satisfied)"
)
QUOTE = "May we quote your comments (without your name) in our public report?"


def frame(**columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns, dtype=str)


def test_realistic_survey_export_header_set() -> None:
    mapping = detect_mapping(read_table(DATA / "survey_export.csv"))
    assert mapping.text_columns == [CHANGE, ANYTHING_ELSE]
    assert mapping.fields == {
        "received_at": "End Date",
        "community": "Which service centre did you visit most recently?",
        "postal_area": "First three characters of your postal code",
        "respondent_type": "Are you responding as...",
        "partner": "Organisation name (if applicable)",
        "satisfaction": SATISFIED,
        "consent_to_quote": QUOTE,
    }
    assert mapping.unmapped == [
        "Response ID",
        "Start Date",
        "Response Status",
        "Preferred language",
    ]
    assert mapping.ignored == []
    assert mapping.role_of(CHANGE) == "text"
    assert mapping.role_of("End Date") == "received_at"
    assert mapping.role_of("Response ID") is None


def test_short_feedback_log_headers_in_english_and_french() -> None:
    df = frame(
        Org=["Food Bank", "Legal Clinic"],
        Role=["Partner", "Individual"],
        Ville=["Sudbury", "Hearst"],
        FSA=["P3A", "P0L"],
        Source=["Facebook", "Counter"],
        Timestamp=["2026-03-01 10:00:00", "2026-03-02 11:00:00"],
        Rating=["4", "5"],
        Permission=["yes", "no"],
        Question=["Q1", "Q1"],
        Session=["Town hall", "Town hall"],
        Commentaires=["Trop d'attente au comptoir le lundi matin.", "Service rapide et poli."],
    )
    mapping = detect_mapping(df)
    assert mapping.fields == {
        "partner": "Org", "respondent_type": "Role", "community": "Ville", "postal_area": "FSA",
        "channel": "Source", "received_at": "Timestamp", "satisfaction": "Rating",
        "consent_to_quote": "Permission", "question": "Question", "session": "Session",
    }  # fmt: skip
    assert mapping.text_columns == ["Commentaires"]


def test_end_date_is_preferred_over_start_date_and_camel_case_headers_read() -> None:
    df = frame(
        StartDate=["2026-03-01 09:00:00"],
        EndDate=["2026-03-01 09:10:00"],
        ResponseId=["R_abc"],
        Feedback=["The wait was short and the staff were friendly."],
    )
    mapping = detect_mapping(df)
    assert mapping.fields == {"received_at": "EndDate"}
    assert mapping.unmapped == ["StartDate", "ResponseId"]


def test_free_text_is_found_by_content_not_just_by_header() -> None:
    df = frame(
        **{
            "Ticket": ["T-1001", "T-1002", "T-1003"],
            "Contact email": ["a@example.ca", "b@example.ca", "c@example.ca"],
            "Language": ["English", "French", "English"],
            "Q7": [
                "Parking is hard to find near the Elm Street office.",
                "Could the forms be available in Ojibwe as well?",
                "Staff were great but the line was out the door.",
            ],
        }
    )
    mapping = detect_mapping(df)
    assert mapping.text_columns == ["Q7"]
    assert mapping.unmapped == ["Ticket", "Contact email", "Language"]


def test_places_named_inside_open_ended_questions_are_not_fields() -> None:
    df = frame(
        **{
            "What could we do better at your local service centre?": [
                "Open on Saturdays.", "More chairs, please.", "Shorter lines at lunch.",
            ],
            "How could our organization improve its website?": [
                "Make the search work.", "Fewer pop-ups.", "Put hours on the front page.",
            ],
        }
    )  # fmt: skip
    mapping = detect_mapping(df)
    assert mapping.fields == {}
    assert len(mapping.text_columns) == 2


def test_dates_postal_codes_and_channels_are_recognised_by_content() -> None:
    df = frame(
        A=["2026-03-01", "2026-03-02"],
        B=["K1A 0B1", "P3A"],
        C=["Phone", "Web"],
        D=["The form asked for my SIN twice.", "Nobody called me back after my visit."],
    )
    mapping = detect_mapping(df)
    assert mapping.fields == {"received_at": "A", "postal_area": "B", "channel": "C"}


def test_a_date_of_birth_is_not_the_date_received() -> None:
    df = frame(
        **{"Date of birth": ["1950-01-01", "1961-02-02"]},
        Comment=["Please call before visiting.", "Great help with my renewal."],
    )
    assert detect_mapping(df).fields == {}


def test_a_column_of_numbers_is_not_a_respondent_type() -> None:
    df = frame(Respondent=["1", "2"], Comment=["Good.", "Slow line but helpful staff."])
    assert "respondent_type" not in detect_mapping(df).fields


def test_bare_consent_inside_a_longer_header_is_not_consent_to_quote() -> None:
    df = frame(
        **{"Do you consent to being contacted for follow-up?": ["Yes", "No"]},
        Comment=["The hold music is far too loud.", "Fine."],
    )
    assert "consent_to_quote" not in detect_mapping(df).fields


def test_overrides_win_and_ignore_removes_a_column() -> None:
    df = read_table(DATA / "survey_export.csv")
    overrides = parse_map_options(
        [
            "Response Status=session",
            f"{ANYTHING_ELSE}=ignore",
            "start date=received_at",  # case-insensitive match of "Start Date"
        ]
    )
    mapping = detect_mapping(df, overrides)
    assert mapping.text_columns == [CHANGE]
    assert mapping.ignored == [ANYTHING_ELSE]
    assert mapping.fields["session"] == "Response Status"
    assert mapping.fields["received_at"] == "Start Date"
    assert "End Date" in mapping.unmapped


def test_override_can_add_a_text_column_detection_missed() -> None:
    df = frame(Date=["2026-03-01"], Code=["A1"], Comment=["Too slow at the counter."])
    mapping = detect_mapping(df, {"Code": "text"})
    assert mapping.text_columns == ["Code", "Comment"]


def test_unknown_override_column_names_the_available_columns() -> None:
    df = frame(Date=["2026-03-01"], Comment=["Too slow at the counter."])
    with pytest.raises(
        UserError, match=r"no column 'Notes' in the file \(columns: Date, Comment\)"
    ):
        detect_mapping(df, {"Notes": "ignore"})


def test_two_columns_overridden_to_one_field_are_refused() -> None:
    df = frame(A=["x"], B=["y"], Comment=["Too slow at the counter."])
    with pytest.raises(UserError, match="both mapped to partner"):
        detect_mapping(df, {"A": "partner", "B": "partner"})


def test_no_free_text_column_names_the_columns_it_looked_at() -> None:
    df = frame(Date=["2026-03-01"], Rating=["4"])
    with pytest.raises(NoTextColumn, match=r"^no free-text column found among: Date, Rating$"):
        detect_mapping(df)


def test_parse_map_options() -> None:
    options = ["Org=partner", "Q3=text", " Notes = ignore ", "Q (1 = low)=Satisfaction"]
    assert parse_map_options(options) == {
        "Org": "partner", "Q3": "text", "Notes": "ignore", "Q (1 = low)": "satisfaction"
    }  # fmt: skip
    assert parse_map_options(["Kind=respondent-type"]) == {"Kind": "respondent_type"}
    assert parse_map_options([]) == {}


@pytest.mark.parametrize("option", ["Org", "=partner", "Org=", "Org=organisation"])
def test_bad_map_options_list_the_valid_fields(option: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_map_options([option])
    assert ", ".join(FIELDS) in str(caught.value)


def test_a_column_mapped_twice_is_refused() -> None:
    with pytest.raises(UserError, match="mapped twice"):
        parse_map_options(["Org=partner", "Org=community"])


def test_column_mapping_defaults() -> None:
    mapping = ColumnMapping()
    assert (mapping.fields, mapping.text_columns, mapping.ignored, mapping.unmapped) == (
        {}, [], [], []
    )  # fmt: skip


def test_frames_with_missing_values_are_profiled_as_blank() -> None:
    df = pd.DataFrame(
        {
            "Date": ["2026-03-01", None, pd.NA],
            "Comment": ["Too slow at the counter today.", pd.NA, "Kind and quick staff, thanks."],
        },
        dtype=object,
    )
    mapping = detect_mapping(df)
    assert (mapping.fields, mapping.text_columns) == ({"received_at": "Date"}, ["Comment"])


def test_one_column_overridden_twice_under_different_spellings_is_refused() -> None:
    df = frame(Org=["Food Bank"], Comment=["Too slow at the counter."])
    with pytest.raises(UserError, match="'Org' is mapped twice"):
        detect_mapping(df, {"Org": "partner", "org": "community"})


def test_an_unanswered_open_question_stays_a_text_column() -> None:
    df = frame(
        **{
            "What should we change?": ["Longer hours on Saturdays.", "More parking spaces."],
            "Is there anything else you would like to tell us?": ["", ""],
            "Notes": ["", ""],
        }
    )
    mapping = detect_mapping(df)
    assert mapping.text_columns == [
        "What should we change?",
        "Is there anything else you would like to tell us?",
    ]
    assert mapping.unmapped == ["Notes"]
