from __future__ import annotations

import gzip
import io
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakebox.catalog.types import render
from lakebox.crawler.infer import BadObject, infer_object
from lakebox.storage import LocalStore


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "data")


def schema_of(store: LocalStore, key: str, data: bytes) -> dict[str, str]:
    info = store.put(key, data)
    s = infer_object(store, info)
    return {name: render(t) for name, t in s.columns.items()}


def test_ndjson_nested_and_mixed_types(store: LocalStore) -> None:
    data = (
        b'{"id": 1, "price": 2, "tags": ["a"], "user": {"name": "x", "age": 3}, "note": "a"}\n'
        b'{"id": 2, "price": 2.5, "tags": [], "user": {"name": "y"}, "note": 5, "extra": true}\n'
        b'{"id": 3, "price": null, "items": [{"sku": "s", "qty": 1}]}\n'
    )
    assert schema_of(store, "raw/a.json", data) == {
        "id": "bigint",
        "price": "double",
        "tags": "array<string>",
        "user": "struct<name:string,age:bigint>",
        "note": "string",
        "extra": "boolean",
        "items": "array<struct<sku:string,qty:bigint>>",
    }


def test_gzip_ndjson(store: LocalStore) -> None:
    info = store.put("raw/b.gz", gzip.compress(b'{"a": 1}\n{"a": 2}\n'))
    s = infer_object(store, info)
    assert (s.format, s.compression, render(s.columns["a"])) == ("json", "gzip", "bigint")


def test_large_object_reads_only_the_first_block(store: LocalStore) -> None:
    line = b'{"a": 1, "pad": "' + b"x" * 200 + b'"}\n'
    info = store.put("raw/big.json", line * 20000 + b"this line is never read\n")
    assert infer_object(store, info).columns.keys() == {"a", "pad"}


def test_csv_with_commas_quotes_and_newlines(store: LocalStore) -> None:
    data = b'id,comment,amount\n1,"hello, ""world""\nsecond line",2.5\n2,plain,3\n'
    s = infer_object(store, store.put("raw/c.csv", data))
    assert s.format == "csv"
    assert {k: render(v) for k, v in s.columns.items()} == {
        "id": "bigint",
        "comment": "string",
        "amount": "double",
    }
    assert s.format_options["delimiter"] == "," and s.format_options["header"] is True


def test_semicolon_csv_gzip(store: LocalStore) -> None:
    s = infer_object(store, store.put("raw/d.csv.gz", gzip.compress(b"a;b\n1;x\n2;y\n")))
    assert (s.format, s.compression, s.format_options["delimiter"]) == ("csv", "gzip", ";")


def test_parquet_footer_only(store: LocalStore) -> None:
    table = pa.table(
        {
            "id": pa.array([1, 2], pa.int64()),
            "name": ["a", "b"],
            "tags": pa.array([["x"], []], pa.list_(pa.string())),
            "when": pa.array([0, 1], pa.timestamp("ms")),
        }
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    s = infer_object(store, store.put("raw/e.parquet", buf.getvalue()))
    assert s.format == "parquet" and s.rows == 2
    assert {k: render(v) for k, v in s.columns.items()} == {
        "id": "bigint",
        "name": "string",
        "tags": "array<string>",
        "when": "timestamp",
    }


@pytest.mark.parametrize(
    ("key", "data", "reason"),
    [
        ("raw/bad.json", b'{"a": 1}\n{"a": 2}\n{not json\n', "line 3 is not JSON"),
        ("raw/arr.json", b'{"a": 1}\n[1, 2]\n', "line 2 is a JSON list, not an object"),
        ("raw/trunc.gz", gzip.compress(b'{"a": 1}\n' * 100)[:-20], "truncated gzip"),
        ("raw/corrupt.gz", b"\x1f\x8b\x08\x00" + b"\x00garbage" * 20, "corrupt gzip near byte"),
        ("raw/t.parquet", b"PAR1" + b"\x00" * 50, "no PAR1 footer magic at byte 50"),
        ("raw/empty.json", b"", "empty object"),
    ],
)
def test_bad_objects_say_where(store: LocalStore, key: str, data: bytes, reason: str) -> None:
    info = store.put(key, data) if data else store.put(key, b"")
    with pytest.raises(BadObject) as exc:
        infer_object(store, info)
    assert reason in exc.value.reason and exc.value.key == key


def test_headerless_csv_is_detected(store: LocalStore) -> None:
    s = infer_object(store, store.put("raw/h.csv", b"1,x,2.5\n2,y,3.5\n3,z,4.5\n"))
    assert s.format_options["header"] is False
    assert [render(t) for t in s.columns.values()] == ["bigint", "string", "double"]
    assert s.rows == 3


def test_row_estimates(store: LocalStore) -> None:
    small = infer_object(store, store.put("raw/s.json", b'{"a": 1}\n' * 10))
    assert small.rows == 10  # the whole object was read: exact
    line = b'{"a": 1, "pad": "' + b"x" * 90 + b'"}\n'  # 110 bytes
    big = infer_object(store, store.put("raw/b.json", line * 10_000))
    assert big.rows is not None and abs(big.rows - 10_000) / 10_000 < 0.02
    # compressed: only the first MiB is decompressed, scaled by the compressed bytes it took
    gz = infer_object(store, store.put("raw/b.gz", gzip.compress(line * 10_000)))
    assert gz.rows is not None and abs(gz.rows - 10_000) / 10_000 < 0.02


@pytest.mark.parametrize("key", ["raw/big.json", "raw/big.json.gz", "raw/no-extension"])
def test_a_first_record_longer_than_the_sample_is_read_to_its_end(
    store: LocalStore, key: str
) -> None:
    """Before: the sample cut the record, nothing was left, and the object was skipped with a
    CSV reason (as if it were CSV) while the crawl said SUCCEEDED."""
    records = [{"id": 1, "blob": "x" * 300_000, "tags": ["a"]}, {"id": 2, "blob": "y", "tags": []}]
    data = b"".join(orjson.dumps(r) + b"\n" for r in records)
    store.put(key, gzip.compress(data) if key.endswith(".gz") else data)
    schema = infer_object(store, store.head(key), 64 * 1024)
    assert schema.format == "json"
    assert {n: render(t) for n, t in schema.columns.items()} == {
        "id": "bigint",
        "blob": "string",
        "tags": "array<string>",
    }


def test_a_first_record_past_the_longest_line_is_skipped_naming_its_format(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lakebox.crawler.infer as infer

    monkeypatch.setattr(infer, "MAX_FIRST_LINE", 200_000)
    store.put("raw/huge.json", orjson.dumps({"blob": "x" * 1_000_000}) + b"\n{}\n")
    with pytest.raises(BadObject, match=r"first line is longer than 200,000 bytes .* JSON object"):
        infer_object(store, store.head("raw/huge.json"), 64 * 1024)
