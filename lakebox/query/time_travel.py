"""Time travel on Iceberg tables: ``FOR TIMESTAMP AS OF`` and ``FOR VERSION AS OF``, as in Athena.

Each versioned table reference is pinned to one snapshot before the query runs and read through
a view of its own (``"<table>@<snapshot id>"``), so a query may read the same table at several
points in time (today against yesterday) next to its current state.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlglot import exp

from lakebox.catalog.service import Catalog
from lakebox.errors import InvalidArgument, NotFound
from lakebox.query.sandbox import check_duckdb
from lakebox.query.sources import Source, TableSources


def pin_snapshots(
    tree: exp.Expr, catalog: Catalog, sources: TableSources, con: Any
) -> list[Source]:
    """Rewrite each ``t FOR ... AS OF x`` in ``tree`` to read its snapshot; returns their
    sources (one per distinct snapshot). ``x`` is evaluated on ``con``, the query's own
    connection, so that the query's timeout and cancelling interrupt it."""
    pinned: dict[str, Source] = {}
    for table in list(tree.find_all(exp.Table)):
        version = table.args.get("version")
        if not isinstance(version, exp.Version):
            continue
        db, name = table.db, table.name
        entry = catalog.table(db, name)
        if entry.definition.format != "iceberg":
            raise InvalidArgument(
                f"{db}.{name} is a {entry.definition.format} table: FOR ... AS OF reads the "
                "snapshots of Iceberg tables"
            )
        ice = sources.iceberg._load(db, name)
        kind = str(version.this).upper()
        if kind == "VERSION":
            snapshot_id = _evaluate(con, version.expression, "BIGINT", kind)
            if not isinstance(snapshot_id, int) or ice.snapshot_by_id(snapshot_id) is None:
                known = ", ".join(str(s.snapshot_id) for s in ice.snapshots()) or "none"
                raise NotFound(f"{db}.{name} has no snapshot {snapshot_id}; its snapshots: {known}")
        elif kind in ("TIMESTAMP", "SYSTEM_TIME"):
            at = _evaluate(con, version.expression, "TIMESTAMPTZ", "TIMESTAMP")
            if not isinstance(at, datetime):
                raise InvalidArgument("FOR TIMESTAMP AS OF needs a timestamp")
            snapshot = ice.snapshot_as_of_timestamp(int(at.timestamp() * 1000))
            if snapshot is None:
                first = min((s.timestamp_ms for s in ice.snapshots()), default=None)
                since = (
                    f"; its first snapshot is from {_iso(first)}"
                    if first is not None
                    else "; it has no snapshots yet"
                )
                raise NotFound(f"{db}.{name} has no snapshot at or before {at.isoformat()}{since}")
            snapshot_id = snapshot.snapshot_id
        else:
            raise InvalidArgument(f"FOR {kind} AS OF is not supported: use TIMESTAMP or VERSION")
        alias = f"{name}@{snapshot_id}"
        if alias not in pinned:
            pinned[alias] = sources.iceberg_source(entry, snapshot_id, alias)
        table.set("this", exp.to_identifier(alias, quoted=True))
        table.set("version", None)
    return list(pinned.values())


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


# What a FOR ... AS OF value may be made of: numbers, timestamp literals, the current time,
# intervals and date arithmetic. Nothing else: DuckDB cannot interrupt one function call while
# it runs (list_reduce(range(6e7), ...) ran 129 s under a 20 s limit), and these are cheap.
_CONSTANT_PARTS: tuple[type[exp.Expr], ...] = (
    exp.Literal, exp.Cast, exp.TryCast, exp.DataType, exp.DataTypeParam, exp.Var,
    exp.Interval, exp.Add, exp.Sub, exp.Neg, exp.Paren, exp.CurrentTimestamp, exp.CurrentDate,
    exp.CurrentTime, exp.Localtimestamp, exp.DateAdd, exp.DateSub, exp.TimestampAdd,
    exp.TimestampSub, exp.UnixToTime, exp.Identifier, exp.AtTimeZone,
)  # fmt: skip


def _evaluate(con: Any, expr: exp.Expr | None, duck_type: str, kind: str) -> object:
    """A constant expression's value (``TIMESTAMP '...'``, ``current_timestamp - interval '1'
    day``, ``123``), computed by DuckDB in UTC (the engine's time zone) on the query's
    connection, checked like the query itself (no engine functions, no tables)."""
    import duckdb

    if expr is None or any(expr.find_all(exp.Column, exp.Table, exp.Select)):
        wanted = "a timestamp" if kind == "TIMESTAMP" else "a snapshot id"
        raise InvalidArgument(
            f"FOR {kind} AS OF takes a constant ({wanted}), not columns or queries"
        )
    other = next((n for n in expr.walk() if not isinstance(n, _CONSTANT_PARTS)), None)
    if other is not None:
        raise InvalidArgument(
            f"FOR {kind} AS OF {expr.sql()}: {other.sql()} is not allowed here; the value is a "
            "number, a timestamp literal, current_timestamp, or date arithmetic on them "
            "(interval, date_add, from_unixtime)"
        )
    sql = f"SELECT CAST(({expr.sql(dialect='duckdb')}) AS {duck_type})"
    check_duckdb(con, sql)
    try:
        row = con.execute(sql).fetchone()
    except duckdb.Error as exc:
        raise InvalidArgument(
            f"FOR {kind} AS OF {expr.sql()}: {str(exc).splitlines()[0]}"
        ) from None
    return row[0] if row else None
