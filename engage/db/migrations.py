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
from engage.db.connection import transaction
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


def m002_theming(db: sqlite_utils.Database) -> None:
    """Theming: the embedding cache, theme runs, themes, assignments, human edits carried
    into later runs, hand coding for the agreement check, and preparation flags."""
    run_script(db, _M002_SQL)


_M002_SQL = f"""
ALTER TABLE submissions ADD COLUMN non_answer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN duplicate_of TEXT;
ALTER TABLE submissions ADD COLUMN campaign TEXT;

CREATE TABLE embeddings (
    model TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;

CREATE TABLE theme_runs (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    question TEXT,
    backend TEXT NOT NULL,
    seed INTEGER NOT NULL,
    params TEXT NOT NULL DEFAULT '{{}}',
    versions TEXT NOT NULL DEFAULT '{{}}',
    seconds TEXT NOT NULL DEFAULT '{{}}',
    n_docs INTEGER NOT NULL,
    n_themes INTEGER NOT NULL,
    unthemed_share REAL NOT NULL,
    stability REAL,
    campaigns TEXT NOT NULL DEFAULT '[]',
    message TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),{STAMP}
);
CREATE INDEX theme_runs_consultation ON theme_runs (consultation_id, created_at);

CREATE TABLE themes (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES theme_runs (id),
    number INTEGER NOT NULL,
    label TEXT NOT NULL,
    keyphrases TEXT NOT NULL DEFAULT '[]',
    description TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    quote_ids TEXT NOT NULL DEFAULT '[]',
    centroid BLOB,
    merged_into TEXT REFERENCES themes (id),{STAMP},
    UNIQUE (run_id, number)
);

CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES theme_runs (id),
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    theme_id TEXT REFERENCES themes (id),
    probability REAL,
    source TEXT NOT NULL DEFAULT 'model' CHECK (source IN ('model', 'human')),{STAMP},
    UNIQUE (run_id, submission_id)
);
CREATE INDEX assignments_theme ON assignments (theme_id);
CREATE INDEX assignments_submission ON assignments (submission_id);

CREATE TABLE theme_edits (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    run_id TEXT NOT NULL REFERENCES theme_runs (id),
    action TEXT NOT NULL CHECK (action IN ('rename', 'merge', 'move', 'outlier')),
    theme_id TEXT REFERENCES themes (id),
    submission_id TEXT REFERENCES submissions (id),
    details TEXT NOT NULL DEFAULT '{{}}',{STAMP}
);
CREATE INDEX theme_edits_consultation ON theme_edits (consultation_id, created_at);

CREATE TABLE codings (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES theme_runs (id),
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    coder TEXT NOT NULL,
    theme_id TEXT REFERENCES themes (id),{STAMP},
    UNIQUE (run_id, submission_id, coder)
);
"""


def m003_search_as_you_type(db: sqlite_utils.Database) -> None:
    """Search by word beginnings: the full-text index keeps whole words rather than Porter
    stems, so a half-typed word ('waiti') still finds 'waiting' as the user types."""
    run_script(db, _M003_SQL)


_M003_SQL = """
DROP TABLE submissions_fts;
CREATE VIRTUAL TABLE submissions_fts USING fts5 (
    text_redacted, content = 'submissions', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO submissions_fts (submissions_fts) VALUES ('rebuild');
"""


def m004_dashboard_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the dashboard: participation by channel, community and month, counted
    from an index instead of a scan of every submission."""
    run_script(db, _M004_SQL)


_M004_SQL = """
CREATE INDEX submissions_channel_status ON submissions (channel, status, consent_to_quote);
CREATE INDEX submissions_community_status ON submissions (community, status);
CREATE INDEX submissions_month_status
    ON submissions (substr(COALESCE(received_at, created_at), 1, 7), status);
"""


def m005_recommendations_and_papers(db: sqlite_utils.Database) -> None:
    """Recommendations drawn from themes (with SMART KPIs and dated actions, "you said,
    we did") and the papers generated from a consultation."""
    run_script(db, _M005_SQL)


_M005_SQL = f"""
CREATE TABLE recommendations (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    run_id TEXT REFERENCES theme_runs (id),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    rationale TEXT,
    priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
    owner TEXT,
    kpi_indicator TEXT,
    kpi_baseline TEXT,
    kpi_target TEXT,
    kpi_due TEXT,
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN
        ('proposed', 'accepted', 'in_progress', 'done', 'declined')),{STAMP}
);
CREATE INDEX recommendations_consultation ON recommendations (consultation_id, number);

CREATE TABLE recommendation_themes (
    id TEXT PRIMARY KEY,
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
    theme_id TEXT NOT NULL REFERENCES themes (id),{STAMP},
    UNIQUE (recommendation_id, theme_id)
);
CREATE INDEX recommendation_themes_theme ON recommendation_themes (theme_id);

CREATE TABLE recommendation_actions (
    id TEXT PRIMARY KEY,
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
    acted_on TEXT NOT NULL,
    action TEXT NOT NULL,
    status TEXT CHECK (status IN
        ('proposed', 'accepted', 'in_progress', 'done', 'declined')),{STAMP}
);
CREATE INDEX recommendation_actions_recommendation
    ON recommendation_actions (recommendation_id, acted_on);

CREATE TABLE papers (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    run_id TEXT REFERENCES theme_runs (id),
    template TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('md', 'html')),
    path TEXT,
    markdown TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    file_sha256 TEXT,
    partners_named TEXT NOT NULL DEFAULT '[]',{STAMP}
);
CREATE INDEX papers_consultation ON papers (consultation_id, created_at);
"""


def m006_dashboard_theme_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the dashboard's themes: their sizes and mean satisfaction read from two
    covering indexes instead of every assignment and submission row."""
    run_script(db, _M006_SQL)


_M006_SQL = """
CREATE INDEX submissions_id_satisfaction ON submissions (id, satisfaction);
CREATE INDEX assignments_theme_submission ON assignments (theme_id, submission_id);
"""


def m007_tombstones(db: sqlite_utils.Database) -> None:
    """Withdrawals that travel: a tombstone (id, date, reason) for each submission withdrawn,
    each partner whose data-sharing consent was withdrawn and each contact whose consent
    was, carried in bundles so that the provincial database forgets them too."""
    run_script(db, _M007_SQL)


_M007_SQL = f"""
CREATE TABLE tombstones (
    table_name TEXT NOT NULL CHECK (table_name IN ('submissions', 'partners', 'contacts')),
    id TEXT NOT NULL,
    withdrawn_at TEXT NOT NULL,
    reason TEXT,{STAMP},
    PRIMARY KEY (table_name, id)
) WITHOUT ROWID;
"""


def m008_themes_numbered_from_one(db: sqlite_utils.Database) -> None:
    """Themes are numbered from 1 everywhere (lists, papers, the app): the themes of runs
    stored before, numbered from 0, move up by one. Runs record their real wall time."""
    run_script(db, _M008_SQL)


_M008_SQL = """
UPDATE themes SET number = -(number + 1);
UPDATE themes SET number = -number;
ALTER TABLE theme_runs ADD COLUMN wall_seconds REAL;
"""


def m009_theme_review_index(db: sqlite_utils.Database) -> None:
    """A covering index for reviewing themes: each theme's size, share, satisfaction and
    breakdowns (by partner, channel and community) are read from the index instead of every
    submission's row (at 100,000 submissions the Themes mode opens several times sooner)."""
    run_script(db, _M009_SQL)


_M009_SQL = """
CREATE INDEX submissions_theme_figures ON submissions
    (id, status, satisfaction, consent_to_quote, partner_id, channel, community);
"""


def m010_unthemed_index(db: sqlite_utils.Database) -> None:
    """An index of each run's assignments by theme: the submissions a run left unthemed are
    found among that run's unthemed rows alone, so listing runs (Themes, Recommendations and
    the Submissions filters read it) does not read every assignment of the run."""
    run_script(db, _M010_SQL)


_M010_SQL = """
CREATE INDEX assignments_run_theme ON assignments (run_id, theme_id, submission_id);
"""


def m011_theme_figures(db: sqlite_utils.Database) -> None:
    """Each theme's figures (its active submissions, how many gave a satisfaction score and
    their total, how many may be quoted), kept current by triggers on every write to
    assignments and submissions: listing a run's themes reads one row per theme instead of
    every assignment (at 100,000 submissions, under a millisecond instead of 0.15 s)."""
    run_script(db, _M011_SQL)


def _figures_upsert(rows: str) -> str:
    """Add to the figures the (theme, size, rated, satisfaction, quotable) rows selected."""
    return f"""INSERT INTO theme_figures (theme_id, size, rated, satisfaction_total, quotable)
    {rows}
    ON CONFLICT (theme_id) DO UPDATE SET size = size + excluded.size,
        rated = rated + excluded.rated,
        satisfaction_total = satisfaction_total + excluded.satisfaction_total,
        quotable = quotable + excluded.quotable;"""


def _figures_of(sign: str, row: str) -> str:
    """The figures an assignment ``row`` (NEW or OLD) adds (sign '') or takes away ('-')."""
    return _figures_upsert(
        f"""SELECT {row}.theme_id, {sign}1, {sign}(satisfaction IS NOT NULL),
        {sign}COALESCE(satisfaction, 0), {sign}consent_to_quote
    FROM submissions WHERE id = {row}.submission_id AND status = 'active'
        AND {row}.theme_id IS NOT NULL"""
    )


def _counted(row: str) -> list[str]:
    """What a submission ``row`` (NEW or OLD) counts for in each of its themes' figures:
    itself, whether it is rated, its score, whether it may be quoted (nothing unless active)."""
    values = ["1", f"{row}.satisfaction IS NOT NULL", f"COALESCE({row}.satisfaction, 0)"]
    values.append(f"{row}.consent_to_quote")
    return [f"IIF({row}.status = 'active', {value}, 0)" for value in values]


def _submission_delta(terms: list[str], row: str) -> str:
    """The (theme, figures) rows a change of submission ``row`` adds to each of its themes."""
    return f"""SELECT a.theme_id, {", ".join(terms)}
    FROM assignments a WHERE a.submission_id = {row}.id AND a.theme_id IS NOT NULL"""


_SUBMISSION_CHANGED = _submission_delta(
    [f"{new} - {old}" for new, old in zip(_counted("NEW"), _counted("OLD"), strict=True)], "NEW"
)
_SUBMISSION_DELETED = _submission_delta([f"-{old}" for old in _counted("OLD")], "OLD")
_FIGURES_NOW = (
    "SELECT a.theme_id, COUNT(*), COUNT(s.satisfaction), TOTAL(s.satisfaction), "
    "SUM(s.consent_to_quote) FROM assignments a JOIN submissions s ON s.id = a.submission_id "
    "WHERE s.status = 'active' AND a.theme_id IS NOT NULL GROUP BY a.theme_id"
)
_M011_SQL = f"""
CREATE TABLE theme_figures (
    theme_id TEXT PRIMARY KEY,
    size INTEGER NOT NULL DEFAULT 0,
    rated INTEGER NOT NULL DEFAULT 0,
    satisfaction_total REAL NOT NULL DEFAULT 0,
    quotable INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

{_figures_upsert(_FIGURES_NOW)}

CREATE TRIGGER theme_figures_assigned AFTER INSERT ON assignments BEGIN
    {_figures_of("", "NEW")}
END;

CREATE TRIGGER theme_figures_unassigned AFTER DELETE ON assignments BEGIN
    {_figures_of("-", "OLD")}
END;

CREATE TRIGGER theme_figures_reassigned AFTER UPDATE OF theme_id, submission_id ON assignments
BEGIN
    {_figures_of("-", "OLD")}
    {_figures_of("", "NEW")}
END;

CREATE TRIGGER theme_figures_submission_changed
AFTER UPDATE OF id, status, satisfaction, consent_to_quote ON submissions BEGIN
    {_figures_upsert(_SUBMISSION_CHANGED)}
END;

CREATE TRIGGER theme_figures_submission_deleted AFTER DELETE ON submissions BEGIN
    {_figures_upsert(_SUBMISSION_DELETED)}
END;

CREATE TRIGGER theme_figures_theme_deleted AFTER DELETE ON themes BEGIN
    DELETE FROM theme_figures WHERE theme_id = OLD.id;
END;
"""


def m012_month_index(db: sqlite_utils.Database) -> None:
    """The dashboard's submissions by month count from an index of the month each was
    received in (those without a date apart), instead of reading every row. Two indexes
    nothing reads any more go, which makes every import lighter: the one by month of entry
    (undated submissions are no longer dated on the day they were entered) and the one the
    dashboard's theme sizes were counted from (the database keeps them now: m011)."""
    run_script(db, _M012_SQL)


_M012_SQL = """
DROP INDEX IF EXISTS submissions_month_status;
DROP INDEX IF EXISTS submissions_id_satisfaction;
CREATE INDEX submissions_received_month ON submissions (substr(received_at, 1, 7), status);
"""

MIGRATIONS: list[Migration] = [
    m001_initial,
    m002_theming,
    m003_search_as_you_type,
    m004_dashboard_indexes,
    m005_recommendations_and_papers,
    m006_dashboard_theme_indexes,
    m007_tombstones,
    m008_themes_numbered_from_one,
    m009_theme_review_index,
    m010_unthemed_index,
    m011_theme_figures,
    m012_month_index,
]


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
            if schema_version(db) >= number:
                continue  # another process applied it while this one waited for the write lock
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
