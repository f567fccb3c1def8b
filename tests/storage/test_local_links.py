"""Symbolic links in a local lake are never objects and never followed: a link to a file or a
folder outside the lake (``/etc/shadow``, ``/etc``) must not make its content readable through
the store, whatever the key or prefix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lakebox.errors import NotFound
from lakebox.storage import LocalStore


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the lake, standing for /etc: a secret file and a sub-folder."""
    folder = tmp_path / "etc"
    (folder / "ssh").mkdir(parents=True)
    (folder / "shadow").write_text("root:$6$secret:19000:0:99999:7:::\n")
    (folder / "ssh" / "key").write_text("PRIVATE KEY\n")
    return folder


def test_a_linked_file_is_not_listed_read_or_headed(tmp_path: Path, outside: Path) -> None:
    store = LocalStore(tmp_path / "lake")
    store.put("raw/t/a.csv", b"id\n1\n")
    os.symlink(outside / "shadow", store.root / "raw/t/b.csv")
    assert [i.key for i in store.list("raw/")] == ["raw/t/a.csv"]
    assert store.links("raw/") == ("raw/t/b.csv",)
    for read in (
        lambda: store.get("raw/t/b.csv"),
        lambda: store.get_range("raw/t/b.csv", 0, 10),
        lambda: store.head("raw/t/b.csv"),
    ):
        with pytest.raises(NotFound, match="symbolic link"):
            read()


def test_a_link_inside_the_lake_is_not_an_object_either(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "lake")
    store.put("raw/t/a.csv", b"id\n1\n")
    os.symlink(store.root / "raw/t/a.csv", store.root / "raw/t/copy.csv")
    assert [i.key for i in store.list("raw/")] == ["raw/t/a.csv"]
    with pytest.raises(NotFound, match="symbolic link"):
        store.get("raw/t/copy.csv")


def test_a_prefix_through_a_linked_folder_walks_nothing(tmp_path: Path, outside: Path) -> None:
    store = LocalStore(tmp_path / "lake")
    store.put("raw/t/a.csv", b"id\n1\n")
    os.symlink(outside, store.root / "raw/etc")
    # Through the link, below it, beside it: never a file of the outside folder.
    assert list(store.list("raw/etc/")) == []
    assert list(store.list("raw/etc/ssh/")) == []
    assert [i.key for i in store.list("raw/")] == ["raw/t/a.csv"]
    assert [i.key for i in store.list("")] == ["raw/t/a.csv"]
    assert store.links("raw/") == ("raw/etc",)
    assert store.links("raw/etc/ssh/") == ("raw/etc",)
    with pytest.raises(NotFound, match="symbolic link"):
        store.get("raw/etc/shadow")
    with pytest.raises(NotFound, match="symbolic link"):
        store.head("raw/etc/ssh/key")


def test_nothing_is_written_or_deleted_through_a_linked_folder(
    tmp_path: Path, outside: Path
) -> None:
    store = LocalStore(tmp_path / "lake")
    os.symlink(outside, store.root / "raw")
    with pytest.raises(NotFound, match="symbolic link"):
        store.put("raw/shadow", b"overwritten")
    with pytest.raises(NotFound, match="symbolic link"):
        store.delete("raw/shadow")
    assert (outside / "shadow").read_text().startswith("root:")
