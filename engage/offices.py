"""Office bundles and merging: how one office's database rolls up into a provincial one.

A bundle is an engage database holding only what may leave the office: partners
whose data-sharing consent is provincial or public (and their consenting
contacts), sessions, consultations and the active submissions with redacted
text only. Merging inserts rows by their global id; where both sides changed a
row, the newest ``updated_at`` wins and the conflict is reported. The themes a
recommendation answers travel with the recommendation's winning version.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db import audit, open_db
from engage.db.connection import transaction
from engage.db.migrations import schema_version
from engage.errors import UserError

SHARED_PARTNER = "sharing_consent IN ('provincial', 'public')"
ACTIVE_SUBMISSION = "submission_id IN (SELECT id FROM src.submissions WHERE status = 'active')"
# A paper leaves the office only if every partner it names shares at least provincially.
SHAREABLE_PAPER = (
    "NOT EXISTS (SELECT 1 FROM json_each(partners_named) named JOIN src.partners p "
    f"ON p.id = named.value WHERE NOT (p.{SHARED_PARTNER}))"
)
# Tables in foreign-key order, each with the filter a bundle applies to it.
BUNDLE_TABLES = {
    "consultations": "1",
    "partners": SHARED_PARTNER,
    "contacts": f"consent_to_share = 1 AND partner_id IN (SELECT id FROM src.partners "
    f"WHERE {SHARED_PARTNER})",
    "interactions": f"partner_id IN (SELECT id FROM src.partners WHERE {SHARED_PARTNER})",
    "sessions": "1",
    "session_partners": f"partner_id IN (SELECT id FROM src.partners WHERE {SHARED_PARTNER})",
    "imports": "1",
    "submissions": "status = 'active'",
    "theme_runs": "1",
    "themes": "1",
    "assignments": ACTIVE_SUBMISSION,
    "theme_edits": f"submission_id IS NULL OR {ACTIVE_SUBMISSION}",
    "codings": ACTIVE_SUBMISSION,
    "recommendations": "1",
    "recommendation_themes": "1",
    "recommendation_actions": "1",
    "papers": SHAREABLE_PAPER,
}
MERGE_TABLES = [*BUNDLE_TABLES, "audit"]


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns if c.name != "seq"]


def export_bundle(db: sqlite_utils.Database, out: str | Path, force: bool = False) -> dict:
    """Write the office bundle to ``out``; returns what went in and what was withheld."""
    out = Path(out)
    if out.exists() and not force:
        raise UserError(f"{out} already exists; choose another path or use --force")
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    bundle = open_db(partial)
    # Originals and raw rows are copied in, then blanked: zero their old bytes in the file
    # (SQLite builds without SECURE_DELETE would otherwise leave them readable).
    bundle.execute("PRAGMA secure_delete = ON")
    source = db.execute("PRAGMA database_list").fetchone()[2]
    bundle.execute("ATTACH DATABASE ? AS src", [source])
    counts = {}
    with transaction(bundle):
        # Submissions of withheld partners point at rows the bundle does not carry until
        # _strip_private unlinks them; check foreign keys at commit, not per statement.
        bundle.execute("PRAGMA defer_foreign_keys = ON")
        bundle.execute(
            "UPDATE settings SET value = (SELECT value FROM src.settings "
            "WHERE key = 'office') WHERE key = 'office'"
        )
        for table, where in BUNDLE_TABLES.items():
            columns = ", ".join(_columns(bundle, table))
            bundle.execute(
                f"INSERT INTO main.{table} ({columns}) "
                f"SELECT {columns} FROM src.{table} WHERE {where}"
            )
            counts[table] = bundle.execute(f"SELECT COUNT(*) FROM main.{table}").fetchone()[0]
        _strip_private(bundle)
    withheld = db.execute(f"SELECT COUNT(*) FROM partners WHERE NOT ({SHARED_PARTNER})")
    counts["partners_withheld"] = withheld.fetchone()[0]
    bundle.execute("DETACH DATABASE src")
    bundle.close()
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.replace(out)
    with transaction(db):
        audit.record(db, "export_bundle", "bundle", None, {"file": out.name, **counts})
    return counts


def _strip_private(bundle: sqlite_utils.Database) -> None:
    """Originals and raw source rows stay in the office; links to withheld partners go."""
    bundle.execute("UPDATE submissions SET text_original = text_redacted, raw_json = NULL")
    bundle.execute(
        "UPDATE submissions SET partner_id = NULL, organisation = NULL "
        "WHERE partner_id IS NOT NULL AND partner_id NOT IN "
        "(SELECT id FROM main.partners)"
    )
    bundle.execute(
        "UPDATE submissions SET organisation = NULL WHERE partner_id IS NULL AND "
        "lower(organisation) IN (SELECT lower(name) FROM src.partners)"
    )


def merge(db: sqlite_utils.Database, other: str | Path) -> dict[str, Any]:
    """Merge a bundle or another engage database into ``db``. Idempotent: merging the same
    file twice changes nothing the second time."""
    other = Path(other)
    if not other.is_file():
        raise UserError(f"{other} does not exist or is not a file")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "incoming.db"
        _copy_read_only(other, copy)
        incoming = open_db(copy)
        version = schema_version(incoming)
        incoming.close()
        db.execute("ATTACH DATABASE ? AS src", [str(copy)])
        try:
            report = _merge_attached(db)
        finally:
            db.execute("DETACH DATABASE src")
        shutil.rmtree(scratch, ignore_errors=True)
    report["schema_version"] = version
    return report


def read_only_uri(path: Path) -> str:
    """How to open ``path`` for reading without leaving anything beside it. A closed file
    (a bundle) opens as immutable: no -wal or -shm file is created next to it. A database
    still in use (its -wal is there) is read through its log, creating nothing new."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    in_use = Path(f"{path}-wal").exists()
    return uri if in_use else uri + "&immutable=1"


def _copy_read_only(other: Path, copy: Path) -> None:
    """Copy ``other`` to ``copy`` through a read-only connection: merging never changes the
    file it reads (not even its journal mode), and refuses one that is not engage's."""
    not_engage = UserError(f"{other} is not an engage database or bundle")
    try:
        source = sqlite3.connect(read_only_uri(other), uri=True)
        try:
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
            if "schema_migrations" not in tables:
                raise not_engage
            destination = sqlite3.connect(str(copy))
            source.backup(destination)
            destination.close()
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise not_engage from error


def _merge_attached(db: sqlite_utils.Database) -> dict[str, Any]:
    report: dict[str, Any] = {"added": {}, "updated": {}, "kept": {}, "removed": {},
                              "conflicts": []}  # fmt: skip
    with transaction(db):
        incoming = _incoming_recommendations(db)
        for table in MERGE_TABLES:
            columns = _columns(db, table)
            if table == "recommendations":
                incoming += [r[0] for r in db.execute(
                    "SELECT id FROM src.recommendations WHERE id NOT IN "
                    "(SELECT id FROM main.recommendations)")]  # fmt: skip
            if table == "recommendation_themes":
                report["added"][table] = _merge_theme_links(db, incoming, report)
                continue
            report["added"][table] = _insert_new(db, table, columns)
            if table != "audit":
                _resolve_conflicts(db, table, columns, report)
        changed = sum(sum(report[key].values()) for key in ("added", "updated", "removed"))
        if changed:
            audit.record(
                db,
                "merge",
                "database",
                None,
                {key: report[key] for key in ("added", "updated", "removed")},
            )
    return report


def _incoming_recommendations(db: sqlite_utils.Database) -> list[str]:
    """Recommendations both sides hold whose incoming version is newer: it wins, links too."""
    return [r[0] for r in db.execute(
        "SELECT s.id FROM src.recommendations s JOIN main.recommendations m ON m.id = s.id "
        "WHERE s.updated_at > m.updated_at")]  # fmt: skip


def _merge_theme_links(db: sqlite_utils.Database, incoming: list[str], report: dict) -> int:
    """The themes a recommendation answers travel with the recommendation's newer version:
    for each recommendation taken from the incoming side (new here, or newer there), its
    links become the incoming ones, dropped links included; the others keep this side's."""
    report["removed"]["recommendation_themes"] = 0
    if not incoming:
        return 0
    chosen = "recommendation_id IN (SELECT value FROM json_each(:ids))"
    same = "x.recommendation_id = {0}.recommendation_id AND x.theme_id = {0}.theme_id"
    ids = {"ids": json.dumps(incoming)}
    removed = db.execute(
        f"DELETE FROM main.recommendation_themes WHERE {chosen} AND NOT EXISTS (SELECT 1 "
        f"FROM src.recommendation_themes x WHERE {same.format('main.recommendation_themes')})",
        ids,
    ).rowcount
    columns = _columns(db, "recommendation_themes")
    added = db.execute(
        f"INSERT INTO main.recommendation_themes ({', '.join(columns)}) "
        f"SELECT {', '.join('s.' + c for c in columns)} FROM src.recommendation_themes s "
        f"WHERE s.{chosen} AND NOT EXISTS "
        f"(SELECT 1 FROM main.recommendation_themes x WHERE {same.format('s')})",
        ids,
    ).rowcount
    report["removed"]["recommendation_themes"] = removed
    return added


def _insert_new(db: sqlite_utils.Database, table: str, columns: list[str]) -> int:
    names = ", ".join(columns)
    extra = ""
    if table == "submissions":
        extra = (
            " AND NOT EXISTS (SELECT 1 FROM main.submissions m WHERE m.source_key = s.source_key"
            " AND m.consultation_id = s.consultation_id)"
        )
    if table == "session_partners":
        extra = (
            " AND NOT EXISTS (SELECT 1 FROM main.session_partners m WHERE "
            "m.session_id = s.session_id AND m.partner_id = s.partner_id)"
        )
    cursor = db.execute(
        f"INSERT INTO main.{table} ({names}) SELECT {', '.join('s.' + c for c in columns)} "
        f"FROM src.{table} s WHERE s.id NOT IN (SELECT id FROM main.{table}){extra}"
    )
    return cursor.rowcount


def _resolve_conflicts(
    db: sqlite_utils.Database, table: str, columns: list[str], report: dict[str, Any]
) -> None:
    """Rows changed on both sides: the newer wins (ties keep ours) and each is reported."""
    differing = list(
        db.query(
            f"SELECT s.id, s.updated_at AS theirs, m.updated_at AS ours FROM src.{table} s "
            f"JOIN main.{table} m ON m.id = s.id WHERE s.updated_at != m.updated_at"
        )
    )
    newer = [row["id"] for row in differing if row["theirs"] > row["ours"]]
    settable = [c for c in columns if c != "id"]
    for row_id in newer:
        db.execute(
            f"UPDATE main.{table} SET ({', '.join(settable)}) = (SELECT "
            f"{', '.join(settable)} FROM src.{table} WHERE id = ?) WHERE id = ?",
            [row_id, row_id],
        )
    report["updated"][table] = len(newer)
    report["kept"][table] = len(differing) - len(newer)
    report["conflicts"] += [
        {
            "table": table,
            "id": row["id"],
            "winner": "incoming" if row["theirs"] > row["ours"] else "this database",
            "incoming_updated_at": row["theirs"],
            "this_updated_at": row["ours"],
        }
        for row in differing
    ]
