"""What one object holds: format, compression, columns; read from a bounded sample.

* NDJSON (also gzip): the first block is parsed line by line (orjson); types widen across
  lines. A line that is not a JSON object makes the object bad, naming the line.
* CSV (also gzip): DuckDB's sniffer finds delimiter, quoting, header and column types.
* Parquet: only the footer is read (PyArrow), never the data.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson

from lakebox.catalog.types import (
    MAX_DEPTH,
    Array,
    Struct,
    TooDeep,
    Type,
    arrow_type,
    depth,
    names_problem,
    of_value,
    widen,
)
from lakebox.errors import NotFound
from lakebox.storage.base import ObjectInfo, ObjectStore

SAMPLE_BYTES = 64 * 1024  # compressed bytes read from the start of a JSON/CSV object
MAX_SAMPLE_TEXT = 1024 * 1024  # decompressed bytes looked at, at most
MAX_FIRST_LINE = 64 * 1024 * 1024  # ... except to reach the end of a longer first record
_GZIP_MAGIC = b"\x1f\x8b"
_PARQUET_MAGIC = b"PAR1"


class BadObject(Exception):
    """An object that cannot be read; ``reason`` names where (line, byte offset)."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass
class ObjectSchema:
    key: str
    size: int
    format: str  # json | csv | parquet
    compression: str  # none | gzip
    columns: dict[str, Type]
    format_options: dict[str, Any] = field(default_factory=dict)
    # Rows: exact from a Parquet footer or a sample that was the whole object; otherwise the
    # sample's rows scaled by the part of the object the sample covered.
    rows: int | None = None


def infer_object(
    store: ObjectStore, info: ObjectInfo, sample_bytes: int = SAMPLE_BYTES
) -> ObjectSchema:
    key = info.key
    if info.size == 0:
        raise BadObject(key, "empty object")
    name = key.rsplit("/", 1)[-1].lower()
    if name.endswith(".parquet") or _looks_parquet(store, info):
        return _parquet(store, info)
    size = min(sample_bytes, info.size)
    compression, text, consumed, whole = _sample(store, info, size, MAX_SAMPLE_TEXT)
    # The sample must hold at least one whole record: a first line longer than the sample is
    # read to its end (within MAX_FIRST_LINE), not mistaken for something else.
    while not whole and b"\n" not in text:
        if len(text) > MAX_FIRST_LINE:
            raise BadObject(
                key,
                f"its first line is longer than {MAX_FIRST_LINE:,} bytes (the longest line the "
                f"crawler reads to infer a {_format_named(name, text)} object's schema)",
            )
        size = min(size * 4, info.size)
        compression, text, consumed, whole = _sample(store, info, size, MAX_FIRST_LINE)
    first_line = text.find(b"\n") + 1
    seen = consumed / info.size  # the part of the object the sample covers
    limit = max(MAX_SAMPLE_TEXT, first_line)
    if not whole or len(text) > limit:
        # Only a prefix was read: drop the last, possibly partial line.
        full_len = len(text)
        text = text[:limit]
        cut = text.rfind(b"\n")
        text = text[: cut + 1] if cut >= 0 else b""
        seen *= len(text) / full_len if full_len else 1.0
    stem = name.removesuffix(".gz")
    first = text.lstrip()[:1]
    if stem.endswith((".csv", ".tsv")) or (
        not stem.endswith((".json", ".ndjson", ".jsonl")) and first not in (b"{", b"[")
    ):
        schema = _csv(key, info.size, compression, text)
        lines = text.count(b"\n") + (0 if text.endswith(b"\n") else 1)
        sampled = lines - (1 if schema.format_options.get("header") else 0)
    else:
        schema = _json(key, info.size, compression, text)
        sampled = schema.rows or 0
    schema.rows = round(sampled / seen) if seen > 0 else sampled
    return _shallow(schema)


def _shallow(schema: ObjectSchema) -> ObjectSchema:
    """The schema, unless a column nests deeper than the catalog takes or has names no query
    can tell apart (any format)."""
    problem = names_problem(schema.columns.items())
    if problem is not None:
        raise BadObject(schema.key, problem)
    for name, t in schema.columns.items():
        if depth(t) > MAX_DEPTH:
            raise BadObject(
                schema.key,
                f"column {name!r} is nested more than {MAX_DEPTH} levels deep "
                f"(lakebox catalogs at most {MAX_DEPTH})",
            )
    return schema


def _sample(
    store: ObjectStore, info: ObjectInfo, size: int, max_text: int
) -> tuple[str, bytes, int, bool]:
    """The compression, the decompressed start of the object (at most ``max_text`` bytes and
    a little more), how many stored bytes that took, and whether it is the whole object."""
    raw = store.get_range(info.key, 0, size)
    whole = len(raw) >= info.size
    if raw.startswith(_GZIP_MAGIC):
        text, consumed = _gunzip(info.key, raw, whole, max_text)
        return "gzip", text, consumed, whole
    return "none", raw, len(raw), whole


def _format_named(name: str, text: bytes) -> str:
    """The format an object looks like before it could be parsed: by its name, else by its
    first character."""
    stem = name.removesuffix(".gz")
    if stem.endswith((".csv", ".tsv")):
        return "CSV"
    if stem.endswith((".json", ".ndjson", ".jsonl")) or text.lstrip()[:1] in (b"{", b"["):
        return "JSON"
    return "CSV"


def _looks_parquet(store: ObjectStore, info: ObjectInfo) -> bool:
    if info.size < 12:
        return False
    return store.get_range(info.key, 0, 4) == _PARQUET_MAGIC


def _gunzip(
    key: str, raw: bytes, whole: bool, max_text: int = MAX_SAMPLE_TEXT
) -> tuple[bytes, int]:
    """The decompressed start of ``raw`` and how many compressed bytes it took."""
    d = zlib.decompressobj(wbits=31)
    try:
        out = d.decompress(raw, max_text + 1)
    except zlib.error as exc:
        consumed = len(raw) - len(d.unconsumed_tail) - len(d.unused_data)
        raise BadObject(key, f"corrupt gzip near byte {consumed}: {exc}") from None
    if whole and not d.eof and len(out) <= max_text:
        raise BadObject(key, f"truncated gzip: the stream ends early at byte {len(raw)}")
    return out, len(raw) - len(d.unconsumed_tail)


def _parse_lines(key: str, text: bytes) -> list[Any]:
    values = []
    for number, line in enumerate(text.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise BadObject(key, f"line {number} is not JSON: {exc}") from None
        if not isinstance(value, dict):
            raise BadObject(key, f"line {number} is a JSON {type(value).__name__}, not an object")
        values.append(value)
    return values


_PRIMITIVE: dict[type, Type] = {
    str: "string",
    int: "bigint",
    float: "double",
    bool: "boolean",
    type(None): "null",
}


class _ShapeTypes:
    """Types of JSON values, cheap for what repeats: rows and objects mostly share shapes.

    Flat objects and lists of one primitive type are typed once per shape and returned as the
    same object, so that widening (within an object and across a table's objects) can stop at
    an identity check. Shared by all crawls; bounded.
    """

    MAX_SHAPES = 10_000

    def __init__(self) -> None:
        self._structs: dict[tuple[tuple[str, ...], tuple[type, ...]], Type] = {}
        self._arrays: dict[type, Type] = {}

    def of(self, v: object) -> Type:
        if len(self._structs) > self.MAX_SHAPES:
            self._structs.clear()
        if isinstance(v, dict):
            names, classes = tuple(v), tuple(map(type, v.values()))
            hit = self._structs.get((names, classes))
            if hit is None:
                if all(c in _PRIMITIVE for c in classes):
                    fields = tuple(zip(names, [_PRIMITIVE[c] for c in classes], strict=True))
                    hit = self._structs[(names, classes)] = Struct(fields)
                else:
                    return of_value(v)
            return hit
        if isinstance(v, list):
            kinds = set(map(type, v))
            if len(kinds) == 1:
                (cls,) = kinds
                if cls in _PRIMITIVE:
                    hit = self._arrays.get(cls)
                    if hit is None:
                        hit = self._arrays[cls] = Array(_PRIMITIVE[cls])
                    return hit
        return of_value(v)


_SHAPES = _ShapeTypes()


def _json(key: str, size: int, compression: str, text: bytes) -> ObjectSchema:
    columns: dict[str, Type] = {}
    merged: set[tuple[str, type]] = set()  # (column, Python type) pairs already widened in
    shapes = _SHAPES
    lines = [line for line in text.split(b"\n") if line.strip()]
    try:  # one parse for the whole sample; line by line only to name a bad line
        values = orjson.loads(b"[" + b",".join(lines) + b"]")
    except orjson.JSONDecodeError:
        values = _parse_lines(key, text)
    rows = 0
    try:
        for value in values:
            if not isinstance(value, dict):
                _parse_lines(key, text)  # names the line
            rows += 1
            for name, v in value.items():  # inline: this loop is inference's hot path
                cls = v.__class__
                t = _PRIMITIVE.get(cls)
                if t is not None:
                    if (name, cls) in merged:
                        continue
                    merged.add((name, cls))
                else:
                    t = shapes.of(v)
                prev = columns.get(name)
                if prev is None:
                    columns[name] = t
                elif prev is not t:
                    columns[name] = widen(prev, t)
    except TooDeep as exc:
        raise BadObject(key, f"line {_line_of_record(text, rows)}: {exc}") from None
    if rows == 0:
        raise BadObject(key, "no JSON records in the first block")
    return ObjectSchema(key, size, "json", compression, columns, rows=rows)


def _line_of_record(text: bytes, record: int) -> int:
    """The line number of the ``record``-th (1-based) non-blank line of ``text``."""
    seen = 0
    for number, line in enumerate(text.split(b"\n"), start=1):
        if line.strip():
            seen += 1
            if seen == record:
                return number
    return seen


# DuckDB's sniffed types → catalog types.
_DUCK_TYPES: dict[str, Type] = {
    "BIGINT": "bigint",
    "INTEGER": "int",
    "SMALLINT": "int",
    "TINYINT": "int",
    "HUGEINT": "string",
    "DOUBLE": "double",
    "FLOAT": "float",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamp",
    "VARCHAR": "string",
    "TIME": "string",
}


def _csv(key: str, size: int, compression: str, text: bytes) -> ObjectSchema:
    import duckdb

    if not text.strip():
        raise BadObject(key, "no complete CSV line in the first block")
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="lakebox-sniff-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text)
        con = duckdb.connect()
        try:
            row = con.execute("SELECT * FROM sniff_csv(?)", [path]).fetchone()
        except duckdb.Error as exc:
            raise BadObject(key, f"not readable as CSV: {str(exc).splitlines()[0]}") from None
        finally:
            con.close()
    finally:
        os.unlink(path)
    assert row is not None
    delimiter, quote, escape, _newline, _skip_rows, _skip, header, cols = row[:8]
    columns: dict[str, Type] = {c["name"]: _DUCK_TYPES.get(c["type"], "string") for c in cols}
    options = {
        "delimiter": delimiter,
        "quote": _sniffed_char(quote),
        "escape": _sniffed_char(escape),
        "header": bool(header),
    }
    return ObjectSchema(key, size, "csv", compression, columns, options)


def _sniffed_char(value: str) -> str:
    """The sniffer says ``(empty)`` when the data has no quote (or escape) character; DuckDB's
    reader takes that as no character only when given ``''``."""
    return "" if value == "(empty)" else value


def _parquet(store: ObjectStore, info: ObjectInfo) -> ObjectSchema:
    import pyarrow as pa
    import pyarrow.parquet as pq

    key = info.key
    if info.size < 12:
        raise BadObject(key, f"truncated Parquet: only {info.size} bytes")
    tail = store.get_range(key, info.size - 8, 8)
    if tail[4:] != _PARQUET_MAGIC:
        raise BadObject(
            key, f"truncated or not Parquet: no PAR1 footer magic at byte {info.size - 4}"
        )
    footer_len = int.from_bytes(tail[:4], "little")
    if footer_len + 12 > info.size:
        raise BadObject(key, f"corrupt Parquet footer: length {footer_len} exceeds the object")
    footer = store.get_range(key, info.size - 8 - footer_len, footer_len)
    # A minimal file of just the footer: enough for PyArrow to parse the metadata.
    buf = _PARQUET_MAGIC + footer + tail
    try:
        meta = pq.read_metadata(pa.BufferReader(buf))
        schema = meta.schema.to_arrow_schema()
    except (pa.ArrowException, OSError) as exc:
        raise BadObject(
            key, f"corrupt Parquet footer at byte {info.size - 8 - footer_len}: {exc}"
        ) from None
    columns = {f.name: arrow_type(f.type) for f in schema}
    return ObjectSchema(key, info.size, "parquet", "none", columns, rows=meta.num_rows)


def read_object_safely(store: ObjectStore, info: ObjectInfo) -> ObjectSchema | BadObject:
    try:
        return infer_object(store, info)
    except BadObject as bad:
        return bad
    except NotFound:
        return BadObject(info.key, "deleted while the crawler was reading it")
