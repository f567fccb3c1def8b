"""Objects as files under a local folder; atomic writes by write-to-temp, fsync, rename.

An object's etag is never computed by reading it (listing a table heads every file on every
query). Objects lakebox writes carry the MD5 of their content in an extended attribute, valid
while the file keeps the size and mtime it was written with. Any other file (copied in by
another tool, or rewritten in place since) gets an identity derived from its size, mtime and
inode: not an MD5 of the content, as S3's etags of multipart uploads are not either, but it
changes when the content is replaced.

Symbolic links are never objects and never followed: a link in the lake could point anywhere
(``/etc/shadow``), and one inside it would make one file two objects. Listing passes them by
(``links`` names them, for crawl reports), and reading or heading a key whose path goes
through a link is refused as :class:`LinkNotObject`.
"""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lakebox.errors import ConfigError, NotFound, StorageError
from lakebox.storage.base import ObjectInfo, ObjectStore, check_key

if TYPE_CHECKING:
    from lakebox.config import Settings

# Temporary files live here (same filesystem, so rename is atomic) and are never listed.
_TMP_DIR = ".lakebox-tmp"
# Holds "<md5> <size> <mtime_ns>": the MD5 counts only while the file still has that size and
# mtime (a tool rewriting the file in place keeps its inode and xattrs, but not its mtime).
_ETAG_XATTR = "user.lakebox.etag"


class LinkNotObject(NotFound):
    """A key whose file, or a folder on its way, is a symbolic link: not an object."""


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

    def _object_path(self, key: str) -> Path:
        """The file of ``key`` to read; refused if it or a folder on its way is a link (the
        root is resolved once, so any difference from its real path is a link below it)."""
        path = self._path(key)
        if os.path.realpath(path) != str(path):
            raise LinkNotObject(
                f"object {key!r} in {self.url}: the path goes through a symbolic link; links "
                "are not objects and are never followed"
            )
        return path

    def put(self, key: str, data: bytes, *, durable: bool = True) -> ObjectInfo:
        target = self._object_path(key)  # never write through a linked folder
        tmp = self.root / _TMP_DIR / f"{uuid.uuid4().hex}.part"
        etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
                if durable:
                    fh.flush()
                    os.fsync(fh.fileno())
            st = tmp.stat()  # the rename keeps size, mtime, inode and xattrs
            if not self._set_etag(tmp, etag, st):
                etag = _stat_identity(st)  # what head will give
            os.replace(tmp, target)
            if durable:
                fsync_dir(target.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(f"cannot write object {key!r} under {self.root}: {exc}") from exc
        return ObjectInfo(key, len(data), etag, datetime.fromtimestamp(st.st_mtime, tz=UTC))

    def get(self, key: str) -> bytes:
        path = self._object_path(key)
        try:
            # O_NOFOLLOW: a file swapped for a link after the check is refused (ELOOP) too.
            with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as fh:
                return fh.read()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise NotFound(f"no object {key!r} in {self.url}") from None
        except OSError as exc:
            raise StorageError(f"cannot read object {key!r}: {exc}") from exc

    def get_range(self, key: str, start: int, length: int) -> bytes:
        path = self._object_path(key)
        try:
            with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as fh:
                fh.seek(start)
                return fh.read(length)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise NotFound(f"no object {key!r} in {self.url}") from None
        except OSError as exc:
            raise StorageError(f"cannot read object {key!r}: {exc}") from exc

    def head(self, key: str) -> ObjectInfo:
        path = self._object_path(key)
        try:
            st = path.lstat()
        except (FileNotFoundError, NotADirectoryError):
            raise NotFound(f"no object {key!r} in {self.url}") from None
        info = self._info(key, path, st)
        if info is None:
            raise NotFound(f"no object {key!r} in {self.url}")
        return info

    def _info(self, key: str, path: Path, st: os.stat_result) -> ObjectInfo | None:
        """The object of a file ``lstat`` gave; None for anything but a regular file (a link
        included: lstat does not follow it)."""
        if not stat.S_ISREG(st.st_mode):
            return None
        modified = datetime.fromtimestamp(st.st_mtime, tz=UTC)
        return ObjectInfo(key, st.st_size, self._etag(path, st), modified)

    def _walk(self, prefix: str) -> Iterator[tuple[str, Path, bool]]:
        """(key, path, is a link) of every entry under ``prefix`` that is a file or a link,
        never entering a linked folder (os.walk does not follow links); a prefix through a
        link gives that link alone."""
        # Walk only the folder the prefix points into, then filter by the full prefix.
        base_dir = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        start = self.root / base_dir if base_dir else self.root
        if os.path.realpath(start) != str(start):  # the folder, or one above it, is a link
            link = start
            while link != self.root and not link.is_symlink():
                link = link.parent
            yield str(link.relative_to(self.root)), link, True
            return
        if not start.is_dir():
            return
        # scandir's entries know from the folder listing whether each is a link, a folder or a
        # file: no extra stat per file (list stats each regular file once, as before).
        todo = [(start, base_dir)]
        while todo:
            folder, rel_dir = todo.pop()
            try:
                entries = list(os.scandir(folder))
            except (FileNotFoundError, NotADirectoryError):  # removed while listing
                continue
            for entry in entries:
                if folder == self.root and entry.name == _TMP_DIR:
                    continue
                key = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
                if entry.is_symlink():
                    if key.startswith(prefix) or prefix.startswith(key + "/"):
                        yield key, Path(entry.path), True
                elif entry.is_dir(follow_symlinks=False):
                    if (key + "/").startswith(prefix) or prefix.startswith(key + "/"):
                        todo.append((Path(entry.path), key))
                elif entry.is_file(follow_symlinks=False) and key.startswith(prefix):
                    yield key, Path(entry.path), False

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        files = sorted((key, path) for key, path, link in self._walk(prefix) if not link)
        for key, path in files:
            try:
                st = path.lstat()  # one stat serves all: a table's files are listed per query
            except (FileNotFoundError, NotADirectoryError):  # deleted while listing
                continue
            info = self._info(key, path, st)
            if info is not None:
                yield info

    def links(self, prefix: str = "") -> tuple[str, ...]:
        """Keys of the symbolic links under ``prefix`` (to files or folders, inside the lake or
        out of it), which ``list`` passes by: a crawl reports them as skipped."""
        return tuple(sorted(key for key, _path, link in self._walk(prefix) if link))

    def delete(self, key: str) -> None:
        path = self._object_path(key)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StorageError(f"cannot delete object {key!r}: {exc}") from exc

    # -- how DuckDB and PyIceberg reach the folder: as local files ---------------------------

    def duckdb_path(self, key: str) -> str:
        return str(self._path(key))

    def duckdb_path_of_url(self, url: str) -> str:
        return url.removeprefix("file://")

    def duckdb_allowed_directories(self) -> Sequence[str]:
        return [str(self.root).rstrip("/") + "/"]

    def iceberg_catalog(self, zone: str) -> tuple[str, dict[str, str]]:
        return f"file://{self._path(zone)}", {}

    # The content's MD5 is stored beside the data when lakebox writes it, so that `head`
    # never reads an object.
    @staticmethod
    def _set_etag(path: Path, etag: str, st: os.stat_result) -> bool:
        try:
            os.setxattr(path, _ETAG_XATTR, f"{etag} {st.st_size} {st.st_mtime_ns}".encode())
        except OSError:  # a filesystem without user xattrs: identities come from stat
            return False
        return True

    @staticmethod
    def _etag(path: Path, st: os.stat_result) -> str:
        try:
            stored = os.getxattr(path, _ETAG_XATTR).decode(errors="replace")
        except OSError:  # not written by lakebox (or no xattrs here)
            return _stat_identity(st)
        etag, _, valid_for = stored.partition(" ")
        if valid_for == f"{st.st_size} {st.st_mtime_ns}":
            return etag
        return _stat_identity(st)  # changed since lakebox wrote it


def _stat_identity(st: os.stat_result) -> str:
    """A file's identity from what one stat gives: a new inode (replaced by rename), size or
    mtime (rewritten in place) makes a new one. Shaped like an MD5 (32 hex digits) but not one
    of the content."""
    seen = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}".encode()
    return hashlib.blake2b(seen, digest_size=16).hexdigest()


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (the folder entry itself)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
