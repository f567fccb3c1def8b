from __future__ import annotations

import gzip
import io
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents


def ndjson(*records: dict) -> bytes:  # type: ignore[type-arg]
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


def columns(crawlers: Crawlers, db: str, table: str) -> dict[str, str]:
    return {c.name: c.type for c in crawlers.catalog.table(db, table).definition.columns}


def test_firehose_folders_become_one_table_with_partitions(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/orders/2026/11/25/18/orders-1-a", ndjson({"id": 1, "total": 5}))
    lake.put("raw/orders/2026/11/25/19/orders-1-b", gzip.compress(ndjson({"id": 2, "total": 7.5})))
    lake.put("raw/orders/2026/11/25/19/orders-1-c", ndjson({"id": 3, "total": 1, "coupon": "X"}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/orders/"], database="lake"))
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    assert run.report["tables_created"] == ["lake.orders"]
    assert columns(crawlers, "lake", "orders") == {
        "id": "bigint",
        "total": "double",
        "coupon": "string",
    }
    table = crawlers.catalog.table("lake", "orders")
    assert [k.name for k in table.definition.partition_keys] == ["year", "month", "day", "hour"]
    assert table.definition.location == "raw/orders/"
    assert table.definition.properties["object_count"] == 3
    parts = crawlers.catalog.partitions("lake", "orders")
    assert [(p.values, p.object_count) for p in parts] == [
        (("2026", "11", "25", "18"), 1),
        (("2026", "11", "25", "19"), 2),
    ]
    assert parts[1].location == "raw/orders/2026/11/25/19/"


def test_crawling_a_zone_makes_a_table_per_folder(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/deals/2026/11/25/18/d", ndjson({"deal": "a"}))
    lake.put("raw/clicks/country=nl/2026/11/25/18/c", ndjson({"page": "/"}))
    lake.put("raw/clicks/country=de/2026/11/25/18/c", ndjson({"page": "/x"}))
    crawlers.create(
        CrawlerSettings(name="c", prefixes=["raw"], database="lake", table_prefix="raw_")
    )
    run = crawlers.run("c")
    assert sorted(run.report["tables_created"]) == ["lake.raw_clicks", "lake.raw_deals"]
    clicks = crawlers.catalog.table("lake", "raw_clicks")
    assert [k.name for k in clicks.definition.partition_keys] == [
        "country",
        "year",
        "month",
        "day",
        "hour",
    ]
    assert len(crawlers.catalog.partitions("lake", "raw_clicks")) == 2


def test_schema_changes_become_versions(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/e/2026/11/25/18/a", ndjson({"id": 1, "n": 1}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/e/"], database="lake"))
    crawlers.run("c")
    lake.put("raw/e/2026/11/25/19/b", ndjson({"id": 2, "n": 1.5, "tag": "x"}))
    run = crawlers.run("c")
    changes = [c["change"] for c in run.report["schema_changes"]]
    assert changes == ["column tag added (string)", "column n type widened bigint -> double"]
    lake.put("raw/e/2026/11/25/20/c", ndjson({"id": "text", "n": 2, "tag": "y"}))
    crawlers.run("c")
    history = crawlers.catalog.history("lake", "e")
    assert [v.version for v in history] == [1, 2, 3]
    assert [c["description"] for c in history[2].changes] == [
        "column id type widened bigint -> string"
    ]
    assert history[0].changes[0]["kind"] == "added"


def test_policy_log_only_reports(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/e/a.json", ndjson({"id": 1}))
    crawlers.create(
        CrawlerSettings(name="c", prefixes=["raw/e/"], database="lake", update_behavior="LOG")
    )
    crawlers.run("c")
    lake.put("raw/e/b.json", ndjson({"id": 1, "new": True}))
    run = crawlers.run("c")
    assert run.report["schema_changes"] == [
        {"table": "lake.e", "change": "column new added (boolean)", "applied": False}
    ]
    assert columns(crawlers, "lake", "e") == {"id": "bigint"}


def test_bad_objects_are_skipped_and_never_lose_a_table(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/e/2026/11/25/18/good", ndjson({"id": 1}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/e/"], database="lake"))
    crawlers.run("c")
    lake.put("raw/e/2026/11/25/19/bad.json", b'{"id": 2}\n{oops\n')
    lake.put("raw/e/2026/11/25/19/bad.gz", b"\x1f\x8b\x08\x00" + b"garbage" * 10)
    lake.put("raw/e/2026/11/25/19/_SUCCESS", b"")
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED"
    skipped = {s["key"]: s["reason"] for s in run.report["objects_skipped"]}
    assert skipped["raw/e/2026/11/25/19/bad.json"].startswith("line 2 is not JSON")
    assert "corrupt gzip" in skipped["raw/e/2026/11/25/19/bad.gz"]
    assert "raw/e/2026/11/25/19/_SUCCESS" not in skipped  # marker files are not data
    assert columns(crawlers, "lake", "e") == {"id": "bigint"}
    assert crawlers.catalog.table("lake", "e").status == "active"


def test_clearly_different_schemas_become_separate_tables(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/app/events/a.json", ndjson({"event": "click", "ts": 1}))
    lake.put("raw/app/users/b.json", ndjson({"user_id": 1, "email": "a@b", "plan": "pro"}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    run = crawlers.run("c")
    assert sorted(run.report["tables_created"]) == ["lake.app_events", "lake.app_users"]
    assert "clearly different schemas" in run.report["notes"][0]
    assert crawlers.catalog.table("lake", "app_users").definition.location == "raw/app/users/"


def test_csv_and_parquet_tables(crawlers: Crawlers, lake: Lake) -> None:
    lake.put(
        "raw/customers/part1.csv",
        b'id,name,note\n1,"Doe, Jane","said ""hi""\nthen left"\n2,Bob,x\n',
    )
    buf = io.BytesIO()
    pq.write_table(pa.table({"sku": ["a", "b"], "price": [1.5, 2.0]}), buf)
    lake.put("raw/products/p.parquet", buf.getvalue())
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    crawlers.run("c")
    customers = crawlers.catalog.table("lake", "customers")
    assert customers.definition.format == "csv"
    assert customers.definition.format_options["header"] is True
    assert columns(crawlers, "lake", "customers") == {
        "id": "bigint",
        "name": "string",
        "note": "string",
    }
    products = crawlers.catalog.table("lake", "products")
    assert products.definition.format == "parquet"
    assert products.definition.properties["row_estimate"] == 2


def test_event_mode_reads_only_new_objects(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/e/2026/11/25/18/a", ndjson({"id": 1}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/e/"], database="lake", events=True))
    crawlers.run("c")  # a full crawl covers what was there
    lake.put("raw/e/2026/11/25/19/b", ndjson({"id": 2, "extra": "x"}))
    lake.put("raw/other/x", ndjson({"z": 1}))  # outside the prefix
    run = crawlers.run("c", mode="events")
    assert run.report["objects_read"] == 1
    assert run.report["partitions_added"] == 1
    assert columns(crawlers, "lake", "e") == {"id": "bigint", "extra": "string"}
    assert crawlers.catalog.table("lake", "e").definition.properties["object_count"] == 2
    again = crawlers.run("c", mode="events")
    assert again.report["objects_read"] == 0


def test_vanished_data_deprecates_the_table(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/old/a.json", ndjson({"id": 1}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    crawlers.run("c")
    lake.delete("raw/old/a.json")
    run = crawlers.run("c")
    assert run.report["tables_deprecated"] == ["lake.old"]
    assert crawlers.catalog.table("lake", "old").status == "deprecated"


def test_crawler_definition_errors(crawlers: Crawlers) -> None:
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    with pytest.raises(AlreadyExists):
        crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    with pytest.raises(InvalidArgument, match="not a cron expression"):
        CrawlerSettings(name="d", prefixes=["raw/"], database="lake", schedule="every hour")
    with pytest.raises(InvalidArgument, match="at least one"):
        CrawlerSettings(name="d", prefixes=[], database="lake")
    with pytest.raises(NotFound, match="crawler 'nope' not found; crawlers: c"):
        crawlers.run("nope")
    with pytest.raises(NotFound, match=r"table lake.ordrs not found"):
        crawlers.catalog.table("lake", "ordrs")


def test_a_table_whose_objects_all_turn_bad_is_kept(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/t/a.json", ndjson({"id": 1}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    crawlers.run("c")
    lake.put("raw/t/a.json", b"\x1f\x8b\x08\x00broken")
    run = crawlers.run("c")
    assert run.report["tables_deprecated"] == []
    assert "kept as it was" in run.report["notes"][0]
    table = crawlers.catalog.table("lake", "t")
    assert table.status == "active" and [c.name for c in table.definition.columns] == ["id"]


def test_a_partition_whose_object_turns_bad_is_kept(crawlers: Crawlers, lake: Lake) -> None:
    lake.put("raw/t/2026/11/25/18/a", ndjson({"id": 1}))
    lake.put("raw/t/2026/11/25/19/b", ndjson({"id": 2}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    crawlers.run("c")
    lake.put("raw/t/2026/11/25/19/b", b'{"id": 2}\nbroken\n')
    lake.delete("raw/t/2026/11/25/18/a")
    lake.put("raw/t/2026/11/25/20/c", ndjson({"id": 3}))
    run = crawlers.run("c")
    assert run.report["partitions_removed"] == 1  # hour 18: its data is really gone
    hours = [p.values[-1] for p in crawlers.catalog.partitions("lake", "t")]
    assert hours == ["19", "20"]  # hour 19 stays: its object exists, only unreadable now


def test_lakebox_own_areas_are_never_crawled(db: Database, tmp_path: Path) -> None:
    """Query results belong to whoever ran the query and Iceberg files to their tables: a
    crawler may not be pointed at them, and one over the whole lake passes them by."""
    from lakebox.errors import InvalidArgument

    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    lake.put("query-results/q1.csv", b'"s","n"\n"secret","1"\n')
    lake.put("curated/t/data/x.json", b'{"a": 1}\n')
    lake.put("raw/e/x.json", b'{"a": 1}\n')
    crawlers = Crawlers(db, Catalog(db), lake.store, lake.events)
    for prefix in ("query-results/", "/query-results", "curated/t/"):
        with pytest.raises(InvalidArgument, match="which lakebox keeps for itself"):
            CrawlerSettings(name="peek", prefixes=[prefix], database="peek")
    crawlers.create(CrawlerSettings(name="all", prefixes=[""], database="lake"))
    run = crawlers.run("all")
    assert run.report["tables_created"] == ["lake.raw"], run.report
