"""A bundle's manifest: format, version, office, when, rows per table and a SHA-256 of
every row, kept in the bundle itself so that a merge can tell a bundle as exported from
one changed or cut short since."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlite_utils

from engage.db.bundles import TABLES, columns, count_rows
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
