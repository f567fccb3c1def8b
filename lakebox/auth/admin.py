"""The admin credential that the first start writes into the home, for the CLI to use."""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from lakebox.auth.access import SYSTEM
from lakebox.auth.keys import AccessKeys
from lakebox.errors import AuthenticationFailed, ConfigError


def ensure_admin_credential(path: Path, keys: AccessKeys) -> None:
    """Create an admin key and write it to ``path`` (mode 0600) unless a valid one is there."""
    if path.exists():
        cred = read_admin_credential(path)
        try:
            keys.check_bearer(cred["token"])
            return
        except AuthenticationFailed:
            pass  # the database was replaced or the key revoked: write a new one
    new = keys.create("admin", role="admin", by=SYSTEM)
    data = orjson.dumps(
        {
            "access_key_id": new.key.access_key_id,
            "secret_access_key": new.secret_access_key,
            "token": new.token,
        },
        option=orjson.OPT_INDENT_2,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_admin_credential(path: Path) -> dict[str, str]:
    try:
        data = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        raise ConfigError(
            f"no admin credential at {path}: start the server once with `lakebox serve` "
            "(or set LAKEBOX_HOME to the server's home)"
        ) from None
    except orjson.JSONDecodeError as exc:
        raise ConfigError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or "token" not in data:
        raise ConfigError(f"{path} has no 'token'")
    return {str(k): str(v) for k, v in data.items()}
