"""The catalog (Glue Data Catalog): databases, tables, partitions, schema versions."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from lakebox.catalog.schema import Change, Column, diff
from lakebox.catalog.tables import (
    catalog_databases,
    catalog_partitions,
    catalog_schema_versions,
    catalog_tables,
)
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.meta.times import as_utc

FORMATS = ("json", "csv", "parquet", "iceberg", "view")
# Every query looks its tables up: built once (building costs more than running it). Rows of
# the right databases and names, exact pairs chosen after.
_LOOKUP = select(catalog_tables).where(
    catalog_tables.c.database.in_(bindparam("dbs", expanding=True)),
    catalog_tables.c.name.in_(bindparam("names", expanding=True)),
)
NAME_RE = re.compile(r"[a-z0-9_]{1,255}")


def table_name(text: str) -> str:
    """A folder name as Glue makes it a table name: lower case, other characters as '_'."""
    name = re.sub(r"[^a-z0-9_]", "_", text.lower()).strip("_")
    return name or "_"


@dataclass(frozen=True)
class Partition:
    values: tuple[str, ...]
    location: str
    object_count: int
    bytes: int

    def as_json(self) -> dict[str, Any]:
        return {
            "values": list(self.values),
            "location": self.location,
            "object_count": self.object_count,
            "bytes": self.bytes,
        }


@dataclass(frozen=True)
class TableDefinition:
    """What a crawler (or a person) says a table is."""

    location: str
    format: str
    columns: list[Column]
    partition_keys: list[Column] = field(default_factory=list)
    compression: str = "none"
    format_options: dict[str, Any] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CatalogTable:
    id: int
    database: str
    name: str
    definition: TableDefinition
    schema_version: int
    status: str
    created_at: datetime
    updated_at: datetime

    def as_json(self) -> dict[str, Any]:
        d = self.definition
        return {
            "database": self.database,
            "name": self.name,
            "location": d.location,
            "format": d.format,
            "compression": d.compression,
            "format_options": d.format_options,
            "columns": [c.as_json() for c in d.columns],
            "partition_keys": [c.as_json() for c in d.partition_keys],
            "properties": d.properties,
            "schema_version": self.schema_version,
            "status": self.status,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True)
class SchemaVersion:
    version: int
    columns: list[Column]
    partition_keys: list[Column]
    changes: list[dict[str, Any]]
    source: str
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "columns": [c.as_json() for c in self.columns],
            "partition_keys": [c.as_json() for c in self.partition_keys],
            "changes": self.changes,
            "source": self.source,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class TableUpdate:
    table: CatalogTable
    created: bool
    changes: list[Change]


def _cols(text: str) -> list[Column]:
    return [Column(c["name"], c["type"]) for c in orjson.loads(text)]


def _cols_json(cols: Iterable[Column]) -> str:
    return orjson.dumps([c.as_json() for c in cols]).decode()


class Catalog:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- databases ----------------------------------------------------------------------------

    def create_database(self, name: str, description: str = "") -> dict[str, Any]:
        if not NAME_RE.fullmatch(name):
            raise InvalidArgument(
                f"database name {name!r} must be 1-255 lower-case letters, digits or '_'"
            )
        now = datetime.now(UTC)
        try:
            with self.db.begin() as conn:
                conn.execute(
                    insert(catalog_databases).values(
                        name=name, description=description, created_at=now
                    )
                )
        except IntegrityError:
            raise AlreadyExists(f"database {name!r} already exists") from None
        return {"name": name, "description": description, "created_at": now.isoformat()}

    def ensure_database(self, name: str) -> None:
        with contextlib.suppress(AlreadyExists):
            self.create_database(name)

    def databases(self) -> list[dict[str, Any]]:
        with self.db.begin() as conn:
            rows = conn.execute(select(catalog_databases).order_by(catalog_databases.c.name))
            return [
                {
                    "name": r.name,
                    "description": r.description,
                    "created_at": as_utc(r.created_at).isoformat(),
                }
                for r in rows
            ]

    def _check_database(self, conn: Connection, name: str) -> None:
        found = conn.execute(
            select(catalog_databases.c.name).where(catalog_databases.c.name == name)
        ).first()
        if found is None:
            known = list(conn.scalars(select(catalog_databases.c.name)))
            raise NotFound(
                f"database {name!r} not found"
                + (f"; databases: {', '.join(sorted(known))}" if known else "; no databases yet")
            )

    # -- tables -------------------------------------------------------------------------------

    def tables(self, database: str) -> list[CatalogTable]:
        with self.db.begin() as conn:
            self._check_database(conn, database)
            rows = conn.execute(
                select(catalog_tables)
                .where(catalog_tables.c.database == database)
                .order_by(catalog_tables.c.name)
            ).all()
        return [_table(r) for r in rows]

    def table(self, database: str, name: str) -> CatalogTable:
        with self.db.begin() as conn:
            row = conn.execute(
                select(catalog_tables).where(
                    catalog_tables.c.database == database, catalog_tables.c.name == name
                )
            ).first()
            if row is None:
                self._check_database(conn, database)
                known = list(
                    conn.scalars(
                        select(catalog_tables.c.name).where(catalog_tables.c.database == database)
                    )
                )
                hint = _did_you_mean(name, known)
                raise NotFound(f"table {database}.{name} not found{hint}")
        return _table(row)

    def lookup(self, names: list[tuple[str, str]]) -> dict[tuple[str, str], CatalogTable]:
        """Several tables by (database, name) in one query; missing ones are left out."""
        if not names:
            return {}
        wanted = set(names)
        with self.db.begin() as conn:
            rows = conn.execute(
                _LOOKUP,
                {"dbs": sorted({d for d, _ in names}), "names": sorted({n for _, n in names})},
            ).all()
        tables = [_table(r) for r in rows if (r.database, r.name) in wanted]
        return {(t.database, t.name): t for t in tables}

    def put_table(
        self, database: str, name: str, definition: TableDefinition, *, source: str
    ) -> TableUpdate:
        """Create or update a table; a change of columns or partition keys is a new version."""
        if definition.format not in FORMATS:
            raise InvalidArgument(f"format {definition.format!r}; formats: {', '.join(FORMATS)}")
        now = datetime.now(UTC)
        values = {
            "location": definition.location,
            "format": definition.format,
            "compression": definition.compression,
            "format_options": orjson.dumps(definition.format_options).decode(),
            "columns": _cols_json(definition.columns),
            "partition_keys": _cols_json(definition.partition_keys),
            "properties": orjson.dumps(definition.properties).decode(),
            "status": "active",
            "updated_at": now,
        }
        with self.db.begin() as conn:
            self._check_database(conn, database)
            row = conn.execute(
                select(catalog_tables).where(
                    catalog_tables.c.database == database, catalog_tables.c.name == name
                )
            ).first()
            if row is None:
                result = conn.execute(
                    insert(catalog_tables).values(
                        database=database, name=name, schema_version=1, created_at=now, **values
                    )
                )
                pk = result.inserted_primary_key
                assert pk is not None
                table_id = int(pk[0])
                changes = diff([], definition.columns + definition.partition_keys)
                self._add_version(conn, table_id, 1, definition, changes, source, now)
                created, version = True, 1
            else:
                table_id, version = row.id, row.schema_version
                old = _cols(row.columns) + _cols(row.partition_keys)
                changes = diff(old, definition.columns + definition.partition_keys)
                if changes:
                    version += 1
                    self._add_version(conn, table_id, version, definition, changes, source, now)
                conn.execute(
                    update(catalog_tables)
                    .where(catalog_tables.c.id == table_id)
                    .values(schema_version=version, **values)
                )
                created = False
            row = conn.execute(select(catalog_tables).where(catalog_tables.c.id == table_id)).one()
        return TableUpdate(_table(row), created, changes)

    def _add_version(
        self,
        conn: Connection,
        table_id: int,
        version: int,
        definition: TableDefinition,
        changes: list[Change],
        source: str,
        now: datetime,
    ) -> None:
        conn.execute(
            insert(catalog_schema_versions).values(
                table_id=table_id,
                version=version,
                columns=_cols_json(definition.columns),
                partition_keys=_cols_json(definition.partition_keys),
                changes=orjson.dumps([c.as_json() for c in changes]).decode(),
                source=source,
                created_at=now,
            )
        )

    def set_status(self, table: CatalogTable, status: str) -> None:
        with self.db.begin() as conn:
            conn.execute(
                update(catalog_tables)
                .where(catalog_tables.c.id == table.id)
                .values(status=status, updated_at=datetime.now(UTC))
            )

    def drop_table(self, table: CatalogTable) -> None:
        with self.db.begin() as conn:
            conn.execute(
                delete(catalog_partitions).where(catalog_partitions.c.table_id == table.id)
            )
            conn.execute(
                delete(catalog_schema_versions).where(
                    catalog_schema_versions.c.table_id == table.id
                )
            )
            conn.execute(delete(catalog_tables).where(catalog_tables.c.id == table.id))

    def history(self, database: str, name: str) -> list[SchemaVersion]:
        table = self.table(database, name)
        with self.db.begin() as conn:
            rows = conn.execute(
                select(catalog_schema_versions)
                .where(catalog_schema_versions.c.table_id == table.id)
                .order_by(catalog_schema_versions.c.version)
            ).all()
        return [
            SchemaVersion(
                r.version,
                _cols(r.columns),
                _cols(r.partition_keys),
                orjson.loads(r.changes),
                r.source,
                as_utc(r.created_at),
            )
            for r in rows
        ]

    # -- partitions ---------------------------------------------------------------------------

    def put_partitions(
        self, table: CatalogTable, partitions: Iterable[Partition], *, replace: bool
    ) -> int:
        """Add partitions (or update their counts); returns how many were new.

        ``replace`` sets the counts (a full crawl saw everything); otherwise they are added to
        (an event crawl saw only new objects).
        """
        now = datetime.now(UTC)
        added = 0
        partitions = list(partitions)
        wanted = ["/".join(p.values) for p in partitions]
        with self.db.begin() as conn:
            # Only the partitions touched: an event crawl's cost must not grow with history.
            existing: dict[str, Any] = {}
            for i in range(0, len(wanted), 500):
                rows = conn.execute(
                    select(catalog_partitions).where(
                        catalog_partitions.c.table_id == table.id,
                        catalog_partitions.c.values_key.in_(wanted[i : i + 500]),
                    )
                )
                existing.update((r.values_key, r) for r in rows)
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for p, key in zip(partitions, wanted, strict=True):
                row = existing.get(key)
                if row is None:
                    inserts.append(
                        {
                            "table_id": table.id,
                            "values_key": key,
                            "values": orjson.dumps(list(p.values)).decode(),
                            "location": p.location,
                            "object_count": p.object_count,
                            "bytes": p.bytes,
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
                elif replace or p.object_count or p.bytes:
                    updates.append(
                        {
                            "pid": row.id,
                            "n": p.object_count if replace else row.object_count + p.object_count,
                            "size": p.bytes if replace else row.bytes + p.bytes,
                        }
                    )
            # executemany: one statement for all, whatever the number of partitions
            if inserts:
                conn.execute(insert(catalog_partitions), inserts)
                added = len(inserts)
            if updates:
                conn.execute(
                    update(catalog_partitions)
                    .where(catalog_partitions.c.id == bindparam("pid"))
                    .values(object_count=bindparam("n"), bytes=bindparam("size"), updated_at=now),
                    updates,
                )
        return added

    def remove_partitions(
        self,
        table: CatalogTable,
        keep: set[tuple[str, ...]],
        keys_still_there: Iterable[str] = (),
    ) -> int:
        """Remove partitions not in ``keep`` whose folders hold none of ``keys_still_there``
        (their data is gone); returns how many."""
        remaining = list(keys_still_there)
        with self.db.begin() as conn:
            rows = conn.execute(
                select(
                    catalog_partitions.c.id,
                    catalog_partitions.c.values_key,
                    catalog_partitions.c.location,
                ).where(catalog_partitions.c.table_id == table.id)
            ).all()
            gone = [
                r.id
                for r in rows
                if tuple(r.values_key.split("/")) not in keep
                and not any(k.startswith(r.location) for k in remaining)
            ]
            if gone:
                conn.execute(delete(catalog_partitions).where(catalog_partitions.c.id.in_(gone)))
        return len(gone)

    def partitions(self, database: str, name: str) -> list[Partition]:
        table = self.table(database, name)
        with self.db.begin() as conn:
            rows = conn.execute(
                select(catalog_partitions)
                .where(catalog_partitions.c.table_id == table.id)
                .order_by(catalog_partitions.c.values_key)
            ).all()
        return [
            Partition(tuple(orjson.loads(r.values)), r.location, r.object_count, r.bytes)
            for r in rows
        ]


def _table(row: Any) -> CatalogTable:
    return CatalogTable(
        id=row.id,
        database=row.database,
        name=row.name,
        definition=TableDefinition(
            location=row.location,
            format=row.format,
            columns=_cols(row.columns),
            partition_keys=_cols(row.partition_keys),
            compression=row.compression,
            format_options=orjson.loads(row.format_options),
            properties=orjson.loads(row.properties),
        ),
        schema_version=row.schema_version,
        status=row.status,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
    )


def _did_you_mean(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"; did you mean {close[0]}?"
    return f"; tables: {', '.join(sorted(known))}" if known else "; the database has no tables"
