"""Every error lakebox raises on purpose derives from :class:`LakeboxError`.

Each class carries what the HTTP layer needs (status, a wire ``code``) and whether it is
transient, so retries (delivery, later jobs) retry only what can succeed later. The message is
written for the person who will read it: it names what was wrong.
"""

from __future__ import annotations


class LakeboxError(Exception):
    """Base of all deliberate errors; ``message`` is shown to users as it is."""

    status: int = 400
    code: str = "LakeboxError"
    transient: bool = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(LakeboxError):
    """A setting is missing, malformed or contradicts another."""

    status = 500
    code = "ConfigError"


class InvalidArgument(LakeboxError):
    """A request or command carried a value that cannot be accepted."""

    code = "InvalidArgument"


class NotFound(LakeboxError):
    """A named thing (stream, key, object) does not exist."""

    status = 404
    code = "NotFound"


class AlreadyExists(LakeboxError):
    """A create request named something that already exists."""

    status = 409
    code = "AlreadyExists"


class LimitExceeded(LakeboxError):
    """A size or count limit was exceeded."""

    status = 413
    code = "LimitExceeded"


class TooManyRequests(LimitExceeded):
    """Too many requests of one caller at once; trying again later can succeed."""

    status = 429
    code = "TooManyRequests"
    transient = True


class AuthenticationFailed(LakeboxError):
    """No credential, an unknown one, or a bad signature."""

    status = 401
    code = "AuthenticationFailed"

    def __init__(self, message: str, *, reason: str = "invalid") -> None:
        super().__init__(message)
        # One of "missing", "unknown", "signature", "expired", "malformed": the wire formats
        # name each differently (Firehose: MissingAuthenticationToken, UnrecognizedClient...).
        self.reason = reason


class AccessDenied(LakeboxError):
    """The credential is valid but may not do this."""

    status = 403
    code = "AccessDenied"


class StorageError(LakeboxError):
    """The object store could not be reached or refused an operation; usually retryable."""

    status = 503
    code = "StorageError"
    transient = True


class ServiceUnavailable(LakeboxError):
    """lakebox is starting, stopping or overloaded; try again."""

    status = 503
    code = "ServiceUnavailable"
    transient = True


class CommitConflict(LakeboxError):
    """Another writer changed the same thing between this one's read and its commit; reading
    again and retrying can succeed."""

    status = 409
    code = "CommitConflict"
    transient = True
