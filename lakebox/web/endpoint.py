"""The wrapper every lakebox /v1 route runs in: body cap, credentials, role, error shape."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from lakebox.auth.access import Principal
from lakebox.instance import Lakebox
from lakebox.web.auth import authenticate
from lakebox.web.body import read_body
from lakebox.web.errors import lakebox_error, new_request_id

Endpoint = Callable[[Request, Lakebox, Principal, bytes], Awaitable[Any]]


def json_response(payload: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(payload), status_code=status, media_type="application/json")


def endpoint(handler: Endpoint) -> Callable[[Request], Awaitable[Response]]:
    """Wrap a handler: read the body (capped), authenticate, shape errors. Whether the caller
    may do what it asks is decided by the services the handler calls, not here."""

    async def run(request: Request) -> Response:
        box: Lakebox = request.app.state.box
        request_id = new_request_id()
        try:
            body = await read_body(
                request, box.settings.max_request_bytes, box.settings.request_body_timeout_s
            )
            who = (await authenticate(request, body, box.keys)).principal
            result = await handler(request, box, who, body)
            response = result if isinstance(result, Response) else json_response(result)
        except Exception as exc:  # every error, a bug too, in this API's shape
            return lakebox_error(exc, request_id)
        response.headers["x-lakebox-request-id"] = request_id
        return response

    return run
