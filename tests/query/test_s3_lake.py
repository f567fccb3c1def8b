"""Queries over an s3:// lake (moto's S3 server on loopback): crawled tables with partitions,
Iceberg tables written by CTAS, and the sandbox still closed to everything outside the lake."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakebox.auth.access import SYSTEM, Access
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.storage import Lake, ObjectEvents


@pytest.fixture
def s3_engine(s3_server: Any, db: Database, tmp_path: Path) -> QueryEngine:
    store = s3_server.store("q")
    lake = Lake(store, ObjectEvents(db))
    for hour in (18, 19):
        body = b"".join(orjson.dumps({"id": hour * 10 + i, "v": i}) + b"\n" for i in range(3))
        lake.put(f"raw/events/2026/11/25/{hour}/e-{hour}", body)
    buf = io.BytesIO()
    pq.write_table(pa.table({"sku": ["a", "b"], "price": [1.5, 2.0]}), buf)
    lake.put("raw/products/p.parquet", buf.getvalue())
    catalog = Catalog(db)
    crawlers = Crawlers(db, catalog, store, lake.events)
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    assert crawlers.run("c").state == "SUCCEEDED"
    engine = QueryEngine(
        catalog, IcebergTables(db, catalog, store), store, Access(), tmp_path / "spill"
    )
    yield engine
    engine.close()


def test_queries_over_an_s3_lake(s3_engine: QueryEngine) -> None:
    r = s3_engine.run(
        "SELECT hour, count(*), sum(v) FROM lake.events GROUP BY 1 ORDER BY 1", principal=SYSTEM
    )
    assert r.rows == [("18", 3, 3), ("19", 3, 3)]
    pruned = s3_engine.run("SELECT count(*) FROM lake.events WHERE hour = '19'", principal=SYSTEM)
    assert pruned.rows == [(3,)] and pruned.files_scanned == 1
    assert s3_engine.run("SELECT sum(price) FROM lake.products", principal=SYSTEM).rows == [(3.5,)]
    # CTAS writes an Iceberg table into the S3 lake; it reads back, also at a snapshot
    s3_engine.run(
        "CREATE TABLE cur.hourly AS SELECT hour, count(*) AS n FROM lake.events GROUP BY 1",
        principal=SYSTEM,
    )
    s3_engine.run("INSERT INTO cur.hourly VALUES ('20', 0)", principal=SYSTEM)
    assert s3_engine.run("SELECT hour, n FROM cur.hourly ORDER BY 1", principal=SYSTEM).rows == [
        ("18", 3),
        ("19", 3),
        ("20", 0),
    ]
    first = s3_engine.iceberg.snapshots("cur", "hourly")[0].snapshot_id
    r = s3_engine.run(
        f"SELECT count(*) FROM cur.hourly FOR VERSION AS OF {first}", principal=SYSTEM
    )
    assert r.rows == [(2,)]


def test_the_s3_engine_reads_nothing_outside_the_lake(
    s3_engine: QueryEngine, s3_server: Any
) -> None:
    import duckdb

    s3_server.client().put_object(Bucket=s3_server.bucket, Key="elsewhere/x.csv", Body=b"a\n1\n")
    con = s3_engine._connect()
    for sql in (
        f"SELECT * FROM read_csv('s3://{s3_server.bucket}/elsewhere/x.csv')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_parquet('http://127.0.0.1:9/x.parquet')",
    ):
        with pytest.raises(duckdb.Error, match=r"disabled by configuration|locked"):
            con.execute(sql)
    con.close()
    # the lake's S3 secret is out of reach of queries (the first wall)
    from lakebox.errors import InvalidArgument

    for sql in ("SELECT * FROM duckdb_secrets()", "CREATE SECRET s (TYPE s3, KEY_ID 'x')"):
        with pytest.raises(InvalidArgument, match="not allowed"):
            s3_engine.run(sql, dialect="duckdb", principal=SYSTEM)
