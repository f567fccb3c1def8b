"""Curated tables in Apache Iceberg, through PyIceberg's SQL catalog in the metadata database.

The catalog tables (``iceberg_tables``, ``iceberg_namespace_properties``) follow the standard
JDBC catalog layout, catalog name ``lakebox``, so Spark, Trino and other Iceberg engines can
read the same tables. Data and metadata files live in the lake under ``curated/<db>/<table>/``.
Every Iceberg table is also a table of the lakebox catalog (format ``iceberg``), kept in step.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog, CatalogTable, TableDefinition, table_name
from lakebox.catalog.types import Array, Decimal, Struct, Type, parse, render
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.storage.base import ObjectStore

if TYPE_CHECKING:
    from pyiceberg.catalog.sql import SqlCatalog
    from pyiceberg.table import Table as IcebergTable

CATALOG_NAME = "lakebox"
ZONE = "curated"


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


# Iceberg allows only these type promotions (the spec's "schema evolution" rules).
_PROMOTIONS = {("int", "bigint"), ("float", "double")}


class IcebergTables:
    def __init__(self, db: Database, catalog: Catalog, store: ObjectStore) -> None:
        self.db = db
        self.catalog = catalog
        self.store = store
        self._sql: SqlCatalog | None = None
        self._lock = threading.Lock()

    def _warehouse(self) -> tuple[str, dict[str, str]]:
        from lakebox.storage.local import LocalStore
        from lakebox.storage.s3 import S3Store

        if isinstance(self.store, LocalStore):
            return f"file://{self.store.root}/{ZONE}", {}
        if isinstance(self.store, S3Store):
            props = {
                k: v
                for k, v in {
                    "s3.endpoint": self.store._options.get("endpoint_url") or "",
                    "s3.region": self.store._options.get("region") or "",
                    "s3.access-key-id": self.store._options.get("access_key_id") or "",
                    "s3.secret-access-key": self.store._options.get("secret_access_key") or "",
                }.items()
                if v
            }
            return f"s3://{self.store.bucket}/{self.store.prefix}{ZONE}", props
        raise InvalidArgument(f"Iceberg tables need a file:// or s3:// lake, not {self.store.url}")

    def sql_catalog(self) -> SqlCatalog:
        with self._lock:
            if self._sql is None:
                from pyiceberg.catalog.sql import SqlCatalog

                warehouse, props = self._warehouse()
                self._sql = SqlCatalog(CATALOG_NAME, uri=self.db.url, warehouse=warehouse, **props)
            return self._sql

    def _load(self, database: str, name: str) -> IcebergTable:
        from pyiceberg.exceptions import NoSuchTableError

        try:
            return self.sql_catalog().load_table((database, name))
        except NoSuchTableError:
            raise NotFound(f"Iceberg table {database}.{name} not found") from None

    def _register(self, database: str, name: str, table: IcebergTable, source: str) -> CatalogTable:
        """Keep the lakebox catalog's entry in step with the Iceberg table's metadata."""
        snapshot = table.current_snapshot()
        location = table.location()
        warehouse, _ = self._warehouse()
        definition = TableDefinition(
            location=f"{ZONE}/" + location.split(f"/{ZONE}/", 1)[1].rstrip("/") + "/"
            if f"/{ZONE}/" in location
            else location,
            format="iceberg",
            columns=columns_of(table.schema()),
            partition_keys=[],
            compression="none",
            format_options={"partition_spec": str(table.spec())},
            properties={
                "metadata_location": table.metadata_location,
                "current_snapshot_id": snapshot.snapshot_id if snapshot else None,
                "snapshot_count": len(table.snapshots()),
                "warehouse": warehouse,
                "last_change": datetime.now(UTC).isoformat(),
            },
        )
        return self.catalog.put_table(database, name, definition, source=source).table

    def create(
        self,
        database: str,
        name: str,
        columns: list[Column],
        partition_by: list[str] | None = None,
    ) -> CatalogTable:
        from pyiceberg.exceptions import NamespaceAlreadyExistsError, TableAlreadyExistsError
        from pyiceberg.partitioning import PartitionField, PartitionSpec
        from pyiceberg.transforms import IdentityTransform

        if table_name(name) != name:
            raise InvalidArgument(f"table name {name!r} must be lower-case letters, digits, '_'")
        self.catalog.ensure_database(database)
        schema = to_iceberg_schema(columns)
        fields = []
        for i, col in enumerate(partition_by or []):
            field = next((f for f in schema.fields if f.name == col), None)
            if field is None:
                raise InvalidArgument(f"partition column {col!r} is not a column of the table")
            fields.append(PartitionField(field.field_id, 1000 + i, IdentityTransform(), col))
        sql = self.sql_catalog()
        with contextlib.suppress(NamespaceAlreadyExistsError):
            sql.create_namespace(database)
        try:
            self.catalog.table(database, name)
            raise AlreadyExists(f"table {database}.{name} already exists")
        except NotFound:
            pass
        warehouse, _ = self._warehouse()
        try:
            table = sql.create_table(
                (database, name),
                schema=schema,
                partition_spec=PartitionSpec(*fields),
                location=f"{warehouse}/{database}/{name}",
            )
        except TableAlreadyExistsError:
            raise AlreadyExists(f"Iceberg table {database}.{name} already exists") from None
        return self._register(database, name, table, "iceberg:create")

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
        table.append(data)
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
