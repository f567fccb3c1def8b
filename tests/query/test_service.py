from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from lakebox.auth.access import SYSTEM, Access
from lakebox.auth.keys import AccessKeys, load_or_create_cipher
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import InvalidArgument
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.query.service import QueryService
from lakebox.runs import Runs, RunWorkers
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
    access = Access()
    engine = QueryEngine(
        catalog, IcebergTables(db, catalog, lake.store), lake.store, access, tmp_path / "spill"
    )
    keys = AccessKeys(db, load_or_create_cipher(tmp_path / "secret.key"), access)
    workers = RunWorkers(Runs(db), str(tmp_path / "home"))
    service = QueryService(
        Runs(db), workers, engine, lake, access, keys.principal, max_concurrent=1, timeout_s=30
    )
    workers.start()
    yield service, keys, lake
    workers.stop()
    service.stop()


def test_lifecycle_results_pages_and_csv(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, lake = setup
    alice = keys.create("alice", "analyst", by=SYSTEM).key
    q = service.submit("SELECT v, label FROM lake.n ORDER BY v", "athena", by=alice.principal)
    assert q.state in ("QUEUED", "RUNNING", "SUCCEEDED")
    done = service.wait(q.id, by=SYSTEM)
    assert done.state == "SUCCEEDED", done.error
    assert done.rows == 2500 and done.bytes_scanned and done.engine_ms is not None
    assert done.columns == [
        {"name": "v", "type": "bigint", "engine_type": "BIGINT"},
        {"name": "label", "type": "varchar", "engine_type": "VARCHAR"},
    ]
    first = service.results(q.id, page=1, page_size=1000, by=SYSTEM)
    assert first["rows"][0] == [0, 'x,"0"'] and first["next_page"] == 2
    last = service.results(q.id, page=3, page_size=1000, by=SYSTEM)
    assert len(last["rows"]) == 500 and last["next_page"] is None
    csv = lake.get(f"query-results/{q.id}.csv").decode().splitlines()
    assert csv[0] == '"v","label"'
    assert csv[1] == '0,"x,""0"""' or csv[1] == '"0","x,""0"""'
    assert csv[2] in ("1,", '"1",')  # NULL is an empty field


def test_history_is_per_key(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    alice, bob = (
        keys.create("alice", "analyst", by=SYSTEM).key,
        keys.create("bob", "analyst", by=SYSTEM).key,
    )
    service.wait(
        service.submit("SELECT 1 AS x FROM lake.n LIMIT 1", "athena", by=alice.principal).id,
        by=SYSTEM,
    )
    service.wait(
        service.submit("SELECT 2 AS x FROM lake.n LIMIT 1", "athena", by=bob.principal).id,
        by=SYSTEM,
    )
    assert [q.submitter for q in service.history(by=alice.principal)] == ["alice"]
    assert len(service.history(by=SYSTEM, everyone=True)) == 2


def test_failures_are_recorded(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k", "analyst", by=SYSTEM).key
    failed = service.wait(
        service.submit("SELECT nope FROM lake.n", "athena", by=key.principal).id, by=SYSTEM
    )
    assert failed.state == "FAILED" and "Column 'nope' cannot be resolved" in (failed.error or "")
    refused = service.wait(
        service.submit("SELECT * FROM read_csv('/etc/passwd')", "duckdb", by=key.principal).id,
        by=SYSTEM,
    )
    assert refused.state == "FAILED" and "table functions" in (refused.error or "")
    with pytest.raises(InvalidArgument, match="is FAILED"):
        service.results(failed.id, by=SYSTEM)
    with pytest.raises(InvalidArgument, match="unknown dialect"):
        service.submit("SELECT 1", "cobol", by=key.principal)


SLOW = "SELECT sum(a.v * b.v * c.v) FROM lake.n a, lake.n b, lake.n c"


def test_timeout_stops_a_long_query(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    service.workers.kinds["query"].timeout_s = 0.5
    started = time.monotonic()
    q = service.wait(
        service.submit(SLOW, "athena", by=keys.create("k", "analyst", by=SYSTEM).key.principal).id,
        timeout=30,
        by=SYSTEM,
    )
    assert q.state == "FAILED" and "longer than" in (q.error or "")
    assert time.monotonic() - started < 10


def test_cancel_running_and_queued(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k", "analyst", by=SYSTEM).key
    running = service.submit(SLOW, "athena", by=key.principal)
    queued = service.submit(
        "SELECT 1 AS x FROM lake.n LIMIT 1", "athena", by=key.principal
    )  # one worker
    deadline = time.monotonic() + 10
    while service.get(running.id, by=SYSTEM).state != "RUNNING" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert service.cancel(queued.id, by=SYSTEM).state == "CANCELLED"
    service.cancel(running.id, by=SYSTEM)
    assert service.wait(running.id, timeout=20, by=SYSTEM).state == "CANCELLED"
    assert service.wait(queued.id, by=SYSTEM).state == "CANCELLED"


def test_create_view_as_an_execution(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k", "engineer", by=SYSTEM).key
    done = service.wait(
        service.submit(
            "CREATE VIEW lake.small AS SELECT v FROM n WHERE v < 3",
            "athena",
            default_database="lake",
            by=key.principal,
        ).id,
        by=SYSTEM,
    )
    assert done.state == "SUCCEEDED", done.error
    q = service.wait(
        service.submit(
            "SELECT count(*) AS c FROM small", "athena", default_database="lake", by=key.principal
        ).id,
        by=SYSTEM,
    )
    assert service.results(q.id, by=SYSTEM)["rows"] == [[3]]


def test_finished_queries_are_forgotten(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    service, keys, _ = setup
    key = keys.create("k", "analyst", by=SYSTEM).key
    running = service.submit(SLOW, "athena", by=key.principal)
    deadline = time.monotonic() + 10
    while service.get(running.id, by=SYSTEM).state != "RUNNING" and time.monotonic() < deadline:
        time.sleep(0.02)
    service.cancel(running.id, by=SYSTEM)
    assert service.wait(running.id, timeout=20, by=SYSTEM).state == "CANCELLED"
    deadline = time.monotonic() + 5
    while service.workers._controls and time.monotonic() < deadline:
        time.sleep(0.02)
    assert service.workers._controls == {}


def test_limit_per_key(setup: tuple[QueryService, AccessKeys, Lake]) -> None:
    from lakebox.errors import TooManyRequests

    service, keys, _ = setup
    service.limit_per_key = 2
    alice, bob = (
        keys.create("alice", "analyst", by=SYSTEM).key,
        keys.create("bob", "analyst", by=SYSTEM).key,
    )
    first = service.submit(SLOW, "athena", by=alice.principal)
    second = service.submit(SLOW, "athena", by=alice.principal)
    with pytest.raises(TooManyRequests, match="alice already has 2 queries queued or running"):
        service.submit("SELECT 1", "athena", by=alice.principal)
    other = service.submit(
        "SELECT 1 AS x", "athena", by=bob.principal
    )  # another key is not held back
    service.cancel(first.id, by=SYSTEM)
    service.cancel(second.id, by=SYSTEM)
    assert service.wait(first.id, timeout=20, by=SYSTEM).state == "CANCELLED"
    assert service.wait(second.id, timeout=20, by=SYSTEM).state == "CANCELLED"
    assert service.wait(other.id, timeout=20, by=SYSTEM).state == "SUCCEEDED"
    assert (
        service.wait(
            service.submit("SELECT 2 AS x", "athena", by=alice.principal).id, by=SYSTEM
        ).state
        == "SUCCEEDED"
    )


def test_a_query_whose_results_cannot_be_written_fails_with_the_reason(
    setup: tuple[QueryService, AccessKeys, Lake],
) -> None:
    """DuckDB answered, then writing the result files failed (here: a file stands where the
    results folder must be): the execution ends FAILED saying why, not RUNNING forever."""
    service, keys, lake = setup
    root = lake.store.root  # type: ignore[attr-defined]
    (root / "query-results").mkdir(exist_ok=True)
    shutil.rmtree(root / "query-results")
    (root / "query-results").write_text("not a folder")
    key = keys.create("k", "analyst", by=SYSTEM).key
    done = service.wait(service.submit("SELECT 1 AS x", "athena", by=key.principal).id, by=SYSTEM)
    assert done.state == "FAILED" and "cannot write object 'query-results/" in (done.error or "")
    assert service.cancel(done.id, by=SYSTEM).state == "FAILED"  # final: nothing to cancel


def test_a_cancel_during_a_commit_cannot_undo_it(
    setup: tuple[QueryService, AccessKeys, Lake], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancel (or the time limit) that arrives while an INSERT commits is refused: the rows
    are in the table, so the execution SUCCEEDED (a client told otherwise would insert them
    again). A cancel before the commit stops it: nothing is written."""
    service, keys, _ = setup
    key = keys.create("k", "engineer", by=SYSTEM).key

    def run(sql: str) -> Any:
        return service.wait(service.submit(sql, "athena", by=key.principal).id, by=SYSTEM)

    assert run("CREATE TABLE cur.t AS SELECT 1 AS x").state == "SUCCEEDED"
    iceberg = service.engine.iceberg
    append = iceberg.append

    def cancelled_while_committing(db: str, name: str, data: Any) -> Any:
        for qid in list(service.workers._controls):
            service.cancel(qid, by=SYSTEM)
        return append(db, name, data)

    monkeypatch.setattr(iceberg, "append", cancelled_while_committing)
    assert run("INSERT INTO cur.t SELECT 2 AS x").state == "SUCCEEDED"
    monkeypatch.setattr(iceberg, "append", append)
    rows = run("SELECT x FROM cur.t ORDER BY x")
    assert service.results(rows.id, by=SYSTEM)["rows"] == [[1], [2]]


def test_a_query_parsed_at_submit_is_not_parsed_again_here(
    setup: tuple[QueryService, AccessKeys, Lake], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The submit's parse goes to this process's worker; the rows are those of a fresh parse,
    and a parse handed over for other SQL is never used for this one."""
    import lakebox.query.engine as engine_module

    service, keys, _ = setup
    alice = keys.create("alice", "analyst", by=SYSTEM).key
    sql = "SELECT count(*) AS n, sum(v) AS s FROM n WHERE v < 100"
    fresh = service.engine.run(sql, "athena", default_database="lake", principal=SYSTEM).rows
    parses: list[str] = []
    real_prepare = engine_module.prepare

    def counting_prepare(text: str, dialect: str, database: str | None, own: bool = False) -> Any:
        parses.append(text)
        return real_prepare(text, dialect, database, own)

    monkeypatch.setattr(engine_module, "prepare", counting_prepare)
    q = service.submit(sql, "athena", by=alice.principal, default_database="lake")
    done = service.wait(q.id, by=alice.principal)
    assert done.state == "SUCCEEDED", done.error
    assert service.rows(q.id, 0, 10, by=alice.principal)["rows"] == [list(r) for r in fresh]
    assert parses == []  # the worker used the submit's parse

    from lakebox.query.statements import prepare

    other = prepare("SELECT 1 AS one", "athena", "lake")
    result = service.engine.run(
        sql, "athena", default_database="lake", principal=SYSTEM, prepared=other
    )
    assert result.rows == fresh and parses == [sql]  # not the other SQL's tree
