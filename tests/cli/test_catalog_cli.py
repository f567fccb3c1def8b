"""Crawlers and tables through the CLI and the HTTP API, against a real server."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow


def test_stream_to_table_with_crawler(server: RunningServer) -> None:
    server.cli("streams", "create", "orders", "--interval", "900")
    server.cli(
        "put",
        "orders",
        "-",
        input=b'{"id": 1, "total": 5}\n{"id": 2, "total": 7.5, "coupon": "X"}\n',
    )
    server.cli("streams", "flush", "orders")
    (server.home / "data" / "raw" / "broken").mkdir(parents=True)
    (server.home / "data" / "raw" / "broken" / "x.json").write_bytes(b'{"a": 1}\nnope\n')
    out = server.cli("crawlers", "create", "lake", "--prefix", "raw/", "--database", "lake")
    assert out.returncode == 0, out.stderr
    out = server.cli("crawlers", "run", "lake")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "created lake.orders" in text
    assert "raw/broken/x.json: line 2 is not JSON" in out.stderr.decode()
    table = json.loads(server.cli("tables", "show", "lake.orders", "--json").stdout)
    assert {c["name"]: c["type"] for c in table["columns"]} == {
        "id": "bigint",
        "total": "double",
        "coupon": "string",
    }
    assert [k["name"] for k in table["partition_keys"]] == ["year", "month", "day", "hour"]
    assert len(table["partitions"]) == 1
    history = json.loads(server.cli("tables", "history", "lake.orders", "--json").stdout)
    assert history[0]["version"] == 1
    names = [t["name"] for t in json.loads(server.cli("tables", "list", "lake", "--json").stdout)]
    assert names == ["orders"]  # a folder whose only object is bad makes no table
    assert json.loads(server.cli("databases", "list", "--json").stdout)[0]["name"] == "lake"
    out = server.cli("tables", "show", "lake.ordrs")
    assert out.stderr.decode().strip() == "error: table lake.ordrs not found; did you mean orders?"


def test_event_mode_crawler_follows_new_data(server: RunningServer) -> None:
    server.cli("streams", "create", "clicks", "--interval", "900", "--partition-key", "country")
    out = server.cli(
        "crawlers", "create", "live", "--prefix", "raw/clicks/", "--database", "web", "--events"
    )
    assert out.returncode == 0, out.stderr
    server.cli("put", "clicks", "-", input=b'{"country": "nl", "page": "/"}\n')
    server.cli("streams", "flush", "clicks")
    token = server.credential["token"]
    deadline = time.monotonic() + 20
    table = None
    while time.monotonic() < deadline:
        resp = httpx.get(
            f"{server.url}/v1/databases/web/tables/clicks",
            headers={"Authorization": f"Bearer {token}"},
        )
        if resp.status_code == 200:
            table = resp.json()
            break
        time.sleep(0.3)
    assert table is not None, "the event-mode crawler should create the table on its own"
    assert [k["name"] for k in table["partition_keys"]] == [
        "country",
        "year",
        "month",
        "day",
        "hour",
    ]
    server.cli("put", "clicks", "-", input=b'{"country": "de", "page": "/x", "ms": 5}\n')
    server.cli("streams", "flush", "clicks")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        table = httpx.get(
            f"{server.url}/v1/databases/web/tables/clicks",
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        if len(table["partitions"]) == 2:
            break
        time.sleep(0.3)
    assert len(table["partitions"]) == 2
    assert "ms" in {c["name"] for c in table["columns"]}
    runs = json.loads(server.cli("crawlers", "show", "live", "--json").stdout)["runs"]
    assert all(r["mode"] == "events" for r in runs)


def test_crawler_errors_are_one_line(server: RunningServer) -> None:
    out = server.cli(
        "crawlers", "create", "x", "--prefix", "raw/", "--database", "lake", "--schedule", "hourly"
    )
    assert out.stderr.decode().strip() == (
        "error: schedule 'hourly' is not a cron expression "
        "(minute hour day-of-month month day-of-week, e.g. '0 * * * *')"
    )
    out = server.cli("crawlers", "run", "nope")
    assert out.stderr.decode().strip() == "error: crawler 'nope' not found; no crawlers yet"
    out = server.cli("tables", "show", "nodot")
    assert "DATABASE.TABLE" in out.stderr.decode()
    # A wait that runs out says what it waited for and that the crawl goes on.
    server.cli("crawlers", "create", "w", "--prefix", "raw/", "--database", "lake")
    out = server.cli("crawlers", "run", "w", "--wait", "0")
    assert out.returncode == 1
    message = out.stderr.decode().strip().splitlines()[-1]
    assert message.startswith("error: crawl run ") and "of crawler w is still" in message
    assert message.endswith("it goes on in the server (lakebox crawlers runs w)")
