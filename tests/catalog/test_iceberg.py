"""Curated Iceberg tables through PyIceberg's SQL catalog in the metadata database."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from sqlalchemy import text

from lakebox.catalog.iceberg import CATALOG_NAME, IcebergTables
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.storage import LocalStore


@pytest.fixture
def iceberg(db: Database, tmp_path: Path) -> IcebergTables:
    return IcebergTables(db, Catalog(db), LocalStore(tmp_path / "data"))


COLUMNS = [
    Column("id", "bigint"),
    Column("customer", "string"),
    Column("total", "float"),
    Column("items", "array<struct<sku:string,qty:int>>"),
]


def rows(ids: list[int]) -> pa.Table:
    return pa.table(
        {
            "id": pa.array(ids, pa.int64()),
            "customer": [f"c{i}" for i in ids],
            "total": pa.array([1.5] * len(ids), pa.float32()),
            "items": pa.array(
                [[{"sku": "a", "qty": 1}]] * len(ids),
                pa.list_(pa.struct([("sku", pa.string()), ("qty", pa.int32())])),
            ),
        }
    )


def test_create_describe_and_read_from_another_engine(
    iceberg: IcebergTables, db: Database, tmp_path: Path
) -> None:
    table = iceberg.create("sales", "orders", COLUMNS, partition_by=["customer"])
    assert table.definition.format == "iceberg"
    assert table.definition.location == "curated/sales/orders/"
    assert [c.as_json() for c in table.definition.columns] == [c.as_json() for c in COLUMNS]
    iceberg.append("sales", "orders", rows([1, 2, 3]))
    # The standard JDBC catalog layout, readable by any Iceberg engine:
    with db.begin() as conn:
        found = conn.execute(
            text("select catalog_name, table_namespace, table_name from iceberg_tables")
        ).all()
    assert [tuple(r) for r in found] == [(CATALOG_NAME, "sales", "orders")]
    from pyiceberg.catalog.sql import SqlCatalog

    other = SqlCatalog("lakebox", uri=db.url, warehouse=f"file://{tmp_path}/elsewhere")
    assert other.load_table(("sales", "orders")).scan().to_arrow().num_rows == 3
    assert list((tmp_path / "data" / "curated" / "sales" / "orders" / "metadata").iterdir())


def test_schema_evolution_is_versioned(iceberg: IcebergTables) -> None:
    iceberg.create("sales", "orders", COLUMNS)
    iceberg.append("sales", "orders", rows([1]))
    table = iceberg.evolve(
        "sales", "orders", add=[Column("coupon", "string")], widen=[Column("total", "double")]
    )
    assert {c.name: c.type for c in table.definition.columns}["total"] == "double"
    assert table.definition.columns[-1].as_json() == {"name": "coupon", "type": "string"}
    history = iceberg.catalog.history("sales", "orders")
    assert [c["description"] for c in history[-1].changes] == [
        "column coupon added (string)",
        "column total type widened float -> double",
    ]
    with pytest.raises(InvalidArgument, match="int -> bigint and float -> double"):
        iceberg.evolve("sales", "orders", widen=[Column("customer", "bigint")])
    with pytest.raises(InvalidArgument, match="already exists"):
        iceberg.evolve("sales", "orders", add=[Column("id", "bigint")])
    # old data reads with the new schema
    data = iceberg._load("sales", "orders").scan().to_arrow()
    assert data.column("coupon").to_pylist() == [None]


def test_snapshots_and_rollback(iceberg: IcebergTables) -> None:
    iceberg.create("sales", "orders", COLUMNS)
    iceberg.append("sales", "orders", rows([1, 2]))
    iceberg.append("sales", "orders", rows([3]))
    snaps = iceberg.snapshots("sales", "orders")
    assert len(snaps) == 2 and snaps[1].current and not snaps[0].current
    assert snaps[0].operation == "append"
    assert snaps[1].parent_id == snaps[0].snapshot_id
    table = iceberg.rollback("sales", "orders", snaps[0].snapshot_id)
    assert table.definition.properties["current_snapshot_id"] == snaps[0].snapshot_id
    assert iceberg._load("sales", "orders").scan().to_arrow().num_rows == 2
    assert [s.current for s in iceberg.snapshots("sales", "orders")] == [True, False]
    with pytest.raises(NotFound, match="no snapshot 42"):
        iceberg.rollback("sales", "orders", 42)


def test_errors(iceberg: IcebergTables) -> None:
    iceberg.create("sales", "orders", COLUMNS)
    with pytest.raises(AlreadyExists):
        iceberg.create("sales", "orders", COLUMNS)
    with pytest.raises(NotFound, match=r"Iceberg table sales.nope not found"):
        iceberg.snapshots("sales", "nope")
    with pytest.raises(InvalidArgument, match="partition column 'nope'"):
        iceberg.create("sales", "t2", COLUMNS, partition_by=["nope"])
    with pytest.raises(InvalidArgument, match="at least one column"):
        iceberg.create("sales", "t3", [])
    with pytest.raises(InvalidArgument, match="unknown type 'text'"):
        iceberg.create("sales", "t4", [Column("a", "text")])
