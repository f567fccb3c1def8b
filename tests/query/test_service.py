from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from lakebox.auth.keys import AccessKeys, load_or_create_cipher
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import InvalidArgument
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.query.service import QueryService
from lakebox.storage import Lake, LocalStore, ObjectEvents


@pytest.fixture
def setup(db: Database, tmp_path: Path) -> Iterator[tuple[QueryService, AccessKeys, Lake]]:
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    lake.put(
        "raw/n/a.json",
        b"".join(
            orjson.dumps({"v": i, "label": None if i % 2 else f'x,"{i}"'}) + b"\n"
            for i in range(2500)
        ),
    )
    catalog = Catalog(db)
    crawlers = Crawlers(db, catalog, lake.store, lake.events)
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    crawlers.run("c")
    engine = QueryEngine(
        catalog, IcebergTables(db, catalog, lake.store), lake.store, tmp_path / "spill"
    )
    service = QueryService(db, engine, lake, max_concurrent=1, timeout_s=30)
    service.start()
    keys = AccessKeys(db, load_or_create_cipher(tmp_path / "secret.key"))
    yield service, keys, lake
    service.stop()


def test_lifecycle_results_pages_and_csv(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, lake = setup
    alice = keys.create("alice").key
    q = service.submit("SELECT v, label FROM lake.n ORDER BY v", "athena", alice)
    assert q.state in ("QUEUED", "RUNNING", "SUCCEEDED")
    done = service.wait(q.id)
    assert done.state == "SUCCEEDED", done.error
    assert done.rows == 2500 and done.bytes_scanned and done.engine_ms is not None
    assert done.columns == [{"name": "v", "type": "BIGINT"}, {"name": "label", "type": "VARCHAR"}]
    first = service.results(q.id, page=1, page_size=1000)
    assert first["rows"][0] == [0, 'x,"0"'] and first["next_page"] == 2
    last = service.results(q.id, page=3, page_size=1000)
    assert len(last["rows"]) == 500 and last["next_page"] is None
    csv = lake.get(f"query-results/{q.id}.csv").decode().splitlines()
    assert csv[0] == '"v","label"'
    assert csv[1] == '0,"x,""0"""' or csv[1] == '"0","x,""0"""'
    assert csv[2] in ("1,", '"1",')  # NULL is an empty field


def test_history_is_per_key(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    alice, bob = keys.create("alice").key, keys.create("bob").key
    service.wait(service.submit("SELECT 1 AS x FROM lake.n LIMIT 1", "athena", alice).id)
    service.wait(service.submit("SELECT 2 AS x FROM lake.n LIMIT 1", "athena", bob).id)
    assert [q.submitter for q in service.history(alice)] == ["alice"]
    assert len(service.history(None)) == 2


def test_failures_are_recorded(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k").key
    failed = service.wait(service.submit("SELECT nope FROM lake.n", "athena", key).id)
    assert failed.state == "FAILED" and 'column "nope" not found' in (failed.error or "")
    refused = service.wait(
        service.submit("SELECT * FROM read_csv('/etc/passwd')", "duckdb", key).id
    )
    assert refused.state == "FAILED" and "table functions" in (refused.error or "")
    with pytest.raises(InvalidArgument, match="is FAILED"):
        service.results(failed.id)
    with pytest.raises(InvalidArgument, match="unknown dialect"):
        service.submit("SELECT 1", "cobol", key)


SLOW = "SELECT sum(a.v * b.v * c.v) FROM lake.n a, lake.n b, lake.n c"


def test_timeout_stops_a_long_query(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    service.timeout_s = 0.5
    started = time.monotonic()
    q = service.wait(service.submit(SLOW, "athena", keys.create("k").key).id, timeout=30)
    assert q.state == "FAILED" and "longer than" in (q.error or "")
    assert time.monotonic() - started < 10


def test_cancel_running_and_queued(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k").key
    running = service.submit(SLOW, "athena", key)
    queued = service.submit("SELECT 1 AS x FROM lake.n LIMIT 1", "athena", key)  # one worker
    deadline = time.monotonic() + 10
    while service.get(running.id).state != "RUNNING" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert service.cancel(queued.id).state == "CANCELLED"
    service.cancel(running.id)
    assert service.wait(running.id, timeout=20).state == "CANCELLED"
    assert service.wait(queued.id).state == "CANCELLED"


def test_create_view_as_an_execution(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k").key
    done = service.wait(
        service.submit(
            "CREATE VIEW lake.small AS SELECT v FROM n WHERE v < 3", "athena", key, "lake"
        ).id
    )
    assert done.state == "SUCCEEDED", done.error
    q = service.wait(service.submit("SELECT count(*) AS c FROM small", "athena", key, "lake").id)
    assert service.results(q.id)["rows"] == [[3]]


def test_finished_queries_are_forgotten(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k").key
    running = service.submit(SLOW, "athena", key)
    deadline = time.monotonic() + 10
    while service.get(running.id).state != "RUNNING" and time.monotonic() < deadline:
        time.sleep(0.02)
    service.cancel(running.id)
    assert service.wait(running.id, timeout=20).state == "CANCELLED"
    deadline = time.monotonic() + 5
    while service._cancelled and time.monotonic() < deadline:
        time.sleep(0.02)
    assert service._cancelled == set() and service._timed_out == set() and service._running == {}


def test_limit_per_key(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    from lakebox.errors import TooManyRequests

    service, keys, _ = setup
    service.limit_per_key = 2
    alice, bob = keys.create("alice").key, keys.create("bob").key
    first = service.submit(SLOW, "athena", alice)
    second = service.submit(SLOW, "athena", alice)
    with pytest.raises(TooManyRequests, match="alice already has 2 queries queued or running"):
        service.submit("SELECT 1", "athena", alice)
    other = service.submit("SELECT 1 AS x", "athena", bob)  # another key is not held back
    service.cancel(first.id)
    service.cancel(second.id)
    assert service.wait(first.id, timeout=20).state == "CANCELLED"
    assert service.wait(second.id, timeout=20).state == "CANCELLED"
    assert service.wait(other.id, timeout=20).state == "SUCCEEDED"
    assert service.wait(service.submit("SELECT 2 AS x", "athena", alice).id).state == "SUCCEEDED"
