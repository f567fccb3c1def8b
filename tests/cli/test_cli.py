"""The `lakebox` command against a real server, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow


def test_streams_lifecycle(server: RunningServer) -> None:
    out = server.cli("streams", "create", "orders", "--partition-key", "region", "--gzip")
    assert out.returncode == 0, out.stderr
    listed = json.loads(server.cli("streams", "list", "--json").stdout)
    assert [s["name"] for s in listed] == ["orders"]
    assert listed[0]["compression"] == "GZIP"
    described = json.loads(server.cli("streams", "describe", "orders", "--json").stdout)
    assert described["partition_query"] == "{region: .region}"
    table = server.cli("streams", "list").stdout.decode()
    assert "orders" in table
    assert server.cli("streams", "delete", "orders").returncode == 0
    assert json.loads(server.cli("streams", "list", "--json").stdout) == []


def test_put_file_with_progress_and_rejected_lines(server: RunningServer, tmp_path: Path) -> None:
    server.cli("streams", "create", "events")
    data = tmp_path / "events.ndjson"
    lines = [json.dumps({"i": i, "text": 'a, "quoted"\nvalue'}) for i in range(1200)]
    lines.insert(700, "{broken")
    data.write_text("\n".join(lines) + "\n")
    out = server.cli("put", "events", str(data))
    assert out.returncode == 1  # some lines were rejected
    assert "1200 record(s) accepted, 1 rejected" in out.stdout.decode()
    assert "line 701" in out.stderr.decode()
    flushed = json.loads(server.cli("streams", "flush", "events", "--json").stdout)
    assert flushed["delivery"]["records_delivered"] == 1200
    delivered = b"".join(
        p.read_bytes() for p in sorted((server.home / "data" / "raw" / "events").rglob("events-*"))
    )
    expected = [line for line in lines if line != "{broken"]
    assert delivered == ("\n".join(expected) + "\n").encode()


def test_put_from_stdin(server: RunningServer) -> None:
    server.cli("streams", "create", "s")
    out = server.cli("put", "s", "-", input=b'{"a": 1}\n{"a": 2}\n')
    assert out.returncode == 0, out.stderr
    assert "2 record(s) accepted, 0 rejected" in out.stdout.decode()


def test_keys(server: RunningServer) -> None:
    out = server.cli("keys", "create", "svc", "--json")
    key = json.loads(out.stdout)
    assert key["token"] == f"{key['access_key_id']}:{key['secret_access_key']}"
    names = [k["name"] for k in json.loads(server.cli("keys", "list", "--json").stdout)]
    assert names == ["admin", "svc"]
    assert server.cli("keys", "revoke", key["access_key_id"]).returncode == 0
    names = [k["name"] for k in json.loads(server.cli("keys", "list", "--json").stdout)]
    assert names == ["admin"]


def test_errors_are_one_line(server: RunningServer) -> None:
    out = server.cli("streams", "describe", "nope")
    assert out.returncode == 1
    err = out.stderr.decode().strip()
    assert err == "error: delivery stream 'nope' not found; no streams exist yet"
    out = server.cli("streams", "create", "bad", "--buffer-mib", "0")
    assert out.stderr.decode().strip().startswith("error: BufferingHints.SizeInMBs must be 1-128")
    out = server.cli("put", "nope", "-", input=b"{}\n")
    assert out.returncode == 1 and "Traceback" not in out.stderr.decode()


def test_server_down_is_one_clear_line(server_factory) -> None:  # type: ignore[no-untyped-def]
    srv: RunningServer = server_factory()
    srv.start()
    srv.stop()
    out = srv.cli("streams", "list")
    assert out.returncode == 1
    err = out.stderr.decode().strip()
    assert err.startswith("error: cannot reach lakebox at http://127.0.0.1:")
    assert "\n" not in err


def test_missing_credential_is_one_clear_line(tmp_path: Path, server_factory) -> None:  # type: ignore[no-untyped-def]
    srv: RunningServer = server_factory()
    out = srv.cli("streams", "list")
    assert out.returncode == 1
    assert "no admin credential" in out.stderr.decode()
    assert "Traceback" not in out.stderr.decode()


def test_serve_with_bad_settings_is_one_clear_line(server_factory) -> None:  # type: ignore[no-untyped-def]
    srv: RunningServer = server_factory(LAKEBOX_STORAGE="ftp://host/lake")
    out = srv.cli("serve")
    assert out.returncode == 1
    err = out.stderr.decode().strip().splitlines()[-1]
    assert err == "error: storage URL 'ftp://host/lake': unknown scheme 'ftp'; known: file, s3"
