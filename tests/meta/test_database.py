from __future__ import annotations

from sqlalchemy import inspect

from lakebox.meta.database import Database


def test_migrations_create_every_table_and_are_idempotent(database_url: str) -> None:
    db = Database(database_url)
    db.migrate()
    db.migrate()
    tables = set(inspect(db.engine).get_table_names())
    assert {"object_events", "access_keys", "delivery_streams", "alembic_version"} <= tables
    db.dispose()


def test_unreachable_database_is_a_clear_error() -> None:
    import pytest

    from lakebox.errors import ConfigError

    db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(ConfigError, match="cannot reach metadata database"):
        db.migrate()
