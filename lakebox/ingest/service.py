"""The ingest service: streams, durable puts, buffering and delivery, in one place.

HTTP routes and the CLI call this; it never knows about HTTP.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from lakebox.auth.access import Access, Principal, Resource
from lakebox.errors import InvalidArgument, LimitExceeded, NotFound, ServiceUnavailable
from lakebox.ingest.delivery import Delivery, StreamCounters, StreamTarget
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.streams import DeliveryStream, DeliveryStreams
from lakebox.ingest.wal import Ack, BufferHints, WriteAheadLog
from lakebox.meta.database import Database
from lakebox.storage.lake import Lake

log = logging.getLogger(__name__)

# Firehose's limits (PutRecord / PutRecordBatch API reference).
MAX_RECORD_BYTES = 1_000 * 1024
MAX_BATCH_RECORDS = 500
MAX_BATCH_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class RecordResult:
    """A record rejected before it reached the log: an error code and a message naming why."""

    error_code: str
    error_message: str


class IngestService:
    def __init__(self, db: Database, lake: Lake, wal_dir: Path, access: Access) -> None:
        self.access = access
        self.streams = DeliveryStreams(db)
        self._cache: dict[str, DeliveryStream] = {}
        self._cache_lock = threading.Lock()
        self.delivery = Delivery(lake, self._target, lambda: wal_dir.parent / "wal-orphans")
        self.wal = WriteAheadLog(wal_dir, self.delivery.submit, self._hints)
        self._timer_stop = threading.Event()
        self._timer: threading.Thread | None = None
        self._started = False

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Recover the log (every acknowledged record of an earlier run is delivered), start."""
        for stream in self.streams.all():
            self._cache[stream.name] = stream
        recovered = self.wal.recover()
        for segment in recovered:
            self.delivery.submit(segment)
        if recovered:
            log.info("recovered %d undelivered log segment(s)", len(recovered))
        self.delivery.start()
        self.wal.start()
        self._timer = threading.Thread(target=self._interval_timer, name="lakebox-buffer-timer")
        self._timer.daemon = True
        self._timer.start()
        self._started = True

    def stop(self, drain_timeout: float = 5.0) -> None:
        """Deliver what is buffered, for at most ``drain_timeout`` seconds in all, then stop.

        Whatever is not delivered by then stays in the log and is delivered at the next start:
        a stream that cannot deliver (the store is down) never holds up a shutdown.
        """
        if not self._started:
            return
        deadline = time.monotonic() + drain_timeout
        self._timer_stop.set()
        seals = []
        for name in list(self._cache):
            try:
                seals.append(self.wal.seal(name))
            except ServiceUnavailable:
                break
        for seal in seals:
            try:
                seal.result(timeout=max(0.0, deadline - time.monotonic()))
            except Exception:  # stopping anyway: the log keeps the records for the next start
                log.exception("could not seal a stream's log segment on shutdown")
        for name in list(self._cache):
            if not self.delivery.wait_delivered(name, max(0.0, deadline - time.monotonic())):
                log.warning(
                    "stream %r: undelivered at shutdown; its log segments are delivered at the "
                    "next start",
                    name,
                )
        self.wal.stop()
        # A delivery under way gets what is left of the budget (at least a second to finish).
        self.delivery.stop(timeout=max(1.0, deadline - time.monotonic()))
        self._started = False

    def _interval_timer(self) -> None:
        while not self._timer_stop.wait(0.1):
            now = time.monotonic()
            for stream, first_arrival, _size in self.wal.open_streams():
                hints = self._hints(stream)
                if first_arrival and now - first_arrival >= hints.interval_s:
                    try:
                        self.wal.seal(stream)
                    except ServiceUnavailable:
                        return

    # -- streams ------------------------------------------------------------------------------

    def create_stream(self, settings: StreamSettings, *, by: Principal) -> DeliveryStream:
        self.access.authorize(by, "stream:create", Resource("stream", settings.name))
        stream = self.streams.create(settings)
        with self._cache_lock:
            self._cache[stream.name] = stream
        return stream

    def describe_stream(self, name: str, *, by: Principal) -> DeliveryStream:
        self.access.authorize(by, "stream:describe", Resource("stream", name))
        return self.get_stream(name)

    def is_cached(self, name: str) -> bool:
        """Whether the stream is known without asking the metadata database."""
        with self._cache_lock:
            return name in self._cache

    def stream_for_put(self, name: str, *, by: Principal) -> DeliveryStream:
        """The stream ``by`` may put records to (checked before a request's records are parsed)."""
        self.access.authorize(by, "stream:put", Resource("stream", name))
        return self.get_stream(name)

    def get_stream(self, name: str) -> DeliveryStream:
        """The stream, for lakebox's own use (no authorization: see describe_stream)."""
        with self._cache_lock:
            hit = self._cache.get(name)
        if hit is not None:
            return hit
        stream = self.streams.get(name)  # raises NotFound with the known names
        with self._cache_lock:
            self._cache[name] = stream
        return stream

    def list_streams(self, *, by: Principal) -> list[DeliveryStream]:
        self.access.authorize(by, "stream:describe", Resource("stream"))
        return self.streams.all()

    def delete_stream(self, name: str, *, by: Principal, timeout: float = 10.0) -> None:
        """Deliver the stream's buffered records (for up to ``timeout``), then delete it.

        Deletion always succeeds: a segment still undelivered then is moved to
        ``wal-orphans/`` by delivery once it finds the stream gone, never dropped.
        """
        self.access.authorize(by, "stream:delete", Resource("stream", name))
        self.get_stream(name)
        try:
            self._flush(name, timeout)
        except ServiceUnavailable as exc:
            log.warning(
                "deleting stream %r with undelivered records (kept in the log): %s", name, exc
            )
        self.streams.delete(name)
        with self._cache_lock:
            self._cache.pop(name, None)
        self.delivery.retry_now(name)  # its pending segments go to wal-orphans without waiting

    def counters(self, name: str) -> StreamCounters:
        return self.delivery.counters.get(name) or StreamCounters()

    def _target(self, name: str) -> StreamTarget | None:
        try:
            stream = self.get_stream(name)
        except NotFound:
            return None
        return StreamTarget(stream.settings, stream.version_id)

    def _hints(self, name: str) -> BufferHints:
        with self._cache_lock:
            stream = self._cache.get(name)
        if stream is None:  # deleted meanwhile: deliver what is there right away
            return BufferHints(0, 0)
        return BufferHints(stream.settings.buffer_size_bytes, stream.settings.buffer_interval_s)

    # -- records ------------------------------------------------------------------------------

    @staticmethod
    def check_batch(count: int, total_bytes: int) -> None:
        """Batch-level limits; a violation refuses the whole request (as Firehose does)."""
        if count == 0:
            raise InvalidArgument("a batch needs at least one record")
        if count > MAX_BATCH_RECORDS:
            raise LimitExceeded(f"a batch holds at most {MAX_BATCH_RECORDS} records, got {count}")
        if total_bytes > MAX_BATCH_BYTES:
            raise LimitExceeded(
                f"a batch holds at most {MAX_BATCH_BYTES} bytes (4 MiB), got {total_bytes}"
            )

    def put_records(
        self, name: str, records: Sequence[bytes | RecordResult], *, by: Principal
    ) -> Future[Ack]:
        """Append the good records to the log; the future resolves once they are durable.

        Entries that are already a :class:`RecordResult` (rejected by the caller's parsing)
        are skipped here; :func:`record_responses` puts them back in their places.
        """
        stream = self.stream_for_put(name, by=by)
        # map/len/max run in C: no per-record Python on the common path.
        if all(map(bytes.__instancecheck__, records)):
            good: list[bytes] = list(records)  # type: ignore[arg-type]
        else:
            good = [r for r in records if isinstance(r, bytes)]
        if good and max(map(len, good)) > MAX_RECORD_BYTES:
            i, r = next((i, r) for i, r in enumerate(good) if len(r) > MAX_RECORD_BYTES)
            raise LimitExceeded(
                f"record {i} is {len(r)} bytes; the limit is {MAX_RECORD_BYTES} (1,000 KiB)"
            )
        if not good:
            done: Future[Ack] = Future()
            done.set_result(Ack("", 0, 0))
            return done
        return self.wal.append(name, good, delimited=stream.settings.append_delimiter)

    def flush(self, name: str, *, by: Principal, timeout: float = 60.0) -> None:
        """Deliver the stream's buffered records now and wait until they are in the lake."""
        self.access.authorize(by, "stream:flush", Resource("stream", name))
        self._flush(name, timeout)

    def _flush(self, name: str, timeout: float) -> None:
        self.get_stream(name)
        self.wal.seal(name).result(timeout=timeout)
        if not self.delivery.wait_delivered(name, timeout):
            counters = self.counters(name)
            raise ServiceUnavailable(
                f"stream {name!r}: delivery did not finish within {timeout:.0f}s "
                f"(last error: {counters.last_error or 'none'}); the records stay in the log"
            )


def split_oversize(records: Sequence[bytes | RecordResult]) -> list[bytes | RecordResult]:
    """Mark records over the size limit as failed, keeping the others."""
    all_bytes = all(map(bytes.__instancecheck__, records))
    if all_bytes and max(map(len, records), default=0) <= MAX_RECORD_BYTES:  # type: ignore[arg-type]
        return list(records)
    return [
        RecordResult(
            error_code="InvalidArgumentException",
            error_message=(
                f"record {i} is {len(r)} bytes; the limit is {MAX_RECORD_BYTES} bytes (1,000 KiB)"
            ),
        )
        if isinstance(r, bytes) and len(r) > MAX_RECORD_BYTES
        else r
        for i, r in enumerate(records)
    ]


def record_outcomes(entries: Sequence[bytes | RecordResult], ack: Ack) -> list[str | RecordResult]:
    """Per-record outcomes in request order: the id of each stored record, or its rejection."""
    if ack.count == len(entries):
        return list(ack.record_ids())
    ids = iter(ack.record_ids())
    return [next(ids) if isinstance(e, bytes) else e for e in entries]
