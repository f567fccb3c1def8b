"""Objects as files under a local folder; atomic writes by write-to-temp, fsync, rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lakebox.errors import ConfigError, NotFound, StorageError
from lakebox.storage.base import ObjectInfo, ObjectStore, check_key

if TYPE_CHECKING:
    from lakebox.config import Settings

# Temporary files live here (same filesystem, so rename is atomic) and are never listed.
_TMP_DIR = ".lakebox-tmp"
_ETAG_XATTR = "user.lakebox.etag"


class LocalStore(ObjectStore):
    def __init__(self, root: Path, url: str | None = None) -> None:
        self.root = root.resolve()
        self.url = url or f"file://{self.root}"
        self.bucket = self.root.name
        try:
            (self.root / _TMP_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create storage folder {self.root}: {exc}") from exc

    @classmethod
    def from_url(cls, url: str, _settings: Settings | None = None) -> LocalStore:
        path = url.removeprefix("file://")
        if not path.startswith("/"):
            raise ConfigError(f"storage URL {url!r} must be absolute: file:///path/to/folder")
        return cls(Path(path), url)

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, data: bytes, *, durable: bool = True) -> ObjectInfo:
        target = self._path(key)
        tmp = self.root / _TMP_DIR / f"{uuid.uuid4().hex}.part"
        etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
                if durable:
                    fh.flush()
                    os.fsync(fh.fileno())
            self._set_etag(tmp, etag)
            os.replace(tmp, target)
            if durable:
                fsync_dir(target.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(f"cannot write object {key!r} under {self.root}: {exc}") from exc
        return ObjectInfo(key, len(data), etag, _mtime(target))

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise NotFound(f"no object {key!r} in {self.url}") from None
        except OSError as exc:
            raise StorageError(f"cannot read object {key!r}: {exc}") from exc

    def get_range(self, key: str, start: int, length: int) -> bytes:
        try:
            with open(self._path(key), "rb") as fh:
                fh.seek(start)
                return fh.read(length)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise NotFound(f"no object {key!r} in {self.url}") from None

    def head(self, key: str) -> ObjectInfo:
        path = self._path(key)
        try:
            st = path.stat()  # one stat serves all: listing a table heads every file per query
        except (FileNotFoundError, NotADirectoryError):
            raise NotFound(f"no object {key!r} in {self.url}") from None
        if not stat.S_ISREG(st.st_mode):
            raise NotFound(f"no object {key!r} in {self.url}")
        modified = datetime.fromtimestamp(st.st_mtime, tz=UTC)
        return ObjectInfo(key, st.st_size, self._etag(path), modified)

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        # Walk only the folder the prefix points into, then filter by the full prefix.
        base_dir = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        start = self.root / base_dir if base_dir else self.root
        if not start.is_dir():
            return
        keys: list[str] = []
        for dirpath, dirnames, filenames in os.walk(start):
            if Path(dirpath) == self.root and _TMP_DIR in dirnames:
                dirnames.remove(_TMP_DIR)
            rel_dir = os.path.relpath(dirpath, self.root)
            for name in filenames:
                key = name if rel_dir == "." else f"{rel_dir}/{name}"
                if key.startswith(prefix):
                    keys.append(key.replace(os.sep, "/"))
        for key in sorted(keys):
            try:
                yield self.head(key)
            except NotFound:  # deleted while listing
                continue

    def delete(self, key: str) -> None:
        path = self._path(key)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StorageError(f"cannot delete object {key!r}: {exc}") from exc

    # The etag is stored beside the data so `head` need not re-read large objects.
    @staticmethod
    def _set_etag(path: Path, etag: str) -> None:
        # A filesystem without user xattrs is fine: _etag falls back to hashing.
        with contextlib.suppress(OSError):
            os.setxattr(path, _ETAG_XATTR, etag.encode())

    @staticmethod
    def _etag(path: Path) -> str:
        try:
            return os.getxattr(path, _ETAG_XATTR).decode()
        except OSError:
            digest = hashlib.md5(usedforsecurity=False)
            with open(path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
            return digest.hexdigest()


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (the folder entry itself)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
