"""The permission matrix: every route, every wire action and every SQL statement kind, for each
role, against the running app. A denial is a 403 (``/v1``) or AccessDeniedException (AWS JSON)
naming the principal, the action and the resource; an allowed request is never refused.

Adding a route or a wire action without a row here fails ``test_every_route_is_in_the_matrix``.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from lakebox.auth.access import ROLE_ACTIONS, ROLES, Action
from lakebox.config import Settings
from lakebox.web import athena, firehose
from lakebox.web.app import create_app


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    action: Action | None  # None: open to every valid key (nothing to authorize)
    body: dict[str, Any] | None = None


# /v1 routes. Names that must exist are made by the admin in `lake` below; destructive cases
# name things that do not exist, so an allowed caller gets 404 (and a refused one 403 first).
V1_CASES = [
    Case("GET", "/v1/streams", "stream:describe"),
    Case("POST", "/v1/streams", "stream:create", {"name": "new-{role}"}),
    Case("GET", "/v1/streams/s", "stream:describe"),
    Case("DELETE", "/v1/streams/missing", "stream:delete"),
    Case("POST", "/v1/streams/s/flush", "stream:flush"),
    Case("POST", "/v1/streams/s/records", "stream:put", None),
    Case("GET", "/v1/keys", "key:manage"),
    Case("POST", "/v1/keys", "key:manage", {"name": "made-by-{role}"}),
    Case("DELETE", "/v1/keys/missing", "key:manage"),
    Case("GET", "/v1/databases", "database:read"),
    Case("POST", "/v1/databases", "database:create", {"name": "db_{role}"}),
    Case("GET", "/v1/databases/lake/tables", "database:read"),
    Case(
        "POST",
        "/v1/databases/cur/tables",
        "table:create",
        {"name": "api_{role}", "columns": [{"name": "x", "type": "int"}]},
    ),
    Case("GET", "/v1/databases/lake/tables/s", "table:read"),
    Case("GET", "/v1/databases/lake/tables/s/partitions", "table:read"),
    Case("GET", "/v1/databases/lake/tables/s/history", "table:read"),
    Case("GET", "/v1/databases/cur/tables/t/snapshots", "table:read"),
    Case(
        "POST",
        "/v1/databases/cur/tables/t/schema",
        "table:write",
        {"add_columns": [{"name": "c_{role}", "type": "string"}]},
    ),
    Case("POST", "/v1/databases/cur/tables/missing/rollback", "table:write", {"snapshot_id": 1}),
    Case("GET", "/v1/crawlers", "crawler:read"),
    Case(
        "POST",
        "/v1/crawlers",
        "crawler:create",
        {"name": "cr-{role}", "prefixes": ["raw/s/"], "database": "lake"},
    ),
    Case("GET", "/v1/crawlers/c", "crawler:read"),
    Case("DELETE", "/v1/crawlers/missing", "crawler:delete"),
    Case("GET", "/v1/crawlers/c/runs", "crawler:read"),
    Case("POST", "/v1/crawlers/c/runs", "crawler:run", {"mode": "events"}),
    Case("GET", "/v1/crawl-runs/{run}", "crawler:read"),
    Case("POST", "/v1/crawl-runs/{run}/cancel", "crawler:run"),
    Case("GET", "/v1/saved-queries", "saved-query:read"),
    Case(
        "POST",
        "/v1/saved-queries",
        "saved-query:save",
        {"name": "sq-{role}", "sql": "SELECT 1", "database": "lake"},
    ),
    Case("GET", "/v1/saved-queries/sq", "saved-query:read"),
    Case("DELETE", "/v1/saved-queries/sq-v1", "saved-query:delete"),
    Case("POST", "/v1/queries", "query:run", {"sql": "SELECT 1 AS one"}),
    Case("GET", "/v1/queries", None),  # each caller sees their own history
    Case("GET", "/v1/queries/{admin_query}", "query:read"),
    Case("GET", "/v1/queries/{admin_query}/results", "query:read"),
    Case("POST", "/v1/queries/{admin_query}/cancel", "query:cancel"),
]

# AWS JSON actions: (service target prefix, action, body, required action).
WIRE_CASES: list[tuple[str, str, dict[str, Any], Action | None]] = [
    ("Firehose_20150804.", "PutRecord", {"DeliveryStreamName": "s", "Record": {"Data": "e30="}}, "stream:put"),
    ("Firehose_20150804.", "PutRecordBatch", {"DeliveryStreamName": "s", "Records": [{"Data": "e30="}]}, "stream:put"),
    ("Firehose_20150804.", "CreateDeliveryStream", {"DeliveryStreamName": "fh-{role}"}, "stream:create"),
    ("Firehose_20150804.", "DescribeDeliveryStream", {"DeliveryStreamName": "s"}, "stream:describe"),
    ("Firehose_20150804.", "ListDeliveryStreams", {}, "stream:describe"),
    ("Firehose_20150804.", "DeleteDeliveryStream", {"DeliveryStreamName": "missing"}, "stream:delete"),
    ("AmazonAthena.", "StartQueryExecution", {"QueryString": "SELECT 1"}, "query:run"),
    ("AmazonAthena.", "GetQueryExecution", {"QueryExecutionId": "{admin_query}"}, "query:read"),
    ("AmazonAthena.", "GetQueryResults", {"QueryExecutionId": "{admin_query}"}, "query:read"),
    ("AmazonAthena.", "StopQueryExecution", {"QueryExecutionId": "{admin_query}"}, "query:cancel"),
    ("AmazonAthena.", "ListQueryExecutions", {}, None),
    ("AmazonAthena.", "BatchGetQueryExecution", {"QueryExecutionIds": ["{admin_query}"]}, None),
    ("AmazonAthena.", "GetWorkGroup", {"WorkGroup": "primary"}, None),
    ("AmazonAthena.", "ListDataCatalogs", {}, None),
    ("AmazonAthena.", "ListDatabases", {"CatalogName": "AwsDataCatalog"}, "database:read"),
    ("AmazonAthena.", "GetTableMetadata", {"CatalogName": "AwsDataCatalog", "DatabaseName": "lake", "TableName": "s"}, "table:read"),
    ("AmazonAthena.", "ListTableMetadata", {"CatalogName": "AwsDataCatalog", "DatabaseName": "lake"}, "database:read"),
    ("AmazonAthena.", "CreateNamedQuery", {"Name": "nq-{role}", "Database": "lake", "QueryString": "SELECT 1"}, "saved-query:save"),
    ("AmazonAthena.", "GetNamedQuery", {"NamedQueryId": "sq"}, "saved-query:read"),
    ("AmazonAthena.", "ListNamedQueries", {}, "saved-query:read"),
    ("AmazonAthena.", "BatchGetNamedQuery", {"NamedQueryIds": ["sq"]}, None),
    ("AmazonAthena.", "DeleteNamedQuery", {"NamedQueryId": "sq-wire"}, "saved-query:delete"),
]  # fmt: skip

# Every SQL statement kind, the action it needs, and the resource named in a denial.
SQL_CASES: list[tuple[str, Action, str]] = [
    ("SELECT count(*) AS n FROM lake.s", "table:read", "table lake.s"),
    ("SELECT count(*) AS n FROM lake.v", "table:read", "table lake.v"),
    ("CREATE TABLE cur.ctas_{role} AS SELECT 1 AS x", "table:create", "table cur.ctas_{role}"),
    ("CREATE TABLE cur.empty_{role} (x int)", "table:create", "table cur.empty_{role}"),
    ("INSERT INTO cur.t (x) VALUES (7)", "table:write", "table cur.t"),
    ("DROP TABLE IF EXISTS cur.gone_{role}", "table:drop", "table cur.gone_{role}"),
    ("CREATE VIEW lake.v_{role} AS SELECT 1 AS x", "view:create", "view lake.v_{role}"),
    ("DROP VIEW IF EXISTS lake.gone_{role}", "view:drop", "view lake.gone_{role}"),
    ("SHOW DATABASES", "database:read", "any database"),
    ("SHOW TABLES IN lake", "database:read", "database lake"),
    ("SHOW VIEWS IN lake", "database:read", "database lake"),
    ("SHOW COLUMNS FROM lake.s", "table:read", "table lake.s"),
    ("DESCRIBE lake.s", "table:read", "table lake.s"),
    ("SHOW CREATE TABLE lake.s", "table:read", "table lake.s"),
    ("SHOW CREATE VIEW lake.v", "table:read", "table lake.v"),
    ("SHOW PARTITIONS lake.s", "table:read", "table lake.s"),
    ("SELECT count(*) AS n FROM information_schema.tables", "database:read", "any database"),
    ("EXPLAIN SELECT count(*) FROM lake.s", "table:read", "table lake.s"),
    ("MSCK REPAIR TABLE lake.s", "table:write", "table lake.s"),
    (
        "ALTER TABLE lake.s ADD IF NOT EXISTS PARTITION "
        "(year='2000', month='01', day='01', hour='00')",
        "table:write",
        "table lake.s",
    ),
    (
        "ALTER TABLE lake.s DROP IF EXISTS PARTITION (year='1999', month='01', day='01', hour='00')",
        "table:write",
        "table lake.s",
    ),
]


def _fill(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    return value


@dataclass
class Lake:
    client: TestClient
    tokens: dict[str, dict[str, str]]  # role -> key json (access_key_id, token)
    names: dict[str, str]

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]['token']}"}

    def sql(self, role: str, sql: str) -> Any:
        return self.client.post(
            "/v1/queries", json={"sql": sql, "wait": 60}, headers=self.headers(role)
        )


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lake]:
    from tests.conftest import free_port

    settings = Settings.load(
        home=tmp_path_factory.mktemp("perm") / "home", env={}, port=free_port()
    )
    with TestClient(create_app(settings)) as client:
        admin_token = json.loads(settings.admin_credential_file.read_text())["token"]
        admin = {"Authorization": f"Bearer {admin_token}"}
        tokens = {"admin": {"token": admin_token, "access_key_id": admin_token.split(":")[0]}}
        for role in ROLES:
            if role != "admin":
                made = client.post("/v1/keys", json={"name": role, "role": role}, headers=admin)
                assert made.status_code == 201, made.text
                tokens[role] = made.json()
        assert client.post("/v1/streams", json={"name": "s"}, headers=admin).status_code == 201
        client.post("/v1/streams/s/records", content=b'{"a": 1}\n{"a": 2}\n', headers=admin)
        assert client.post("/v1/streams/s/flush", headers=admin).status_code == 200
        crawler = {"name": "c", "prefixes": ["raw/s/"], "database": "lake"}
        assert client.post("/v1/crawlers", json=crawler, headers=admin).status_code == 201
        run = client.post("/v1/crawlers/c/runs", json={}, headers=admin).json()
        deadline = time.monotonic() + 60
        while run["state"] in ("QUEUED", "RUNNING") and time.monotonic() < deadline:
            time.sleep(0.1)
            run = client.get(f"/v1/crawl-runs/{run['id']}", headers=admin).json()
        assert run["state"] == "SUCCEEDED", run
        box = Lake(client, tokens, {})
        for sql in [
            "CREATE TABLE cur.t AS SELECT 1 AS x",
            "CREATE VIEW lake.v AS SELECT a FROM lake.s",
        ]:
            done = box.sql("admin", sql).json()
            assert done["state"] == "SUCCEEDED", done
        for name in ("sq", "sq-v1", "sq-wire"):
            saved = {"name": name, "sql": "SELECT 1", "database": "lake"}
            assert client.post("/v1/saved-queries", json=saved, headers=admin).status_code == 201
        admin_query = box.sql("admin", "SELECT 1 AS one").json()
        box.names = {"admin_query": admin_query["id"], "run": str(run["id"])}
        yield box


# Actions checked before the one named, so that who may not read a thing cannot learn whether
# it exists (deleting a saved query needs reading saved queries first).
FIRST_CHECKS: dict[str, Action] = {"saved-query:delete": "saved-query:read"}


def _denial_names(body: str, key_id: str, action: str, role: str) -> None:
    first = FIRST_CHECKS.get(action)
    if first is not None and first not in ROLE_ACTIONS[role]:  # type: ignore[index]
        action = first
    assert key_id in body and action in body, body


@pytest.mark.parametrize("role", ROLES)
def test_v1_routes(lake: Lake, role: str) -> None:
    names = {**lake.names, "role": role}
    for case in V1_CASES:
        path = _fill(case.path, names)
        kwargs: dict[str, Any] = {"headers": lake.headers(role)}
        if case.path.endswith("/records"):
            kwargs["content"] = b'{"a": 3}\n'
        elif case.body is not None:
            kwargs["json"] = _fill(case.body, names)
        resp = lake.client.request(case.method, path, **kwargs)
        allowed = case.action is None or case.action in ROLE_ACTIONS[role]  # type: ignore[operator]
        where = f"{role} {case.method} {path}: {resp.status_code} {resp.text[:300]}"
        if allowed:
            assert resp.status_code != 403 and resp.status_code < 500, where
        else:
            assert resp.status_code == 403, where
            _denial_names(
                resp.json()["error"], lake.tokens[role]["access_key_id"], str(case.action), role
            )


@pytest.mark.parametrize("role", ROLES)
def test_wire_actions(lake: Lake, role: str) -> None:
    names = {**lake.names, "role": role}
    for prefix, action, body, needed in WIRE_CASES:
        resp = lake.client.post(
            "/",
            content=json.dumps(_fill(body, names)).encode(),
            headers={**lake.headers(role), "X-Amz-Target": prefix + action},
        )
        allowed = needed is None or needed in ROLE_ACTIONS[role]  # type: ignore[comparison-overlap]
        where = f"{role} {action}: {resp.status_code} {resp.text[:300]}"
        shape = resp.json()
        if allowed:
            assert shape.get("__type") != "AccessDeniedException" and resp.status_code < 500, where
        else:
            assert shape["__type"] == "AccessDeniedException", where
            _denial_names(shape["message"], lake.tokens[role]["access_key_id"], str(needed), role)


@pytest.mark.parametrize("role", ROLES)
def test_sql_statement_kinds(lake: Lake, role: str) -> None:
    for template, needed, resource in SQL_CASES:
        sql = template.format(role=role)
        resp = lake.sql(role, sql)
        where = f"{role} {sql}: {resp.status_code} {resp.text[:300]}"
        if role == "producer":  # may not run queries at all
            assert resp.status_code == 403 and "query:run" in resp.json()["error"], where
        elif needed in ROLE_ACTIONS[role]:  # type: ignore[index]
            assert resp.status_code == 200 and resp.json()["state"] == "SUCCEEDED", where
        else:
            assert resp.status_code == 403, where
            error = resp.json()["error"]
            _denial_names(error, lake.tokens[role]["access_key_id"], needed, role)
            assert resource.format(role=role) in error, where


def test_every_statement_kind_is_in_the_matrix() -> None:
    from typing import get_args

    from lakebox.query.statements import StatementKind, classify_sql

    kinds = {classify_sql(t.format(role="x"), "athena", None).kind for t, _, _ in SQL_CASES}
    assert kinds == set(get_args(StatementKind))


def test_only_an_admin_drops_a_table_through_athena(lake: Lake) -> None:
    """The issue's report: a producer key ran DROP TABLE, deleting the data."""

    def count() -> int:
        done = lake.sql("admin", "SELECT count(*) AS n FROM cur.t").json()
        rows = lake.client.get(f"/v1/queries/{done['id']}/results", headers=lake.headers("admin"))
        return int(rows.json()["rows"][0][0])

    before = count()
    for role, denied in [
        ("producer", "query:run on any query"),
        ("analyst", "table:drop on table cur.t"),
        ("engineer", "table:drop on table cur.t"),
    ]:
        resp = lake.client.post(
            "/",
            content=json.dumps({"QueryString": "DROP TABLE cur.t"}).encode(),
            headers={**lake.headers(role), "X-Amz-Target": "AmazonAthena.StartQueryExecution"},
        )
        assert resp.json()["__type"] == "AccessDeniedException", resp.text
        assert denied in resp.json()["message"]
    assert count() == before >= 1


def test_a_view_is_read_with_the_readers_rights(lake: Lake) -> None:
    """Reading a view authorizes the tables it reads too: a rule that denies lake.s to the
    analyst (as a per-table grant will) makes reading lake.v fail, naming lake.s."""
    box: Any = lake.client.app.state.box  # type: ignore[attr-defined]
    analyst_id = lake.tokens["analyst"]["access_key_id"]

    def deny_s(principal: Any, action: str, resource: Any) -> bool | None:
        if principal.id == analyst_id and str(resource) == "table lake.s":
            return False
        return None

    box.access.rules.insert(0, deny_s)
    try:
        done = lake.sql("analyst", "SELECT count(*) AS n FROM lake.v").json()
        assert done["state"] == "FAILED" and "table:read on table lake.s" in done["error"], done
        listed = lake.client.get("/v1/databases/lake/tables", headers=lake.headers("analyst"))
        assert "s" not in [t["name"] for t in listed.json()["tables"]]  # hidden, not refused
    finally:
        box.access.rules.remove(deny_s)


def test_owners_see_their_own_queries(lake: Lake) -> None:
    own = lake.sql("analyst", "SELECT 2 AS two").json()
    mine = lake.client.get(f"/v1/queries/{own['id']}", headers=lake.headers("analyst"))
    assert mine.status_code == 200
    theirs = lake.client.get(f"/v1/queries/{own['id']}", headers=lake.headers("engineer"))
    assert theirs.status_code == 403 and f"query {own['id']}" in theirs.json()["error"]
    history = lake.client.get("/v1/queries?all=1", headers=lake.headers("analyst"))
    assert history.status_code == 403


def test_every_route_is_in_the_matrix(lake: Lake) -> None:
    covered = {(c.method, c.path.split("{")[0].rstrip("/")) for c in V1_CASES}
    for route in lake.client.app.routes:  # type: ignore[attr-defined]
        assert isinstance(route, Route)
        if route.path in ("/health", "/"):
            continue
        for method in route.methods or ():
            if method == "HEAD":
                continue
            concrete = route.path.split("{")[0].rstrip("/")
            assert any(m == method and p.startswith(concrete) for m, p in covered), (
                f"{method} {route.path} has no row in the permission matrix"
            )
    wire = {(p, a) for p, a, _b, _n in WIRE_CASES}
    for action in firehose.ACTIONS:
        assert ("Firehose_20150804.", action) in wire, action
    for action in athena.ACTIONS:
        assert ("AmazonAthena.", action) in wire, action
    assert base64.b64decode("e30=") == b"{}"
