"""The scheduler's leader on PostgreSQL: one process leads; when it goes, another takes over."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from lakebox.meta.database import Database
from lakebox.runs.scheduler import Scheduler

pytestmark = pytest.mark.postgres


def test_one_leader_at_a_time_and_a_successor(postgres_url: str) -> None:
    db_a, db_b = Database(postgres_url), Database(postgres_url)
    db_a.migrate()
    ticks: list[str] = []
    a, b = Scheduler(db_a), Scheduler(db_b)
    a.on_tick(lambda _s, _now: ticks.append("a"))
    b.on_tick(lambda _s, _now: ticks.append("b"))
    try:
        for _ in range(3):
            a.tick_now()
            b.tick_now()
        assert ticks == ["a", "a", "a"] and a.leading and not b.leading
        # the leader's pool is untouched by the lock (its own connection), and stopping frees it
        assert db_a.engine.pool.checkedout() == 0
        a.stop()
        b.tick_now()
        assert ticks[-1] == "b" and b.leading
    finally:
        a.stop()
        b.stop()
        db_a.dispose()
        db_b.dispose()


def test_sqlite_always_leads(tmp_path: object) -> None:
    from pathlib import Path

    db = Database(f"sqlite:///{Path(str(tmp_path)) / 'm.db'}")
    db.migrate()
    fired: list[datetime] = []
    s = Scheduler(db)
    s.on_tick(lambda _s, now: fired.append(now))
    s.tick_now()
    assert s.leading and fired and fired[0].tzinfo is UTC
    db.dispose()
