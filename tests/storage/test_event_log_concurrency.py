"""The event log under concurrent writers, on SQLite and on the real PostgreSQL server: a
follower sees every event exactly once, also one whose transaction took its position first
and committed after a later one."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from datetime import UTC, datetime

from lakebox.meta.database import Database
from lakebox.storage.base import ObjectInfo
from lakebox.storage.events import ObjectEvents


def info(key: str) -> ObjectInfo:
    return ObjectInfo(key, 1, "etag", datetime.now(UTC))


def follow(events: ObjectEvents, position: int) -> tuple[list[str], int]:
    """Read on from ``position`` until nothing more is visible, as a consumer does."""
    keys: list[str] = []
    while True:
        page = events.read(position, limit=7)
        if not page.events:
            return keys, position
        assert [e.id for e in page.events] == sorted(e.id for e in page.events)
        assert page.events[0].id > position
        keys += [e.key for e in page.events]
        position = page.position


def test_an_event_committing_late_is_read_once_and_never_skipped(db: Database) -> None:
    events = ObjectEvents(db)
    events.record_created("lake", info("before"))
    reader_keys, reader_at = follow(events, 0)
    assert reader_keys == ["before"]

    inserted, release = threading.Event(), threading.Event()

    def late_writer() -> None:
        # Takes its position first, then stays open, as a long transaction would.
        with db.begin() as conn:
            events.record(conn, "lake", [info("late-1"), info("late-2")], "test")
            inserted.set()
            assert release.wait(30)

    late = threading.Thread(target=late_writer)
    late.start()
    assert inserted.wait(10)
    later = threading.Thread(target=lambda: events.record_created("lake", info("later")))
    later.start()
    # With positions in insertion order only, "later" commits here, before "late" does.
    later.join(timeout=1.0)
    seen, reader_at = follow(events, reader_at)
    reader_keys += seen
    # A consumer that starts now (a new crawler) stores the head as its starting position.
    starter_at = events.head()
    release.set()
    late.join(10)
    later.join(10)
    assert not late.is_alive() and not later.is_alive()
    seen, reader_at = follow(events, reader_at)
    reader_keys += seen
    starter_keys, _ = follow(events, starter_at)

    assert sorted(reader_keys) == ["before", "late-1", "late-2", "later"]
    assert len(reader_keys) == len(set(reader_keys))
    # Both writers committed after the starting position was taken: both are ahead of it.
    assert sorted(starter_keys) == ["late-1", "late-2", "later"]
    assert follow(events, reader_at) == ([], reader_at)


def test_followers_see_every_event_once_under_concurrent_writers(db: Database) -> None:
    events = ObjectEvents(db)
    writers, transactions = 4, 25
    done = threading.Event()
    errors: list[BaseException] = []

    def write(w: int) -> None:
        rng = random.Random(w)
        try:
            for t in range(transactions):
                with db.begin() as conn:
                    keys = [f"w{w}/t{t}/o{o}" for o in range(rng.randint(1, 3))]
                    events.record(conn, "lake", [info(k) for k in keys], f"writer-{w}")
                    # Commit a little later, so that transactions overlap and finish out of order.
                    time.sleep(rng.random() / 500)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    seen: list[str] = []

    def read() -> None:
        position = 0
        while not done.is_set():
            keys, position = follow(events, position)
            seen.extend(keys)
        keys, position = follow(events, position)  # what committed last
        seen.extend(keys)

    reader = threading.Thread(target=read)
    reader.start()
    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    done.set()
    reader.join(30)
    assert not errors
    written, _ = follow(events, 0)
    assert len(written) == len(set(written)) > writers * transactions
    repeated = [k for k, n in Counter(seen).items() if n > 1]
    assert repeated == []
    assert sorted(seen) == sorted(written), f"missed: {sorted(set(written) - set(seen))}"
