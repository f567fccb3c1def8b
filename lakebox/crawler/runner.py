"""Runs crawls in the background: on request, on their cron schedule, and in event mode.

One crawl per crawler at a time. Progress of running crawls is kept in memory for the API
(and so the CLI's progress bar).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

from lakebox.crawler.service import Crawlers
from lakebox.errors import LakeboxError, ServiceUnavailable

log = logging.getLogger(__name__)

EVENT_POLL_S = 2.0


class CrawlRunner:
    def __init__(self, crawlers: Crawlers) -> None:
        self.crawlers = crawlers
        self._busy: set[str] = set()
        self._progress: dict[int, tuple[int, int]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_due: dict[str, datetime] = {}

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="lakebox-crawl-scheduler")
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self.crawlers.close()

    def progress(self, run_id: int) -> tuple[int, int] | None:
        with self._lock:
            return self._progress.get(run_id)

    def submit(self, name: str, mode: str = "full") -> int:
        """Start a crawl in the background; returns its run id."""
        self.crawlers.get(name)
        with self._lock:
            if name in self._busy:
                raise ServiceUnavailable(f"crawler {name!r} is already running; wait for it")
            self._busy.add(name)
        try:
            run_id = self.crawlers.start_run(name, mode)
        except Exception:
            with self._lock:
                self._busy.discard(name)
            raise
        threading.Thread(
            target=self._execute,
            args=(name, mode, run_id),
            name=f"lakebox-crawl-{name}",
            daemon=True,
        ).start()
        return run_id

    def _execute(self, name: str, mode: str, run_id: int) -> None:
        def progress(done: int, total: int) -> None:
            with self._lock:
                self._progress[run_id] = (done, total)

        try:
            self.crawlers.run(name, mode, progress=progress, run_id=run_id)
        except LakeboxError as exc:
            log.warning("crawl %s of %s failed: %s", run_id, name, exc)
        finally:
            with self._lock:
                self._busy.discard(name)
                self._progress.pop(run_id, None)

    def _loop(self) -> None:
        while not self._stop.wait(EVENT_POLL_S):
            try:
                self._tick()
            except Exception:  # the scheduler must survive a bad crawler definition
                log.exception("crawl scheduler tick failed")

    def _tick(self) -> None:
        from croniter import croniter

        now = datetime.now(UTC)
        latest = self.crawlers.latest_event_id()
        for settings in self.crawlers.all():
            with self._lock:
                if settings.name in self._busy:
                    continue
            if settings.schedule:
                due = self._next_due.get(settings.name)
                if due is None:
                    self._next_due[settings.name] = croniter(settings.schedule, now).get_next(
                        datetime
                    )
                elif now >= due:
                    self._next_due[settings.name] = croniter(settings.schedule, now).get_next(
                        datetime
                    )
                    self.submit(settings.name, "full")
                    continue
            if settings.events and latest > self.crawlers.position(settings.name):
                self.submit(settings.name, "events")
