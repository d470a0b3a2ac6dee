"""Office bundles and merging: how one office's database rolls up into a provincial one.

A bundle is an engage database holding only what may leave the office (see
``engage.bundles``): partners whose data-sharing consent is provincial or public and
their consenting contacts, sessions, consultations, the active submissions as redacted
text, every other typed text redacted, and tombstones of what was withdrawn. It carries a
manifest, so a bundle changed or cut short after export is refused.

Merging stages its input the same way an export would (a whole office database gives up
exactly what its bundle would), then inserts rows by their global id; where both sides
changed a row, the newest ``updated_at`` wins and the conflict is reported; tombstones
make this database forget what was withdrawn. The themes a recommendation answers travel
with the recommendation's winning version.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from engage import bundle_files, bundles
from engage.bundles import STAGE
from engage.db import audit, records
from engage.db.connection import transaction
from engage.db.submissions import (
    ERASED,
    erasing,
    forget_embeddings,
    forget_in_search,
    forget_quotes,
)
from engage.errors import StoreError, UserError
from engage.ids import utc_now

MERGE_TABLES = [t for t in bundles.TABLES if t != "tombstones"]
SOURCE = "incoming"


def export_bundle(db: sqlite_utils.Database, out: str | Path, force: bool = False) -> dict:
    """Write the office bundle to ``out``; returns what went in and what was held back.

    It is built in a private temporary folder from redacted values only, compacted, and
    put at ``out`` in one step: ``out``'s folder never holds a partial bundle."""
    out = Path(out)
    if out.exists() and not force:
        raise UserError(f"{out} already exists; choose another path or use --force")
    if not out.parent.is_dir():
        raise UserError(f"folder {out.parent} does not exist")
    bundles.check_sound(
        db,
        "main",
        lambda detail: (
            f"the database is damaged ({detail}); no bundle written — run 'engage db check' "
            "and restore from a backup"
        ),
    )
    office = records.office_name(db)
    with bundle_files.private_folder("engage-bundle-") as folder:
        built = folder / out.name
        counts, held_back = _build(db, built, office)
        try:
            bundle_files.place(built, out, force)
        except OSError as error:
            raise UserError(f"cannot write {out}: {error.strerror or error}") from None
    counts["partners_withheld"] = held_back.get("partners withheld by their sharing consent", 0)
    with transaction(db):
        audit.record(db, "export_bundle", "bundle", None, {"file": out.name, **counts})
    return {**counts, "held_back": held_back}


def _build(db: sqlite_utils.Database, built: Path, office: str) -> tuple[dict, dict]:
    """Stage this database's bundle and write it, compacted, to ``built``."""
    bundles.attach_stage(db, office)
    try:
        held_back = bundles.fill_stage(db, "main")
        counts = bundles.count_rows(db)
        with transaction(db):
            bundle_files.write_manifest(db, STAGE, office, utc_now())
        db.execute(f"VACUUM {STAGE} INTO ?", [str(built)])
    except sqlite3.OperationalError as error:
        raise _space_error(error, built.parent) from None
    finally:
        bundles.detach_stage(db)
    return counts, held_back


def _space_error(error: sqlite3.OperationalError, where: Path) -> Exception:
    if "full" in str(error):
        return UserError(f"not enough disk space to build the bundle in {where.parent}")
    return StoreError(f"cannot build the bundle: {error}")


def merge(db: sqlite_utils.Database, other: str | Path) -> dict[str, Any]:
    """Merge a bundle or another engage database into ``db``. The input is only read (no
    journal, no copy beside it); it gives up only what its bundle would; a bundle whose
    rows no longer match its manifest is refused. Idempotent: merging the same file twice
    changes nothing the second time."""
    other = Path(other)
    if not other.is_file():
        raise UserError(f"{other} does not exist or is not a file")
    not_engage = UserError(f"{other} is not an engage database or bundle")
    try:
        bundles.attach_read_only(db, other, SOURCE)
    except sqlite3.DatabaseError as error:
        raise not_engage from error
    try:
        version, manifest = _check_incoming(db, other, not_engage)
        bundles.attach_stage(db, _office_of(db, manifest))
        held_back = bundles.fill_stage(db, SOURCE)
        with erasing(db):
            report = _merge_attached(db)
    except sqlite3.DatabaseError as error:
        raise UserError(f"cannot merge {other.name}: {error}") from None
    finally:
        bundles.detach_stage(db)
        db.execute(f"DETACH DATABASE {SOURCE}")
    report["held_back"] = held_back
    report["schema_version"] = version
    report["bundle"] = manifest is not None
    return report


def _check_incoming(
    db: sqlite_utils.Database, other: Path, not_engage: UserError
) -> tuple[int, dict | None]:
    """Refuse what is not engage's, is damaged, is newer than this engage or was changed
    after export; returns the input's schema version and manifest (None for a database)."""
    from engage.db.migrations import MIGRATIONS

    try:
        tables = {r[0] for r in db.execute(f"SELECT name FROM {SOURCE}.sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise not_engage from error
    if "schema_migrations" not in tables:
        raise not_engage
    bundles.check_sound(
        db,
        SOURCE,
        lambda detail: f"{other.name} is damaged ({detail}); nothing merged — ask for a new copy",
    )
    version = db.execute(f"PRAGMA {SOURCE}.user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise UserError(
            f"{other.name} was written by a newer engage (schema {version}); "
            "upgrade engage to merge it"
        )
    return version, bundle_files.verify_manifest(db, SOURCE, other.name)


def _office_of(db: sqlite_utils.Database, manifest: dict | None) -> str:
    if manifest:
        return manifest["office"]
    row = db.execute(f"SELECT value FROM {SOURCE}.settings WHERE key = 'office'").fetchone()
    return row[0] if row else "Local office"


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return bundles.columns(db, "main", table)


def _merge_attached(db: sqlite_utils.Database) -> dict[str, Any]:
    report: dict[str, Any] = {
        "added": {},
        "updated": {},
        "kept": {},
        "removed": {},
        "conflicts": [],
    }
    with transaction(db):
        db.execute("PRAGMA defer_foreign_keys = ON")  # tombstoned rows leave the stage first
        _forbid_tombstoned(db)
        incoming = _incoming_recommendations(db)
        for table in MERGE_TABLES:
            columns = _columns(db, table)
            if table == "recommendations":
                incoming += [
                    r[0]
                    for r in db.execute(
                        f"SELECT id FROM {STAGE}.recommendations WHERE id NOT IN "
                        "(SELECT id FROM main.recommendations)"
                    )
                ]
            if table == "recommendation_themes":
                report["added"][table] = _merge_theme_links(db, incoming, report)
                continue
            report["added"][table] = _insert_new(db, table, columns)
            _resolve_conflicts(db, table, columns, report)
        report["withdrawn"] = _apply_tombstones(db)
        changed = sum(sum(report[key].values()) for key in ("added", "updated", "removed"))
        if changed or any(report["withdrawn"].values()):
            audit.record(
                db,
                "merge",
                "database",
                None,
                {key: report[key] for key in ("added", "updated", "removed", "withdrawn")},
            )
    return report


def _incoming_recommendations(db: sqlite_utils.Database) -> list[str]:
    """Recommendations both sides hold whose incoming version is newer: it wins, links too."""
    return [
        r[0]
        for r in db.execute(
            "SELECT s.id FROM stage.recommendations s JOIN main.recommendations m ON m.id = s.id "
            "WHERE s.updated_at > m.updated_at"
        )
    ]


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
        f"FROM stage.recommendation_themes x WHERE {same.format('main.recommendation_themes')})",
        ids,
    ).rowcount
    columns = _columns(db, "recommendation_themes")
    added = db.execute(
        f"INSERT INTO main.recommendation_themes ({', '.join(columns)}) "
        f"SELECT {', '.join('s.' + c for c in columns)} FROM stage.recommendation_themes s "
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
        f"FROM {STAGE}.{table} s WHERE s.id NOT IN (SELECT id FROM main.{table}){extra}"
    )
    return cursor.rowcount


def _resolve_conflicts(
    db: sqlite_utils.Database, table: str, columns: list[str], report: dict[str, Any]
) -> None:
    """Rows changed on both sides: the newer wins (ties keep ours) and each is reported."""
    differing = list(
        db.query(
            f"SELECT s.id, s.updated_at AS theirs, m.updated_at AS ours FROM {STAGE}.{table} s "
            f"JOIN main.{table} m ON m.id = s.id WHERE s.updated_at != m.updated_at "
            "AND NOT EXISTS (SELECT 1 FROM main.tombstones t WHERE t.table_name = ? "
            "AND t.id = s.id)",
            [table],
        )
    )
    newer = [row["id"] for row in differing if row["theirs"] > row["ours"]]
    settable = [c for c in columns if c != "id"]
    for row_id in newer:
        db.execute(
            f"UPDATE main.{table} SET ({', '.join(settable)}) = (SELECT "
            f"{', '.join(settable)} FROM {STAGE}.{table} WHERE id = ?) WHERE id = ?",
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


# --- Tombstones ---------------------------------------------------------------------------


def _forbid_tombstoned(db: sqlite_utils.Database) -> None:
    """Leave out of the stage what this database was told is withdrawn: a submission for
    good, a partner or contact unless it changed after (consent given again, which lifts
    the tombstone here too)."""
    newer = (
        "SELECT s.id FROM stage.{t} s JOIN main.tombstones x ON x.table_name = '{t}' "
        "AND x.id = s.id WHERE s.updated_at > x.withdrawn_at"
    )
    for table in ("partners", "contacts"):
        db.execute(
            f"DELETE FROM main.tombstones WHERE table_name = '{table}' AND id IN "
            f"({newer.format(t=table)}) AND id NOT IN (SELECT id FROM stage.tombstones "
            f"WHERE table_name = '{table}')"
        )
    gone = "SELECT id FROM main.tombstones WHERE table_name = '{t}'"
    db.execute(
        f"UPDATE stage.submissions SET partner_id = NULL, organisation = NULL "
        f"WHERE partner_id IN ({gone.format(t='partners')})"
    )
    for table in ("submissions", "partners", "contacts"):
        db.execute(f"DELETE FROM stage.{table} WHERE id IN ({gone.format(t=table)})")
    bundles.drop_orphans(db)


def _apply_tombstones(db: sqlite_utils.Database) -> dict[str, int]:
    """Record the incoming tombstones and forget what they name: a submission's words are
    erased, a partner (with its contacts, interactions and session links) and a contact
    are deleted, unless this database's row changed after the withdrawal."""
    columns = ", ".join(_columns(db, "tombstones"))
    db.execute(
        f"INSERT OR IGNORE INTO main.tombstones ({columns}) SELECT {columns} FROM stage.tombstones"
    )
    return {
        "submissions": _erase_withdrawn(db),
        "partners": _forget_partners(db),
        "contacts": db.execute(
            "DELETE FROM main.contacts WHERE id IN (SELECT c.id FROM main.contacts c JOIN "
            "main.tombstones x ON x.table_name = 'contacts' AND x.id = c.id "
            "WHERE c.updated_at <= x.withdrawn_at)"
        ).rowcount,
    }


def _erase_withdrawn(db: sqlite_utils.Database) -> int:
    rows = db.execute(
        "SELECT s.id, s.text_redacted, x.withdrawn_at FROM main.submissions s JOIN "
        "main.tombstones x ON x.table_name = 'submissions' AND x.id = s.id "
        "WHERE s.status = 'active' OR s.text_redacted != ''"
    ).fetchall()
    for submission_id, _, withdrawn_at in rows:
        db.execute(
            f"UPDATE main.submissions SET {ERASED}, status = 'withdrawn', updated_at = ? "
            "WHERE id = ?",
            [max(withdrawn_at, utc_now()), submission_id],
        )
    if rows:
        forget_quotes(db, [row[0] for row in rows])
        forget_embeddings(db, [row[1] for row in rows])
        forget_in_search(db)
    return len(rows)


def _forget_partners(db: sqlite_utils.Database) -> int:
    withdrawn = (
        "SELECT p.id FROM main.partners p JOIN main.tombstones x ON x.table_name = 'partners' "
        "AND x.id = p.id WHERE p.updated_at <= x.withdrawn_at"
    )
    ids = [row[0] for row in db.execute(withdrawn)]
    if not ids:
        return 0
    chosen = "(SELECT value FROM json_each(?))"
    listed = json.dumps(ids)
    for table in ("contacts", "interactions", "session_partners"):
        db.execute(f"DELETE FROM main.{table} WHERE partner_id IN {chosen}", [listed])
    db.execute(
        f"UPDATE main.submissions SET partner_id = NULL, organisation = NULL "
        f"WHERE partner_id IN {chosen}",
        [listed],
    )
    return db.execute(f"DELETE FROM main.partners WHERE id IN {chosen}", [listed]).rowcount
