"""A bundle on disk: its manifest, and putting the finished file in place.

The manifest (format, version, office, when, rows per table and a SHA-256 of every row)
lets a merge tell a bundle as exported from one changed or cut short since. A bundle is
written in a private temporary folder and only then put in the target folder, in one
step, so that the target folder never holds anything but the finished file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.bundles import TABLES, columns, count_rows
from engage.errors import UserError

FORMAT = "engage-bundle"
FORMAT_VERSION = 1
MANIFEST = "bundle_manifest"


def write_manifest(db: sqlite_utils.Database, schema: str, office: str, created: str) -> dict:
    """Record the manifest of the bundle staged in ``schema``; returns it."""
    manifest = {
        "format": FORMAT,
        "format_version": str(FORMAT_VERSION),
        "office": office,
        "created_at": created,
        "rows": json.dumps(count_rows(db, schema), sort_keys=True),
        "sha256": checksum(db, schema),
    }
    db.execute(f"CREATE TABLE {schema}.{MANIFEST} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.conn.executemany(f"INSERT INTO {schema}.{MANIFEST} VALUES (?, ?)", manifest.items())
    return manifest


def read_manifest(db: sqlite_utils.Database, schema: str) -> dict[str, str] | None:
    """The manifest of a bundle attached as ``schema`` (None for an office database)."""
    tables = {r[0] for r in db.execute(f"SELECT name FROM {schema}.sqlite_master")}
    if MANIFEST not in tables:
        return None
    return dict(db.execute(f"SELECT key, value FROM {schema}.{MANIFEST}").fetchall())


def verify_manifest(db: sqlite_utils.Database, schema: str, name: str) -> dict[str, str] | None:
    """Refuse, in one line, a bundle changed or cut short since it was exported."""
    manifest = read_manifest(db, schema)
    if manifest is None:
        return None
    if manifest.get("format") != FORMAT or not manifest.get("format_version", "").isdigit():
        raise UserError(f"{name} has no valid bundle manifest; ask the office for a new bundle")
    if int(manifest["format_version"]) > FORMAT_VERSION:
        raise UserError(
            f"{name} was written by a newer engage (bundle format "
            f"{manifest['format_version']}); upgrade engage to merge it"
        )
    rows = json.dumps(count_rows(db, schema), sort_keys=True)
    if rows != manifest.get("rows") or checksum(db, schema) != manifest.get("sha256"):
        raise UserError(
            f"{name} was changed or cut short after it was exported (its rows do not match "
            "its manifest); nothing merged — ask the office for a new bundle"
        )
    return manifest


def checksum(db: sqlite_utils.Database, schema: str) -> str:
    """SHA-256 of every row of every bundle table, in a fixed order."""
    digest = hashlib.sha256()
    for table in TABLES:
        names = columns(db, schema, table)
        key = "table_name, id" if table == "tombstones" else "id"
        digest.update(json.dumps([table, names]).encode())
        for row in db.execute(f"SELECT {', '.join(names)} FROM {schema}.{table} ORDER BY {key}"):
            digest.update(json.dumps(row, default=_bytes_as_hex).encode())
    return digest.hexdigest()


def _bytes_as_hex(value: Any) -> str:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value).__name__)


@contextlib.contextmanager
def private_folder(prefix: str) -> Iterator[Path]:
    """A folder only this user can read, in the system's temporary folder, removed after
    use. One left by a process that was killed (it holds only redacted data) is removed
    the next time one is made."""
    root = Path(tempfile.gettempdir())
    for stale in root.glob(f"{prefix}*-*"):
        pid = stale.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's, or a system that cannot say: leave it
    return True


def place(built: Path, out: Path, force: bool) -> None:
    """Put the finished file ``built`` at ``out`` in one step. On the same file system it is
    renamed; on another (a USB key) it is written as a file with no name that is given its
    name only once complete (Linux), else under a hidden name renamed when complete."""
    try:
        os.replace(built, out) if force else _rename_new(built, out)
        return
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM):
            raise
    try:
        _copy_unnamed(built, out, force)
    except OSError as error:
        if error.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            raise
        _copy_hidden(built, out)


def _rename_new(built: Path, out: Path) -> None:
    """Rename without replacing a file that appeared meanwhile."""
    os.link(built, out)
    built.unlink()


def _copy_unnamed(built: Path, out: Path, force: bool) -> None:
    handle = os.open(out.parent, os.O_TMPFILE | os.O_WRONLY, _file_mode())
    try:
        with open(built, "rb") as source, os.fdopen(handle, "wb", closefd=False) as target:
            shutil.copyfileobj(source, target, 1 << 20)
            target.flush()
            os.fsync(handle)
        if not force:
            _link_unnamed(handle, out)
            return
        hidden = out.with_name(f".{out.name}.{os.getpid()}")
        _link_unnamed(handle, hidden)
        os.replace(hidden, out)
    finally:
        os.close(handle)


def _link_unnamed(handle: int, target: Path) -> None:
    """Give the unnamed file open as ``handle`` the name ``target`` (linkat through
    /proc/self/fd, following the link to the open file)."""
    descriptors = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(handle), target, src_dir_fd=descriptors, follow_symlinks=True)
    finally:
        os.close(descriptors)


def _copy_hidden(built: Path, out: Path) -> None:
    hidden = out.with_name(f".{out.name}.{os.getpid()}")
    try:
        with open(built, "rb") as source, open(hidden, "xb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
            target.flush()
            os.fsync(target.fileno())
        os.chmod(hidden, _file_mode())
        os.replace(hidden, out)
    except BaseException:
        with contextlib.suppress(OSError):
            hidden.unlink()
        raise


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
