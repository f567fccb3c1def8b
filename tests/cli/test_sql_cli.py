"""`lakebox sql` and /v1/queries against a real server."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow


def test_sql_from_the_cli(server: RunningServer) -> None:
    server.cli("streams", "create", "orders", "--interval", "900")
    server.cli(
        "put",
        "orders",
        "-",
        input=b'{"id": 1, "total": 5.5, "country": "nl"}\n{"id": 2, "total": 4.5, "country": "de"}\n'
        b'{"id": 3, "total": 1, "country": "nl"}\n',
    )
    server.cli("streams", "flush", "orders")
    server.cli("crawlers", "create", "c", "--prefix", "raw/", "--database", "lake")
    assert server.cli("crawlers", "run", "c").returncode == 0
    out = server.cli(
        "sql", "SELECT country, sum(total) AS revenue FROM lake.orders GROUP BY 1 ORDER BY 1"
    )
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "nl" in text and "6.5" in text and "2 row(s)" in text
    out = server.cli("sql", "SELECT id FROM lake.orders ORDER BY id", "--format", "csv")
    assert out.stdout.decode().splitlines() == ['"id"', '"1"', '"2"', '"3"']
    out = server.cli(
        "sql",
        "SELECT nvl(country, '?') AS c FROM lake.orders WHERE id = 1",
        "--dialect",
        "spark",
        "--format",
        "json",
    )
    assert [json.loads(line) for line in out.stdout.decode().splitlines()] == [{"c": "nl"}]
    out = server.cli("sql", "SELECT * FROM read_csv('/etc/passwd')", "--dialect", "duckdb")
    assert out.returncode == 1
    assert (
        out.stderr.decode()
        .strip()
        .startswith("error: query failed: table functions such as read_csv")
    )
    # the history through the API, with the Athena-style CSV download
    token = server.credential["token"]
    history = httpx.get(
        f"{server.url}/v1/queries", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert [q["state"] for q in history["queries"]][:1] == ["FAILED"]
    ok = next(q for q in history["queries"] if q["state"] == "SUCCEEDED")
    csv = httpx.get(
        f"{server.url}/v1/queries/{ok['id']}/results?format=csv",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.startswith('"')
