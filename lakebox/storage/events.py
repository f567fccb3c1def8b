"""ObjectCreated events, recorded durably in the metadata database for later subscribers.

The crawler (event mode) and jobs read them in id order from a position they remember, so an
event recorded here is never missed. ``as_s3_record`` gives the S3 event-notification shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select

from lakebox.meta.database import Database
from lakebox.meta.times import as_utc
from lakebox.storage.base import ObjectInfo
from lakebox.storage.tables import object_events


@dataclass(frozen=True)
class ObjectEvent:
    id: int
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


class ObjectEvents:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record_created(self, bucket: str, info: ObjectInfo, source: str = "") -> int:
        with self.db.begin() as conn:
            result = conn.execute(
                insert(object_events).values(_created(bucket, info, source, datetime.now(UTC)))
            )
            pk = result.inserted_primary_key
            assert pk is not None
            return int(pk[0])

    def record_created_many(self, bucket: str, infos: list[ObjectInfo], source: str = "") -> None:
        """Several ObjectCreated events in one transaction."""
        now = datetime.now(UTC)
        with self.db.begin() as conn:
            conn.execute(
                insert(object_events), [_created(bucket, info, source, now) for info in infos]
            )

    def since(self, after_id: int = 0, limit: int = 1000) -> list[ObjectEvent]:
        """Events with id greater than ``after_id``, oldest first."""
        with self.db.begin() as conn:
            rows = conn.execute(
                select(object_events)
                .where(object_events.c.id > after_id)
                .order_by(object_events.c.id)
                .limit(limit)
            ).all()
        return [
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
