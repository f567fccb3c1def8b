from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from lakebox.catalog.service import Catalog
from lakebox.crawler.runner import CrawlRunner
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import ServiceUnavailable
from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents


@pytest.fixture
def runner(db: Database, tmp_path: Path) -> CrawlRunner:
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    lake.put("raw/s/a.json", orjson.dumps({"a": 1}) + b"\n")
    return CrawlRunner(Crawlers(db, Catalog(db), lake.store, lake.events))


def wait_for_runs(runner: CrawlRunner, name: str, n: int) -> list:  # type: ignore[type-arg]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        runs = [r for r in runner.crawlers.runs(name) if r.state != "RUNNING"]
        if len(runs) >= n:
            return runs
        time.sleep(0.05)
    raise AssertionError(f"{name}: fewer than {n} finished runs")


def test_cron_schedule_starts_full_crawls(runner: CrawlRunner) -> None:
    runner.crawlers.create(
        CrawlerSettings(name="nightly", prefixes=["raw/"], database="lake", schedule="0 3 * * *")
    )
    runner._tick()  # learns the next due time: 03:00 UTC
    due = runner._next_due["nightly"]
    assert due > datetime.now(UTC) and (due.hour, due.minute) == (3, 0)
    runner._next_due["nightly"] = datetime.now(UTC) - timedelta(seconds=1)
    runner._tick()
    [run] = wait_for_runs(runner, "nightly", 1)
    assert (run.mode, run.state) == ("full", "SUCCEEDED")
    assert run.report["tables_created"] == ["lake.s"]
    assert runner._next_due["nightly"] > datetime.now(UTC)


def test_one_crawl_at_a_time(runner: CrawlRunner) -> None:
    runner.crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    runner._busy.add("c")  # as while a crawl runs
    with pytest.raises(ServiceUnavailable, match="already running"):
        runner.submit("c")
    runner._busy.clear()
    runner.submit("c")
    assert wait_for_runs(runner, "c", 1)[0].state == "SUCCEEDED"
