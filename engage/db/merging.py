"""Merging a staged office database into this one: rows new here are inserted by their
global id; where both sides changed a row, the newest ``updated_at`` wins and the conflict
is reported; the themes a recommendation answers travel with its winning version; and
tombstones make this database forget what was withdrawn. All in one transaction."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from engage.db import audit, bundles
from engage.db.bundles import STAGE
from engage.db.connection import transaction
from engage.db.submissions import (
    ERASED,
    forget_embeddings,
    forget_in_search,
    forget_quotes,
)
from engage.ids import utc_now

MERGE_TABLES = [t for t in bundles.TABLES if t != "tombstones"]


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return bundles.columns(db, "main", table)


def merge_stage(db: sqlite_utils.Database) -> dict[str, Any]:
    """Merge the stage into this database; returns what was added, updated, kept (a
    conflict this side won), removed and withdrawn, and each conflict."""
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
