"""Damaged and hostile inputs are refused in one line, read in bounded memory, and lose
nothing."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import textwrap
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from engage.db import open_db
from engage.db.consultations import ConsultationFields, add_consultation
from engage.db.maintenance import backup, check_file
from engage.errors import DataError, EngageError, UserError
from engage.importers import read_table
from engage.importers.sniff import decode_export
from engage.services.imports import import_file, importing


def _workbook(path: Path, far_cell: str | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["B1"] = "Comments", "Comments"
    sheet["A2"], sheet["B2"] = "Too slow", "Parking is hard"
    if far_cell:
        sheet[far_cell] = "stray"
    workbook.save(path)
    return path


def _declare_dimension(path: Path, ref: str) -> None:
    """Rewrite the sheet's declared size, as a hand-edited or hostile file would."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', sheet
    ).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _peak_megabytes(function) -> float:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_a_workbook_with_a_cell_at_the_far_corner_is_refused_in_bounded_memory(tmp_path):
    path = _workbook(tmp_path / "far.xlsx", far_cell="XFD1048576")
    problems = []

    def read():
        try:
            read_table(path)
        except DataError as error:
            problems.append(str(error))

    assert _peak_megabytes(read) < 100
    assert len(problems) == 1 and "beyond row" in problems[0] and "\n" not in problems[0]


def test_a_workbook_declaring_a_huge_size_is_read_as_the_cells_it_has(tmp_path):
    path = _workbook(tmp_path / "declared.xlsx")
    _declare_dimension(path, "A1:XFD1048576")
    frames = []
    assert _peak_megabytes(lambda: frames.append(read_table(path))) < 100
    assert frames[0].shape == (1, 2)


def test_duplicate_column_names_are_both_imported(tmp_path, fresh_db, consultation):
    path = _workbook(tmp_path / "twice.xlsx")
    report = import_file(fresh_db, path, consultation["id"])
    texts = sorted(r[0] for r in fresh_db.execute("SELECT text_redacted FROM submissions"))
    assert report.new == 2
    assert texts == ["Parking is hard", "Too slow"]
    csv_path = tmp_path / "twice.csv"
    csv_path.write_text("Comments,Comments\nLines are long,Staff were kind\n", encoding="utf-8")
    import_file(fresh_db, csv_path, consultation["id"])
    assert fresh_db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 4


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_deeply_nested_json_is_refused_in_one_line(tmp_path, suffix):
    path = tmp_path / f"deep{suffix}"
    nested = "[" * 100_000 + "]" * 100_000
    body = f'{{"Comments": "ok", "extra": {nested}}}'
    path.write_text(f"[{body}]" if suffix == ".json" else body + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="nested too deeply") as refused:
        read_table(path)
    assert "\n" not in str(refused.value)


def test_nul_and_control_characters_are_stripped_on_import_and_kept_in_the_raw_row(
    tmp_path, fresh_db, consultation
):
    path = tmp_path / "controls.csv"
    path.write_bytes(b'Comments\n"Slow\x00 line \x1b[31mred\x1b[0m and a bell\x07"\n')
    import_file(fresh_db, path, consultation["id"])
    original, redacted, raw = fresh_db.execute(
        "SELECT text_original, text_redacted, raw_json FROM submissions"
    ).fetchone()
    assert original == redacted == "Slow line [31mred[0m and a bell"
    assert json.loads(raw)["Comments"] == "Slow\x00 line \x1b[31mred\x1b[0m and a bell\x07"


def test_a_csv_mixing_utf8_and_windows_1252_lines_is_decoded_line_by_line():
    data = "Comments\nCafé fermé\n".encode() + "Très lent à l'accueil\n".encode("cp1252")
    text, encoding = decode_export(data)
    assert text == "Comments\nCafé fermé\nTrès lent à l'accueil\n"
    assert encoding == "mixed cp1252/utf-8"


def test_the_same_file_imported_twice_at_once_is_refused_and_adds_nothing_twice(
    tmp_path, fresh_db, consultation
):
    path = tmp_path / "survey.csv"
    path.write_text("Comments\nToo slow\nParking\n", encoding="utf-8")
    # another import of it holds the lock
    with importing(fresh_db, path), pytest.raises(UserError, match="already being imported"):
        import_file(fresh_db, path, consultation["id"])
    assert import_file(fresh_db, path, consultation["id"]).new == 2
    assert import_file(fresh_db, path, consultation["id"]).new == 0


IMPORTER = textwrap.dedent(
    """
    import sys
    from engage.db import open_db
    from engage.services.imports import import_file
    from engage.errors import UserError
    db = open_db(sys.argv[1])
    try:
        print(import_file(db, sys.argv[2], sys.argv[3]).new)
    except UserError as error:
        print("refused", error)
    """
)


def test_two_processes_importing_the_same_file_store_it_once(tmp_path, fresh_db, consultation):
    path = tmp_path / "big.csv"
    path.write_text("Comments\n" + "".join(f"Answer number {i}\n" for i in range(20_000)))
    database = fresh_db.execute("PRAGMA database_list").fetchone()[2]
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, database, str(path), consultation["id"]],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = sorted(run.communicate(timeout=300)[0].strip() for run in runs)
    assert fresh_db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 20_000
    assert outputs[0] in ("0", "20000") or outputs[0].startswith("refused")
    assert "20000" in outputs


def test_a_full_disk_during_import_writes_nothing(tmp_path, fresh_db, consultation):
    path = tmp_path / "survey.csv"
    path.write_text("Comments\n" + "".join(f"Answer {i} " * 20 + "\n" for i in range(3000)))
    pages = fresh_db.execute("PRAGMA page_count").fetchone()[0]
    fresh_db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up
    with pytest.raises(sqlite3.OperationalError, match="full"):
        import_file(fresh_db, path, consultation["id"])
    fresh_db.execute("PRAGMA max_page_count = 1073741823")
    assert fresh_db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 0
    assert fresh_db.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 0


# --- the database file ------------------------------------------------------------------------


def _damaged(tmp_path: Path, name: str = "damaged.db") -> Path:
    path = tmp_path / name
    db = open_db(path)
    consultation = add_consultation(db, ConsultationFields(title="Hours"))
    csv_path = tmp_path / f"{name}.csv"
    csv_path.write_text("Comments\n" + "".join(f"Answer {i} " * 30 + "\n" for i in range(2000)))
    import_file(db, csv_path, consultation["id"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16384] = b"\xde\xad" * 8192
    path.write_bytes(bytes(data))
    return path


def test_check_reports_a_damaged_file_instead_of_failing(tmp_path):
    result = check_file(_damaged(tmp_path))
    assert result["ok"] is False
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 200)
    result = check_file(garbage)
    assert result["ok"] is False and "damaged" in result["integrity"][0]


def test_backup_refuses_a_damaged_database_and_keeps_the_good_backup(tmp_path):
    good = tmp_path / "office.db"
    db = open_db(good)
    add_consultation(db, ConsultationFields(title="Hours"))
    kept = tmp_path / "backups" / "office-backup.db"
    backup(db, kept)
    db.close()
    before = kept.read_bytes()
    damaged = open_db(_damaged(tmp_path), migrate=False)
    with pytest.raises(EngageError, match="damaged"):
        backup(damaged, kept, force=True)
    assert kept.read_bytes() == before
    assert sorted(p.name for p in kept.parent.iterdir()) == ["office-backup.db"]


def test_a_backup_is_checked_before_it_replaces_anything(tmp_path, monkeypatch):
    from engage.db import maintenance

    db = open_db(tmp_path / "office.db")
    add_consultation(db, ConsultationFields(title="Hours"))
    kept = tmp_path / "office-backup.db"
    backup(db, kept)
    before = kept.read_bytes()
    real_copy = maintenance._copy_checked

    def corrupting_copy(db, partial, target):
        real_copy(db, partial, target)
        data = bytearray(partial.read_bytes())
        data[200:4096] = b"\xff" * 3896  # the copy went bad on its way to the disk
        partial.write_bytes(bytes(data))
        raise UserError(f"the copy did not check out; {target} was left as it was")

    monkeypatch.setattr(maintenance, "_copy_checked", corrupting_copy)
    with pytest.raises(UserError, match="did not check out"):
        backup(db, kept, force=True)
    assert kept.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    db.close()
