"""Who is calling: a SigV4 signature (AWS SDKs) or a bearer token (curl, the CLI)."""

from __future__ import annotations

import asyncio

from starlette.requests import Request

from lakebox.auth.keys import AccessKey, AccessKeys
from lakebox.auth.sigv4 import parse_authorization, verify
from lakebox.errors import AuthenticationFailed


async def authenticate(request: Request, body: bytes, keys: AccessKeys) -> AccessKey:
    """The caller's key. A key not yet cached is looked up in the metadata database in a
    worker thread: a slow database never stalls the event loop (and every other request)."""
    key_id = _key_id(request.headers.get("authorization", ""))
    if key_id and keys.is_cached(key_id):
        return _authenticate(request, body, keys)
    return await asyncio.to_thread(_authenticate, request, body, keys)


def _key_id(header: str) -> str | None:
    """The key id the request names, read as verification will read it (None: none, or a
    header verification will refuse without looking anything up)."""
    if header.lower().startswith("bearer "):
        return header[7:].strip().partition(":")[0]
    if header.startswith("AWS4-"):
        try:
            return parse_authorization(header).access_key_id
        except AuthenticationFailed:
            return None
    return None


def _authenticate(request: Request, body: bytes, keys: AccessKeys) -> AccessKey:
    header = request.headers.get("authorization", "")
    if header.startswith("AWS4-"):
        headers: dict[str, list[str]] = {}
        for name, value in request.headers.raw:
            headers.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
        auth = verify(
            method=request.method,
            raw_path=request.scope.get("raw_path", b"/").decode("latin-1") or "/",
            query_string=request.scope.get("query_string", b"").decode("latin-1"),
            headers=headers,
            body=body,
            secret_for=lambda key_id: keys.secret_for(key_id)[1],
        )
        return keys.secret_for(auth.access_key_id)[0]
    if header.lower().startswith("bearer "):
        return keys.check_bearer(header[7:].strip())
    raise AuthenticationFailed(
        "Missing Authentication Token: send a SigV4-signed request or "
        "'Authorization: Bearer <token>' from `lakebox keys create`",
        reason="missing",
    )
