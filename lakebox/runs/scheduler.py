"""The scheduler: submits cron-scheduled and event-driven runs, once, whatever runs it.

Several `lakebox serve` processes may share one PostgreSQL database; one of them leads
(it holds the session advisory lock ``lakebox-scheduler``; when it dies its connection closes,
the lock is freed, and another process takes over within a tick). On SQLite there is one
process, which always leads.

Leading is for economy, not correctness: a cron firing advances its persisted ``next_fire_at``
by compare-and-swap in the same transaction that submits its run, so a firing is submitted
exactly once even if two processes tried, and a restart neither loses one (it is still due) nor
repeats one (it was advanced with its run).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool

from lakebox.meta.database import Database
from lakebox.meta.times import as_utc
from lakebox.runs.store import _lock_id
from lakebox.runs.tables import schedules

log = logging.getLogger(__name__)

_SCHEDULER_LOCK = _lock_id("lakebox-scheduler")

Tick = Callable[["Scheduler", datetime], None]


class Scheduler:
    def __init__(self, db: Database, tick_s: float = 2.0) -> None:
        self.db = db
        self.tick_s = tick_s
        self._ticks: list[Tick] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock_conn: Connection | None = None
        self._lock_engine: Engine | None = None
        self._postgres = db.engine.dialect.name == "postgresql"

    def on_tick(self, tick: Tick) -> None:
        """Call ``tick(scheduler, now)`` every tick while this process leads."""
        self._ticks.append(tick)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="lakebox-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self._release()

    @property
    def leading(self) -> bool:
        return not self._postgres or self._lock_conn is not None

    def _lead(self) -> bool:
        if not self._postgres:
            return True
        if self._lock_conn is not None:
            try:  # still connected (the lock lives as long as the session)
                self._lock_conn.execute(select(1))
                return True
            except Exception:
                self._release()
        # A connection of its own, outside the pool (a pooled one would go back to the pool
        # still holding the lock) and in autocommit (no transaction left idle open).
        if self._lock_engine is None:
            self._lock_engine = create_engine(
                self.db.engine.url, poolclass=NullPool, isolation_level="AUTOCOMMIT"
            )
        conn = self._lock_engine.connect()
        if conn.scalar(select(func.pg_try_advisory_lock(_SCHEDULER_LOCK))):
            self._lock_conn = conn
            log.info("this process now runs the scheduler")
            return True
        conn.close()
        return False

    def _release(self) -> None:
        if self._lock_conn is not None:
            try:
                self._lock_conn.execute(select(func.pg_advisory_unlock(_SCHEDULER_LOCK)))
            except Exception:  # a lost connection has freed the lock already
                log.debug("unlocking the scheduler lock", exc_info=True)
            try:
                self._lock_conn.close()
            except Exception:
                log.debug("closing the scheduler's lock connection", exc_info=True)
            self._lock_conn = None
        if self._lock_engine is not None:
            self._lock_engine.dispose()
            self._lock_engine = None

    def _loop(self) -> None:
        while not self._stop.wait(self.tick_s):
            try:
                if not self._lead():
                    continue
                now = datetime.now(UTC)
                for tick in self._ticks:
                    tick(self, now)
            except Exception:  # the scheduler must survive a bad definition or a lost database
                log.exception("scheduler tick failed")

    def tick_now(self) -> None:
        """One tick, now (tests; `lakebox serve` ticks on its own)."""
        if self._lead():
            now = datetime.now(UTC)
            for tick in self._ticks:
                tick(self, now)

    # -- cron ------------------------------------------------------------------------------

    def fire_if_due(
        self,
        kind: str,
        name: str,
        cron: str,
        now: datetime,
        submit: Callable[[Connection], Any],
    ) -> bool:
        """If ``name``'s cron firing is due, advance it to the next one and call ``submit``
        with the same transaction (so both commit, or neither). The first time a schedule is
        seen (or its cron changed), it is only set up: the first firing is the next one."""
        from croniter import croniter

        def following(after: datetime) -> datetime:
            return as_utc(croniter(cron, after).get_next(datetime))

        key = (schedules.c.kind == kind) & (schedules.c.name == name)
        with self.db.begin() as conn:
            row = conn.execute(select(schedules).where(key)).first()
            if row is None or row.cron != cron:
                values = {"cron": cron, "next_fire_at": following(now)}
                if row is None:
                    try:
                        with conn.begin_nested():
                            conn.execute(insert(schedules).values(kind=kind, name=name, **values))
                    except IntegrityError:  # another process set it up meanwhile
                        pass
                else:
                    conn.execute(update(schedules).where(key).values(**values))
                return False
            due = as_utc(row.next_fire_at)
            if now < due:
                return False
            advanced = conn.execute(
                update(schedules)
                .where(key, schedules.c.next_fire_at == row.next_fire_at)
                .values(next_fire_at=following(now))
            ).rowcount
            if advanced != 1:  # another scheduler fired it
                return False
            submit(conn)
            return True

    def forget(self, kind: str, name: str) -> None:
        from sqlalchemy import delete

        with self.db.begin() as conn:
            conn.execute(
                delete(schedules).where((schedules.c.kind == kind) & (schedules.c.name == name))
            )
