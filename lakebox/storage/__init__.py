"""Object storage: one interface over a local folder and S3-compatible stores, with events."""

from lakebox.storage.base import ObjectInfo, ObjectStore, open_store, register_scheme
from lakebox.storage.events import ObjectEvent, ObjectEvents
from lakebox.storage.lake import Lake
from lakebox.storage.local import LocalStore
from lakebox.storage.s3 import S3Store

register_scheme("file", LocalStore.from_url)
register_scheme("s3", S3Store.from_url)

__all__ = [
    "Lake",
    "LocalStore",
    "ObjectEvent",
    "ObjectEvents",
    "ObjectInfo",
    "ObjectStore",
    "S3Store",
    "open_store",
    "register_scheme",
]
