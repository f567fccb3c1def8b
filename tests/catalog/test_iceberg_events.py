"""Iceberg commits record an ObjectCreated event per data file they add, in the transaction that
swaps the table's metadata pointer."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pytest
from sqlalchemy import text

from lakebox.catalog.iceberg import IcebergTables, event_source
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents
from lakebox.storage.events import SEQUENCER_LOCK, ObjectEvent
from tests.conftest import S3Server

COLUMNS = [Column("id", "bigint"), Column("region", "string")]


@pytest.fixture
def lake(db: Database, tmp_path: Path) -> Lake:
    return Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))


def tables(db: Database, lake: Lake) -> IcebergTables:
    return IcebergTables(db, Catalog(db), lake.store, lake.events)


def rows(ids: list[int], region: str) -> pa.Table:
    return pa.table({"id": pa.array(ids, pa.int64()), "region": [region] * len(ids)})


def keys_of(iceberg: IcebergTables, lake: Lake, snapshot_id: int) -> set[str]:
    """The data files of a snapshot as the query engine plans them, as lake keys."""
    root = f"file://{lake.store.root}/"  # type: ignore[attr-defined]
    plan = iceberg.plan("sales", "orders", snapshot_id)
    return {path.removeprefix(root) for path, _ in plan.files}


def test_each_commit_records_the_data_files_it_adds(db: Database, lake: Lake) -> None:
    iceberg = tables(db, lake)
    start = lake.events.head()
    # CREATE TABLE AS SELECT is create(data=...); INSERT INTO is append.
    iceberg.create(
        "sales",
        "orders",
        COLUMNS,
        ["region"],
        data=pa.concat_tables([rows([1], "eu"), rows([2], "us")]),
    )
    iceberg.append("sales", "orders", rows([3, 4], "eu"))
    after_writes = lake.events.head()
    # Commits that add no data files record nothing.
    iceberg.evolve("sales", "orders", add=[Column("note", "string")])
    first, second = (s.snapshot_id for s in iceberg.snapshots("sales", "orders"))
    iceberg.rollback("sales", "orders", first)
    assert lake.events.head() == after_writes

    by_source: dict[str, list[ObjectEvent]] = defaultdict(list)
    for event in lake.events.read(start).events:
        by_source[event.source].append(event)
    assert set(by_source) == {
        event_source("sales", "orders", first),
        event_source("sales", "orders", second),
    }
    created = {e.key for e in by_source[event_source("sales", "orders", first)]}
    appended = {e.key for e in by_source[event_source("sales", "orders", second)]}
    assert len(created) == 2  # one file per region
    assert len(appended) == 1
    assert created == keys_of(iceberg, lake, first)
    assert created | appended == keys_of(iceberg, lake, second)
    for events in by_source.values():
        for event in events:
            assert event.key.startswith("curated/sales/orders/data/")
            info = lake.store.head(event.key)
            assert (event.event_name, event.size, event.etag, event.bucket) == (
                "ObjectCreated:Put",
                info.size,
                info.etag,
                lake.bucket,
            )


def test_a_commit_retried_after_a_conflict_records_its_files_once(
    db: Database, lake: Lake, caplog: pytest.LogCaptureFixture
) -> None:
    iceberg = tables(db, lake)
    iceberg.create("sales", "orders", COLUMNS)
    stale = iceberg.sql_catalog().load_table(("sales", "orders"))
    iceberg.append("sales", "orders", rows([1], "eu"))
    before = lake.events.head()
    with caplog.at_level(logging.WARNING, logger="pyiceberg"):
        stale.append(rows([2], "us"))  # its first attempt fails; PyIceberg retries
    assert "Commit failed due to a concurrent update" in caplog.text
    first, final = (s.snapshot_id for s in iceberg.snapshots("sales", "orders"))
    events = lake.events.read(before).events
    assert {e.source for e in events} == {event_source("sales", "orders", final)}
    assert sorted(e.key for e in events) == sorted(
        keys_of(iceberg, lake, final) - keys_of(iceberg, lake, first)
    )


def test_the_new_snapshot_and_its_events_become_visible_together(
    postgres_url: str, tmp_path: Path
) -> None:
    """While the commit waits for the event sequencer (another event writer is in flight), its
    metadata pointer swap is not visible either: the two are one transaction."""
    db = Database(postgres_url)
    db.migrate()
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    iceberg = tables(db, lake)
    iceberg.create("sales", "orders", COLUMNS)
    before_location = iceberg.metadata_location("sales", "orders")
    before = lake.events.head()
    with db.engine.connect() as other_writer:
        other_writer.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SEQUENCER_LOCK})
        appending = threading.Thread(
            target=iceberg.append, args=("sales", "orders", rows([1], "eu"))
        )
        appending.start()
        appending.join(timeout=2.0)
        assert appending.is_alive()  # waiting for the sequencer, inside its commit
        assert iceberg.metadata_location("sales", "orders") == before_location
        assert lake.events.read(before).events == []
        other_writer.rollback()
    appending.join(30)
    assert not appending.is_alive()
    assert iceberg.metadata_location("sales", "orders") != before_location
    [event] = lake.events.read(before).events
    [snapshot] = iceberg.snapshots("sales", "orders")
    assert event.source == event_source("sales", "orders", snapshot.snapshot_id)
    db.dispose()


def test_events_of_a_table_in_an_s3_lake(db: Database, s3_server: S3Server) -> None:
    store = s3_server.store("iceberg-events")
    lake = Lake(store, ObjectEvents(db))
    iceberg = IcebergTables(db, Catalog(db), store, lake.events)
    iceberg.create("sales", "orders", COLUMNS, data=rows([1, 2], "eu"))
    [event] = lake.events.since(0)
    [snapshot] = iceberg.snapshots("sales", "orders")
    assert event.source == event_source("sales", "orders", snapshot.snapshot_id)
    assert event.bucket == s3_server.bucket
    assert event.key.startswith("curated/sales/orders/data/")
    head = s3_server.client().head_object(Bucket=s3_server.bucket, Key=store.prefix + event.key)
    assert (event.size, event.etag) == (head["ContentLength"], head["ETag"].strip('"'))
