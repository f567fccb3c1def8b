"""Verification of AWS Signature Version 4, as boto3 and every AWS SDK sign requests.

The server recomputes the signature from the request it received and the secret of the key
named in the ``Credential`` scope; see the "Signature Version 4 signing process" reference.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, unquote

from lakebox.errors import AuthenticationFailed

ALGORITHM = "AWS4-HMAC-SHA256"
MAX_CLOCK_SKEW = timedelta(minutes=15)

# X-Amz-Target prefix of an AWS JSON API → the service its signing scope must name. The region
# is not checked: lakebox serves one endpoint for all of them, so any region an SDK is set up
# with is accepted (docs/ingest.md), but a signature made for another service is not.
TARGET_SERVICES: dict[str, str] = {
    "Firehose_20150804.": "firehose",
    "AmazonAthena.": "athena",
}


def expected_service(target: str) -> str | None:
    """The scope service an ``X-Amz-Target`` needs (None: no AWS JSON API is named)."""
    for prefix, service in TARGET_SERVICES.items():
        if target.startswith(prefix):
            return service
    return None


def check_service(auth: Authorization, service: str) -> None:
    """Refuse a signature scoped to another service, as AWS does."""
    if auth.service != service:
        raise AuthenticationFailed(
            f"Credential should be scoped to correct service: '{service}' "
            f"(the request's scope names {auth.service!r})",
            reason="signature",
        )


@dataclass(frozen=True)
class Authorization:
    access_key_id: str
    date: str
    region: str
    service: str
    signed_headers: tuple[str, ...]
    signature: str


def parse_authorization(value: str) -> Authorization:
    algorithm, _, rest = value.strip().partition(" ")
    if algorithm != ALGORITHM:
        raise AuthenticationFailed(
            f"Authorization header must use {ALGORITHM}, got {algorithm!r}", reason="malformed"
        )
    fields: dict[str, str] = {}
    for part in rest.split(","):
        name, sep, val = part.strip().partition("=")
        if sep:
            fields[name] = val
    missing = [f for f in ("Credential", "SignedHeaders", "Signature") if f not in fields]
    if missing:
        raise AuthenticationFailed(
            f"Authorization header lacks {', '.join(missing)}", reason="malformed"
        )
    scope = fields["Credential"].split("/")
    if len(scope) != 5 or scope[4] != "aws4_request":
        raise AuthenticationFailed(
            "Credential must be <key id>/<date>/<region>/<service>/aws4_request",
            reason="malformed",
        )
    return Authorization(
        access_key_id=scope[0],
        date=scope[1],
        region=scope[2],
        service=scope[3],
        signed_headers=tuple(fields["SignedHeaders"].split(";")),
        signature=fields["Signature"],
    )


def verify(
    *,
    method: str,
    raw_path: str,
    query_string: str,
    headers: Mapping[str, Sequence[str]],
    body: bytes,
    secret_for: Callable[[str], str],
    now: datetime | None = None,
    service: str | None = None,
) -> Authorization:
    """Check a signed request; returns its parsed Authorization, or raises AuthenticationFailed.

    ``headers`` maps lower-case names to every value received for that name. The scope's
    service must be ``service`` if given, else the one the ``X-Amz-Target`` header's API
    signs with (firehose, athena); requests without that header are not checked for it.
    """
    values = headers.get("authorization")
    if not values:
        raise AuthenticationFailed("Missing Authentication Token", reason="missing")
    auth = parse_authorization(values[0])
    if service is None:
        service = expected_service((headers.get("x-amz-target") or [""])[0])
    if service is not None:
        check_service(auth, service)
    if "host" not in auth.signed_headers:
        raise AuthenticationFailed("SignedHeaders must include host", reason="malformed")
    amz_date = (headers.get("x-amz-date") or [""])[0]
    try:
        signed_at = datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise AuthenticationFailed(
            "X-Amz-Date header must be present as YYYYMMDDTHHMMSSZ", reason="malformed"
        ) from None
    now = now or datetime.now(UTC)
    if abs(now - signed_at) > MAX_CLOCK_SKEW:
        raise AuthenticationFailed(
            f"Signature expired: {amz_date} is more than 15 minutes from the server time "
            f"{now.strftime('%Y%m%dT%H%M%SZ')}",
            reason="expired",
        )
    if auth.date != amz_date[:8]:
        raise AuthenticationFailed(
            "Credential scope date does not match X-Amz-Date", reason="malformed"
        )

    body_hash = hashlib.sha256(body).hexdigest()
    declared_values = headers.get("x-amz-content-sha256")
    declared = declared_values[0] if declared_values else None
    if declared is not None and declared != body_hash:
        raise AuthenticationFailed(
            "X-Amz-Content-SHA256 does not match the request body", reason="signature"
        )
    canonical_headers = ""
    for name in auth.signed_headers:
        got = headers.get(name)
        if got is None:
            raise AuthenticationFailed(f"signed header {name!r} is missing", reason="malformed")
        canonical_headers += f"{name}:{','.join(' '.join(v.split()) for v in got)}\n"
    canonical_request = "\n".join(
        (
            method.upper(),
            quote(raw_path or "/", safe="/~"),
            _canonical_query(query_string),
            canonical_headers,
            ";".join(auth.signed_headers),
            body_hash,
        )
    )
    scope = f"{auth.date}/{auth.region}/{auth.service}/aws4_request"
    string_to_sign = "\n".join(
        (ALGORITHM, amz_date, scope, hashlib.sha256(canonical_request.encode()).hexdigest())
    )
    secret = secret_for(auth.access_key_id)
    key = _signing_key(secret, auth.date, auth.region, auth.service)
    expected = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, auth.signature):
        raise AuthenticationFailed(
            "The request signature we calculated does not match the signature you provided. "
            "Check your AWS Secret Access Key and signing method.",
            reason="signature",
        )
    return auth


def _canonical_query(query_string: str) -> str:
    if not query_string:
        return ""
    pairs = []
    for part in query_string.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        pairs.append((quote(unquote(name), safe="-_.~"), quote(unquote(value), safe="-_.~")))
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def _signing_key(secret: str, date: str, region: str, service: str) -> bytes:
    k = hmac.new(("AWS4" + secret).encode(), date.encode(), hashlib.sha256).digest()
    k = hmac.new(k, region.encode(), hashlib.sha256).digest()
    k = hmac.new(k, service.encode(), hashlib.sha256).digest()
    return hmac.new(k, b"aws4_request", hashlib.sha256).digest()
