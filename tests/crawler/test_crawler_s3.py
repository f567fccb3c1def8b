"""The crawler over an S3-compatible store (moto's server on loopback), worker processes too."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from lakebox.catalog.service import Catalog
from lakebox.crawler import readers
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.meta.database import Database
from lakebox.storage import Lake, ObjectEvents


def test_crawl_s3_lake_in_worker_processes(
    s3_server: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'meta.db'}")
    db.migrate()
    store = s3_server.store("crawl")
    lake = Lake(store, ObjectEvents(db))
    for h in range(12):
        lake.put(
            f"raw/ev/2026/11/25/{h:02d}/e.gz",
            gzip.compress(orjson.dumps({"id": h, "v": h / 2}) + b"\n"),
        )
        buf = io.BytesIO()
        pq.write_table(pa.table({"sensor": ["a"], "reading": [float(h)]}), buf)
        lake.put(f"raw/metrics/2026/11/25/{h:02d}/m.parquet", buf.getvalue())
    lake.put("raw/ev/2026/11/25/00/bad.gz", b"\x1f\x8b\x08\x00nope")
    monkeypatch.setattr(readers, "PROCESS_THRESHOLD", 5)  # go through worker processes
    crawlers = Crawlers(db, Catalog(db), store, lake.events)
    try:
        crawlers.create(CrawlerSettings(name="s3", prefixes=["raw/"], database="lake"))
        run = crawlers.run("s3")
        assert crawlers.reader._pool is not None
    finally:
        crawlers.close()
        db.dispose()
    assert run.state == "SUCCEEDED", run.report
    assert sorted(run.report["tables_created"]) == ["lake.ev", "lake.metrics"]
    assert [s["key"] for s in run.report["objects_skipped"]] == ["raw/ev/2026/11/25/00/bad.gz"]
    assert run.report["partitions_added"] == 24
