"""The object-store interface every backend implements, and the scheme → backend registry."""

from __future__ import annotations

import posixpath
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from lakebox.errors import ConfigError, InvalidArgument

if TYPE_CHECKING:
    from lakebox.config import Settings


@dataclass(frozen=True)
class ObjectInfo:
    """One object. ``etag`` identifies its content cheaply, as the store gives it: an MD5 for
    objects lakebox wrote (and S3 single-part uploads), otherwise an opaque value (S3 multipart
    uploads; a local file's size, mtime and inode) that changes when the content is replaced.
    It is never computed by reading the object."""

    key: str
    size: int
    etag: str
    last_modified: datetime


class ObjectStore(ABC):
    """Keys are '/'-separated paths relative to the store's root; writes are atomic."""

    #: Bucket name reported in events (the S3 bucket, or the local folder's name).
    bucket: str
    #: The URL the store was opened from.
    url: str
    #: How many reads are worth having in flight at once: few for a local disk (reading is
    #: CPU-bound there), many for a remote store (reading is latency-bound).
    read_concurrency: int = 2

    @abstractmethod
    def put(self, key: str, data: bytes, *, durable: bool = True) -> ObjectInfo:
        """Write ``data`` under ``key`` atomically: readers see the old object or the new one.
        ``durable=False`` may skip waiting for the disk, for data that can be made again."""

    @abstractmethod
    def get(self, key: str) -> bytes:
        """Read a whole object; :class:`~lakebox.errors.NotFound` if absent."""

    @abstractmethod
    def get_range(self, key: str, start: int, length: int) -> bytes:
        """Read ``length`` bytes from ``start`` (fewer at the end of the object)."""

    @abstractmethod
    def head(self, key: str) -> ObjectInfo:
        """Size, etag and time of one object; :class:`~lakebox.errors.NotFound` if absent."""

    @abstractmethod
    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """Every object whose key starts with ``prefix``, in key order."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove an object; removing an absent one is not an error (as in S3)."""

    def exists(self, key: str) -> bool:
        from lakebox.errors import NotFound

        try:
            self.head(key)
        except NotFound:
            return False
        return True

    # -- how other engines reach the store ---------------------------------------------------
    # DuckDB (queries) and PyIceberg (Iceberg tables) read and write the lake directly; each
    # store says how, so that query and catalog code never switch on the kind of store.

    @abstractmethod
    def duckdb_path(self, key: str) -> str:
        """What DuckDB reads for the object (or folder) ``key``: an absolute local path or a
        URL DuckDB's readers understand (``s3://bucket/prefix/key``)."""

    def duckdb_path_of_url(self, url: str) -> str:
        """What DuckDB reads for a file this store named by URL (the data files PyIceberg
        writes under :meth:`iceberg_catalog`'s warehouse)."""
        return url

    @abstractmethod
    def duckdb_allowed_directories(self) -> Sequence[str]:
        """The folders (or URL prefixes) a locked-down DuckDB may read: the store's own."""

    def duckdb_setup(self) -> Sequence[str]:
        """Statements a DuckDB database runs before it is locked down, to be able to read the
        store (extensions, credentials). None for a store DuckDB reads natively."""
        return []

    @abstractmethod
    def iceberg_catalog(self, zone: str) -> tuple[str, dict[str, str]]:
        """Where PyIceberg keeps tables under the folder ``zone`` of the store (the warehouse
        location), and the FileIO properties it needs to reach them."""


def check_key(key: str) -> str:
    """Refuse keys that could escape the store's root or name nothing."""
    if not key or key.startswith("/") or key.endswith("/"):
        raise InvalidArgument(f"object key {key!r} must be a relative path naming a file")
    parts = key.split("/")
    if any(p in ("", ".", "..") for p in parts) or posixpath.normpath(key) != key:
        raise InvalidArgument(f"object key {key!r} has empty, '.' or '..' segments")
    if "\x00" in key:
        raise InvalidArgument("object key contains a NUL character")
    return key


StoreFactory = Callable[[str, "Settings | None"], ObjectStore]
_REGISTRY: dict[str, StoreFactory] = {}


def register_scheme(scheme: str, factory: StoreFactory) -> None:
    _REGISTRY[scheme] = factory


def open_store(url: str, settings: Settings | None = None) -> ObjectStore:
    """Open the store named by ``url`` (``file:///path`` or ``s3://bucket/prefix``)."""
    scheme, sep, _rest = url.partition("://")
    if not sep:
        raise ConfigError(f"storage URL {url!r} needs a scheme: file:///path or s3://bucket/prefix")
    factory = _REGISTRY.get(scheme)
    if factory is None:
        raise ConfigError(
            f"storage URL {url!r}: unknown scheme {scheme!r}; known: {', '.join(sorted(_REGISTRY))}"
        )
    return factory(url, settings)
