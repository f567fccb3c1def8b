"""The query engine's fixture: a lake with crawled JSON/CSV/Parquet tables and an Iceberg one."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakebox.auth.access import Access
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.storage import Lake, LocalStore, ObjectEvents


@pytest.fixture
def engine(db: Database, tmp_path: Path) -> QueryEngine:
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    for hour, orders in [(18, [(1, 10.0, "nl"), (2, 5.5, "de")]), (19, [(3, 7.25, "nl")])]:
        body = b"".join(
            orjson.dumps({"id": i, "total": t, "customer": {"country": c}, "tags": ["x"]}) + b"\n"
            for i, t, c in orders
        )
        lake.put(f"raw/orders/2026/11/25/{hour}/orders-{hour}", body)
    lake.put("raw/people/p.csv", b'id,name,bio\n1,"Doe, Jane","said ""hi""\nthen left"\n2,Bob,x\n')
    buf = io.BytesIO()
    pq.write_table(pa.table({"sku": ["a", "b"], "price": [1.5, 2.0]}), buf)
    lake.put("raw/products/p.parquet", buf.getvalue())
    catalog = Catalog(db)
    crawlers = Crawlers(db, catalog, lake.store, lake.events)
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    assert crawlers.run("c").state == "SUCCEEDED"
    iceberg = IcebergTables(db, catalog, lake.store)
    iceberg.create("sales", "daily", [Column("day", "string"), Column("revenue", "float")])
    iceberg.append(
        "sales", "daily", pa.table({"day": ["mon"], "revenue": pa.array([1.5], pa.float32())})
    )
    iceberg.evolve(
        "sales", "daily", add=[Column("note", "string")], widen=[Column("revenue", "double")]
    )
    iceberg.append("sales", "daily", pa.table({"day": ["tue"], "revenue": [2.5], "note": ["up"]}))
    return QueryEngine(
        catalog, iceberg, lake.store, Access(), tmp_path / "spill", memory_limit="512MB"
    )
