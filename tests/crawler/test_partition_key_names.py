"""A data column named as a partition key (issue 11): the table has it once, the partition key,
valued from the folder; the crawl says so. Before, ``SELECT *`` gave ``country`` and
``country_1`` and the schema history listed the column twice (Athena refuses such a table)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from lakebox.auth.access import SYSTEM
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.query.engine import QueryEngine
from lakebox.storage import Lake
from tests.crawler.test_one_bad_object import ndjson, parquet

FILES = {
    "json": lambda rows: ndjson(*rows),
    "csv": lambda rows: (
        "id,country,amount\n" + "".join(f"{r['id']},{r['country']},{r['amount']}\n" for r in rows)
    ).encode(),
    "parquet": lambda rows: parquet(pa.Table.from_pylist(rows)),
}


@pytest.mark.parametrize("fmt", FILES)
def test_a_data_column_named_as_a_partition_key_is_the_partition_key(
    lake: Lake, crawlers: Crawlers, engine: QueryEngine, fmt: str
) -> None:
    write = FILES[fmt]
    # a record in the nl folder says "xx": the folder's value is the table's
    lake.put(
        f"raw/sales/country=nl/a.{fmt}",
        write([{"id": 1, "country": "nl", "amount": 5}, {"id": 2, "country": "xx", "amount": 7}]),
    )
    lake.put(f"raw/sales/country=de/b.{fmt}", write([{"id": 3, "country": "de", "amount": 9}]))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    assert any(
        "the data's column country is also the partition key" in n for n in run.report["notes"]
    )
    catalog: Catalog = crawlers.catalog
    table = catalog.table("lake", "sales")
    assert [c.name for c in table.definition.columns] == ["id", "amount"]
    assert [k.name for k in table.definition.partition_keys] == ["country"]
    (version,) = catalog.history("lake", "sales")
    assert [c.name for c in version.columns + version.partition_keys] == ["id", "amount", "country"]
    got = engine.run("SELECT * FROM lake.sales ORDER BY id", principal=SYSTEM)
    assert [n for n, _ in got.columns] == ["id", "amount", "country"]
    assert got.rows == [(1, 5, "nl"), (2, 7, "nl"), (3, 9, "de")]
    pruned = engine.run("SELECT sum(amount) FROM lake.sales WHERE country = 'nl'", principal=SYSTEM)
    assert pruned.rows == [(12,)] and pruned.files_scanned == 1
