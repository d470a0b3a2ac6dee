"""Globally unique row ids and UTC timestamps, so office databases merge without collisions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    """A random 32-character hex id (UUID4)."""
    return uuid.uuid4().hex


def utc_now() -> str:
    """The current time as UTC ISO-8601 with microseconds, e.g. 2026-11-25T01:20:53.123456+00:00."""
    return datetime.now(UTC).isoformat(timespec="microseconds")
