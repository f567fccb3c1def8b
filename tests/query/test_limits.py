"""Query limits (issue 10): time covers planning and writing, results are bounded in bytes,
deep nesting is a clear error."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from lakebox.auth.access import SYSTEM, Access
from lakebox.errors import InvalidArgument, LakeboxError, NotFound
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine, QueryFailed, ResultTooLarge
from lakebox.query.result_types import of_duckdb
from lakebox.query.sandbox import MAX_NESTING, NestedTooDeeply
from lakebox.query.saved import SavedQueries
from lakebox.query.service import QueryService
from lakebox.query.statements import classify_sql
from lakebox.runs import Run, RunControl, Runs, RunWorkers
from lakebox.storage import Lake, LocalStore, ObjectEvents

CAP = 8 * 1024 * 1024  # small: no test allocates much more than this
WIDE_ROWS = "SELECT repeat('x', 1000) AS s FROM (SELECT unnest(range({n})) AS i)"


@pytest.fixture
def service(db: Database, engine: QueryEngine, tmp_path: Path) -> Iterator[QueryService]:
    engine.result_max_bytes = CAP
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    workers = RunWorkers(Runs(db), str(tmp_path / "home"))
    svc = QueryService(
        Runs(db),
        workers,
        engine,
        lake,
        Access(),
        lambda _id: SYSTEM,
        max_concurrent=1,
        timeout_s=1.0,
        page_max_bytes=64 * 1024,
    )
    workers.start()
    yield svc
    workers.stop()
    svc.stop()


# -- results are bounded --------------------------------------------------------------------


def test_a_result_over_the_limit_is_refused(engine: QueryEngine) -> None:
    # Before: the whole result was fetched (1 GB values took the server to 5.2 GB).
    engine.result_max_bytes = CAP
    with pytest.raises(ResultTooLarge, match=r"8,388,608-byte limit \(query_result_max_bytes"):
        engine.run(WIDE_ROWS.format(n=100_000), "duckdb", principal=SYSTEM)  # ~100 MB
    assert engine.run(WIDE_ROWS.format(n=1000), "duckdb", principal=SYSTEM).table.num_rows == 1000


def test_a_query_over_the_result_limit_fails_naming_it(service: QueryService) -> None:
    # 20 MB for an 8 MB limit: over it well within the service's 1 s time limit (100 MB had
    # met the time limit first on a busy machine)
    q = service.submit(WIDE_ROWS.format(n=20_000), "duckdb", by=SYSTEM)
    done = service.wait(q.id, by=SYSTEM)
    assert done.state == "FAILED"
    assert done.error is not None and "query_result_max_bytes" in done.error


def test_result_pages_are_bounded_in_bytes(service: QueryService) -> None:
    # Before: one page of 1,000 rows could be any size (a 1 GB JSON response).
    q = service.submit(WIDE_ROWS.format(n=1000), "duckdb", by=SYSTEM)
    assert service.wait(q.id, by=SYSTEM).state == "SUCCEEDED"
    with pytest.raises(InvalidArgument, match=r"more than the 65,536-byte limit of one page"):
        service.results(q.id, 1, 1000, by=SYSTEM)
    page = service.results(q.id, 2, 20, by=SYSTEM)
    assert len(page["rows"]) == 20 and page["next_page"] == 3


# -- the time limit covers everything ---------------------------------------------------------


def test_time_travel_constants_are_cheap(engine: QueryEngine) -> None:
    # Before: FOR VERSION AS OF took any expression, evaluated on a connection of its own that
    # nothing interrupted (129 s under a 20 s limit; DuckDB cannot interrupt one function call
    # anyway): here ~3 s of work, then "no snapshot".
    start = time.monotonic()
    with pytest.raises(InvalidArgument, match=r"(?i)list_reduce\(.*\) is not allowed here"):
        engine.run(
            "SELECT * FROM sales.daily FOR VERSION AS OF "
            "list_reduce(range(5000000), (a, b) -> a + b)",
            "duckdb",
            principal=SYSTEM,
        )
    assert time.monotonic() - start < 2
    for value in (
        "current_timestamp - interval '1' day",
        "date_add('day', -1, current_timestamp)",
        "from_unixtime(1700000000)",
    ):
        # accepted and evaluated: the table is younger than these times
        with pytest.raises(NotFound, match="has no snapshot at or before"):
            engine.run(f"SELECT * FROM sales.daily FOR TIMESTAMP AS OF {value}", principal=SYSTEM)


def _run() -> Run:
    now = datetime.now(UTC)
    return Run(
        id="q1", kind="query", state="RUNNING", principal_id="p", principal_name="p",
        subject=None, params={}, result=None, reason=None, submitted_at=now, started_at=now,
        finished_at=None, owner="o", lease_until=now, attempt=1, max_attempts=1,
        cancel_requested=False,
    )  # fmt: skip


def test_writing_results_stops_when_the_query_is_stopped(
    service: QueryService, tmp_path: Path
) -> None:
    # Before: results were written whatever the time limit (32 s under a 20 s limit).
    control = RunControl(_run())
    control.timed_out.set()
    table = pa.table({"v": list(range(200_000))})
    with pytest.raises(LakeboxError, match="stopped while writing its results"):
        service._write_results("query-results/q1", table, [of_duckdb("BIGINT")], control)
    assert not (tmp_path / "data" / "query-results").exists()


# -- nesting ----------------------------------------------------------------------------------


DEEP = {
    "parentheses": "SELECT " + "(" * 600 + "1" + ")" * 600,
    "subqueries": "SELECT * FROM " + "(SELECT * FROM " * 2000 + "lake.products" + ") x" * 2000,
    "NOT": "SELECT " + "NOT " * 3000 + "true",
    "CASE": "SELECT " + "CASE WHEN true THEN " * 600 + "1" + " END" * 600,
}


@pytest.mark.parametrize("kind", DEEP)
def test_deep_nesting_is_a_clear_error(engine: QueryEngine, kind: str) -> None:
    # Before: RecursionError (a 500 at submit, "internal error" as the run's reason).
    with pytest.raises(NestedTooDeeply, match=f"at most {MAX_NESTING} levels"):
        classify_sql(DEEP[kind], "athena", "lake")
    with pytest.raises(NestedTooDeeply, match="nested too deeply"):
        engine.run(DEEP[kind], principal=SYSTEM)


@pytest.mark.parametrize("kind", DEEP)
def test_deep_nesting_at_submit_ends_failed(service: QueryService, kind: str) -> None:
    q = service.submit(DEEP[kind], "athena", by=SYSTEM)  # not a 500
    done = service.wait(q.id, by=SYSTEM)
    assert done.state == "FAILED"
    assert done.error is not None and "nested too deeply" in done.error


def test_nesting_within_the_limit_runs(engine: QueryEngine) -> None:
    sql = "SELECT " + "(" * 50 + "1" + ")" * 50 + " AS one FROM lake.products LIMIT 1"
    assert engine.run(sql, principal=SYSTEM).rows == [(1,)]


def test_deep_nesting_in_a_saved_query_is_a_clear_error(db: Database) -> None:
    # Before: SavedQueries.save parsed it and raised RecursionError (a 500).
    saved = SavedQueries(db, Access())
    with pytest.raises(NestedTooDeeply, match="nested too deeply"):
        saved.save("deep", DEEP["parentheses"], "lake", by=SYSTEM)


def test_an_error_while_results_stream_names_duckdbs_error(engine: QueryEngine) -> None:
    # Results are read from DuckDB as they are made: an error after the first rows arrives
    # through Arrow's reader and is still reported as DuckDB's (not an internal error).
    sql = (
        "SELECT CASE WHEN i > 4000000 THEN CAST('x' || i AS INT) ELSE i END AS v "
        "FROM (SELECT unnest(range(5000000)) AS i)"
    )
    with pytest.raises(QueryFailed, match="Conversion Error: Could not convert string 'x4000001'"):
        engine.run(sql, "duckdb", principal=SYSTEM)


def test_the_result_limit_does_not_hold_back_a_ctas(
    engine: QueryEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Curating a table larger than a result may be is what CTAS is for."""
    monkeypatch.setattr(engine, "result_max_bytes", 64 * 1024)
    with pytest.raises(ResultTooLarge):
        engine.run(
            "SELECT repeat('x', 1000) AS s FROM lake.orders, UNNEST(range(200)) AS r(i)",
            principal=SYSTEM,
        )
    made = engine.run(
        "CREATE TABLE cur.big AS "
        "SELECT repeat('x', 1000) AS s FROM lake.orders, UNNEST(range(200)) AS r(i)",
        principal=SYSTEM,
    )
    assert made.rows == [(600,)]


def test_a_query_that_ignores_its_time_limit_is_ended_with_its_process(
    service: QueryService,
) -> None:
    # Before: one DuckDB call over 30 M values ran on past the limit; the run was abandoned
    # ten seconds later and the call went on using a CPU. Now its engine process is killed.
    start = time.monotonic()
    q = service.submit("SELECT list_reduce(range(30000000), (a, b) -> a + b)", "duckdb", by=SYSTEM)
    done = service.wait(q.id, by=SYSTEM)
    assert done.state == "FAILED" and "1 s limit" in (done.error or ""), done
    assert time.monotonic() - start < 1 + 5 + 3
    assert (
        service.wait(service.submit("SELECT 7", "duckdb", by=SYSTEM).id, by=SYSTEM).state
        == "SUCCEEDED"
    )
