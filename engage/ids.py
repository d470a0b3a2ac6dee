"""Globally unique row ids and UTC timestamps, so office databases merge without collisions.

Every date and time engage stamps or defaults to comes from ``clock`` here: tests set it to
a fixed or manual clock instead of waiting for the real one."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime


def system_clock() -> datetime:
    """The machine's current time, in UTC."""
    return datetime.now(UTC)


clock: Callable[[], datetime] = system_clock


def new_id() -> str:
    """A random 32-character hex id (UUID4)."""
    return uuid.uuid4().hex


def utc_now() -> str:
    """The current time as UTC ISO-8601 with microseconds, e.g. 2026-11-25T01:20:53.123456+00:00."""
    return clock().astimezone(UTC).isoformat(timespec="microseconds")


def today() -> date:
    """Today's date where engage runs (the local calendar day of ``clock``)."""
    return clock().astimezone().date()
