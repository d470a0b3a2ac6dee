"""The office database: opening it, its migrations and one module per noun."""

import importlib
import sys


def _import_sqlite_utils_without_pandas() -> None:
    """sqlite-utils imports pandas whenever it is installed (a noticeable share of start-up),
    only to type the pandas.Timestamp columns of tables it creates from data frames — which
    engage never does. Loading it with pandas hidden keeps `engage` and the app quick to
    start; pandas itself stays importable (the importers load it when a file is read)."""
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        importlib.import_module("sqlite_utils")
    finally:
        del sys.modules["pandas"]


_import_sqlite_utils_without_pandas()

from engage.db.connection import transaction  # noqa: E402
from engage.db.opening import open_db  # noqa: E402

__all__ = ["open_db", "transaction"]
