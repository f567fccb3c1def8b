"""The Python functions each engine process's DuckDB registers: Trino functions DuckDB lacks
(trino_udfs.py, trino_geo.py and the others map Trino's names onto these ``lakebox_*`` ones),
one module per concept, each with its FUNCTIONS.

engine_worker.py loads this package by its path: like the worker, it imports nothing of
lakebox's. Libraries are imported inside the functions, so a process that never calls one never
loads it.
"""

from __future__ import annotations

from typing import Any

from . import (
    colors,
    constructors,
    geometry,
    geometry_relations,
    hadoop_shapes,
    kdb_tree,
    kml,
    ml,
    sketches,
    spherical,
    standard,
)

FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    *standard.FUNCTIONS,
    *sketches.FUNCTIONS,
    *colors.FUNCTIONS,
    *geometry.FUNCTIONS,
    *ml.FUNCTIONS,
    *geometry_relations.FUNCTIONS,
    *constructors.FUNCTIONS,
    *spherical.FUNCTIONS,
    *hadoop_shapes.FUNCTIONS,
    *kdb_tree.FUNCTIONS,
    *kml.FUNCTIONS,
]
# typed macros, kept in the engines' database file (engine.py makes it)
MACROS: list[str] = [*ml.MACROS, *sketches.MACROS]


def _arrow_type(duckdb_type: str) -> Any:
    import pyarrow as pa

    if duckdb_type.endswith("[]"):
        return pa.list_(_arrow_type(duckdb_type[:-2]))
    if duckdb_type.startswith("MAP("):
        key, value = duckdb_type[4:-1].split(", ")
        return pa.map_(_arrow_type(key), _arrow_type(value))
    return {
        "VARCHAR": pa.string(), "BLOB": pa.binary(), "DOUBLE": pa.float64(),
        "FLOAT": pa.float32(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
        "TIMESTAMP": pa.timestamp("us"), "BOOLEAN": pa.bool_(),
    }[duckdb_type]  # fmt: skip


def _vectorized(fn: Any, arity: int, result: str) -> Any:
    """``fn`` over Arrow columns, a row at a time: NULL for a NULL argument (SQL's rule), and
    what ``fn`` returns kept as it is, NaN and NULL included (DuckDB's row-at-a-time Python
    functions turn a NaN into NULL and refuse a NULL result)."""

    def rows(*columns: Any) -> Any:
        import pyarrow as pa  # at the first call: an engine's start stays as light as it was

        values = zip(*(c.to_pylist() for c in columns), strict=True)
        out = [None if None in row else fn(*row) for row in values]
        return pa.array(out, type=_arrow_type(result))

    # DuckDB reads the number of parameters from the signature
    wrappers = {
        1: lambda a: rows(a),
        2: lambda a, b: rows(a, b),
        3: lambda a, b, c: rows(a, b, c),
        4: lambda a, b, c, d: rows(a, b, c, d),
    }
    return wrappers[arity]


def registered() -> list[tuple[str, Any, list[str], str]]:
    """FUNCTIONS as the engines register them: vectorized over Arrow columns."""
    return [(n, _vectorized(f, len(p), r), p, r) for n, f, p, r in FUNCTIONS]
