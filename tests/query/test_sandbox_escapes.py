"""Reproductions of sandbox escapes (issue 10), each refused with a message naming it."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lakebox.auth.access import SYSTEM, table_resource
from lakebox.errors import InvalidArgument, LakeboxError, NotFound
from lakebox.query.engine import QueryEngine
from lakebox.query.engine_functions import MACROS
from lakebox.query.sandbox import QueryRefused, _serialize_sql, check_duckdb, refused_function
from lakebox.query.statements import classify_sql
from lakebox.query.trino_functions import UnsupportedFunction
from lakebox.storage.extensions import load_statement


def _lake_file(tmp_path: Path) -> str:
    return str(tmp_path / "data" / "raw" / "people" / "p.csv")


def _engine_objects(engine: QueryEngine) -> list[tuple[str, str]]:
    """What the shared database's catalogs hold besides DuckDB's own."""
    con = engine._shared_database().cursor()
    try:
        rows = con.execute(
            "SELECT database_name, table_name FROM duckdb_tables() UNION ALL "
            "SELECT database_name, view_name FROM duckdb_views() WHERE NOT internal UNION ALL "
            "SELECT database_name, function_name FROM duckdb_functions() WHERE NOT internal"
        ).fetchall()
    finally:
        con.close()
    # lakebox's own macros (engine_functions.MACROS) are made with the database file
    own = {m.split()[2].split("(")[0] for m in MACROS}
    return [(str(a), str(b)) for a, b in rows if str(b) not in own]


# -- 1. names are resolved by scope -----------------------------------------------------------


def test_a_file_named_like_a_cte_elsewhere_is_not_read(engine: QueryEngine, tmp_path: Path) -> None:
    # Before: the outer "<path>" passed as a CTE name and DuckDB read the CSV file as a table.
    path = _lake_file(tmp_path)
    sql = f'SELECT * FROM "{path}" WHERE EXISTS (WITH "{path}" AS (SELECT 1) SELECT 1)'
    with pytest.raises(InvalidArgument, match="needs its database"):
        engine.run(sql, dialect="duckdb", principal=SYSTEM)
    with pytest.raises(NotFound):  # with a default database, it is a catalog table: none such
        engine.run(sql, dialect="duckdb", default_database="lake", principal=SYSTEM)


def test_an_unqualified_name_like_a_cte_elsewhere_is_authorized() -> None:
    # Before: "orders" was taken for the CTE and never needed table:read.
    statement = classify_sql(
        "SELECT * FROM orders WHERE EXISTS (WITH orders AS (SELECT 1) SELECT 1)", "athena", "lake"
    )
    assert statement.reads == [("lake", "orders")]
    assert statement.wanted() == [("table:read", table_resource("lake", "orders"))]
    sibling = classify_sql(
        "SELECT * FROM (WITH a AS (SELECT 1 AS x) SELECT * FROM a) s CROSS JOIN a", "athena", "lake"
    )
    assert sibling.reads == [("lake", "a")]


def test_engine_catalog_names_are_not_tables(engine: QueryEngine) -> None:
    for sql in (
        "SELECT * FROM lake.products, duckdb_tables",
        "SELECT * FROM lake.products, duckdb_tables WHERE EXISTS "
        "(WITH duckdb_tables AS (SELECT 1) SELECT 1)",
    ):
        with pytest.raises(InvalidArgument, match=r"'duckdb_tables'.* needs its database"):
            engine.run(sql, principal=SYSTEM)
        with pytest.raises(NotFound, match="duckdb_tables"):
            engine.run(sql, default_database="lake", principal=SYSTEM)
    # information_schema is the catalog's (catalog_queries.py), never DuckDB's own
    tables = engine.run(
        "SELECT DISTINCT table_catalog, table_schema FROM information_schema.tables",
        principal=SYSTEM,
    )
    assert sorted(tables.rows) == [
        ("awsdatacatalog", s) for s in ("information_schema", "lake", "sales")
    ]
    with pytest.raises(NotFound, match=r"information_schema\.key_column_usage not found"):
        engine.run("SELECT * FROM information_schema.key_column_usage", principal=SYSTEM)


def test_visible_ctes_still_work(engine: QueryEngine) -> None:
    cases = {
        "WITH a AS (SELECT sku FROM lake.products), b AS (SELECT * FROM a) "
        "SELECT count(*) FROM b, (SELECT * FROM a) x": [(4,)],
        "WITH a AS (SELECT 1 AS n) SELECT (SELECT max(n) FROM a) + "
        "(SELECT count(*) FROM lake.products)": [(3,)],
        'WITH "Ab" AS (SELECT 1 AS n) SELECT n FROM ab': [(1,)],  # DuckDB ignores case
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) "
        "SELECT sum(n) FROM r": [(6,)],
        "SELECT * FROM (WITH p AS (SELECT count(*) AS c FROM lake.products) SELECT c FROM p)": [
            (2,)
        ],
    }
    for sql, rows in cases.items():
        assert engine.run(sql, principal=SYSTEM).rows == rows, sql


def test_the_second_wall_refuses_other_tables() -> None:
    con = duckdb.connect()
    try:
        with pytest.raises(QueryRefused, match="'/etc/passwd' is not a catalog table"):
            check_duckdb(con, "SELECT * FROM '/etc/passwd'", stand_in_prefix="m:")
        check_duckdb(con, 'WITH a AS (SELECT 1) SELECT * FROM a, "m:lake.t"', stand_in_prefix="m:")
        with pytest.raises(QueryRefused, match="table functions such as read_text"):
            check_duckdb(con, "SELECT * FROM read_text('x')")
    finally:
        con.close()


# -- 2. nothing persists in the shared engine ------------------------------------------------


def test_select_into_is_refused_and_creates_nothing(engine: QueryEngine) -> None:
    # Before: DuckDB ran it as CREATE TABLE planted AS ..., a table every later query saw.
    for dialect in ("duckdb", "athena"):
        with pytest.raises(QueryRefused, match=r"SELECT \.\.\. INTO planted is not allowed"):
            engine.run("SELECT * INTO planted FROM lake.products", dialect, principal=SYSTEM)
    assert _engine_objects(engine) == []


def test_the_shared_database_cannot_be_written(engine: QueryEngine) -> None:
    # The third wall: the engine's catalog is read-only, whatever SQL reaches it.
    con = engine._shared_database().cursor()
    try:
        for ddl in ("CREATE TABLE t AS SELECT 1", "CREATE MACRO m() AS 1", "CREATE VIEW v AS 1"):
            with pytest.raises(duckdb.Error, match=r"read-only|Parser"):
                con.execute(ddl)
    finally:
        con.close()
    assert _engine_objects(engine) == []


def test_python_variables_are_not_tables(engine: QueryEngine) -> None:
    # Before: DuckDB's replacement scans read a Python variable of the calling frame as a table.
    planted = pa.table({"secret": [1]})
    con = engine._shared_database().cursor()
    try:
        with pytest.raises(duckdb.CatalogException, match="planted"):
            con.execute("SELECT * FROM planted")
    finally:
        con.close()
    assert planted.num_rows == 1


def test_the_second_wall_refuses_statements_other_than_select() -> None:
    con = duckdb.connect()
    try:
        for sql in ("CREATE TABLE t AS SELECT 1", "SELECT 1 INTO t", "SELECT 1; SELECT 2"):
            with pytest.raises(QueryRefused):
                check_duckdb(con, sql)
    finally:
        con.close()


# -- 3. the engine's settings and catalog are not for users -----------------------------------


@pytest.mark.parametrize(
    "expr",
    [
        "current_setting('allowed_directories')",
        "current_setting('temp_directory')",
        "getenv('HOME')",
        "current_query()",
        "current_database()",
        "getvariable('x')",
        "json_serialize_sql('SELECT 1')",
    ],
)
def test_engine_functions_are_refused_by_name(engine: QueryEngine, expr: str) -> None:
    # Before: current_setting('temp_directory') returned the server's spill folder.
    name = expr.split("(")[0]
    for dialect in ("athena", "duckdb"):
        with pytest.raises(QueryRefused, match=rf"function {name}\(\).* is not allowed"):
            engine.run(f"SELECT {expr} AS v FROM lake.products", dialect, principal=SYSTEM)


def test_lakebox_s_own_functions_are_refused_in_every_dialect(engine: QueryEngine) -> None:
    # Before: the duckdb dialect called the translation's functions directly
    # (lakebox_combinations(1000, 5) asked for 8e12 combinations, checked by nothing)
    for dialect in ("athena", "duckdb", "spark"):
        with pytest.raises(UnsupportedFunction, match=r"lakebox_combinations\(\) is lakebox's own"):
            engine.run("SELECT lakebox_combinations(1000, 5)", dialect, principal=SYSTEM)


def test_version_is_lakebox_s_not_the_engine_s(engine: QueryEngine) -> None:
    # Trino's version() is the server's: lakebox's; DuckDB's own stays refused
    got = engine.run("SELECT version() AS v FROM lake.products LIMIT 1", principal=SYSTEM)
    assert got.rows[0][0].startswith("lakebox ")
    with pytest.raises(QueryRefused, match=r"function version\(\).* is not allowed"):
        engine.run("SELECT version() AS v FROM lake.products", "duckdb", principal=SYSTEM)


def test_engine_table_functions_are_refused(engine: QueryEngine) -> None:
    # the spatial extension's readers (GDAL's files, shapefiles) included
    spatial = ("ST_Read('/etc/passwd')", "ST_ReadOSM('x.pbf')", "shapefile_meta('x.shp')")
    for fn in ("duckdb_settings()", "pragma_version()", "duckdb_tables()", "glob('*')", *spatial):
        with pytest.raises(QueryRefused, match="not allowed"):
            engine.run(f"SELECT * FROM {fn}", "duckdb", principal=SYSTEM)
    for fn in spatial:
        with pytest.raises(LakeboxError, match=r"not allowed|not supported"):
            engine.run(f"SELECT * FROM {fn}", principal=SYSTEM)


def test_engine_functions_are_refused_in_time_travel(engine: QueryEngine) -> None:
    # Before: the value reached DuckDB's cast error message ("Could not convert '/…/spill'").
    with pytest.raises(QueryRefused, match=r"current_setting\(\)"):
        engine.run(
            "SELECT * FROM sales.daily FOR VERSION AS OF "
            "CAST(current_setting('temp_directory') AS BIGINT)",
            principal=SYSTEM,
        )


_RISKY = re.compile(
    r"setting|pragma|duckdb|env|secret|^current_|checkpoint|^read_|parquet|glob|sniff|serial"
    r"|execut|query|extension|database|schema|catalog|variable|version|platform|privilege|^pg_"
    r"|profil|log(s|ging)\b|write_|storage|^has_|temporary|sql",
    re.I,
)
# Functions matching _RISKY that were looked at and are harmless (pure computations).
_HARMLESS = {
    "current_date", "current_localtime", "current_localtimestamp", "current_role",
    "current_user", "pg_size_pretty", "pg_typeof", "uuid_extract_version",
    "variant_to_parquet_variant", "json_extract_path", "json_extract_path_text",
    # the spatial extension's envelopes (bounding boxes)
    "st_envelope", "st_envelope_agg", "st_makeenvelope", "st_tileenvelope",
}  # fmt: skip


def test_every_risky_duckdb_function_is_refused() -> None:
    """Enumerates DuckDB's functions: one that matches a risky pattern is either refused or
    listed as reviewed here (a DuckDB upgrade adding, say, duckdb_foo() fails this test)."""
    con = duckdb.connect()
    try:
        con.execute(load_statement("spatial"))  # as the engine's databases load it
        names = {
            r[0].lower()
            for r in con.execute("SELECT function_name FROM duckdb_functions()").fetchall()
        }
    finally:
        con.close()
    risky = {n for n in names if _RISKY.search(n)}
    assert len(risky) > 100  # the pattern does find DuckDB's own
    unreviewed = sorted(n for n in risky if not refused_function(n) and n not in _HARMLESS)
    assert unreviewed == []
    assert not refused_function("sum") and not refused_function("current_timestamp")


def test_unnest_in_from_still_works(engine: QueryEngine) -> None:
    # UNNEST in FROM is a table function in DuckDB's parse tree: the second wall lets it be.
    assert engine.run(
        "SELECT count(*) FROM lake.orders CROSS JOIN UNNEST(tags) AS t(tag)", principal=SYSTEM
    ).rows == [(3,)]
    assert engine.run(
        "SELECT count(*) FROM lake.orders LATERAL VIEW explode(tags) t AS tag",
        "spark",
        principal=SYSTEM,
    ).rows == [(3,)]
    with pytest.raises(QueryRefused, match=r"current_setting\(\)"):
        engine.run(
            "SELECT * FROM lake.orders CROSS JOIN UNNEST([current_setting('temp_directory')]) "
            "AS t(x)",
            principal=SYSTEM,
        )


def test_writes_and_views_resolve_names_by_scope(engine: QueryEngine) -> None:
    # The statements that write use the same scoping for what they read.
    written = engine.run(
        "CREATE TABLE sales.skus AS WITH a AS (SELECT sku FROM lake.products) SELECT * FROM a",
        principal=SYSTEM,
    )
    assert written.rows == [(2,)]
    assert classify_sql(
        "INSERT INTO sales.skus SELECT * FROM products WHERE EXISTS "
        "(WITH products AS (SELECT 1) SELECT 1)",
        "athena",
        "lake",
    ).reads == [("lake", "products")]
    view = classify_sql(
        "CREATE VIEW lake.v AS SELECT * FROM orders WHERE EXISTS "
        "(WITH orders AS (SELECT 1) SELECT 1)",
        "athena",
        None,
    )
    assert view.reads == [("lake", "orders")]


# -- the second look's own statement ----------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_the_sql_checked_is_the_sql_given_whatever_it_holds(text: str) -> None:
    """The SQL goes to DuckDB's parser as a string literal: whatever the text holds (quotes,
    backslashes, NUL, any unicode), the parser sees exactly it, as a parameter would pass it."""
    con = duckdb.connect()
    sql = f"SELECT '{text.replace(chr(39), chr(39) * 2)}' AS v, {text!r} AS w -- {text}"
    statement, params = _serialize_sql(sql)
    by_literal = con.execute(statement, params).fetchone()
    by_parameter = con.execute("SELECT json_serialize_sql(?)", [sql]).fetchone()
    assert by_literal == by_parameter


def test_a_quote_in_the_checked_sql_cannot_end_the_literal(engine: QueryEngine) -> None:
    """SQL made to close the literal and run a statement of its own is parsed, not run."""
    con = engine._shared_database().cursor()
    try:
        with pytest.raises(QueryRefused, match=r"only one SELECT|one statement"):
            check_duckdb(con, "SELECT 1'); SELECT current_setting('temp_directory') --")
    finally:
        con.close()
