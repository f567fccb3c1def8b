"""When crawls start on their own: on their cron schedule, and in event mode as objects arrive.

A tick of the scheduler (``lakebox/runs/scheduler.py``) that submits crawl runs as lakebox
itself. A crawler that is still crawling when it is due is skipped (as Glue skips a crawler
that is running); an event-mode crawler is submitted when the event log's head is past its
position and it has no crawl queued or running.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import Connection

from lakebox.auth.access import SYSTEM
from lakebox.crawler.service import KIND, MAX_ATTEMPTS, Crawlers
from lakebox.runs import RunWorkers
from lakebox.runs.scheduler import Scheduler
from lakebox.runs.store import AlreadyRunning

log = logging.getLogger(__name__)


class CrawlTriggers:
    def __init__(self, crawlers: Crawlers, workers: RunWorkers) -> None:
        self.crawlers = crawlers
        self.workers = workers

    def submit(self, name: str, mode: str, conn: Connection | None = None) -> str | None:
        """Submit a crawl as lakebox; None if the crawler already has one queued or running."""
        try:
            run = self.crawlers.runs.submit(
                KIND,
                SYSTEM,
                {"mode": mode},
                subject=name,
                exclusive=True,
                max_attempts=MAX_ATTEMPTS,
                conn=conn,
            )
        except AlreadyRunning:
            return None
        if conn is None:
            self.workers.wake(KIND)
        return run.id

    def __call__(self, scheduler: Scheduler, now: datetime) -> None:
        head = self.crawlers.latest_event_id()
        for settings in self.crawlers.all():
            name = settings.name
            if settings.schedule:

                def fire(conn: Connection, name: str = name) -> None:
                    if self.submit(name, "full", conn) is None:
                        log.info("crawler %s is due but still crawling: skipped", name)

                if scheduler.fire_if_due(KIND, name, settings.schedule, now, fire):
                    self.workers.wake(KIND)
                    continue
            if settings.events and head > self.crawlers.position(name):
                self.submit(name, "events")
