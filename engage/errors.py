"""One exception hierarchy for everything engage refuses to do.

The CLI prints any ``EngageError`` on one line and exits with status 2; the
TUI shows it as a notification. Anything else is a bug and surfaces as such.
"""


class EngageError(Exception):
    """Base of every error engage raises on purpose."""


class UserError(EngageError):
    """The user asked for something that cannot be done as asked (unknown id, bad value)."""


class DataError(EngageError):
    """An input file or its rows cannot be used (unreadable, missing column, bad cell)."""


class StoreError(EngageError):
    """The database cannot be used right now (locked too long, damaged, newer schema)."""
