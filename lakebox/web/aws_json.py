"""AWS JSON 1.1 services (Firehose, Athena): one request cycle for all of them.

Body read with a cap, SigV4 (or bearer) checked, the action looked up in the service's table
(its handler validates the raw body against the request's model), the JSON answer or the
service's error shape.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from lakebox.auth.access import Principal
from lakebox.errors import InvalidArgument, LakeboxError
from lakebox.instance import Lakebox
from lakebox.web.auth import authenticate
from lakebox.web.body import read_body
from lakebox.web.errors import AMZ_JSON, aws_json_error, new_request_id

# A handler gets the raw body and validates it against its request's model (web/requests.py).
Handler = Callable[[Lakebox, Principal, bytes], Awaitable[dict[str, Any]]]
ErrorTable = tuple[tuple[type[LakeboxError], str, int], ...]


async def aws_json_endpoint(
    request: Request,
    box: Lakebox,
    service: str,
    action: str,
    actions: Mapping[str, Handler],
    errors: ErrorTable,
) -> Response:
    request_id = new_request_id()
    try:
        body = await read_body(
            request, box.settings.max_request_bytes, box.settings.request_body_timeout_s
        )
        who = (await authenticate(request, body, box.keys)).principal
        handler = actions.get(action)
        if handler is None:
            raise InvalidArgument(
                f"unknown or unsupported {service} action {action!r}; supported: "
                + ", ".join(sorted(actions))
            )
        payload = await handler(box, who, body)
    except Exception as exc:  # every error, a bug too, in the service's shape
        return aws_json_error(exc, errors, request_id)
    return Response(
        orjson.dumps(payload), media_type=AMZ_JSON, headers={"x-amzn-RequestId": request_id}
    )
