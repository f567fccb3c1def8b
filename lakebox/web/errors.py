"""The one place where errors become HTTP responses, in each wire format's shape.

* AWS JSON 1.1 APIs (Firehose): status and ``{"__type": ..., "message": ...}``.
* lakebox's own API: ``{"ok": false, "error": ..., "status": ...}``.
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


def aws_json_error(
    exc: Exception,
    table: tuple[tuple[type[LakeboxError], str, int], ...] = FIREHOSE_ERRORS,
) -> Response:
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
            message = _internal(exc)
    return Response(
        orjson.dumps({"__type": code, "message": message}),
        status_code=status,
        media_type=AMZ_JSON,
        headers={"x-amzn-RequestId": str(uuid.uuid4()), "x-amzn-ErrorType": code},
    )


def lakebox_error(exc: Exception) -> Response:
    if isinstance(exc, LakeboxError):
        status, message = exc.status, exc.message
    else:
        status, message = 500, _internal(exc)
    return Response(
        orjson.dumps({"ok": False, "error": message, "status": status}),
        status_code=status,
        media_type="application/json",
    )


def _internal(exc: Exception) -> str:
    log.error("internal error", exc_info=exc)
    return f"internal error ({type(exc).__name__}); the server log has the details"
