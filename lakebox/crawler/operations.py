"""What principals ask of crawlers (define, list, delete, start a crawl), authorized.

`Crawlers` does the crawling on lakebox's behalf (scheduled and event crawls run as lakebox
itself); the API, the CLI and the console come through here, checked by the one authorizer.
"""

from __future__ import annotations

from typing import Any

from lakebox.auth.access import Access, Principal, Resource
from lakebox.crawler.service import KIND, MAX_ATTEMPTS, Crawlers, CrawlRun
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import InvalidArgument
from lakebox.runs import RunWorkers


class CrawlerOperations:
    def __init__(self, crawlers: Crawlers, workers: RunWorkers, access: Access) -> None:
        self.crawlers = crawlers
        self.workers = workers
        self.access = access

    def all(self, *, by: Principal) -> list[CrawlerSettings]:
        self.access.authorize(by, "crawler:read", Resource("crawler"))
        return self.crawlers.all()

    def get(self, name: str, *, by: Principal) -> CrawlerSettings:
        self.access.authorize(by, "crawler:read", Resource("crawler", name))
        return self.crawlers.get(name)

    def create(self, settings: CrawlerSettings, *, by: Principal) -> CrawlerSettings:
        self.access.authorize(by, "crawler:create", Resource("crawler", settings.name))
        return self.crawlers.create(settings)

    def delete(self, name: str, *, by: Principal) -> None:
        self.access.authorize(by, "crawler:delete", Resource("crawler", name))
        self.crawlers.delete(name)

    def start(self, name: str, mode: str, *, by: Principal) -> CrawlRun:
        """Queue a crawl now (one at a time per crawler); a worker of any process runs it."""
        self.access.authorize(by, "crawler:run", Resource("crawler", name))
        if mode not in ("full", "events"):
            raise InvalidArgument(f"mode {mode!r}; use full or events")
        self.crawlers.get(name)
        run = self.crawlers.runs.submit(
            KIND, by, {"mode": mode}, subject=name, exclusive=True, max_attempts=MAX_ATTEMPTS
        )
        self.workers.wake(KIND)
        return CrawlRun.of(run)

    def runs(self, name: str, *, by: Principal, limit: int = 20) -> list[CrawlRun]:
        self.access.authorize(by, "crawler:read", Resource("crawler", name))
        return self.crawlers.history(name, limit)

    def run(self, run_id: str, *, by: Principal) -> CrawlRun:
        run = self.crawlers.run_record(run_id)
        self.access.authorize(by, "crawler:read", Resource("crawler", run.crawler))
        return run

    def cancel(self, run_id: str, *, by: Principal) -> CrawlRun:
        """Cancel a crawl from any server: a queued one ends now; a running one stops at its
        next object (it may have updated some tables already: crawling again completes it)."""
        run = self.crawlers.run_record(run_id)
        self.access.authorize(by, "crawler:run", Resource("crawler", run.crawler))
        if run.state not in ("QUEUED", "RUNNING"):
            return run
        cancelled = self.crawlers.runs.request_cancel(run_id, "cancelled before it started")
        if cancelled.state == "RUNNING":
            self.workers.cancel_here(run_id)
        return CrawlRun.of(cancelled)

    def progress(self, run_id: str) -> dict[str, Any] | None:
        """Objects done and total of a crawl running in this process (None elsewhere)."""
        return self.workers.progress(run_id)
