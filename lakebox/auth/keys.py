"""Access keys: an AWS-style key pair per producer or admin, also usable as a bearer token.

The bearer token is ``<access key id>:<secret>``. Secrets are stored encrypted with the home's
secret key (SigV4 verification needs the plain secret, so a one-way hash cannot serve).
"""

from __future__ import annotations

import base64
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import insert, select, update

from lakebox.auth.access import SYSTEM, Access, Principal, Resource, Role, role_of
from lakebox.auth.tables import access_keys
from lakebox.errors import AuthenticationFailed, ConfigError, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.meta.times import as_utc

_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@dataclass(frozen=True)
class AccessKey:
    access_key_id: str
    name: str
    role: Role
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def principal(self) -> Principal:
        return Principal(self.access_key_id, self.name, self.role)


@dataclass(frozen=True)
class NewKey:
    key: AccessKey
    secret_access_key: str

    @property
    def token(self) -> str:
        return f"{self.key.access_key_id}:{self.secret_access_key}"


def load_or_create_cipher(path: Path) -> Fernet:
    """The home's secret key (created on first use, readable by its owner only)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(Fernet.generate_key())
    try:
        return Fernet(path.read_bytes().strip())
    except ValueError as exc:
        raise ConfigError(f"{path} is not a lakebox secret key: {exc}") from exc


# Decrypted keys are kept this long: a key revoked through another server sharing the
# database stops working here within this time (at once on the server that revoked it).
CACHE_S = 10.0


class AccessKeys:
    def __init__(self, db: Database, cipher: Fernet, access: Access) -> None:
        self.db = db
        self.access = access
        self.cipher = cipher
        # Verifying a signature needs the secret on every request: cache the decrypted ones.
        self._cache: dict[str, tuple[AccessKey, str, float]] = {}
        self._lock = threading.Lock()

    def create(self, name: str, role: str = "producer", *, by: Principal) -> NewKey:
        self.access.authorize(by, "key:manage", Resource("key"))
        name = name.strip()
        if not name or len(name) > 255:
            raise InvalidArgument("a key needs a name of 1 to 255 characters")
        checked = role_of(role)
        key_id = "LKIA" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(16))
        secret = base64.b64encode(secrets.token_bytes(30)).decode().replace("/", "+")
        now = datetime.now(UTC)
        with self.db.begin() as conn:
            conn.execute(
                insert(access_keys).values(
                    access_key_id=key_id,
                    name=name,
                    secret_encrypted=self.cipher.encrypt(secret.encode()).decode(),
                    role=checked,
                    created_at=now,
                    revoked_at=None,
                )
            )
        return NewKey(AccessKey(key_id, name, checked, now, None), secret)

    def all(self, include_revoked: bool = False, *, by: Principal) -> list[AccessKey]:
        self.access.authorize(by, "key:manage", Resource("key"))
        query = select(access_keys).order_by(access_keys.c.created_at)
        if not include_revoked:
            query = query.where(access_keys.c.revoked_at.is_(None))
        with self.db.begin() as conn:
            return [_row_to_key(r) for r in conn.execute(query)]

    def revoke(self, id_or_name: str, *, by: Principal) -> list[AccessKey]:
        """Revoke a key by id, or every active key with that name."""
        self.access.authorize(by, "key:manage", Resource("key", id_or_name))
        now = datetime.now(UTC)
        with self.db.begin() as conn:
            rows = conn.execute(
                select(access_keys).where(
                    access_keys.c.revoked_at.is_(None),
                    (access_keys.c.access_key_id == id_or_name)
                    | (access_keys.c.name == id_or_name),
                )
            ).all()
            if not rows:
                raise NotFound(f"no active access key with id or name {id_or_name!r}")
            ids = [r.access_key_id for r in rows]
            conn.execute(
                update(access_keys)
                .where(access_keys.c.access_key_id.in_(ids))
                .values(revoked_at=now)
            )
        with self._lock:
            for key_id in ids:
                self._cache.pop(key_id, None)
        return [replace(_row_to_key(r), revoked_at=now) for r in rows]

    def is_cached(self, access_key_id: str) -> bool:
        with self._lock:
            hit = self._cache.get(access_key_id)
        return hit is not None and time.monotonic() - hit[2] < CACHE_S

    def secret_for(self, access_key_id: str) -> tuple[AccessKey, str]:
        """The active key and its secret; :class:`AuthenticationFailed` if unknown or revoked."""
        with self._lock:
            hit = self._cache.get(access_key_id)
        if hit is not None and time.monotonic() - hit[2] < CACHE_S:
            return hit[0], hit[1]
        with self.db.begin() as conn:
            row = conn.execute(
                select(access_keys).where(access_keys.c.access_key_id == access_key_id)
            ).first()
        if row is None or row.revoked_at is not None:
            raise AuthenticationFailed(
                "The security token included in the request is invalid: "
                f"unknown or revoked access key {access_key_id!r}",
                reason="unknown",
            )
        try:
            secret = self.cipher.decrypt(row.secret_encrypted.encode()).decode()
        except InvalidToken:
            raise ConfigError(
                f"access key {access_key_id} was encrypted with another secret.key"
            ) from None
        entry = (_row_to_key(row), secret)
        with self._lock:
            self._cache[access_key_id] = (*entry, time.monotonic())
        return entry

    def principal(self, principal_id: str) -> Principal:
        """The principal of an active key (or lakebox itself), as it is now: a query queued by
        a key revoked since then is refused when it runs."""
        if principal_id == SYSTEM.id:
            return SYSTEM
        return self.secret_for(principal_id)[0].principal

    def check_bearer(self, token: str) -> AccessKey:
        key_id, sep, secret = token.partition(":")
        if not sep:
            raise AuthenticationFailed(
                "bearer token must be '<access key id>:<secret>' as `lakebox keys create` prints",
                reason="malformed",
            )
        key, expected = self.secret_for(key_id)
        if not hmac.compare_digest(expected.encode(), secret.encode()):
            raise AuthenticationFailed(
                f"wrong secret for access key {key_id!r}", reason="signature"
            )
        return key


def _row_to_key(row: Any) -> AccessKey:
    return AccessKey(
        row.access_key_id,
        row.name,
        role_of(row.role),
        as_utc(row.created_at),
        as_utc(row.revoked_at) if row.revoked_at else None,
    )
