"""Planning an import: drafts per answer, bad rows, wide surveys, stable row hashes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from engage.errors import DataError, UserError
from engage.importers import ColumnMapping, detect_mapping, plan_import, read_table
from engage.models import CHANNELS

DATA = Path(__file__).parent.parent / "data"


def plan_file(name: str, **kwargs: str):
    df = read_table(DATA / name)
    return plan_import(df, detect_mapping(df), name, **kwargs)


def frame(**columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns, dtype=str)


def test_one_draft_per_answer_with_the_row_fields_read() -> None:
    plan = plan_file("utf8.csv")
    assert (plan.n_rows, len(plan.drafts), plan.bad_rows, plan.n_blank_answers) == (3, 3, [], 0)
    first, second, third = plan.drafts
    assert first.text == "Le délai d’attente au centre de Sudbury était trop long."
    assert (first.row, first.community, first.channel, first.received_at) == (
        1, "Sudbury", "in_person", "2026-03-14"
    )  # fmt: skip
    assert (first.satisfaction, first.partner_name, first.consent_to_quote) == (2, None, False)
    assert second.partner_name == "Lakehead Seniors Network"
    assert second.channel == "phone"
    assert third.text == "NA"  # a literal "NA" is an answer; theming flags non-answers later
    assert first.raw == {
        "Submission ID": "S-001", "Date": "2026-03-14", "Community": "Sudbury",
        "Organisation": "", "Channel": "In person", "Comment": first.text, "Satisfaction": "2",
    }  # fmt: skip
    assert plan.source_name == "utf8.csv"


def test_realistic_survey_export_explodes_into_one_draft_per_question() -> None:
    plan = plan_file("survey_export.csv")
    assert plan.n_rows == 5
    assert len(plan.drafts) == 8
    assert plan.n_blank_answers == 2
    by_row = [(draft.row, draft.question[:20]) for draft in plan.drafts]
    assert by_row[:3] == [
        (1, "What is the main thi"),
        (1, "Is there anything el"),
        (2, "What is the main thi"),
    ]
    organisation = plan.drafts[2]
    assert organisation.respondent_type == "organisation"
    assert organisation.partner_name == "Sudbury Newcomer Centre"
    assert organisation.consent_to_quote is False
    assert organisation.received_at == "2026-03-02T13:51:09"  # End Date, not Start Date
    staff = plan.drafts[3]
    assert (staff.respondent_type, staff.community, staff.satisfaction) == ("staff", "Timmins", 3)
    assert all(draft.channel is None for draft in plan.drafts)


def test_wide_survey_counts_blank_answers_and_uses_headers_as_questions() -> None:
    plan = plan_file("wide_survey.csv")
    assert plan.n_rows == 4
    assert len(plan.drafts) == 5
    assert plan.n_blank_answers == 7  # "   " counts as blank; row 4 answered nothing
    assert plan.bad_rows == []
    assert [d.question for d in plan.drafts if d.row == 2] == [
        "What should we change first?",
        "Any other comments?",
    ]
    assert {d.row for d in plan.drafts} == {1, 2, 3}
    assert len({d.row_hash for d in plan.drafts}) == 5


def test_single_text_column_takes_its_question_from_the_question_column() -> None:
    df = frame(Question=["Hours", ""], Comment=["Open later on Thursdays.", "Too many forms."])
    plan = plan_import(df, detect_mapping(df), "log.csv")
    assert [d.question for d in plan.drafts] == ["Hours", None]


def test_bad_rows_are_reported_with_row_numbers_and_every_problem() -> None:
    plan = plan_file("bad_rows.csv")
    assert [(bad.row, bad.reason) for bad in plan.bad_rows] == [
        (2, "bad date 'sometime in March' in column 'Date' (use YYYY-MM-DD)"),
        (4, "bad satisfaction '9' in column 'Satisfaction' (use 1 to 5)"),
        (5, "bad date 'not sure' in column 'Date' (use YYYY-MM-DD); "
            "bad satisfaction '11' in column 'Satisfaction' (use 1 to 5)"),
    ]  # fmt: skip
    assert [d.row for d in plan.drafts] == [1, 3]


def test_bad_consent_and_channel_make_bad_rows_but_blank_ones_do_not() -> None:
    df = frame(
        Channel=["Carrier pigeon", "", "Web"],
        Consent=["Yes", "", "Perhaps"],
        Comment=["Loved the new kiosk.", "Lines too long.", "Nice staff."],
    )
    plan = plan_import(df, detect_mapping(df), "log.csv", default_channel="kiosk")
    assert [(bad.row, bad.reason) for bad in plan.bad_rows] == [
        (1, "bad channel 'Carrier pigeon' in column 'Channel' (use one of "
            + ", ".join(CHANNELS) + ")"),
        (3, "bad consent 'Perhaps' in column 'Consent' (use yes or no)"),
    ]  # fmt: skip
    (draft,) = plan.drafts
    assert (draft.channel, draft.consent_to_quote) == ("kiosk", False)


def test_default_channel_applies_when_the_file_has_no_channel_column() -> None:
    plan = plan_file("bad_rows.csv", default_channel="In person")
    assert {d.channel for d in plan.drafts} == {"in_person"}
    with pytest.raises(UserError, match="unknown channel 'fax'"):
        plan_file("bad_rows.csv", default_channel="fax")


def test_postal_area_stands_in_for_a_missing_community() -> None:
    df = frame(
        **{"Postal code": ["K1A 0B1", "P3A 1A1"], "Community": ["", "Sudbury"]},
        Comment=["Hours are fine.", "Need more staff."],
    )
    plan = plan_import(df, detect_mapping(df), "log.csv")
    assert [d.community for d in plan.drafts] == ["K1A", "Sudbury"]


def test_rows_with_no_answer_are_not_errors() -> None:
    df = frame(Date=["2026-03-01", "2026-03-02"], Comment=["", "  Fine service.  "])
    plan = plan_import(df, ColumnMapping({"received_at": "Date"}, ["Comment"]), "log.csv")
    assert (plan.bad_rows, plan.n_blank_answers) == ([], 1)
    assert [(d.row, d.text) for d in plan.drafts] == [(2, "Fine service.")]
    assert plan.preview(1) == plan.drafts[:1]
    assert plan.preview() == plan.drafts


def test_hashes_are_stable_across_reads_and_match_the_canonical_json() -> None:
    first = plan_file("survey_export.csv")
    second = plan_file("survey_export.csv")
    assert [d.row_hash for d in first.drafts] == [d.row_hash for d in second.drafts]
    draft = first.drafts[0]
    canonical = json.dumps(draft.raw, sort_keys=True, ensure_ascii=False)
    expected = hashlib.sha256(f"{canonical}\n0\n{draft.question}".encode()).hexdigest()
    assert draft.row_hash == expected


def test_hashes_do_not_depend_on_the_file_name_or_on_rows_added_later() -> None:
    df = frame(Comment=["Too slow.", "Friendly staff."])
    longer = frame(Comment=["Too slow.", "Friendly staff.", "New answer."])
    mapping = ColumnMapping(text_columns=["Comment"])
    before = [d.row_hash for d in plan_import(df, mapping, "a.csv").drafts]
    after = [d.row_hash for d in plan_import(longer, mapping, "b.csv").drafts]
    assert after[:2] == before


def test_identical_rows_are_both_kept_with_different_hashes() -> None:
    df = frame(Comment=["Please open on Saturdays.", "Please open on Saturdays.", "Other."])
    plan = plan_import(df, ColumnMapping(text_columns=["Comment"]), "campaign.csv")
    assert [d.row for d in plan.drafts] == [1, 2, 3]
    assert len({d.row_hash for d in plan.drafts}) == 3
    again = plan_import(df, ColumnMapping(text_columns=["Comment"]), "campaign.csv")
    assert [d.row_hash for d in again.drafts] == [d.row_hash for d in plan.drafts]


def test_mapping_that_names_missing_columns_is_refused() -> None:
    df = frame(Comment=["Fine."])
    with pytest.raises(DataError, match=r"log\.csv: no column 'Date'"):
        plan_import(df, ColumnMapping({"received_at": "Date"}, ["Comment"]), "log.csv")
    with pytest.raises(DataError, match="no free-text column"):
        plan_import(df, ColumnMapping(), "log.csv")


def test_frames_not_read_by_read_table_are_accepted() -> None:
    df = pd.DataFrame({"Comment": ["Good.", None, float("nan")], "Rating": [4, 5, None]})
    plan = plan_import(df, ColumnMapping({"satisfaction": "Rating"}, ["Comment"]), "memory")
    assert [(d.text, d.satisfaction) for d in plan.drafts] == [("Good.", 4)]
    assert plan.drafts[0].raw == {"Comment": "Good.", "Rating": "4.0"}


def test_each_sample_file_plans_without_errors() -> None:
    expected = {
        "utf8.csv": 3, "utf8_bom.csv": 3, "cp1252.csv": 2, "blank_lines.csv": 3,
        "quoted_newlines.csv": 3, "long_cell.csv": 2, "semicolon.csv": 2, "sample.xlsx": 3,
        "sample.json": 2, "sample.jsonl": 2,
    }  # fmt: skip
    for name, drafts in expected.items():
        plan = plan_file(name)
        assert (name, len(plan.drafts), plan.bad_rows) == (name, drafts, [])
    long_plan = plan_file("long_cell.csv")
    assert len(long_plan.drafts[0].text) == 10_000
    workbook = plan_file("sample.xlsx")
    assert [d.received_at for d in workbook.drafts] == [
        "2026-03-14T09:12:45", "2026-03-15", "2026-03-16"
    ]  # fmt: skip
    assert [d.consent_to_quote for d in workbook.drafts] == [True, False, False]
    assert plan_file("semicolon.csv").drafts[0].received_at == "2026-03-14"


def test_one_hundred_thousand_rows_all_plan_with_their_own_values() -> None:
    """How fast is measured by bench/import.py; here, every row of a large file comes through."""
    n = 100_000
    df = pd.DataFrame(
        {
            "Response ID": [f"R_{i:06d}" for i in range(n)],
            "Date": [f"2026-03-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00" for i in range(n)],
            "Community": [("Sudbury", "Ottawa", "Timmins")[i % 3] for i in range(n)],
            "Channel": [("In person", "Phone", "Online", "")[i % 4] for i in range(n)],
            "Satisfaction": [str(1 + i % 5) for i in range(n)],
            "Consent": [("Yes", "No", "")[i % 3] for i in range(n)],
            "Comment": [f"Answer number {i} about waiting at the counter." for i in range(n)],
        },
        dtype=str,
    )
    mapping = detect_mapping(df)
    plan = plan_import(df, mapping, "big.csv")
    assert len(plan.drafts) == n and plan.bad_rows == []
    last = plan.drafts[-1]
    assert (last.row, last.text) == (n, "Answer number 99999 about waiting at the counter.")
    assert (last.community, last.received_at) == ("Sudbury", "2026-03-12T15:39:00")
    assert (last.satisfaction, last.consent_to_quote) == (5, True)
    assert len({draft.row_hash for draft in plan.drafts}) == n
