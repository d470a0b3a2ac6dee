"""The office database: opening it, its migrations and one module per noun."""

from engage.db.connection import open_db, transaction

__all__ = ["open_db", "transaction"]
