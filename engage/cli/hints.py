"""What the CLI adds to an error of the core: the command or option that helps. The core
says what is wrong; only the CLI knows its own commands."""

from __future__ import annotations

from engage.errors import (
    BadRows,
    DamagedDatabase,
    EngageError,
    MappedTwice,
    MissingChoice,
    NoTextColumn,
    NotFound,
    NoThemeRun,
    PathTaken,
    TooFewToSplit,
)

# The command that lists a table's rows, where it is not 'engage TABLE list'.
LIST_COMMANDS = {
    "theme_runs": "themes runs",
    "themes": "themes list",
    "recommendations": "recommend list",
    "contacts": "partners show PARTNER",
}
CHOICES = {
    "theme": ": give --theme N",
    "database file": "; give a database file with --db",
}


def with_hint(problem: EngageError) -> str:
    """The error's message followed by the command or option that helps, if one does."""
    return f"{problem}{hint(problem)}"


def hint(problem: EngageError) -> str:
    if isinstance(problem, NotFound):
        return f" (see 'engage {LIST_COMMANDS.get(problem.table, problem.table + ' list')}')"
    if isinstance(problem, MissingChoice):
        return CHOICES.get(problem.choice, "")
    return _FIXED.get(type(problem), "")


_FIXED: dict[type[EngageError], str] = {
    NoThemeRun: ": run 'engage theme CONSULTATION' first",
    PathTaken: "; choose another path or use --force",
    DamagedDatabase: " (run 'engage db check' for details)",
    BadRows: " or use --skip-bad to import the rest",
    MappedTwice: " (keep one --map for it)",
    NoTextColumn: " (name it with --map COLUMN=text)",
    TooFewToSplit: "; leave out --themes",
}
