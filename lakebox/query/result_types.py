"""The type of every result column as Athena (Trino) names it, and its values as each result
path shows them: one place for GetQueryResults' ColumnInfo and text, the CSV results file,
the Parquet results file, and the rows of lakebox's own JSON API.

DuckDB runs the query; its result types are mapped once, here, to Trino's (``HUGEINT`` is
``decimal(38,0)``, ``STRUCT(a INTEGER)`` is ``row(a integer)``, ``BLOB`` is ``varbinary``).
Text is rendered as Athena renders it in GetQueryResults and in its CSV files, which is what
PyAthena's converters parse: ``[1, 2]`` for arrays, ``{k=1}`` for maps, ``{a=1, b=x}`` for
rows, ``78 79`` for varbinary, ``2020-01-01 00:00:00.000`` for timestamps, Java's rendering of
doubles (``1.0E10``). A DuckDB type with no Trino counterpart (``BIT``, ``UNION``) is refused by
name rather than shown as something it is not.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import functools
import math
import struct
from dataclasses import dataclass
from typing import Any

from lakebox.errors import LakeboxError


class UnsupportedResultType(LakeboxError):
    """A result column whose DuckDB type no Athena client could read."""

    status = 400
    code = "UnsupportedResultType"


@dataclass(frozen=True)
class ResultType:
    """One column's type: ``name`` is Trino's full name (``array(decimal(11,1))``), ``base``
    what ColumnInfo's Type says (``array``), with ColumnInfo's Precision and Scale."""

    name: str
    base: str
    precision: int = 0
    scale: int = 0
    children: tuple[tuple[str, ResultType], ...] = ()

    @property
    def case_sensitive(self) -> bool:
        return self.base in ("varchar", "char", "json")


# DuckDB type id → (Trino name, ColumnInfo Precision) for the types without parameters.
_SIMPLE: dict[str, tuple[str, int]] = {
    "boolean": ("boolean", 0),
    "tinyint": ("tinyint", 3),
    "smallint": ("smallint", 5),
    "integer": ("integer", 10),
    "bigint": ("bigint", 19),
    "utinyint": ("smallint", 5),
    "usmallint": ("integer", 10),
    "uinteger": ("bigint", 19),
    "float": ("real", 24),
    "double": ("double", 53),
    "varchar": ("varchar", 2147483647),
    "blob": ("varbinary", 1073741824),
    "date": ("date", 0),
    "time": ("time(3)", 3),
    "time_ns": ("time(3)", 3),
    "time with time zone": ("time(3) with time zone", 3),
    "timestamp": ("timestamp(3)", 3),
    "timestamp_s": ("timestamp(3)", 3),
    "timestamp_ms": ("timestamp(3)", 3),
    "timestamp_ns": ("timestamp(3)", 3),
    "timestamp with time zone": ("timestamp(3) with time zone", 3),
    "interval": ("interval day to second", 0),
    "uuid": ("uuid", 0),
    "enum": ("varchar", 2147483647),
    # the engine processes send a geometry as Trino's WKT text (engine_worker.py)
    "geometry": ("Geometry", 0),
}
# Wider than any Trino integer: exact as decimals.
_DECIMAL_INTEGERS = {"ubigint": 20, "hugeint": 38, "uhugeint": 38, "varint": 38, "bignum": 38}


def _base(name: str) -> str:
    """ColumnInfo's Type: the name without its parameters (``timestamp(3) with time zone`` →
    ``timestamp with time zone``; ``interval day to second`` stays whole)."""
    head, paren, rest = name.partition("(")
    if not paren:
        return name
    return head + rest.partition(")")[2]


def _family(rtype: ResultType) -> str:
    """What decides how a value is shown: ``timestamp`` for both timestamp types, ``time``
    for both time types, ``interval`` for both interval types."""
    return rtype.base.split(" ", 1)[0]


def of_duckdb(duck: Any) -> ResultType:
    """The Athena type of a DuckDB result type (a ``DuckDBPyType`` or its name)."""
    import duckdb

    if isinstance(duck, str):
        return _of_name(duck)
    return _of(duck, duckdb)


@functools.lru_cache(maxsize=1024)
def _of_name(name: str) -> ResultType:
    import duckdb

    try:
        return _of(duckdb.sqltype(name), duckdb)
    except duckdb.Error:
        raise UnsupportedResultType(f"result type {name!r} is not a DuckDB type") from None


def _of(t: Any, duckdb: Any) -> ResultType:
    kind = t.id
    if str(t) == "JSON":
        return ResultType("json", "json")
    if kind in _SIMPLE:
        name, precision = _SIMPLE[kind]
        return ResultType(name, _base(name), precision)
    if kind in _DECIMAL_INTEGERS:
        digits = _DECIMAL_INTEGERS[kind]
        return ResultType(f"decimal({digits},0)", "decimal", digits, 0)
    if kind == "decimal":
        params = dict(t.children)
        p, s = int(params["precision"]), int(params["scale"])
        return ResultType(f"decimal({p},{s})", "decimal", p, s)
    if kind in ("list", "array"):
        child = _of(dict(t.children)["child"], duckdb)
        return ResultType(f"array({child.name})", "array", 0, 0, (("", child),))
    if kind == "map":
        params = dict(t.children)
        key, value = _of(params["key"], duckdb), _of(params["value"], duckdb)
        return ResultType(
            f"map({key.name}, {value.name})", "map", 0, 0, (("key", key), ("value", value))
        )
    if kind == "struct":
        if [str(n) for n, _ in t.children] == ["lakebox_spherical"]:
            # Trino's SphericalGeography (trino_spherical.py), sent as its WKT text
            return ResultType("SphericalGeography", "SphericalGeography")
        fields = tuple((str(n), _of(c, duckdb)) for n, c in t.children)
        inner = ", ".join(f"{_field_name(n)} {c.name}" for n, c in fields)
        return ResultType(f"row({inner})", "row", 0, 0, fields)
    raise UnsupportedResultType(
        f"a result column of DuckDB type {t} has no Athena (Trino) type; cast it (to varchar, "
        "for instance) in the query"
    )


def _field_name(name: str) -> str:
    if name.replace("_", "a").isalnum() and not name[:1].isdigit():
        return name
    return '"' + name.replace('"', '""') + '"'


# -- text: GetQueryResults' VarCharValue and the CSV results file ------------------------------


def to_text(value: Any, rtype: ResultType) -> str | None:
    """``value`` (as Arrow gives it to Python) as Athena writes it; None for NULL."""
    if value is None:
        return None
    return _text(value, rtype)


def _text(value: Any, rtype: ResultType) -> str:
    if value is None:
        return "null"  # inside arrays, maps and rows, as Trino shows it
    base = _family(rtype)
    if base == "boolean":
        return "true" if value else "false"
    if base in ("double", "real"):
        return java_double(float(value), single=base == "real")
    if base == "decimal":
        return _decimal_text(value, rtype.scale)
    if base == "varbinary":
        return " ".join(f"{b:02x}" for b in bytes(value))
    if base == "timestamp":
        return _timestamp_text(value)
    if base == "time":
        return _time_text(value)
    if base == "interval":  # the Parquet results file holds intervals as their text
        return value if isinstance(value, str) else interval_text(value)
    if base == "array":
        child = rtype.children[0][1]
        return "[" + ", ".join(_text(v, child) for v in value) + "]"
    if base == "map":
        key, val = rtype.children[0][1], rtype.children[1][1]
        return "{" + ", ".join(f"{_text(k, key)}={_text(v, val)}" for k, v in _pairs(value)) + "}"
    if base == "row":
        return "{" + ", ".join(f"{n}={_text(value.get(n), t)}" for n, t in rtype.children) + "}"
    return str(value)


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    """A map's entries: Arrow gives a list of (key, value) tuples."""
    return list(value.items()) if isinstance(value, dict) else [tuple(p) for p in value]


def _decimal_text(value: Any, scale: int) -> str:
    d = value if isinstance(value, decimal.Decimal) else decimal.Decimal(value)
    if scale:
        d = d.quantize(decimal.Decimal(1).scaleb(-scale))
    return format(d, "f")


def _timestamp_text(value: Any) -> str:
    if not isinstance(value, dt.datetime):  # a pandas Timestamp (nanoseconds)
        value = value.to_pydatetime()
    text: str = value.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
    if value.tzinfo is not None:
        zone = value.tzname() or "UTC"
        text += " " + ("UTC" if zone in ("UTC", "Etc/UTC", "UTC+00:00") else zone)
    return text


def _time_text(value: Any) -> str:
    text: str = value.strftime("%H:%M:%S.%f")[:-3]
    return text


def interval_text(value: Any) -> str:
    """Trino's ``interval day to second`` text (``2 03:00:00.000``); months, which only
    ``interval year to month`` holds, as ``years-months`` when the interval has nothing else."""
    months, days, nanos = (int(value.months), int(value.days), int(value.nanoseconds))
    if months and not days and not nanos:
        sign = "-" if months < 0 else ""
        return f"{sign}{abs(months) // 12}-{abs(months) % 12}"
    if months:
        raise _mixed_interval()
    total_ms = days * 86_400_000 + nanos // 1_000_000
    sign = "-" if total_ms < 0 else ""
    total_ms = abs(total_ms)
    d, rest = divmod(total_ms, 86_400_000)
    h, rest = divmod(rest, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{sign}{d} {h:02d}:{m:02d}:{s:02d}.{ms:03d}"


_YEAR_TO_MONTH = ResultType("interval year to month", "interval year to month")


def _mixed_interval() -> UnsupportedResultType:
    return UnsupportedResultType(
        "an interval of months and days together has no Athena (Trino) type (Trino's intervals "
        "are year to month or day to second); compute the two parts apart"
    )


def refine(types: list[ResultType], table: Any) -> list[ResultType]:
    """Types that only the values tell: DuckDB has one INTERVAL type, Trino two; a column
    whose every interval is of months alone is ``interval year to month``."""
    refined = list(types)
    for i, rtype in enumerate(types):
        if _family(rtype) != "interval":
            continue
        values = [v for v in table.column(i).to_pylist() if v is not None]
        months = [v for v in values if v.months]
        if months and any(v.days or v.nanoseconds for v in values):
            raise _mixed_interval()
        if months:
            refined[i] = _YEAR_TO_MONTH
    return refined


def java_double(x: float, single: bool = False) -> str:
    """A double (or real) as Java's ``Double.toString`` writes it, as Trino and Athena do:
    ``3.5``, ``100.0``, ``1.0E7``, ``1.5E-4``, ``NaN``, ``Infinity``."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    digits = _shortest_single(x) if single else repr(x)
    mantissa, exponent = _digits(digits)
    magnitude = abs(x)
    if 1e-3 <= magnitude < 1e7:
        text = format(decimal.Decimal(digits), "f")
        if "." not in text:
            text += ".0"
        return text
    sign = "-" if x < 0 else ""
    head, tail = mantissa[0], mantissa[1:] or "0"
    return f"{sign}{head}.{tail}E{exponent}"


def _shortest_single(x: float) -> str:
    """The fewest digits that read back as the same 32-bit float."""
    target = struct.unpack("f", struct.pack("f", x))[0]
    for precision in range(1, 10):
        text = f"{target:.{precision}g}"
        if struct.unpack("f", struct.pack("f", float(text)))[0] == target:
            return text
    return repr(target)


def _digits(text: str) -> tuple[str, int]:
    """The significant digits of a number's text and its decimal exponent (1.5e-4 →
    ("15", -4))."""
    d = decimal.Decimal(text).normalize()
    _, digits, exp = d.as_tuple()
    assert isinstance(exp, int)
    mantissa = "".join(map(str, digits))
    return mantissa, exp + len(digits) - 1


# -- JSON: the rows of lakebox's own API ---------------------------------------------------------


def to_json(value: Any, rtype: ResultType) -> Any:
    """``value`` as a JSON value that says exactly what it is: numbers JSON cannot hold
    exactly (decimals, integers past 64 bits, NaN and infinities) as text, binary as base64,
    times as ISO 8601 text, maps as objects keyed by their keys' text."""
    if value is None:
        return None
    base = _family(rtype)
    if base in ("boolean", "tinyint", "smallint", "integer", "bigint", "varchar", "json"):
        return value
    if base in ("double", "real"):
        x = float(value)
        return x if math.isfinite(x) else java_double(x)
    if base == "decimal":
        return _decimal_text(value, rtype.scale)
    if base == "varbinary":
        return base64.b64encode(bytes(value)).decode()
    if base in ("timestamp", "date", "time"):
        if not isinstance(value, dt.date | dt.time):
            value = value.to_pydatetime()
        return value.isoformat()
    if base == "interval":
        return value if isinstance(value, str) else interval_text(value)
    if base == "array":
        child = rtype.children[0][1]
        return [to_json(v, child) for v in value]
    if base == "map":
        key, val = rtype.children[0][1], rtype.children[1][1]
        return {to_text(k, key): to_json(v, val) for k, v in _pairs(value)}
    if base == "row":
        return {n: to_json(value.get(n), t) for n, t in rtype.children}
    return str(value)


# -- the results files -------------------------------------------------------------------------


def for_files(table: Any, types: list[ResultType]) -> tuple[Any, Any]:
    """The result as written to the Parquet file (Arrow types, but intervals — which Parquet
    cannot hold — as their text) and to the CSV file (every value as its Athena text)."""
    import pyarrow as pa

    parquet_columns = []
    csv_columns = []
    for col, rtype in zip(table.columns, types, strict=True):
        simple = rtype.base in ("varchar", "json") or (
            rtype.base in ("tinyint", "smallint", "integer", "bigint", "date")
        )
        original = col
        if _family(rtype) == "interval":
            col = pa.array([to_text(v, rtype) for v in col.to_pylist()], pa.string())
        parquet_columns.append(col)
        col = original
        if simple:
            # Arrow's own CSV writing renders these as Athena does (booleans, doubles and
            # timestamps it does not)
            csv_columns.append(col.cast(pa.string()) if pa.types.is_dictionary(col.type) else col)
        else:
            csv_columns.append(pa.array([to_text(v, rtype) for v in col.to_pylist()], pa.string()))
    names = table.column_names
    return pa.table(parquet_columns, names=names), pa.table(csv_columns, names=names)


def types_of(columns: list[dict[str, str]]) -> list[ResultType]:
    """The types of an execution's columns as recorded (``engine_type``: DuckDB's name; an
    execution recorded before it has only DuckDB's name, as ``type``)."""
    types = []
    for c in columns:
        rtype = of_duckdb(c.get("engine_type") or c["type"])
        if c["type"] == _YEAR_TO_MONTH.name:  # what refine() found in the values
            rtype = _YEAR_TO_MONTH
        types.append(rtype)
    return types
