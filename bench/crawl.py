"""Crawl cost: a full crawl of a 10,000-object lake beside a bare-reading baseline, and an
event-mode crawl after 1% new objects.

    .venv/bin/python bench/crawl.py [--objects 10000] [--rounds 3]

The lake holds gzip NDJSON and Parquet objects in Firehose-style hourly folders. The baseline
does the least any crawler must: list every object and read each Parquet footer and the first
block of each JSON object, with the same storage client and its read concurrency. A full crawl
of many objects also parses in worker processes (one per core), started by its first round and
kept, as a server keeps them.
Rounds alternate baseline and crawl; medians are reported. The last line printed is one JSON
object with the figures, the baseline and the ratios.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from lakebox.catalog.service import Catalog
from lakebox.crawler.infer import SAMPLE_BYTES
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents, ObjectStore
from lakebox.storage.base import ObjectInfo


def json_object(i: int) -> bytes:
    rows = [
        {
            "id": i * 100 + r,
            "user": f"u{r % 37}",
            "amount": r * 1.5,
            "tags": ["a", "b"],
            "ctx": {"ip": "10.0.0.1", "ua": "bench"},
        }
        for r in range(50)
    ]
    return gzip.compress(b"".join(orjson.dumps(x) + b"\n" for x in rows), mtime=0)


def parquet_object(i: int) -> bytes:
    table = pa.table(
        {
            "sensor": [f"s{i % 50}"] * 100,
            "value": [float(v) for v in range(100)],
            "ts": pa.array(range(100), pa.timestamp("ms")),
        }
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def key_for(table: str, i: int) -> str:
    hour = i % (24 * 14)
    day, hh = divmod(hour, 24)
    ext = ".gz" if table == "events" else ".parquet"
    return f"raw/{table}/2026/11/{day + 1:02d}/{hh:02d}/{table}-1-{i:06d}{ext}"


def fill(
    store: ObjectStore, lake: Lake, n: int, start: int = 0, through_lake: bool = False
) -> None:
    json_body, parquet_body = json_object(0), parquet_object(0)
    for i in range(start, start + n):
        table = "events" if i % 2 == 0 else "metrics"
        body = json_body if table == "events" else parquet_body
        if through_lake:
            lake.put(key_for(table, i), body)
        else:
            store.put(key_for(table, i), body)


def baseline(store: ObjectStore) -> float:
    start = time.perf_counter()
    objects = list(store.list("raw/"))

    def read(info: ObjectInfo) -> int:
        if info.key.endswith(".parquet"):
            tail = store.get_range(info.key, info.size - 8, 8)
            n = int.from_bytes(tail[:4], "little")
            return len(store.get_range(info.key, info.size - 8 - n, n))
        return len(store.get_range(info.key, 0, min(SAMPLE_BYTES, info.size)))

    with ThreadPoolExecutor(store.read_concurrency) as pool:
        total = sum(pool.map(read, objects))
    assert total > 0
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lakebox-bench-crawl-") as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'meta.db'}")
        db.migrate()
        store = LocalStore(Path(tmp) / "data")
        lake = Lake(store, ObjectEvents(db))
        t0 = time.perf_counter()
        fill(store, lake, args.objects)
        print(f"wrote {args.objects} objects in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        crawlers = Crawlers(db, Catalog(db), store, lake.events)
        crawlers.create(CrawlerSettings(name="bench", prefixes=["raw/"], database="bench"))
        baselines, fulls = [], []
        for _ in range(args.rounds):
            baselines.append(baseline(store))
            start = time.perf_counter()
            run = crawlers.run("bench")
            fulls.append(time.perf_counter() - start)
            assert run.state == "SUCCEEDED", run.report
            assert run.report["objects_read"] == args.objects, run.report["objects_skipped"][:3]
        new = max(1, args.objects // 100)
        events = []
        for r in range(args.rounds):
            fill(store, lake, new, start=args.objects + r * new, through_lake=True)
            start = time.perf_counter()
            run = crawlers.run("bench", mode="events")
            events.append(time.perf_counter() - start)
            assert run.report["objects_read"] == new, run.report
        incremental = statistics.median(events)
        tables = {
            t.name: t.definition.properties["object_count"]
            for t in crawlers.catalog.tables("bench")
        }
        assert sum(tables.values()) == args.objects + new * args.rounds, tables
        crawlers.close()
        db.dispose()

    full, base = statistics.median(fulls), statistics.median(baselines)
    print(f"{'what':<34} {'seconds':>8}")
    print(f"{'baseline: list + footers/blocks':<34} {base:>8.2f}")
    print(f"{'full crawl':<34} {full:>8.2f}   ratio {full / base:.2f} (target <= 1.5)")
    print(
        f"{'event crawl after +1% objects':<34} {incremental:>8.2f}   "
        f"{incremental / full:.1%} of a full crawl (target <= 5%)"
    )
    print(
        json.dumps(
            {
                "benchmark": "crawl",
                "objects": args.objects,
                "new_objects": new,
                "rounds": args.rounds,
                "baseline_s": round(base, 3),
                "full_crawl_s": round(full, 3),
                "ratio": round(full / base, 3),
                "event_crawl_s": round(incremental, 3),
                "event_fraction_of_full": round(incremental / full, 4),
                "baseline_rounds_s": [round(x, 3) for x in baselines],
                "full_rounds_s": [round(x, 3) for x in fulls],
                "event_rounds_s": [round(x, 3) for x in events],
                "targets": {"max_ratio": 1.5, "max_event_fraction": 0.05},
            }
        )
    )


if __name__ == "__main__":
    main()
