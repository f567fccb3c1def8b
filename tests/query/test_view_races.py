"""Saving a view while another writer takes its name, on a real SQLite file and a real
PostgreSQL database.

Each writer has a Database of its own. To make the race happen every time, the view is held
just before its catalog write (a hook on its own engine, at the statement) until the other
writer has committed; the view then loses the compare-and-swap and is tried again on what the
other writer left.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog, CatalogTable, TableDefinition
from lakebox.errors import AlreadyExists
from lakebox.meta.database import Database
from lakebox.query.views import save_view

WAIT_S = 10.0
VIEW = [Column("one", "int")]


@pytest.fixture
def engines(db: Database) -> Iterator[Callable[[], Database]]:
    """Databases of their own on the ``db`` database, disposed afterwards."""
    Catalog(db).create_database("lake")
    made: list[Database] = []

    def make() -> Database:
        made.append(Database(db.url))
        return made[-1]

    yield make
    for d in made:
        d.dispose()


def held_view(database: Database, replace: bool, other: Callable[[], Any]) -> CatalogTable:
    """Save view lake.v through ``database`` in a thread, holding its first INSERT into the
    catalog until ``other`` has run; what save_view returned, or raises what it raised."""
    reached, released = threading.Event(), threading.Event()

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not reached.is_set() and statement.lstrip().startswith("INSERT INTO catalog_tables"):
            reached.set()
            if not released.wait(WAIT_S):
                raise AssertionError(f"the view's write held for {WAIT_S} s: never released")

    event.listen(database.engine, "before_cursor_execute", before)
    outcome: list[CatalogTable | BaseException] = []

    def save() -> None:
        try:
            outcome.append(
                save_view(
                    Catalog(database), "lake", "v", "SELECT 1 AS one", "duckdb", VIEW, replace
                )
            )
        except BaseException as exc:  # the test's business
            outcome.append(exc)

    thread = threading.Thread(target=save)
    thread.start()
    try:
        assert reached.wait(WAIT_S), "the view never reached its catalog write"
        other()
    finally:
        released.set()
        thread.join(WAIT_S)
    assert not thread.is_alive() and len(outcome) == 1
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def test_a_table_made_under_the_views_name_meanwhile_is_never_overwritten(
    db: Database, engines: Callable[[], Database]
) -> None:
    crawled = TableDefinition(
        location="raw/v/", format="json", columns=[Column("id", "bigint")], properties={"n": 1}
    )

    def crawl() -> None:
        Catalog(engines()).put_table("lake", "v", crawled, source="crawler:c")

    with pytest.raises(AlreadyExists) as refused:
        held_view(engines(), True, crawl)
    assert str(refused.value) == "lake.v is a table, not a view"
    table = Catalog(db).table("lake", "v")
    assert table.definition == crawled
    assert [v.source for v in Catalog(db).history("lake", "v")] == ["crawler:c"]


def test_a_view_made_meanwhile_is_not_replaced_without_or_replace(
    db: Database, engines: Callable[[], Database]
) -> None:
    def other_view() -> None:
        other = [Column("two", "int")]
        save_view(Catalog(engines()), "lake", "v", "SELECT 2 AS two", "duckdb", other, False)

    with pytest.raises(AlreadyExists) as refused:
        held_view(engines(), False, other_view)
    assert str(refused.value) == "view lake.v already exists; use CREATE OR REPLACE VIEW"
    view = Catalog(db).table("lake", "v").definition
    assert (view.format, view.format_options["sql"]) == ("view", "SELECT 2 AS two")


def test_or_replace_replaces_a_view_made_meanwhile(
    db: Database, engines: Callable[[], Database]
) -> None:
    def other_view() -> None:
        other = [Column("two", "int")]
        save_view(Catalog(engines()), "lake", "v", "SELECT 2 AS two", "duckdb", other, False)

    saved = held_view(engines(), True, other_view)
    assert saved.definition.format_options["sql"] == "SELECT 1 AS one"
    assert Catalog(db).table("lake", "v").definition.columns == VIEW
    assert [v.version for v in Catalog(db).history("lake", "v")] == [1, 2]
