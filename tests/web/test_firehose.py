"""boto3's firehose client, unchanged, against a real `lakebox serve` on loopback."""

from __future__ import annotations

import base64
import time
from typing import Any

import httpx
import pytest
from botocore.exceptions import ClientError

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow

DP_CONFIG: dict[str, Any] = {
    "RoleARN": "arn:aws:iam::123456789012:role/firehose",
    "BucketARN": "arn:aws:s3:::my-lake",
    "Prefix": "raw/clicks/customer=!{partitionKeyFromQuery:customer}/!{timestamp:yyyy/MM/dd/HH}/",
    "ErrorOutputPrefix": "errors/clicks/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/",
    "BufferingHints": {"SizeInMBs": 64, "IntervalInSeconds": 60},
    "CompressionFormat": "GZIP",
    "DynamicPartitioningConfiguration": {"Enabled": True},
    "ProcessingConfiguration": {
        "Enabled": True,
        "Processors": [
            {
                "Type": "MetadataExtraction",
                "Parameters": [
                    {
                        "ParameterName": "MetadataExtractionQuery",
                        "ParameterValue": "{customer: .c}",
                    },
                    {"ParameterName": "JsonParsingEngine", "ParameterValue": "JQ-1.6"},
                ],
            },
            {"Type": "AppendDelimiterToRecord"},
        ],
    },
}


def error_code(exc: pytest.ExceptionInfo[ClientError]) -> str:
    return str(exc.value.response["Error"]["Code"])


def test_control_plane(server: RunningServer) -> None:
    fh = server.firehose()
    arn = fh.create_delivery_stream(
        DeliveryStreamName="clicks",
        DeliveryStreamType="DirectPut",
        ExtendedS3DestinationConfiguration=DP_CONFIG,
    )["DeliveryStreamARN"]
    assert arn.endswith(":deliverystream/clicks")
    desc = fh.describe_delivery_stream(DeliveryStreamName="clicks")["DeliveryStreamDescription"]
    assert desc["DeliveryStreamStatus"] == "ACTIVE"
    assert desc["VersionId"] == "1"
    dest = desc["Destinations"][0]["ExtendedS3DestinationDescription"]
    assert dest["Prefix"] == DP_CONFIG["Prefix"]
    assert dest["BufferingHints"] == {"SizeInMBs": 64, "IntervalInSeconds": 60}
    assert dest["CompressionFormat"] == "GZIP"
    assert dest["DynamicPartitioningConfiguration"] == {"Enabled": True}
    assert desc["CreateTimestamp"].year >= 2024  # botocore parsed the timestamp
    fh.create_delivery_stream(DeliveryStreamName="other")
    listed = fh.list_delivery_streams()
    assert listed["DeliveryStreamNames"] == ["clicks", "other"]
    assert listed["HasMoreDeliveryStreams"] is False
    page = fh.list_delivery_streams(Limit=1, ExclusiveStartDeliveryStreamName="clicks")
    assert page["DeliveryStreamNames"] == ["other"]
    with pytest.raises(ClientError) as exc:
        fh.create_delivery_stream(DeliveryStreamName="other")
    assert error_code(exc) == "ResourceInUseException"
    fh.delete_delivery_stream(DeliveryStreamName="other")
    with pytest.raises(ClientError) as exc:
        fh.describe_delivery_stream(DeliveryStreamName="other")
    assert error_code(exc) == "ResourceNotFoundException"
    assert "'other' not found" in exc.value.response["Error"]["Message"]


def test_put_record_and_batch_land_in_the_lake(server: RunningServer) -> None:
    fh = server.firehose()
    fh.create_delivery_stream(
        DeliveryStreamName="clicks",
        ExtendedS3DestinationConfiguration=DP_CONFIG,
    )
    rid = fh.put_record(DeliveryStreamName="clicks", Record={"Data": b'{"c": "acme", "n": 0}'})
    assert rid["RecordId"] and rid["Encrypted"] is False
    records = [{"Data": f'{{"c": "acme", "n": {i}}}'.encode()} for i in range(1, 400)]
    records.insert(10, {"Data": b"x" * (1000 * 1024 + 1)})  # oversize: fails alone
    records.insert(20, {"Data": b"not json"})  # accepted, then goes to the error output
    resp = fh.put_record_batch(DeliveryStreamName="clicks", Records=records)
    assert resp["FailedPutCount"] == 1
    assert resp["RequestResponses"][10]["ErrorCode"] == "InvalidArgumentException"
    assert "1,000 KiB" in resp["RequestResponses"][10]["ErrorMessage"]
    assert all("RecordId" in r for i, r in enumerate(resp["RequestResponses"]) if i != 10)
    token = server.credential["token"]
    httpx.post(
        f"{server.url}/v1/streams/clicks/flush", headers={"Authorization": f"Bearer {token}"}
    ).raise_for_status()
    import gzip

    data_root = server.home / "data"
    [obj] = list((data_root / "raw" / "clicks" / "customer=acme").rglob("*.gz"))
    lines = gzip.decompress(obj.read_bytes()).splitlines()
    assert len(lines) == 400
    assert lines[0] == b'{"c": "acme", "n": 0}' and lines[-1] == b'{"c": "acme", "n": 399}'
    [err] = list((data_root / "errors" / "clicks" / "processing-failed").rglob("*.gz"))
    assert b"Non JSON" in gzip.decompress(err.read_bytes())


def test_firehose_errors(server: RunningServer) -> None:
    fh = server.firehose()
    with pytest.raises(ClientError) as exc:
        fh.put_record(DeliveryStreamName="nope", Record={"Data": b"x"})
    assert error_code(exc) == "ResourceNotFoundException"
    fh.create_delivery_stream(DeliveryStreamName="s")
    with pytest.raises(ClientError) as exc:
        fh.put_record_batch(DeliveryStreamName="s", Records=[{"Data": b"x"}] * 501)
    assert error_code(exc) == "InvalidArgumentException"
    with pytest.raises(ClientError) as exc:
        fh.put_record_batch(DeliveryStreamName="s", Records=[{"Data": b"x" * 900_000}] * 5)
    assert error_code(exc) == "InvalidArgumentException"
    assert "4 MiB" in exc.value.response["Error"]["Message"]
    with pytest.raises(ClientError) as exc:
        fh.create_delivery_stream(
            DeliveryStreamName="bad",
            ExtendedS3DestinationConfiguration={
                **DP_CONFIG,
                "BufferingHints": {"SizeInMBs": 500, "IntervalInSeconds": 60},
            },
        )
    assert error_code(exc) == "InvalidArgumentException"
    assert "SizeInMBs must be 1-128, got 500" in exc.value.response["Error"]["Message"]
    with pytest.raises(ClientError) as exc:
        fh.create_delivery_stream(
            DeliveryStreamName="k", DeliveryStreamType="KinesisStreamAsSource"
        )
    assert "DirectPut" in exc.value.response["Error"]["Message"]


def test_signatures_are_checked(server: RunningServer) -> None:
    cred = server.credential
    with pytest.raises(ClientError) as exc:
        server.firehose(secret="wrong-secret").list_delivery_streams()
    assert error_code(exc) == "InvalidSignatureException"
    with pytest.raises(ClientError) as exc:
        server.firehose(access_key_id="LKIAUNKNOWNUNKNOWN00").list_delivery_streams()
    assert error_code(exc) == "UnrecognizedClientException"
    # unsigned request
    resp = httpx.post(
        server.url + "/",
        headers={
            "X-Amz-Target": "Firehose_20150804.ListDeliveryStreams",
            "Content-Type": "application/x-amz-json-1.1",
        },
        content=b"{}",
    )
    assert resp.status_code == 403
    assert resp.json()["__type"] == "MissingAuthenticationTokenException"
    assert cred["access_key_id"].startswith("LKIA")


def test_producer_keys_may_push_but_not_administer(server: RunningServer) -> None:
    out = server.cli("keys", "create", "orders-service")
    assert out.returncode == 0, out.stderr
    env = dict(line.split("=", 1) for line in out.stdout.decode().splitlines())
    producer = server.firehose(env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"])
    server.firehose().create_delivery_stream(DeliveryStreamName="s")
    producer.put_record(DeliveryStreamName="s", Record={"Data": b"{}"})
    with pytest.raises(ClientError) as exc:
        producer.create_delivery_stream(DeliveryStreamName="t")
    assert error_code(exc) == "AccessDeniedException"
    assert server.cli("keys", "revoke", "orders-service").returncode == 0
    time.sleep(0.1)
    with pytest.raises(ClientError) as exc:
        producer.put_record(DeliveryStreamName="s", Record={"Data": b"{}"})
    assert error_code(exc) == "UnrecognizedClientException"


def test_raw_invalid_base64_is_a_per_record_failure(server: RunningServer) -> None:
    """SDKs always send valid base64; a hand-made request with bad Data fails only that record."""
    import json

    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    server.firehose().create_delivery_stream(DeliveryStreamName="s")
    body = json.dumps(
        {
            "DeliveryStreamName": "s",
            "Records": [{"Data": base64.b64encode(b"ok").decode()}, {"Data": "***"}],
        }
    ).encode()
    req = AWSRequest(
        method="POST",
        url=server.url + "/",
        data=body,
        headers={
            "X-Amz-Target": "Firehose_20150804.PutRecordBatch",
            "Content-Type": "application/x-amz-json-1.1",
        },
    )
    cred = server.credential
    SigV4Auth(
        Credentials(cred["access_key_id"], cred["secret_access_key"]), "firehose", "us-east-1"
    ).add_auth(req)
    resp = httpx.post(server.url + "/", headers=dict(req.headers), content=body)
    data = resp.json()
    assert data["FailedPutCount"] == 1
    assert "base64" in data["RequestResponses"][1]["ErrorMessage"]
    assert "RecordId" in data["RequestResponses"][0]


def signed_call(
    server: RunningServer,
    action: str,
    params: dict[str, Any],
    *,
    service: str = "firehose",
    region: str = "us-east-1",
) -> httpx.Response:
    """A hand-made request (SDKs check field types before sending), signed as boto3 signs."""
    import json

    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    body = json.dumps(params).encode()
    req = AWSRequest(
        method="POST",
        url=server.url + "/",
        data=body,
        headers={
            "X-Amz-Target": f"Firehose_20150804.{action}",
            "Content-Type": "application/x-amz-json-1.1",
        },
    )
    cred = server.credential
    SigV4Auth(
        Credentials(cred["access_key_id"], cred["secret_access_key"]), service, region
    ).add_auth(req)
    return httpx.post(server.url + "/", headers=dict(req.headers), content=body)


def test_the_signing_scope_must_name_firehose_any_region_goes(server: RunningServer) -> None:
    for service in ("s3", "athena", "kinesis"):
        resp = signed_call(server, "ListDeliveryStreams", {}, service=service)
        assert resp.status_code == 400, resp.text
        assert resp.json()["__type"] == "InvalidSignatureException"
        assert "scoped to correct service: 'firehose'" in resp.json()["message"]
    resp = signed_call(server, "ListDeliveryStreams", {}, region="ap-southeast-2")
    assert resp.status_code == 200, resp.text


def test_fields_of_the_wrong_type_are_400_naming_the_field(server: RunningServer) -> None:
    server.firehose().create_delivery_stream(DeliveryStreamName="s")
    data = base64.b64encode(b"{}").decode()
    s3 = "ExtendedS3DestinationConfiguration"
    cases: list[tuple[str, dict[str, Any], str]] = [
        ("ListDeliveryStreams", {"ExclusiveStartDeliveryStreamName": 5}, "ExclusiveStart"),
        ("ListDeliveryStreams", {"ExclusiveStartDeliveryStreamName": ["a"]}, "ExclusiveStart"),
        ("ListDeliveryStreams", {"Limit": True}, "Limit must be an integer"),
        ("ListDeliveryStreams", {"Limit": "5"}, "Limit must be an integer"),
        ("ListDeliveryStreams", {"DeliveryStreamType": 1}, "DeliveryStreamType"),
        ("DescribeDeliveryStream", {"DeliveryStreamName": 7}, "DeliveryStreamName"),
        ("DeleteDeliveryStream", {"DeliveryStreamName": ["s"]}, "DeliveryStreamName"),
        ("PutRecord", {"DeliveryStreamName": "s", "Record": "abc"}, "Record must be an object"),
        ("PutRecord", {"DeliveryStreamName": "s", "Record": [data]}, "Record must be an object"),
        ("PutRecord", {"DeliveryStreamName": "s", "Record": {"Data": 5}}, "Record.Data"),
        ("PutRecord", {"DeliveryStreamName": "s", "Record": {"Data": "***"}}, "Record.Data"),
        ("PutRecordBatch", {"DeliveryStreamName": "s", "Records": {"Data": data}}, "Records"),
        ("PutRecordBatch", {"DeliveryStreamName": "s", "Records": data}, "Records"),
        ("PutRecordBatch", {"DeliveryStreamName": "s", "Records": []}, "Records must have at"),
        ("PutRecordBatch", {"DeliveryStreamName": "s", "Records": [5] * 501}, "at most 500 items"),
        ("CreateDeliveryStream", {"DeliveryStreamName": 3}, "DeliveryStreamName"),
        ("CreateDeliveryStream", {"DeliveryStreamName": "n", s3: "x"}, s3),
        (
            "CreateDeliveryStream",
            {"DeliveryStreamName": "n", s3: {"BufferingHints": 5}},
            f"{s3}.BufferingHints must be an object",
        ),
        (
            "CreateDeliveryStream",
            {"DeliveryStreamName": "n", s3: {"BufferingHints": {"SizeInMBs": "64"}}},
            "BufferingHints.SizeInMBs must be an integer",
        ),
        (
            "CreateDeliveryStream",
            {"DeliveryStreamName": "n", s3: {"Prefix": 1}},
            f"{s3}.Prefix must be a string",
        ),
        (
            "CreateDeliveryStream",
            {"DeliveryStreamName": "n", s3: {"ProcessingConfiguration": []}},
            "ProcessingConfiguration must be an object",
        ),
        (
            "CreateDeliveryStream",
            {
                "DeliveryStreamName": "n",
                s3: {"ProcessingConfiguration": {"Enabled": True, "Processors": ["x"]}},
            },
            "Processors[0] must be an object",
        ),
        (
            "CreateDeliveryStream",
            {"DeliveryStreamName": "n", s3: {"DynamicPartitioningConfiguration": True}},
            "DynamicPartitioningConfiguration must be an object",
        ),
    ]
    for action, params, message in cases:
        resp = signed_call(server, action, params)
        assert resp.status_code == 400, (action, params, resp.text)
        assert resp.json()["__type"] == "InvalidArgumentException", (action, params)
        assert message in resp.json()["message"], (action, params, resp.json())
    # A non-object record inside a batch fails alone, naming its index.
    resp = signed_call(
        server, "PutRecordBatch", {"DeliveryStreamName": "s", "Records": [{"Data": data}, 5]}
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["FailedPutCount"] == 1
    assert resp.json()["RequestResponses"][1]["ErrorMessage"] == (
        "record 1: Records[1] must be an object, got an integer"
    )


def test_unsafe_names_and_prefixes_are_refused_by_both_apis(server: RunningServer) -> None:
    fh = server.firehose()
    token = server.credential["token"]
    for name in (".", ".."):
        with pytest.raises(ClientError) as exc:
            fh.create_delivery_stream(DeliveryStreamName=name)
        assert error_code(exc) == "InvalidArgumentException"
        assert "stream name" in exc.value.response["Error"]["Message"]
        resp = httpx.post(
            f"{server.url}/v1/streams",
            headers={"Authorization": f"Bearer {token}"},
            json={"name": name},
        )
        assert resp.status_code == 400, resp.text
    for field_name in ("Prefix", "ErrorOutputPrefix"):
        for prefix in ("/abs/", "a/../b/", "a//b/"):
            config = {**DP_CONFIG, "DynamicPartitioningConfiguration": {"Enabled": False}}
            config.pop("ProcessingConfiguration")
            config.update({"Prefix": "raw/x/", "ErrorOutputPrefix": "errors/x/"})
            config[field_name] = prefix
            with pytest.raises(ClientError) as exc:
                fh.create_delivery_stream(
                    DeliveryStreamName="x", ExtendedS3DestinationConfiguration=config
                )
            assert error_code(exc) == "InvalidArgumentException"
            assert f"{field_name} {prefix!r}" in exc.value.response["Error"]["Message"]
            plain = "prefix" if field_name == "Prefix" else "error_output_prefix"
            resp = httpx.post(
                f"{server.url}/v1/streams",
                headers={"Authorization": f"Bearer {token}"},
                json={"name": "x", plain: prefix},
            )
            assert resp.status_code == 400, resp.text
            assert prefix in resp.text and "Prefix" in resp.text
    assert fh.list_delivery_streams()["DeliveryStreamNames"] == []
