"""Migration 0006 on a database holding events: ids (positions) and rows are kept, and a
source longer than 255 characters fits afterwards."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import insert, select

from lakebox.meta.database import MIGRATIONS, Database
from lakebox.storage.base import ObjectInfo
from lakebox.storage.events import ObjectEvents
from lakebox.storage.tables import object_events


def upgrade(db: Database, revision: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def test_upgrade_keeps_positions_and_widens_the_source(database_url: str) -> None:
    db = Database(database_url)
    upgrade(db, "0005")
    now = datetime.now(UTC)
    row = {"event_name": "ObjectCreated:Put", "bucket": "b", "size": 1, "etag": "e"}
    with db.begin() as conn:
        for n in (1, 2, 3):
            conn.execute(
                insert(object_events).values(**row, key=f"k{n}", event_time=now, source="")
            )
        conn.execute(object_events.delete().where(object_events.c.key == "k2"))
    db.migrate()
    events = ObjectEvents(db)
    assert [(e.id, e.key) for e in events.since(0)] == [(1, "k1"), (3, "k3")]
    long_source = "iceberg:" + "d" * 255 + "." + "t" * 255 + "@123"
    position = events.record_created("b", ObjectInfo("k4", 1, "e", now), long_source)
    assert position == 4
    with db.begin() as conn:
        assert conn.scalar(select(object_events.c.source).where(object_events.c.id == 4)) == (
            long_source
        )
    db.dispose()
