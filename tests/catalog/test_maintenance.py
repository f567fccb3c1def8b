"""The curated zone's maintenance: what an interrupted CREATE TABLE AS SELECT leaves behind
(data files written, the commit never made) is removed once it is old enough; tables' own
files, and files of a table being created right now, are never touched."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pyarrow as pa

from lakebox.catalog.iceberg import IcebergTables, to_iceberg_schema
from lakebox.catalog.maintenance import CuratedMaintenance
from lakebox.catalog.orphans import remove_orphans
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.meta.database import Database
from lakebox.storage import LocalStore

COLUMNS = [Column("id", "bigint")]


def interrupted_ctas(iceberg: IcebergTables, name: str) -> None:
    """A CTAS whose process died between writing its data and committing: the transaction
    wrote its files and was never committed."""
    sql = iceberg.sql_catalog()
    warehouse, _ = iceberg._warehouse()
    txn = sql.create_table_transaction(
        ("cur", name), schema=to_iceberg_schema(COLUMNS), location=f"{warehouse}/cur/{name}"
    )
    txn.append(pa.table({"id": pa.array([1, 2, 3], pa.int64())}))


def age(root: Path, folder: str, seconds: float) -> None:
    then = time.time() - seconds
    for path in (root / folder).rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


def test_orphans_of_an_interrupted_ctas_are_removed_when_old(db: Database, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "data")
    iceberg = IcebergTables(db, Catalog(db), store)
    iceberg.create("cur", "kept", COLUMNS, data=pa.table({"id": pa.array([7], pa.int64())}))
    interrupted_ctas(iceberg, "ghost")
    interrupted_ctas(iceberg, "young")  # as a CTAS another server is running now
    root = tmp_path / "data"
    assert list((root / "curated/cur/ghost").rglob("*.parquet"))
    age(root, "curated/cur/ghost", 2 * 3600)
    age(root, "curated/cur/kept", 2 * 3600)  # an old table keeps its files
    maintenance = CuratedMaintenance(iceberg)
    maintenance(None, None)  # type: ignore[arg-type]
    assert not [p for p in (root / "curated/cur/ghost").rglob("*") if p.is_file()]
    assert [p for p in (root / "curated/cur/young").rglob("*") if p.is_file()]
    assert iceberg._load("cur", "kept").scan().to_arrow().num_rows == 1
    # once an hour, not at every tick
    age(root, "curated/cur/young", 2 * 3600)
    maintenance(None, None)  # type: ignore[arg-type]
    assert [p for p in (root / "curated/cur/young").rglob("*") if p.is_file()]
    assert remove_orphans(iceberg, 3600).folders == ["curated/cur/young/"]
