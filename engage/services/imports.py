"""Importing a feedback file into a consultation: all rows or none, never twice."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

import sqlite_utils

from engage import validate
from engage.cells import strip_controls
from engage.config import cache_dir
from engage.db import audit, records
from engage.db.connection import database_file, transaction
from engage.db.contacts import contact_names
from engage.db.imports import insert_import
from engage.db.office import office_name
from engage.db.partners import registered_ids_by_name
from engage.db.submissions import Provenance, draft_row, existing_source_keys, insert_rows
from engage.errors import BadRows, DataError, UserError
from engage.ids import new_id, utc_now
from engage.importers import detect_mapping, plan_import, read_table
from engage.models import CHANNELS, BadRow, SubmissionDraft
from engage.privacy import Redactor

MAX_BAD_ROWS_SHOWN = 5


@dataclass
class ImportReport:
    """What an import read, what it added and what it could not use."""

    file: str
    consultation_id: str
    mapping: dict[str, Any]
    rows_read: int
    submissions_found: int
    new: int
    already_present: int
    blank_answers: int
    bad_rows: list[BadRow] = field(default_factory=list)
    preview: list[dict[str, Any]] = field(default_factory=list)
    import_id: str | None = None
    dry_run: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportOptions:
    """How to read a feedback file: ``overrides`` maps a column to the field it holds (or
    ``ignore``); ``dry_run`` only reports; ``skip_bad`` stores the usable rows of a file
    with unusable ones; ``session`` (name, id or id prefix) is where the feedback was heard;
    ``channel`` is the channel of every row."""

    overrides: dict[str, str] | None = None
    dry_run: bool = False
    skip_bad: bool = False
    session: str | None = None
    channel: str | None = None


def import_file(
    db: sqlite_utils.Database,
    path: str | Path,
    consultation: str,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Read ``path``, map its columns, redact, and store one submission per answer.

    The options' ``channel`` is the channel of every row (any channel column is then not
    read); without it, rows whose file gives no channel take the ``session``'s, if any. A row
    without a date keeps none (it is never dated on the day of the import). Refuses the whole
    file if any row is unusable (unless ``skip_bad``), and adds nothing for rows already
    imported from the same source; refuses a file that another engage is importing into the
    same database at that moment."""
    path = Path(path)
    options = options or ImportOptions()
    consultation_id = records.resolve(db, "consultations", consultation)
    session_row = None
    if options.session:
        session_row = records.get(db, "sessions", records.resolve(db, "sessions", options.session))
    channel = validate.optional_choice(options.channel, CHANNELS, "channel")
    with importing(db, path):
        return _import(db, path, consultation_id, session_row, replace(options, channel=channel))


def _import(
    db: sqlite_utils.Database,
    path: Path,
    consultation_id: str,
    session_row: dict[str, Any] | None,
    options: ImportOptions,
) -> ImportReport:
    frame = read_table(path)
    mapping = detect_mapping(frame, options.overrides or {})
    plan = plan_import(
        frame,
        mapping,
        source_name=path.name,
        default_channel=(session_row or {}).get("channel"),
        channel=options.channel,
    )
    mapping = plan.mapping
    if plan.bad_rows and not options.skip_bad:
        raise BadRows(_bad_rows_message(path, plan.bad_rows))
    known = existing_source_keys(db, consultation_id)
    fresh = [d for d in plan.drafts if d.row_hash not in known]
    report = ImportReport(
        file=str(path),
        consultation_id=consultation_id,
        mapping=_mapping_dict(mapping),
        rows_read=plan.n_rows,
        submissions_found=len(plan.drafts),
        new=len(fresh),
        already_present=len(plan.drafts) - len(fresh),
        blank_answers=plan.n_blank_answers,
        bad_rows=plan.bad_rows,
        dry_run=options.dry_run,
        preview=[_preview(d) for d in plan.preview(5)],
    )
    if not options.dry_run and fresh:
        heard = Provenance(
            consultation_id=consultation_id, session_id=(session_row or {}).get("id")
        )
        report.import_id = _store(db, path, heard, fresh, report)
    return report


def _store(
    db: sqlite_utils.Database,
    path: Path,
    heard: Provenance,
    drafts: list[SubmissionDraft],
    report: ImportReport,
) -> str | None:
    """Store the drafts not yet present as one import from ``path``; ``heard`` names the
    consultation and session they belong to."""
    consultation_id = heard.consultation_id
    partner_ids = registered_ids_by_name(db)
    redactor = Redactor(contact_names(db))
    import_id = new_id()
    office = office_name(db)
    now = utc_now()
    with transaction(db):
        # Rows another import stored since this one read the file are already present.
        known = existing_source_keys(db, consultation_id)
        drafts = [d for d in drafts if d.row_hash not in known]
        report.already_present += report.new - len(drafts)
        report.new = len(drafts)
        if not drafts:
            return None
        insert_import(
            db,
            {
                "id": import_id,
                "consultation_id": consultation_id,
                "file_name": path.name,
                "file_sha256": _sha256(path),
                "mapping": json.dumps(report.mapping),
                "rows_read": report.rows_read,
                "submissions_added": report.new,
                "already_present": report.already_present,
                "bad_rows": len(report.bad_rows),
                "office": office,
                "created_at": now,
                "updated_at": now,
            },
        )
        provenance = replace(
            heard, import_id=import_id, source_file=path.name, office=office, now=now
        )
        rows = (
            draft_row(
                db,
                d,
                replace(
                    provenance, partner_id=partner_ids.get((d.partner_name or "").strip().lower())
                ),
                redactor,
            )
            for d in drafts
        )
        insert_rows(db, rows)
        audit.record(
            db,
            "import",
            "imports",
            import_id,
            {
                "file": path.name,
                "consultation_id": consultation_id,
                "added": report.new,
                "already_present": report.already_present,
                "skipped_rows": [b.row for b in report.bad_rows],
            },
        )
    return import_id


@contextlib.contextmanager
def importing(db: sqlite_utils.Database, path: Path) -> Iterator[None]:
    """Hold the lock on importing this file's contents into this database; a second
    import of the same file at the same time is refused at once. The lock is the
    operating system's, so it goes with a process that is killed."""
    try:
        digest = _sha256(path)
    except OSError as error:
        raise DataError(f"cannot read {path.name}: {error.strerror} (check the file)") from None
    database = Path(database_file(db) or "memory").resolve()
    key = hashlib.sha256(f"{database}\n{digest}".encode()).hexdigest()[:32]
    folder = cache_dir() / "import-locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{key}.lock", "a+b") as handle:
        if not _try_lock(handle):
            raise UserError(
                f"{path.name} is already being imported into this database by another "
                "engage; wait for it to finish (importing it again then adds nothing)"
            )
        try:
            yield
        finally:
            _unlock(handle)


def _try_lock(handle: BinaryIO) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
    try:  # Windows
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return True
    except OSError:
        return False


def _unlock(handle: BinaryIO) -> None:
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    else:
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _mapping_dict(mapping: Any) -> dict[str, Any]:
    return {
        "fields": dict(mapping.fields),
        "text_columns": list(mapping.text_columns),
        "ignored": list(mapping.ignored),
        "unmapped": list(mapping.unmapped),
    }


def _preview(draft: SubmissionDraft) -> dict[str, Any]:
    return {
        "row": draft.row,
        "question": draft.question,
        "text": Redactor().redact(strip_controls(draft.text)).text,
        "organisation": draft.partner_name,
        "community": draft.community,
        "channel": draft.channel,
        "satisfaction": draft.satisfaction,
        "consent_to_quote": draft.consent_to_quote,
    }


def _bad_rows_message(path: Path, bad_rows: list[BadRow]) -> str:
    shown = "; ".join(f"row {b.row}: {b.reason}" for b in bad_rows[:MAX_BAD_ROWS_SHOWN])
    more = (
        f" (and {len(bad_rows) - MAX_BAD_ROWS_SHOWN} more)"
        if len(bad_rows) > MAX_BAD_ROWS_SHOWN
        else ""
    )
    return (
        f"{path.name}: {len(bad_rows)} row(s) cannot be imported, nothing was written — "
        f"{shown}{more}; fix them"
    )
