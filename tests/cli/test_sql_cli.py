"""`lakebox sql` and /v1/queries against a real server."""

from __future__ import annotations

import io
import json
import os
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import LAKEBOX_BIN, RunningServer

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


def test_parquet_output_and_sql_from_stdin(server: RunningServer, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    target = tmp_path / "out.parquet"
    out = server.cli(
        "sql", "SELECT 1 AS n, 'a' AS s, DATE '2026-11-25' AS d", "--format", "parquet",
        "--output", str(target),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    table = pq.read_table(target)
    assert table.to_pylist() == [{"n": 1, "s": "a", "d": date(2026, 11, 25)}]
    assert str(table.schema.field("d").type) == "date32[day]"
    # piped: the Parquet bytes go to stdout
    out = server.cli("sql", "SELECT 2 AS n", "--format", "parquet")
    assert pq.read_table(io.BytesIO(out.stdout)).to_pylist() == [{"n": 2}]
    out = server.cli("sql", "--format", "csv", input=b"SELECT 3 AS n\n")
    assert out.stdout.decode().splitlines() == ['"n"', '"3"']
    out = server.cli("sql", "SELECT 1", "--format", "xml")
    assert (
        out.returncode != 0
        and "--format 'xml'; use table, csv, json, parquet" in out.stderr.decode()
    )


def test_interactive_prompt_with_history(server: RunningServer) -> None:
    """`lakebox sql` in a terminal (a real pseudo-terminal): multi-line statements, errors that
    do not end the session, and a history kept across sessions."""
    import pty
    import select
    import subprocess

    def session(keys: list[bytes]) -> str:
        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [str(LAKEBOX_BIN), "sql"],
            env={**server.env, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"},
            stdin=slave,
            stdout=slave,
            stderr=slave,
        )
        os.close(slave)
        out = bytearray()

        def prompts() -> int:
            return out.count(b"lakebox> ") + out.count(b"...> ")

        def pump_until(done: Any, timeout: float = 30) -> None:
            deadline = time.monotonic() + timeout
            while not done() and time.monotonic() < deadline:
                if select.select([master], [], [], 0.2)[0]:
                    try:
                        chunk = os.read(master, 4096)
                    except OSError:  # the program ended
                        return
                    out.extend(chunk)
            assert done(), out.decode(errors="replace")

        pump_until(lambda: prompts() >= 1)
        for key in keys:
            seen = prompts()
            time.sleep(0.3)  # as a person would: readline discards keys typed before it is ready
            os.write(master, key)
            if key != b"\x04":
                pump_until(lambda seen=seen: prompts() > seen)
        assert proc.wait(timeout=30) == 0
        os.close(master)
        # what the screen shows: without the colour and cursor codes
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode(errors="replace"))

    text = session([b"SELECT 40 + 2\r", b"  AS answer;\r", b"SELECT nope;\r", b"\x04"])
    assert "answer" in text and "42" in text and "1 row(s)" in text
    assert "error:" in text and "nope" in text  # and the session went on to the next prompt
    history = (server.home / "sql_history").read_text()
    assert "SELECT 40 + 2 AS answer;" in history  # one entry for the two lines
    # the next session recalls it: up arrow twice (the last statement was the failed one)
    text = session([b"\x1b[A\x1b[A\r", b"\x04"])
    assert text.count("42") >= 1


def test_a_script_runs_in_order_and_stops_at_the_first_error(server: RunningServer) -> None:
    script = (
        "-- a report in two steps\n"
        "CREATE TABLE lake.steps AS SELECT 1 AS n UNION ALL SELECT 2;\n"
        "SELECT sum(n) AS total, ';' AS semi FROM lake.steps; /* ; */\n"
        "SELECT nope FROM lake.steps;\n"
        "SELECT 'never run' AS x;\n"
    )
    out = server.cli("sql", "--format", "csv", input=script.encode())
    assert out.returncode == 1
    assert out.stdout.decode().splitlines() == ['"rows"', '"2"', '"total","semi"', '"3",";"']
    error = next(x for x in out.stderr.decode().splitlines() if x.startswith("error: "))
    assert error.startswith("error: statement 3 of 4 (line 4) query failed:"), error
    assert "nope" in error and "1 statement(s) after it were not run" in error
    history = json.loads(server.cli("queries", "history", "--json").stdout)
    assert [q["sql"] for q in history][:3] == [
        "SELECT nope FROM lake.steps",
        "SELECT sum(n) AS total, ';' AS semi FROM lake.steps",
        "CREATE TABLE lake.steps AS SELECT 1 AS n UNION ALL SELECT 2",
    ]
    assert not any("never run" in q["sql"] for q in history)


def test_queries_history_show_and_cancel(server: RunningServer) -> None:
    assert server.cli("sql", "SELECT 42 AS answer").returncode == 0
    out = server.cli("queries", "history")
    assert out.returncode == 0 and "query history" in out.stdout.decode()
    latest = json.loads(server.cli("queries", "history", "--json", "--limit", "1").stdout)
    assert len(latest) == 1 and latest[0]["state"] == "SUCCEEDED"
    assert latest[0]["sql"] == "SELECT 42 AS answer"
    shown = server.cli("queries", "show", latest[0]["id"]).stdout.decode()
    assert "SUCCEEDED" in shown and "answer integer" in shown
    token = server.credential["token"]
    slow = httpx.post(
        f"{server.url}/v1/queries",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "sql": "SELECT count(*) FROM UNNEST(sequence(1, 100000)) AS a(x) "
            "CROSS JOIN UNNEST(sequence(1, 100000)) AS b(y)"
        },
    ).json()
    out = server.cli("queries", "cancel", slow["id"])
    assert out.returncode == 0, out.stderr
    deadline = time.monotonic() + 30
    while (state := json.loads(server.cli("queries", "show", slow["id"], "--json").stdout))[
        "state"
    ] in ("QUEUED", "RUNNING") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert state["state"] == "CANCELLED", state
    out = server.cli("queries", "show", "no-such-query")
    assert out.returncode == 1 and "not found" in out.stderr.decode()
