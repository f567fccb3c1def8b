"""Athena's catalog statements (SHOW ..., DESCRIBE, information_schema, MSCK REPAIR TABLE, ALTER
TABLE ADD|DROP PARTITION, EXPLAIN) through the real engine, over a real crawled catalog with
Hive ``k=v`` partitions; and once through `lakebox serve` with PyAthena."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from lakebox.auth.access import SYSTEM, Principal
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import AccessDenied, AlreadyExists, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.query.sandbox import QueryRefused
from lakebox.storage import Lake, LocalStore, ObjectEvents
from tests.conftest import RunningServer
from tests.web.test_athena import athena, lake_server, pyathena_cursor

__all__ = ["lake_server"]  # a fixture, used below

ANALYST = Principal("LKIAANALYST", "alice", "analyst")
ENGINEER = Principal("LKIAENGINEER", "erin", "engineer")
PRODUCER = Principal("LKIAPRODUCER", "web", "producer")


def _events(rows: list[int]) -> bytes:
    return b"".join(orjson.dumps({"id": i, "page": f"/p{i}", "ms": i / 2}) + b"\n" for i in rows)


@pytest.fixture
def web(engine: QueryEngine, db: Database, tmp_path: Path) -> Lake:
    """web.events, crawled from Hive partitions country=nl|de, and the view web.nl."""
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    lake.put("raw/events/country=nl/part-0.json", _events([1, 2]))
    lake.put("raw/events/country=de/part-0.json", _events([3]))
    crawlers = Crawlers(db, engine.catalog, lake.store, lake.events)
    crawlers.create(CrawlerSettings(name="w", prefixes=["raw/events/"], database="web"))
    assert crawlers.run("w").state == "SUCCEEDED"
    engine.run(
        "CREATE VIEW web.nl AS SELECT id, page FROM web.events WHERE country = 'nl'",
        principal=SYSTEM,
    )
    return lake


def _run(engine: QueryEngine, sql: str, who: Principal = SYSTEM, db: str | None = None) -> Any:
    return engine.run(sql, principal=who, default_database=db)


def _col(engine: QueryEngine, sql: str, db: str | None = None) -> tuple[str, list[Any]]:
    r = _run(engine, sql, db=db)
    assert len(r.columns) == 1, r.columns
    return r.columns[0][0], [row[0] for row in r.rows]


def test_show_databases_and_tables(engine: QueryEngine, web: Lake) -> None:
    assert _col(engine, "SHOW DATABASES") == ("database_name", ["lake", "sales", "web"])
    assert _col(engine, "SHOW SCHEMAS LIKE 'w.*'") == ("database_name", ["web"])
    assert _col(engine, "SHOW DATABASES LIKE 's*|l*'")[1] == ["lake", "sales"]
    assert _col(engine, "SHOW TABLES IN lake") == ("tab_name", ["orders", "people", "products"])
    assert _col(engine, "SHOW TABLES", db="web") == ("tab_name", ["events", "nl"])  # views too
    assert _col(engine, "SHOW TABLES IN web LIKE 'ev*'")[1] == ["events"]
    assert _col(engine, "show tables in lake 'p*'")[1] == ["people", "products"]  # Hive's form
    assert _col(engine, "SHOW VIEWS IN web") == ("tab_name", ["nl"])
    assert _col(engine, "SHOW VIEWS IN lake") == ("tab_name", [])


def test_show_columns_and_describe(engine: QueryEngine, web: Lake) -> None:
    fields = ("field", ["id", "page", "ms", "country"])
    assert _col(engine, "SHOW COLUMNS FROM web.events") == fields
    assert _col(engine, "SHOW COLUMNS IN events IN web") == fields
    assert _col(engine, "SHOW COLUMNS IN events;", db="web") == fields
    name, rows = _col(engine, "DESCRIBE web.events")
    assert name == "col_name"
    assert rows == [
        "id                  \tbigint              \t                    ",
        "page                \tstring              \t                    ",
        "ms                  \tdouble              \t                    ",
        "country             \tstring              \t                    ",
        "",
        "# Partition Information",
        "# col_name          \tdata_type           \tcomment             ",
        "",
        "country             \tstring              \t                    ",
    ]
    nested = _col(engine, "DESC lake.orders")[1]
    assert nested[:4] == [
        "id                  \tbigint              \t                    ",
        "total               \tdouble              \t                    ",
        "customer            \tstruct<country:string>\t                    ",
        "tags                \tarray<string>       \t                    ",
    ]
    assert "# Partition Information" in nested and nested[-1].startswith("hour ")
    assert _col(engine, "DESCRIBE sales.daily")[1] == [
        "day                 \tstring              \t                    ",
        "revenue             \tdouble              \t                    ",
        "note                \tstring              \t                    ",
    ]


def test_show_create_table_and_view(engine: QueryEngine, web: Lake) -> None:
    name, lines = _col(engine, "SHOW CREATE TABLE web.events")
    assert name == "createtab_stmt"
    text = "\n".join(lines)
    assert text.startswith("CREATE EXTERNAL TABLE `events`(\n  `id` bigint,\n  `page` string,")
    assert "PARTITIONED BY (\n  `country` string)" in text
    assert "'org.openx.data.jsonserde.JsonSerDe'" in text
    assert f"LOCATION\n  's3://{web.store.bucket}/raw/events'" in text
    assert text.endswith("TBLPROPERTIES (\n  'classification'='json')")
    csv = "\n".join(_col(engine, "SHOW CREATE TABLE lake.people")[1])
    assert "OpenCSVSerde" in csv and "'skip.header.line.count'='1'" in csv
    assert "ParquetHiveSerDe" in "\n".join(_col(engine, "SHOW CREATE TABLE lake.products")[1])
    iceberg = "\n".join(_col(engine, "SHOW CREATE TABLE sales.daily")[1])
    assert iceberg.startswith("CREATE TABLE sales.daily (") and "'table_type'='iceberg'" in iceberg
    assert _col(engine, "SHOW CREATE VIEW web.nl") == (
        "Create View",
        ["CREATE VIEW web.nl AS\nSELECT id, page FROM web.events WHERE country = 'nl'"],
    )
    with pytest.raises(InvalidArgument, match=r"web.nl is a view: use SHOW CREATE VIEW"):
        _run(engine, "SHOW CREATE TABLE web.nl")
    with pytest.raises(InvalidArgument, match=r"not a view"):
        _run(engine, "SHOW CREATE VIEW web.events")


def test_show_partitions(engine: QueryEngine, web: Lake) -> None:
    assert _col(engine, "SHOW PARTITIONS web.events") == ("partition", ["country=de", "country=nl"])
    assert _col(engine, "SHOW PARTITIONS lake.orders")[1] == [
        "year=2026/month=11/day=25/hour=18",
        "year=2026/month=11/day=25/hour=19",
    ]
    with pytest.raises(InvalidArgument, match=r"table lake.people is not partitioned"):
        _run(engine, "SHOW PARTITIONS lake.people")


def test_information_schema(engine: QueryEngine, web: Lake) -> None:
    r = _run(
        engine,
        "SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables "
        "WHERE table_schema = 'web' ORDER BY table_name",
    )
    assert [c[0] for c in r.columns] == [
        "table_catalog",
        "table_schema",
        "table_name",
        "table_type",
    ]
    assert r.rows == [
        ("awsdatacatalog", "web", "events", "BASE TABLE"),
        ("awsdatacatalog", "web", "nl", "VIEW"),
    ]
    r = _run(
        engine,
        "SELECT column_name, ordinal_position, is_nullable, data_type, extra_info "
        "FROM information_schema.columns WHERE table_schema = 'web' AND table_name = 'events' "
        "ORDER BY ordinal_position",
    )
    assert r.rows == [
        ("id", 1, "YES", "bigint", None),
        ("page", 2, "YES", "varchar", None),
        ("ms", 3, "YES", "double", None),
        ("country", 4, "YES", "varchar", "partition key"),
    ]
    nested = _run(
        engine,
        "SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' "
        "AND column_name IN ('customer', 'tags') ORDER BY column_name",
    )
    assert nested.rows == [("row(country varchar)",), ("array(varchar)",)]
    schemata = _run(engine, "SELECT catalog_name, schema_name FROM information_schema.schemata")
    assert sorted(schemata.rows) == [
        ("awsdatacatalog", s) for s in ["information_schema", "lake", "sales", "web"]
    ]
    views = _run(engine, "SELECT table_name, view_definition FROM information_schema.views")
    assert views.rows == [("nl", "SELECT id, page FROM web.events WHERE country = 'nl'")]
    # joined with a catalog table, and in a view of its own
    joined = _run(
        engine,
        "SELECT count(*) AS n FROM information_schema.tables t JOIN web.events e "
        "ON t.table_name = 'events' AND t.table_schema = 'web'",
    )
    assert joined.rows == [(3,)]
    _run(engine, "CREATE VIEW web.cols AS SELECT table_name FROM information_schema.columns")
    assert _run(engine, "SELECT count(*) FROM web.cols WHERE table_name = 'nl'").rows == [(2,)]
    with pytest.raises(NotFound, match=r"information_schema.routines not found"):
        _run(engine, "SELECT * FROM information_schema.routines")


def test_explain(engine: QueryEngine, web: Lake) -> None:
    r = _run(engine, "EXPLAIN SELECT count(*) FROM web.events WHERE country = 'nl'")
    assert [c[0] for c in r.columns] == ["Query Plan"] and len(r.rows) == 1
    assert "AGGREGATE" in r.rows[0][0]
    analyzed = _run(engine, "EXPLAIN ANALYZE SELECT page FROM nl", db="web")
    assert "Total Time" in analyzed.rows[0][0]
    with pytest.raises(QueryRefused, match=r"EXPLAIN explains a SELECT"):
        _run(engine, "EXPLAIN DROP TABLE sales.daily")
    with pytest.raises(QueryRefused, match=r"getenv"):
        _run(engine, "EXPLAIN SELECT getenv('HOME')")
    with pytest.raises(QueryRefused, match=r"table functions"):
        _run(engine, "EXPLAIN SELECT * FROM read_csv('/etc/passwd')")


def test_alter_table_add_and_drop_partition(engine: QueryEngine, web: Lake) -> None:
    web.put("raw/events/country=fr/part-0.json", _events([10, 11, 12]))
    web.put("raw/events/elsewhere/be.json", _events([20]))
    count = "SELECT country, count(*) AS n FROM web.events GROUP BY country ORDER BY country"
    assert _run(engine, count).rows == [("de", 1), ("nl", 2)]  # not in the catalog yet
    added = _run(engine, "ALTER TABLE web.events ADD PARTITION (country='fr')")
    assert (added.columns, added.rows) == ([], [])
    url = f"s3://{web.store.bucket}/raw/events/elsewhere/"
    _run(engine, f"ALTER TABLE events ADD IF NOT EXISTS PARTITION (country = 'fr') "
                 f"PARTITION (country = 'be') LOCATION '{url}'", db="web")  # fmt: skip
    assert _run(engine, count).rows == [("be", 1), ("de", 1), ("fr", 3), ("nl", 2)]
    assert _run(engine, "SELECT id FROM web.events WHERE country = 'be'").rows == [(20,)]
    with pytest.raises(AlreadyExists, match=r"partition country=fr of table web.events already"):
        _run(engine, "ALTER TABLE web.events ADD PARTITION (country='fr')")
    with pytest.raises(InvalidArgument, match=r"names its keys .country. once each"):
        _run(engine, "ALTER TABLE web.events ADD PARTITION (land='x')")
    for outside in ("s3://other-bucket/raw/events/x/", "query-results/", "raw/orders/"):
        with pytest.raises(InvalidArgument, match=r"location"):
            _run(engine, f"ALTER TABLE web.events ADD PARTITION (country='x') LOCATION '{outside}'")
    _run(engine, "ALTER TABLE web.events DROP PARTITION (country='nl'), PARTITION (country='be')")
    assert _run(engine, count).rows == [("de", 1), ("fr", 3)]
    assert web.store.head("raw/events/country=nl/part-0.json") is not None  # files stay
    with pytest.raises(NotFound, match=r"partition country=nl of table web.events not found"):
        _run(engine, "ALTER TABLE web.events DROP PARTITION (country='nl')")
    _run(engine, "ALTER TABLE web.events DROP IF EXISTS PARTITION (country='nl')")
    with pytest.raises(InvalidArgument, match=r"sales.daily is a iceberg table"):
        _run(engine, "ALTER TABLE sales.daily ADD PARTITION (day='mon')")


def test_msck_repair_table_finds_folders_added_after_the_crawl(
    engine: QueryEngine, web: Lake
) -> None:
    web.put("raw/events/country=be/part-0.json", _events([7, 8]))
    web.put("raw/events/country=be/_SUCCESS", b"")
    web.put("raw/events/loose.json", _events([99]))  # not a partition folder: left alone
    r = _run(engine, "MSCK REPAIR TABLE web.events")
    assert r.columns == [("result", "VARCHAR")]
    assert [row[0] for row in r.rows] == [
        "Partitions not in metastore:\tevents:country=be",
        "Repair: Added partition to metastore events:country=be",
    ]
    assert _col(engine, "SHOW PARTITIONS web.events")[1] == [
        "country=be",
        "country=de",
        "country=nl",
    ]
    assert _run(engine, "SELECT id FROM web.events WHERE country = 'be' ORDER BY id").rows == [
        (7,),
        (8,),
    ]
    assert _run(engine, "MSCK REPAIR TABLE events", db="web").rows == []  # nothing new
    with pytest.raises(InvalidArgument, match=r"table lake.products is not partitioned"):
        _run(engine, "MSCK REPAIR TABLE lake.products")


def test_unknown_names_are_named(engine: QueryEngine, web: Lake) -> None:
    for sql in ("DESCRIBE web.evnts", "SHOW COLUMNS FROM web.evnts", "SHOW PARTITIONS web.evnts",
                "MSCK REPAIR TABLE web.evnts", "ALTER TABLE web.evnts ADD PARTITION (c='x')"):  # fmt: skip
        with pytest.raises(NotFound, match=r"table web.evnts not found; did you mean events"):
            _run(engine, sql)
    with pytest.raises(NotFound, match=r"database 'nowhere' not found"):
        _run(engine, "SHOW TABLES IN nowhere")
    with pytest.raises(InvalidArgument, match=r"needs a database"):
        _run(engine, "DESCRIBE events")
    with pytest.raises(InvalidArgument, match=r"SHOW statements here"):
        _run(engine, "SHOW FUNCTIONS")
    with pytest.raises(QueryRefused, match=r"ALTER statements are not allowed"):
        _run(engine, "ALTER TABLE web.events RENAME TO web.x")


def test_who_may_do_what(engine: QueryEngine, web: Lake) -> None:
    def hide_events(principal: Any, action: str, resource: Any) -> bool | None:
        if principal.id == ANALYST.id and str(resource) == "table web.events":
            return False
        return None

    engine.access.rules.insert(0, hide_events)
    assert _col_as(engine, ANALYST, "SHOW TABLES IN web") == ["nl"]
    assert _col_as(engine, ANALYST, "SELECT table_name FROM information_schema.tables "
                   "WHERE table_schema = 'web'") == ["nl"]  # fmt: skip
    assert "events" not in _col_as(
        engine, ANALYST, "SELECT DISTINCT table_name FROM information_schema.columns"
    )
    with pytest.raises(AccessDenied, match=r"table:read on table web.events"):
        _run(engine, "DESCRIBE web.events", ANALYST)
    with pytest.raises(AccessDenied, match=r"table:read on table web.events"):
        _run(engine, "EXPLAIN SELECT * FROM web.events", ANALYST)
    assert _col_as(engine, ANALYST, "SHOW COLUMNS FROM web.nl") == ["id", "page"]
    with pytest.raises(
        AccessDenied, match=r"table:write on table web.nl: roles that may: engineer"
    ):
        _run(engine, "MSCK REPAIR TABLE web.nl", ANALYST)
    with pytest.raises(AccessDenied, match=r"table:write on table web.events"):
        _run(engine, "ALTER TABLE web.events DROP PARTITION (country='nl')", ANALYST)
    with pytest.raises(AccessDenied, match=r"database:read on any database"):
        _run(engine, "SHOW DATABASES", PRODUCER)
    with pytest.raises(AccessDenied, match=r"database:read on any database"):
        _run(engine, "SELECT * FROM information_schema.schemata", PRODUCER)
    with pytest.raises(AccessDenied, match=r"database:read on database web"):
        _run(engine, "SHOW TABLES IN web", PRODUCER)
    web.put("raw/events/country=be/part-0.json", _events([7]))
    assert len(_run(engine, "MSCK REPAIR TABLE web.events", ENGINEER).rows) == 2


def _col_as(engine: QueryEngine, who: Principal, sql: str) -> list[Any]:
    return [r[0] for r in _run(engine, sql, who).rows]


@pytest.mark.slow
def test_through_lakebox_serve_with_pyathena(lake_server: RunningServer) -> None:
    cur = pyathena_cursor(lake_server)
    cur.execute("SHOW TABLES")
    assert [d[0] for d in cur.description] == ["tab_name"]
    assert cur.fetchall() == [("orders",)]
    cur.execute("SHOW DATABASES")
    assert ("lake",) in cur.fetchall()
    cur.execute("SHOW COLUMNS FROM lake.orders")
    assert [r[0] for r in cur.fetchall()][:4] == ["id", "total", "country", "tags"]
    cur.execute("DESCRIBE orders")
    assert cur.fetchone()[0].startswith("id                  \tbigint")
    cur.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = %(db)s AND table_name = 'orders' ORDER BY ordinal_position",
        {"db": "lake"},
    )
    assert cur.fetchall()[:2] == [("id", "bigint"), ("total", "double")]
    cur.execute("EXPLAIN SELECT count(*) FROM orders")
    assert [d[0] for d in cur.description] == ["Query Plan"]
    client = athena(lake_server)
    for sql, kind, sub in [
        ("SHOW PARTITIONS lake.orders", "UTILITY", "SHOW_PARTITIONS"),
        ("MSCK REPAIR TABLE lake.orders", "DDL", "MSCK_REPAIR_TABLE"),
    ]:
        qid = client.start_query_execution(QueryString=sql)["QueryExecutionId"]
        cur.execute(sql)  # waits for the same statement to be done
        shape = client.get_query_execution(QueryExecutionId=qid)["QueryExecution"]
        assert (shape["StatementType"], shape["SubstatementType"]) == (kind, sub)
    cur.execute("SHOW PARTITIONS lake.orders")
    assert all(r[0].startswith("year=") for r in cur.fetchall())
    with pytest.raises(Exception, match=r"table lake.ordrs not found"):
        cur.execute("DESCRIBE lake.ordrs")
