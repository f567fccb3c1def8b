"""The run layer on SQLite and the real PostgreSQL: every run ends in a final state with a
reason, whatever its executor does and whichever process dies."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lakebox.auth.access import Principal
from lakebox.errors import InvalidArgument
from lakebox.meta.database import Database
from lakebox.runs import Run, RunControl, RunFailed, RunKind, Runs, RunWorkers
from lakebox.runs.store import STOPPED_REASON
from tests.conftest import until

ALICE = Principal("KALICE", "alice", "analyst")


class Workers:
    """RunWorkers of one 'process' (a home of its own), stopped at the end of the test."""

    def __init__(self, db: Database, root: Path) -> None:
        self.db = db
        self.root = root
        self.made: list[RunWorkers] = []

    def __call__(
        self,
        home: str,
        execute: Callable[[Run, RunControl], dict[str, Any]],
        *,
        threads: int = 1,
        timeout_s: float = 0.0,
        max_running: int = 0,
        lease_s: float = 30.0,
        grace_s: float = 10.0,
    ) -> RunWorkers:
        workers = RunWorkers(
            Runs(self.db), str(self.root / home), lease_s=lease_s, poll_s=0.05, keeper_s=0.2
        )
        workers.register(
            RunKind(
                "test",
                execute,
                threads=threads,
                timeout_s=timeout_s,
                max_running=max_running,
                grace_s=grace_s,
            )
        )
        workers.start()
        self.made.append(workers)
        return workers


@pytest.fixture
def make_workers(db: Database, tmp_path: Path) -> Iterator[Workers]:
    made = Workers(db, tmp_path)
    yield made
    for w in made.made:
        w.stop(timeout=2)


def sleeper(seconds: float) -> Callable[[Run, RunControl], dict[str, Any]]:
    def execute(run: Run, control: RunControl) -> dict[str, Any]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if control.stopping:  # a cooperative executor says it stopped
                raise InvalidArgument("stopped")
            time.sleep(0.01)
        return {"slept": seconds}

    return execute


def test_a_run_succeeds_with_its_result(db: Database, make_workers: Workers) -> None:
    workers = make_workers("home-a", lambda run, _c: {"echo": run.params["x"]})
    run = workers.runs.submit("test", ALICE, {"x": 41})
    workers.wake("test")
    done = workers.wait(run.id, 10)
    assert (done.state, done.result, done.reason) == ("SUCCEEDED", {"echo": 41}, None)
    assert done.attempt == 1 and done.owner is None and done.finished_at is not None


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (InvalidArgument("column 'x' is not there"), "column 'x' is not there"),
        (KeyError("boom"), "internal error (KeyError: 'boom')"),
        (RecursionError("deep"), "internal error (RecursionError: deep)"),
        (RunFailed("crawl failed", {"report": 1}), "crawl failed"),
    ],
)
def test_whatever_an_executor_raises_the_run_ends_with_the_reason(
    db: Database, make_workers: Workers, error: Exception, reason: str
) -> None:
    def execute(run: Run, control: RunControl) -> dict[str, Any]:
        raise error

    workers = make_workers("home-a", execute)
    run = workers.runs.submit("test", ALICE, {})
    workers.wake("test")
    done = workers.wait(run.id, 10)
    assert (done.state, done.reason) == ("FAILED", reason)
    if isinstance(error, RunFailed):
        assert done.result == {"report": 1}


def test_timeout_fails_the_run(db: Database, make_workers: Workers) -> None:
    workers = make_workers("home-a", sleeper(30), timeout_s=0.3)
    run = workers.runs.submit("test", ALICE, {})
    workers.wake("test")
    done = workers.wait(run.id, 10)
    assert done.state == "FAILED" and "longer than the 0 s limit" in (done.reason or "")


def test_cancel_through_another_process(db: Database, make_workers: Workers) -> None:
    """A running run is cancelled by a request made through a process that does not hold it
    (only the database links them)."""
    holder = make_workers("home-a", sleeper(30))
    run = holder.runs.submit("test", ALICE, {})
    holder.wake("test")
    until(lambda: holder.runs.get(run.id).state == "RUNNING")
    elsewhere = Runs(db)
    assert elsewhere.request_cancel(run.id).cancel_requested
    done = holder.wait(run.id, 10)
    assert (done.state, done.reason) == ("CANCELLED", "cancelled")
    holder.stop(timeout=2)  # first: a worker of its could claim the next run at once
    queued = elsewhere.submit("test", ALICE, {})
    assert elsewhere.request_cancel(queued.id, "cancelled before it started").state == "CANCELLED"


def test_a_restart_recovers_what_the_dead_process_held(db: Database, tmp_path: Path) -> None:
    """Runs RUNNING under this home's earlier process: the new one (it holds the home lock)
    fails a run of a kind without retries and queues again one that has attempts left."""
    runs = Runs(db)
    dead = RunWorkers(runs, str(tmp_path / "home-a"))
    once = runs.submit("test", ALICE, {})
    twice = runs.submit("test", ALICE, {}, max_attempts=2)
    assert runs.claim("test", dead.owner, 30) is not None
    assert runs.claim("test", dead.owner, 30) is not None
    restarted = RunWorkers(runs, str(tmp_path / "home-a"), poll_s=0.05)
    restarted.register(RunKind("test", lambda run, _c: {"attempt": run.attempt}))
    restarted.start()
    try:
        failed = runs.get(once.id)
        assert (failed.state, failed.reason) == ("FAILED", STOPPED_REASON)
        retried = restarted.wait(twice.id, 10)
        assert (retried.state, retried.result) == ("SUCCEEDED", {"attempt": 2})
    finally:
        restarted.stop()


def test_another_process_recovers_runs_once_their_lease_ends(
    db: Database, make_workers: Workers
) -> None:
    runs = Runs(db)
    dead_owner = "host:other-home:123:abcd"
    run = runs.submit("test", ALICE, {})
    claimed = runs.claim("test", dead_owner, lease_s=0.5)
    assert claimed is not None
    assert runs.recover() == []  # lease still running
    make_workers("home-b", sleeper(0), lease_s=0.5)  # its keeper sweeps
    until(lambda: runs.get(run.id).state == "FAILED")
    assert runs.get(run.id).reason == STOPPED_REASON
    # the dead process, back, cannot finish what is no longer its own
    assert runs.finish(claimed, dead_owner, "SUCCEEDED") is None


def test_concurrent_claims_never_take_one_run_twice(db: Database) -> None:
    runs = Runs(db)
    ids = {runs.submit("test", ALICE, {"i": i}).id for i in range(40)}
    claimed: list[str] = []
    lock = threading.Lock()

    def claimer(n: int) -> None:
        mine = Runs(Database(db.url))
        try:
            while (run := mine.claim("test", f"claimer-{n}", 30)) is not None:
                with lock:
                    claimed.append(run.id)
        finally:
            mine.db.dispose()

    threads = [threading.Thread(target=claimer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == sorted(ids)


def test_per_kind_limit_is_counted_in_the_database(db: Database) -> None:
    runs = Runs(db)
    for _ in range(3):
        runs.submit("test", ALICE, {})
    assert runs.claim("test", "p1", 30, max_running=2) is not None
    assert runs.claim("test", "p2", 30, max_running=2) is not None
    assert runs.claim("test", "p3", 30, max_running=2) is None  # two run, in any process


def test_stopping_the_process_ends_its_runs_with_the_reason(
    db: Database, make_workers: Workers
) -> None:
    workers = make_workers("home-a", sleeper(30))
    run = workers.runs.submit("test", ALICE, {})
    workers.wake("test")
    until(lambda: workers.runs.get(run.id).state == "RUNNING")
    workers.stop(timeout=5)
    done = workers.runs.get(run.id)
    assert (done.state, done.reason) == ("FAILED", STOPPED_REASON)


def test_work_that_finished_despite_a_late_stop_keeps_its_result(
    db: Database, make_workers: Workers
) -> None:
    """A crawl cannot be interrupted: if it completes after a cancel or a shutdown was asked
    for, it SUCCEEDED (saying otherwise would be false)."""
    release = threading.Event()

    def uninterruptible(run: Run, control: RunControl) -> dict[str, Any]:
        release.wait(10)
        return {"done": True}

    workers = make_workers("home-a", uninterruptible)
    run = workers.runs.submit("test", ALICE, {})
    workers.wake("test")
    until(lambda: workers.runs.get(run.id).state == "RUNNING")
    assert workers.cancel_here(run.id)
    release.set()
    done = workers.wait(run.id, 10)
    assert (done.state, done.result) == ("SUCCEEDED", {"done": True})


def test_a_holder_that_renews_its_lease_during_recovery_keeps_its_run(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recovery reads the runs whose lease ran out, then takes each one: if the holder renewed
    its lease in between (it was only slow), the run stays its own and is not run twice."""
    import contextlib

    runs, holder = Runs(db), Runs(db)
    run = runs.submit("test", ALICE, {}, max_attempts=3)
    claimed = holder.claim("test", "slow-process", lease_s=0.2)
    assert claimed is not None
    time.sleep(0.3)  # the lease runs out: the holder stalls
    begin, calls = db.begin, [0]

    @contextlib.contextmanager
    def renew_between() -> Iterator[Any]:
        calls[0] += 1
        if calls[0] == 2:  # after recovery's read, before its update
            assert holder.heartbeat("slow-process", 30.0) == {run.id: False}
        with begin() as conn:
            yield conn

    monkeypatch.setattr(db, "begin", renew_between)
    assert runs.recover() == []
    monkeypatch.setattr(db, "begin", begin)
    assert runs.claim("test", "other-process", 30) is None  # not queued again
    assert holder.finish(claimed, "slow-process", "SUCCEEDED") is not None


def test_the_per_principal_limit_holds_under_concurrent_submits(db: Database) -> None:
    from lakebox.errors import TooManyRequests

    accepted: list[str] = []
    refused: list[str] = []
    lock = threading.Lock()

    def submit() -> None:
        mine = Runs(Database(db.url))
        try:
            run = mine.submit("test", ALICE, {}, limit_per_principal=3)
            with lock:
                accepted.append(run.id)
        except TooManyRequests as exc:
            with lock:
                refused.append(exc.message)
        finally:
            mine.db.dispose()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(accepted) == 3 and len(refused) == 5


def test_work_that_cannot_be_interrupted_is_left_behind_after_the_grace(
    db: Database, make_workers: Workers
) -> None:
    """One long call that ignores the stop (a DuckDB function call): the run ends FAILED
    with the time limit once the grace is over, and a new worker takes the next run
    meanwhile, with no wait for the stuck one."""
    release = threading.Event()

    def execute(run: Run, control: RunControl) -> dict[str, Any]:
        if run.params.get("stuck"):
            release.wait(20)
        return {"ok": True}

    workers = make_workers("home-a", execute, threads=1, timeout_s=0.3, grace_s=0.3)
    stuck = workers.runs.submit("test", ALICE, {"stuck": True})
    workers.wake("test")
    until(lambda: workers.runs.get(stuck.id).state == "RUNNING")
    after = workers.runs.submit("test", ALICE, {})
    done = workers.wait(stuck.id, 10)
    assert done.state == "FAILED" and "left to finish alone" in (done.reason or ""), done
    assert workers.wait(after.id, 10).state == "SUCCEEDED"
    release.set()
    time.sleep(0.2)
    assert workers.runs.get(stuck.id).state == "FAILED"  # its late return changes nothing
