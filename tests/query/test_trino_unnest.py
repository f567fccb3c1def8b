"""Trino's UNNEST in FROM: an array of rows expands into the named columns, several arrays are
zipped side by side (the shorter padded with NULL), lateral to the tables before them."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakebox.auth.access import SYSTEM
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine, QueryFailed
from lakebox.query.trino_unnest import UnsupportedUnnest
from lakebox.storage import Lake, LocalStore, ObjectEvents


@pytest.fixture
def engine(db: Database, tmp_path: Path) -> QueryEngine:
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    orders = pa.table(
        {
            "id": [1, 2, 3],
            "items": [
                [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}],
                [],
                [{"sku": "c", "qty": 5}],
            ],
            "attrs": pa.array(
                [[("color", 1)], [], [("size", 2), ("color", 3)]], pa.map_(pa.string(), pa.int64())
            ),
            "ship": [{"addr": {"city": c}} for c in ("Paris", "Oslo", "Rome")],
        }
    )
    buf = io.BytesIO()
    pq.write_table(orders, buf)
    lake.put("raw/orders/o.parquet", buf.getvalue())
    catalog = Catalog(db)
    crawlers = Crawlers(db, catalog, lake.store, lake.events)
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="shop"))
    assert crawlers.run("c").state == "SUCCEEDED"
    iceberg = IcebergTables(db, catalog, lake.store)
    from lakebox.auth.access import Access

    return QueryEngine(catalog, iceberg, lake.store, Access(), tmp_path / "spill")


def test_an_array_of_rows_expands_into_the_named_columns(engine: QueryEngine) -> None:
    # Before: t.sku was the whole row ('a', 2) and t.qty did not exist
    rows = engine.run(
        "SELECT o.id, t.sku, t.qty FROM shop.orders o CROSS JOIN UNNEST(o.items) AS t(sku, qty) "
        "ORDER BY o.id, t.sku",
        principal=SYSTEM,
    ).rows
    assert rows == [(1, "a", 2), (1, "b", 1), (3, "c", 5)]
    literal = engine.run(
        "SELECT t.a, t.b FROM UNNEST(ARRAY[ROW(1, 'x'), ROW(2, 'y')]) AS t(a, b)",
        principal=SYSTEM,
    ).rows
    assert literal == [(1, "x"), (2, "y")]


def test_several_arrays_are_zipped_padding_the_shorter_with_null(engine: QueryEngine) -> None:
    rows = engine.run(
        "SELECT x, y FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS t(x, y)", principal=SYSTEM
    ).rows
    assert rows == [(1, "a"), (2, "b"), (None, "c")]


def test_one_array_one_column_and_ordinality_are_read_as_before(engine: QueryEngine) -> None:
    rows = engine.run(
        "SELECT n, x FROM UNNEST(ARRAY[5, 6]) WITH ORDINALITY AS t(x, n)", principal=SYSTEM
    ).rows
    assert rows == [(1, 5), (2, 6)]


def test_what_is_not_supported_is_refused_by_name(engine: QueryEngine) -> None:
    with pytest.raises(UnsupportedUnnest, match="WITH ORDINALITY of several arrays"):
        engine.run(
            "SELECT * FROM UNNEST(ARRAY[1], ARRAY[2]) WITH ORDINALITY AS t(x, y, n)",
            principal=SYSTEM,
        )
    with pytest.raises(UnsupportedUnnest, match="names 3 columns"):
        engine.run("SELECT * FROM UNNEST(ARRAY[1], ARRAY[2]) AS t(x, y, z)", principal=SYSTEM)


def test_a_map_column_unnests_through_its_entries(engine: QueryEngine) -> None:
    with pytest.raises(QueryFailed, match=r"UNNEST\(map_entries\(column\)\) AS t\(key, value\)"):
        engine.run(
            "SELECT k FROM shop.orders o CROSS JOIN UNNEST(o.attrs) AS t(k, v)", principal=SYSTEM
        )
    rows = engine.run(
        "SELECT o.id, t.k, t.v FROM shop.orders o CROSS JOIN UNNEST(map_entries(o.attrs)) AS t(k, v) "
        "ORDER BY o.id, t.k",
        principal=SYSTEM,
    ).rows
    assert rows == [(1, "color", 1), (3, "color", 3), (3, "size", 2)]


def test_fields_of_fields_of_a_catalog_column(engine: QueryEngine) -> None:
    # Before: r.addr.city was read as the column city of the table addr in the database r
    for sql in (
        "SELECT ship.addr.city FROM shop.orders ORDER BY id",
        "SELECT o.ship.addr.city FROM shop.orders o ORDER BY id",
    ):
        got = engine.run(sql, principal=SYSTEM)
        assert got.rows == [("Paris",), ("Oslo",), ("Rome",)], sql
        assert [n for n, _ in got.columns] == ["city"]
