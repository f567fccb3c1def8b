"""Curated tables in Apache Iceberg, through PyIceberg's SQL catalog in the metadata database.

The catalog tables (``iceberg_tables``, ``iceberg_namespace_properties``) follow the standard
JDBC catalog layout, catalog name ``lakebox``, so Spark, Trino and other Iceberg engines can
read the same tables. Data and metadata files live in the lake under ``curated/<db>/<table>/``.
Every Iceberg table is also a table of the lakebox catalog (format ``iceberg``), kept in step.

Each commit that adds data files records an ObjectCreated event per added data file, in the
same metadata-database transaction that swaps the table's metadata pointer: the commit and its
events are one, so neither can exist without the other.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog, CatalogTable, TableDefinition, table_name
from lakebox.catalog.types import Array, Decimal, Struct, Type, parse, render
from lakebox.errors import AlreadyExists, CommitConflict, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.storage.base import ObjectInfo, ObjectStore
from lakebox.storage.events import ObjectEvents

if TYPE_CHECKING:
    from pyiceberg.catalog.sql import SqlCatalog
    from pyiceberg.table import Table as IcebergTable
    from pyiceberg.table.update import TableUpdate

CATALOG_NAME = "lakebox"
# PyIceberg's JDBC-style catalog table, read on every query of an Iceberg table: built once.
_iceberg_tables = sa.table(
    "iceberg_tables",
    sa.column("catalog_name"),
    sa.column("table_namespace"),
    sa.column("table_name"),
    sa.column("metadata_location"),
)
_METADATA_LOCATION = sa.select(_iceberg_tables.c.metadata_location).where(
    _iceberg_tables.c.catalog_name == CATALOG_NAME,
    _iceberg_tables.c.table_namespace == sa.bindparam("database"),
    _iceberg_tables.c.table_name == sa.bindparam("name"),
)
log = logging.getLogger(__name__)

ZONE = "curated"
# Written for the query engine: row groups of DuckDB's own size (it reads a file's row groups
# in parallel; PyIceberg's default of 1M rows leaves cores idle on tables of a few million
# rows), and Snappy, which decodes faster than PyIceberg's default zstd (measured with
# bench/query.py: zstd made scan-heavy TPC-H queries up to 1.4 times slower).
WRITE_PROPERTIES = {
    "write.parquet.row-group-limit": "122880",
    "write.parquet.compression-codec": "snappy",
}
# The source of the ObjectCreated events of Iceberg data files: ``iceberg:<db>.<table>@<snapshot
# id>``. Consumers that follow raw objects (event crawlers) leave these out.
ICEBERG_EVENT_SOURCE = "iceberg:"
# Metadata files as Iceberg's catalogs name them, ``<version>-<uuid>.metadata.json``: PyIceberg
# and Java's JdbcCatalog both number a commit's file one more than the current one's.
_METADATA_FILE = re.compile(r"(\d+)-[^/]*\.metadata\.json")
# How many times a drop takes the catalog entry again when registrations of commits made before
# the drop keep changing it.
DROP_ATTEMPTS = 5


def event_source(database: str, name: str, snapshot_id: int) -> str:
    return f"{ICEBERG_EVENT_SOURCE}{database}.{name}@{snapshot_id}"


@dataclass(frozen=True)
class CommitEvents:
    """The events of one snapshot a commit adds: its data files."""

    source: str
    files: list[ObjectInfo]
    committed_at: datetime


@dataclass(frozen=True)
class _Pending:
    engine: sa.Engine  # the Iceberg catalog's engine: only its sessions record these
    events: ObjectEvents
    bucket: str
    commits: list[CommitEvents]


# The events of the Iceberg commit running in this thread, recorded by the before_commit hook
# of the session in which PyIceberg swaps the metadata pointer.
_committing = threading.local()


def _record_in_commit(session: Session) -> None:
    pending: _Pending | None = getattr(_committing, "pending", None)
    if pending is None or session.bind is not pending.engine:
        return
    _committing.pending = None  # once, should the commit flush more than once
    conn = session.connection()
    for commit in pending.commits:
        pending.events.record(
            conn, pending.bucket, commit.files, commit.source, commit.committed_at
        )


@functools.cache
def _recording_catalog_class() -> Callable[..., SqlCatalog]:
    """PyIceberg's SQL catalog whose commits record their data files' events in the commit's
    own transaction. Built on first use: importing PyIceberg costs a third of a second."""
    from pyiceberg.catalog.sql import SqlCatalog
    from pyiceberg.table import CommitTableResponse
    from pyiceberg.table.update import TableRequirement

    sa.event.listen(Session, "before_commit", _record_in_commit)

    class RecordingSqlCatalog(SqlCatalog):
        def __init__(self, tables: IcebergTables, name: str, **properties: str) -> None:
            super().__init__(name, **properties)
            self.tables = tables
            # The lake's root URL, ending in "/": a data file's URL less this is its key.
            self.lake_root = properties["warehouse"].removesuffix(ZONE)

        def commit_table(
            self,
            table: IcebergTable,
            requirements: tuple[TableRequirement, ...],
            updates: tuple[TableUpdate, ...],
        ) -> CommitTableResponse:
            # Read before the transaction: the added files are known once the snapshot's
            # manifests are written, and heading them must not hold the event sequencer.
            commits = self.tables.commit_events(table, updates, self.lake_root)
            _committing.pending = _Pending(
                self.engine, self.tables.events, self.tables.store.bucket, commits
            )
            try:
                return super().commit_table(table, requirements, updates)
            finally:
                _committing.pending = None

    return RecordingSqlCatalog


@dataclass(frozen=True)
class Snapshot:
    snapshot_id: int
    parent_id: int | None
    committed_at: datetime
    operation: str
    summary: dict[str, str]
    current: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "snapshot_id": self.snapshot_id,
            "parent_id": self.parent_id,
            "committed_at": self.committed_at.isoformat(),
            "operation": self.operation,
            "summary": self.summary,
            "current": self.current,
        }


@dataclass(frozen=True)
class Plan:
    files: list[tuple[str, int]]  # (path or URL, size in bytes)
    columns: list[Column]


def _iceberg_type(t: Type, ids: itertools.count[int]) -> Any:
    from pyiceberg import types as it

    simple = {
        "boolean": it.BooleanType(),
        "int": it.IntegerType(),
        "bigint": it.LongType(),
        "float": it.FloatType(),
        "double": it.DoubleType(),
        "string": it.StringType(),
        "date": it.DateType(),
        "timestamp": it.TimestampType(),
        "binary": it.BinaryType(),
    }
    if isinstance(t, str):
        if t not in simple:
            raise InvalidArgument(f"type {t!r} cannot be stored in Iceberg")
        return simple[t]
    if isinstance(t, Decimal):
        return it.DecimalType(t.precision, t.scale)
    if isinstance(t, Array):
        return it.ListType(next(ids), _iceberg_type(t.element, ids), element_required=False)
    return it.StructType(
        *(
            it.NestedField(next(ids), name, _iceberg_type(ft, ids), required=False)
            for name, ft in t.fields
        )
    )


def _lakebox_type(t: Any) -> Type:
    from pyiceberg import types as it

    if isinstance(t, it.ListType):
        return Array(_lakebox_type(t.element_type))
    if isinstance(t, it.StructType):
        return Struct(tuple((f.name, _lakebox_type(f.field_type)) for f in t.fields))
    if isinstance(t, it.DecimalType):
        return Decimal(t.precision, t.scale)
    names: dict[type, str] = {
        it.BooleanType: "boolean",
        it.IntegerType: "int",
        it.LongType: "bigint",
        it.FloatType: "float",
        it.DoubleType: "double",
        it.StringType: "string",
        it.DateType: "date",
        it.TimestampType: "timestamp",
        it.TimestamptzType: "timestamp",
        it.BinaryType: "binary",
        it.UUIDType: "string",
    }
    name: str = names.get(type(t), "string")
    return name


def to_iceberg_schema(columns: list[Column]) -> Any:
    from pyiceberg.schema import Schema
    from pyiceberg.types import NestedField

    if not columns:
        raise InvalidArgument("an Iceberg table needs at least one column")
    ids = itertools.count(len(columns) + 1)
    return Schema(
        *(
            NestedField(i, c.name, _iceberg_type(parse(c.type), ids), required=False)
            for i, c in enumerate(columns, start=1)
        )
    )


def columns_of(schema: Any) -> list[Column]:
    return [Column(f.name, render(_lakebox_type(f.field_type))) for f in schema.fields]


_TRANSFORM = re.compile(r"^\s*(\w+)\s*\(\s*(?:(\d+)\s*,\s*)?(\w+)\s*\)\s*$")


def partition_field(text: str, schema: Any, index: int) -> Any:
    """One partition field from ``col`` or a transform such as ``month(ts)``/``bucket(16, id)``."""
    from pyiceberg import transforms
    from pyiceberg.partitioning import PartitionField

    match = _TRANSFORM.match(text)
    name, width = (match.group(3), match.group(2)) if match else (text.strip(), None)
    kind = match.group(1).lower() if match else "identity"
    field = next((f for f in schema.fields if f.name == name), None)
    if field is None:
        raise InvalidArgument(f"partition column {name!r} is not a column of the table")
    made: dict[str, Any] = {
        "identity": transforms.IdentityTransform,
        "year": transforms.YearTransform,
        "month": transforms.MonthTransform,
        "day": transforms.DayTransform,
        "hour": transforms.HourTransform,
    }
    if kind in ("bucket", "truncate") and width is not None:
        transform: Any = (
            transforms.BucketTransform(int(width))
            if kind == "bucket"
            else transforms.TruncateTransform(int(width))
        )
    elif kind in made and width is None:
        transform = made[kind]()
    else:
        raise InvalidArgument(
            f"partitioning {text!r} not understood: use a column name, year(col), month(col), "
            "day(col), hour(col), bucket(n, col) or truncate(n, col)"
        )
    label = name if kind == "identity" else f"{name}_{kind}"
    return PartitionField(field.field_id, 1000 + index, transform, label)


def conform(data: Any, schema: Any) -> Any:
    """Arrow data cast to the table's Arrow schema, matched by column name. A value that does
    not fit its column (a string in a number column, an overflow) is an error naming both."""
    import pyarrow as pa
    from pyiceberg.io.pyarrow import schema_to_pyarrow

    target = schema_to_pyarrow(schema)
    arrays = []
    for field in target:
        if field.name not in data.column_names:
            arrays.append(pa.nulls(data.num_rows, field.type))
            continue
        column = data.column(field.name)
        try:
            arrays.append(column.cast(field.type))
        except pa.ArrowException as exc:  # a value that does not fit, or a cast Arrow lacks
            raise InvalidArgument(
                f"column {field.name!r}: {column.type} values cannot be stored as "
                f"{render(_lakebox_type(schema.find_field(field.name).field_type))} "
                f"({str(exc).splitlines()[0]})"
            ) from None
    return pa.Table.from_arrays(arrays, schema=target)


# Iceberg allows only these type promotions (the spec's "schema evolution" rules).
_PROMOTIONS = {("int", "bigint"), ("float", "double")}


class IcebergTables:
    def __init__(
        self,
        db: Database,
        catalog: Catalog,
        store: ObjectStore,
        events: ObjectEvents | None = None,
    ) -> None:
        self.db = db
        self.catalog = catalog
        self.store = store
        self.events = events or ObjectEvents(db)
        self._sql: SqlCatalog | None = None
        self._lock = threading.Lock()
        self._plans: dict[tuple[str, int | None], Plan] = {}

    def _warehouse(self) -> tuple[str, dict[str, str]]:
        # The store says where PyIceberg keeps tables and how it reaches them.
        return self.store.iceberg_catalog(ZONE)

    def sql_catalog(self) -> SqlCatalog:
        with self._lock:
            if self._sql is None:
                warehouse, props = self._warehouse()
                self._sql = _recording_catalog_class()(
                    self, CATALOG_NAME, uri=self.db.url, warehouse=warehouse, **props
                )
            return self._sql

    def commit_events(
        self, table: IcebergTable, updates: tuple[TableUpdate, ...], lake_root: str
    ) -> list[CommitEvents]:
        """The data files each snapshot of a commit adds, as ObjectCreated events (none for
        commits that add no snapshot: schema changes, rollbacks). ``lake_root`` is the
        store's root URL: a file's URL less it is its key."""
        from pyiceberg.manifest import ManifestContent, ManifestEntryStatus
        from pyiceberg.table.update import AddSnapshotUpdate

        *namespace, name = table.name()
        database = ".".join(namespace)
        commits: list[CommitEvents] = []
        for update in updates:
            if not isinstance(update, AddSnapshotUpdate):
                continue
            snapshot = update.snapshot
            files: list[ObjectInfo] = []
            for manifest in snapshot.manifests(table.io):
                if (
                    manifest.content != ManifestContent.DATA
                    or manifest.added_snapshot_id != snapshot.snapshot_id
                ):
                    continue
                for entry in manifest.fetch_manifest_entry(table.io, discard_deleted=True):
                    path = entry.data_file.file_path
                    # Files of other snapshots (a rewritten manifest keeps them as EXISTING)
                    # and files outside the lake are not this commit's objects.
                    if entry.status != ManifestEntryStatus.ADDED or not path.startswith(lake_root):
                        continue
                    files.append(self.store.head(path.removeprefix(lake_root)))
            commits.append(
                CommitEvents(
                    event_source(database, name, snapshot.snapshot_id),
                    files,
                    datetime.fromtimestamp(snapshot.timestamp_ms / 1000, UTC),
                )
            )
        return commits

    def _load(self, database: str, name: str) -> IcebergTable:
        from pyiceberg.exceptions import NoSuchTableError

        try:
            return self.sql_catalog().load_table((database, name))
        except NoSuchTableError:
            raise NotFound(f"Iceberg table {database}.{name} not found") from None

    def metadata_location(self, database: str, name: str) -> str | None:
        """The table's current metadata file, read from the JDBC catalog table (one small
        query; any engine committing through the same catalog moves it)."""
        with self.db.begin() as conn:
            found: str | None = conn.scalar(
                _METADATA_LOCATION, {"database": database, "name": name}
            )
        return found

    def plan(self, database: str, name: str, snapshot_id: int | None) -> Plan:
        """The data files of a snapshot (None: the current one) and the table's columns then.
        A metadata file never changes, so plans are kept per metadata file and snapshot:
        planning reads the manifests, which costs more than many small queries."""
        location = self.metadata_location(database, name)
        key = (location or f"{database}.{name}", snapshot_id)
        with self._lock:
            plan = self._plans.get(key)
        if plan is not None and location is not None:
            return plan
        table = self._load(database, name)
        schema = table.schema()
        if snapshot_id is not None:
            snapshot = table.snapshot_by_id(snapshot_id)
            if snapshot is not None and snapshot.schema_id is not None:
                schema = table.schemas()[snapshot.schema_id]
        files: list[tuple[str, int]] = []
        for task in table.scan(snapshot_id=snapshot_id).plan_files():
            if task.delete_files:
                raise InvalidArgument(
                    f"{database}.{name} has row-level delete files, which the query engine "
                    "does not read yet"
                )
            files.append((task.file.file_path, task.file.file_size_in_bytes))
        plan = Plan(files, columns_of(schema))
        with self._lock:
            if len(self._plans) >= 512:
                self._plans.pop(next(iter(self._plans)))
            self._plans[(table.metadata_location, snapshot_id)] = plan
        return plan

    def _register(self, database: str, name: str, table: IcebergTable, source: str) -> CatalogTable:
        """Keep the lakebox catalog's entry in step with the Iceberg table's metadata.

        Registrations of concurrent commits may arrive in any order: the entry moves only to
        metadata newer than the one it has (see :func:`_commit_order`), so an older commit
        registered late leaves it as it is and the entry is answered. If the entry is of
        another Iceberg table under the name (``table_uuid``), the one the Iceberg catalog
        has now wins. A table of another kind holding the name is never overwritten
        (:class:`AlreadyExists`).
        """
        snapshot = table.current_snapshot()
        metadata = table.metadata
        warehouse, _ = self._warehouse()
        ours = _commit_order(table.metadata_location, metadata.last_updated_ms)
        uuid = str(metadata.table_uuid)
        definition = TableDefinition(
            location=_lake_location(table.location()),
            format="iceberg",
            columns=columns_of(table.schema()),
            partition_keys=[],
            compression="none",
            format_options={"partition_spec": str(table.spec())},
            properties={
                "metadata_location": table.metadata_location,
                "current_snapshot_id": snapshot.snapshot_id if snapshot else None,
                "snapshot_count": len(table.snapshots()),
                "last_updated_ms": metadata.last_updated_ms,
                "table_uuid": uuid,
                "warehouse": warehouse,
                "last_change": datetime.now(UTC).isoformat(),
            },
        )

        def define(existing: CatalogTable | None) -> TableDefinition:
            # Decided on the entry as it is at the commit (again if another writer commits
            # first), not on an earlier read.
            if existing is None:
                return definition
            if existing.definition.format != "iceberg":
                raise AlreadyExists(
                    f"table {database}.{name} already exists (a {existing.definition.format} table)"
                )
            props = existing.definition.properties
            if props.get("table_uuid", uuid) != uuid:
                # Another Iceberg table under this name (one was dropped, the name made again):
                # their commits cannot be compared; the one the Iceberg catalog has now wins.
                if self.metadata_location(database, name) != table.metadata_location:
                    raise _Superseded(existing)
                return definition
            if _commit_order(props.get("metadata_location"), props.get("last_updated_ms")) > ours:
                raise _Superseded(existing)
            return definition

        try:
            return self.catalog.put_table(database, name, define, source=source).table
        except _Superseded as newer:
            return newer.entry

    def create(
        self,
        database: str,
        name: str,
        columns: list[Column],
        partition_by: list[str] | None = None,
        data: Any = None,
    ) -> CatalogTable:
        """Create a table; with ``data`` (an Arrow table) the table and its first snapshot are
        one atomic commit, so a failed write leaves no table behind. ``partition_by`` takes
        column names and Athena's transforms: ``year(ts)``, ``month(ts)``, ``day(ts)``,
        ``hour(ts)``, ``bucket(16, id)``, ``truncate(10, name)``."""
        from pyiceberg.exceptions import (
            NamespaceAlreadyExistsError,
            NoSuchTableError,
            TableAlreadyExistsError,
        )
        from pyiceberg.partitioning import PartitionSpec

        if table_name(name) != name:
            raise InvalidArgument(f"table name {name!r} must be lower-case letters, digits, '_'")
        self.catalog.ensure_database(database)
        schema = to_iceberg_schema(columns)
        spec = PartitionSpec(
            *(partition_field(text, schema, i) for i, text in enumerate(partition_by or []))
        )
        sql = self.sql_catalog()
        with contextlib.suppress(NamespaceAlreadyExistsError):
            sql.create_namespace(database)
        try:
            self.catalog.table(database, name)
            raise AlreadyExists(f"table {database}.{name} already exists")
        except NotFound:
            pass
        warehouse, _ = self._warehouse()
        location = f"{warehouse}/{database}/{name}"
        try:
            how = {
                "schema": schema,
                "partition_spec": spec,
                "location": location,
                "properties": WRITE_PROPERTIES,
            }
            if data is None:
                table = sql.create_table((database, name), **how)
            else:
                txn = sql.create_table_transaction((database, name), **how)
                txn.append(conform(data, schema))
                table = txn.commit_transaction()
        except TableAlreadyExistsError:
            raise AlreadyExists(f"Iceberg table {database}.{name} already exists") from None
        try:
            return self._register(database, name, table, "iceberg:create")
        except AlreadyExists:
            # Another writer (a crawl, a view) took the name in the catalog since the check
            # above: the Iceberg table just made has no entry to be read through; remove it.
            with contextlib.suppress(NoSuchTableError):
                sql.drop_table((database, name))
            self._delete_files(_lake_location(table.location()))
            raise

    def drop(self, database: str, name: str) -> None:
        """Drop the table and delete its data and metadata files (as Athena does for Iceberg)."""
        from pyiceberg.exceptions import NoSuchTableError

        entry = self.catalog.table(database, name)
        if entry.definition.format != "iceberg":
            raise InvalidArgument(
                f"{database}.{name} is a {entry.definition.format} table, not an Iceberg table"
            )
        with contextlib.suppress(NoSuchTableError):
            self.sql_catalog().drop_table((database, name))
        for attempt in range(1, DROP_ATTEMPTS + 1):
            try:
                self.catalog.drop_table(entry)
                break
            except CommitConflict as conflict:
                # A commit made before the Iceberg table was dropped registered after: the
                # entry is still the dropped table's, changed since it was read. Drop it as
                # it is now, unless the name went to another table meanwhile.
                if attempt == DROP_ATTEMPTS:
                    raise
                try:
                    fresh = self.catalog.table(database, name)
                except NotFound:
                    break
                if (fresh.id, fresh.created_at) != (entry.id, entry.created_at):
                    break
                if fresh.definition.format != "iceberg":
                    raise conflict from None
                entry = fresh
        self._delete_files(entry.definition.location)

    def _delete_files(self, location: str) -> None:
        """The files of a table in the curated zone; anything else is left alone."""
        if location.startswith(f"{ZONE}/"):
            for info in list(self.store.list(location)):
                self.store.delete(info.key)

    def evolve(
        self,
        database: str,
        name: str,
        add: list[Column] | None = None,
        widen: list[Column] | None = None,
    ) -> CatalogTable:
        """Add columns and widen types, as one atomic schema change."""
        table = self._load(database, name)
        current = {c.name: c.type for c in columns_of(table.schema())}
        for col in add or []:
            if col.name in current:
                raise InvalidArgument(f"column {col.name!r} already exists in {database}.{name}")
        for col in widen or []:
            if col.name not in current:
                raise InvalidArgument(f"no column {col.name!r} in {database}.{name} to widen")
            if (current[col.name], col.type) not in _PROMOTIONS:
                raise InvalidArgument(
                    f"Iceberg cannot change {col.name} from {current[col.name]} to {col.type}; "
                    "it allows int -> bigint and float -> double (add a new column instead)"
                )
        ids = itertools.count(10_000)
        with table.update_schema() as update:
            for col in add or []:
                update.add_column(col.name, _iceberg_type(parse(col.type), ids))
            for col in widen or []:
                update.update_column(col.name, field_type=_iceberg_type(parse(col.type), ids))
        return self._register(database, name, self._load(database, name), "iceberg:evolve")

    def append(self, database: str, name: str, data: Any) -> CatalogTable:
        """Append an Arrow table as one atomic commit (a new snapshot)."""
        table = self._load(database, name)
        table.append(conform(data, table.schema()))
        return self._register(database, name, self._load(database, name), "iceberg:append")

    def snapshots(self, database: str, name: str) -> list[Snapshot]:
        table = self._load(database, name)
        current = table.current_snapshot()
        return [
            Snapshot(
                s.snapshot_id,
                s.parent_snapshot_id,
                datetime.fromtimestamp(s.timestamp_ms / 1000, UTC),
                str(s.summary.operation.value) if s.summary else "",
                {
                    k: str(v)
                    for k, v in (s.summary.additional_properties if s.summary else {}).items()
                },
                current is not None and s.snapshot_id == current.snapshot_id,
            )
            for s in table.snapshots()
        ]

    def rollback(self, database: str, name: str, snapshot_id: int) -> CatalogTable:
        """Make an earlier snapshot current again (atomically); later ones stay listable."""
        table = self._load(database, name)
        known = [s.snapshot_id for s in table.snapshots()]
        if snapshot_id not in known:
            raise NotFound(
                f"{database}.{name} has no snapshot {snapshot_id}; snapshots: "
                + (", ".join(map(str, known)) or "none")
            )
        table.manage_snapshots().set_current_snapshot(snapshot_id).commit()
        return self._register(database, name, self._load(database, name), "iceberg:rollback")


class _Superseded(Exception):
    """The catalog entry already describes newer metadata than a registration's."""

    def __init__(self, entry: CatalogTable) -> None:
        super().__init__(f"{entry.database}.{entry.name}")
        self.entry = entry


def _lake_location(location: str) -> str:
    """A table's location as the lakebox catalog keeps it: a prefix in the lake for tables in
    the curated zone, the URL as it is otherwise."""
    if f"/{ZONE}/" in location:
        return f"{ZONE}/" + location.split(f"/{ZONE}/", 1)[1].rstrip("/") + "/"
    return location


def _commit_order(metadata_location: Any, last_updated_ms: Any) -> tuple[int, int]:
    """Where a metadata file of one table comes in its commits: by the version in its name
    (every commit through an Iceberg catalog numbers its file one more than the current one's),
    then by the metadata's ``last-updated-ms`` (files named otherwise; -1 and 0 if unknown)."""
    match = _METADATA_FILE.fullmatch(str(metadata_location or "").rsplit("/", 1)[-1])
    return (int(match.group(1)) if match else -1, int(last_updated_ms or 0))
