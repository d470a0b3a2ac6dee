"""Reading survey exports and feedback logs: encodings, delimiters, workbooks, JSON."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from engage.errors import DataError, UserError
from engage.importers import read_table
from engage.importers.sniff import decode_export, sniff_delimiter

DATA = Path(__file__).parent.parent / "data"
SUDBURY = "Le délai d’attente au centre de Sudbury était trop long."


def column(name: str, file: str, **kwargs: str) -> list[str]:
    return read_table(DATA / file, **kwargs)[name].tolist()


@pytest.mark.parametrize("file", ["utf8.csv", "utf8_bom.csv"])
def test_utf8_exports_read_with_accents_and_na_kept_as_text(file: str) -> None:
    df = read_table(DATA / file)
    assert list(df.columns)[0] == "Submission ID"  # no BOM glued to the first header
    assert df["Comment"].tolist() == [
        SUDBURY,
        "Please add evening hours on Thursdays so working parents can come.",
        "NA",
    ]
    assert df["Organisation"].tolist() == ["", "Lakehead Seniors Network", ""]
    assert all(isinstance(cell, str) for cell in df.to_numpy().ravel())


def test_cp1252_export_reads_accents_apostrophes_and_guillemets() -> None:
    df = read_table(DATA / "cp1252.csv")
    assert list(df.columns) == ["Date", "Collectivité", "Commentaire"]
    assert df["Commentaire"].tolist() == [
        "Le service à Timmins était excellent, merci à l’équipe!",
        "« Trop d’attente » au comptoir de Hearst, surtout le lundi.",
    ]


def test_blank_rows_between_records_are_dropped() -> None:
    df = read_table(DATA / "blank_lines.csv")
    assert df["Community"].tolist() == ["Barrie", "Orillia", "Midland"]
    assert list(df.index) == [0, 1, 2]


def test_quoted_cells_keep_newlines_doubled_quotes_and_commas() -> None:
    assert column("Comment", "quoted_newlines.csv") == [
        "First line of my answer.\nSecond line, after a break.",
        'The sign says "take a number", but there are no numbers.',
        "Hours, parking, and signage, in that order.",
    ]


def test_a_ten_thousand_character_cell_is_read_whole() -> None:
    comments = column("Comment", "long_cell.csv")
    assert len(comments[0]) == 10_000
    assert comments[0].startswith("Wait times at the counter")
    assert comments[1] == "A short answer about the accessible entrance at the back."


def test_semicolon_export_is_sniffed() -> None:
    df = read_table(DATA / "semicolon.csv")
    assert list(df.columns) == ["Date", "Collectivité", "Commentaire", "Satisfaction"]
    assert df["Commentaire"].tolist()[0] == "Le formulaire en ligne, trop long, m’a découragé."


def test_tsv_extension_reads_tabs(tmp_path: Path) -> None:
    path = tmp_path / "log.tsv"
    path.write_text("Date\tComment\n2026-03-01\tToo long, far too long\n", encoding="utf-8")
    assert read_table(path)["Comment"].tolist() == ["Too long, far too long"]


def test_workbook_first_sheet_with_dates_numbers_and_blank_row() -> None:
    df = read_table(DATA / "sample.xlsx")
    assert list(df.columns) == ["Received", "Community", "Comment", "Satisfaction", "Consent"]
    assert df["Received"].tolist() == ["2026-03-14 09:12:45", "2026-03-15", "2026-03-16"]
    assert df["Satisfaction"].tolist() == ["5", "2", "4"]
    assert df["Consent"].tolist() == ["Yes", "No", ""]
    assert df["Comment"].tolist()[2] == "Café-style seating would be nicer."


def test_workbook_named_sheet_and_unknown_sheet() -> None:
    assert column("Note", "sample.xlsx", sheet="Notes")[0].startswith("Exported from")
    with pytest.raises(UserError, match="no sheet 'Answers'.*Responses, Notes"):
        read_table(DATA / "sample.xlsx", sheet="Answers")


@pytest.mark.parametrize("file", ["sample.json", "sample.jsonl"])
def test_json_and_json_lines_read_as_text_cells(file: str) -> None:
    df = read_table(DATA / file)
    assert list(df.columns) == [
        "received_at", "community", "comment", "satisfaction", "consent", "tags", "partner"
    ]  # fmt: skip
    assert df["comment"].tolist()[1] == "Great help renewing my licence — thank you, Amélie!"
    assert df["satisfaction"].tolist() == ["2", ""]
    assert df["consent"].tolist() == ["true", "false"]
    assert df["tags"].tolist() == ['["phone", "menu"]', ""]
    assert df["partner"].tolist() == ["", "Windsor Youth Hub"]


def test_duplicate_and_blank_headers_are_made_unique(tmp_path: Path) -> None:
    path = tmp_path / "dupes.csv"
    path.write_text(" Comment ,Comment,,Extra\nfirst,second,third,\n", encoding="utf-8")
    df = read_table(path)
    assert list(df.columns) == ["Comment", "Comment (2)", "column 3", "Extra"]
    assert df.iloc[0].tolist() == ["first", "second", "third", ""]


def test_blank_unnamed_trailing_columns_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "trailing.csv"
    path.write_text("Date,Comment,,\n2026-03-01,Fine service,,\n", encoding="utf-8")
    assert list(read_table(path).columns) == ["Date", "Comment"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "survey.pdf",
            b"%PDF-1.4",
            r"cannot read survey\.pdf: unsupported file type \.pdf \(use CSV",
        ),
        ("old.xls", b"\xd0\xcf\x11\xe0", r"old Excel \.xls.*save it as \.xlsx"),
        ("notes", b"x", "unsupported file type with no extension"),
        ("empty.csv", b"", r"cannot read empty\.csv: the file is empty"),
        ("blank.csv", b"\n \n\n", "the file is empty"),
        ("header.csv", b"Date,Comment\n,\n", "it has no responses, only a header"),
        ("none.json", b"[]", "it has no responses"),
        ("ragged.csv", b"a,b\n1,2\n3,4,5\n", r"line 3 has 3 fields but the header has 2"),
        ("broken.json", b'[{"a": 1},', r"invalid JSON at line 1"),
        ("object.json", b'{"a": 1}', "expected a JSON list of objects"),
        ("lines.jsonl", b'{"a": 1}\n[1]\n', "line 2 is not a JSON object"),
        ("garbled.jsonl", b'{"a": 1}\n{oops\n', "line 2 is not valid JSON"),
        ("fake.xlsx", b"not a zip", "not a valid Excel workbook"),
    ],
)
def test_unreadable_files_say_what_is_wrong_on_one_line(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError, match=message) as caught:
        read_table(path)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"cannot read gone\.csv: file not found"):
        read_table(tmp_path / "gone.csv")
    with pytest.raises(DataError, match="it is a folder"):
        read_table(tmp_path)


def test_decoding_prefers_utf8_then_windows_1252() -> None:
    assert decode_export("é".encode()) == ("é", "utf-8")
    assert decode_export(b"\xef\xbb\xbfa") == ("a", "utf-8-sig")
    assert decode_export("« é »".encode("cp1252")) == ("« é »", "cp1252")
    assert decode_export("ab".encode("utf-16")) == ("ab", "utf-16")
    assert decode_export(b"\x81")[1] == "latin-1"


def test_delimiter_sniffing_ignores_delimiters_inside_quotes() -> None:
    assert sniff_delimiter('"Overall, how satisfied";"Comment"\n"4";"Bien, merci"\n') == ";"
    assert sniff_delimiter("a;b,c\n1;2,3\n") == ","  # tie on consistency and width: comma
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter("Comment\nFine\n") == ","


def test_importing_the_package_does_not_import_pandas() -> None:
    code = "import sys, engage.importers; print(sorted({'pandas', 'openpyxl'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_qualtrics_three_header_rows_keep_the_question_text(tmp_path: Path) -> None:
    path = tmp_path / "qualtrics.csv"
    path.write_text(
        "StartDate,EndDate,Q1,Q2\n"
        "Start Date,End Date,What should we change?,Anything else?\n"
        '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}",'
        '"{""ImportId"":""QID1_TEXT""}","{""ImportId"":""QID2_TEXT""}"\n'
        "2026-03-01 09:00:00,2026-03-01 09:05:00,More staff at lunch.,No.\n",
        encoding="utf-8",
    )
    df = read_table(path)
    assert list(df.columns) == [
        "Start Date",
        "End Date",
        "What should we change?",
        "Anything else?",
    ]
    assert df["What should we change?"].tolist() == ["More staff at lunch."]


def test_surveymonkey_two_header_rows_merge_into_one(tmp_path: Path) -> None:
    path = tmp_path / "monkey.csv"
    path.write_text(
        "Respondent ID,Collector ID,Which services did you use?,,Tell us more\n"
        ",,Driver's licence,Health card,Open-Ended Response\n"
        "114,9,Driver's licence,,The photo line was slow.\n",
        encoding="utf-8",
    )
    df = read_table(path)
    assert list(df.columns) == [
        "Respondent ID",
        "Collector ID",
        "Which services did you use? - Driver's licence",
        "Which services did you use? - Health card",
        "Tell us more",
    ]
    assert df["Tell us more"].tolist() == ["The photo line was slow."]


def test_an_ordinary_first_row_is_never_taken_for_a_header(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("Kind,Comment\nResponse,\nResponse,Too slow.\n", encoding="utf-8")
    assert read_table(path)["Kind"].tolist() == ["Response", "Response"]


def test_excel_sep_directive_names_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\r\nDate;Comment\r\n2026-03-01;Bien, merci\r\n", encoding="utf-8")
    df = read_table(path)
    assert df["Comment"].tolist() == ["Bien, merci"]


def test_a_sheet_only_applies_to_workbooks() -> None:
    with pytest.raises(UserError, match="not a workbook"):
        read_table(DATA / "utf8.csv", sheet="Responses")
