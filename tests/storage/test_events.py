from __future__ import annotations

from pathlib import Path

from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents
from lakebox.storage.events import EventPage


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


def test_read_gives_the_position_to_read_on_from(db: Database, tmp_path: Path) -> None:
    events = ObjectEvents(db)
    lake = Lake(LocalStore(tmp_path / "data"), events)
    assert events.head() == 0
    assert events.read(0) == EventPage([], 0)
    for n in range(5):
        lake.put(f"raw/s/{n}.json", b"{}\n", source="ingest:s")
    first = events.read(0, limit=3)
    assert [e.key for e in first.events] == ["raw/s/0.json", "raw/s/1.json", "raw/s/2.json"]
    assert first.position == first.events[-1].id
    rest = events.read(first.position, limit=3)
    assert [e.key for e in rest.events] == ["raw/s/3.json", "raw/s/4.json"]
    assert rest.position == events.head()
    # Nothing new: the position stays where it was.
    assert events.read(rest.position) == EventPage([], rest.position)
