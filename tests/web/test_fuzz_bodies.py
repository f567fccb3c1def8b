"""Property-based fuzzing of every request body: Firehose, Athena and /v1 get arbitrary JSON
(right and wrong shapes, deep nesting, odd strings); none may answer 500, and every answer is
that API's JSON error shape or a success. Bounded for `make test`;
LAKEBOX_FUZZ_EXAMPLES=N runs N examples per target."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from lakebox.config import Settings
from lakebox.web import athena, firehose
from lakebox.web.app import create_app

EXAMPLES = int(os.environ.get("LAKEBOX_FUZZ_EXAMPLES", "25"))

# Scalars users and attackers send: wrong types, huge numbers, paths, NULs, unicode.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["..", "../etc", "/etc/passwd", "a\x00b", "s", "lake", "SELECT 1", "*"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def bodies(fields: list[str]) -> st.SearchStrategy[Any]:
    """Objects made of the action's own field names (so validation gets past the first
    field) with arbitrary values, plus anything at all."""
    known = st.dictionaries(st.sampled_from(fields), json_values, max_size=len(fields))
    return st.one_of(known, json_values)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from tests.conftest import free_port

    home = tmp_path_factory.mktemp("fuzz") / "home"
    with TestClient(
        create_app(Settings.load(home=home, env={}, port=free_port())),
        raise_server_exceptions=False,
    ) as c:
        token = json.loads((home / "admin-credentials.json").read_text())["token"]
        c.headers["Authorization"] = f"Bearer {token}"
        c.post("/v1/streams", json={"name": "s"})
        yield c


FIELDS = [
    "DeliveryStreamName", "Record", "Records", "Data", "Limit", "ExclusiveStartDeliveryStreamName",
    "DeliveryStreamType", "ExtendedS3DestinationConfiguration", "S3DestinationConfiguration",
    "SplunkDestinationConfiguration", "AllowForceDelete", "ExclusiveStartDestinationId", "QueryString",
    "QueryExecutionContext", "QueryExecutionId", "QueryExecutionIds", "MaxResults", "NextToken",
    "CatalogName", "DatabaseName", "TableName", "WorkGroup", "Name", "Database", "Description",
    "NamedQueryId", "NamedQueryIds", "ExecutionParameters",
]  # fmt: skip
V1_FIELDS = [
    "name", "prefix", "error_output_prefix", "buffer_size_mib", "buffer_interval_s",
    "compression", "partition_keys", "role", "description", "columns", "format", "partition_by",
    "add_columns", "widen", "snapshot_id", "prefixes", "database", "schedule", "events", "mode",
    "sql", "saved_query", "dialect", "wait",
]  # fmt: skip
TARGETS = [f"Firehose_20150804.{a}" for a in firehose.ACTIONS] + [
    f"AmazonAthena.{a}" for a in athena.ACTIONS
]
V1_POSTS = [
    "/v1/streams", "/v1/keys", "/v1/databases", "/v1/databases/d/tables",
    "/v1/databases/d/tables/t/schema", "/v1/databases/d/tables/t/rollback", "/v1/crawlers",
    "/v1/crawlers/c/runs", "/v1/queries", "/v1/saved-queries", "/v1/streams/s/records",
]  # fmt: skip


def _fuzz(check: Any) -> Any:
    return settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )(check)


@pytest.mark.parametrize("target", TARGETS)
def test_aws_actions_never_answer_500(client: TestClient, target: str) -> None:
    @_fuzz
    @given(body=bodies(FIELDS))
    def check(body: Any) -> None:
        resp = client.post("/", content=json.dumps(body), headers={"X-Amz-Target": target})
        assert resp.status_code < 500, (target, body, resp.text)
        assert resp.headers["content-type"] == "application/x-amz-json-1.1"
        if resp.status_code >= 400:
            assert resp.json()["__type"] and resp.json()["message"]

    check()


@pytest.mark.parametrize("path", V1_POSTS)
def test_v1_posts_never_answer_500(client: TestClient, path: str) -> None:
    @_fuzz
    @given(body=bodies(V1_FIELDS))
    def check(body: Any) -> None:
        resp = client.post(path, content=json.dumps(body))
        assert resp.status_code < 500, (path, body, resp.text)
        if resp.status_code >= 400:
            shape = resp.json()
            assert shape["ok"] is False and shape["status"] == resp.status_code

    check()


@_fuzz
@given(raw=st.binary(max_size=200))
def test_bytes_that_are_not_json(client: TestClient, raw: bytes) -> None:
    for target in ("AmazonAthena.StartQueryExecution", "Firehose_20150804.PutRecordBatch"):
        resp = client.post("/", content=raw, headers={"X-Amz-Target": target})
        assert resp.status_code < 500, (raw, resp.text)
    assert client.post("/v1/queries", content=raw).status_code < 500
