"""Office bundles and merging: how one office's database rolls up into a provincial one.

A bundle is an engage database holding only what may leave the office (see
``engage.db.bundles``): partners whose data-sharing consent is provincial or public and
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

import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from engage import bundle_files
from engage.db import audit, bundles, manifests
from engage.db.bundles import STAGE
from engage.db.connection import transaction
from engage.db.merging import merge_stage
from engage.db.migrations import MIGRATIONS
from engage.db.office import office_name
from engage.db.submissions import erasing
from engage.errors import DamagedDatabase, PathTaken, StoreError, UserError
from engage.ids import utc_now

SOURCE = "incoming"


def export_bundle(db: sqlite_utils.Database, out: str | Path, force: bool = False) -> dict:
    """Write the office bundle to ``out``; returns what went in and what was held back.

    It is built in a private temporary folder from redacted values only, compacted, and
    put at ``out`` in one step: ``out``'s folder never holds a partial bundle."""
    out = Path(out)
    if out.exists() and not force:
        raise PathTaken(f"{out} already exists")
    if not out.parent.is_dir():
        raise UserError(f"folder {out.parent} does not exist")
    bundles.check_sound(
        db,
        "main",
        lambda detail: (
            f"the database is damaged ({detail}); no bundle written — restore it from a backup"
        ),
        DamagedDatabase,
    )
    office = office_name(db)
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
            manifests.write_manifest(db, STAGE, office, utc_now())
        bundles.write_stage(db, built)
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
            report = merge_stage(db)
    except sqlite3.DatabaseError as error:
        raise UserError(f"cannot merge {other.name}: {error}") from None
    finally:
        bundles.detach_stage(db)
        bundles.detach(db, SOURCE)
    report["held_back"] = held_back
    report["schema_version"] = version
    report["bundle"] = manifest is not None
    return report


def _check_incoming(
    db: sqlite_utils.Database, other: Path, not_engage: UserError
) -> tuple[int, dict | None]:
    """Refuse what is not engage's, is damaged, is newer than this engage or was changed
    after export; returns the input's schema version and manifest (None for a database)."""

    try:
        tables = bundles.table_names(db, SOURCE)
    except sqlite3.DatabaseError as error:
        raise not_engage from error
    if "schema_migrations" not in tables:
        raise not_engage
    bundles.check_sound(
        db,
        SOURCE,
        lambda detail: f"{other.name} is damaged ({detail}); nothing merged — ask for a new copy",
    )
    version = bundles.schema_version_of(db, SOURCE)
    if version > len(MIGRATIONS):
        raise UserError(
            f"{other.name} was written by a newer engage (schema {version}); "
            "upgrade engage to merge it"
        )
    return version, manifests.verify_manifest(db, SOURCE, other.name)


def _office_of(db: sqlite_utils.Database, manifest: dict | None) -> str:
    return manifest["office"] if manifest else bundles.office_of(db, SOURCE)
