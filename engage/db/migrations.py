"""Numbered, named schema migrations, applied in order and recorded in the database.

Each migration is a function ``mNNN_name(db)``; ``MIGRATIONS`` lists them in
order. A database records every applied migration in ``schema_migrations``
and its version in ``PRAGMA user_version``. Later features add their tables
by appending a migration here, never by editing an old one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from engage.config import default_office
from engage.errors import StoreError
from engage.ids import utc_now

Migration = Callable[[sqlite_utils.Database], None]

STAMP = """
    office TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""


def m001_initial(db: sqlite_utils.Database) -> None:
    """The office register: partners, contacts, interactions, consultations, sessions,
    submissions (with full-text search), imports, audit and settings."""
    run_script(db, _M001_SQL)
    db.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES ('office', ?), ('created_at', ?)",
        [default_office(), utc_now()],
    )


_M001_SQL = f"""
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN
        ('community', 'advocacy', 'business', 'labour', 'government', 'other')),
    sector TEXT,
    community TEXT,
    region TEXT,
    relationship TEXT NOT NULL DEFAULT 'none' CHECK (relationship IN
        ('partnership', 'consultation', 'contract', 'none')),
    influence INTEGER CHECK (influence BETWEEN 1 AND 5),
    interest INTEGER CHECK (interest BETWEEN 1 AND 5),
    sharing_consent TEXT NOT NULL DEFAULT 'internal' CHECK (sharing_consent IN
        ('none', 'internal', 'provincial', 'public')),
    notes TEXT,
    removed_at TEXT,{STAMP}
);
CREATE INDEX partners_name ON partners (name COLLATE NOCASE);

CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    name TEXT NOT NULL,
    role TEXT,
    email TEXT,
    phone TEXT,
    preferred_channel TEXT,
    consent_to_share INTEGER NOT NULL DEFAULT 0 CHECK (consent_to_share IN (0, 1)),{STAMP}
);
CREATE INDEX contacts_partner ON contacts (partner_id);

CREATE TABLE interactions (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    occurred_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    follow_up_due TEXT,
    follow_up_owner TEXT,
    follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),{STAMP}
);
CREATE INDEX interactions_partner ON interactions (partner_id);

CREATE TABLE consultations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    purpose TEXT,
    program TEXT,
    questions TEXT NOT NULL DEFAULT '[]',
    opens_on TEXT,
    closes_on TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('planned', 'open', 'closed')),{STAMP}
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    held_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN
        ('in_person', 'phone', 'online', 'survey', 'social', 'kiosk', 'mail', 'email')),
    community TEXT,
    location TEXT,
    facilitator TEXT,
    attendance INTEGER CHECK (attendance >= 0),
    accessibility_notes TEXT,{STAMP}
);
CREATE INDEX sessions_consultation ON sessions (consultation_id);

CREATE TABLE session_partners (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    invited INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1)),
    attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),{STAMP},
    UNIQUE (session_id, partner_id)
);
CREATE INDEX session_partners_partner ON session_partners (partner_id);

CREATE TABLE imports (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    mapping TEXT NOT NULL,
    rows_read INTEGER NOT NULL,
    submissions_added INTEGER NOT NULL,
    already_present INTEGER NOT NULL,
    bad_rows INTEGER NOT NULL,{STAMP}
);

CREATE TABLE submissions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    session_id TEXT REFERENCES sessions (id),
    partner_id TEXT REFERENCES partners (id),
    organisation TEXT,
    respondent_type TEXT,
    community TEXT,
    channel TEXT,
    question TEXT,
    received_at TEXT,
    text_original TEXT NOT NULL,
    text_redacted TEXT NOT NULL,
    pii_kinds TEXT NOT NULL DEFAULT '',
    consent_to_quote INTEGER NOT NULL DEFAULT 0 CHECK (consent_to_quote IN (0, 1)),
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    import_id TEXT REFERENCES imports (id),
    source_file TEXT,
    source_row INTEGER,
    source_key TEXT,
    raw_json TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    withdrawn_reason TEXT,{STAMP}
);
CREATE INDEX submissions_consultation ON submissions (consultation_id, status);
CREATE INDEX submissions_session ON submissions (session_id);
CREATE INDEX submissions_partner ON submissions (partner_id);
CREATE UNIQUE INDEX submissions_source ON submissions (consultation_id, source_key)
    WHERE source_key IS NOT NULL;

CREATE VIRTUAL TABLE submissions_fts USING fts5 (
    text_redacted, content = 'submissions', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER submissions_fts_insert AFTER INSERT ON submissions BEGIN
    INSERT INTO submissions_fts (rowid, text_redacted) VALUES (new.seq, new.text_redacted);
END;
CREATE TRIGGER submissions_fts_delete AFTER DELETE ON submissions BEGIN
    INSERT INTO submissions_fts (submissions_fts, rowid, text_redacted)
    VALUES ('delete', old.seq, old.text_redacted);
END;
CREATE TRIGGER submissions_fts_update AFTER UPDATE OF text_redacted ON submissions BEGIN
    INSERT INTO submissions_fts (submissions_fts, rowid, text_redacted)
    VALUES ('delete', old.seq, old.text_redacted);
    INSERT INTO submissions_fts (rowid, text_redacted) VALUES (new.seq, new.text_redacted);
END;

CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    office TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT,
    details TEXT NOT NULL DEFAULT '{{}}'
);
CREATE INDEX audit_row ON audit (table_name, row_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
"""

MIGRATIONS: list[Migration] = [m001_initial]


def run_script(db: sqlite_utils.Database, sql: str) -> None:
    """Run several statements inside the current transaction (``executescript`` would
    commit first, breaking the all-or-nothing migration)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise StoreError(f"incomplete SQL statement in migration: {statement.strip()[:60]}")


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations this database has recorded, oldest first."""
    if "schema_migrations" not in db.table_names():
        return []
    return [row[0] for row in db.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(db: sqlite_utils.Database, upto: int | None = None) -> list[str]:
    """Apply every migration not yet recorded (or those up to version ``upto``), each in its
    own transaction. Returns the names applied. Refuses a database newer than this engage."""
    from engage.db.connection import transaction

    target = len(MIGRATIONS) if upto is None else upto
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise StoreError(
            f"this database has schema version {current}, newer than this engage "
            f"understands ({len(MIGRATIONS)}); upgrade engage"
        )
    applied = []
    for number, migration in enumerate(MIGRATIONS[current:target], start=current + 1):
        with transaction(db):
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            migration(db)
            db.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                [migration.__name__, utc_now()],
            )
            db.execute(f"PRAGMA user_version = {number}")
        applied.append(migration.__name__)
    return applied
