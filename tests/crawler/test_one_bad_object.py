"""One bad object never blinds a table (issue 10): links are never followed, an object nested
too deeply is skipped (and an event crawl moves past it), and a table's queries read exactly
its own readable files."""

from __future__ import annotations

import io
import os
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from lakebox.auth.access import SYSTEM
from lakebox.catalog.types import parse
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.query.engine import QueryEngine
from lakebox.storage import Lake


def ndjson(*records: object) -> bytes:
    """Records as NDJSON; a bytes record is a line written as it is."""
    return b"".join((r if isinstance(r, bytes) else orjson.dumps(r)) + b"\n" for r in records)


def nested(id_: int, levels: int) -> bytes:
    """A record whose ``payload`` is ``levels`` objects deep (beyond what orjson writes)."""
    payload = b'{"a":' * (levels - 1) + b'{"leaf":1}' + b"}" * (levels - 1)
    return b'{"id":%d,"payload":%s}' % (id_, payload)


def parquet(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def skipped(report: dict[str, object]) -> dict[str, str]:
    return {s["key"]: s["reason"] for s in report["objects_skipped"]}  # type: ignore[attr-defined]


# -- 1. symbolic links ---------------------------------------------------------------------------


def test_a_linked_file_or_folder_is_skipped_and_reported_never_read(
    crawlers: Crawlers, lake: Lake, tmp_path: Path
) -> None:
    secret = tmp_path / "etc"
    (secret / "app").mkdir(parents=True)
    (secret / "shadow").write_text("root:$6$secret:19000\n")
    (secret / "app" / "conf.csv").write_text("password\nhunter2\n")
    lake.put("raw/t/a.csv", b"id,name\n1,x\n")
    root = lake.store.root  # type: ignore[attr-defined]
    os.symlink(secret / "shadow", root / "raw/t/b.csv")
    os.symlink(secret, root / "raw/etc")
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    assert run.report["tables_created"] == ["lake.t"]
    columns = [c.name for c in crawlers.catalog.table("lake", "t").definition.columns]
    assert columns == ["id", "name"]
    reasons = skipped(run.report)
    assert set(reasons) == {"raw/t/b.csv", "raw/etc"}
    assert all("symbolic link" in r for r in reasons.values())

    # A crawler whose prefix goes through the linked folder walks nothing of it.
    crawlers.create(CrawlerSettings(name="e", prefixes=["raw/etc/"], database="lake"))
    run = crawlers.run("e")
    # ... and says so: a crawl that could read none of what it found has not succeeded
    assert run.state == "FAILED", run.report
    assert run.report["error"].startswith("read none of the 1 object(s) it found: raw/etc")
    assert "symbolic link" in run.report["error"]
    assert run.report["tables_created"] == []
    assert run.report["objects_read"] == 0
    assert list(skipped(run.report)) == ["raw/etc"]


def test_an_event_for_a_key_that_became_a_link_is_skipped(
    crawlers: Crawlers, lake: Lake, tmp_path: Path
) -> None:
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    lake.put("raw/t/a.json", ndjson({"id": 1}))
    lake.put("raw/t/b.json", ndjson({"id": 2}))
    (tmp_path / "shadow").write_text('{"root:$6$secret": 1}\n')
    path = lake.store.root / "raw/t/b.json"  # type: ignore[attr-defined]
    path.unlink()
    os.symlink(tmp_path / "shadow", path)
    run = crawlers.run("c", "events")
    assert run.state == "SUCCEEDED", run.report
    assert "symbolic link" in skipped(run.report)["raw/t/b.json"]
    assert [c.name for c in crawlers.catalog.table("lake", "t").definition.columns] == ["id"]


# -- 2. nesting too deep -------------------------------------------------------------------------


def test_a_1000_level_object_is_skipped_and_the_rest_catalogued(
    crawlers: Crawlers, lake: Lake
) -> None:
    lake.put("raw/t/good.json", ndjson({"id": 1}))
    lake.put("raw/t/deep.json", ndjson({"id": 2}, nested(3, 1000)))
    lake.put("raw/t/deep2.json", ndjson(nested(4, 101)))
    lake.put("raw/t/fine.json", ndjson(nested(5, 100)))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    reasons = skipped(run.report)
    assert set(reasons) == {"raw/t/deep.json", "raw/t/deep2.json"}
    assert reasons["raw/t/deep.json"].startswith("line 2: ")
    assert "nested more than 100 levels" in reasons["raw/t/deep2.json"]
    table = crawlers.catalog.table("lake", "t")
    types = {c.name: c.type for c in table.definition.columns}
    assert set(types) == {"id", "payload"}
    parse(types["payload"])  # the deepest allowed nesting still makes a readable type


def test_an_event_crawl_moves_past_a_600_level_record(crawlers: Crawlers, lake: Lake) -> None:
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    lake.put("raw/t/1.json", ndjson({"id": 1}))
    lake.put("raw/t/2.json", ndjson(nested(2, 600)))
    run = crawlers.run("c", "events")
    assert run.state == "SUCCEEDED", run.report
    assert list(skipped(run.report)) == ["raw/t/2.json"]
    assert crawlers.position("c") == lake.events.head()
    # Later schema changes are catalogued: the crawler did not stay stuck on the bad record.
    lake.put("raw/t/3.json", ndjson({"id": 3, "coupon": "X"}))
    run = crawlers.run("c", "events")
    assert run.state == "SUCCEEDED", run.report
    assert run.report["objects_skipped"] == []
    names = [c.name for c in crawlers.catalog.table("lake", "t").definition.columns]
    assert names == ["id", "coupon"]


# -- 3. a table reads exactly its own readable files ---------------------------------------------


def test_a_file_skipped_at_crawl_time_is_not_read_by_queries(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    good = parquet(pa.table({"id": [1, 2]}))
    lake.put("raw/t/good.parquet", good)
    lake.put("raw/t/bad.parquet", good[: len(good) // 2] + b"garbagePAR1")
    lake.put("raw/j/good.json", ndjson({"id": 1}))
    lake.put("raw/j/bad.json", b'{"id": 2}\nnot json\n')
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    assert set(skipped(run.report)) == {"raw/t/bad.parquet", "raw/j/bad.json"}
    assert engine.run("SELECT sum(id) FROM lake.t", principal=SYSTEM).rows == [(3,)]
    assert engine.run("SELECT count(*) FROM lake.j", principal=SYSTEM).rows == [(1,)]
    # A file added after the crawl (Firehose keeps delivering) is read at once.
    lake.put("raw/t/later.parquet", parquet(pa.table({"id": [10]})))
    assert engine.run("SELECT sum(id) FROM lake.t", principal=SYSTEM).rows == [(13,)]
    # Once the bad file is fixed, the next crawl reads it and so do queries.
    lake.put("raw/t/bad.parquet", parquet(pa.table({"id": [100]})))
    assert crawlers.run("c").report["objects_skipped"] == [
        {"key": "raw/j/bad.json", "reason": skipped(run.report)["raw/j/bad.json"]}
    ]
    assert engine.run("SELECT sum(id) FROM lake.t", principal=SYSTEM).rows == [(113,)]


def test_an_event_crawl_records_its_skipped_files_too(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    good = parquet(pa.table({"id": [1, 2]}))
    lake.put("raw/t/good.parquet", good)
    lake.put("raw/t/bad.parquet", good[:-20] + b"PAR1")
    run = crawlers.run("c", "events")
    assert list(skipped(run.report)) == ["raw/t/bad.parquet"]
    assert engine.run("SELECT sum(id) FROM lake.t", principal=SYSTEM).rows == [(3,)]


def test_a_struct_field_with_type_syntax_in_its_name_stays_queryable(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    lake.put("raw/t/a.json", ndjson({"id": 1, "s": {"x>,y:int": 5, "`q`": "v", "ok": True}}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    columns = {c.name: c.type for c in crawlers.catalog.table("lake", "t").definition.columns}
    assert columns["s"] == "struct<`x>,y:int`:bigint,```q```:string,ok:boolean>"
    rows = engine.run('SELECT id, s."x>,y:int", s."`q`", s.ok FROM lake.t', principal=SYSTEM).rows
    assert rows == [(1, 5, "v", True)]


def test_tables_split_from_one_folder_read_only_their_own_files(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    lake.put("raw/mixed/a1.json", ndjson({"id": 1, "name": "x"}, {"id": 2, "name": "y"}))
    lake.put("raw/mixed/a2.json", ndjson({"id": 3, "name": "z"}))
    lake.put("raw/mixed/b1.json", ndjson({"sku": "p", "price": 1.5, "stock": 3}))
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    run = crawlers.run("c")
    assert sorted(run.report["tables_created"]) == ["lake.mixed_1", "lake.mixed_2"]
    one = engine.run("SELECT id, name FROM lake.mixed_1 ORDER BY id", principal=SYSTEM).rows
    two = engine.run("SELECT sku, price, stock FROM lake.mixed_2", principal=SYSTEM).rows
    assert one == [(1, "x"), (2, "y"), (3, "z")]
    assert two == [("p", 1.5, 3)]


def test_a_csv_without_quotes_and_many_columns_is_queryable(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    names = [f"c{i}" for i in range(10_000)]
    body = ",".join(names) + "\n" + ",".join(str(i) for i in range(10_000)) + "\n"
    lake.put("raw/wide/w.csv", body.encode())
    lake.put("raw/small/s.csv", b"id,name\n1,x\n2,y\n")
    crawlers.create(
        CrawlerSettings(name="c", prefixes=["raw/"], database="lake", sample_bytes=1 << 20)
    )
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    options = crawlers.catalog.table("lake", "wide").definition.format_options
    assert (options["quote"], options["escape"]) == ("", "")
    assert engine.run("SELECT c0, c9999 FROM lake.wide", principal=SYSTEM).rows == [(0, 9999)]
    assert engine.run("SELECT sum(id) FROM lake.small", principal=SYSTEM).rows == [(3,)]


def test_a_bad_object_alone_in_an_event_crawl_is_left_out_of_its_table(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    good = parquet(pa.table({"id": [1, 2]}))
    lake.put("raw/t/good.parquet", good)
    assert crawlers.run("c", "events").state == "SUCCEEDED"
    version = crawlers.catalog.table("lake", "t").schema_version
    lake.put("raw/t/bad.parquet", b"PAR1" + good[4:-30] + b"PAR1")
    run = crawlers.run("c", "events")
    # it read none of what it found, and says so; the bad object is still left out
    assert run.state == "FAILED", run.report
    assert run.report["error"].startswith("read none of the 1 object(s) it found: raw/t/bad")
    assert list(skipped(run.report)) == ["raw/t/bad.parquet"]
    assert engine.run("SELECT sum(id) FROM lake.t", principal=SYSTEM).rows == [(3,)]
    assert crawlers.catalog.table("lake", "t").schema_version == version  # no schema change


def test_an_event_crawl_adds_new_files_to_the_split_table_they_belong_to(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    lake.put("raw/mixed/a1.json", ndjson({"id": 1, "name": "x"}))
    lake.put("raw/mixed/b1.json", ndjson({"sku": "p", "price": 1.5, "stock": 3}))
    assert crawlers.run("c").state == "SUCCEEDED"
    lake.put("raw/mixed/b2.json", ndjson({"sku": "q", "price": 2.5, "stock": 4}))
    lake.put("raw/mixed/c1.json", ndjson({"event": "click", "at": "2026-11-26"}))
    run = crawlers.run("c", "events")
    assert run.state == "SUCCEEDED", run.report
    assert run.report["tables_created"] == ["lake.mixed_3"]
    assert engine.run("SELECT id, name FROM lake.mixed_1", principal=SYSTEM).rows == [(1, "x")]
    two = engine.run("SELECT sku FROM lake.mixed_2 ORDER BY sku", principal=SYSTEM).rows
    assert two == [("p",), ("q",)]
    assert engine.run("SELECT event FROM lake.mixed_3", principal=SYSTEM).rows == [("click",)]
    names = [t.name for t in crawlers.catalog.tables("lake")]
    assert names == ["mixed_1", "mixed_2", "mixed_3"]


def test_names_no_query_can_tell_apart_skip_the_object_not_the_table(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    lake.put("raw/t/good.json", ndjson({"id": 1, "s": {"a": 1}}))
    lake.put("raw/t/empty.json", ndjson({"id": 2, "": 1}))
    lake.put("raw/t/case.json", ndjson({"id": 3, "s": {"a": 1, "A": 2}}))
    lake.put("raw/t/other.json", ndjson({"ID": 4}))
    run = crawlers.run("c")
    assert run.state == "SUCCEEDED", run.report
    reasons = skipped(run.report)
    assert reasons == {
        "raw/t/empty.json": "a column has no name",
        "raw/t/case.json": "fields 'a' and 'A' of 's' differ only in case, which SQL cannot "
        "tell apart",
        "raw/t/other.json": "column 'ID' differs only in case from column 'id' of table t, "
        "which SQL cannot tell apart",
    }
    assert engine.run("SELECT id, s.a FROM lake.t", principal=SYSTEM).rows == [(1, 1)]
    # An event crawl checks against the table's columns as they are.
    lake.put("raw/t/late.json", ndjson({"id": 5, "s": {"A": "x"}}))
    run = crawlers.run("c", "events")
    assert run.state == "SUCCEEDED", run.report
    assert "differ only in case" in skipped(run.report)["raw/t/late.json"]
    assert engine.run("SELECT id, s.a FROM lake.t", principal=SYSTEM).rows == [(1, 1)]


def test_an_event_crawl_replaces_a_type_string_broken_by_an_unquoted_field_name(
    crawlers: Crawlers, lake: Lake, engine: QueryEngine
) -> None:
    from lakebox.catalog.schema import Column
    from lakebox.catalog.service import TableDefinition

    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake", events=True))
    # As a crawl before field names were quoted wrote it: `x>,y:int` unquoted.
    crawlers.catalog.put_table(
        "lake",
        "t",
        TableDefinition(
            "raw/t/", "json", [Column("s", "struct<x>,y:int:bigint>")], properties={"crawler": "c"}
        ),
        source="crawler:c",
    )
    lake.put("raw/t/a.json", ndjson({"s": {"x>,y:int": 5}}))
    run = crawlers.run("c", "events")
    assert run.state == "SUCCEEDED", run.report
    columns = {c.name: c.type for c in crawlers.catalog.table("lake", "t").definition.columns}
    assert columns == {"s": "struct<`x>,y:int`:bigint>"}
    assert engine.run('SELECT s."x>,y:int" FROM lake.t', principal=SYSTEM).rows == [(5,)]
