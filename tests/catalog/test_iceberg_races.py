"""Iceberg commits, drops and creates racing other writers of the lakebox catalog's entry, on a
real SQLite file and a real PostgreSQL database.

Each writer has a Database (and so an Iceberg catalog) of its own, as two lakebox processes
would. To make each race happen every time, one writer is held just before a catalog
statement (a hook on its own engine) until the other has done its part.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from sqlalchemy import event

from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog, TableDefinition
from lakebox.errors import AlreadyExists, NotFound
from lakebox.meta.database import Database
from lakebox.storage import LocalStore

WAIT_S = 10.0
COLUMNS = [Column("id", "bigint")]


class Held:
    """Holds the first statement starting with ``prefix`` on one engine until released."""

    def __init__(self, database: Database, prefix: str, on_reach: threading.Event | None = None):
        self.prefix = prefix
        self.reached = on_reach or threading.Event()
        self.released = threading.Event()
        self.done = False
        event.listen(database.engine, "before_cursor_execute", self._before)

    def _before(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.done or not statement.lstrip().startswith(self.prefix):
            return
        self.done = True
        self.reached.set()
        if not self.released.wait(WAIT_S):
            raise AssertionError(f"{self.prefix} held for {WAIT_S} s: never released")


class Thread(threading.Thread):
    """A thread that keeps what its function returned or raised."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.outcome: list[Any] = []

    def run(self) -> None:
        try:
            self.outcome.append(self.fn())
        except BaseException as exc:  # the test's business
            self.outcome.append(exc)

    def result(self) -> Any:
        self.join(WAIT_S)
        assert not self.is_alive() and len(self.outcome) == 1
        if isinstance(self.outcome[0], BaseException):
            raise self.outcome[0]
        return self.outcome[0]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def tables(db: Database, root: Path) -> Iterator[Callable[[Database | None], IcebergTables]]:
    """IcebergTables on a Database of its own (or on ``db``), all disposed afterwards."""
    made: list[tuple[Database, IcebergTables]] = []

    def make(database: Database | None = None) -> IcebergTables:
        database = database or Database(db.url)
        made.append((database, IcebergTables(database, Catalog(database), LocalStore(root))))
        return made[-1][1]

    yield make
    for database, iceberg in made:
        iceberg.sql_catalog().engine.dispose()
        if database is not db:
            database.dispose()


def rows(ids: list[int]) -> pa.Table:
    return pa.table({"id": pa.array(ids, pa.int64())})


def files_under(root: Path, prefix: str) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / prefix).rglob("*") if p.is_file())


def test_an_older_commits_registration_never_replaces_a_newer_ones(
    db: Database, tables: Callable[..., IcebergTables]
) -> None:
    main = tables(db)
    main.create("lake", "t", COLUMNS)
    older = tables()
    held = Held(older.db, "UPDATE catalog_tables")
    # Commits snapshot 1, then is held before writing the catalog entry...
    first = Thread(lambda: older.append("lake", "t", rows([1])))
    first.start()
    try:
        assert held.reached.wait(WAIT_S), "the append never reached its catalog write"
        # ... while another process commits snapshot 2 and registers it.
        tables().append("lake", "t", rows([2]))
    finally:
        held.released.set()
    returned = first.result()

    current = main.sql_catalog().load_table(("lake", "t"))
    entry = Catalog(db).table("lake", "t")
    props = entry.definition.properties
    assert props["metadata_location"] == current.metadata_location
    assert props["current_snapshot_id"] == current.current_snapshot().snapshot_id
    assert props["snapshot_count"] == 2
    assert returned == entry  # the append answers with the entry as it stands
    assert [v.version for v in Catalog(db).history("lake", "t")] == [1]


def test_a_late_registration_of_a_dropped_table_leaves_the_new_tables_entry(
    db: Database, tables: Callable[..., IcebergTables]
) -> None:
    main = tables(db)
    main.create("lake", "t", COLUMNS)
    main.append("lake", "t", rows([1]))
    late = tables()
    held = Held(late.db, "UPDATE catalog_tables")
    # Commits to the table, then is held before writing the catalog entry...
    append = Thread(lambda: late.append("lake", "t", rows([2])))
    append.start()
    try:
        assert held.reached.wait(WAIT_S), "the append never reached its catalog write"
        # ... while another process drops the table and makes a new one under its name (whose
        # metadata files are numbered from 0 again).
        other = tables()
        other.drop("lake", "t")
        other.create("lake", "t", [Column("name", "string")])
    finally:
        held.released.set()
    returned = append.result()

    current = main.sql_catalog().load_table(("lake", "t"))
    entry = Catalog(db).table("lake", "t")
    assert entry.definition.columns == [Column("name", "string")]
    assert entry.definition.properties["metadata_location"] == current.metadata_location
    assert returned == entry


def test_a_drop_racing_a_registration_leaves_no_entry_behind(
    db: Database, root: Path, tables: Callable[..., IcebergTables]
) -> None:
    main = tables(db)
    main.create("lake", "t", COLUMNS, data=rows([1]))
    appender, dropper = tables(), tables()
    # The append commits, then waits before registering until the drop has dropped the
    # Iceberg table and is about to drop the entry it read before the registration.
    iceberg_gone = threading.Event()
    registering = Held(appender.db, "UPDATE catalog_tables")
    dropping = Held(dropper.db, "DELETE FROM catalog_tables", on_reach=iceberg_gone)
    registering.released = iceberg_gone
    append = Thread(lambda: appender.append("lake", "t", rows([2])))
    append.start()
    try:
        assert registering.reached.wait(WAIT_S), "the append never reached its catalog write"
        drop = Thread(lambda: dropper.drop("lake", "t"))
        drop.start()
        append.result()  # registered over the entry the drop read
    finally:
        iceberg_gone.set()
        dropping.released.set()
    drop.result()

    with pytest.raises(NotFound):
        Catalog(db).table("lake", "t")
    assert main.metadata_location("lake", "t") is None
    assert files_under(root, "curated/lake/t") == []


def test_a_create_never_overwrites_a_table_made_meanwhile_under_its_name(
    db: Database, root: Path, tables: Callable[..., IcebergTables]
) -> None:
    creator = tables()
    held = Held(creator.db, "INSERT INTO catalog_tables")
    create = Thread(lambda: creator.create("lake", "t", COLUMNS, data=rows([1, 2])))
    create.start()
    crawled = TableDefinition(location="raw/t/", format="json", columns=COLUMNS)
    try:
        assert held.reached.wait(WAIT_S), "the create never reached its catalog write"
        Catalog(db).put_table("lake", "t", crawled, source="crawler:c")
    finally:
        held.released.set()
    with pytest.raises(AlreadyExists) as refused:
        create.result()

    assert str(refused.value) == "table lake.t already exists (a json table)"
    assert Catalog(db).table("lake", "t").definition == crawled
    # The Iceberg table made for nothing is gone, with its files.
    assert tables(db).metadata_location("lake", "t") is None
    assert files_under(root, "curated/lake/t") == []
