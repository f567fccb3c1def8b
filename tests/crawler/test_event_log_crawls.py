"""Event crawls follow the gap-free event log: an object whose event commits late is still
crawled, and data files of Iceberg commits are left to their Iceberg tables."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pyarrow as pa
import pytest

from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import InvalidArgument
from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents


def ndjson(record: dict[str, object]) -> bytes:
    return orjson.dumps(record) + b"\n"


def test_a_crawler_created_while_a_write_is_in_flight_crawls_it(
    postgres_url: str, tmp_path: Path
) -> None:
    # PostgreSQL only: on SQLite, creating the crawler is a write and waits for the open one.
    db = Database(postgres_url)
    db.migrate()
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    crawlers = Crawlers(db, Catalog(db), lake.store, lake.events)
    inserted, release = threading.Event(), threading.Event()

    def slow_delivery() -> None:
        # The object is written, its event recorded in a transaction that commits late.
        info = lake.store.put("raw/slow/a.json", ndjson({"id": 1}))
        with db.begin() as conn:
            lake.events.record(conn, lake.bucket, [info], "ingest:slow")
            inserted.set()
            assert release.wait(30)

    slow = threading.Thread(target=slow_delivery)
    slow.start()
    assert inserted.wait(10)
    fast = threading.Thread(target=lambda: lake.put("raw/fast/b.json", ndjson({"id": 2})))
    fast.start()
    fast.join(timeout=1.0)
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    release.set()
    slow.join(10)
    fast.join(10)
    run = crawlers.run("c", mode="events")
    assert sorted(run.report["tables_created"]) == ["lake.fast", "lake.slow"]
    assert crawlers.position("c") == lake.events.head()
    assert crawlers.run("c", mode="events").report["objects_read"] == 0
    db.dispose()


def test_event_crawls_leave_iceberg_data_files_to_their_tables(
    db: Database, lake: Lake, crawlers: Crawlers
) -> None:
    catalog = crawlers.catalog
    iceberg = IcebergTables(db, catalog, lake.store, lake.events)
    with pytest.raises(InvalidArgument, match="curated/, which lakebox keeps for itself"):
        CrawlerSettings(name="cur", prefixes=["curated/"], database="lake", events=True)
    # a crawler over the whole lake passes the Iceberg files by
    crawlers.create(CrawlerSettings(name="cur", prefixes=[""], database="whole", events=True))
    crawlers.create(CrawlerSettings(name="raw", prefixes=["raw/"], database="lake", events=True))
    iceberg.create(
        "sales",
        "orders",
        [Column("id", "bigint"), Column("region", "string")],
        ["region"],
        data=pa.table({"id": [1, 2], "region": ["eu", "us"]}),
    )
    lake.put("raw/clicks/1.json", ndjson({"page": "/"}))
    assert len(lake.events.since(0)) == 3  # two Iceberg data files, one raw object

    cur = crawlers.run("cur", mode="events")
    assert cur.state == "SUCCEEDED"
    assert cur.report["tables_created"] == ["whole.raw"] and cur.report["objects_read"] == 1
    assert catalog.tables("whole")[0].definition.location == "raw/"
    assert crawlers.position("cur") == lake.events.head()

    raw = crawlers.run("raw", mode="events")
    assert raw.report["tables_created"] == ["lake.clicks"]
    assert not any("Iceberg" in n for n in raw.report["notes"])
    assert [t.name for t in catalog.tables("lake")] == ["clicks"]
    assert catalog.table("sales", "orders").definition.format == "iceberg"
