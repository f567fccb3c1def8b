"""lakebox's own JSON API, in-process (Starlette's TestClient runs the real app and lifespan)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from lakebox.config import Settings
from lakebox.web.app import create_app


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        token = json.loads(settings.admin_credential_file.read_text())["token"]
        c.headers["Authorization"] = f"Bearer {token}"
        yield c


def test_health_needs_no_credentials(settings: Settings) -> None:
    with TestClient(create_app(settings)) as c:
        assert c.get("/health").json() == {"ok": True, "status": "healthy"}


def test_every_other_endpoint_needs_credentials(settings: Settings) -> None:
    with TestClient(create_app(settings)) as c:
        for method, path in [
            ("GET", "/v1/streams"),
            ("POST", "/v1/streams/x/records"),
            ("GET", "/v1/keys"),
            ("POST", "/v1/streams/x/flush"),
        ]:
            resp = c.request(method, path)
            assert resp.status_code == 401, path
            body = resp.json()
            assert body["ok"] is False and body["status"] == 401
            assert "Missing Authentication Token" in body["error"]


def test_error_shape_is_pinned(client: TestClient) -> None:
    resp = client.get("/v1/streams/nope")
    assert resp.status_code == 404
    assert resp.json() == {
        "ok": False,
        "error": "delivery stream 'nope' not found; no streams exist yet",
        "status": 404,
        "request_id": resp.headers["x-lakebox-request-id"],
    }


def test_firehose_error_shape_is_pinned(client: TestClient) -> None:
    resp = client.post("/", headers={"X-Amz-Target": "Firehose_20150804.Nope"}, content=b"{}")
    assert resp.status_code == 400
    assert resp.headers["content-type"] == "application/x-amz-json-1.1"
    assert resp.json()["__type"] == "InvalidArgumentException"
    assert "unknown or unsupported Firehose action 'Nope'" in resp.json()["message"]


def create(client: TestClient, **body: Any) -> dict[str, Any]:
    resp = client.post("/v1/streams", json=body)
    assert resp.status_code == 201, resp.text
    data: dict[str, Any] = resp.json()
    return data


def test_ndjson_records_keep_good_lines_and_name_bad_ones(
    client: TestClient, settings: Settings
) -> None:
    create(client, name="events")
    body = b'{"a": 1}\n\nnot json\n{"b": [1, 2]}\r\n'
    resp = client.post(
        "/v1/streams/events/records",
        content=body,
        headers={"Content-Type": "application/x-ndjson"},
    )
    data = resp.json()
    assert data["accepted"] == 2 and data["failed"] == 1 and data["ok"] is False
    assert data["records"][1]["index"] == 1
    assert data["records"][1]["error"].startswith("line 3 is not JSON")
    flushed = client.post("/v1/streams/events/flush").json()
    assert flushed["objects_written_by_flush"] == 1
    [obj] = list((settings.home / "data" / "raw" / "events").rglob("events-*"))
    assert obj.read_bytes() == b'{"a": 1}\n{"b": [1, 2]}\n'  # byte for byte


def test_json_array_records(client: TestClient) -> None:
    create(client, name="events")
    resp = client.post("/v1/streams/events/records", json=[{"a": 1}, {"b": "two"}])
    assert resp.json()["accepted"] == 2
    resp = client.post("/v1/streams/events/records", json={"not": "an array"})
    assert resp.status_code == 400 and "array" in resp.json()["error"]


def test_request_body_limit(client: TestClient, settings: Settings) -> None:
    create(client, name="events")
    resp = client.post(
        "/v1/streams/events/records",
        content=b"{}\n" * (settings.max_request_bytes // 3 + 1),
        headers={"Content-Type": "application/x-ndjson"},
    )
    assert resp.status_code == 413
    assert "limit" in resp.json()["error"]


def test_stream_crud_and_validation(client: TestClient) -> None:
    s = create(client, name="orders", partition_keys=["region"], compression="GZIP")
    assert (
        s["prefix"]
        == "raw/orders/region=!{partitionKeyFromQuery:region}/!{timestamp:yyyy/MM/dd/HH}/"
    )
    assert s["dynamic_partitioning"] is True
    assert [x["name"] for x in client.get("/v1/streams").json()["streams"]] == ["orders"]
    bad = client.post("/v1/streams", json={"name": "x", "buffer_size_mib": 0})
    assert bad.status_code == 400 and "SizeInMBs" in bad.json()["error"]
    bad = client.post("/v1/streams", json={"name": "x", "colour": "red"})
    assert "unknown field 'colour'" in bad.json()["error"]
    assert client.post("/v1/streams", json={"name": "orders"}).status_code == 409
    assert client.delete("/v1/streams/orders").json() == {"ok": True, "deleted": "orders"}


def test_producer_keys_cannot_administer(client: TestClient) -> None:
    key = client.post("/v1/keys", json={"name": "svc"}).json()
    assert key["role"] == "producer"
    producer = {"Authorization": f"Bearer {key['token']}"}
    resp = client.post("/v1/streams", json={"name": "x"}, headers=producer)
    assert resp.status_code == 403 and "role producer" in resp.json()["error"]
    assert client.get("/v1/keys", headers=producer).status_code == 403
