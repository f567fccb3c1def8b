"""Files of the curated zone that nothing reads: what a write leaves when its process dies
before its Iceberg commit.

- **Folders no table owns.** A CREATE TABLE AS SELECT writes its table's files before the one
  commit that creates the table.
- **Files inside a table's folder that no metadata of the table references.** An INSERT INTO
  (any append) writes data files, a manifest, a manifest list and a metadata file before it
  swaps the table's metadata pointer. As Iceberg's own ``remove_orphan_files``, the files kept
  are every metadata file of the table's metadata log and the current one, and of every
  snapshot (time travel reads old ones) its manifest list, manifests and their data and
  delete files.

Both are removed by one sweep over one listing of the zone, run hourly by
:class:`~lakebox.catalog.maintenance.CuratedMaintenance`. Only files older than ``min_age_s``
go, so a commit in progress on another server is never touched, and a table of which
anything cannot be read (its metadata, a manifest, a file its metadata names) loses nothing.
"""

from __future__ import annotations

import bisect
import logging
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from lakebox.catalog.iceberg import CATALOG_NAME, ZONE, IcebergTables
from lakebox.errors import LakeboxError
from lakebox.storage.base import ObjectInfo, ObjectStore

if TYPE_CHECKING:
    from pyiceberg.table import Table as IcebergTable

log = logging.getLogger(__name__)

# The JDBC catalog's table, with the columns that say where each table's files are.
_entries = sa.table(
    "iceberg_tables",
    sa.column("catalog_name"),
    sa.column("table_namespace"),
    sa.column("table_name"),
    sa.column("metadata_location"),
    sa.column("previous_metadata_location"),
    sa.column("iceberg_type"),
)
# Hadoop-layout readers start from it (Spark's HadoopCatalog), though no metadata names it.
_VERSION_HINT = "version-hint.text"


@dataclass
class Sweep:
    """What one sweep removed, and the tables it left whole because it could not be sure."""

    folders: list[str] = field(default_factory=list)  # folders of no table, removed
    files: list[str] = field(default_factory=list)  # unreferenced files of tables, removed
    kept: dict[str, str] = field(default_factory=dict)  # "db.table": why none of its went


@dataclass(frozen=True)
class _Entry:
    """A table (or view) of the Iceberg catalog and the folders its files are in."""

    database: str
    name: str
    metadata_location: str | None
    previous_metadata_location: str | None
    view: bool

    @property
    def label(self) -> str:
        return f"{self.database}.{self.name}"


@dataclass
class _Referenced:
    """The files a table's metadata names, as keys of the lake."""

    folder: str  # the table's location: "curated/<db>/<table>/"
    keys: set[str] = field(default_factory=set)
    # Files the table reads now or by time travel, which must therefore be listed: one that
    # is not means something about the table is not as read (or the names do not compare).
    needed: set[str] = field(default_factory=set)
    # Names of referenced files the sweep cannot place in the lake (another form of URL):
    # a file of the same name is never removed.
    foreign: set[str] = field(default_factory=set)


class _Unreadable(Exception):
    """Something of a table cannot be read: nothing of it may be removed."""


def remove_orphans(iceberg: IcebergTables, min_age_s: float = 3600.0) -> Sweep:
    """Remove, from the curated zone, folders that belong to no Iceberg table and files in a
    table's folder that none of its metadata references, once older than ``min_age_s``."""
    lake = _LakeUrls(iceberg.store)
    sweep = Sweep()
    entries = _read_entries(iceberg)
    # Metadata first, then the listing: a commit landing in between adds only files too young
    # to go, and a file listed but not referenced was not referenced when the metadata was read.
    referenced: dict[_Entry, _Referenced] = {}
    for entry in entries:
        if entry.view:
            continue
        try:
            refs = _references(iceberg, entry, lake)
        except _Unreadable as unreadable:
            sweep.kept[entry.label] = str(unreadable)
            continue
        if refs is not None:
            referenced[entry] = refs
    listing = list(iceberg.store.list(f"{ZONE}/"))
    now = datetime.now(UTC)
    owned = _owned_folders(entries, referenced.values(), lake)
    _remove_folders(iceberg.store, listing, owned, min_age_s, now, sweep)
    _remove_files(iceberg.store, listing, referenced, entries, lake, min_age_s, now, sweep)
    for label, why in sweep.kept.items():
        log.warning("orphan files of %s: %s; nothing of it was removed", label, why)
    return sweep


# -- what the catalog and the tables' metadata say --------------------------------------------


def _read_entries(iceberg: IcebergTables) -> list[_Entry]:
    query = sa.select(_entries).where(_entries.c.catalog_name == CATALOG_NAME)
    with iceberg.db.begin() as conn:
        rows = conn.execute(query).all()
    return [
        _Entry(
            r.table_namespace,
            r.table_name,
            r.metadata_location,
            r.previous_metadata_location,
            (r.iceberg_type or "TABLE").upper() == "VIEW",
        )
        for r in rows
    ]


def _references(iceberg: IcebergTables, entry: _Entry, lake: _LakeUrls) -> _Referenced | None:
    """Every file the table's metadata names; None for a table outside the curated zone (or
    dropped meanwhile), whose files are not the sweep's."""
    from pyiceberg.exceptions import NoSuchTableError
    from pyiceberg.manifest import ManifestEntryStatus

    try:
        table: IcebergTable = iceberg.sql_catalog().load_table((entry.database, entry.name))
    except NoSuchTableError:
        return None
    except Exception as exc:  # any failure to read: the table keeps every file
        raise _Unreadable(f"its metadata cannot be read ({_said(exc)})") from None
    folder = lake.folder(table.location())
    if folder is None:
        return None
    refs = _Referenced(folder)

    def add(url: str | None, needed: bool) -> None:
        if not url:
            return
        key = lake.key(url)
        if key is None:
            refs.foreign.add(posixpath.basename(url))
            return
        refs.keys.add(key)
        if needed and key.startswith(folder):
            refs.needed.add(key)

    metadata = table.metadata
    add(table.metadata_location, needed=True)
    add(entry.previous_metadata_location, needed=False)
    for logged in metadata.metadata_log:
        add(logged.metadata_file, needed=False)  # old versions: kept, read by no query
    for stats in [*metadata.statistics, *metadata.partition_statistics]:
        add(stats.statistics_path, needed=False)  # optional for readers
    seen: set[str] = set()
    try:
        for snapshot in metadata.snapshots:
            add(snapshot.manifest_list, needed=True)
            for manifest in snapshot.manifests(table.io):
                if manifest.manifest_path in seen:  # shared by later snapshots
                    continue
                seen.add(manifest.manifest_path)
                add(manifest.manifest_path, needed=True)
                for item in manifest.fetch_manifest_entry(table.io, discard_deleted=False):
                    # A file a snapshot deleted may be gone already (expired elsewhere); it is
                    # kept if there, never required.
                    live = item.status != ManifestEntryStatus.DELETED
                    add(item.data_file.file_path, needed=live)
    except Exception as exc:  # a manifest list or manifest missing or unreadable
        raise _Unreadable(f"its manifests cannot be read ({_said(exc)})") from None
    return refs


def _said(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _owned_folders(
    entries: list[_Entry], referenced: Iterable[_Referenced], lake: _LakeUrls
) -> list[str]:
    """Folders of the zone holding some table's files: its location, and where its metadata
    files are, as the catalog names them, so also a table whose metadata cannot be read (or
    one renamed by another engine, whose files stay in the old name's folder)."""
    owned = [refs.folder for refs in referenced]
    for entry in entries:
        owned.append(f"{ZONE}/{entry.database}/{entry.name}/")
        for url in (entry.metadata_location, entry.previous_metadata_location):
            folder = lake.folder(_table_url_of_metadata(url)) if url else None
            if folder is not None:
                owned.append(folder)
    return owned


def _table_url_of_metadata(url: str) -> str:
    """The table's folder from its metadata file's URL (``<table>/metadata/<file>``)."""
    folder = url.rsplit("/", 1)[0]
    return folder.removesuffix("/metadata")


def _overlap(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


# -- removing ---------------------------------------------------------------------------------


def _old(info: ObjectInfo, now: datetime, min_age_s: float) -> bool:
    return (now - info.last_modified).total_seconds() >= min_age_s


def _delete(store: ObjectStore, key: str) -> bool:
    try:
        store.delete(key)
    except LakeboxError as exc:  # one file that cannot go must not stop the sweep
        log.warning("could not remove %s: %s", key, exc.message)
        return False
    return True


def _remove_folders(
    store: ObjectStore,
    listing: list[ObjectInfo],
    owned: list[str],
    min_age_s: float,
    now: datetime,
    sweep: Sweep,
) -> None:
    """Table folders (``curated/<db>/<table>/``) that no table owns, once all their files
    are old: an interrupted CTAS."""
    folders: dict[str, list[ObjectInfo]] = {}
    for info in listing:
        parts = info.key.split("/")
        if len(parts) >= 4:  # curated/<database>/<table>/<data|metadata>/...
            folders.setdefault("/".join(parts[:3]) + "/", []).append(info)
    # A folder is owned if a table's files are in it or it is inside a table's folder:
    # sets, so that many tables and folders cost what listing them costs.
    within = {"/".join(o.split("/")[:3]) + "/" for o in owned if o.count("/") >= 3}
    above = [o for o in owned if o.count("/") < 3]  # tables at curated/ or curated/<db>/
    for folder, infos in sorted(folders.items()):
        if folder in within or any(folder.startswith(o) for o in above):
            continue
        if not all(_old(i, now, min_age_s) for i in infos):
            continue  # maybe a table another server is creating right now
        for info in infos:
            _delete(store, info.key)
        sweep.folders.append(folder)
        log.info("removed the files of %s, which no table owns", folder)


def _remove_files(
    store: ObjectStore,
    listing: list[ObjectInfo],
    referenced: dict[_Entry, _Referenced],
    entries: list[_Entry],
    lake: _LakeUrls,
    min_age_s: float,
    now: datetime,
    sweep: Sweep,
) -> None:
    """Files in tables' folders that no table's metadata references, once old."""
    listed = {info.key for info in listing}
    for entry, refs in referenced.items():
        missing = sorted(refs.needed - listed)
        if not _table_folder(refs.folder):
            sweep.kept[entry.label] = f"its location {refs.folder} is not a table's folder"
        elif missing:
            sweep.kept[entry.label] = (
                f"{len(missing)} files its metadata references are not there (as {missing[0]})"
            )
    # Files of tables sharing a folder (or one inside another's) are judged against all their
    # references. A table whose references are not known (unreadable, or a view, whose
    # metadata is not read) leaves its folder whole, and any other table's overlapping it.
    unknown: list[str] = []
    for entry in entries:
        if entry.label in sweep.kept or entry.view:
            unknown.append(f"{ZONE}/{entry.database}/{entry.name}/")
            for url in (entry.metadata_location, entry.previous_metadata_location):
                folder = lake.folder(_table_url_of_metadata(url)) if url else None
                if folder is not None:
                    unknown.append(folder)
            if entry in referenced:
                unknown.append(referenced[entry].folder)
    every_key: set[str] = set()
    foreign: set[str] = set()
    for refs in referenced.values():
        every_key |= refs.keys
        foreign |= refs.foreign
    keys = sorted(listing, key=lambda info: info.key)
    order = [info.key for info in keys]
    removed: set[str] = set()
    for entry, refs in sorted(referenced.items(), key=lambda item: item[0].label):
        if entry.label in sweep.kept:
            continue
        blocker = next((f for f in unknown if _overlap(refs.folder, f)), None)
        if blocker is not None:
            sweep.kept[entry.label] = f"its folder overlaps {blocker}, which is left whole"
            continue
        count = 0
        # The table's files: the run of sorted keys that start with its folder.
        for info in keys[bisect.bisect_left(order, refs.folder) :]:
            key = info.key
            if not key.startswith(refs.folder):
                break
            if (
                key in every_key
                or key in removed  # by a table sharing the folder
                or posixpath.basename(key) in foreign
                or _reader_file(key[len(refs.folder) :])
                or not _old(info, now, min_age_s)
            ):
                continue
            if _delete(store, key):
                removed.add(key)
                sweep.files.append(key)
                count += 1
        if count:
            log.info("removed %d files of %s that no metadata references", count, entry.label)


def _table_folder(folder: str) -> bool:
    """At least ``curated/<db>/<table>/``: never the zone, nor a database's folder."""
    return folder.startswith(f"{ZONE}/") and len(folder.rstrip("/").split("/")) >= 3


def _reader_file(relative: str) -> bool:
    """Files readers may use though no metadata names them: version hints, and hidden
    files (``.crc`` checksums, ``_SUCCESS`` markers), as Iceberg's own sweep leaves them.
    A folder ``_x=1`` is a partition's, not hidden."""
    parts = relative.split("/")
    if parts[-1] == _VERSION_HINT:
        return True
    return any(p.startswith(".") or (p.startswith("_") and "=" not in p) for p in parts)


# -- URLs Iceberg records, as keys of the lake ------------------------------------------------


class _LakeUrls:
    """Iceberg records absolute URLs (``file:///...``, ``file:/...`` as Hadoop writes them,
    ``s3://``, ``s3a://``); the store lists keys relative to the lake's root."""

    def __init__(self, store: ObjectStore) -> None:
        warehouse, _ = store.iceberg_catalog(ZONE)
        root = _canonical(warehouse.removesuffix(ZONE))
        assert root is not None, warehouse
        scheme, authority, path = root
        self.root = (scheme, authority, path if path.endswith("/") else path + "/")

    def key(self, url: str) -> str | None:
        """The key of the file at ``url``; None outside the lake (or not understood)."""
        found = _canonical(url)
        scheme, authority, root = self.root
        if found is None or found[:2] != (scheme, authority) or not found[2].startswith(root):
            return None
        return found[2][len(root) :] or None

    def folder(self, url: str) -> str | None:
        """The folder at ``url`` as a prefix of keys ending in "/", if in the curated zone."""
        key = self.key(url.rstrip("/") + "/x")
        if key is None or not key.startswith(f"{ZONE}/"):
            return None
        return key[:-1]


def _canonical(url: str) -> tuple[str, str, str] | None:
    """(scheme, authority, normalized absolute path). Not urllib's parsing: a file's name may
    hold ``#`` or ``?``."""
    scheme, sep, rest = url.partition("://")
    if sep:
        authority, _, path = rest.partition("/")
        path = "/" + path
    elif url.startswith("file:"):
        scheme, authority, path = "file", "", url.removeprefix("file:")
    elif url.startswith("/"):
        scheme, authority, path = "file", "", url
    else:
        return None
    scheme = {"s3a": "s3", "s3n": "s3"}.get(scheme.lower(), scheme.lower())
    if scheme == "file" and authority == "localhost":
        authority = ""
    normalized = posixpath.normpath("/" + path.lstrip("/"))
    return scheme, authority, normalized + ("/" if path.endswith("/") and normalized != "/" else "")
