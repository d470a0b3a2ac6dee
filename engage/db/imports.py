"""Imports: one row per file of feedback imported into a consultation — which file (name and
SHA-256), how its columns were mapped, and how many rows it read, added and skipped."""

from __future__ import annotations

from typing import Any

import sqlite_utils


def insert_import(db: sqlite_utils.Database, row: dict[str, Any]) -> None:
    """Store the record of one import (its id, office and timestamps included); call it
    in the transaction that stores the import's submissions."""
    db["imports"].insert(row)
