from __future__ import annotations

import base64
import gzip
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from sqlalchemy import update

from lakebox.auth.access import SYSTEM
from lakebox.errors import AlreadyExists, LimitExceeded, NotFound
from lakebox.ingest.service import IngestService
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.tables import delivery_streams

Factory = Callable[[], IngestService]


def objects(root: Path, prefix: str) -> list[Path]:
    base = root / "data" / prefix
    return sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []


def test_flush_delivers_ndjson_under_the_firehose_layout(
    make_ingest: Factory, tmp_path: Path
) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("orders"), by=SYSTEM)
    svc.put_records("orders", [b'{"id": 1}', b'{"id": 2}'], by=SYSTEM).result(5)
    svc.flush("orders", by=SYSTEM)
    [obj] = objects(tmp_path, "raw/orders")
    rel = obj.relative_to(tmp_path / "data" / "raw" / "orders")
    assert len(rel.parts) == 5  # yyyy/MM/dd/HH/name
    assert rel.name.startswith("orders-1-") and len(rel.name.split("-")) == 13
    assert obj.read_bytes() == b'{"id": 1}\n{"id": 2}\n'
    events = svc.delivery.lake.events.since(0)
    assert [e.key for e in events] == [str(obj.relative_to(tmp_path / "data"))]
    assert list((tmp_path / "wal" / "orders").iterdir()) == []  # delivered segments are removed


def test_without_delimiter_records_are_concatenated(make_ingest: Factory, tmp_path: Path) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings(name="raw", prefix="p/"), by=SYSTEM)
    svc.put_records("raw", [b"ab", b"cd"], by=SYSTEM).result(5)
    svc.flush("raw", by=SYSTEM)
    [obj] = objects(tmp_path, "p")
    assert obj.read_bytes() == b"abcd"


def test_gzip_compression(make_ingest: Factory, tmp_path: Path) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("z", compression="GZIP"), by=SYSTEM)
    svc.put_records("z", [b'{"a":1}'], by=SYSTEM).result(5)
    svc.flush("z", by=SYSTEM)
    [obj] = objects(tmp_path, "raw/z")
    assert obj.name.endswith(".gz")
    assert gzip.decompress(obj.read_bytes()) == b'{"a":1}\n'


def test_interval_hint_delivers_on_its_own(make_ingest: Factory, tmp_path: Path) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("t", buffer_interval_s=1), by=SYSTEM)
    svc.put_records("t", [b"{}"], by=SYSTEM).result(5)
    deadline = time.monotonic() + 10
    while not objects(tmp_path, "raw/t") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(objects(tmp_path, "raw/t")) == 1


def test_size_hint_delivers_on_its_own(make_ingest: Factory, tmp_path: Path) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(
        StreamSettings.for_cli("big", buffer_size_mib=1, buffer_interval_s=900), by=SYSTEM
    )
    record = b'{"pad": "' + b"x" * 100_000 + b'"}'
    for _ in range(11):  # > 1 MiB
        svc.put_records("big", [record], by=SYSTEM).result(5)
    assert svc.delivery.wait_delivered("big", 10)
    deadline = time.monotonic() + 10
    while not objects(tmp_path, "raw/big") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(objects(tmp_path, "raw/big")) == 1


def test_dynamic_partitioning_and_error_output(make_ingest: Factory, tmp_path: Path) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("ev", partition_keys=["customer"]), by=SYSTEM)
    good = [
        b'{"customer": "a", "n": 1}',
        b'{"customer": "b", "n": 2}',
        b'{"customer": "a", "n": 3}',
    ]
    bad = [b"not json", b'{"n": 4}', b'{"customer": "x/y"}']
    svc.put_records("ev", good + bad, by=SYSTEM).result(5)
    svc.flush("ev", by=SYSTEM)
    a = objects(tmp_path, "raw/ev/customer=a")
    b = objects(tmp_path, "raw/ev/customer=b")
    assert [o.read_bytes() for o in a] == [good[0] + b"\n" + good[2] + b"\n"]
    assert [o.read_bytes() for o in b] == [good[1] + b"\n"]
    [err] = objects(tmp_path, "errors/ev/processing-failed")
    lines = [orjson.loads(line) for line in err.read_bytes().splitlines()]
    assert [base64.b64decode(x["rawData"]) for x in lines] == bad
    assert lines[0]["errorCode"] == "DynamicPartitioning.MetadataExtractionFailed"
    assert "Non JSON" in lines[0]["errorMessage"]
    assert lines[1]["errorCode"] == "DynamicPartitioning.PartitionKeyMissing"
    assert "'customer'" in lines[1]["errorMessage"]
    assert svc.counters("ev").records_failed == 3


def test_restart_delivers_acknowledged_records_exactly_once(
    make_ingest: Factory, tmp_path: Path
) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("r", buffer_interval_s=900), by=SYSTEM)
    svc.put_records("r", [b'{"i": 1}', b'{"i": 2}'], by=SYSTEM).result(5)
    # simulate a crash: the log stops, nothing is delivered
    svc.wal.stop()
    svc.delivery.stop()
    svc._timer_stop.set()
    svc._started = False
    assert objects(tmp_path, "raw/r") == []
    again = make_ingest()
    again.start()
    assert again.delivery.wait_delivered("r", 10)
    [obj] = objects(tmp_path, "raw/r")
    assert obj.read_bytes() == b'{"i": 1}\n{"i": 2}\n'


def test_redelivering_a_segment_rewrites_the_same_object(
    make_ingest: Factory, tmp_path: Path
) -> None:
    """A crash after objects were written but before the segment was removed duplicates nothing."""
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("d", buffer_interval_s=900), by=SYSTEM)
    svc.put_records("d", [b'{"i": 1}'], by=SYSTEM).result(5)
    svc.delivery.stop()  # deliver by hand below
    sealed: list = []
    svc.wal.on_sealed = sealed.append
    svc.wal.seal("d").result(5)
    [segment] = sealed
    copy = segment.path.read_bytes()
    svc.delivery.deliver(segment)
    segment.path.write_bytes(copy)  # as if the removal never happened
    svc.delivery.deliver(segment)
    [obj] = objects(tmp_path, "raw/d")
    assert obj.read_bytes() == b'{"i": 1}\n'


def test_stream_errors(make_ingest: Factory) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("s"), by=SYSTEM)
    with pytest.raises(AlreadyExists):
        svc.create_stream(StreamSettings.for_cli("s"), by=SYSTEM)
    with pytest.raises(NotFound, match="'nope' not found; existing streams: s"):
        svc.put_records("nope", [b"x"], by=SYSTEM)
    with pytest.raises(LimitExceeded, match="1,000 KiB"):
        svc.put_records("s", [b"x" * (1000 * 1024 + 1)], by=SYSTEM)
    with pytest.raises(LimitExceeded, match="at most 500 records"):
        svc.check_batch(501, 0)


def test_delete_delivers_buffered_records_first(make_ingest: Factory, tmp_path: Path) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("gone", buffer_interval_s=900), by=SYSTEM)
    svc.put_records("gone", [b"{}"], by=SYSTEM).result(5)
    svc.delete_stream("gone", by=SYSTEM)
    assert len(objects(tmp_path, "raw/gone")) == 1
    with pytest.raises(NotFound):
        svc.get_stream("gone")


def test_storage_failure_is_retried_and_loses_nothing(make_ingest: Factory, tmp_path: Path) -> None:
    """A real failure: a file sits where delivery needs a folder; once it is gone, delivery
    succeeds and every record arrives."""
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("r", prefix="blocked/x/"), by=SYSTEM)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "blocked").write_bytes(b"in the way")
    svc.put_records("r", [b'{"i": 1}'], by=SYSTEM).result(5)
    svc.wal.seal("r").result(5)
    deadline = time.monotonic() + 10
    while not svc.counters("r").last_error and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "cannot write object" in svc.counters("r").last_error
    assert len(list((tmp_path / "wal" / "r").glob("*.sealed"))) == 1  # still in the log
    (tmp_path / "data" / "blocked").unlink()
    assert svc.delivery.wait_delivered("r", 15)
    [obj] = objects(tmp_path, "blocked")
    assert obj.read_bytes() == b'{"i": 1}\n'


def test_poison_partition_values_go_to_the_error_output_the_rest_is_delivered(
    make_ingest: Factory, tmp_path: Path
) -> None:
    """One request with a NUL and a 300-character partition value among good records."""
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("p", partition_keys=["k"]), by=SYSTEM)
    long_value = "v" * 300
    records = [
        b'{"k":"ok1"}',
        b'{"k":"a\\u0000b"}',
        b'{"k":"ok2"}',
        orjson.dumps({"k": long_value}),
    ]
    svc.put_records("p", records, by=SYSTEM).result(5)
    svc.flush("p", by=SYSTEM, timeout=10)
    assert [o.read_bytes() for o in objects(tmp_path, "raw/p/k=ok1")] == [b'{"k":"ok1"}\n']
    assert [o.read_bytes() for o in objects(tmp_path, "raw/p/k=ok2")] == [b'{"k":"ok2"}\n']
    [err] = objects(tmp_path, "errors/p/processing-failed")
    lines = [orjson.loads(line) for line in err.read_bytes().splitlines()]
    assert [base64.b64decode(x["rawData"]) for x in lines] == [records[1], records[3]]
    assert {x["errorCode"] for x in lines} == {"DynamicPartitioning.InvalidPartitionKey"}
    assert "'a\\x00b'" in lines[0]["errorMessage"]
    assert "File name too long" in lines[1]["errorMessage"]
    counters = svc.counters("p")
    assert (counters.records_delivered, counters.records_failed) == (2, 2)
    assert list((tmp_path / "wal" / "p").iterdir()) == []


def block(tmp_path: Path, folder: str) -> Path:
    """A file where delivery needs a folder: a real, lasting storage failure."""
    (tmp_path / "data").mkdir(exist_ok=True)
    path = tmp_path / "data" / folder
    path.write_bytes(b"in the way")
    return path


def wait_for_error(svc: IngestService, stream: str) -> None:
    deadline = time.monotonic() + 10
    while not svc.counters(stream).last_error and time.monotonic() < deadline:
        time.sleep(0.05)
    assert svc.counters(stream).last_error


def test_a_failing_delivery_counts_nothing_until_it_succeeds(
    make_ingest: Factory, tmp_path: Path
) -> None:
    """Two objects from one segment: the first is written, the second fails on every retry."""
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("c", partition_keys=["k"]), by=SYSTEM)
    (tmp_path / "data" / "raw" / "c").mkdir(parents=True)
    blocker = block(tmp_path, "raw/c/k=b")
    svc.put_records("c", [b'{"k": "a"}', b'{"k": "b"}'], by=SYSTEM).result(5)
    svc.wal.seal("c").result(5)
    wait_for_error(svc, "c")
    time.sleep(1.6)  # retries at 0.5 s, then 1 s
    assert svc.counters("c").records_delivered == 0
    blocker.unlink()
    assert svc.delivery.wait_delivered("c", 15)
    assert svc.counters("c").records_delivered == 2
    assert len(objects(tmp_path, "raw/c/k=a")) == 1  # rewritten in place, not twice


def test_delete_and_stop_are_bounded_with_a_stuck_stream(
    make_ingest: Factory, tmp_path: Path
) -> None:
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("stuck", prefix="blocked/x/"), by=SYSTEM)
    svc.create_stream(StreamSettings.for_cli("stuck2", prefix="blocked/y/"), by=SYSTEM)
    block(tmp_path, "blocked")
    for name in ("stuck", "stuck2"):
        svc.put_records(name, [b'{"i": 1}'], by=SYSTEM).result(5)
        svc.wal.seal(name).result(5)
        wait_for_error(svc, name)

    started = time.monotonic()
    svc.delete_stream("stuck", by=SYSTEM, timeout=1)
    assert time.monotonic() - started < 5
    with pytest.raises(NotFound):
        svc.get_stream("stuck")
    # Its undelivered segment is kept, not dropped.
    deadline = time.monotonic() + 10
    while (
        not list((tmp_path / "wal-orphans").glob("stuck-*.sealed")) and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    [orphan] = (tmp_path / "wal-orphans").glob("stuck-*.sealed")
    assert orphan.stat().st_size > 0

    started = time.monotonic()
    svc.stop(drain_timeout=2)
    assert time.monotonic() - started < 5
    # The other stuck stream's records stay in the log for the next start.
    assert len(list((tmp_path / "wal" / "stuck2").glob("*.sealed"))) == 1


def test_a_stream_stored_with_unsafe_prefixes_still_delivers_to_the_error_output(
    make_ingest: Factory, tmp_path: Path
) -> None:
    """Settings saved by an older lakebox that did not check prefixes: nothing is retried
    forever, nothing leaves the lake's folder, the records are kept."""
    svc = make_ingest()
    svc.start()
    svc.create_stream(StreamSettings.for_cli("legacy"), by=SYSTEM)
    stored = StreamSettings.for_cli("legacy").to_json()
    stored = stored.replace('"raw/legacy/', '"../outside/').replace('"errors/legacy/', '"/abs/')
    with svc.streams.db.begin() as conn:
        conn.execute(
            update(delivery_streams)
            .where(delivery_streams.c.name == "legacy")
            .values(settings=stored)
        )
    again = make_ingest()
    svc.stop(drain_timeout=1)
    again.start()
    assert again.get_stream("legacy").settings.prefix.startswith("../outside/")
    again.put_records("legacy", [b'{"i": 1}'], by=SYSTEM).result(5)
    again.flush("legacy", by=SYSTEM, timeout=10)
    assert not (tmp_path / "outside").exists()
    [err] = objects(tmp_path, "processing-failed")
    [line] = [orjson.loads(x) for x in err.read_bytes().splitlines()]
    assert base64.b64decode(line["rawData"]) == b'{"i": 1}'
    assert line["errorCode"] == "S3.InvalidObjectKey"
    assert "'..'" in line["errorMessage"]
    again.delete_stream("legacy", by=SYSTEM)
