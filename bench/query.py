"""Query speed: the 22 TPC-H queries through lakebox beside raw DuckDB on the same Parquet files,
the same files copied into the lake by another tool, the same tables stored as Iceberg, and the
round trip of a trivial query through the Athena API.

    .venv/bin/python bench/query.py [--scale 1] [--rounds 3]

TPC-H data is generated locally (bench/tpch_data.py; nothing is downloaded), written to a fresh
lake as Parquet files under raw/tpch/<table>/, catalogued by a crawler, and copied into Iceberg
tables (database tpch_iceberg) with CREATE TABLE AS SELECT. The same Parquet files are also
copied into the lake under raw/tpch_copied/ with shutil.copy, as DMS, Spark or `aws s3 cp` would
put them there (not written by lakebox: no stored etag), and crawled (database tpch_copied).
Every query runs once on each side to warm up (hot runs), then rounds alternate: raw DuckDB over
the Parquet files (the baseline, same memory limit and threads), lakebox over the crawled
tables, lakebox over the Iceberg tables, DuckDB's own `iceberg_scan` over the same Iceberg tables
(not a target: it shows how the read path lakebox chose, PyIceberg's plan read by DuckDB's
Parquet reader, compares with DuckDB's Iceberg extension), and lakebox over the copied-in
files. Lakebox is timed end to end through its query service: submit,
plan (catalog, partition pruning, sandbox), run, write the result files, record the execution,
wait. Each query's rows are compared between all sides before anything is timed.

Then a `lakebox serve` on the same home answers `SELECT 1` through the Athena API (boto3: Start,
GetQueryExecution until SUCCEEDED, GetQueryResults); the median round trip is reported.
The last line printed is one JSON object with the figures, the baseline and the ratios.
"""

from __future__ import annotations

import argparse
import importlib.resources
import io
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import duckdb_extension_avro
import duckdb_extension_iceberg
import pyarrow.parquet as pq
from tpch_data import generate
from tpch_queries import QUERIES

from lakebox.auth.access import SYSTEM
from lakebox.auth.keys import AccessKey
from lakebox.config import Settings
from lakebox.crawler.settings import CrawlerSettings
from lakebox.instance import Lakebox
from lakebox.storage.local import LocalStore

ROW_GROUP = 122_880  # DuckDB's own row group size


def write_lake(box: Lakebox, scale: float) -> dict[str, list[str]]:
    """The generated tables as Parquet objects in the lake; returns each table's files."""
    files: dict[str, list[str]] = {}
    for name, table in generate(scale):
        part = len(files.setdefault(name, []))
        key = f"raw/tpch/{name}/part-{part:03d}.parquet"
        buf = io.BytesIO()
        pq.write_table(table, buf, row_group_size=ROW_GROUP)
        box.lake.put(key, buf.getvalue())
        files[name].append(box.store.duckdb_path(key))
    return files


def copy_in(box: Lakebox, files: dict[str, list[str]]) -> None:
    """The same files put into the lake by another tool: plain copies, without the etag lakebox
    stores beside the files it writes, and without ObjectCreated events."""
    assert isinstance(box.store, LocalStore)
    for name, paths in files.items():
        for path in paths:
            target = box.store.root / "raw" / "tpch_copied" / name / Path(path).name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
            assert not os.listxattr(target), f"{target} has lakebox's attributes"


def normalise(rows: list[Any]) -> list[tuple[Any, ...]]:
    """Rows comparable across engines: numbers rounded, dates and text as text."""

    def value(v: Any) -> Any:
        if isinstance(v, float | Decimal):
            return round(float(v), 2)
        return v if v is None or isinstance(v, int) else str(v)

    return [tuple(value(v) for v in r) for r in rows]


def check_same(q: int, side: str, got: list[Any], expected: list[Any]) -> None:
    if got == expected:
        return
    diff = next(
        (i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b),
        min(len(got), len(expected)),
    )
    raise SystemExit(
        f"Q{q}: {side} disagrees with raw DuckDB at row {diff} of {len(got)}/{len(expected)}: "
        f"{got[diff : diff + 1]} vs {expected[diff : diff + 1]}"
    )


def run_lakebox(box: Lakebox, key: AccessKey, sql: str, database: str) -> tuple[float, list[Any]]:
    start = time.perf_counter()
    execution = box.queries.submit(sql, "athena", by=key.principal, default_database=database)
    done = box.queries.wait(execution.id, timeout=3600, by=key.principal)
    elapsed = time.perf_counter() - start
    if done.state != "SUCCEEDED":
        raise SystemExit(f"lakebox failed on {database}: {done.error}\n{sql}")
    return elapsed, box.queries.rows(execution.id, 0, 10**9, by=key.principal)["rows"]


def run_raw(con: Any, sql: str) -> tuple[float, list[Any]]:
    start = time.perf_counter()
    rows = con.execute(sql).fetchall()
    return time.perf_counter() - start, rows


def iceberg_scan_connection(box: Lakebox, names: list[str], config: dict[str, Any]) -> Any:
    """Raw DuckDB with its Iceberg extension (loaded from the PyPI wheels, no download), a view
    per Iceberg table over ``iceberg_scan`` of its current metadata file."""
    con = duckdb.connect(config=config)
    for module, name in ((duckdb_extension_avro, "avro"), (duckdb_extension_iceberg, "iceberg")):
        folder = Path(str(importlib.resources.files(module))) / "extensions"
        con.execute(f"LOAD '{folder / f'v{duckdb.__version__}' / f'{name}.duckdb_extension'}'")
    con.execute("SET TimeZone = 'UTC'")
    for name in names:
        location = box.iceberg.metadata_location("tpch_iceberg", name)
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM iceberg_scan('{location}')")
    return con


def geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def athena_round_trip(home: Path, samples: int) -> tuple[float, float]:
    """Median ms of SELECT 1 through a real `lakebox serve` and boto3, and of the same query
    run directly by DuckDB (the baseline)."""
    import boto3
    import httpx

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LAKEBOX_", "AWS_"))}
    env.update(LAKEBOX_HOME=str(home), LAKEBOX_PORT=str(port))
    lakebox_bin = Path(sys.executable).parent / "lakebox"
    log = (home / "bench-server.log").open("wb")
    server = subprocess.Popen([str(lakebox_bin), "serve"], env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("lakebox serve did not start; see " + str(log.name))
            time.sleep(0.1)
        cred = json.loads((home / "admin-credentials.json").read_text())
        client = boto3.client(
            "athena",
            endpoint_url=f"http://127.0.0.1:{port}",
            region_name="us-east-1",
            aws_access_key_id=cred["access_key_id"],
            aws_secret_access_key=cred["secret_access_key"],
        )
        times = []
        for i in range(samples + 3):
            start = time.perf_counter()
            qid = client.start_query_execution(QueryString="SELECT 1 AS one")["QueryExecutionId"]
            while True:
                state = client.get_query_execution(QueryExecutionId=qid)["QueryExecution"]
                if state["Status"]["State"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
                    break
            rows = client.get_query_results(QueryExecutionId=qid)["ResultSet"]["Rows"]
            assert rows[1]["Data"][0]["VarCharValue"] == "1", rows
            if i >= 3:  # the first ones warm up connections and caches
                times.append((time.perf_counter() - start) * 1000)
    finally:
        server.terminate()
        server.wait(timeout=60)
    con = duckdb.connect()
    raw = []
    for _ in range(samples):
        start = time.perf_counter()
        con.execute("SELECT 1 AS one").fetchall()
        raw.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), statistics.median(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="TPC-H scale factor")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (medians)")
    parser.add_argument("--queries", default="", help="comma-separated query numbers (all)")
    parser.add_argument("--athena-samples", type=int, default=30)
    args = parser.parse_args()
    numbers = [int(q) for q in args.queries.split(",") if q] or sorted(QUERIES)

    home = Path(tempfile.mkdtemp(prefix="lakebox-bench-query-"))
    try:
        settings = Settings.load(home=home, env={})
        box = Lakebox(settings)
        box.start()
        t0 = time.perf_counter()
        files = write_lake(box, args.scale)
        took = time.perf_counter() - t0
        print(f"generated TPC-H SF{args.scale:g} in {took:.1f}s", file=sys.stderr)
        copy_in(box, files)
        for name, prefix in (("tpch", "raw/tpch/"), ("tpch_copied", "raw/tpch_copied/")):
            box.crawlers.create(CrawlerSettings(name=name, prefixes=[prefix], database=name))
            run = box.crawlers.run(name)
            assert run.state == "SUCCEEDED", run
        key = box.keys.create("bench", role="admin", by=SYSTEM).key
        t0 = time.perf_counter()
        for name in files:
            _, _ = run_lakebox(
                box,
                key,
                f"CREATE TABLE tpch_iceberg.{name} AS SELECT * FROM tpch.{name}",
                "tpch",
            )
        print(f"copied to Iceberg in {time.perf_counter() - t0:.1f}s", file=sys.stderr)

        threads = box.queries.engine.threads
        config = {"memory_limit": settings.query_memory_limit, "threads": threads}
        con = duckdb.connect(config=config)
        con.execute("SET TimeZone = 'UTC'")
        ice_con = iceberg_scan_connection(box, list(files), config)
        for name, paths in files.items():
            listed = ", ".join(f"'{p}'" for p in paths)
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listed}])")

        sides = {
            "raw_duckdb": lambda sql: run_raw(con, sql),
            "lakebox": lambda sql: run_lakebox(box, key, sql, "tpch"),
            "lakebox_iceberg": lambda sql: run_lakebox(box, key, sql, "tpch_iceberg"),
            "duckdb_iceberg_scan": lambda sql: run_raw(ice_con, sql),
            "lakebox_copied": lambda sql: run_lakebox(box, key, sql, "tpch_copied"),
        }
        times: dict[str, dict[int, list[float]]] = {s: {q: [] for q in numbers} for s in sides}
        for q in numbers:  # warm-up, and the same answer everywhere
            answers = {s: normalise(fn(QUERIES[q])[1]) for s, fn in sides.items()}
            for side in ("lakebox", "lakebox_iceberg", "duckdb_iceberg_scan", "lakebox_copied"):
                check_same(q, side, answers[side], answers["raw_duckdb"])
        for _ in range(args.rounds):
            for q in numbers:
                for side, fn in sides.items():
                    times[side][q].append(fn(QUERIES[q])[0])
        box.stop()
        athena_ms, raw_ms = athena_round_trip(home, args.athena_samples)
    finally:
        shutil.rmtree(home, ignore_errors=True)

    med = {s: {q: statistics.median(v) for q, v in per.items()} for s, per in times.items()}
    shown = ("lakebox", "lakebox_copied", "lakebox_iceberg", "duckdb_iceberg_scan")
    heads = ("lakebox s", "copied-in s", "iceberg s", "iceberg_scan s")
    print(f"{'query':<6} {'raw DuckDB s':>12}" + "".join(f" {h:>14} {'ratio':>6}" for h in heads))
    for q in numbers:
        base = med["raw_duckdb"][q]
        cells = "".join(f" {med[s][q]:>14.3f} {med[s][q] / base:>6.2f}" for s in shown)
        print(f"Q{q:<5} {base:>12.3f}{cells}")
    ratios = {s: geomean([med[s][q] / med["raw_duckdb"][q] for q in numbers]) for s in shown}
    ratio, ratio_copied = ratios["lakebox"], ratios["lakebox_copied"]
    ratio_ice, ratio_scan = ratios["lakebox_iceberg"], ratios["duckdb_iceberg_scan"]
    print(f"geometric-mean ratio, lakebox / raw DuckDB:              {ratio:.3f} (target <= 1.10)")
    print(
        f"geometric-mean ratio, lakebox over copied-in files / raw: {ratio_copied:.3f} "
        "(target <= 1.10)"
    )
    print(
        f"geometric-mean ratio, lakebox Iceberg / raw Parquet:     {ratio_ice:.3f} (target <= 1.20)"
    )
    print(f"geometric-mean ratio, DuckDB iceberg_scan / raw Parquet: {ratio_scan:.3f} (no target)")
    print(
        f"Athena API round trip of SELECT 1: {athena_ms:.1f} ms (target < 50; "
        f"DuckDB alone {raw_ms:.2f} ms)"
    )
    print(
        json.dumps(
            {
                "benchmark": "query",
                "scale_factor": args.scale,
                "rounds": args.rounds,
                "queries": numbers,
                "baseline": "raw DuckDB over the same Parquet files",
                "seconds": {
                    s: {f"q{q}": round(v, 4) for q, v in per.items()} for s, per in med.items()
                },
                "baseline_geomean_s": round(geomean(list(med["raw_duckdb"].values())), 4),
                "lakebox_geomean_s": round(geomean(list(med["lakebox"].values())), 4),
                "copied_geomean_s": round(geomean(list(med["lakebox_copied"].values())), 4),
                "iceberg_geomean_s": round(geomean(list(med["lakebox_iceberg"].values())), 4),
                "ratio": round(ratio, 3),
                "ratio_copied": round(ratio_copied, 3),
                "ratio_iceberg": round(ratio_ice, 3),
                "ratio_duckdb_iceberg_scan": round(ratio_scan, 3),
                "athena_round_trip_ms": round(athena_ms, 1),
                "athena_baseline_duckdb_ms": round(raw_ms, 3),
                "targets": {
                    "ratio": 1.10,
                    "ratio_copied": 1.10,
                    "ratio_iceberg": 1.20,
                    "athena_round_trip_ms": 50,
                },
            }
        )
    )


if __name__ == "__main__":
    main()
