from __future__ import annotations

import threading
from pathlib import Path

import pytest

from lakebox.errors import InvalidArgument
from lakebox.ingest.wal import BufferHints, Segment, WriteAheadLog


def make_wal(
    tmp_path: Path, size: int = 1 << 30, interval: float = 3600
) -> tuple[WriteAheadLog, list[Segment]]:
    sealed: list[Segment] = []
    wal = WriteAheadLog(tmp_path / "wal", sealed.append, lambda _s: BufferHints(size, interval))
    wal.recover()
    wal.start()
    return wal, sealed


def test_append_then_seal_gives_the_records_back(tmp_path: Path) -> None:
    wal, sealed = make_wal(tmp_path)
    ids = wal.append("s", [b"a", b"bb", b""]).result(5).record_ids()
    assert len(set(ids)) == 3
    wal.seal("s").result(5)
    wal.stop()
    assert len(sealed) == 1
    assert [p for _a, p in sealed[0].records()] == [b"a", b"bb", b""]


def test_size_hint_seals_the_segment(tmp_path: Path) -> None:
    wal, sealed = make_wal(tmp_path, size=10)
    wal.append("s", [b"12345"]).result(5)
    assert sealed == []
    wal.append("s", [b"678901"]).result(5)
    wal.stop()
    assert len(sealed) == 1


def test_concurrent_appends_share_fsyncs(tmp_path: Path) -> None:
    wal, _ = make_wal(tmp_path)
    futures = []
    lock = threading.Lock()

    def producer() -> None:
        for _ in range(200):
            f = wal.append("s", [b"x" * 100])
            with lock:
                futures.append(f)

    threads = [threading.Thread(target=producer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for f in futures:
        f.result(10)
    wal.stop()
    assert len(futures) == 1600
    assert wal.fsyncs < len(futures)  # group commit: far fewer fsyncs than appends


def test_recovery_seals_open_segments_and_cuts_torn_tails(tmp_path: Path) -> None:
    wal, _ = make_wal(tmp_path)
    wal.append("s", [b"one", b"two"]).result(5)
    wal.stop()  # leaves the segment open, as a crash would
    [open_seg] = list((tmp_path / "wal" / "s").glob("*.open"))
    with open(open_seg, "ab") as fh:
        fh.write(b"\x10\x00\x00\x00garbage")  # a torn frame that was never acknowledged
    wal2 = WriteAheadLog(tmp_path / "wal", lambda s: None, lambda _s: BufferHints(1, 1))
    recovered = wal2.recover()
    assert len(recovered) == 1 and recovered[0].recovered
    assert [p for _a, p in recovered[0].records()] == [b"one", b"two"]
    # sequence numbers continue after the recovered segments
    wal2.start()
    wal2.append("s", [b"three"]).result(5)
    wal2.stop()
    seqs = sorted(int(p.name.split("-")[0]) for p in (tmp_path / "wal" / "s").iterdir())
    assert seqs == [1, 2]


def test_a_name_that_could_leave_the_log_folder_is_refused(tmp_path: Path) -> None:
    wal, _sealed = make_wal(tmp_path)
    for name in ("..", ".", "../x", ""):
        with pytest.raises(InvalidArgument, match="stream name"):
            wal.append(name, [b"r"])
    wal.stop()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal"]
    assert list((tmp_path / "wal").iterdir()) == []
