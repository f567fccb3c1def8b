"""One behaviour suite that every object-store backend must pass (local folder and S3)."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
