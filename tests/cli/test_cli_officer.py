"""An engagement officer's day through the CLI: partners, consultations, sessions,
submissions, imports, exports, bundles and merges, the database file, and mistakes."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engage.cli.app import app

EMAIL = "jane.doe@example.com"
PII_TEXT = f"Please email me at {EMAIL}, the waiting room is always full"
SURVEY_ANSWERS = 8  # non-empty answers in tests/data/survey_export.csv


def invoke(db: Path | None, *args: str, input: str | None = None, env=None):
    prefix = ["--db", str(db)] if db else []
    return CliRunner().invoke(app, [*prefix, *args], input=input, env=env)


def ok(db: Path | None, *args: str, **kwargs) -> str:
    result = invoke(db, *args, **kwargs)
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(db: Path, *args: str):
    return json.loads(ok(db, *args, "--json"))


def fails(db: Path | None, *args: str) -> str:
    """A user mistake: exit 2 and exactly one line on stderr, no traceback."""
    result = invoke(db, *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    return lines[0]


def count(db: Path, table: str, where: str = "1") -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM [{table}] WHERE {where}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "office.db"


@pytest.fixture
def consultation(db) -> dict:
    return as_json(
        db,
        "consultations",
        "add",
        "Service centre review",
        "--opens",
        "2026-03-01",
        "--closes",
        "2026-06-30",
        "-q",
        "What should we change?",
    )


@pytest.fixture
def partners(db) -> dict:
    added = {}
    for name, kind, sharing in (
        ("Sudbury Newcomer Centre", "community", "provincial"),
        ("Northern Chamber", "business", "internal"),
    ):
        added[name] = as_json(db, "partners", "add", name, "--kind", kind, "--sharing", sharing)
    return added


# --- partners ------------------------------------------------------------------------------


def test_partners_add_list_show_edit_remove(db):
    added = as_json(
        db,
        "partners",
        "add",
        "Ottawa Seniors Network",
        "--kind",
        "advocacy",
        "--community",
        "Ottawa",
        "--influence",
        "4",
        "--interest",
        "5",
        "--sharing",
        "public",
    )
    assert "added partner" in ok(db, "partners", "add", "Lions Club", "--kind", "other")
    listed = as_json(db, "partners", "list")
    assert [p["name"] for p in listed] == ["Lions Club", "Ottawa Seniors Network"]
    seniors = listed[1]
    assert seniors["id"] == added["id"]
    assert (seniors["kind"], seniors["community"], seniors["influence"], seniors["interest"]) == (
        "advocacy",
        "Ottawa",
        4,
        5,
    )
    assert seniors["sharing_consent"] == "public"
    assert {"sessions_attended", "submissions", "created_at", "office"} <= set(seniors)
    table = ok(db, "partners", "list")
    assert "Ottawa Seniors Network" in table and added["id"][:8] in table

    shown = ok(db, "partners", "show", added["id"][:6])
    assert "Ottawa Seniors Network" in shown and "advocacy" in shown

    assert "updated partner" in ok(
        db, "partners", "edit", "ottawa seniors network", "--influence", "2"
    )
    assert as_json(db, "partners", "show", added["id"])["influence"] == 2

    assert "removed partner" in ok(db, "partners", "remove", "Lions Club", "--yes")
    assert [p["name"] for p in as_json(db, "partners", "list")] == ["Ottawa Seniors Network"]


def test_partners_remove_asks_first(db):
    ok(db, "partners", "add", "Lions Club", "--kind", "other")
    result = invoke(db, "partners", "remove", "Lions Club", input="n\n")
    assert result.exit_code == 1
    assert len(as_json(db, "partners", "list")) == 1


def test_partners_edit_with_nothing_to_change_is_a_mistake(db):
    ok(db, "partners", "add", "Lions Club", "--kind", "other")
    assert "nothing to change" in fails(db, "partners", "edit", "Lions Club")


def test_partners_add_refuses_a_duplicate_name(db):
    ok(db, "partners", "add", "Lions Club", "--kind", "other")
    assert "already exists" in fails(db, "partners", "add", "lions club", "--kind", "community")
    assert count(db, "partners") == 1


def write_partner_file(path: Path) -> Path:
    rows = [
        ["name", "kind", "community", "sharing_consent", "contact_name", "contact_email"]
        + ["contact_consent"],
        ["Sudbury Newcomer Centre", "community", "Sudbury", "provincial", "Amina Yusuf"]
        + ["amina@example.org", "yes"],
        ["Northern Chamber", "business", "Timmins", "internal", "", "", ""],
        ["Ottawa Seniors Network", "advocacy", "Ottawa", "public", "Paul Roy", "", "no"],
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_partners_import_adds_partners_and_contacts_once(db, tmp_path):
    file = write_partner_file(tmp_path / "partners.csv")
    out = ok(db, "partners", "import", str(file))
    assert "added 3 partner(s) and 2 contact(s)" in out
    sudbury = as_json(db, "partners", "show", "Sudbury Newcomer Centre")
    assert sudbury["sharing_consent"] == "provincial"
    assert [(c["name"], c["email"], c["consent_to_share"]) for c in sudbury["contacts"]] == [
        ("Amina Yusuf", "amina@example.org", 1)
    ]
    chamber = as_json(db, "partners", "show", "Northern Chamber")
    assert chamber["contacts"] == [] and chamber["sector"] is None
    again = ok(db, "partners", "import", str(file))
    assert "added 0 partner(s)" in again and "3 already registered" in again
    assert count(db, "partners") == 3 and count(db, "contacts") == 2


def test_partners_import_with_a_bad_row_writes_nothing(db, tmp_path):
    file = tmp_path / "partners.csv"
    file.write_text("name,kind\nFood Bank,community\nMystery Group,charity\n", encoding="utf-8")
    line = fails(db, "partners", "import", str(file))
    assert "row 2" in line and "nothing was written" in line
    assert count(db, "partners") == 0


# --- consultations and sessions ----------------------------------------------------------


def test_consultations_add_list_show(db, consultation):
    listed = as_json(db, "consultations", "list")
    assert [(c["id"], c["title"], c["status"]) for c in listed] == [
        (consultation["id"], "Service centre review", "open")
    ]
    shown = as_json(db, "consultations", "show", "service centre review")
    assert shown["questions"] == ["What should we change?"]
    assert (shown["opens_on"], shown["closes_on"]) == ("2026-03-01", "2026-06-30")
    text = ok(db, "consultations", "show", consultation["id"][:5])
    assert "Q1. What should we change?" in text


def test_sessions_log_by_partner_name_then_list_and_show(db, consultation, partners):
    session = as_json(
        db,
        "sessions",
        "log",
        "-c",
        "Service centre review",
        "--date",
        "2026-03-05",
        "--kind",
        "town hall",
        "--channel",
        "in_person",
        "--community",
        "Sudbury",
        "--attendance",
        "42",
        "--invited",
        "Northern Chamber",
        "--attended",
        "Sudbury Newcomer Centre",
    )
    assert (session["kind"], session["channel"]) == ("town_hall", "in_person")
    listed = as_json(db, "sessions", "list", "-c", consultation["id"])
    assert [(s["id"], s["partners_invited"], s["partners_attended"]) for s in listed] == [
        (session["id"], 2, 1)
    ]
    shown = as_json(db, "sessions", "show", session["id"][:6])
    assert {(p["name"], p["invited"], p["attended"]) for p in shown["partners"]} == {
        ("Sudbury Newcomer Centre", 1, 1),
        ("Northern Chamber", 1, 0),
    }
    text = ok(db, "sessions", "show", session["id"])
    assert "Sudbury Newcomer Centre" in text and "42" in text


def test_a_session_with_an_unknown_partner_writes_nothing(db, consultation, partners):
    line = fails(
        db,
        "sessions",
        "log",
        "-c",
        consultation["id"],
        "--date",
        "2026-03-05",
        "--kind",
        "workshop",
        "--channel",
        "online",
        "--invited",
        "Northern Chamber",
        "--attended",
        "Nobody Inc",
    )
    assert "Nobody Inc" in line
    assert count(db, "sessions") == 0 and count(db, "session_partners") == 0


# --- submissions ---------------------------------------------------------------------------


def test_submissions_add_redacts_personal_information(db, consultation):
    out = ok(db, "submissions", "add", PII_TEXT, "-c", "Service centre review", "--consent")
    assert "added submission" in out and "redacted" in out
    assert EMAIL not in out
    listed = ok(db, "submissions", "list")
    assert "waiting" in listed and EMAIL not in listed
    (row,) = as_json(db, "submissions", "list")
    assert EMAIL not in json.dumps(row) and row["consent_to_quote"] == 1
    shown = ok(db, "submissions", "show", row["id"][:6])
    assert EMAIL not in shown
    original = ok(db, "submissions", "show", row["id"], "--show-original")
    assert EMAIL in original
    assert EMAIL in ok(db, "submissions", "list", "--show-original")


def test_submissions_search_show_and_withdraw(db, consultation):
    first = as_json(db, "submissions", "add", "Longer hours on Saturdays", "-c", consultation["id"])
    second = as_json(db, "submissions", "add", PII_TEXT, "-c", consultation["id"])
    found = as_json(db, "submissions", "search", "satur")
    assert [r["id"] for r in found] == [first["id"]]
    assert "no submissions mention" in ok(db, "submissions", "search", "jane")
    assert ok(db, "submissions", "search", "wait").count(second["id"][:8]) == 1

    assert "withdrew submission" in ok(
        db, "submissions", "withdraw", first["id"][:6], "--reason", "asked by the person"
    )
    assert [r["id"] for r in as_json(db, "submissions", "list")] == [second["id"]]
    assert as_json(db, "submissions", "search", "saturdays") == []
    withdrawn = as_json(db, "submissions", "list", "--include-withdrawn")
    assert {r["id"]: r["status"] for r in withdrawn}[first["id"]] == "withdrawn"
    assert as_json(db, "submissions", "show", first["id"])["withdrawn_reason"] == (
        "asked by the person"
    )
    fails(db, "submissions", "withdraw", first["id"])


def test_submissions_filter_by_partner_and_session(db, consultation, partners):
    session = as_json(
        db,
        "sessions",
        "log",
        "-c",
        consultation["id"],
        "--date",
        "2026-03-05",
        "--kind",
        "drop_in",
        "--channel",
        "kiosk",
    )
    heard = as_json(
        db,
        "submissions",
        "add",
        "The kiosk was broken",
        "-c",
        consultation["id"],
        "--session",
        session["id"],
        "--partner",
        "Northern Chamber",
    )
    assert heard["channel"] == "kiosk"  # taken from the session
    as_json(db, "submissions", "add", "Unrelated", "-c", consultation["id"])
    by_partner = as_json(db, "submissions", "list", "--partner", "Northern Chamber")
    assert [r["id"] for r in by_partner] == [heard["id"]]
    by_session = as_json(db, "submissions", "list", "--session", session["id"][:6])
    assert [r["id"] for r in by_session] == [heard["id"]]


# --- importing a survey export -------------------------------------------------------------


def test_import_dry_run_shows_mapping_and_preview_and_writes_nothing(db, consultation, sample_data):
    out = ok(
        db, "import", str(sample_data / "survey_export.csv"), "-c", consultation["id"], "--dry-run"
    )
    assert "-> text" in out and "-> satisfaction" in out
    assert "preview" in out and "Let people book a time slot" in out
    assert f"would add {SURVEY_ANSWERS} submission(s)" in out and "nothing written" in out
    assert count(db, "submissions") == 0 and count(db, "imports") == 0


def test_import_adds_each_answer_once(db, consultation, sample_data, partners):
    file = str(sample_data / "survey_export.csv")
    first = ok(db, "import", file, "-c", "Service centre review")
    assert f"added {SURVEY_ANSWERS} submission(s)" in first
    assert count(db, "submissions") == SURVEY_ANSWERS
    linked = count(db, "submissions", f"partner_id = '{partners['Sudbury Newcomer Centre']['id']}'")
    assert linked == 1  # the organisation column names a registered partner
    second = ok(db, "import", file, "-c", "Service centre review")
    assert "added 0 submission(s)" in second
    assert f"{SURVEY_ANSWERS} already imported" in second
    assert count(db, "submissions") == SURVEY_ANSWERS


def test_import_of_a_file_with_bad_rows_writes_nothing(db, consultation, sample_data):
    line = fails(db, "import", str(sample_data / "bad_rows.csv"), "-c", consultation["id"])
    assert "row 2" in line and "row 4" in line and "--skip-bad" in line
    assert count(db, "submissions") == 0 and count(db, "imports") == 0


def test_import_skip_bad_imports_the_rest_and_lists_what_it_skipped(db, consultation, sample_data):
    out = ok(
        db, "import", str(sample_data / "bad_rows.csv"), "-c", consultation["id"], "--skip-bad"
    )
    assert "skipped row 2" in out and "skipped row 4" in out and "skipped row 5" in out
    assert "added 2 submission(s)" in out
    texts = {r["text_redacted"] for r in as_json(db, "submissions", "list")}
    assert texts == {
        "The new ticket machine is much easier to use.",
        "The website said the office was open, but it was closed.",
    }


def test_import_map_overrides_the_detected_mapping(db, consultation, sample_data):
    report = as_json(
        db,
        "import",
        str(sample_data / "survey_export.csv"),
        "-c",
        consultation["id"],
        "--map",
        "Is there anything else you would like to tell us?=ignore",
        "--map",
        "Preferred language=community",
    )
    assert report["mapping"]["text_columns"] == [
        "What is the main thing we should change about how you get service from us?"
    ]
    assert report["mapping"]["fields"]["community"] == "Preferred language"
    assert report["new"] == 5
    communities = {r["community"] for r in as_json(db, "submissions", "list")}
    assert communities == {"English", "Français"}


# --- exports -------------------------------------------------------------------------------


@pytest.fixture
def heard(db, consultation, partners) -> dict:
    kept = as_json(db, "submissions", "add", PII_TEXT, "-c", consultation["id"])
    gone = as_json(db, "submissions", "add", "Withdrawn comment", "-c", consultation["id"])
    ok(db, "submissions", "withdraw", gone["id"])
    return {"kept": kept, "gone": gone}


def read_back(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True).active
    header, *rows = list(sheet.values)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_submissions_is_redacted_and_leaves_out_withdrawn(db, heard, tmp_path, fmt):
    out = tmp_path / f"submissions.{fmt}"
    assert "wrote 1 submission(s)" in ok(db, "export", "submissions", "-o", str(out), "-f", fmt)
    (row,) = read_back(out)
    assert row["id"] == heard["kept"]["id"]
    assert "waiting room" in row["text_redacted"] and EMAIL not in row["text_redacted"]
    assert "text_original" not in row
    assert EMAIL.encode() not in out.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_submissions_with_originals_on_request(db, heard, tmp_path, fmt):
    out = tmp_path / f"submissions.{fmt}"
    ok(db, "export", "submissions", "-o", str(out), "-f", fmt, "--show-original")
    (row,) = read_back(out)
    assert row["text_original"] == PII_TEXT


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_partners(db, partners, tmp_path, fmt):
    ok(db, "partners", "remove", "Northern Chamber", "--yes")
    out = tmp_path / f"partners.{fmt}"
    assert "wrote 1 partner(s)" in ok(db, "export", "partners", "-o", str(out), "--format", fmt)
    (row,) = read_back(out)
    assert (row["name"], row["kind"], row["sharing_consent"]) == (
        "Sudbury Newcomer Centre",
        "community",
        "provincial",
    )


def test_export_refuses_to_overwrite_without_force(db, heard, tmp_path):
    out = tmp_path / "submissions.csv"
    out.write_text("my own spreadsheet\n", encoding="utf-8")
    assert "already exists" in fails(db, "export", "submissions", "-o", str(out))
    assert out.read_text(encoding="utf-8") == "my own spreadsheet\n"
    ok(db, "export", "submissions", "-o", str(out), "--force")
    assert len(read_back(out)) == 1


def test_export_bundle_then_merge_it_elsewhere(db, heard, tmp_path):
    bundle = tmp_path / "bundle.db"
    out = ok(db, "export", "bundle", str(bundle))
    assert "1 submission(s)" in out and "1 partner(s) (1 withheld" in out
    assert "already exists" in fails(db, "export", "bundle", str(bundle))

    province = tmp_path / "province.db"
    merged = ok(province, "merge", str(bundle))
    assert "1 submissions" in merged and "1 partners" in merged
    assert "nothing new" in ok(province, "merge", str(bundle))
    report = as_json(province, "merge", str(bundle))
    assert report["conflicts"] == [] and set(report["added"].values()) == {0}
    assert count(province, "submissions") == 1
    assert count(province, "submissions", f"text_original LIKE '%{EMAIL}%'") == 0


def test_merge_of_something_that_is_not_engage_is_a_mistake(db, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes\n" * 200, encoding="utf-8")
    assert "not an engage database" in fails(db, "merge", str(notes))


# --- the database file -------------------------------------------------------------------


def test_db_path_backup_and_check(db, heard, tmp_path):
    assert ok(db, "db", "path").strip() == str(db)
    backup = tmp_path / "backups" / "office-backup.db"
    assert "backed up" in ok(db, "db", "backup", str(backup))
    for table in ("partners", "consultations", "submissions", "audit"):
        assert count(backup, table) == count(db, table), table
    assert "already exists" in fails(db, "db", "backup", str(backup))
    check = ok(db, "db", "check")
    assert "integrity: ok" in check and "search index: ok" in check
    assert as_json(db, "db", "check")["ok"] is True
    assert as_json(backup, "db", "check")["ok"] is True


def test_db_check_reports_a_damaged_search_index(db, heard):
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM submissions_fts_data WHERE id > 1")
    conn.commit()
    conn.close()
    result = invoke(db, "db", "check")
    assert result.exit_code == 1
    assert "search index: ok" not in result.stdout


def test_engage_db_env_var_is_used_and_db_option_wins(tmp_path, monkeypatch):
    from_env = tmp_path / "from-env.db"
    from_option = tmp_path / "from-option.db"
    monkeypatch.setenv("ENGAGE_DB", str(from_env))
    assert ok(None, "db", "path").strip() == str(from_env)
    ok(None, "partners", "add", "Lions Club", "--kind", "other")
    assert count(from_env, "partners") == 1
    assert ok(from_option, "db", "path").strip() == str(from_option)
    ok(from_option, "partners", "add", "Food Bank", "--kind", "community")
    assert count(from_option, "partners") == 1 and count(from_env, "partners") == 1


def test_without_db_or_env_the_database_lives_in_engage_home(engage_home):
    assert ok(None, "db", "path").strip() == str(engage_home / "engage.db")


# --- every user mistake: exit 2, one line, nothing written ---------------------------------

MISTAKES = {
    "unknown-partner": ["partners", "show", "Nobody Inc"],
    "unknown-partner-edit": ["partners", "edit", "zzzzzz", "--kind", "other"],
    "unknown-session": ["sessions", "show", "ffffffff"],
    "unknown-submission": ["submissions", "show", "ffffffff"],
    "unknown-consultation": ["submissions", "add", "Hello", "-c", "Nope consultation"],
    "missing-import-file": ["import", "missing.csv", "-c", "Service centre review"],
    "missing-partner-file": ["partners", "import", "missing.csv"],
    "missing-merge-file": ["merge", "missing.db"],
    "bad-opening-date": ["consultations", "add", "Hours", "--opens", "2026-02-30"],
    "closes-before-opens": ["consultations", "add", "Hours", "--opens", "2026-06-01"]
    + ["--closes", "2026-05-01"],
    "bad-session-date": ["sessions", "log", "-c", "Service centre review", "--date", "tomorrow"]
    + ["--kind", "workshop", "--channel", "online"],
    "bad-interaction-date": ["partners", "interaction", "Northern Chamber", "Met", "--date"]
    + ["last week"],
    "rename-to-existing": ["partners", "edit", "Northern Chamber", "--name"]
    + ["Sudbury Newcomer Centre"],
    "bad-kind": ["partners", "add", "Food Bank", "--kind", "charity"],
    "influence-9": ["partners", "add", "Food Bank", "--kind", "community", "--influence", "9"],
    "bad-channel": ["submissions", "add", "Hi", "-c", "Service centre review", "--channel"]
    + ["pigeon"],
    "satisfaction-9": ["submissions", "add", "Hi", "-c", "Service centre review"]
    + ["--satisfaction", "9"],
    "unknown-map-field": ["import", "SURVEY", "-c", "Service centre review", "--map"]
    + ["Preferred language=mood"],
    "unreadable-map": ["import", "SURVEY", "-c", "Service centre review", "--map", "nonsense"],
    "map-missing-column": ["import", "SURVEY", "-c", "Service centre review", "--map"]
    + ["No such column=text"],
    "bad-export-format": ["export", "partners", "-o", "OUT", "-f", "pdf"],
    "search-for-nothing": ["submissions", "search", "?!"],
}


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_user_mistake_is_one_line_exit_2_and_writes_nothing(
    db, consultation, partners, sample_data, tmp_path, mistake
):
    args = [
        str(sample_data / "survey_export.csv")
        if a == "SURVEY"
        else str(tmp_path / "out.csv")
        if a == "OUT"
        else a
        for a in mistake
    ]
    tables = ("partners", "consultations", "sessions", "submissions", "interactions", "audit")
    before = {t: count(db, t) for t in tables}
    fails(db, *args)
    assert {t: count(db, t) for t in tables} == before
    assert not (tmp_path / "out.csv").exists()


def test_a_database_path_that_is_a_folder_is_a_one_line_mistake(tmp_path):
    folder = tmp_path / "not-a-file"
    folder.mkdir()
    result = invoke(None, "partners", "list", env={"ENGAGE_DB": str(folder)})
    assert result.exit_code == 2
    assert "Traceback" not in result.output
