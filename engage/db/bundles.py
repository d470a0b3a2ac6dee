"""What may leave the office, staged: the rows of a bundle, built from redacted values only.

Both ways out of an office go through here. ``engage export bundle`` stages its own
database and writes the stage to a file; ``engage merge`` stages whatever it is given
(a bundle or a whole office database) and merges the stage, so that a merge never takes
in more than an export would have let out.

The stage is a private temporary SQLite database attached to the connection (``ATTACH
''``) and held in memory, so a killed export or merge leaves no copy behind. Every
free-text value is written through the redaction function; the original text and raw
source rows are never read into it (never copy-then-blank).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db.connection import transaction
from engage.db.contacts import contact_names
from engage.db.maintenance import damage
from engage.db.migrations import apply_migrations, schema_version
from engage.db.office import UNNAMED_OFFICE
from engage.errors import EngageError, UserError
from engage.privacy import Redactor

STAGE = "stage"
SHARED = "sharing_consent IN ('provincial', 'public')"
# A clock a little ahead of ours is tolerated; rows dated later than this are refused.
CLOCK_SKEW = timedelta(days=1)

# Tables in foreign-key order, each with the rows a bundle carries ({s}: the source schema).
ROWS = {
    "consultations": "1",
    "partners": SHARED,
    "contacts": f"consent_to_share = 1 AND partner_id IN (SELECT id FROM {{s}}.partners "
    f"WHERE {SHARED})",
    "interactions": f"partner_id IN (SELECT id FROM {{s}}.partners WHERE {SHARED})",
    "sessions": "1",
    "session_partners": f"partner_id IN (SELECT id FROM {{s}}.partners WHERE {SHARED})",
    "imports": "1",
    "submissions": "status = 'active'",
    "theme_runs": "1",
    "themes": "1",
    "assignments": "submission_id IN (SELECT id FROM {s}.submissions WHERE status = 'active')",
    "theme_edits": "submission_id IS NULL OR submission_id IN "
    "(SELECT id FROM {s}.submissions WHERE status = 'active')",
    "codings": "submission_id IN (SELECT id FROM {s}.submissions WHERE status = 'active')",
    "recommendations": "1",
    "recommendation_themes": "1",
    "recommendation_actions": "1",
    "papers": "NOT EXISTS (SELECT 1 FROM json_each(partners_named) named JOIN {s}.partners p "
    f"ON p.id = named.value WHERE NOT (p.{SHARED}))",
    "tombstones": "1",
}
TABLES = list(ROWS)

# How a column leaves the office, where it does not leave as stored ({s}: source schema).
# redact(): typed free text; person(): a field that holds a person's name.
VALUES = {
    "partners": {"notes": "redact(notes)"},
    "contacts": {"role": "redact(role)"},
    "interactions": {"summary": "redact(summary)", "follow_up_owner": "person(follow_up_owner)"},
    "consultations": {"title": "redact(title)", "purpose": "redact(purpose)"},
    "sessions": {
        "location": "redact(location)",
        "facilitator": "person(facilitator)",
        "accessibility_notes": "redact(accessibility_notes)",
    },
    "imports": {"file_name": "redact(file_name)"},
    "submissions": {
        "text_original": "redact(text_redacted)",
        "text_redacted": "redact(text_redacted)",
        "raw_json": "NULL",
        "withdrawn_reason": "NULL",
        "source_file": "redact(source_file)",
        "partner_id": f"CASE WHEN partner_id IN (SELECT id FROM {{s}}.partners WHERE {SHARED}) "
        "THEN partner_id END",
        "organisation": f"CASE WHEN partner_id IN (SELECT id FROM {{s}}.partners WHERE "
        f"{SHARED}) OR (partner_id IS NULL AND lower(organisation) NOT IN (SELECT lower(name) "
        "FROM {s}.partners)) THEN redact(organisation) END",
    },
    "themes": {"label": "redact(label)", "description": "redact(description)"},
    "recommendations": {
        "title": "redact(title)",
        "text": "redact(text)",
        "rationale": "redact(rationale)",
        "owner": "redact(owner)",
    },
    "recommendation_actions": {"action": "redact(action)"},
    "papers": {
        "markdown": "redact(markdown)",
        "sha256": "sha256(redact(markdown))",
        "path": "NULL",
    },
    "tombstones": {"reason": "redact(reason)"},
}

_DDL_NAME = re.compile(
    r"^(CREATE\s+(?:UNIQUE\s+)?(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?)"
    r"(\w+)",
    re.IGNORECASE,
)


def attach_stage(db: sqlite_utils.Database, office: str) -> None:
    """Attach an empty engage database as ``stage``: private, held in memory (no file a
    killed process could leave behind), and gone when detached."""
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute(f"ATTACH DATABASE '' AS {STAGE}")
    template = sqlite_utils.Database(sqlite3.connect(":memory:"))
    apply_migrations(template)
    with transaction(db):
        for sql in template.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND sql NOT LIKE "
            "'CREATE TABLE ''%' ORDER BY rowid"
        ):
            db.execute(_DDL_NAME.sub(rf"\1{STAGE}.\2", sql[0], count=1))
        for table in ("schema_migrations", "settings"):
            rows = template.execute(f"SELECT * FROM {table}").fetchall()
            db.conn.executemany(f"INSERT OR REPLACE INTO {STAGE}.{table} VALUES (?, ?)", rows)
        db.execute(f"UPDATE {STAGE}.settings SET value = ? WHERE key = 'office'", [office])
        db.execute(f"PRAGMA {STAGE}.user_version = {schema_version(template)}")
    template.close()


def detach_stage(db: sqlite_utils.Database) -> None:
    if db.conn.in_transaction:
        db.conn.execute("ROLLBACK")
    if any(row[1] == STAGE for row in db.execute("PRAGMA database_list")):
        db.execute(f"DETACH DATABASE {STAGE}")
    db.execute("PRAGMA temp_store = DEFAULT")


def fill_stage(db: sqlite_utils.Database, source: str) -> dict[str, int]:
    """Copy into ``stage`` what may leave from schema ``source``; returns, per kind, how many
    rows were held back (what the office keeps, and rows refused as impossible)."""
    _register_functions(db, source)
    held_back = _held_back(db, source)
    limit = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="microseconds")
    source_tables = _tables(db, source)
    with transaction(db):
        # A withheld partner's rows are unlinked as they are copied: check keys at the end.
        db.execute("PRAGMA defer_foreign_keys = ON")
        for table, where in ROWS.items():
            if table not in source_tables:
                continue
            columns = [c for c in _columns(db, STAGE, table) if c in _columns(db, source, table)]
            values = [VALUES.get(table, {}).get(c, c).format(s=source) for c in columns]
            dated = " AND created_at <= :limit AND updated_at <= :limit"
            db.execute(
                f"INSERT OR IGNORE INTO {STAGE}.{table} ({', '.join(columns)}) "
                f"SELECT {', '.join(values)} FROM {source}.{table} "
                f"WHERE ({where.format(s=source)}){dated}",
                {"limit": limit},
            )
        _tombstones_of_withdrawn(db, source)
        held_back["rows depending on a refused row"] = drop_orphans(db)
    return {kind: count for kind, count in held_back.items() if count}


def _held_back(db: sqlite_utils.Database, source: str) -> dict[str, int]:
    """What the office keeps or the stage refuses, counted before anything is copied."""
    limit = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="microseconds")
    tables = _tables(db, source)
    counts = {
        "original texts (only the redacted text leaves)": "SELECT COUNT(*) FROM {s}.submissions "
        "WHERE status = 'active' AND text_original != text_redacted",
        "raw source rows": "SELECT COUNT(*) FROM {s}.submissions WHERE raw_json IS NOT NULL",
        "withdrawn submissions (their tombstones travel)": "SELECT COUNT(*) FROM "
        "{s}.submissions WHERE status != 'active'",
        "partners withheld by their sharing consent": f"SELECT COUNT(*) FROM {{s}}.partners "
        f"WHERE NOT ({SHARED})",
        "contacts without consent to share": "SELECT COUNT(*) FROM {s}.contacts WHERE NOT ("
        + ROWS["contacts"]
        + ")",
        "audit entries (the log stays in the office)": "SELECT COUNT(*) FROM {s}.audit",
    }
    held = {kind: db.execute(sql.format(s=source)).fetchone()[0] for kind, sql in counts.items()}
    future = 0
    for table in TABLES:
        if table in tables:
            future += db.execute(
                f"SELECT COUNT(*) FROM {source}.{table} WHERE created_at > ? OR updated_at > ?",
                [limit, limit],
            ).fetchone()[0]
    held["rows dated in the future"] = future
    return held


def _tombstones_of_withdrawn(db: sqlite_utils.Database, source: str) -> None:
    """Withdrawn submissions travel as tombstones even from a database that predates them."""
    db.execute(
        f"INSERT OR IGNORE INTO {STAGE}.tombstones (table_name, id, withdrawn_at, reason, "
        "office, created_at, updated_at) SELECT 'submissions', id, updated_at, NULL, office, "
        f"updated_at, updated_at FROM {source}.submissions WHERE status = 'withdrawn'"
    )


def drop_orphans(db: sqlite_utils.Database) -> int:
    """Drop staged rows whose parent row was refused (a row dated in the future), until
    every foreign key holds. Returns how many were dropped."""
    dropped = 0
    while True:
        problems = db.execute(f"PRAGMA {STAGE}.foreign_key_check").fetchall()
        if not problems:
            return dropped
        for table, rowid, _parent, _key in problems:
            dropped += db.execute(
                f"DELETE FROM {STAGE}.[{table}] WHERE rowid = ?", [rowid]
            ).rowcount


def _register_functions(db: sqlite_utils.Database, source: str) -> None:
    """redact(text), person(text) and sha256(text) as SQL functions; the office's contacts
    are names to redact wherever they appear."""
    redactor = Redactor(contact_names(db, source))

    def redact(text: str | None) -> str | None:
        return None if text is None else redactor.redact(text).text

    def person(text: str | None) -> str | None:
        return None if text is None or not str(text).strip() else "[NAME]"

    def sha256(text: str | None) -> str | None:
        return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()

    for name, function in (("redact", redact), ("person", person), ("sha256", sha256)):
        db.conn.create_function(name, 1, function, deterministic=True)


def _tables(db: sqlite_utils.Database, schema: str) -> set[str]:
    return {r[0] for r in db.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type='table'")}


def _columns(db: sqlite_utils.Database, schema: str, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA {schema}.table_info([{table}])") if r[1] != "seq"]


def columns(db: sqlite_utils.Database, schema: str, table: str) -> list[str]:
    """The columns of ``schema.table`` (the submissions' rowid alias ``seq`` left out)."""
    return _columns(db, schema, table)


def count_rows(db: sqlite_utils.Database, schema: str = STAGE) -> dict[str, int]:
    return {t: db.execute(f"SELECT COUNT(*) FROM {schema}.{t}").fetchone()[0] for t in TABLES}


def attach_read_only(db: sqlite_utils.Database, path: Path, name: str) -> None:
    """Attach ``path`` for reading only, creating nothing beside it: a file with a live
    write-ahead log is read through it; any other is read as immutable (no -wal, no -shm)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not Path(str(path) + "-wal").exists():
        uri += "&immutable=1"
    db.execute("ATTACH DATABASE ? AS " + name, [uri])


def check_sound(
    db: sqlite_utils.Database,
    schema: str,
    what: Callable[[str], str],
    error: type[EngageError] = UserError,
) -> None:
    """Refuse a damaged database in one line: ``what(detail)`` is the message of the
    ``error`` raised."""
    problem = damage(db, schema)
    if problem:
        raise error(what(problem))


def describe(counts: dict[str, Any]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)


def table_names(db: sqlite_utils.Database, schema: str) -> set[str]:
    """The names of everything (tables, indexes, triggers) in the attached ``schema``."""
    return {row[0] for row in db.execute(f"SELECT name FROM {schema}.sqlite_master")}


def schema_version_of(db: sqlite_utils.Database, schema: str) -> int:
    """The migration version of the database attached as ``schema``."""
    return int(db.execute(f"PRAGMA {schema}.user_version").fetchone()[0])


def office_of(db: sqlite_utils.Database, schema: str) -> str:
    """The office the database attached as ``schema`` belongs to."""
    row = db.execute(f"SELECT value FROM {schema}.settings WHERE key = 'office'").fetchone()
    return row[0] if row else UNNAMED_OFFICE


def write_stage(db: sqlite_utils.Database, path: Path) -> None:
    """Write the stage, compacted, to a new file at ``path``."""
    db.execute(f"VACUUM {STAGE} INTO ?", [str(path)])


def detach(db: sqlite_utils.Database, schema: str) -> None:
    db.execute(f"DETACH DATABASE {schema}")
