"""FOR TIMESTAMP AS OF / FOR VERSION AS OF on Iceberg tables."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from lakebox.auth.access import SYSTEM
from lakebox.errors import InvalidArgument, NotFound
from lakebox.query.engine import QueryEngine


def test_version_and_timestamp_as_of(engine: QueryEngine) -> None:
    engine.run("CREATE TABLE cur.stock AS SELECT 'a' AS sku, 1 AS qty", principal=SYSTEM)
    time.sleep(0.02)
    between = datetime.now(UTC)
    time.sleep(0.02)
    engine.run("INSERT INTO cur.stock VALUES ('b', 2)", principal=SYSTEM)
    first, second = (s.snapshot_id for s in engine.iceberg.snapshots("cur", "stock"))

    assert engine.run("SELECT count(*) FROM cur.stock", principal=SYSTEM).rows == [(2,)]
    assert engine.run(
        f"SELECT sku FROM cur.stock FOR VERSION AS OF {first}", principal=SYSTEM
    ).rows == [("a",)]
    at = between.strftime("%Y-%m-%d %H:%M:%S.%f")
    r = engine.run(
        f"SELECT sku FROM cur.stock FOR TIMESTAMP AS OF TIMESTAMP '{at} UTC'", principal=SYSTEM
    )
    assert r.rows == [("a",)]
    # without a zone, a timestamp is UTC (as in Athena), whatever the server's zone
    r = engine.run(
        f"SELECT sku FROM cur.stock FOR TIMESTAMP AS OF TIMESTAMP '{at}'", principal=SYSTEM
    )
    assert r.rows == [("a",)]
    r = engine.run(
        "SELECT count(*) FROM cur.stock FOR TIMESTAMP AS OF current_timestamp", principal=SYSTEM
    )
    assert r.rows == [(2,)]
    # the same table now and then, in one query: what was added since the first snapshot
    r = engine.run(
        f"SELECT today.sku FROM cur.stock today LEFT JOIN cur.stock FOR VERSION AS OF {first} AS "
        "before ON today.sku = before.sku WHERE before.sku IS NULL",
        principal=SYSTEM,
    )
    assert r.rows == [("b",)]
    # Spark's spelling
    r = engine.run(
        f"SELECT count(*) FROM cur.stock VERSION AS OF {second}", dialect="spark", principal=SYSTEM
    )
    assert r.rows == [(2,)]


def test_time_travel_reads_the_schema_of_its_snapshot(engine: QueryEngine) -> None:
    # sales.daily: two snapshots; a column `note` was added between them
    first = engine.iceberg.snapshots("sales", "daily")[0].snapshot_id
    r = engine.run(f"SELECT * FROM sales.daily FOR VERSION AS OF {first}", principal=SYSTEM)
    assert [c[0] for c in r.columns] == ["day", "revenue"]
    assert r.rows == [("mon", 1.5)]


def test_time_travel_errors(engine: QueryEngine) -> None:
    engine.run("CREATE TABLE cur.s AS SELECT 1 AS n", principal=SYSTEM)
    (only,) = (s.snapshot_id for s in engine.iceberg.snapshots("cur", "s"))
    with pytest.raises(NotFound, match=rf"cur\.s has no snapshot 42; its snapshots: {only}"):
        engine.run("SELECT * FROM cur.s FOR VERSION AS OF 42", principal=SYSTEM)
    with pytest.raises(
        NotFound, match=r"no snapshot at or before 2001-01-01.*first snapshot is from"
    ):
        engine.run(
            "SELECT * FROM cur.s FOR TIMESTAMP AS OF TIMESTAMP '2001-01-01 00:00:00'",
            principal=SYSTEM,
        )
    with pytest.raises(
        InvalidArgument, match=r"lake\.orders is a json table: FOR \.\.\. AS OF reads"
    ):
        engine.run("SELECT * FROM lake.orders FOR VERSION AS OF 1", principal=SYSTEM)
    with pytest.raises(InvalidArgument, match="takes a constant"):
        engine.run(
            "SELECT * FROM cur.s FOR VERSION AS OF (SELECT max(n) FROM cur.s)", principal=SYSTEM
        )
    with pytest.raises(InvalidArgument, match="FOR TIMESTAMP AS OF 'yesterday'"):
        engine.run("SELECT * FROM cur.s FOR TIMESTAMP AS OF 'yesterday'", principal=SYSTEM)
