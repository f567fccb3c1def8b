"""One running lakebox: settings opened into services (storage, metadata, auth, ingest)."""

from __future__ import annotations

import fcntl
import os
import sys
from typing import IO

from lakebox.auth.access import Access
from lakebox.auth.admin import ensure_admin_credential
from lakebox.auth.keys import AccessKeys, load_or_create_cipher
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.maintenance import CuratedMaintenance
from lakebox.catalog.operations import CatalogOperations
from lakebox.catalog.service import Catalog
from lakebox.config import Settings
from lakebox.crawler.operations import CrawlerOperations
from lakebox.crawler.service import KIND as CRAWL
from lakebox.crawler.service import Crawlers
from lakebox.crawler.triggers import CrawlTriggers
from lakebox.errors import ConfigError
from lakebox.ingest.service import IngestService
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.query.saved import SavedQueries
from lakebox.query.service import QueryService
from lakebox.runs import RunKind, Runs, RunWorkers
from lakebox.runs.scheduler import Scheduler
from lakebox.storage import Lake, ObjectEvents, open_store


def quick_thread_handoffs() -> None:
    """The log writer and delivery threads hand the GIL back and forth with the event loop on
    every write and fsync, and query workers with whoever waits for them; the default 5 ms
    switch interval stalls each handoff."""
    sys.setswitchinterval(0.0005)


class Lakebox:
    """Owns every service; HTTP routes and CLI commands reach services through it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.home.mkdir(parents=True, exist_ok=True)
        self.db = Database(settings.database_url)
        self.store = open_store(settings.storage, settings)
        self.events = ObjectEvents(self.db)
        self.lake = Lake(self.store, self.events)
        # The one authorizer: every service that acts for a principal asks it.
        self.access = Access()
        self.keys = AccessKeys(
            self.db, load_or_create_cipher(settings.secret_key_file), self.access
        )
        self.ingest = IngestService(self.db, self.lake, settings.wal_dir, self.access)
        self.catalog = Catalog(self.db)
        self.iceberg = IcebergTables(self.db, self.catalog, self.store)
        self.tables = CatalogOperations(self.catalog, self.iceberg, self.access)
        # The run layer: queries and crawls (jobs next) as runs any server of the database may
        # take; the scheduler submits cron and event-driven ones.
        self.runs = Runs(self.db)
        self.workers = RunWorkers(self.runs, str(settings.home), lease_s=settings.run_lease_s)
        self.scheduler = Scheduler(self.db)
        self.crawlers = Crawlers(self.db, self.catalog, self.store, self.events)
        self.workers.register(
            RunKind(
                CRAWL,
                self.crawlers.execute,
                threads=settings.crawl_concurrency,
                timeout_s=settings.crawl_timeout_s,
                timeout_message=lambda s: f"the crawl ran longer than the {s:.0f} s limit",
            )
        )
        self.scheduler.on_tick(CrawlTriggers(self.crawlers, self.workers))
        self.scheduler.on_tick(CuratedMaintenance(self.iceberg))
        self.crawler_ops = CrawlerOperations(self.crawlers, self.workers, self.access)
        self.saved_queries = SavedQueries(self.db, self.access)
        self.queries = QueryService(
            self.runs,
            self.workers,
            QueryEngine(
                self.catalog,
                self.iceberg,
                self.store,
                self.access,
                spill_dir=settings.home / "spill",
                memory_limit=settings.query_memory_limit,
                bytes_scanned_cutoff=settings.query_bytes_scanned_cutoff,
                result_max_bytes=settings.query_result_max_bytes,
                processes=settings.query_concurrency,
            ),
            self.lake,
            self.access,
            self.keys.principal,
            max_concurrent=settings.query_concurrency,
            timeout_s=settings.query_timeout_s,
            limit_per_key=settings.query_limit_per_key,
        )
        self._lock_file: IO[str] | None = None

    def start(self) -> None:
        """Migrate the metadata database, write the admin credential, recover and start ingest."""
        quick_thread_handoffs()
        self._take_home_lock()
        self.db.migrate()
        ensure_admin_credential(self.settings.admin_credential_file, self.keys)
        self.ingest.start()
        self.workers.start()  # recovers what this home's previous process left running
        self.scheduler.start()

    def stop(self) -> None:
        self.scheduler.stop()
        self.workers.stop()
        self.queries.stop()
        self.crawlers.close()
        self.ingest.stop()
        self.db.dispose()
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def _take_home_lock(self) -> None:
        # The write-ahead log belongs to one server: a second one on the same home would
        # deliver the same segments twice.
        path = self.settings.home / "server.lock"
        fh = open(path, "a+")  # noqa: SIM115 (held open while the server runs)
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise ConfigError(
                f"another lakebox server is running on home {self.settings.home}"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._lock_file = fh
