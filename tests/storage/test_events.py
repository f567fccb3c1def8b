from __future__ import annotations

from pathlib import Path

from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents


def test_every_write_through_the_lake_records_an_event(db: Database, tmp_path: Path) -> None:
    events = ObjectEvents(db)
    lake = Lake(LocalStore(tmp_path / "data"), events)
    lake.put("raw/s/1.json", b"{}\n", source="test")
    lake.put("raw/s/2.json", b"{}\n{}\n")
    got = events.since(0)
    assert [(e.key, e.size, e.event_name) for e in got] == [
        ("raw/s/1.json", 3, "ObjectCreated:Put"),
        ("raw/s/2.json", 6, "ObjectCreated:Put"),
    ]
    assert got[0].bucket == "data" and got[0].source == "test"
    assert [e.key for e in events.since(got[0].id)] == ["raw/s/2.json"]


def test_s3_event_record_shape(db: Database, tmp_path: Path) -> None:
    events = ObjectEvents(db)
    lake = Lake(LocalStore(tmp_path / "data"), events)
    info = lake.put("raw/x.json", b"{}")
    record = events.since(0)[0].as_s3_record()
    assert record["eventSource"] == "aws:s3"
    assert record["eventName"] == "ObjectCreated:Put"
    assert record["s3"]["bucket"]["name"] == "data"
    assert record["s3"]["object"] == {
        "key": "raw/x.json",
        "size": 2,
        "eTag": info.etag,
        "sequencer": record["s3"]["object"]["sequencer"],
    }
    assert record["eventTime"].endswith("Z")
