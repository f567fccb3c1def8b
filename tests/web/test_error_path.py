"""One error path: whatever goes wrong in a handler, a bug included, comes back in that API's
shape with a request id, which the server log has beside the traceback; and blocking work
never runs on the event loop."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from lakebox.config import Settings
from lakebox.web.app import create_app
from tests.conftest import RunningServer


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        token = json.loads(settings.admin_credential_file.read_text())["token"]
        c.headers["Authorization"] = f"Bearer {token}"
        yield c


def _break(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the services: lookups that raise an exception lakebox does not expect."""
    box: Any = client.app.state.box  # type: ignore[attr-defined]

    def bug(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug")

    monkeypatch.setattr(box.ingest, "list_streams", bug)
    monkeypatch.setattr(box.tables, "databases", bug)


def test_a_bug_in_v1_is_json_with_a_request_id(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _break(client, monkeypatch)
    with caplog.at_level(logging.ERROR):
        resp = client.get("/v1/streams")
    assert resp.status_code == 500
    body = resp.json()
    rid = resp.headers["x-lakebox-request-id"]
    assert body == {
        "ok": False,
        "status": 500,
        "request_id": rid,
        "error": f"internal error (KeyError) in request {rid}; the server log has the details "
        "under that id",
    }
    [record] = [r for r in caplog.records if rid in r.getMessage()]
    assert record.exc_info is not None and "a bug" in str(record.exc_info[1])


@pytest.mark.parametrize(
    ("target", "body"),
    [
        ("Firehose_20150804.ListDeliveryStreams", {}),
        ("AmazonAthena.ListDatabases", {"CatalogName": "AwsDataCatalog"}),
    ],
)
def test_a_bug_in_an_aws_api_is_its_internal_error_shape(
    client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    target: str,
    body: dict[str, Any],
) -> None:
    _break(client, monkeypatch)
    with caplog.at_level(logging.ERROR):
        resp = client.post("/", content=json.dumps(body), headers={"X-Amz-Target": target})
    assert resp.status_code == 500
    assert resp.headers["content-type"] == "application/x-amz-json-1.1"
    rid = resp.headers["x-amzn-RequestId"]
    shape = resp.json()
    assert shape["__type"] == "InternalFailure" and rid in shape["message"]
    assert any(rid in r.getMessage() and r.exc_info for r in caplog.records)


def test_every_answer_carries_its_request_id(client: TestClient) -> None:
    ok = client.post(
        "/", content=b"{}", headers={"X-Amz-Target": "Firehose_20150804.ListDeliveryStreams"}
    )
    assert ok.status_code == 200 and len(ok.headers["x-amzn-RequestId"]) == 36
    assert len(client.get("/v1/streams").headers["x-lakebox-request-id"]) == 36


@pytest.mark.slow
def test_a_slow_metadata_database_stalls_no_other_request(server: RunningServer) -> None:
    """Requests that wait for the metadata database (here: its write lock, held by another
    connection) wait in worker threads; /health and puts answer meanwhile."""
    firehose = server.firehose()
    firehose.create_delivery_stream(DeliveryStreamName="s")
    firehose.put_record(DeliveryStreamName="s", Record={"Data": b'{"a": 1}\n'})
    token = server.credential["token"]
    headers = {"Authorization": f"Bearer {token}"}
    blocker = sqlite3.connect(server.home / "lakebox.db", timeout=1, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # the write lock, held
    results: list[int] = []

    def create(i: int) -> None:
        resp = httpx.post(
            f"{server.url}/v1/databases", json={"name": f"db{i}"}, headers=headers, timeout=60
        )
        results.append(resp.status_code)

    waiting = [threading.Thread(target=create, args=(i,)) for i in range(3)]
    try:
        for t in waiting:
            t.start()
        time.sleep(1.0)  # they are waiting for the lock now
        for _ in range(5):
            started = time.monotonic()
            assert httpx.get(f"{server.url}/health", timeout=5).status_code == 200
            put = firehose.put_record_batch(
                DeliveryStreamName="s", Records=[{"Data": b'{"a": 2}\n'}]
            )
            assert put["FailedPutCount"] == 0
            assert time.monotonic() - started < 1.0, "the event loop was stalled"
        assert results == []  # still waiting: the lock is still held
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        for t in waiting:
            t.join(timeout=60)
    assert results == [201, 201, 201]


@pytest.mark.parametrize("wait", ["abc", -1, 61, True, [1]])
def test_wait_is_a_bounded_number(client: TestClient, wait: Any) -> None:
    resp = client.post("/v1/queries", json={"sql": "SELECT 1", "wait": wait})
    assert resp.status_code == 400
    assert resp.json()["error"].startswith("field 'wait': ")


@pytest.mark.slow
def test_waiting_clients_hold_no_thread(server: RunningServer) -> None:
    """Clients waiting on queries that stay QUEUED (here: more than the workers) leave every
    other request its speed: waiting holds no worker thread."""
    headers = {"Authorization": f"Bearer {server.credential['token']}"}
    firehose = server.firehose()
    firehose.create_delivery_stream(DeliveryStreamName="n")
    firehose.put_record_batch(
        DeliveryStreamName="n", Records=[{"Data": b'{"v": %d}\n' % i} for i in range(300)]
    )
    httpx.post(f"{server.url}/v1/streams/n/flush", headers=headers, timeout=60)
    crawler = {"name": "c", "prefixes": ["raw/n/"], "database": "lake"}
    httpx.post(f"{server.url}/v1/crawlers", json=crawler, headers=headers, timeout=60)
    server.cli("crawlers", "run", "c")
    slow = "SELECT sum(a.v * b.v * c.v * d.v) FROM lake.n a, lake.n b, lake.n c, lake.n d"
    waiting = [
        threading.Thread(
            target=httpx.post,
            args=(f"{server.url}/v1/queries",),
            kwargs={"json": {"sql": slow, "wait": 8}, "headers": headers, "timeout": 30},
        )
        for _ in range(8)
    ]
    for t in waiting:
        t.start()
    time.sleep(1.0)
    started = time.monotonic()
    for _ in range(5):
        assert httpx.get(f"{server.url}/v1/databases", headers=headers, timeout=10).is_success
    assert time.monotonic() - started < 2.0
    for t in waiting:
        t.join()
    queries = httpx.get(f"{server.url}/v1/queries", headers=headers, timeout=10).json()
    for q in queries["queries"]:
        if q["state"] in ("QUEUED", "RUNNING"):
            httpx.post(f"{server.url}/v1/queries/{q['id']}/cancel", headers=headers, timeout=10)
