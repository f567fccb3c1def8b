"""Two `lakebox serve` on one PostgreSQL database and one lake folder: producers put through
both, queries run on either, a crawl is scheduled once, a query is cancelled through the other
process, and `kill -9` of one loses no acknowledged record and leaves no run stuck."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import RunningServer, until

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

SLOW = (
    "SELECT sum(a.n * b.n * c.n * d.n) AS s "
    "FROM lake.events a, lake.events b, lake.events c, lake.events d"
)


class Api:
    def __init__(self, server: RunningServer, token: str) -> None:
        self.server = server
        self.headers = {"Authorization": f"Bearer {token}"}

    def __call__(self, method: str, path: str, **kwargs: Any) -> Any:
        resp = httpx.request(
            method, f"{self.server.url}{path}", headers=self.headers, timeout=60, **kwargs
        )
        assert resp.status_code < 300, f"{method} {path}: {resp.status_code} {resp.text}"
        return resp.json()

    def put(self, first: int, count: int) -> int:
        body = b"".join(b'{"n": %d}\n' % i for i in range(first, first + count))
        return int(self("POST", "/v1/streams/events/records", content=body)["accepted"])

    def query(self, sql: str) -> dict[str, Any]:
        return dict(self("POST", "/v1/queries", json={"sql": sql}))


def test_two_servers_one_database_one_lake(
    server_factory: Any, postgres_url: str, tmp_path: Path
) -> None:
    env = {
        "LAKEBOX_DATABASE_URL": postgres_url,
        "LAKEBOX_STORAGE": f"file://{tmp_path / 'lake'}",
        "LAKEBOX_RUN_LEASE_S": "3",
        "LAKEBOX_QUERY_CONCURRENCY": "1",
    }
    a: RunningServer = server_factory(**env)
    a.start()
    b: RunningServer = server_factory(**env)
    b.home.mkdir(parents=True)
    shutil.copy(a.home / "secret.key", b.home / "secret.key")  # servers of one database share it
    b.start()
    token = a.credential["token"]  # keys live in the shared database: valid on both
    via_a, via_b = Api(a, token), Api(b, token)
    engine = create_engine(postgres_url)

    def sql(statement: str) -> list[Any]:
        with engine.begin() as conn:
            result = conn.execute(text(statement))
            return list(result.all()) if result.returns_rows else []

    try:
        # Producers put through both; every acknowledged record reaches the lake.
        via_a("POST", "/v1/streams", json={"name": "events", "buffer_interval_s": 60})
        acked = sum(via_a.put(i * 100, 20) + via_b.put(i * 100 + 50, 20) for i in range(5))
        assert acked == 200
        via_a("POST", "/v1/streams/events/flush")
        via_b("POST", "/v1/streams/events/flush")

        # A scheduled crawl fires once, whichever server leads the scheduler.
        via_a(
            "POST",
            "/v1/crawlers",
            json={
                "name": "ev",
                "prefixes": ["raw/events/"],
                "database": "lake",
                "schedule": "0 3 * * *",
            },
        )
        until(lambda: sql("SELECT 1 FROM schedules WHERE name = 'ev'"), what="schedule set up")
        sql("UPDATE schedules SET next_fire_at = now() - interval '1 minute' WHERE name = 'ev'")
        until(
            lambda: sql("SELECT 1 FROM runs WHERE kind = 'crawl' AND state = 'SUCCEEDED'"),
            what="the scheduled crawl",
        )
        time.sleep(5)  # both schedulers ticked since
        assert len(sql("SELECT id FROM runs WHERE kind = 'crawl'")) == 1
        [(advanced,)] = sql("SELECT next_fire_at > now() FROM schedules WHERE name = 'ev'")
        assert advanced

        # Queries run on either and are seen through the other.
        count = via_a.query("SELECT count(*) AS c FROM lake.events")
        done = until(
            lambda: (e := via_b("GET", f"/v1/queries/{count['id']}"))["state"] == "SUCCEEDED" and e,
            what="the count",
        )
        assert done["rows"] == 1
        assert via_b("GET", f"/v1/queries/{count['id']}/results")["rows"] == [[200]]

        # A query is cancelled through the process that does not run it.
        slow = via_a.query(SLOW)
        until(
            lambda: via_b("GET", f"/v1/queries/{slow['id']}")["state"] == "RUNNING",
            what="slow query running",
        )
        [(owner,)] = sql(f"SELECT owner FROM runs WHERE id = '{slow['id']}'")
        other = via_b if str(a.home) in owner else via_a
        other("POST", f"/v1/queries/{slow['id']}/cancel")
        until(
            lambda: via_a("GET", f"/v1/queries/{slow['id']}")["state"] == "CANCELLED",
            within=15,
            what="the cancel through the other server",
        )

        # kill -9 of b mid-work: acknowledged records survive, its running query is failed by
        # a once the lease runs out, and nothing stays QUEUED or RUNNING.
        assert via_b.put(1000, 50) == 50
        first, second = via_a.query(SLOW), via_b.query(SLOW)
        until(
            lambda: len(sql("SELECT 1 FROM runs WHERE kind = 'query' AND state = 'RUNNING'")) == 2,
            what="both servers running a query",
        )
        [(on_b,)] = sql(f"SELECT id FROM runs WHERE state = 'RUNNING' AND owner LIKE '%{b.home}%'")
        b.kill()
        failed = until(
            lambda: (e := via_a("GET", f"/v1/queries/{on_b}"))["state"] == "FAILED" and e,
            within=30,
            what="recovery of the dead server's query",
        )
        assert failed["error"] == "server stopped while running"
        for q in (first, second):
            via_a("POST", f"/v1/queries/{q['id']}/cancel")
        until(
            lambda: not sql("SELECT 1 FROM runs WHERE state IN ('QUEUED', 'RUNNING')"),
            within=20,
            what="no run left queued or running",
        )
        b.start()  # its write-ahead log delivers what it acknowledged
        via_b("POST", "/v1/streams/events/flush")
        crawl = via_a("POST", "/v1/crawlers/ev/runs", json={"mode": "full"})
        until(
            lambda: via_a("GET", f"/v1/crawl-runs/{crawl['id']}")["state"] == "SUCCEEDED",
            what="the crawl after the restart",
        )
        again = via_b.query("SELECT count(*) AS c, count(DISTINCT n) AS d FROM lake.events")
        until(
            lambda: via_b("GET", f"/v1/queries/{again['id']}")["state"] == "SUCCEEDED",
            what="the final count",
        )
        assert via_a("GET", f"/v1/queries/{again['id']}/results")["rows"] == [[250, 250]]
    finally:
        engine.dispose()
