"""Delivery: each sealed log segment becomes objects in the lake, then the segment is removed.

Object keys are derived from the segment (its id, the oldest arrival time per object), so
delivering a segment again after a crash rewrites the very same objects: no record is ever
delivered twice, and a segment is removed only after all of its objects are written.
Failures (the store is down) are retried with backoff; the data stays in the log meanwhile.
"""

from __future__ import annotations

import base64
import gzip
import heapq
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import orjson

from lakebox.ingest.partitioning import PartitionKeyQuery, RecordError
from lakebox.ingest.prefix import error_prefix, unsafe_key_reason
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.wal import Batch, Segment
from lakebox.storage.lake import Lake

log = logging.getLogger(__name__)

_NAMESPACE = uuid.UUID("6c616b65-626f-7800-8000-000000000001")
_MAX_BACKOFF_S = 30.0


@dataclass(frozen=True)
class StreamTarget:
    """What delivery needs to know about a stream."""

    settings: StreamSettings
    version_id: int


@dataclass
class StreamCounters:
    records_delivered: int = 0
    bytes_delivered: int = 0
    objects_written: int = 0
    records_failed: int = 0
    last_delivery: datetime | None = None
    last_error: str = ""


@dataclass(order=True)
class _Retry:
    due: float
    attempt: int = field(compare=False)
    segment: Segment = field(compare=False)


@dataclass
class _Group:
    oldest_ms: int
    # Whole batches or single records, each already followed by its delimiter if the stream
    # has one: the body is their plain concatenation.
    chunks: list[bytes | memoryview]
    records: int = 0
    # Where the records came from, to send them to the error output if the key is unusable.
    batches: list[Batch] = field(default_factory=list)
    singles: list[tuple[int, memoryview]] = field(default_factory=list)

    @property
    def payloads(self) -> Iterator[tuple[int, bytes]]:
        for batch in self.batches:
            for view in batch.views():
                yield batch.arrival_ms, bytes(view)
        for arrival, view in self.singles:
            yield arrival, bytes(view)


class Delivery:
    def __init__(
        self,
        lake: Lake,
        target_for: Callable[[str], StreamTarget | None],
        orphan_dir: Callable[[], os.PathLike[str]],
    ) -> None:
        self.lake = lake
        self.target_for = target_for
        self.orphan_dir = orphan_dir
        self.counters: dict[str, StreamCounters] = {}
        self._queue: list[_Retry] = []
        self._undelivered: dict[str, int] = {}
        self._cond = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="lakebox-delivery", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the delivery under way, waiting ``timeout`` at most (a store that hangs
        must not hold up shutdown). A segment is removed only once delivered, so one cut short
        stays in the log and is delivered again, to the same object names, at the next start."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning(
                    "delivery still writing after %.0fs; leaving it to the next start", timeout
                )

    def submit(self, segment: Segment) -> None:
        with self._cond:
            self._undelivered[segment.stream] = self._undelivered.get(segment.stream, 0) + 1
            heapq.heappush(self._queue, _Retry(0.0, 0, segment))
            self._cond.notify_all()

    def retry_now(self, stream: str) -> None:
        """Make the stream's waiting retries due now (its stream was deleted, say)."""
        with self._cond:
            for item in self._queue:
                if item.segment.stream == stream:
                    item.due = 0.0
            heapq.heapify(self._queue)
            self._cond.notify_all()

    def undelivered(self, stream: str) -> int:
        with self._cond:
            return self._undelivered.get(stream, 0)

    def wait_delivered(self, stream: str, timeout: float) -> bool:
        """Wait until every sealed segment of ``stream`` is delivered."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._undelivered.get(stream, 0) > 0:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping:
                    now = time.monotonic()
                    if self._queue and self._queue[0].due <= now:
                        break
                    wait = (self._queue[0].due - now) if self._queue else None
                    self._cond.wait(wait)
                if self._stopping:
                    return
                item = heapq.heappop(self._queue)
            try:
                self.deliver(item.segment)
            except Exception as exc:
                backoff = min(_MAX_BACKOFF_S, 0.5 * 2**item.attempt)
                log.warning(
                    "delivery of %s failed (attempt %d), retrying in %.1fs: %s",
                    item.segment.path.name,
                    item.attempt + 1,
                    backoff,
                    exc,
                )
                self._counters(item.segment.stream).last_error = str(exc)
                with self._cond:
                    heapq.heappush(
                        self._queue,
                        _Retry(time.monotonic() + backoff, item.attempt + 1, item.segment),
                    )
                continue
            with self._cond:
                left = self._undelivered.get(item.segment.stream, 1) - 1
                if left:
                    self._undelivered[item.segment.stream] = left
                else:
                    self._undelivered.pop(item.segment.stream, None)
                self._cond.notify_all()

    def _counters(self, stream: str) -> StreamCounters:
        return self.counters.setdefault(stream, StreamCounters())

    def deliver(self, segment: Segment) -> int:
        """Write the segment's objects and remove it; returns the number of objects written."""
        target = self.target_for(segment.stream)
        if target is None:
            # The stream is gone but its data is not: keep it where an operator can find it.
            dest = os.fspath(self.orphan_dir())
            os.makedirs(dest, exist_ok=True)
            os.replace(segment.path, os.path.join(dest, f"{segment.stream}-{segment.path.name}"))
            log.error(
                "stream %r no longer exists; kept its undelivered segment in %s",
                segment.stream,
                dest,
            )
            return 0
        settings = target.settings
        prefix = settings.prefix_template()
        query = (
            PartitionKeyQuery(settings.partition_query, prefix.partition_keys)
            if prefix.partition_keys
            else None
        )
        groups: dict[tuple[str, ...], _Group] = {}
        failed: list[tuple[int, bytes, RecordError]] = []
        for batch in segment.batches():
            if query is None:
                # The common case stays per batch, not per record: only slices, no parsing.
                group = groups.setdefault((), _Group(batch.arrival_ms, []))
                group.oldest_ms = min(group.oldest_ms, batch.arrival_ms)
                group.records += len(batch.lengths)
                group.batches.append(batch)
                if settings.append_delimiter and not batch.delimited:
                    group.chunks.extend(view.tobytes() + b"\n" for view in batch.views())
                elif batch.delimited and not settings.append_delimiter:
                    group.chunks.extend(batch.views())
                else:
                    group.chunks.append(batch.data)
                continue
            for payload in batch.views():
                try:
                    keys = query.keys_for(payload)
                except RecordError as err:
                    failed.append((batch.arrival_ms, bytes(payload), err))
                    continue
                group_key = tuple(keys[k] for k in prefix.partition_keys)
                group = groups.setdefault(group_key, _Group(batch.arrival_ms, []))
                group.oldest_ms = min(group.oldest_ms, batch.arrival_ms)
                group.chunks.append(
                    payload.tobytes() + b"\n" if settings.append_delimiter else payload
                )
                group.records += 1
                group.singles.append((batch.arrival_ms, payload))

        seed = uuid.UUID(segment.segment_id).int
        source = f"ingest:{segment.stream}"
        # Keys first: a group whose key cannot name an object (a 300-character or NUL partition
        # value) goes to the error output, so it never blocks the rest of the segment.
        planned: list[tuple[str, _Group]] = []
        for group_key, group in groups.items():
            when = datetime.fromtimestamp(group.oldest_ms / 1000, UTC)
            keys = dict(zip(prefix.partition_keys, group_key, strict=True))
            key = prefix.render(when, keys=keys, seed=seed) + self._object_name(
                target, segment, when, "/".join(group_key)
            )
            reason = unsafe_key_reason(key)
            if reason is None:
                planned.append((key, group))
                continue
            code = (
                "DynamicPartitioning.InvalidPartitionKey"
                if prefix.partition_keys
                else "S3.InvalidObjectKey"
            )
            key_error = RecordError(code, f"object key {key[:200]!r} cannot be written: {reason}")
            failed.extend((arrival, payload, key_error) for arrival, payload in group.payloads)
        written = records = size = 0
        for key, group in planned:
            info = self.lake.put(key, self._body(settings, group.chunks), source=source)
            written += 1
            records += group.records
            size += info.size
        if failed:
            written += self._deliver_errors(target, segment, failed, seed, source)
        segment.path.unlink()
        # Counted once the segment is done: a retried segment must not count its records twice.
        counters = self._counters(segment.stream)
        counters.records_delivered += records
        counters.bytes_delivered += size
        counters.records_failed += len(failed)
        counters.objects_written += written
        counters.last_delivery = datetime.now(UTC)
        counters.last_error = ""
        return written

    def _deliver_errors(
        self,
        target: StreamTarget,
        segment: Segment,
        failed: list[tuple[int, bytes, RecordError]],
        seed: int,
        source: str,
    ) -> int:
        settings = target.settings
        now_ms = int(time.time() * 1000)
        lines = [
            orjson.dumps(
                {
                    "attemptsMade": 1,
                    "arrivalTimestamp": arrival,
                    "errorCode": err.code,
                    "errorMessage": err.message,
                    "attemptEndingTimestamp": now_ms,
                    "rawData": base64.b64encode(payload).decode(),
                    "deliveryStreamName": settings.name,
                }
            )
            for arrival, payload, err in failed
        ]
        oldest = datetime.fromtimestamp(min(a for a, _, _ in failed) / 1000, UTC)
        name = self._object_name(target, segment, oldest, "errors")
        key = (
            settings.error_prefix_template().render(
                oldest, error_output_type="processing-failed", seed=seed
            )
            + name
        )
        if unsafe_key_reason(key) is not None:
            # Only a stream stored before prefixes were checked gets here: Firehose's default
            # error prefix still keeps its records, where retrying would hold them forever.
            key = error_prefix("").render(oldest, seed=seed) + name
        body = b"\n".join(lines) + b"\n"
        if settings.compression == "GZIP":
            body = gzip.compress(body, mtime=0)
        self.lake.put(key, body, source=source)
        log.warning(
            "stream %r: %d record(s) went to the error output %s (first: %s)",
            settings.name,
            len(failed),
            key,
            failed[0][2].message,
        )
        return 1

    @staticmethod
    def _object_name(target: StreamTarget, segment: Segment, when: datetime, part: str) -> str:
        settings = target.settings
        object_uuid = uuid.uuid5(_NAMESPACE, f"{segment.segment_id}/{part}")
        ext = ".gz" if settings.compression == "GZIP" else ""
        return f"{settings.name}-{target.version_id}-{when:%Y-%m-%d-%H-%M-%S}-{object_uuid}{ext}"

    @staticmethod
    def _body(settings: StreamSettings, chunks: list[bytes | memoryview]) -> bytes:
        # Chunks already carry their delimiters (see WriteAheadLog's DELIMITED batches).
        body = b"".join(chunks)
        if settings.compression == "GZIP":
            # mtime=0: the same records always compress to the same bytes.
            body = gzip.compress(body, mtime=0)
        return body
