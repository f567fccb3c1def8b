"""One behaviour suite that every object-store backend must pass (local folder and S3)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakebox.errors import ConfigError, InvalidArgument, NotFound
from lakebox.storage import LocalStore, ObjectStore, open_store


@pytest.fixture(params=["file", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ObjectStore]:
    if request.param == "file":
        yield LocalStore(tmp_path / "data")
    else:
        yield request.getfixturevalue("s3_server").store("test")


def test_put_get_head(store: ObjectStore) -> None:
    info = store.put("raw/a/b.json", b'{"x": 1}\n')
    assert info.size == 9
    assert store.get("raw/a/b.json") == b'{"x": 1}\n'
    head = store.head("raw/a/b.json")
    assert head.size == 9
    assert head.etag == info.etag
    assert store.get_range("raw/a/b.json", 2, 3) == b'x":'


def test_etag_is_md5_of_content(store: ObjectStore) -> None:
    import hashlib

    info = store.put("k", b"hello")
    assert info.etag == hashlib.md5(b"hello").hexdigest()


CopyIn = Callable[[ObjectStore, str, bytes], None]


@pytest.fixture
def copy_in(request: pytest.FixtureRequest, tmp_path: Path) -> CopyIn:
    """Put an object in the store as another tool would (DMS, Spark, `aws s3 cp`): not through
    lakebox. A local file is copied in with shutil.copy (over an existing file, in place, as cp
    does); an S3 object is uploaded with a plain boto3 client."""

    def put(store: ObjectStore, key: str, data: bytes) -> None:
        if isinstance(store, LocalStore):
            source = tmp_path / f"elsewhere-{uuid.uuid4().hex}"
            source.write_bytes(data)
            target = store.root / key
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
        else:
            client = request.getfixturevalue("s3_server").client()
            client.put_object(Bucket=store.bucket, Key=store.prefix + key, Body=data)

    return put


def test_objects_from_another_tool_have_an_identity(store: ObjectStore, copy_in: CopyIn) -> None:
    copy_in(store, "raw/dms/part-0.csv", b"a,b\n1,2\n")
    head = store.head("raw/dms/part-0.csv")
    assert head.size == 8 and head.etag
    assert [(o.key, o.size, o.etag) for o in store.list("raw/dms/")] == [
        ("raw/dms/part-0.csv", 8, head.etag)
    ]
    assert store.head("raw/dms/part-0.csv").etag == head.etag  # stable while unchanged


def test_identity_changes_when_another_tool_replaces_the_content(
    store: ObjectStore, copy_in: CopyIn
) -> None:
    copy_in(store, "raw/dms/part-0.csv", b"a,b\n1,2\n")
    first = store.head("raw/dms/part-0.csv").etag
    # Same size, other content, a little later (a file's mtime has the clock's granularity).
    time.sleep(0.02)
    copy_in(store, "raw/dms/part-0.csv", b"a,b\n3,4\n")
    second = store.head("raw/dms/part-0.csv")
    assert second.size == 8
    assert second.etag != first
    assert [o.etag for o in store.list("raw/dms/")] == [second.etag]
    # an object lakebox wrote, then replaced by another tool, loses lakebox's etag too
    written = store.put("raw/dms/part-1.csv", b"a,b\n5,6\n").etag
    time.sleep(0.02)
    copy_in(store, "raw/dms/part-1.csv", b"a,b\n7,8\n")
    assert store.head("raw/dms/part-1.csv").etag != written


def _locked_duckdb(store: ObjectStore) -> Any:
    """A DuckDB database set up and locked down as the query engine does, from what the store
    says about itself."""
    import duckdb

    allowed = ", ".join(f"'{d}'" for d in store.duckdb_allowed_directories())
    con = duckdb.connect(
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    )
    for statement in [
        *store.duckdb_setup(),
        f"SET allowed_directories = [{allowed}]",
        "SET enable_external_access = false",
        "SET lock_configuration = true",
    ]:
        con.execute(statement)
    return con


def _parquet(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


@pytest.fixture
def other_store(request: pytest.FixtureRequest, store: ObjectStore, tmp_path: Path) -> ObjectStore:
    """A store of the same kind beside ``store``: a sibling folder, another prefix of the bucket."""
    if isinstance(store, LocalStore):
        return LocalStore(tmp_path / "other")
    other: ObjectStore = request.getfixturevalue("s3_server").store("other")
    return other


def test_duckdb_reads_the_store_and_nothing_beside_it(
    store: ObjectStore, other_store: ObjectStore
) -> None:
    import duckdb

    data = _parquet(pa.table({"id": [1, 2, 3]}))
    store.put("raw/t/a.parquet", data)
    other_store.put("raw/t/a.parquet", data)
    con = _locked_duckdb(store)
    path = store.duckdb_path("raw/t/a.parquet")
    assert con.execute(f"SELECT sum(id) FROM read_parquet('{path}')").fetchall() == [(6,)]
    # a folder's path is the prefix of its files' (partitions are matched on it)
    folder = store.duckdb_path("raw/t")
    assert con.execute(f"SELECT parse_dirpath('{path}') = '{folder}'").fetchall() == [(True,)]
    outside = other_store.duckdb_path("raw/t/a.parquet")
    with pytest.raises(duckdb.Error, match="disabled by configuration"):
        con.execute(f"SELECT * FROM read_parquet('{outside}')")
    con.close()


def test_pyiceberg_writes_tables_where_the_store_says(store: ObjectStore, tmp_path: Path) -> None:
    from pyiceberg.catalog.sql import SqlCatalog

    warehouse, properties = store.iceberg_catalog("curated")
    catalog = SqlCatalog(
        "t", uri=f"sqlite:///{tmp_path / 'catalog.db'}", warehouse=warehouse, **properties
    )
    catalog.create_namespace("sales")
    rows = pa.table({"id": pa.array([1, 2, 3], pa.int64())})
    table = catalog.create_table(("sales", "orders"), schema=rows.schema)
    table.append(rows)
    files = [task.file.file_path for task in table.scan().plan_files()]
    assert len(files) == 1
    # the table's files are objects of the store, and DuckDB reads them as the store says
    keys = [o.key for o in store.list("curated/sales/orders/")]
    assert any(k.endswith(".metadata.json") for k in keys)
    assert files[0].endswith(next(k for k in keys if k.endswith(".parquet")))
    con = _locked_duckdb(store)
    path = store.duckdb_path_of_url(files[0])
    assert con.execute(f"SELECT sum(id) FROM read_parquet('{path}')").fetchall() == [(6,)]
    con.close()


def test_overwrite_replaces_whole_object(store: ObjectStore) -> None:
    store.put("k.txt", b"old content that is long")
    store.put("k.txt", b"new")
    assert store.get("k.txt") == b"new"


def test_list_by_prefix_in_key_order(store: ObjectStore) -> None:
    for key in ["raw/b/2", "raw/a/1", "raw/a/0", "curated/x", "raw/ab"]:
        store.put(key, b"x")
    assert [o.key for o in store.list("raw/a")] == ["raw/a/0", "raw/a/1", "raw/ab"]
    assert [o.key for o in store.list("raw/a/")] == ["raw/a/0", "raw/a/1"]
    assert [o.key for o in store.list()] == ["curated/x", "raw/a/0", "raw/a/1", "raw/ab", "raw/b/2"]
    assert list(store.list("nothing/")) == []


def test_missing_object_is_not_found(store: ObjectStore) -> None:
    with pytest.raises(NotFound, match="no object 'nope'"):
        store.get("nope")
    with pytest.raises(NotFound):
        store.head("nope")
    assert not store.exists("nope")
    store.delete("nope")  # deleting an absent object is fine, as in S3


def test_delete(store: ObjectStore) -> None:
    store.put("d/x", b"1")
    store.delete("d/x")
    assert not store.exists("d/x")


@pytest.mark.parametrize("key", ["", "/abs", "a/../b", "a//b", "dir/", "./a"])
def test_bad_keys_are_refused(store: ObjectStore, key: str) -> None:
    with pytest.raises(InvalidArgument):
        store.put(key, b"x")


def test_local_write_is_atomic(tmp_path: Path) -> None:
    """A reader polling the key sees either nothing or the complete object, never a part."""
    store = LocalStore(tmp_path / "data")
    payload = os.urandom(8 * 1024 * 1024)
    seen: list[int] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            with contextlib.suppress(NotFound):
                seen.append(len(store.get("big.bin")))

    t = threading.Thread(target=reader)
    t.start()
    for _ in range(5):
        store.put("big.bin", payload)
    stop.set()
    t.join()
    assert seen and set(seen) == {len(payload)}
    # temporary files are never listed
    assert [o.key for o in store.list()] == ["big.bin"]


def test_open_store_registry(tmp_path: Path, s3_server: Any) -> None:
    assert isinstance(open_store(f"file://{tmp_path}/x"), LocalStore)
    with pytest.raises(ConfigError, match="unknown scheme 'ftp'"):
        open_store("ftp://host/x")
    with pytest.raises(ConfigError, match="needs a scheme"):
        open_store("/just/a/path")
    with pytest.raises(ConfigError, match="must be absolute"):
        open_store("file://relative/path")
