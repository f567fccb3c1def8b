"""CREATE TABLE AS SELECT, CREATE TABLE, INSERT INTO and DROP TABLE on curated Iceberg tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakebox.auth.access import SYSTEM
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.query.engine import QueryEngine, QueryFailed


def snapshots(engine: QueryEngine, db: str, name: str) -> int:
    return len(engine.iceberg.snapshots(db, name))


def test_ctas_is_one_commit_and_reads_back(engine: QueryEngine) -> None:
    r = engine.run(
        "CREATE TABLE cur.by_country WITH (table_type='ICEBERG', format='PARQUET', "
        "partitioning=ARRAY['country']) AS "
        "SELECT customer.country AS country, count(*) AS orders, sum(total) AS revenue "
        "FROM lake.orders GROUP BY 1",
        principal=SYSTEM,
    )
    assert r.columns == [("rows", "BIGINT")] and r.rows == [(2,)]
    assert r.files_scanned == 2  # the two order files were read
    table = engine.catalog.table("cur", "by_country")
    assert table.definition.format == "iceberg"
    assert [(c.name, c.type) for c in table.definition.columns] == [
        ("country", "string"),
        ("orders", "bigint"),
        ("revenue", "double"),
    ]
    assert "country" in table.definition.format_options["partition_spec"]
    assert snapshots(engine, "cur", "by_country") == 1  # table and data: one commit
    got = engine.run(
        "SELECT country, orders, revenue FROM cur.by_country ORDER BY country", principal=SYSTEM
    )
    assert got.rows == [("de", 1, 5.5), ("nl", 2, 17.25)]
    # pruning works on the new table too: its files are per country
    assert engine.run(
        "SELECT * FROM cur.by_country WHERE country = 'nl'", principal=SYSTEM
    ).rows == [("nl", 2, 17.25)]


def test_ctas_that_fails_leaves_no_table(engine: QueryEngine, tmp_path: Path) -> None:
    with pytest.raises(QueryFailed, match="Could not convert string 'x'"):
        engine.run(
            "CREATE TABLE cur.broken AS SELECT CAST('x' AS INTEGER) AS n FROM lake.orders",
            principal=SYSTEM,
        )
    with pytest.raises(NotFound):
        engine.catalog.table("cur", "broken")
    assert not list((tmp_path / "data").glob("curated/cur/broken/**/*.parquet"))
    with pytest.raises(InvalidArgument, match=r"'count_star\(\)' needs a name .* AS some_name"):
        engine.run("CREATE TABLE cur.broken AS SELECT count(*) FROM lake.orders", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match="'id' appears twice"):
        engine.run("CREATE TABLE cur.broken AS SELECT id, id FROM lake.orders", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match="table property 'location' is not supported"):
        engine.run(
            "CREATE TABLE cur.broken WITH (location='s3://x/') AS SELECT 1 AS a", principal=SYSTEM
        )
    with pytest.raises(InvalidArgument, match="table_type 'HIVE' is not supported"):
        engine.run(
            "CREATE TABLE cur.broken WITH (table_type='HIVE') AS SELECT 1 AS a", principal=SYSTEM
        )
    with pytest.raises(InvalidArgument, match="partition column 'nope' is not a column"):
        engine.run(
            "CREATE TABLE cur.broken WITH (partitioning=ARRAY['nope']) AS SELECT 1 AS a",
            principal=SYSTEM,
        )
    with pytest.raises(NotFound):
        engine.catalog.table("cur", "broken")


def test_ctas_exists(engine: QueryEngine) -> None:
    engine.run("CREATE TABLE cur.t AS SELECT id FROM lake.orders", principal=SYSTEM)
    with pytest.raises(AlreadyExists, match=r"table cur\.t already exists"):
        engine.run("CREATE TABLE cur.t AS SELECT id FROM lake.orders", principal=SYSTEM)
    with pytest.raises(AlreadyExists, match=r"table lake\.orders already exists"):
        engine.run("CREATE TABLE lake.orders AS SELECT 1 AS id", principal=SYSTEM)
    assert engine.run(
        "CREATE TABLE IF NOT EXISTS cur.t AS SELECT 1 AS id", principal=SYSTEM
    ).rows == [(0,)]
    assert engine.run("SELECT count(*) FROM cur.t", principal=SYSTEM).rows == [(3,)]


def test_insert_into(engine: QueryEngine) -> None:
    engine.run(
        "CREATE TABLE cur.events (id bigint, kind varchar, amount decimal(10,2), "
        "at timestamp) WITH (table_type='ICEBERG', partitioning=ARRAY['day(at)'])",
        principal=SYSTEM,
    )
    assert snapshots(engine, "cur", "events") == 0
    r = engine.run(
        "INSERT INTO cur.events SELECT id, 'order', total, TIMESTAMP '2026-11-25 18:00:00' "
        "FROM lake.orders",
        principal=SYSTEM,
    )
    assert r.rows == [(3,)]
    r = engine.run(
        "INSERT INTO cur.events (kind, id) VALUES ('refund', 10), ('refund', 11)",
        dialect="trino",
        principal=SYSTEM,
    )
    assert r.rows == [(2,)]
    assert snapshots(engine, "cur", "events") == 2  # one commit per statement
    rows = engine.run(
        "SELECT kind, count(*), sum(amount) FROM cur.events GROUP BY 1 ORDER BY 1", principal=SYSTEM
    )
    assert [(k, n) for k, n, _ in rows.rows] == [("order", 3), ("refund", 2)]
    assert str(rows.rows[0][2]) == "22.75" and rows.rows[1][2] is None
    # Spark SQL writes too, with the default database
    engine.run("INSERT INTO events (id, kind) SELECT 12, 'spark'", dialect="spark",
               default_database="cur", principal=SYSTEM)  # fmt: skip
    assert engine.run("SELECT count(*) FROM cur.events", principal=SYSTEM).rows == [(6,)]


def test_insert_errors_change_nothing(engine: QueryEngine) -> None:
    engine.run("CREATE TABLE cur.t (id bigint, name string)", principal=SYSTEM)
    engine.run("INSERT INTO cur.t VALUES (1, 'a')", principal=SYSTEM)
    with pytest.raises(
        InvalidArgument, match=r"writes 2 columns \(id, name\) but the query returns 1"
    ):
        engine.run("INSERT INTO cur.t SELECT 1", principal=SYSTEM)
    with pytest.raises(
        InvalidArgument, match="column 'id': string values cannot be stored as bigint"
    ):
        engine.run("INSERT INTO cur.t VALUES ('abc', 'b')", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match="has no column 'nme'; columns: id, name"):
        engine.run("INSERT INTO cur.t (id, nme) VALUES (2, 'b')", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match="json table over raw objects; INSERT INTO writes"):
        engine.run("INSERT INTO lake.orders (id) VALUES (9)", principal=SYSTEM)
    with pytest.raises(NotFound, match=r"cur\.nope"):
        engine.run("INSERT INTO cur.nope VALUES (1)", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match="column 'm': unknown type 'map'"):
        engine.run("CREATE TABLE cur.bad (m map<string, int>)", principal=SYSTEM)
    assert engine.run("SELECT * FROM cur.t", principal=SYSTEM).rows == [(1, "a")]
    assert snapshots(engine, "cur", "t") == 1


def test_drop_table(engine: QueryEngine, tmp_path: Path) -> None:
    engine.run("CREATE TABLE cur.gone AS SELECT id FROM lake.orders", principal=SYSTEM)
    assert list((tmp_path / "data").glob("curated/cur/gone/data/*.parquet"))
    engine.run("DROP TABLE cur.gone", principal=SYSTEM)
    with pytest.raises(NotFound):
        engine.catalog.table("cur", "gone")
    assert not [p for p in (tmp_path / "data").glob("curated/cur/gone/**/*") if p.is_file()]
    engine.run("DROP TABLE IF EXISTS cur.gone", principal=SYSTEM)
    with pytest.raises(NotFound):
        engine.run("DROP TABLE cur.gone", principal=SYSTEM)
    with pytest.raises(
        InvalidArgument, match=r"lake\.orders is a json table, not an Iceberg table"
    ):
        engine.run("DROP TABLE lake.orders", principal=SYSTEM)
    assert engine.run("SELECT count(*) FROM lake.orders", principal=SYSTEM).rows == [(3,)]
