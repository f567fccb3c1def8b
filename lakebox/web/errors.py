"""The one place where errors become HTTP responses, in each wire format's shape.

* AWS JSON 1.1 APIs (Firehose, Athena): status and ``{"__type": ..., "message": ...}``.
* lakebox's own API: ``{"ok": false, "error": ..., "status": ..., "request_id": ...}``.

Every request has an id (``x-amzn-RequestId`` on the AWS APIs, ``x-lakebox-request-id`` on
``/v1``). An exception that is not a LakeboxError is a bug: it becomes the API's internal
error shape naming the request id, and the server log has that id beside the traceback.
"""

from __future__ import annotations

import logging
import uuid

import orjson
from starlette.responses import Response

from lakebox.errors import (
    AccessDenied,
    AlreadyExists,
    AuthenticationFailed,
    CommitConflict,
    InvalidArgument,
    LakeboxError,
    LimitExceeded,
    NotFound,
    ServiceUnavailable,
    StorageError,
)

log = logging.getLogger(__name__)

AMZ_JSON = "application/x-amz-json-1.1"

# lakebox error class → (Firehose __type, HTTP status). Checked in order (subclasses first).
FIREHOSE_ERRORS: tuple[tuple[type[LakeboxError], str, int], ...] = (
    (NotFound, "ResourceNotFoundException", 400),
    (AlreadyExists, "ResourceInUseException", 400),
    (CommitConflict, "ConcurrentModificationException", 400),
    (LimitExceeded, "InvalidArgumentException", 400),
    (InvalidArgument, "InvalidArgumentException", 400),
    (AccessDenied, "AccessDeniedException", 400),
    (ServiceUnavailable, "ServiceUnavailableException", 500),
    (StorageError, "ServiceUnavailableException", 500),
)

# Athena answers almost every client error with InvalidRequestException.
ATHENA_ERRORS: tuple[tuple[type[LakeboxError], str, int], ...] = (
    (NotFound, "InvalidRequestException", 400),
    (AlreadyExists, "InvalidRequestException", 400),
    (CommitConflict, "InvalidRequestException", 400),
    (LimitExceeded, "TooManyRequestsException", 400),
    (InvalidArgument, "InvalidRequestException", 400),
    (AccessDenied, "AccessDeniedException", 400),
    (ServiceUnavailable, "InternalServerException", 500),
    (StorageError, "InternalServerException", 500),
)

# AuthenticationFailed.reason → (AWS __type, HTTP status), as AWS JSON services answer.
AWS_AUTH_ERRORS: dict[str, tuple[str, int]] = {
    "missing": ("MissingAuthenticationTokenException", 403),
    "unknown": ("UnrecognizedClientException", 400),
    "signature": ("InvalidSignatureException", 400),
    "expired": ("InvalidSignatureException", 400),
    "malformed": ("IncompleteSignatureException", 400),
}


def new_request_id() -> str:
    return str(uuid.uuid4())


def aws_json_error(
    exc: Exception,
    table: tuple[tuple[type[LakeboxError], str, int], ...] = FIREHOSE_ERRORS,
    request_id: str | None = None,
) -> Response:
    request_id = request_id or new_request_id()
    if isinstance(exc, AuthenticationFailed):
        code, status = AWS_AUTH_ERRORS.get(exc.reason, ("InvalidSignatureException", 400))
        message = exc.message
    else:
        code, status, message = "InternalFailure", 500, ""
        for cls, cls_code, cls_status in table:
            if isinstance(exc, cls):
                code, status, message = cls_code, cls_status, str(exc)
                break
        else:
            if isinstance(exc, LakeboxError):  # deliberate, without an AWS name: its own
                code, status, message = exc.code, exc.status, exc.message
            else:
                message = _internal(exc, request_id)
    return Response(
        orjson.dumps({"__type": code, "message": message}),
        status_code=status,
        media_type=AMZ_JSON,
        headers={"x-amzn-RequestId": request_id, "x-amzn-ErrorType": code},
    )


def lakebox_error(exc: Exception, request_id: str | None = None) -> Response:
    request_id = request_id or new_request_id()
    if isinstance(exc, LakeboxError):
        status, message = exc.status, exc.message
    else:
        status, message = 500, _internal(exc, request_id)
    return Response(
        orjson.dumps({"ok": False, "error": message, "status": status, "request_id": request_id}),
        status_code=status,
        media_type="application/json",
        headers={"x-lakebox-request-id": request_id},
    )


def _internal(exc: Exception, request_id: str) -> str:
    log.error("internal error in request %s", request_id, exc_info=exc)
    return (
        f"internal error ({type(exc).__name__}) in request {request_id}; the server log has "
        "the details under that id"
    )
