"""The lake: an object store whose every write through lakebox records an ObjectCreated event."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import Connection

from lakebox.storage.base import ObjectInfo, ObjectStore
from lakebox.storage.events import ObjectEvents


class Lake:
    def __init__(self, store: ObjectStore, events: ObjectEvents) -> None:
        self.store = store
        self.events = events

    @property
    def bucket(self) -> str:
        return self.store.bucket

    def put_all(
        self,
        objects: list[tuple[str, bytes]],
        *,
        source: str = "",
        durable: bool = True,
        record_with: Callable[[Callable[[Connection], None]], None] | None = None,
    ) -> list[ObjectInfo]:
        """Write several objects, then record their events together (one transaction).
        ``record_with`` takes the recording step to run in a transaction of the caller's
        (a run records its result files' events with its end) instead of one of its own."""
        infos = [self.store.put(key, data, durable=durable) for key, data in objects]
        bucket = self.store.bucket
        if record_with is not None:
            record_with(lambda conn: self.events.record(conn, bucket, infos, source))
        else:
            self.events.record_created_many(bucket, infos, source)
        return infos

    def put(self, key: str, data: bytes, *, source: str = "", durable: bool = True) -> ObjectInfo:
        info = self.store.put(key, data, durable=durable)
        self.events.record_created(self.store.bucket, info, source)
        return info

    def get(self, key: str) -> bytes:
        return self.store.get(key)

    def head(self, key: str) -> ObjectInfo:
        return self.store.head(key)

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        return self.store.list(prefix)

    def delete(self, key: str) -> None:
        self.store.delete(key)
