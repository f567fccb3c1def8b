"""ObjectCreated events: a gap-free log in the metadata database that consumers follow.

Every event has a position (its id). Positions become visible in increasing order: a reader
that has seen position ``p`` will never later find an event at or below ``p`` committing. So a
consumer needs to remember one number, the position of the last event it processed, and reads
on with :meth:`ObjectEvents.read` from there: it never misses an event that commits late and
never sees one twice past that position.

Why positions commit in order:

- SQLite has one writer at a time: the writer takes an id under the database's write lock and
  holds the lock until it commits, so ids commit in id order.
- PostgreSQL runs writers concurrently, and a sequence hands out ids when rows are inserted, not
  when they commit: a transaction that takes id 5 and commits after the one that took id 6
  would be skipped by a reader that already moved past 6. Every transaction that records events
  therefore takes one transaction-scoped advisory lock (the *sequencer*) just before its insert
  and keeps it until it commits, so ids are handed out in commit order. Event transactions are
  short (the insert is their last statement), so writers wait for each other only briefly.

``as_s3_record`` gives the S3 event-notification shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from lakebox.meta.database import Database
from lakebox.meta.times import as_utc
from lakebox.storage.base import ObjectInfo
from lakebox.storage.tables import object_events

# The sequencer's advisory lock key on PostgreSQL: "lakeboxe" in ASCII, a key no one else
# picks by chance.
SEQUENCER_LOCK = 0x6C616B65626F7865
_TAKE_SEQUENCER = text("SELECT pg_advisory_xact_lock(:key)").bindparams(key=SEQUENCER_LOCK)
_HEAD = select(func.coalesce(func.max(object_events.c.id), 0))


@dataclass(frozen=True)
class ObjectEvent:
    id: int  # the event's position in the log
    event_name: str
    bucket: str
    key: str
    size: int
    etag: str
    event_time: datetime
    source: str

    def as_s3_record(self, region: str = "us-east-1") -> dict[str, Any]:
        """The record as S3 event notifications shape it (event version 2.1)."""
        return {
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": region,
            "eventTime": self.event_time.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
            + "Z",
            "eventName": self.event_name,
            "s3": {
                "s3SchemaVersion": "1.0",
                "bucket": {"name": self.bucket, "arn": f"arn:aws:s3:::{self.bucket}"},
                "object": {
                    "key": self.key,
                    "size": self.size,
                    "eTag": self.etag,
                    "sequencer": f"{self.id:016X}",
                },
            },
        }


@dataclass(frozen=True)
class EventPage:
    """Events after a position, oldest first, and the position to read on from."""

    events: list[ObjectEvent]
    position: int  # store this once the events are processed; pass it to the next read


class ObjectEvents:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing ------------------------------------------------------------------------------

    def record(
        self,
        conn: Connection,
        bucket: str,
        infos: Sequence[ObjectInfo],
        source: str = "",
        when: datetime | None = None,
    ) -> None:
        """Record ObjectCreated events inside the caller's transaction, as its last step: on
        PostgreSQL the sequencer is held from here until that transaction ends."""
        if not infos:
            return
        now = when or datetime.now(UTC)
        if conn.dialect.name == "postgresql":
            conn.execute(_TAKE_SEQUENCER)
        conn.execute(insert(object_events), [_created(bucket, info, source, now) for info in infos])

    def record_created(self, bucket: str, info: ObjectInfo, source: str = "") -> int:
        """One event in a transaction of its own; returns its position."""
        with self.db.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(_TAKE_SEQUENCER)
            result = conn.execute(
                insert(object_events).values(_created(bucket, info, source, datetime.now(UTC)))
            )
            pk = result.inserted_primary_key
            assert pk is not None
            return int(pk[0])

    def record_created_many(self, bucket: str, infos: list[ObjectInfo], source: str = "") -> None:
        """Several ObjectCreated events in one transaction."""
        with self.db.begin() as conn:
            self.record(conn, bucket, infos, source)

    # -- reading ------------------------------------------------------------------------------

    def read(self, after: int = 0, limit: int = 1000) -> EventPage:
        """Events after position ``after``, oldest first, at most ``limit``. Every event that
        will ever be recorded after ``after`` is either in this page, or comes after its
        ``position``."""
        with self.db.begin() as conn:
            rows = conn.execute(
                select(object_events)
                .where(object_events.c.id > after)
                .order_by(object_events.c.id)
                .limit(limit)
            ).all()
        events = [
            ObjectEvent(
                id=r.id,
                event_name=r.event_name,
                bucket=r.bucket,
                key=r.key,
                size=r.size,
                etag=r.etag,
                event_time=as_utc(r.event_time),
                source=r.source,
            )
            for r in rows
        ]
        return EventPage(events, events[-1].id if events else after)

    def since(self, after_id: int = 0, limit: int = 1000) -> list[ObjectEvent]:
        """The events of :meth:`read`, without the position."""
        return self.read(after_id, limit).events

    def head(self) -> int:
        """The position of the newest committed event: safe to store as a starting position
        (reading after it gives every event that commits from now on, none from before)."""
        with self.db.begin() as conn:
            return int(conn.scalar(_HEAD) or 0)


def _created(bucket: str, info: ObjectInfo, source: str, when: datetime) -> dict[str, Any]:
    """The row of an ObjectCreated event for ``info``."""
    return {
        "event_name": "ObjectCreated:Put",
        "bucket": bucket,
        "key": info.key,
        "size": info.size,
        "etag": info.etag,
        "event_time": when,
        "source": source,
    }
