"""Crawls that start on their own (cron, events), through the run layer and the scheduler."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from sqlalchemy import update

from lakebox.auth.access import SYSTEM
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import KIND, Crawlers, CrawlRun
from lakebox.crawler.settings import CrawlerSettings
from lakebox.crawler.triggers import CrawlTriggers
from lakebox.meta.database import Database
from lakebox.runs import RunKind, RunWorkers
from lakebox.runs.scheduler import Scheduler
from lakebox.runs.store import AlreadyRunning
from lakebox.runs.tables import schedules
from lakebox.storage import Lake, LocalStore, ObjectEvents


class Setup:
    def __init__(self, db: Database, tmp_path: Path) -> None:
        self.lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
        self.lake.put("raw/s/a.json", orjson.dumps({"a": 1}) + b"\n")
        self.crawlers = Crawlers(db, Catalog(db), self.lake.store, self.lake.events)
        self.workers = RunWorkers(self.crawlers.runs, str(tmp_path / "home"), poll_s=0.05)
        self.workers.register(RunKind(KIND, self.crawlers.execute))
        self.scheduler = Scheduler(db)
        self.triggers = CrawlTriggers(self.crawlers, self.workers)
        self.scheduler.on_tick(self.triggers)
        self.db = db
        self.home = tmp_path

    def finished(self, name: str, n: int) -> list[CrawlRun]:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            runs = [r for r in self.crawlers.history(name) if r.state not in ("QUEUED", "RUNNING")]
            if len(runs) >= n:
                return runs
            time.sleep(0.05)
        raise AssertionError(f"{name}: fewer than {n} finished runs")


@pytest.fixture
def setup(db: Database, tmp_path: Path) -> Iterator[Setup]:
    s = Setup(db, tmp_path)
    s.workers.start()
    yield s
    s.workers.stop()


def test_cron_schedule_fires_once_and_survives_a_restart(setup: Setup) -> None:
    setup.crawlers.create(
        CrawlerSettings(name="nightly", prefixes=["raw/"], database="lake", schedule="0 3 * * *")
    )
    setup.scheduler.tick_now()  # learns the next firing: 03:00 UTC
    assert setup.crawlers.history("nightly") == []
    with setup.db.begin() as conn:
        [row] = conn.execute(schedules.select()).all()
        due = row.next_fire_at.replace(tzinfo=UTC)
        assert due > datetime.now(UTC) and (due.hour, due.minute) == (3, 0)
        conn.execute(update(schedules).values(next_fire_at=datetime.now(UTC) - timedelta(1)))
    # Two schedulers (as two servers would) tick at the due time: one firing, one run.
    other = Scheduler(setup.db)
    other.on_tick(setup.triggers)
    other.tick_now()
    setup.scheduler.tick_now()
    [run] = setup.finished("nightly", 1)
    assert (run.mode, run.state) == ("full", "SUCCEEDED")
    assert run.report["tables_created"] == ["lake.s"]
    # A restarted scheduler (a new one, same database) finds it already advanced.
    Scheduler(setup.db).tick_now()
    time.sleep(0.3)
    assert len(setup.crawlers.history("nightly")) == 1


def test_one_crawl_at_a_time_per_crawler(setup: Setup) -> None:
    setup.crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    setup.workers.stop()  # nothing takes the run: it stays QUEUED
    first = setup.crawlers.runs.submit(KIND, SYSTEM, {"mode": "full"}, subject="c", exclusive=True)
    with pytest.raises(AlreadyRunning, match=f"already queued \\(run {first.id}\\)"):
        setup.crawlers.runs.submit(KIND, SYSTEM, {"mode": "full"}, subject="c", exclusive=True)
    setup.workers = RunWorkers(setup.crawlers.runs, str(setup.home / "elsewhere"), poll_s=0.05)
    setup.workers.register(RunKind(KIND, setup.crawlers.execute))
    setup.workers.start()
    assert setup.finished("c", 1)[0].state == "SUCCEEDED"
    # ended: the crawler may crawl again
    setup.crawlers.runs.submit(KIND, SYSTEM, {"mode": "full"}, subject="c", exclusive=True)
    assert len(setup.finished("c", 2)) == 2


def test_event_mode_crawls_as_objects_arrive(setup: Setup) -> None:
    setup.crawlers.create(
        CrawlerSettings(name="ev", prefixes=["raw/"], database="lake", events=True)
    )
    setup.scheduler.tick_now()
    time.sleep(0.2)
    assert setup.crawlers.history("ev") == []  # nothing new since it was created
    setup.lake.put("raw/t/b.json", orjson.dumps({"b": 2}) + b"\n")
    setup.scheduler.tick_now()
    [run] = setup.finished("ev", 1)
    assert run.mode == "events" and run.report["tables_created"] == ["lake.t"]


def test_crawls_stop_when_cancelled_or_out_of_time(db: Database, tmp_path: Path) -> None:
    from lakebox.auth.access import Access
    from lakebox.crawler.operations import CrawlerOperations

    s = Setup(db, tmp_path)
    for i in range(1500):
        s.lake.store.put(f"raw/many/{i:05}.json", orjson.dumps({"i": i}) + b"\n", durable=False)
    s.workers = RunWorkers(s.crawlers.runs, str(tmp_path / "timed"), poll_s=0.05)
    s.workers.register(RunKind(KIND, s.crawlers.execute, timeout_s=0.05))
    ops = CrawlerOperations(s.crawlers, s.workers, Access())
    s.crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    queued = ops.start("c", "full", by=SYSTEM)
    assert ops.cancel(queued.id, by=SYSTEM).state == "CANCELLED"  # no worker yet: at once
    s.workers.start()
    try:
        timed = ops.start("c", "full", by=SYSTEM)
        [run] = [r for r in s.finished("c", 2) if r.id == timed.id]
        assert run.state == "FAILED" and "longer than" in run.report["error"], run
    finally:
        s.workers.stop()
