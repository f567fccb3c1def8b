"""Reading request bodies with a size cap, so one huge request cannot exhaust memory."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from starlette.requests import Request

from lakebox.errors import InvalidArgument, LakeboxError, LimitExceeded


class RequestTimeout(LakeboxError):
    """The client took too long to send its request."""

    status = 408
    code = "RequestTimeout"


async def read_body(request: Request, limit: int, timeout_s: float = 60.0) -> bytes:
    """The whole body, at most ``limit`` bytes, arrived within ``timeout_s`` (a client that
    trickles its body must not hold the server's attention indefinitely)."""
    try:
        async with asyncio.timeout(timeout_s):
            return await _read(request, limit)
    except TimeoutError:
        raise RequestTimeout(
            f"the request body did not arrive within {timeout_s:.0f} s (request_body_timeout_s)"
        ) from None


async def _read(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise LimitExceeded(
                    f"request body of {declared} bytes is over the {limit}-byte limit"
                )
        except ValueError:
            raise InvalidArgument(f"Content-Length {declared!r} is not a number") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise LimitExceeded(f"request body is over the {limit}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object (an empty body is ``{}``), or an error saying what it is."""
    try:
        value = orjson.loads(body) if body else {}
    except orjson.JSONDecodeError as exc:
        raise InvalidArgument(f"request body is not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise InvalidArgument("request body must be a JSON object")
    return value
