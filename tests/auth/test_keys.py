from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lakebox.auth.access import SYSTEM, Access
from lakebox.auth.admin import ensure_admin_credential, read_admin_credential
from lakebox.auth.keys import AccessKeys, load_or_create_cipher
from lakebox.auth.tables import access_keys
from lakebox.errors import AuthenticationFailed, InvalidArgument, NotFound
from lakebox.meta.database import Database


@pytest.fixture
def keys(db: Database, tmp_path: Path) -> AccessKeys:
    return AccessKeys(db, load_or_create_cipher(tmp_path / "secret.key"), Access())


def test_create_list_revoke(keys: AccessKeys) -> None:
    new = keys.create("orders-service", by=SYSTEM)
    assert new.key.access_key_id.startswith("LKIA") and len(new.key.access_key_id) == 20
    assert new.key.role == "producer"
    assert [k.name for k in keys.all(by=SYSTEM)] == ["orders-service"]
    assert keys.check_bearer(new.token).access_key_id == new.key.access_key_id
    revoked = keys.revoke("orders-service", by=SYSTEM)
    assert revoked[0].revoked_at is not None
    assert keys.all(by=SYSTEM) == []
    assert len(keys.all(include_revoked=True, by=SYSTEM)) == 1
    with pytest.raises(AuthenticationFailed, match="unknown or revoked"):
        keys.check_bearer(new.token)


def test_secret_is_not_stored_in_plain_text(keys: AccessKeys, db: Database) -> None:
    new = keys.create("x", by=SYSTEM)
    with db.begin() as conn:
        stored = conn.execute(select(access_keys.c.secret_encrypted)).scalar_one()
    assert new.secret_access_key not in stored


def test_wrong_secret_and_malformed_tokens(keys: AccessKeys) -> None:
    new = keys.create("x", by=SYSTEM)
    with pytest.raises(AuthenticationFailed, match="wrong secret"):
        keys.check_bearer(f"{new.key.access_key_id}:nope")
    with pytest.raises(AuthenticationFailed, match="must be"):
        keys.check_bearer("no-colon")
    with pytest.raises(AuthenticationFailed, match="unknown"):
        keys.check_bearer("LKIAAAAAAAAAAAAAAAAA:x")


def test_bad_role_and_name(keys: AccessKeys) -> None:
    with pytest.raises(InvalidArgument, match="unknown role 'root'"):
        keys.create("x", role="root", by=SYSTEM)
    with pytest.raises(InvalidArgument, match="name"):
        keys.create("  ", by=SYSTEM)
    with pytest.raises(NotFound):
        keys.revoke("never-existed", by=SYSTEM)


def test_admin_credential_file_is_private_and_reused(keys: AccessKeys, tmp_path: Path) -> None:
    path = tmp_path / "home" / "admin-credentials.json"
    ensure_admin_credential(path, keys)
    assert path.stat().st_mode & 0o777 == 0o600
    first = read_admin_credential(path)
    assert keys.check_bearer(first["token"]).role == "admin"
    ensure_admin_credential(path, keys)
    assert read_admin_credential(path) == first
    keys.revoke(first["access_key_id"], by=SYSTEM)
    ensure_admin_credential(path, keys)  # revoked: a new one is written
    assert read_admin_credential(path)["access_key_id"] != first["access_key_id"]
