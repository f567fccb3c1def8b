"""A local object's etag comes from what a stat gives, never from reading the file: the MD5
lakebox stored when it wrote the file (while size and mtime are unchanged), otherwise an
identity from size, mtime and inode. Files copied in by other tools are never hashed."""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from lakebox.storage import LocalStore


def _copy_in(store: LocalStore, key: str, source: Path) -> Path:
    target = store.root / key
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)  # as `cp` does: no lakebox attribute
    return target


def test_head_and_list_never_read_a_file_lakebox_did_not_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LocalStore(tmp_path / "lake")
    source = tmp_path / "spark-output.parquet"
    source.write_bytes(os.urandom(1 << 20))
    content_md5 = hashlib.md5(source.read_bytes()).hexdigest()
    target = _copy_in(store, "raw/t/part-0.parquet", source)
    # Tripwires: hashing anything, or opening the file by any of Python's ways, fails the test.
    forbidden = os.path.realpath(target)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("an object was hashed while listing")

    def guard(real: Any) -> Any:
        def opener(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, str | bytes | os.PathLike):
                assert os.path.realpath(os.fsdecode(file)) != forbidden, "the file was opened"
            return real(file, *args, **kwargs)

        return opener

    monkeypatch.setattr(hashlib, "md5", refuse)
    monkeypatch.setattr(builtins, "open", guard(builtins.open))
    monkeypatch.setattr(io, "open", guard(io.open))
    monkeypatch.setattr(os, "open", guard(os.open))
    head = store.head("raw/t/part-0.parquet")
    listed = list(store.list("raw/t/"))
    monkeypatch.undo()
    assert head.size == 1 << 20
    assert [(o.key, o.etag) for o in listed] == [("raw/t/part-0.parquet", head.etag)]
    assert head.etag != content_md5  # an identity, not a digest of the content
    assert len(head.etag) == 32 and int(head.etag, 16) >= 0  # shaped like an S3 etag


def test_a_lakebox_write_keeps_its_md5_while_the_file_is_unchanged(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "lake")
    info = store.put("raw/a.json", b'{"x": 1}\n')
    assert info.etag == hashlib.md5(b'{"x": 1}\n').hexdigest()
    assert store.head("raw/a.json").etag == info.etag
    # A copy that keeps the attributes and times (cp -a, rsync -aX) is the same content: it
    # keeps the MD5 too.
    shutil.copy2(store.root / "raw/a.json", store.root / "raw/b.json")
    assert store.head("raw/b.json").etag == info.etag


def test_a_lakebox_write_changed_in_place_loses_its_md5(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "lake")
    info = store.put("raw/a.json", b'{"x": 1}\n')
    time.sleep(0.02)  # past the clock granularity of file times
    with open(store.root / "raw/a.json", "r+b") as fh:  # same inode, same size, xattr kept
        fh.write(b'{"x": 2}\n')
    changed = store.head("raw/a.json").etag
    assert changed != info.etag
    # only touched: the identity changes too (it cannot know the content is the same)
    time.sleep(0.02)
    os.utime(store.root / "raw/a.json")
    assert store.head("raw/a.json").etag not in (info.etag, changed)


def test_a_file_replaced_by_rename_gets_a_new_identity_even_with_equal_size_and_time(
    tmp_path: Path,
) -> None:
    """Tools that write a temporary file and rename it (Spark's committers, rsync) make a new
    inode: same size and even a preserved mtime still give a new identity."""
    store = LocalStore(tmp_path / "lake")
    first = tmp_path / "first"
    first.write_bytes(b"aaaa")
    target = _copy_in(store, "raw/x.csv", first)
    mtime = target.stat().st_mtime_ns
    before = store.head("raw/x.csv").etag
    staged = store.root / "raw" / ".x.csv.tmp"
    staged.write_bytes(b"bbbb")
    os.utime(staged, ns=(mtime, mtime))
    os.replace(staged, target)
    assert target.stat().st_mtime_ns == mtime and target.stat().st_size == 4
    assert store.head("raw/x.csv").etag != before
