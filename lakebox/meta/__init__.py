"""The metadata database (SQLAlchemy 2 + Alembic): SQLite by default, PostgreSQL for teams."""

from lakebox.meta.database import Database

__all__ = ["Database"]
