"""Every request body is validated against its one declaration: a wrong type, a missing or
unknown field is a 400 naming the field, never a 500 (issue: wrong types answered 500)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from lakebox.config import Settings
from lakebox.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from tests.conftest import free_port

    settings = Settings.load(
        home=tmp_path_factory.mktemp("bodies") / "home", env={}, port=free_port()
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        token = json.loads(settings.admin_credential_file.read_text())["token"]
        c.headers["Authorization"] = f"Bearer {token}"
        yield c


V1_BAD: list[tuple[str, str, Any, str]] = [
    ("POST", "/v1/streams", {"name": "s", "compression": 5}, "field 'compression'"),
    ("POST", "/v1/streams", {"name": 5}, "field 'name'"),
    ("POST", "/v1/streams", [1, 2], "JSON object"),
    ("POST", "/v1/keys", {"name": None}, "field 'name'"),
    ("POST", "/v1/databases", {"name": "d", "description": 7}, "field 'description'"),
    ("POST", "/v1/databases/d/tables", {"name": "t", "columns": "x"}, "field 'columns'"),
    (
        "POST",
        "/v1/databases/d/tables",
        {"name": "t", "columns": [{"name": "a", "type": "int"}, {"name": "b"}]},
        "field 'columns.1.type' is required",
    ),
    (
        "POST",
        "/v1/databases/d/tables",
        {"name": "t", "columns": [{"name": "a", "type": "integr"}]},
        "column 'a'",
    ),
    (
        "POST",
        "/v1/databases/d/tables",
        {"name": "t", "columns": [{"name": "a", "type": "int"}, {"name": "A", "type": "int"}]},
        "column 'A' appears twice",
    ),
    ("POST", "/v1/databases/d/tables/t/schema", {"add_columns": {}}, "field 'add_columns'"),
    ("POST", "/v1/databases/d/tables/t/rollback", {"snapshot_id": "1"}, "field 'snapshot_id'"),
    ("POST", "/v1/crawlers", {"name": None, "prefixes": ["raw/"], "database": "d"}, "'name'"),
    ("POST", "/v1/crawlers", {"name": "c", "prefixes": "raw/", "database": "d"}, "'prefixes'"),
    ("POST", "/v1/crawlers", {"name": "c", "prefixes": ["../"], "database": "d"}, "'../'"),
    ("POST", "/v1/crawlers", {"name": "c", "prefixes": [], "database": "d"}, "'prefixes'"),
    ("POST", "/v1/crawlers/c/runs", {"mode": "fast"}, "field 'mode'"),
    ("POST", "/v1/queries", {"sql": "SELECT 1", "wait": "abc"}, "field 'wait'"),
    ("POST", "/v1/queries", {"sql": 5}, "field 'sql'"),
    ("POST", "/v1/queries", {"sql": "SELECT 1", "colour": 1}, "unknown field 'colour'"),
    ("POST", "/v1/saved-queries", {"name": "q", "sql": ["SELECT 1"]}, "field 'sql'"),
]


@pytest.mark.parametrize(("method", "path", "body", "names"), V1_BAD)
def test_v1_bodies(client: TestClient, method: str, path: str, body: Any, names: str) -> None:
    resp = client.request(method, path, content=json.dumps(body))
    assert resp.status_code == 400, resp.text
    assert names in resp.json()["error"], resp.json()


def test_a_huge_run_id_is_not_found(client: TestClient) -> None:
    resp = client.get("/v1/crawl-runs/99999999999999999999999")
    assert resp.status_code == 404


ATHENA_BAD: list[tuple[str, Any, str]] = [
    ("StartQueryExecution", {"QueryString": "SELECT 1", "QueryExecutionContext": "web"}, "'QueryExecutionContext' must be a JSON object"),
    ("StartQueryExecution", {"QueryString": "SELECT 1", "QueryExecutionContext": {"Database": 5}}, "QueryExecutionContext.Database"),
    ("StartQueryExecution", {}, "field 'QueryString' is required"),
    ("GetQueryResults", {"QueryExecutionId": "x", "NextToken": [1]}, "'NextToken'"),
    ("GetQueryResults", {"QueryExecutionId": "x", "MaxResults": 0}, "'MaxResults'"),
    ("ListDatabases", {"CatalogName": 5}, "'CatalogName'"),
    ("GetTableMetadata", {"CatalogName": "AwsDataCatalog", "DatabaseName": "d"}, "'TableName' is required"),
    ("BatchGetNamedQuery", {"NamedQueryIds": 5}, "'NamedQueryIds'"),
    ("BatchGetQueryExecution", {"QueryExecutionIds": []}, "'QueryExecutionIds'"),
    ("CreateNamedQuery", {"Name": "n", "Database": "d", "QueryString": 1}, "'QueryString'"),
    ("ListQueryExecutions", {"MaxResults": True}, "'MaxResults'"),
]  # fmt: skip


@pytest.mark.parametrize(("action", "body", "names"), ATHENA_BAD)
def test_athena_bodies(client: TestClient, action: str, body: Any, names: str) -> None:
    resp = client.post(
        "/", content=json.dumps(body), headers={"X-Amz-Target": f"AmazonAthena.{action}"}
    )
    assert resp.status_code == 400, resp.text
    assert resp.json()["__type"] == "InvalidRequestException"
    assert names in resp.json()["message"], resp.json()


def test_athena_ignores_fields_sdks_send_that_lakebox_does_not_use(client: TestClient) -> None:
    resp = client.post(
        "/",
        content=json.dumps({"WorkGroup": "primary", "ClientRequestToken": "x"}),
        headers={"X-Amz-Target": "AmazonAthena.ListQueryExecutions"},
    )
    assert resp.status_code == 200, resp.text
