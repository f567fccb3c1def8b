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
from tests.conftest import until


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
    ("ListNamedQueries", {"MaxResults": "5"}, "'MaxResults'"),
    ("ListDataCatalogs", [1], "the request body must be a JSON object"),
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


def test_athena_next_tokens_not_given_by_the_api_are_400_naming_the_field(
    client: TestClient,
) -> None:
    def athena(action: str, body: dict[str, Any]) -> Any:
        headers = {"X-Amz-Target": f"AmazonAthena.{action}"}
        return client.post("/", content=json.dumps(body), headers=headers)

    qid = athena("StartQueryExecution", {"QueryString": "SELECT 1 AS one"}).json()
    qid = qid["QueryExecutionId"]

    def state() -> str:
        execution = athena("GetQueryExecution", {"QueryExecutionId": qid}).json()
        return str(execution["QueryExecution"]["Status"]["State"])

    until(lambda: state() == "SUCCEEDED", what="SELECT 1 to succeed")
    for token in ("-5", "²", "9" * 40, "1e3"):
        resp = athena("GetQueryResults", {"QueryExecutionId": qid, "NextToken": token})
        assert resp.status_code == 400, (token, resp.text)
        assert resp.json()["__type"] == "InvalidRequestException"
        assert "NextToken" in resp.json()["message"], resp.json()
    # A token it gave is fine, and so is an unknown execution with a bad token (not found).
    page = athena("GetQueryResults", {"QueryExecutionId": qid, "MaxResults": 1}).json()
    assert page["NextToken"] == "0"
    assert athena("GetQueryResults", {"QueryExecutionId": qid, "NextToken": "0"}).status_code == 200


# -- Firehose --------------------------------------------------------------------------------

S3 = "ExtendedS3DestinationConfiguration"


def _processors(*processors: Any) -> dict[str, Any]:
    return {
        "DeliveryStreamName": "n",
        S3: {"ProcessingConfiguration": {"Enabled": True, "Processors": list(processors)}},
    }


FIREHOSE_BAD: list[tuple[str, Any, str]] = [
    ("PutRecordBatch", {"DeliveryStreamName": "s", "Records": []}, "Records must have at least 1 item"),
    ("PutRecordBatch", {"DeliveryStreamName": "s", "Records": [{"Data": "e30="}] * 501}, "Records must have at most 500 items, got 501"),
    ("PutRecordBatch", {"DeliveryStreamName": "s"}, "Records is required"),
    ("PutRecordBatch", {"DeliveryStreamName": "s", "Records": None}, "Records must be a list, got null"),
    ("PutRecordBatch", {"Records": [{"Data": "e30="}]}, "DeliveryStreamName is required"),
    ("PutRecord", {"DeliveryStreamName": "s"}, "Record is required"),
    ("PutRecord", {"DeliveryStreamName": "s", "Record": {}}, "Record.Data is required"),
    ("PutRecord", {"DeliveryStreamName": "s", "Record": {"Data": "***"}}, "Record.Data is not valid base64"),
    ("PutRecord", {"DeliveryStreamName": "s", "Record": {"Data": 5}}, "Record.Data must be a base64 string, got an integer"),
    ("DescribeDeliveryStream", {}, "DeliveryStreamName is required"),
    ("DescribeDeliveryStream", {"DeliveryStreamName": "x" * 65}, "DeliveryStreamName must be at most 64 characters, got 65"),
    ("DescribeDeliveryStream", {"DeliveryStreamName": "a b"}, "DeliveryStreamName 'a b' must match"),
    ("DescribeDeliveryStream", {"DeliveryStreamName": ""}, "DeliveryStreamName must not be empty"),
    ("DescribeDeliveryStream", {"DeliveryStreamName": "s", "Limit": 0}, "Limit must be at least 1, got 0"),
    ("ListDeliveryStreams", {"Limit": 10001}, "Limit must be at most 10000, got 10001"),
    ("ListDeliveryStreams", {"Limit": 2.5}, "Limit must be an integer, got a number"),
    ("ListDeliveryStreams", {"DeliveryStreamType": "Kafka"}, "DeliveryStreamType must be one of 'DirectPut'"),
    ("DeleteDeliveryStream", {"DeliveryStreamName": "s", "AllowForceDelete": "yes"}, "AllowForceDelete must be a boolean, got a string"),
    ("CreateDeliveryStream", _processors({"Parameters": []}), f"{S3}.ProcessingConfiguration.Processors[0].Type is required"),
    ("CreateDeliveryStream", _processors({"Type": "Colour"}), f"{S3}.ProcessingConfiguration.Processors[0].Type must be one of"),
    (
        "CreateDeliveryStream",
        _processors({"Type": "MetadataExtraction", "Parameters": [{"ParameterName": "MetadataExtractionQuery", "ParameterValue": 7}]}),
        f"{S3}.ProcessingConfiguration.Processors[0].Parameters[0].ParameterValue must be a string, got an integer",
    ),
    (
        "CreateDeliveryStream",
        _processors({"Type": "MetadataExtraction", "Parameters": [{"ParameterValue": "{a: .a}"}]}),
        "Processors[0].Parameters[0].ParameterName is required",
    ),
    ("CreateDeliveryStream", _processors({"Type": "Decompression"}), "processor 'Decompression' is not supported"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", S3: {"BufferingHints": {"SizeInMBs": True}}}, f"{S3}.BufferingHints.SizeInMBs must be an integer, got a boolean"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", S3: {"CompressionFormat": "LZ4"}}, f"{S3}.CompressionFormat must be one of"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", S3: {"CompressionFormat": "ZIP"}}, "CompressionFormat 'ZIP' is not supported"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", S3: {"Prefix": "x" * 1025}}, f"{S3}.Prefix must be at most 1024 characters"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", S3: {"DynamicPartitioningConfiguration": {"Enabled": "true"}}}, "DynamicPartitioningConfiguration.Enabled must be a boolean"),
    # Firehose: a DataFormatConversionConfiguration without Enabled is enabled.
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", S3: {"DataFormatConversionConfiguration": {"SchemaConfiguration": {}}}}, "DataFormatConversionConfiguration is not supported"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", "S3DestinationConfiguration": {"RoleARN": 5}}, "S3DestinationConfiguration.RoleARN must be a string, got an integer"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", "DeliveryStreamType": "Kinesis"}, "DeliveryStreamType must be one of"),
    ("CreateDeliveryStream", {"DeliveryStreamName": "n", "SplunkDestinationConfiguration": {}}, "SplunkDestinationConfiguration is not supported"),
    # Every wrong field is named, not only the first.
    ("PutRecordBatch", {"DeliveryStreamName": 5, "Records": "x"}, "DeliveryStreamName must be a string, got an integer; Records must be a list, got a string"),
    ("ListDeliveryStreams", [1], "the request body must be a JSON object"),
]  # fmt: skip


@pytest.fixture(scope="module")
def stream(client: TestClient) -> str:
    assert client.post("/v1/streams", json={"name": "s"}).status_code == 201
    return "s"


def firehose(client: TestClient, action: str, body: Any, raw: bytes | None = None) -> Any:
    return client.post(
        "/",
        content=json.dumps(body) if raw is None else raw,
        headers={"X-Amz-Target": f"Firehose_20150804.{action}"},
    )


@pytest.mark.parametrize(("action", "body", "names"), FIREHOSE_BAD)
def test_firehose_bodies(
    client: TestClient, stream: str, action: str, body: Any, names: str
) -> None:
    resp = firehose(client, action, body)
    assert resp.status_code == 400, resp.text
    assert resp.json()["__type"] == "InvalidArgumentException"
    assert names in resp.json()["message"], resp.json()


def test_firehose_bodies_that_are_not_json(client: TestClient) -> None:
    for raw in (b"{", b"\xff", b'{"DeliveryStreamName": "s",}'):
        resp = firehose(client, "PutRecordBatch", None, raw)
        assert resp.status_code == 400, resp.text
        assert resp.json()["__type"] == "InvalidArgumentException"
        assert "request body is not JSON" in resp.json()["message"], resp.json()


def test_a_bad_record_fails_alone_naming_its_path(client: TestClient, stream: str) -> None:
    records = [{"Data": "e30="}, {"Data": 5}, "x", {"Data": "e30*"}, {}, {"Data": "e30=", "X": 1}]
    resp = firehose(client, "PutRecordBatch", {"DeliveryStreamName": stream, "Records": records})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["FailedPutCount"] == 4
    out = data["RequestResponses"]
    assert "RecordId" in out[0] and "RecordId" in out[5]
    assert {r.get("ErrorCode") for r in out[1:5]} == {"InvalidArgumentException"}
    messages = [r.get("ErrorMessage", "") for r in out]
    assert messages[1] == "record 1: Records[1].Data must be a base64 string, got an integer"
    assert messages[2] == "record 2: Records[2] must be an object, got a string"
    assert messages[3].startswith("record 3: Records[3].Data is not valid base64: "), messages
    assert messages[4] == "record 4: Records[4].Data is required"


def test_firehose_ignores_fields_sdks_send_that_lakebox_does_not_use(client: TestClient) -> None:
    body = {
        "DeliveryStreamName": "tagged",
        "DeliveryStreamType": "DirectPut",
        "Tags": [{"Key": "team", "Value": "web"}],
        "DeliveryStreamEncryptionConfigurationInput": {"KeyType": "AWS_OWNED_CMK"},
        S3: {
            "RoleARN": "arn:aws:iam::123456789012:role/firehose",
            "BucketARN": "arn:aws:s3:::lake",
            "Prefix": "raw/tagged/",
            "ErrorOutputPrefix": "errors/tagged/",
            "CloudWatchLoggingOptions": {"Enabled": False},
            "EncryptionConfiguration": {"NoEncryptionConfig": "NoEncryption"},
            "S3BackupMode": "Disabled",
            "FileExtension": ".json",
            "DataFormatConversionConfiguration": {"Enabled": False},
            "Colour": "red",
        },
    }
    resp = firehose(client, "CreateDeliveryStream", body)
    assert resp.status_code == 200, resp.text
    resp = firehose(
        client,
        "PutRecord",
        {"DeliveryStreamName": "tagged", "Record": {"Data": "e30=", "Colour": 1}, "X": []},
    )
    assert resp.status_code == 200, resp.text
