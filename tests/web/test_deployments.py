"""The same server on the team set-up: S3-compatible storage and PostgreSQL metadata."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow


def flush(srv: RunningServer, stream: str) -> dict[str, Any]:
    resp = httpx.post(
        f"{srv.url}/v1/streams/{stream}/flush",
        headers={"Authorization": f"Bearer {srv.credential['token']}"},
        timeout=60,
    )
    resp.raise_for_status()
    data: dict[str, Any] = resp.json()
    return data


def test_s3_storage_and_postgres_metadata(server_factory, s3_server, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    prefix = f"team-{uuid.uuid4().hex[:8]}"
    srv: RunningServer = server_factory(
        LAKEBOX_STORAGE=f"s3://{s3_server.bucket}/{prefix}",
        LAKEBOX_S3_ENDPOINT_URL=s3_server.endpoint,
        LAKEBOX_S3_ACCESS_KEY_ID="test",
        LAKEBOX_S3_SECRET_ACCESS_KEY="test",
        LAKEBOX_DATABASE_URL=postgres_url,
    )
    srv.start()
    fh = srv.firehose()
    fh.create_delivery_stream(
        DeliveryStreamName="orders",
        ExtendedS3DestinationConfiguration={
            "RoleARN": "arn:aws:iam::123456789012:role/x",
            "BucketARN": "arn:aws:s3:::lake",
            "Prefix": "raw/orders/",
        },
    )
    fh.put_record_batch(
        DeliveryStreamName="orders",
        Records=[{"Data": b'{"order": %d}\n' % i} for i in range(10)],
    )
    assert flush(srv, "orders")["delivery"]["records_delivered"] == 10
    keys = [
        o["Key"]
        for o in s3_server.client().list_objects_v2(Bucket=s3_server.bucket, Prefix=prefix)[
            "Contents"
        ]
    ]
    [key] = keys
    # No AppendDelimiterToRecord processor: records are concatenated as sent (with their own
    # newlines), and the static prefix got Firehose's yyyy/MM/dd/HH/ folders appended.
    assert key.startswith(f"{prefix}/raw/orders/20")
    body = s3_server.client().get_object(Bucket=s3_server.bucket, Key=key)["Body"].read()
    assert body == b"".join(b'{"order": %d}\n' % i for i in range(10))
    # the stream, the keys and the object event live in PostgreSQL
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        assert conn.execute(text("select name from delivery_streams")).scalars().all() == ["orders"]
        events = conn.execute(text("select bucket, key from object_events")).all()
    engine.dispose()
    assert [(b, f"{prefix}/{k}") for b, k in events] == [(s3_server.bucket, key)]


def test_a_second_server_on_the_same_home_refuses(server: RunningServer) -> None:
    out = server.cli("serve", "--port", "1")
    assert out.returncode == 1
    assert "another lakebox server is running on home" in out.stderr.decode()
