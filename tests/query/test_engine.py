from __future__ import annotations

import pytest

from lakebox.auth.access import SYSTEM
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.query.dialects import SqlSyntaxError
from lakebox.query.engine import QueryEngine, QueryFailed


def test_json_table_with_partitions_and_nested_fields(engine: QueryEngine) -> None:
    r = engine.run(
        "SELECT hour, count(*) AS n, sum(total) AS revenue FROM lake.orders "
        "WHERE customer.country = 'nl' GROUP BY hour ORDER BY hour",
        principal=SYSTEM,
    )
    assert r.rows == [("18", 1, 10.0), ("19", 1, 7.25)]
    assert [c[0] for c in r.columns] == ["hour", "n", "revenue"]


def test_partition_predicates_prune_files(engine: QueryEngine) -> None:
    everything = engine.run("SELECT count(*) FROM lake.orders", principal=SYSTEM)
    pruned = engine.run(
        "SELECT count(*) FROM lake.orders WHERE hour = '19' AND year >= '2026'", principal=SYSTEM
    )
    assert (everything.rows, pruned.rows) == ([(3,)], [(1,)])
    assert (everything.files_scanned, pruned.files_scanned) == (2, 1)
    none = engine.run("SELECT count(*) FROM lake.orders WHERE hour IN ('07')", principal=SYSTEM)
    assert (none.rows, none.files_scanned) == ([(0,)], 0)


def test_csv_parquet_and_iceberg_tables(engine: QueryEngine) -> None:
    assert engine.run("SELECT bio FROM lake.people WHERE id = 1", principal=SYSTEM).rows == [
        ('said "hi"\nthen left',)
    ]
    assert engine.run("SELECT sum(price) FROM lake.products", principal=SYSTEM).rows == [(3.5,)]
    r = engine.run("SELECT day, revenue, note FROM sales.daily ORDER BY day", principal=SYSTEM)
    assert r.rows == [("mon", 1.5, None), ("tue", 2.5, "up")]  # older file: new column is NULL


def test_dialects(engine: QueryEngine) -> None:
    assert engine.run(
        "SELECT nvl(NULL, 1) AS x FROM lake.products LIMIT 1", dialect="spark", principal=SYSTEM
    ).rows == [(1,)]
    r = engine.run(
        "SELECT NVL(NULL, 'y') FROM lake.products FETCH FIRST 1 ROWS ONLY",
        dialect="oracle",
        principal=SYSTEM,
    )
    assert r.rows == [("y",)]
    r = engine.run(
        "SELECT approx_distinct(id) FROM lake.orders", principal=SYSTEM
    )  # Athena/Trino by default
    assert r.rows == [(3,)]
    with pytest.raises(InvalidArgument, match="unknown dialect 'mysql'"):
        engine.run("SELECT 1", dialect="mysql", principal=SYSTEM)


def test_syntax_errors_point_at_line_and_column(engine: QueryEngine) -> None:
    with pytest.raises(SqlSyntaxError) as exc:
        engine.run("SELECT id\nFROM lake.orders\nWHERE (", principal=SYSTEM)
    assert "line 3, column" in exc.value.message
    assert exc.value.message.splitlines()[-1].strip() == "^"


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("SELECT * FROM read_csv('/etc/passwd')", "table functions such as"),
        ("SELECT * FROM read_parquet('http://example.com/x.parquet')", "table functions"),
        ("SELECT * FROM glob('/etc/*')", "table functions"),
        ("COPY (SELECT 1) TO '/tmp/x.csv'", "COPY statements are not allowed"),
        ("ATTACH '/tmp/x.db' AS x", "ATTACH statements are not allowed"),
        ("INSTALL httpfs", "not allowed"),
        ("LOAD httpfs", "not allowed"),
        ("SET memory_limit = '100GB'", "SET statements are not allowed"),
        ("PRAGMA database_list", "not allowed"),
        ("EXPORT DATABASE '/tmp/x'", "not allowed"),
        ("CREATE SECRET s (TYPE s3)", "CREATE statements are not allowed"),
        ("CREATE MACRO m(a) AS a", "CREATE statements are not allowed"),
        ("DROP SCHEMA lake", "DROP statements are not allowed"),
        ("UPDATE lake.orders SET total = 0", "UPDATE statements are not allowed"),
        ("DELETE FROM lake.orders", "DELETE statements are not allowed"),
        ("SELECT * FROM lake.orders; SELECT 1", "one statement per query"),
    ],
)
def test_sandbox_refuses_everything_but_reading(
    engine: QueryEngine, sql: str, message: str
) -> None:
    with pytest.raises(InvalidArgument, match=message):
        engine.run(sql, dialect="duckdb", principal=SYSTEM)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "COPY (SELECT 1) TO '/tmp/lakebox-escape.csv'",
        "ATTACH '/tmp/lakebox-escape.db'",
        "INSTALL httpfs",
        "SET memory_limit = '100GB'",
        "SELECT * FROM read_parquet('http://127.0.0.1:9/x.parquet')",
    ],
)
def test_the_engine_itself_is_locked_down(engine: QueryEngine, sql: str) -> None:
    """The second wall: even SQL that got past the checks cannot reach files or settings."""
    import duckdb

    con = engine._connect()
    with pytest.raises(
        duckdb.Error, match=r"disabled by configuration|configuration has been locked"
    ):
        con.execute(sql)
    con.close()


def test_unknown_names(engine: QueryEngine) -> None:
    with pytest.raises(NotFound, match=r"table lake\.ordrs not found; did you mean orders"):
        engine.run("SELECT * FROM lake.ordrs", principal=SYSTEM)
    with pytest.raises(NotFound, match="database 'nope' not found"):
        engine.run("SELECT * FROM nope.orders", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match=r"needs its database: write database\.orders"):
        engine.run("SELECT * FROM orders", principal=SYSTEM)
    with pytest.raises(QueryFailed, match=r"line 1:8: Column 'nope' cannot be resolved"):
        engine.run("SELECT nope FROM lake.orders", principal=SYSTEM)


def test_views(engine: QueryEngine) -> None:
    engine.run(
        "CREATE VIEW lake.nl_orders AS SELECT id, total, hour FROM lake.orders "
        "WHERE customer.country = 'nl'",
        principal=SYSTEM,
    )
    view = engine.catalog.table("lake", "nl_orders")
    assert view.definition.format == "view"
    assert [(c.name, c.type) for c in view.definition.columns] == [
        ("id", "bigint"),
        ("total", "double"),
        ("hour", "string"),
    ]
    assert engine.run("SELECT sum(total) FROM lake.nl_orders", principal=SYSTEM).rows == [(17.25,)]
    # a view over a view, written in another dialect
    engine.run(
        "CREATE VIEW lake.big AS SELECT id FROM nl_orders WHERE total > 8",
        dialect="spark",
        principal=SYSTEM,
    )
    assert engine.run("SELECT id FROM lake.big", principal=SYSTEM).rows == [(1,)]
    with pytest.raises(AlreadyExists, match="already exists; use CREATE OR REPLACE VIEW"):
        engine.run("CREATE VIEW lake.big AS SELECT 1 AS id FROM lake.orders", principal=SYSTEM)
    engine.run(
        "CREATE OR REPLACE VIEW lake.big AS SELECT id FROM lake.nl_orders WHERE total > 1",
        principal=SYSTEM,
    )
    assert sorted(engine.run("SELECT id FROM lake.big", principal=SYSTEM).rows) == [(1,), (3,)]
    with pytest.raises(InvalidArgument, match="is a table, not a view"):
        engine.run("DROP VIEW lake.orders", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match="table functions"):
        engine.run(
            "CREATE VIEW lake.bad AS SELECT * FROM read_csv('/etc/passwd')",
            dialect="duckdb",
            principal=SYSTEM,
        )
    engine.run("DROP VIEW lake.big", principal=SYSTEM)
    engine.run("DROP VIEW IF EXISTS lake.big", principal=SYSTEM)
    with pytest.raises(NotFound):
        engine.run("SELECT * FROM lake.big", principal=SYSTEM)
    with pytest.raises(NotFound):
        engine.run("DROP VIEW lake.big", principal=SYSTEM)


def test_bytes_scanned_cutoff(engine: QueryEngine) -> None:
    from lakebox.query.engine import ScanLimitExceeded

    everything = engine.run("SELECT count(*) FROM lake.orders", principal=SYSTEM)
    one_hour = engine.run("SELECT count(*) FROM lake.orders WHERE hour = '19'", principal=SYSTEM)
    assert one_hour.bytes_scanned < everything.bytes_scanned
    engine.bytes_scanned_cutoff = one_hour.bytes_scanned
    with pytest.raises(
        ScanLimitExceeded,
        match=r"would scan .* bytes \(lake\.orders: .* in 2 files\), more than the",
    ):
        engine.run("SELECT count(*) FROM lake.orders", principal=SYSTEM)
    # pruned to one partition, it fits
    assert engine.run(
        "SELECT count(*) FROM lake.orders WHERE hour = '19'", principal=SYSTEM
    ).rows == [(1,)]


def test_partition_pruning_in_joins_and_subqueries(engine: QueryEngine) -> None:
    everything = engine.run(
        "SELECT o.id, p.sku FROM lake.orders o JOIN lake.products p ON o.id = 1 AND p.sku = 'a'",
        principal=SYSTEM,
    )
    pruned = engine.run(
        "SELECT o.id, p.sku FROM lake.orders o JOIN lake.products p ON o.id = 1 AND p.sku = 'a' "
        "WHERE o.hour = '18'",
        principal=SYSTEM,
    )
    assert pruned.rows == everything.rows == [(1, "a")]
    assert pruned.files_scanned == everything.files_scanned - 1  # hour 19's file is left out
    # in a subquery, the subquery's own WHERE prunes
    r = engine.run(
        "SELECT p.sku, (SELECT count(*) FROM lake.orders WHERE hour IN ('19')) AS n "
        "FROM lake.products p ORDER BY 1",
        principal=SYSTEM,
    )
    assert r.rows == [("a", 1), ("b", 1)] and r.files_scanned == 2
    # an unqualified partition column beside another table: not assumed to be ours
    r = engine.run(
        "SELECT count(*) FROM lake.orders o, lake.products p WHERE hour = '18' AND p.sku = 'a'",
        principal=SYSTEM,
    )
    assert r.rows == [(2,)] and r.files_scanned == 3


def test_a_table_read_twice_is_not_pruned_for_one_reading(engine: QueryEngine) -> None:
    engine.run(
        "CREATE VIEW lake.late AS SELECT id FROM lake.orders WHERE hour = '19'", principal=SYSTEM
    )
    # orders directly (hour 18) and through the view (hour 19): both partitions are needed
    r = engine.run(
        "SELECT (SELECT count(*) FROM lake.orders WHERE hour = '18') AS early, "
        "(SELECT count(*) FROM lake.late) AS late",
        principal=SYSTEM,
    )
    assert r.rows == [(2, 1)]
    r = engine.run(
        "SELECT a.id FROM lake.orders a JOIN lake.orders b ON a.id = b.id "
        "WHERE a.hour = '18' AND b.hour = '18' ORDER BY 1",
        principal=SYSTEM,
    )
    assert r.rows == [(1,), (2,)]
