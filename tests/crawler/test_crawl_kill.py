"""A crawl killed with SIGKILL while it applies its tables is completed by its rerun: a real
`lakebox serve`, killed mid-crawl, restarted on the same home (which recovers its runs at once,
queueing the crawl again)."""

from __future__ import annotations

import time
from typing import Any

import httpx
import orjson
import pytest

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow

TABLES = 120
PARTITIONS = 4


def _client(srv: RunningServer) -> httpx.Client:
    return httpx.Client(
        base_url=srv.url,
        headers={"Authorization": f"Bearer {srv.credential['token']}"},
        timeout=60,
    )


def _tables(c: httpx.Client) -> list[dict[str, Any]]:
    r = c.get("/v1/databases/lake/tables")
    if r.status_code == 404:  # the crawl has not made the database yet
        return []
    r.raise_for_status()
    tables: list[dict[str, Any]] = r.json()["tables"]
    return tables


def test_a_crawl_killed_while_applying_its_tables_is_completed_by_its_rerun(
    server_factory: Any,
) -> None:
    srv: RunningServer = server_factory()
    srv.start()
    # Objects copied in by another tool: 120 tables of 4 Hive partitions each.
    for t in range(TABLES):
        for p in range(PARTITIONS):
            folder = srv.home / "data" / "raw" / f"t{t:03d}" / f"day={p}"
            folder.mkdir(parents=True)
            (folder / "part-0.json").write_bytes(
                orjson.dumps({"id": t, "day_total": p * 1.5, f"col_{t}": "x"}) + b"\n"
            )
    with _client(srv) as c:
        c.post(
            "/v1/crawlers", json={"name": "c", "prefixes": ["raw/"], "database": "lake"}
        ).raise_for_status()
        run_id = c.post("/v1/crawlers/c/runs", json={"mode": "full"}).json()["id"]
        deadline = time.monotonic() + 120
        seen = 0
        while time.monotonic() < deadline:
            seen = len(_tables(c))
            if seen > 0:
                break
            time.sleep(0.005)
    srv.kill()  # between its first table and its last, whatever it was writing
    assert 0 < seen < TABLES, f"the kill came at {seen} of {TABLES} tables: not mid-apply"

    srv.start()  # same home: its runs are recovered at once, the crawl queued again
    with _client(srv) as c:
        deadline = time.monotonic() + 180
        run: dict[str, Any] = {}
        while time.monotonic() < deadline:
            run = c.get(f"/v1/crawl-runs/{run_id}").json()
            if run["state"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
                break
            time.sleep(0.2)
        assert run["state"] == "SUCCEEDED", run
        tables = _tables(c)
        assert len(tables) == TABLES
        for table in tables:
            t = int(table["name"].removeprefix("t"))
            assert [col["name"] for col in table["columns"]] == ["id", "day_total", f"col_{t}"]
            assert table["properties"]["object_count"] == PARTITIONS
        for name in ("t000", "t119"):
            parts = c.get(f"/v1/databases/lake/tables/{name}/partitions").json()["partitions"]
            assert sorted(p["values"] for p in parts) == [[str(p)] for p in range(PARTITIONS)]


def test_an_event_crawl_killed_mid_apply_counts_each_object_once_after_its_rerun(
    server_factory: Any,
) -> None:
    srv: RunningServer = server_factory()
    srv.start()
    out = srv.cli(
        "streams", "create", "ev", "--prefix", "raw/!{partitionKeyFromQuery:t}/",
        "--partition-key", "t", "--interval", "900",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    out = srv.cli("crawlers", "create", "c", "--prefix", "raw/", "--database", "lake", "--events")
    assert out.returncode == 0, out.stderr
    records = b"".join(
        orjson.dumps({"t": f"t{t:03d}", "id": t, f"col_{t}": "x"}) + b"\n" for t in range(TABLES)
    )
    assert srv.cli("put", "ev", "-", input=records).returncode == 0
    with _client(srv) as c:
        # The flush writes 120 objects and their events; the scheduler starts the event crawl.
        c.post("/v1/streams/ev/flush").raise_for_status()
        deadline = time.monotonic() + 120
        seen = 0
        while time.monotonic() < deadline:
            seen = len(_tables(c))
            if seen > 0:
                break
            time.sleep(0.005)
    srv.kill()
    assert 0 < seen < TABLES, f"the kill came at {seen} of {TABLES} tables: not mid-apply"

    srv.start()
    with _client(srv) as c:
        deadline = time.monotonic() + 180
        runs: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            runs = c.get("/v1/crawlers/c/runs").json()["runs"]
            ended = all(r["state"] in ("SUCCEEDED", "FAILED", "CANCELLED") for r in runs)
            if runs and ended and len(_tables(c)) == TABLES:
                break
            time.sleep(0.2)
        assert runs and runs[-1]["state"] == "SUCCEEDED", runs
        tables = _tables(c)
        assert len(tables) == TABLES
        counts = {t["name"]: t["properties"]["object_count"] for t in tables}
        assert counts == {f"t{t:03d}": 1 for t in range(TABLES)}
        assert {t["properties"]["row_estimate"] for t in tables} == {1}
