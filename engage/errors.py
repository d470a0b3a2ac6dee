"""One exception hierarchy for everything engage refuses to do.

A message says what is wrong in the user's words, never which command or key mends it:
the CLI prints any ``EngageError`` on one line (adding the command that helps, from the
error's type and fields) and exits with status 2; the TUI shows it as a notification
(adding the key that helps). Anything else is a bug and surfaces as such.
"""


class EngageError(Exception):
    """Base of every error engage raises on purpose."""


class UserError(EngageError):
    """The user asked for something that cannot be done as asked (unknown id, bad value)."""


class DataError(EngageError):
    """An input file or its rows cannot be used (unreadable, missing column, bad cell)."""


class StoreError(EngageError):
    """The database cannot be used right now (locked too long, damaged, newer schema)."""


class NotFound(UserError):
    """Nothing in ``table`` matches what the user gave: an interface can show that list."""

    def __init__(self, message: str, table: str) -> None:
        super().__init__(message)
        self.table = table


class NoThemeRun(UserError):
    """There is nothing to review yet: the consultation has not been themed."""


class PathTaken(UserError):
    """Writing would replace an existing file: choose another path, or replace it on
    purpose."""


class DamagedDatabase(UserError):
    """The database is damaged, so nothing was written from it; a check says where."""


class MissingChoice(UserError):
    """Something the user must choose was not given: ``choice`` names it ('theme',
    'database file')."""

    def __init__(self, message: str, choice: str) -> None:
        super().__init__(message)
        self.choice = choice


class BadRows(DataError):
    """Some rows of a file cannot be imported, so none was; the rest can be imported
    without them on purpose."""


class NoTextColumn(DataError):
    """No column of a file was found to hold the free text: the user can name it."""


class MappedTwice(UserError):
    """One column of a file was mapped to two fields."""


class ThemeCount(UserError):
    """The number of themes asked for is one the answers cannot make."""


class TooFewToSplit(ThemeCount):
    """A number of themes was asked for, but the answers are too few to split at all: the
    number is best left to the answers."""
