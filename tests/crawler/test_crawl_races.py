"""Crawls racing other writers of one table, on a real SQLite file and a real PostgreSQL
database: two event crawls, an event crawl and a full crawl, a crawl and a view.

Each writer has a Database of its own, as two lakebox processes would. To make the race happen
every time, the crawl under test is held just before its catalog write (a hook on its own
engine, at the statement) until the other writer has committed; the crawl then loses the
compare-and-swap and runs again on what the other writer left.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import event

from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.crawler.report import CrawlReport
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.meta.database import Database
from lakebox.query.views import save_view
from lakebox.storage import Lake, LocalStore, ObjectEvents

WAIT_S = 10.0


class Held:
    """Holds the first statement starting with ``prefix`` on one engine until released."""

    def __init__(self, database: Database, prefix: str) -> None:
        self.prefix = prefix
        self.reached = threading.Event()
        self.released = threading.Event()
        event.listen(database.engine, "before_cursor_execute", self._before)

    def _before(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.reached.is_set() or not statement.lstrip().startswith(self.prefix):
            return
        self.reached.set()
        if not self.released.wait(WAIT_S):
            raise AssertionError(f"{self.prefix} held for {WAIT_S} s: never released")


def race(held: Held, crawl: Callable[[], CrawlReport], other: Callable[[], Any]) -> CrawlReport:
    """Run ``crawl`` in a thread until it reaches its held write, then ``other`` to its end,
    then let the crawl go on; the crawl's report."""
    reports: list[CrawlReport] = []
    thread = threading.Thread(target=lambda: reports.append(crawl()))
    thread.start()
    try:
        assert held.reached.wait(WAIT_S), "the crawl never reached its catalog write"
        other()
    finally:
        held.released.set()
        thread.join(WAIT_S)
    assert not thread.is_alive() and len(reports) == 1
    return reports[0]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def lake(db: Database, root: Path) -> Lake:
    return Lake(LocalStore(root), ObjectEvents(db))


@pytest.fixture
def engines(db: Database) -> Iterator[Callable[[], Database]]:
    """Databases of their own on the ``db`` database, disposed afterwards."""
    made: list[Database] = []

    def make() -> Database:
        made.append(Database(db.url))
        return made[-1]

    yield make
    for d in made:
        d.dispose()


def crawlers_on(database: Database, root: Path) -> Crawlers:
    return Crawlers(database, Catalog(database), LocalStore(root), ObjectEvents(database))


def ndjson(*records: dict[str, Any]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


def columns(catalog: Catalog, name: str) -> list[str]:
    return [f"{c.name}:{c.type}" for c in catalog.table("lake", name).definition.columns]


def test_two_event_crawls_creating_one_table_lose_nothing(
    db: Database, lake: Lake, root: Path, engines: Callable[[], Database]
) -> None:
    setup = crawlers_on(db, root)
    setup.create(CrawlerSettings(name="wide", prefixes=["raw/orders/"], database="lake"))
    x = lake.put("raw/orders/2026/11/25/18/x", ndjson({"id": 1, "n": 1, "a": "p"}))
    # Made after x: it crawls only what comes next.
    setup.create(CrawlerSettings(name="narrow", prefixes=["raw/orders/"], database="lake"))
    y = lake.put(
        "raw/orders/2026/11/25/19/y",
        ndjson({"id": 2, "n": 2, "b": "q"}, {"id": 3, "n": 3, "b": "r"}),
    )

    narrow_db = engines()
    held = Held(narrow_db, "INSERT INTO catalog_tables")
    wide: list[CrawlReport] = []
    narrow = race(
        held,
        lambda: crawlers_on(narrow_db, root).crawl("narrow", "events"),
        lambda: wide.append(crawlers_on(engines(), root).crawl("wide", "events")),
    )

    assert wide[0].error is None and narrow.error is None
    catalog = Catalog(db)
    assert columns(catalog, "orders") == ["id:bigint", "n:bigint", "a:string", "b:string"]
    props = catalog.table("lake", "orders").definition.properties
    # Each crawl's objects added: wide x and y, narrow y again.
    assert (props["object_count"], props["bytes"], props["row_estimate"]) == (
        3,
        x.size + 2 * y.size,
        1 + 2 + 2,
    )
    assert [v.version for v in catalog.history("lake", "orders")] == [1]
    assert wide[0].tables_created == ["lake.orders"]
    # The narrow crawl created nothing: it added its object to the table the wide one made.
    assert (narrow.tables_created, narrow.tables_updated) == ([], ["lake.orders"])
    assert narrow.schema_changes == []  # column b was there already when it committed


def test_an_event_crawl_racing_a_full_crawl_keeps_what_the_full_crawl_found(
    db: Database, lake: Lake, root: Path, engines: Callable[[], Database]
) -> None:
    setup = crawlers_on(db, root)
    setup.create(CrawlerSettings(name="full", prefixes=["raw/orders/"], database="lake"))
    x = lake.put("raw/orders/2026/11/25/18/x", ndjson({"id": 1, "n": 1}))
    assert setup.crawl("full").tables_created == ["lake.orders"]
    setup.create(CrawlerSettings(name="events", prefixes=["raw/orders/"], database="lake"))
    y = lake.put("raw/orders/2026/11/25/19/y", ndjson({"id": 2, "n": 2, "b": "q"}))
    # Copied in by another tool: no event, so only the full crawl sees it.
    z = lake.store.put("raw/orders/2026/11/25/20/z", ndjson({"id": 3, "n": 3, "c": True}))

    events_db = engines()
    held = Held(events_db, "UPDATE catalog_tables")
    full: list[CrawlReport] = []
    report = race(
        held,
        lambda: crawlers_on(events_db, root).crawl("events", "events"),
        lambda: full.append(crawlers_on(engines(), root).crawl("full")),
    )

    assert full[0].error is None and report.error is None
    catalog = Catalog(db)
    assert columns(catalog, "orders") == ["id:bigint", "n:bigint", "b:string", "c:boolean"]
    props = catalog.table("lake", "orders").definition.properties
    assert (props["object_count"], props["bytes"], props["row_estimate"]) == (
        3 + 1,
        x.size + y.size + z.size + y.size,
        3 + 1,
    )
    history = catalog.history("lake", "orders")
    assert [v.source for v in history] == ["crawler:full", "crawler:full"]
    assert full[0].tables_updated == ["lake.orders"]
    assert report.tables_updated == ["lake.orders"]
    assert report.schema_changes == []  # the full crawl had added b already


def test_a_crawl_never_overwrites_a_view_made_under_its_table_name(
    db: Database, lake: Lake, root: Path, engines: Callable[[], Database]
) -> None:
    setup = crawlers_on(db, root)
    setup.create(CrawlerSettings(name="c", prefixes=["raw/orders/"], database="lake"))
    lake.put("raw/orders/2026/11/25/18/x", ndjson({"id": 1}))

    crawl_db = engines()
    held = Held(crawl_db, "INSERT INTO catalog_tables")
    view = [Column("one", "int")]
    report = race(
        held,
        lambda: crawlers_on(crawl_db, root).crawl("c"),
        lambda: save_view(
            Catalog(engines()), "lake", "orders", "SELECT 1 AS one", "duckdb", view, True
        ),
    )

    assert report.error is None
    table = Catalog(db).table("lake", "orders")
    assert table.definition.format == "view" and table.definition.columns == view
    assert Catalog(db).partitions("lake", "orders") == []
    assert (report.tables_created, report.tables_updated) == ([], [])
    assert report.notes == [
        "table orders already exists for ; objects under raw/orders/ were not added to it"
    ]
    assert report.objects_skipped == [
        {"key": "raw/orders/2026/11/25/18/x", "reason": "table orders belongs to another location"}
    ]


def test_a_log_only_crawl_racing_a_creator_only_reports_its_changes(
    db: Database, lake: Lake, root: Path, engines: Callable[[], Database]
) -> None:
    setup = crawlers_on(db, root)
    setup.create(
        CrawlerSettings(
            name="logger", prefixes=["raw/orders/"], database="lake", update_behavior="LOG"
        )
    )
    lake.put("raw/orders/2026/11/25/18/x", ndjson({"id": 1, "a": "p"}))
    setup.create(CrawlerSettings(name="first", prefixes=["raw/orders/"], database="lake"))
    lake.put("raw/orders/2026/11/25/19/y", ndjson({"id": 2}))

    logger_db = engines()
    held = Held(logger_db, "INSERT INTO catalog_tables")
    first: list[CrawlReport] = []
    report = race(
        held,
        lambda: crawlers_on(logger_db, root).crawl("logger", "events"),
        lambda: first.append(crawlers_on(engines(), root).crawl("first", "events")),
    )

    assert first[0].tables_created == ["lake.orders"]
    assert report.error is None
    # The table existed when it committed: its change is logged, not applied, as for any
    # table that exists; its partitions are added all the same.
    catalog = Catalog(db)
    assert columns(catalog, "orders") == ["id:bigint"]
    assert catalog.table("lake", "orders").definition.properties["crawler"] == "first"
    assert [p.object_count for p in catalog.partitions("lake", "orders")] == [1, 2]
    assert (report.tables_created, report.tables_updated) == ([], [])
    assert report.schema_changes == [
        {"table": "lake.orders", "change": "column a added (string)", "applied": False}
    ]
