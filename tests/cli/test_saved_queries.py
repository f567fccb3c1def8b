"""Saved queries: the demo's run over the demo tables; the Athena named-query actions."""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import RunningServer
from tests.web.test_athena import athena

pytestmark = pytest.mark.slow


def test_demo_saved_queries_run(server_factory) -> None:  # type: ignore[no-untyped-def]
    srv: RunningServer = server_factory()
    srv.start("--demo")
    deadline = time.monotonic() + 60
    names: list[str] = []
    while time.monotonic() < deadline:  # the demo's event-mode crawler makes the tables
        out = srv.cli("tables", "list", "demo", "--json")
        names = [t["name"] for t in json.loads(out.stdout or b"[]")] if out.returncode == 0 else []
        if {"deals", "orders", "pageviews"} <= set(names):
            break
        time.sleep(1)
    assert {"deals", "orders", "pageviews"} <= set(names)
    saved = json.loads(srv.cli("queries", "list", "--json").stdout)
    assert [q["name"] for q in saved] == ["best-discounts", "revenue-by-category", "top-pages"]
    for q in saved:
        out = srv.cli("sql", "--saved", q["name"], "--format", "json")
        assert out.returncode == 0, (q["name"], out.stderr)
        rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
        assert rows, q["name"]
    out = srv.cli("sql", "--saved", "revenue-by-category", "--format", "json")
    first = json.loads(out.stdout.decode().splitlines()[0])
    assert set(first) == {"category", "revenue", "items"}


def test_named_queries_through_athena_api(server: RunningServer) -> None:
    client = athena(server)
    qid = client.create_named_query(
        Name="n", Database="lake", QueryString="SELECT 1", Description="one"
    )["NamedQueryId"]
    got = client.get_named_query(NamedQueryId=qid)["NamedQuery"]
    assert (got["Name"], got["Database"], got["QueryString"]) == ("n", "lake", "SELECT 1")
    assert client.list_named_queries()["NamedQueryIds"] == [qid]
    assert json.loads(server.cli("queries", "list", "--json").stdout)[0]["description"] == "one"
    out = server.cli("queries", "save", "bad", "SELECT FROM WHERE (")
    assert out.returncode == 1 and "SQL syntax error" in out.stderr.decode()
    client.delete_named_query(NamedQueryId=qid)
    assert client.list_named_queries()["NamedQueryIds"] == []
