"""Where engage keeps its files, and the settings read from the environment.

``ENGAGE_HOME`` overrides the user data directory (default database, demo
database, caches); ``ENGAGE_DB`` names the database to use.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import platformdirs

APP_NAME = "engage"


def engage_home() -> Path:
    """The folder for engage's own files: ENGAGE_HOME, else the platform's user data dir."""
    configured = os.environ.get("ENGAGE_HOME")
    if configured:
        home = Path(configured).expanduser()
    else:
        home = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def default_db_path() -> Path:
    """The database used when neither --db nor ENGAGE_DB is given."""
    configured = os.environ.get("ENGAGE_DB")
    if configured:
        return Path(configured).expanduser()
    return engage_home() / "engage.db"


def demo_db_path() -> Path:
    """The demo database: always inside engage's home, never the user's own database."""
    return engage_home() / "demo" / "demo.db"


def cache_dir() -> Path:
    """Caches that can be rebuilt (distilled embedding models and the like)."""
    path = engage_home() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def current_actor() -> str:
    """Who is making a change, for the audit log: ENGAGE_USER, else the login name."""
    configured = os.environ.get("ENGAGE_USER")
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def default_office() -> str:
    """The office name stamped on rows of a new database (ENGAGE_OFFICE, else 'Local office')."""
    return os.environ.get("ENGAGE_OFFICE", "Local office")


def _source_root() -> Path:
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The bundled demo data: ``data/`` in a checkout, ``engage/_data`` once installed."""
    return _bundled("data", "_data")


def templates_dir() -> Path:
    """The built-in paper templates: ``templates/`` in a checkout, ``engage/_templates``
    once installed."""
    return _bundled("templates", "_templates")


def _bundled(checkout_name: str, package_name: str) -> Path:
    packaged = Path(__file__).resolve().parent / package_name
    if packaged.is_dir():
        return packaged
    return _source_root() / checkout_name
