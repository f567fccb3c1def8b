"""Files a write leaves when its process dies before its Iceberg commit, inside an existing
table's folder: removed by the curated zone's maintenance once they are old enough, and never
a file any snapshot, manifest or metadata file of the table references."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from lakebox.auth.access import SYSTEM
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.maintenance import CuratedMaintenance
from lakebox.catalog.orphans import remove_orphans
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.config import Settings
from lakebox.instance import Lakebox
from lakebox.meta.database import Database
from lakebox.storage import LocalStore

HOUR = 3600.0


def files(root: Path, folder: str) -> set[str]:
    return {str(p.relative_to(root)) for p in (root / folder).rglob("*") if p.is_file()}


def age(root: Path, keys: set[str], seconds: float) -> None:
    then = time.time() - seconds
    for key in keys:
        os.utime(root / key, (then, then))


class DiesAtCommit:
    """The process dies at the Iceberg commit's pointer swap, the last step of a write: data
    files, manifest, manifest list and the new metadata file are written, the catalog row is
    never changed (as after ``kill -9`` there). The write's own code runs unchanged."""

    def __init__(self, iceberg: IcebergTables) -> None:
        self.engine = iceberg.sql_catalog().engine

    def _die(self, session: Session) -> None:
        if session.bind is self.engine:
            raise RuntimeError("the process died before its commit")

    def __enter__(self) -> DiesAtCommit:
        sa.event.listen(Session, "before_commit", self._die)
        return self

    def __exit__(self, *exc: Any) -> None:
        sa.event.remove(Session, "before_commit", self._die)


# -- through a whole lakebox: CTAS, INSERTs and time travel as a user runs them ----------------


@pytest.fixture
def box(settings: Settings) -> Iterator[Lakebox]:
    lakebox = Lakebox(settings)
    lakebox.start()
    yield lakebox
    lakebox.stop()


def run(box: Lakebox, sql: str) -> list[list[Any]]:
    submitted = box.queries.submit(sql, "athena", by=SYSTEM)
    done = box.queries.wait(submitted.id, 60, by=SYSTEM)
    assert done.state == "SUCCEEDED", done.error
    return [list(r) for r in box.queries.rows(done.id, 0, 1000, by=SYSTEM)["rows"]]


def test_an_interrupted_insert_leaves_nothing_once_old(box: Lakebox) -> None:
    root = box.settings.home / "data"
    folder = "curated/cur/t/"
    run(box, "CREATE TABLE cur.t AS SELECT x FROM (VALUES (1), (2)) v(x)")
    run(box, "INSERT INTO cur.t VALUES (3)")
    run(box, "INSERT INTO cur.t VALUES (4)")
    first, second, third = (s.snapshot_id for s in box.iceberg.snapshots("cur", "t"))
    # Back to the second snapshot: the third one's files are read only by time travel now.
    box.iceberg.rollback("cur", "t", second)
    referenced = files(root, folder)
    with DiesAtCommit(box.iceberg):
        submitted = box.queries.submit("INSERT INTO cur.t VALUES (5), (6)", "athena", by=SYSTEM)
        died = box.queries.wait(submitted.id, 60, by=SYSTEM)
    assert died.state == "FAILED" and "died before its commit" in (died.error or "")
    orphans = files(root, folder) - referenced
    kinds = {k.rsplit("/", 2)[1] for k in orphans}
    assert any(k.endswith(".parquet") for k in orphans) and kinds == {"data", "metadata"}
    assert any(k.endswith(".metadata.json") for k in orphans)  # the commit's own metadata
    age(root, referenced | orphans, 2 * HOUR)  # the table's own files are old too

    CuratedMaintenance(box.iceberg)(None, None)  # type: ignore[arg-type]

    assert files(root, folder) == referenced
    assert sorted(run(box, "SELECT x FROM cur.t ORDER BY x")) == [[1], [2], [3]]
    assert run(box, f"SELECT x FROM cur.t FOR VERSION AS OF {first} ORDER BY x") == [[1], [2]]
    assert run(box, f"SELECT x FROM cur.t FOR VERSION AS OF {third} ORDER BY x") == [
        [1],
        [2],
        [3],
        [4],
    ]
    # and the table takes commits as before
    run(box, "INSERT INTO cur.t VALUES (7)")
    assert run(box, "SELECT count(*) FROM cur.t") == [[4]]


# -- on IcebergTables, both metadata databases ---------------------------------------------------

COLUMNS = [Column("id", "bigint")]


def ids(values: list[int]) -> pa.Table:
    return pa.table({"id": pa.array(values, pa.int64())})


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def iceberg(db: Database, root: Path) -> IcebergTables:
    return IcebergTables(db, Catalog(db), LocalStore(root))


def table_with_orphans(iceberg: IcebergTables, root: Path, name: str) -> tuple[set[str], set[str]]:
    """A table of two snapshots, then an append whose process died at its commit: (the
    table's files, the orphans it left)."""
    iceberg.create("cur", name, COLUMNS, data=ids([1, 2]))
    iceberg.append("cur", name, ids([3]))
    referenced = files(root, f"curated/cur/{name}/")
    with DiesAtCommit(iceberg), pytest.raises(RuntimeError, match="died"):
        iceberg.append("cur", name, ids([4]))
    orphans = files(root, f"curated/cur/{name}/") - referenced
    assert orphans
    return referenced, orphans


def rows(iceberg: IcebergTables, name: str) -> list[int]:
    return sorted(iceberg._load("cur", name).scan().to_arrow().column("id").to_pylist())


def test_a_young_orphan_is_kept(iceberg: IcebergTables, root: Path) -> None:
    referenced, orphans = table_with_orphans(iceberg, root, "t")
    age(root, referenced, 2 * HOUR)
    young = sorted(orphans)[0]
    age(root, orphans - {young}, 2 * HOUR)  # one is as a commit in progress elsewhere
    swept = remove_orphans(iceberg, HOUR)
    assert sorted(swept.files) == sorted(orphans - {young})
    assert files(root, "curated/cur/t/") == referenced | {young}
    age(root, {young}, 2 * HOUR)
    assert remove_orphans(iceberg, HOUR).files == [young]
    assert rows(iceberg, "t") == [1, 2, 3]


def test_a_table_whose_metadata_cannot_be_read_loses_nothing(
    iceberg: IcebergTables, root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A readable table beside them (its name a prefix of theirs) is cleaned in the same pass.
    ok, ok_orphans = table_with_orphans(iceberg, root, "t")
    broken: dict[str, set[str]] = {}
    for name in ("t_manifest", "t_metadata", "t_data"):
        referenced, orphans = table_with_orphans(iceberg, root, name)
        broken[name] = referenced | orphans
    table = iceberg._load("cur", "t_manifest")
    first = table.snapshots()[0]
    gone = first.manifests(table.io)[0].manifest_path  # of the older snapshot only
    os.remove(gone.removeprefix("file://"))
    broken["t_manifest"].discard(gone.removeprefix(f"file://{root}/"))
    current = iceberg._load("cur", "t_metadata").metadata_location.removeprefix("file://")
    Path(current).write_text("{not json")
    table = iceberg._load("cur", "t_data")
    referenced_data = {
        t.file.file_path.removeprefix(f"file://{root}/") for t in table.scan().plan_files()
    }
    data_file = sorted(referenced_data)[0]
    os.remove(root / data_file)  # a referenced data file missing: something is off
    broken["t_data"].discard(data_file)
    everything = ok | ok_orphans | {k for keys in broken.values() for k in keys}
    age(root, everything, 2 * HOUR)

    swept = remove_orphans(iceberg, HOUR)

    assert sorted(swept.files) == sorted(ok_orphans)
    assert files(root, "curated/cur/t/") == ok
    for name, keys in broken.items():
        assert files(root, f"curated/cur/{name}/") == keys, name
    assert "manifests cannot be read (FileNotFoundError" in swept.kept["cur.t_manifest"]
    assert "metadata cannot be read" in swept.kept["cur.t_metadata"]
    assert "1 files its metadata references are not there" in swept.kept["cur.t_data"]
    assert "cur.t_metadata" in caplog.text and "nothing of it was removed" in caplog.text
    assert rows(iceberg, "t") == [1, 2, 3]


def test_files_a_reader_may_need_are_never_orphans(iceberg: IcebergTables, root: Path) -> None:
    iceberg.create("cur", "t", COLUMNS, data=ids([1]))
    kept = {
        "curated/cur/t/metadata/version-hint.text",  # Hadoop-layout readers start from it
        "curated/cur/t/data/.part-0.parquet.crc",  # hidden files are not Iceberg's
        "curated/cur/t/data/_SUCCESS",
    }
    for key in kept:
        (root / key).write_bytes(b"1")
    (root / "curated/cur/t/data/stray.parquet").write_bytes(b"x")  # unreferenced
    (root / "curated/cur").mkdir(exist_ok=True)
    outside = {"raw/t/data/x.parquet", "curated/cur/other.parquet"}
    for key in outside:
        (root / key).parent.mkdir(parents=True, exist_ok=True)
        (root / key).write_bytes(b"x")
    everything = files(root, "curated") | outside
    age(root, everything, 2 * HOUR)
    swept = remove_orphans(iceberg, HOUR)
    assert swept.files == ["curated/cur/t/data/stray.parquet"]
    assert files(root, "curated") | outside == everything - set(swept.files)
    assert rows(iceberg, "t") == [1]


def test_a_folder_another_table_was_renamed_from_is_not_an_orphan(
    iceberg: IcebergTables, root: Path
) -> None:
    # Another engine renamed the table through the same catalog: its files stay where they
    # were, in a folder named after the old name, and are still the table's.
    iceberg.create("cur", "old", COLUMNS, data=ids([1, 2]))
    iceberg.sql_catalog().rename_table(("cur", "old"), ("cur", "new"))
    before = files(root, "curated/cur/old/")
    age(root, before, 2 * HOUR)
    swept = remove_orphans(iceberg, HOUR)
    assert swept.folders == [] and files(root, "curated/cur/old/") == before
    renamed = iceberg.sql_catalog().load_table(("cur", "new"))
    assert sorted(renamed.scan().to_arrow().column("id").to_pylist()) == [1, 2]


def test_files_named_in_another_form_of_url_are_kept(iceberg: IcebergTables, root: Path) -> None:
    # Spark (Hadoop) records local files as file:/path; a file added so is the table's.
    import pyarrow.parquet as pq

    iceberg.create("cur", "t", COLUMNS, data=ids([1]))
    added = root / "curated/cur/t/data/from-spark.parquet"
    pq.write_table(ids([2]), added)
    iceberg._load("cur", "t").add_files([f"file:{added}"])
    (root / "curated/cur/t/data/stray.parquet").write_bytes(b"x")
    everything = files(root, "curated")
    age(root, everything, 2 * HOUR)
    assert remove_orphans(iceberg, HOUR).files == ["curated/cur/t/data/stray.parquet"]
    assert files(root, "curated") == everything - {"curated/cur/t/data/stray.parquet"}
    assert rows(iceberg, "t") == [1, 2]


def test_orphans_in_an_s3_lake(s3_server: Any, db: Database) -> None:
    store = s3_server.store("orphans")
    iceberg = IcebergTables(db, Catalog(db), store)

    def keys() -> set[str]:
        return {info.key for info in store.list("curated/")}

    iceberg.create("cur", "t", COLUMNS, data=ids([1, 2]))
    iceberg.append("cur", "t", ids([3]))
    referenced = keys()
    with DiesAtCommit(iceberg), pytest.raises(RuntimeError, match="died"):
        iceberg.append("cur", "t", ids([4]))
    orphans = keys() - referenced
    assert any(k.endswith(".parquet") for k in orphans)
    # S3 keeps its own times: every file is "old" at an age of 0
    assert sorted(remove_orphans(iceberg, 0).files) == sorted(orphans)
    assert keys() == referenced
    assert rows(iceberg, "t") == [1, 2, 3]
