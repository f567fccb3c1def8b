"""Engine processes (issue 10): a query's memory and time are bounded by a process that the
kernel limits and the server can kill; the server never grows with a query's values."""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from lakebox.auth.access import SYSTEM
from lakebox.errors import ConfigError
from lakebox.query.engine import QueryEngine, QueryFailed
from lakebox.query.engine_process import STOP_GRACE_S, Interrupter, memory_bytes
from tests.conftest import RunningServer

HUGE_VALUES = "SELECT repeat('x', 100000000) AS s FROM (SELECT unnest(range(30)))"  # 3 GB
UNINTERRUPTIBLE = "SELECT list_reduce(range(30000000), (a, b) -> a + b)"  # one long call
# interruptible, minutes (10^12 rows; no table functions in the sandbox)
LONG = "SELECT count(*) FROM (SELECT unnest(range(1000000))), (SELECT unnest(range(1000000)))"


def _stopper(engine: QueryEngine, sql: str, after_s: float) -> tuple[Any, float]:
    """Run ``sql``, interrupting it ``after_s`` after it starts; (what it raised, seconds)."""
    seen: list[Interrupter] = []

    def on_connect(interrupter: Interrupter) -> None:
        seen.append(interrupter)
        threading.Timer(after_s, interrupter.interrupt).start()

    start = time.monotonic()
    with pytest.raises(QueryFailed) as failed:
        engine.run(sql, "duckdb", on_connect, principal=SYSTEM)
    return failed.value, time.monotonic() - start


def _status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} for {pid}")


def _gone(pid: int, within_s: float = 5.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":  # a zombie is gone too
            return True
        time.sleep(0.05)
    return False


def test_huge_values_fail_naming_the_memory_limit(engine: QueryEngine) -> None:
    # Before: DuckDB built the chunk of 30 values of 100 MB outside its 1 GB limit and the
    # server's memory reached 3.1-5.2 GB. Now the engine process's address space is held
    # (2 x 512 MB + 1 GB here) and DuckDB's allocation fails there.
    with pytest.raises(QueryFailed, match=r"Out of Memory Error.*query_memory_limit: 512MB"):
        engine.run(HUGE_VALUES, "duckdb", principal=SYSTEM)
    assert engine.run("SELECT 42", "duckdb", principal=SYSTEM).rows == [(42,)]
    (pid,) = engine._pool.processes()
    assert _status(pid, "VmPeak") <= 2 * 512 * 1000**2 + 1024**3  # the kernel's limit held


def test_a_call_that_ignores_interrupts_ends_with_its_process(engine: QueryEngine) -> None:
    # Before: one DuckDB function call over 30 M values ignores its interrupt and ran on past
    # the query's time limit (the run was abandoned, the work went on). Now its process is
    # killed STOP_GRACE_S after the interrupt and the next query gets a new one.
    engine.run("SELECT 1", "duckdb", principal=SYSTEM)
    (before,) = engine._pool.processes()
    error, took = _stopper(engine, UNINTERRUPTIBLE, 0.3)
    assert f"did not stop within {STOP_GRACE_S:.0f} s of being interrupted" in str(error)
    assert took < STOP_GRACE_S + 3
    assert _gone(before)
    assert engine.run("SELECT 2", "duckdb", principal=SYSTEM).rows == [(2,)]
    assert engine._pool.processes() != [before]


def test_an_interrupted_query_keeps_its_process(engine: QueryEngine) -> None:
    engine.run("SELECT 1", "duckdb", principal=SYSTEM)
    (before,) = engine._pool.processes()
    error, took = _stopper(engine, LONG, 0.3)
    assert "INTERRUPT" in str(error) and took < 3
    assert engine.run("SELECT 3", "duckdb", principal=SYSTEM).rows == [(3,)]
    assert engine._pool.processes() == [before]


def test_an_engine_process_killed_mid_query_fails_it_and_is_replaced(
    engine: QueryEngine,
) -> None:
    engine.run("SELECT 1", "duckdb", principal=SYSTEM)
    (pid,) = engine._pool.processes()
    threading.Timer(0.5, os.kill, (pid, signal.SIGKILL)).start()
    with pytest.raises(QueryFailed, match=r"engine process was killed \(SIGKILL"):
        engine.run(LONG, "duckdb", principal=SYSTEM)
    assert engine.run("SELECT 4", "duckdb", principal=SYSTEM).rows == [(4,)]


def test_a_late_interrupt_does_not_reach_the_next_query(engine: QueryEngine) -> None:
    # The run layer keeps interrupting a stopped query for a while; by then its process may
    # run another query, which must not be stopped by it.
    kept: list[Interrupter] = []
    engine.run("SELECT 1", "duckdb", kept.append, principal=SYSTEM)
    stale = kept[0]
    stop = threading.Event()

    def keep_interrupting() -> None:
        while not stop.is_set():
            stale.interrupt()
            time.sleep(0.01)

    thread = threading.Thread(target=keep_interrupting)
    thread.start()
    try:
        got = engine.run(
            "SELECT count(*) FROM (SELECT unnest(range(20000))), (SELECT unnest(range(10000)))",
            "duckdb",
            principal=SYSTEM,
        )
    finally:
        stop.set()
        thread.join()
    assert got.rows == [(200_000_000,)]


def test_closing_or_dropping_the_engine_ends_its_processes(engine: QueryEngine) -> None:
    engine.run("SELECT 1", "duckdb", principal=SYSTEM)
    (pid,) = engine._pool.processes()
    engine.close()
    assert _gone(pid)
    other = QueryEngine(
        engine.catalog, engine.iceberg, engine.sources.store, engine.access, engine.spill_dir
    )
    other.run("SELECT 1", "duckdb", principal=SYSTEM)
    (pid,) = other._pool.processes()
    del other
    gc.collect()
    assert _gone(pid)


def test_the_server_stays_small_and_its_engines_end_with_it(server_factory: Any) -> None:
    # The query (10 values of 100 MB) with a 1 GB limit took the server to 5.2 GB.
    server: RunningServer = server_factory(LAKEBOX_QUERY_MEMORY_LIMIT="1GB")
    server.start()
    headers = {"Authorization": f"Bearer {server.credential['token']}"}
    for values in (10, 30):  # over the result limit; over the memory limit
        sql = f"SELECT repeat('x', 100000000) FROM (SELECT unnest(range({values})))"
        done = httpx.post(
            f"{server.url}/v1/queries", json={"sql": sql, "wait": 60}, headers=headers, timeout=90
        ).json()
        assert done["state"] == "FAILED", done
        assert "query_result_max_bytes" in done["error"] or "query_memory_limit" in done["error"]
    assert server.process is not None
    assert _status(server.process.pid, "VmHWM") < 600 * 1024**2
    tasks = Path(f"/proc/{server.process.pid}/task").glob("*/children")  # any thread's
    pids = [int(p) for children in tasks for p in children.read_text().split()]
    engines = [p for p in pids if b"engine_worker" in Path(f"/proc/{p}/cmdline").read_bytes()]
    assert engines
    server.kill()
    assert all(_gone(p) for p in engines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2GB", 2 * 1000**3), ("512MiB", 512 * 1024**2), ("1.5 GiB", int(1.5 * 1024**3))],
)
def test_memory_sizes_as_duckdb_reads_them(text: str, expected: int) -> None:
    assert memory_bytes(text) == expected


def test_a_share_of_the_machine_and_a_bad_size() -> None:
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    assert memory_bytes("50%") == total // 2
    with pytest.raises(ConfigError, match=r"query_memory_limit 'lots' is not a memory size"):
        memory_bytes("lots")
