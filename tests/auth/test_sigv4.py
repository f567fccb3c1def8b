"""Signatures made by botocore itself (what boto3 sends) must verify; anything altered must not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from lakebox.auth.sigv4 import verify
from lakebox.errors import AuthenticationFailed

KEY_ID, SECRET = "LKIATESTTESTTESTTEST", "s3cr3t/with+chars"


def signed(  # type: ignore[no-untyped-def]
    body: bytes,
    url: str = "http://127.0.0.1:8765/",
    *,
    service: str = "firehose",
    region: str = "us-east-1",
    target: str = "Firehose_20150804.PutRecord",
):
    req = AWSRequest(
        method="POST",
        url=url,
        data=body,
        headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target},
    )
    auth = SigV4Auth(Credentials(KEY_ID, SECRET), service, region)
    auth.add_auth(req)
    prepared = req.prepare()
    headers: dict[str, list[str]] = {}
    for name, value in prepared.headers.items():
        headers.setdefault(name.lower(), []).append(value)
    headers.setdefault("host", ["127.0.0.1:8765"])
    path, _, query = url.split("127.0.0.1:8765", 1)[1].partition("?")
    return headers, path, query


def _verify(headers, path, query, body, secret=SECRET, now=None):  # type: ignore[no-untyped-def]
    return verify(
        method="POST",
        raw_path=path,
        query_string=query,
        headers=headers,
        body=body,
        secret_for=lambda key_id: secret,
        now=now,
    )


def test_botocore_signature_verifies() -> None:
    body = b'{"DeliveryStreamName": "s"}'
    headers, path, query = signed(body)
    auth = _verify(headers, path, query, body)
    assert auth.access_key_id == KEY_ID and auth.service == "firehose"


def test_query_string_is_canonicalised() -> None:
    body = b""
    headers, path, query = signed(body, "http://127.0.0.1:8765/v1/x?b=2&a=1&c=a%20b")
    _verify(headers, path, query, body)


def test_tampered_body_fails() -> None:
    headers, path, query = signed(b'{"a": 1}')
    with pytest.raises(AuthenticationFailed) as info:
        _verify(headers, path, query, b'{"a": 2}')
    assert info.value.reason == "signature"


def test_wrong_secret_fails() -> None:
    body = b"{}"
    headers, path, query = signed(body)
    with pytest.raises(AuthenticationFailed, match="signature we calculated"):
        _verify(headers, path, query, body, secret="other")


def test_expired_signature() -> None:
    body = b"{}"
    headers, path, query = signed(body)
    later = datetime.now(UTC) + timedelta(minutes=20)
    with pytest.raises(AuthenticationFailed, match="Signature expired") as info:
        _verify(headers, path, query, body, now=later)
    assert info.value.reason == "expired"


def test_missing_and_malformed_authorization() -> None:
    with pytest.raises(AuthenticationFailed) as info:
        _verify({}, "/", "", b"")
    assert info.value.reason == "missing"
    with pytest.raises(AuthenticationFailed, match="lacks"):
        _verify({"authorization": ["AWS4-HMAC-SHA256 Credential=x"]}, "/", "", b"")


@pytest.mark.parametrize(
    ("target", "service"),
    [
        ("Firehose_20150804.PutRecord", "athena"),
        ("Firehose_20150804.ListDeliveryStreams", "s3"),
        ("AmazonAthena.StartQueryExecution", "firehose"),
    ],
)
def test_a_scope_for_another_service_is_refused(target: str, service: str) -> None:
    """A valid signature, but made for another service than the API the target names."""
    body = b"{}"
    headers, path, query = signed(body, service=service, target=target)
    with pytest.raises(AuthenticationFailed, match="scoped to correct service") as info:
        _verify(headers, path, query, body)
    assert info.value.reason == "signature"


def test_any_region_is_accepted_for_the_right_service() -> None:
    body = b"{}"
    for target, service in (
        ("Firehose_20150804.PutRecord", "firehose"),
        ("AmazonAthena.GetQueryExecution", "athena"),
    ):
        headers, path, query = signed(body, service=service, region="eu-west-3", target=target)
        auth = _verify(headers, path, query, body)
        assert (auth.service, auth.region) == (service, "eu-west-3")


def test_an_explicit_service_overrides_the_target() -> None:
    body = b"{}"
    headers, path, query = signed(body, service="firehose")
    with pytest.raises(AuthenticationFailed, match="'athena'"):
        verify(
            method="POST",
            raw_path=path,
            query_string=query,
            headers=headers,
            body=body,
            secret_for=lambda key_id: SECRET,
            service="athena",
        )
