"""Submissions: each piece of feedback heard, stored with its redacted text.

Theming, exports and papers read ``text_redacted``; the original is kept and
shown only when asked for.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from engage import validate
from engage.cells import strip_controls
from engage.db import audit, records, tombstones
from engage.db.connection import transaction
from engage.db.contacts import contact_names
from engage.db.office import office_name
from engage.errors import UserError
from engage.ids import new_id, utc_now
from engage.models import CHANNELS, SubmissionDraft
from engage.privacy import Redactor
from engage.schema import BOOKKEEPING, Submission, columns

COLUMNS = ("id", *columns(Submission), *BOOKKEEPING)
PRIVATE_COLUMNS = ("text_original", "raw_json")
_INSERT_SQL = (
    f"INSERT INTO submissions ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmissionDetails:
    """What an officer may say about a typed-in submission besides its words: the session
    and partner it came from (by name, id or id prefix), who said it, where and when."""

    session: str | None = None
    partner: str | None = None
    respondent_type: str | None = None
    community: str | None = None
    channel: str | None = None
    question: str | None = None
    consent_to_quote: bool = False
    satisfaction: int | None = None
    received_on: str | None = None


def add_submission(
    db: sqlite_utils.Database,
    consultation: str,
    text: str,
    details: SubmissionDetails | None = None,
) -> dict[str, Any]:
    """Store one typed-in submission; channel, community and the date it was received
    default to its session's (else today)."""
    details = details or SubmissionDetails()
    consultation_id = records.resolve(db, "consultations", consultation)
    session_row = None
    if details.session:
        session_ref = records.resolve(db, "sessions", details.session)
        session_row = records.get(db, "sessions", session_ref)
        if session_row["consultation_id"] != consultation_id:
            raise UserError("that session belongs to another consultation")
    draft = SubmissionDraft(
        text=validate.required_text(text, "submission text"),
        respondent_type=details.respondent_type,
        community=details.community or (session_row or {}).get("community"),
        channel=validate.optional_choice(details.channel, CHANNELS, "channel")
        or (session_row or {}).get("channel"),
        question=details.question,
        satisfaction=validate.score(details.satisfaction, "satisfaction"),
        consent_to_quote=details.consent_to_quote,
        received_at=validate.iso_date(details.received_on, "date received")
        or (session_row or {}).get("held_on")
        or utc_now()[:10],
    )
    partner_id = records.resolve(db, "partners", details.partner) if details.partner else None
    with transaction(db):
        provenance = Provenance(
            consultation_id=consultation_id,
            session_id=(session_row or {}).get("id"),
            partner_id=partner_id,
        )
        row = draft_row(db, draft, provenance)
        db.execute(_INSERT_SQL, [row[c] for c in COLUMNS])
        audit.record(
            db,
            "create",
            "submissions",
            row["id"],
            {"consultation_id": consultation_id, "pii_kinds": row["pii_kinds"]},
        )
    return get_submission(db, row["id"])


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a draft comes from and what it belongs to: its consultation, session and
    partner, the import and file it was read from, and the office and time that store it
    (this office and now unless given)."""

    consultation_id: str
    session_id: str | None = None
    partner_id: str | None = None
    import_id: str | None = None
    source_file: str | None = None
    office: str | None = None
    now: str | None = None


def draft_row(
    db: sqlite_utils.Database,
    draft: SubmissionDraft,
    provenance: Provenance,
    redactor: Redactor | None = None,
) -> dict[str, Any]:
    """The stored row for a draft: control characters removed and redacted on the way in,
    the raw source row kept as JSON exactly as read."""
    text = strip_controls(draft.text)
    redaction = (redactor or Redactor(contact_names(db))).redact(text)
    now = provenance.now or utc_now()
    return {
        "id": new_id(),
        "consultation_id": provenance.consultation_id,
        "session_id": provenance.session_id,
        "partner_id": provenance.partner_id,
        "organisation": _clean(draft.partner_name),
        "respondent_type": _clean(draft.respondent_type),
        "community": _clean(draft.community),
        "channel": draft.channel,
        "question": _clean(draft.question),
        "received_at": draft.received_at,
        "text_original": text,
        "text_redacted": redaction.text,
        "pii_kinds": ",".join(redaction.kinds),
        "consent_to_quote": int(draft.consent_to_quote),
        "satisfaction": draft.satisfaction,
        "import_id": provenance.import_id,
        "source_file": provenance.source_file,
        "source_row": draft.row,
        "source_key": draft.row_hash,
        "raw_json": json.dumps(draft.raw, ensure_ascii=False) if draft.raw else None,
        "status": "active",
        "office": provenance.office or office_name(db),
        "created_at": now,
        "updated_at": now,
    }


def _clean(value: str | None) -> str | None:
    return strip_controls(value) or None if value else None


def insert_rows(db: sqlite_utils.Database, rows: Iterable[dict[str, Any]]) -> int:
    """Insert prepared submission rows in bulk (caller holds the transaction)."""
    cursor = db.conn.executemany(_INSERT_SQL, ([row[c] for c in COLUMNS] for row in rows))
    return cursor.rowcount


def existing_source_keys(db: sqlite_utils.Database, consultation_id: str) -> set[str]:
    return {
        r[0]
        for r in db.execute(
            "SELECT source_key FROM submissions "
            "WHERE consultation_id = ? AND source_key IS NOT NULL",
            [consultation_id],
        )
    }


def get_submission(
    db: sqlite_utils.Database, ref: str, show_original: bool = False
) -> dict[str, Any]:
    row = records.get(db, "submissions", records.resolve(db, "submissions", ref))
    row.pop("seq", None)
    return row if show_original else hide_original(row)


def hide_original(row: dict[str, Any]) -> dict[str, Any]:
    """The row without the unredacted text and raw source row."""
    return {k: v for k, v in row.items() if k not in PRIVATE_COLUMNS}


def withdraw(db: sqlite_utils.Database, ref: str, reason: str | None = None) -> dict[str, Any]:
    """Withdraw a submission: its words are erased from the database (original, redacted
    text, raw source row, search index, cached embeddings, quotes picked for a theme) and a
    tombstone (id, date, reason) is kept, which the next bundle carries to the province.
    The row itself stays, empty, so that importing its file again does not bring it back."""
    submission_id = records.resolve(db, "submissions", ref, where="status = 'active'")
    (text,) = db.execute(
        "SELECT text_redacted FROM submissions WHERE id = ?", [submission_id]
    ).fetchone()
    with erasing(db), transaction(db):
        now = utc_now()
        db.execute(
            f"UPDATE submissions SET {ERASED}, status = 'withdrawn', withdrawn_reason = ?, "
            "updated_at = ? WHERE id = ?",
            [reason or None, now, submission_id],
        )
        tombstones.lay(db, "submissions", submission_id, reason, now)
        forget_quotes(db, [submission_id])
        forget_embeddings(db, [text])
        forget_in_search(db)
        audit.record(db, "withdraw", "submissions", submission_id, {"reason": reason})
    return get_submission(db, submission_id)


# What a withdrawal blanks: the person's words and what they said about themselves.
ERASED = (
    "text_original = '', text_redacted = '', raw_json = NULL, pii_kinds = '', "
    "organisation = NULL, respondent_type = NULL, community = NULL, satisfaction = NULL"
)


@contextlib.contextmanager
def erasing(db: sqlite_utils.Database) -> Iterator[None]:
    """Erase for real inside the block: freed pages are zeroed (secure_delete), and after
    it the write-ahead log is folded back into the file and truncated, so the old bytes
    are nowhere in the files. (Killed before that, the next engage to close the database
    folds the log back.)"""
    (before,) = db.execute("PRAGMA secure_delete").fetchone()
    db.execute("PRAGMA secure_delete = ON")
    try:
        yield
        db.execute("PRAGMA main.wal_checkpoint(TRUNCATE)")
    finally:
        db.execute(f"PRAGMA secure_delete = {int(before)}")


def forget_in_search(db: sqlite_utils.Database) -> None:
    """Drop erased words from the search index itself (caller holds the transaction):
    FTS5 only marks a deleted row; merging its segments drops the words."""
    db.execute("INSERT INTO submissions_fts (submissions_fts) VALUES ('optimize')")


def forget_quotes(db: sqlite_utils.Database, submission_ids: list[str]) -> None:
    """Take submissions out of the quotes picked for every theme."""
    db.execute(
        "UPDATE themes SET quote_ids = (SELECT json_group_array(q.value) FROM "
        "json_each(themes.quote_ids) q WHERE q.value NOT IN (SELECT value FROM json_each(:ids))) "
        "WHERE EXISTS (SELECT 1 FROM json_each(themes.quote_ids) q WHERE q.value IN "
        "(SELECT value FROM json_each(:ids)))",
        {"ids": json.dumps(submission_ids)},
    )


def forget_embeddings(db: sqlite_utils.Database, texts: Iterable[str]) -> None:
    """Drop the cached embeddings of ``texts``: under the hash of the text as stored, as
    theming normalises it, and of every beginning of it (a long text is cut before the
    teaching model reads it)."""
    hashes: set[str] = set()
    for text in texts:
        for variant in {text, _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()}:
            hashes.update(_sha256(variant[:end]) for end in range(1, len(variant) + 1))
    hashes = sorted(hashes)
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        db.execute(
            f"DELETE FROM embeddings WHERE text_hash IN ({', '.join('?' for _ in chunk)})", chunk
        )


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_SPACES = re.compile(r"\s+")


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word must appear; the last may be a prefix
    (so search works as you type)."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        raise UserError("type at least one word to search for")
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmissionFilter:
    """Which submissions a person is looking at: of a consultation, session or partner
    (id, prefix or name), by channel, partner kind, consent to quote or theme, matching
    the words of ``search``; withdrawn ones only when ``include_withdrawn``."""

    consultation: str | None = None
    session: str | None = None
    partner: str | None = None
    channel: str | None = None
    partner_kind: str | None = None
    consent: bool | None = None
    search: str | None = None
    include_withdrawn: bool = False
    theme: str | None = None


def list_submissions(
    db: sqlite_utils.Database,
    query: SubmissionFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    show_original: bool = False,
) -> list[dict[str, Any]]:
    """A page of submissions, newest first (best match first when searching)."""
    query = query or SubmissionFilter()
    source, params = _matching(*_filters(db, query), query.search)
    order = "f.rank" if query.search else "s.seq DESC"
    sql = (
        f"SELECT s.*, p.name AS partner_name, p.kind AS partner_kind {source} "
        f"ORDER BY {order} LIMIT ? OFFSET ?"
    )
    rows = list(db.query(sql, [*params, limit, offset]))
    for row in rows:
        row.pop("seq", None)
    return rows if show_original else [hide_original(row) for row in rows]


def count_submissions(db: sqlite_utils.Database, query: SubmissionFilter | None = None) -> int:
    query = query or SubmissionFilter()
    source, params = _matching(*_filters(db, query), query.search)
    return db.execute(f"SELECT COUNT(*) {source}", params).fetchone()[0]


def _matching(where: list[str], params: list[Any], search: str | None) -> tuple[str, list]:
    """The FROM ... WHERE clause (and its parameters) of submissions passing the filters
    and, when searching, matching the words."""
    if search:
        where = ["submissions_fts MATCH ?", *where]
        params = [fts_query(search), *params]
        tables = "submissions_fts f JOIN submissions s ON s.seq = f.rowid"
    else:
        tables = "submissions s"
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    return f"FROM {tables} LEFT JOIN partners p ON p.id = s.partner_id{condition}", params


def _filters(db: sqlite_utils.Database, query: SubmissionFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = [] if query.include_withdrawn else ["s.status = 'active'"]
    params: list[Any] = []
    for column, table, ref in (
        ("consultation_id", "consultations", query.consultation),
        ("session_id", "sessions", query.session),
        ("partner_id", "partners", query.partner),
    ):
        if ref:
            where.append(f"s.{column} = ?")
            params.append(records.resolve(db, table, ref))
    if query.channel:
        where.append("s.channel = ?")
        params.append(validate.choice(query.channel, CHANNELS, "channel"))
    if query.partner_kind:
        where.append("p.kind = ?")
        params.append(query.partner_kind)
    if query.consent is not None:
        where.append("s.consent_to_quote = ?")
        params.append(int(query.consent))
    if query.theme:
        where.append("s.id IN (SELECT submission_id FROM assignments WHERE theme_id = ?)")
        params.append(records.resolve(db, "themes", query.theme))
    return where, params


def unquotable_texts(db: sqlite_utils.Database, run_id: str, min_chars: int) -> list[str]:
    """The redacted texts (``min_chars`` or longer) of the run's consultation that may not
    be quoted: their submitter did not consent, or withdrew them."""
    return [
        row[0]
        for row in db.execute(
            """SELECT s.text_redacted FROM submissions s
               WHERE s.consultation_id = (SELECT consultation_id FROM theme_runs WHERE id = ?)
                 AND (s.consent_to_quote = 0 OR s.status != 'active')
                 AND length(s.text_redacted) >= ?""",
            [run_id, min_chars],
        )
    ]


def active_submissions(
    db: sqlite_utils.Database, columns: Sequence[str], consultation_id: str | None = None
) -> Iterator[dict[str, Any]]:
    """The ``columns`` of every active submission (of one consultation, if given), in the
    order they were stored, read as they are needed."""
    where, params = "status = 'active'", []
    if consultation_id:
        where += " AND consultation_id = ?"
        params.append(consultation_id)
    return db.query(
        f"SELECT {', '.join(columns)} FROM submissions WHERE {where} ORDER BY seq", params
    )
