"""Iceberg tables through the CLI, with another engine (PyIceberg) writing to the same table."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow


def test_iceberg_table_lifecycle(server: RunningServer) -> None:
    out = server.cli(
        "tables",
        "create",
        "sales.orders",
        "--column",
        "id:bigint",
        "--column",
        "total:float",
        "--partition-by",
        "id",
    )
    assert out.returncode == 0, out.stderr
    # Another Iceberg engine, through the same SQL catalog, commits two appends.
    from pyiceberg.catalog.sql import SqlCatalog

    engine = SqlCatalog(
        "lakebox",
        uri=f"sqlite:///{server.home / 'lakebox.db'}",
        warehouse=f"file://{server.home / 'data' / 'curated'}",
    )
    table = engine.load_table(("sales", "orders"))
    schema = pa.schema([("id", pa.int64()), ("total", pa.float32())])
    table.append(pa.table({"id": [1, 2], "total": [1.0, 2.0]}, schema=schema))
    table.append(pa.table({"id": [3], "total": [3.0]}, schema=schema))

    snaps = json.loads(server.cli("tables", "snapshots", "sales.orders", "--json").stdout)
    assert len(snaps) == 2 and snaps[-1]["current"]
    assert snaps[0]["summary"]["added-records"] == "2"
    out = server.cli("tables", "rollback", "sales.orders", str(snaps[0]["snapshot_id"]))
    assert out.returncode == 0, out.stderr
    assert engine.load_table(("sales", "orders")).scan().to_arrow().num_rows == 2

    out = server.cli(
        "tables",
        "evolve",
        "sales.orders",
        "--add-column",
        "coupon:string",
        "--widen",
        "total:double",
    )
    assert out.returncode == 0, out.stderr
    detail = json.loads(server.cli("tables", "show", "sales.orders", "--json").stdout)
    assert detail["format"] == "iceberg"
    assert {c["name"]: c["type"] for c in detail["columns"]} == {
        "id": "bigint",
        "total": "double",
        "coupon": "string",
    }
    assert len(detail["snapshots"]) == 2
    history = json.loads(server.cli("tables", "history", "sales.orders", "--json").stdout)
    assert history[-1]["changes"][0]["description"] == "column coupon added (string)"


def test_iceberg_errors_are_one_line(server: RunningServer) -> None:
    out = server.cli("tables", "create", "sales.t", "--column", "id")
    assert (
        out.stderr.decode().strip()
        == "error: --column takes NAME:TYPE (e.g. total:double), got 'id'"
    )
    out = server.cli("tables", "create", "sales.t", "--column", "id:text")
    assert "unknown type 'text'" in out.stderr.decode()
    server.cli("tables", "create", "sales.t", "--column", "id:string")
    out = server.cli("tables", "evolve", "sales.t", "--widen", "id:bigint")
    assert "Iceberg cannot change id from string to bigint" in out.stderr.decode()
    out = server.cli("tables", "rollback", "sales.t", "123")
    assert out.stderr.decode().strip() == "error: sales.t has no snapshot 123; snapshots: none"
