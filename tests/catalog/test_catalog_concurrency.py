"""Concurrent catalog writers on one table, on a real SQLite file and a real PostgreSQL database.

Every worker has a Database (an engine and its connections) of its own, as two lakebox
processes or a crawl thread and a query worker would.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from lakebox.catalog.schema import Column, diff
from lakebox.catalog.service import Catalog, CatalogTable, Partition, TableDefinition
from lakebox.catalog.tables import catalog_partitions, catalog_schema_versions, catalog_tables
from lakebox.errors import CommitConflict, LakeboxError, NotFound
from lakebox.meta.database import Database

WORKERS = 4
ROUNDS = 6


@pytest.fixture
def catalogs(db: Database) -> Iterator[list[Catalog]]:
    """One catalog per worker, each on its own engine, all on the ``db`` database."""
    Catalog(db).create_database("lake")
    databases = [Database(db.url) for _ in range(WORKERS)]
    yield [Catalog(d) for d in databases]
    for d in databases:
        d.dispose()


def run_together(work: list[Callable[[], Any]]) -> list[BaseException]:
    """Run each callable in a thread of its own, all released at once; the errors raised."""
    barrier = threading.Barrier(len(work))
    errors: list[BaseException] = []

    def go(fn: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            fn()
        except BaseException as exc:  # every error is the test's business
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(fn,)) for fn in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a writer hung"
    return errors


def definition(columns: list[str], **properties: Any) -> TableDefinition:
    return TableDefinition(
        location="raw/t/",
        format="json",
        columns=[Column(c, "string") for c in columns],
        partition_keys=[Column("day", "string")],
        properties=properties,
    )


def assert_history_consistent(catalog: Catalog) -> int:
    """Versions 1..n, no gap, no duplicate, each the diff from the one before; returns n."""
    table = catalog.table("lake", "t")
    history = catalog.history("lake", "t")
    assert [v.version for v in history] == list(range(1, len(history) + 1))
    previous: list[Column] = []
    for v in history:
        now = v.columns + v.partition_keys
        assert v.changes == [c.as_json() for c in diff(previous, now)], v.version
        previous = now
    assert table.schema_version == len(history)
    assert table.definition.columns == history[-1].columns
    return len(history)


def test_concurrent_schema_changes_keep_a_consistent_history(catalogs: list[Catalog]) -> None:
    def writer(i: int) -> None:
        for r in range(ROUNDS):
            # Columns differ per writer and round: every put is a schema change.
            catalogs[i].put_table("lake", "t", definition(["id", f"w{i}_r{r}"]), source=f"test:{i}")

    errors = run_together([partial(writer, i) for i in range(WORKERS)])
    assert errors == []
    # Every put changed the columns of what was there before it: each is one version.
    assert assert_history_consistent(catalogs[0]) == WORKERS * ROUNDS


def test_concurrent_partition_writes_lose_no_count(catalogs: list[Catalog]) -> None:
    catalogs[0].put_table("lake", "t", definition(["id"]), source="test")
    keys = [f"2026-01-{d:02d}" for d in range(1, 21)]

    def writer(i: int) -> int:
        table = catalogs[i].table("lake", "t")
        added = 0
        for _ in range(ROUNDS):
            parts = [Partition((k,), f"raw/t/day={k}/", 1, 10) for k in keys]
            added += catalogs[i].put_partitions(table, parts, replace=False)
        return added

    added: list[int] = []

    def counted(i: int) -> None:
        added.append(writer(i))

    errors = run_together([partial(counted, i) for i in range(WORKERS)])
    assert errors == []
    # Each partition was new to exactly one writer, and every object was counted.
    assert sum(added) == len(keys)
    parts = catalogs[0].partitions("lake", "t")
    assert [(p.values[0], p.object_count, p.bytes) for p in parts] == [
        (k, WORKERS * ROUNDS, 10 * WORKERS * ROUNDS) for k in keys
    ]


def test_a_definition_made_from_the_table_loses_no_update(catalogs: list[Catalog]) -> None:
    # The crawler's event mode adds to counts read from the table: as a function of the
    # table, a writer that lost a race adds to the winner's count, not to a stale one.
    def count(existing: CatalogTable | None) -> TableDefinition:
        before = existing.definition.properties["n"] if existing else 0
        return definition(["id"], n=before + 1)

    def writer(i: int) -> None:
        for _ in range(ROUNDS):
            catalogs[i].put_table("lake", "t", count, source=f"test:{i}")

    assert run_together([partial(writer, i) for i in range(WORKERS)]) == []
    table = catalogs[0].table("lake", "t")
    assert table.definition.properties["n"] == WORKERS * ROUNDS
    assert assert_history_consistent(catalogs[0]) == 1


def test_drops_status_and_partitions_racing_puts_end_consistent(catalogs: list[Catalog]) -> None:
    """Crawls putting, deprecating and dropping one table, and adding its partitions, at
    once: each write commits or raises CommitConflict, and what is left is consistent."""
    catalog = catalogs[0]
    outcomes: list[str] = []

    def attempt(write: Callable[..., Any], i: int, *args: Any) -> None:
        try:
            write(catalogs[i], *args)
            outcomes.append("ok")
        except CommitConflict as exc:
            assert "lake.t" in str(exc)
            outcomes.append("conflict")
        except NotFound:
            outcomes.append("gone")  # read between a drop and the next put

    def put(c: Catalog, columns: list[str]) -> None:
        c.put_table("lake", "t", definition(columns), source="test")

    def add(c: Catalog, part: Partition) -> None:
        c.put_partitions(c.table("lake", "t"), [part], replace=False)

    def deprecate(c: Catalog) -> None:
        c.set_status(c.table("lake", "t"), "deprecated")

    def drop(c: Catalog) -> None:
        c.drop_table(c.table("lake", "t"))

    def putter(i: int) -> None:
        for r in range(ROUNDS):
            attempt(put, i, ["id", f"w{i}_r{r}"])

    def partitioner(i: int) -> None:
        for r in range(ROUNDS):
            attempt(add, i, Partition((f"d{r}",), f"raw/t/day=d{r}/", 1, 1))

    def deprecator(i: int) -> None:
        for _ in range(ROUNDS):
            attempt(deprecate, i)

    def dropper(i: int) -> None:
        for _ in range(ROUNDS):
            attempt(drop, i)

    catalog.put_table("lake", "t", definition(["id"]), source="test")
    errors = run_together(
        [partial(putter, 0), partial(partitioner, 1), partial(deprecator, 2), partial(dropper, 3)]
    )
    assert errors == []
    assert len(outcomes) == 4 * ROUNDS and "ok" in outcomes
    # A last put always succeeds, and leaves a consistent table whatever happened before.
    catalog.put_table("lake", "t", definition(["id", "last"]), source="test")
    assert_history_consistent(catalog)
    assert catalog.table("lake", "t").status == "active"
    # Nothing of a dropped table is left behind.
    with catalog.db.begin() as conn:
        ids = set(conn.scalars(select(catalog_tables.c.id)))
        for child in (catalog_partitions, catalog_schema_versions):
            assert set(conn.scalars(select(child.c.table_id))) <= ids


# -- what a writer holding a stale read gets --------------------------------------------------


def test_commit_conflict_is_a_transient_409() -> None:
    assert issubclass(CommitConflict, LakeboxError)
    assert (CommitConflict.status, CommitConflict.code, CommitConflict.transient) == (
        409,
        "CommitConflict",
        True,
    )


def test_a_stale_status_change_or_drop_is_a_conflict(catalogs: list[Catalog]) -> None:
    catalog = catalogs[0]
    stale = catalog.put_table("lake", "t", definition(["id"]), source="test").table
    catalog.put_table("lake", "t", definition(["id", "more"]), source="other")
    with pytest.raises(CommitConflict) as status:
        catalog.set_status(stale, "deprecated")
    assert str(status.value) == (
        "table lake.t was changed by another writer since it was read "
        "(schema version 1 -> 2); its status was not set to deprecated"
    )
    with pytest.raises(CommitConflict) as drop:
        catalog.drop_table(stale)
    assert str(drop.value) == (
        "table lake.t was changed by another writer since it was read "
        "(schema version 1 -> 2); it was not dropped"
    )
    # A change of properties only is a change too.
    fresh = catalog.table("lake", "t")
    catalog.put_table("lake", "t", definition(["id", "more"], n=1), source="other")
    with pytest.raises(CommitConflict, match=r"lake\.t was changed .* \(updated at "):
        catalog.drop_table(fresh)
    assert catalog.table("lake", "t").status == "active"


def test_status_already_set_or_table_already_dropped_is_no_conflict(
    catalogs: list[Catalog],
) -> None:
    catalog = catalogs[0]
    read = catalog.put_table("lake", "t", definition(["id"]), source="test").table
    deprecated = catalog.set_status(read, "deprecated")
    assert deprecated.status == "deprecated" and deprecated.updated_at > read.updated_at
    # A second deprecation from the same read: what it wanted holds already.
    assert catalog.set_status(read, "deprecated").status == "deprecated"
    catalog.drop_table(deprecated)
    catalog.drop_table(deprecated)  # dropped by someone else first: nothing to do
    with pytest.raises(NotFound):
        catalog.table("lake", "t")


def test_partitions_of_a_dropped_table_are_a_conflict(catalogs: list[Catalog]) -> None:
    catalog = catalogs[0]
    old = catalog.put_table("lake", "t", definition(["id"]), source="test").table
    catalog.drop_table(old)
    # The same name again: a new table, not the one the writer read.
    catalog.put_table("lake", "t", definition(["id"]), source="test")
    part = Partition(("d1",), "raw/t/day=d1/", 1, 1)
    with pytest.raises(CommitConflict) as conflict:
        catalog.put_partitions(old, [part], replace=True)
    assert str(conflict.value) == (
        "table lake.t was dropped by another writer; its partitions were not written"
    )
    assert catalog.partitions("lake", "t") == []


def test_sqlite_locked_longer_than_the_busy_timeout_is_a_conflict(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'meta.db'}"
    setup = Database(url)
    setup.migrate()
    Catalog(setup).create_database("lake")
    setup.dispose()
    impatient = Database(url)
    # The Database waits 30 s for SQLite's write lock; the same path, sooner.
    event.listen(
        impatient.engine,
        "connect",
        lambda dbapi, _record: dbapi.execute("PRAGMA busy_timeout = 200"),
    )
    holder = sqlite3.connect(tmp_path / "meta.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, holding the lock
    try:
        started = time.monotonic()
        with pytest.raises(CommitConflict) as conflict:
            Catalog(impatient).put_table("lake", "t", definition(["id"]), source="test")
        assert time.monotonic() - started < 5
    finally:
        holder.rollback()
        holder.close()
        impatient.dispose()
    assert str(conflict.value) == (
        "writing table lake.t: the metadata database stayed locked by another writer for "
        "longer than its busy timeout; try again"
    )
    assert isinstance(conflict.value.__cause__, OperationalError)


def test_file_lists_are_shown_by_their_length() -> None:
    from lakebox.catalog.service import summarized

    props = {"crawler": "c", "skipped_files": ["a", "b"], "files": ["x"]}
    assert summarized(props) == {"crawler": "c", "skipped_files_count": 2, "files_count": 1}
    assert summarized({"crawler": "c"}) == {"crawler": "c"}
