"""The write-ahead log: records are acknowledged only once they are here and fsync'd.

One folder per stream under the log directory holds segment files. The open segment
(``*.open``) takes appends; when the stream's buffering hints are met it is sealed
(``*.sealed``) and handed to delivery, which removes it once its objects are written. So a
segment is exactly one delivery batch, and a crash at any point leaves every acknowledged
record in a segment that recovery seals and delivers again.

One writer thread does all file work. Appends from concurrent requests queue up while it is
busy and are written and fsync'd together (group commit), so the fsync cost is shared.

One frame per append (a request's batch), so per-record work stays in C: ``<u32 body length>
<u32 crc32><i64 arrival ms><u32 count><u32 flags>`` then ``count`` u32 record lengths, then
the records back to back. With flag ``DELIMITED`` each record is followed by a newline (for
streams with Firehose's AppendDelimiterToRecord), so delivery can copy whole batches. The CRC
covers everything after itself. A torn tail (a crash mid-write, never
acknowledged) is cut off on recovery.
"""

from __future__ import annotations

import logging
import os
import struct
import threading
import time
import uuid
import zlib
from array import array
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from lakebox.errors import InvalidArgument, ServiceUnavailable
from lakebox.ingest.settings import check_name
from lakebox.storage.local import fsync_dir

log = logging.getLogger(__name__)

_HEADER = struct.Struct("<IIqII")
DELIMITED = 1
_CRC_FROM = 8  # the CRC covers the header from the arrival time on, then the body
assert array("I").itemsize == 4, "record lengths are stored as 4-byte unsigned integers"


@dataclass(frozen=True)
class Ack:
    """Where an append landed; record ids are derived from it, not built in the writer."""

    segment_id: str
    first: int
    count: int

    def record_ids(self) -> list[str]:
        prefix = self.segment_id + "%08x"
        return [prefix % n for n in range(self.first, self.first + self.count)]


@dataclass(frozen=True)
class Segment:
    """A sealed segment: one delivery batch of one stream."""

    stream: str
    path: Path
    seq: int
    segment_id: str  # unique across restarts: names the objects delivered from it
    recovered: bool = False

    def batches(self) -> Iterator[Batch]:
        """Every intact appended batch, in order."""
        for _end, batch in iter_frames(self.path.read_bytes()):
            yield batch

    def records(self) -> Iterator[tuple[int, bytes]]:
        """(arrival ms, payload) of every record."""
        for batch in self.batches():
            for payload in batch.payloads():
                yield batch.arrival_ms, payload


@dataclass(frozen=True)
class Batch:
    arrival_ms: int
    lengths: array[int]
    data: memoryview
    delimited: bool  # every record in ``data`` is followed by a newline

    def views(self) -> Iterator[memoryview]:
        """Each record (without a delimiter) as a view into the batch: no copy."""
        pos, data, step = 0, self.data, int(self.delimited)
        for n in self.lengths:
            yield data[pos : pos + n]
            pos += n + step

    def payloads(self) -> Iterator[bytes]:
        for view in self.views():
            yield bytes(view)


def iter_frames(data: bytes) -> Iterator[tuple[int, Batch]]:
    """(end offset, batch) of each intact frame, stopping at the first torn or corrupt one."""
    view = memoryview(data)
    pos, end = 0, len(data)
    while pos + _HEADER.size <= end:
        body_len, crc, arrival, count, flags = _HEADER.unpack_from(data, pos)
        body_start = pos + _HEADER.size
        body_end = body_start + body_len
        if body_end > end or zlib.crc32(view[pos + _CRC_FROM : body_end]) != crc:
            return
        lengths = array("I")
        lengths.frombytes(view[body_start : body_start + 4 * count])
        records = view[body_start + 4 * count : body_end]
        yield body_end, Batch(arrival, lengths, records, bool(flags & DELIMITED))
        pos = body_end


def valid_length(data: bytes) -> int:
    """Bytes of ``data`` up to the end of its last intact frame."""
    last = 0
    for end, _batch in iter_frames(data):
        last = end
    return last


@dataclass
class _OpenSegment:
    stream: str
    seq: int
    segment_id: str
    path: Path
    fd: int
    data_bytes: int = 0
    records: int = 0
    first_arrival: float = 0.0  # monotonic time of the first record, for the interval hint


@dataclass
class _Append:
    stream: str
    frame: list[bytes]  # built by the caller: the writer thread only writes and syncs
    count: int
    data_bytes: int
    future: Future[Ack]


@dataclass
class _Seal:
    stream: str
    future: Future[None]


@dataclass
class BufferHints:
    size_bytes: int
    interval_s: float


class WriteAheadLog:
    def __init__(
        self,
        directory: Path,
        on_sealed: Callable[[Segment], None],
        hints: Callable[[str], BufferHints],
    ) -> None:
        self.directory = directory
        self.on_sealed = on_sealed
        self.hints = hints
        self._open: dict[str, _OpenSegment] = {}
        self._next_seq: dict[str, int] = {}
        self._pending: list[_Append | _Seal] = []
        self._cond = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.fsyncs = 0  # observed by tests and benchmarks: group commit shares these

    # -- life cycle -------------------------------------------------------------------------

    def recover(self) -> list[Segment]:
        """Seal every segment left by an earlier run (cutting torn tails); return them in order."""
        self.directory.mkdir(parents=True, exist_ok=True)
        found: list[Segment] = []
        for stream_dir in sorted(p for p in self.directory.iterdir() if p.is_dir()):
            stream = stream_dir.name
            try:
                check_name(stream)
            except InvalidArgument:
                log.error("write-ahead log: %s is not a stream's folder; left alone", stream_dir)
                continue
            for path in sorted(stream_dir.iterdir()):
                if path.suffix not in (".open", ".sealed"):
                    continue
                seq_text, _, segment_id = path.stem.partition("-")
                seq = int(seq_text)
                self._next_seq[stream] = max(self._next_seq.get(stream, 1), seq + 1)
                if path.suffix == ".open":
                    data = path.read_bytes()
                    keep = valid_length(data)
                    if keep < len(data):
                        log.warning(
                            "write-ahead log %s: cut %d bytes of a torn, unacknowledged tail",
                            path,
                            len(data) - keep,
                        )
                        with open(path, "r+b") as fh:
                            fh.truncate(keep)
                            os.fsync(fh.fileno())
                    sealed = path.with_suffix(".sealed")
                    os.replace(path, sealed)
                    fsync_dir(stream_dir)
                    path = sealed
                if path.stat().st_size == 0:
                    path.unlink()
                    continue
                found.append(Segment(stream, path, seq, segment_id, recovered=True))
        return found

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="lakebox-wal", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting appends; finish what is queued. Open segments stay for recovery."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()
        for seg in self._open.values():
            os.close(seg.fd)
        self._open.clear()

    # -- requests from other threads ----------------------------------------------------------

    def append(self, stream: str, records: list[bytes], *, delimited: bool = False) -> Future[Ack]:
        """Queue records; the future resolves once they are on disk and fsync'd.

        The frame is built here, in the caller's thread, so that the writer thread holds the
        GIL as little as possible between its write and fsync calls.
        """
        check_name(stream)  # before acknowledging anything: the folder must be the stream's own
        frame, data_bytes = build_frame(records, int(time.time() * 1000), delimited)
        future: Future[Ack] = Future()
        self._submit(_Append(stream, frame, len(records), data_bytes, future))
        return future

    def seal(self, stream: str) -> Future[None]:
        """Seal the stream's open segment now (for flush, the interval hint, deletion)."""
        future: Future[None] = Future()
        self._submit(_Seal(stream, future))
        return future

    def open_streams(self) -> list[tuple[str, float, int]]:
        """(stream, monotonic time of first record, data bytes) of every open segment."""
        with self._cond:
            return [(s.stream, s.first_arrival, s.data_bytes) for s in self._open.values()]

    def _submit(self, item: _Append | _Seal) -> None:
        with self._cond:
            if self._stopping:
                raise ServiceUnavailable("lakebox is shutting down; retry against the new server")
            self._pending.append(item)
            self._cond.notify()

    # -- the writer thread --------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                batch, self._pending = self._pending, []
                if not batch and self._stopping:
                    return
            try:
                self._process(batch)
            except Exception as exc:  # disk full, I/O error: fail these requests, keep running
                log.exception("write-ahead log write failed")
                for item in batch:
                    if not item.future.done():
                        item.future.set_exception(
                            ServiceUnavailable(f"write-ahead log write failed: {exc}")
                        )

    def _process(self, batch: list[_Append | _Seal]) -> None:
        touched: dict[str, _OpenSegment] = {}
        frames: dict[str, list[bytes]] = {}
        done: list[tuple[_Append, Ack]] = []
        seals: list[_Seal] = []
        for item in batch:
            if isinstance(item, _Seal):
                seals.append(item)
                continue
            seg = self._open.get(item.stream) or self._new_segment(item.stream)
            ack = Ack(seg.segment_id, seg.records, item.count)
            seg.records += item.count
            seg.data_bytes += item.data_bytes
            if seg.first_arrival == 0.0:
                seg.first_arrival = time.monotonic()
            frames.setdefault(item.stream, []).extend(item.frame)
            touched[item.stream] = seg
            done.append((item, ack))
        # Few calls per group: each one that releases the GIL may wait to get it back.
        for stream, seg in touched.items():
            _write_all(seg.fd, frames[stream])
            os.fdatasync(seg.fd)
            self.fsyncs += 1
        for item, ack in done:
            item.future.set_result(ack)
        # Size and zero-interval hints are checked here; longer intervals by the deliverer.
        for stream, seg in touched.items():
            hints = self.hints(stream)
            if seg.data_bytes >= hints.size_bytes or hints.interval_s <= 0:
                self._seal(stream)
        for seal in seals:
            self._seal(seal.stream)
            seal.future.set_result(None)

    def stream_dir(self, stream: str) -> Path:
        """The stream's folder; a name that could leave the log directory is refused."""
        return self.directory / check_name(stream)

    def _new_segment(self, stream: str) -> _OpenSegment:
        stream_dir = self.stream_dir(stream)
        stream_dir.mkdir(parents=True, exist_ok=True)
        seq = self._next_seq.get(stream, 1)
        self._next_seq[stream] = seq + 1
        segment_id = uuid.uuid4().hex
        path = stream_dir / f"{seq:012d}-{segment_id}.open"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        fsync_dir(stream_dir)
        seg = _OpenSegment(stream, seq, segment_id, path, fd)
        with self._cond:
            self._open[stream] = seg
        return seg

    def _seal(self, stream: str) -> None:
        with self._cond:
            seg = self._open.pop(stream, None)
        if seg is None:
            return
        os.close(seg.fd)
        sealed = seg.path.with_suffix(".sealed")
        os.replace(seg.path, sealed)
        fsync_dir(sealed.parent)
        self.on_sealed(Segment(stream, sealed, seg.seq, seg.segment_id))


def build_frame(records: list[bytes], arrival_ms: int, delimited: bool) -> tuple[list[bytes], int]:
    """The frame's parts (header, length table, records) and the bytes of record data."""
    lengths = array("I", map(len, records)).tobytes()
    if delimited:
        data = b"\n".join(records) + b"\n"
        flags = DELIMITED
    else:
        data = b"".join(records)
        flags = 0
    body_len = len(lengths) + len(data)
    head = _HEADER.pack(body_len, 0, arrival_ms, len(records), flags)
    crc = zlib.crc32(data, zlib.crc32(lengths, zlib.crc32(head[_CRC_FROM:])))
    head = _HEADER.pack(body_len, crc, arrival_ms, len(records), flags)
    return [head, lengths, data], len(data)


_IOV_MAX = 1024


def _write_all(fd: int, parts: list[bytes]) -> None:
    """``writev`` the parts (IOV_MAX at a time), continuing after short writes."""
    for start in range(0, len(parts), _IOV_MAX):
        chunk = parts[start : start + _IOV_MAX]
        written = os.writev(fd, chunk)
        total = sum(len(p) for p in chunk)
        if written < total:
            rest = b"".join(chunk)[written:]
            while rest:
                rest = rest[os.write(fd, rest) :]
