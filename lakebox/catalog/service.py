"""The catalog (Glue Data Catalog): databases, tables, partitions, schema versions."""

from __future__ import annotations

import contextlib
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import orjson
from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from lakebox.catalog.schema import Change, Column, diff
from lakebox.catalog.tables import (
    catalog_databases,
    catalog_partitions,
    catalog_schema_versions,
    catalog_tables,
)
from lakebox.errors import AlreadyExists, CommitConflict, InvalidArgument, NotFound
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
# How many times a write that lost a race to a concurrent writer runs again on fresh state
# before it gives up with CommitConflict.
ATTEMPTS = 12
_SET_COUNTS = (
    update(catalog_partitions)
    .where(catalog_partitions.c.id == bindparam("pid"))
    .values(object_count=bindparam("n"), bytes=bindparam("size"), updated_at=bindparam("now"))
)
# Added in the database, not from a count read before: concurrent event crawls lose nothing.
_ADD_COUNTS = (
    update(catalog_partitions)
    .where(catalog_partitions.c.id == bindparam("pid"))
    .values(
        object_count=catalog_partitions.c.object_count + bindparam("n"),
        bytes=catalog_partitions.c.bytes + bindparam("size"),
        updated_at=bindparam("now"),
    )
)
T = TypeVar("T")


class _LostRace(Exception):
    """This attempt's compare-and-swap found the row changed: run it again on fresh state."""


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
            "properties": summarized(d.properties),
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
        self,
        database: str,
        name: str,
        definition: TableDefinition | Callable[[CatalogTable | None], TableDefinition],
        *,
        source: str,
    ) -> TableUpdate:
        """Create or update a table; a change of columns or partition keys is a new version.

        ``definition`` is what the table must look like, or a function making it from the
        table as it is (``None`` when there is none): a writer that lost a race to another is
        run again on the fresh table, so a function derived from the table (merged columns,
        added counts) loses nothing. It may be called more than once. After ``ATTEMPTS`` lost
        races in a row, :class:`CommitConflict`.
        """

        def build(existing: CatalogTable | None) -> TableDefinition:
            d = definition if isinstance(definition, TableDefinition) else definition(existing)
            if d.format not in FORMATS:
                raise InvalidArgument(f"format {d.format!r}; formats: {', '.join(FORMATS)}")
            return d

        def attempt(conn: Connection, again: bool) -> TableUpdate:
            self._check_database(conn, database)
            read = select(catalog_tables).where(
                catalog_tables.c.database == database, catalog_tables.c.name == name
            )
            if again:
                # Lost a race already: on PostgreSQL, lock the row while reading it (FOR NO
                # KEY UPDATE; partition writers' KEY SHARE still pass), so that this attempt
                # cannot lose again and many writers on one table queue instead of starving.
                read = read.with_for_update(key_share=True)
            row = conn.execute(read).first()
            d = build(None if row is None else _table(row))
            now = datetime.now(UTC)
            values = {
                "location": d.location,
                "format": d.format,
                "compression": d.compression,
                "format_options": orjson.dumps(d.format_options).decode(),
                "columns": _cols_json(d.columns),
                "partition_keys": _cols_json(d.partition_keys),
                "properties": orjson.dumps(d.properties).decode(),
                "status": "active",
            }
            if row is None:
                # A concurrent creator makes this INSERT fail on the (database, name) unique
                # constraint: a lost race, retried as an update of what it created.
                result = conn.execute(
                    insert(catalog_tables).values(
                        database=database,
                        name=name,
                        schema_version=1,
                        created_at=now,
                        updated_at=now,
                        **values,
                    )
                )
                pk = result.inserted_primary_key
                assert pk is not None
                table_id = int(pk[0])
                changes = diff([], d.columns + d.partition_keys)
                self._add_version(conn, table_id, 1, d, changes, source, now)
                created = True
            else:
                table_id = row.id
                old = _cols(row.columns) + _cols(row.partition_keys)
                changes = diff(old, d.columns + d.partition_keys)
                version = row.schema_version + 1 if changes else row.schema_version
                # The row first, the version after: the row's compare-and-swap decides who
                # writes version n+1, so the history has no gap and no duplicate.
                self._swap(
                    conn,
                    row,
                    update(catalog_tables).values(
                        schema_version=version, updated_at=_stamp(now, row.updated_at), **values
                    ),
                )
                if changes:
                    self._add_version(conn, table_id, version, d, changes, source, now)
                created = False
            fresh = conn.execute(select(catalog_tables).where(catalog_tables.c.id == table_id))
            return TableUpdate(_table(fresh.one()), created, changes)

        return self._commit(attempt, f"writing table {database}.{name}")

    def _swap(self, conn: Connection, row: Any, statement: Any) -> None:
        """Run an UPDATE or DELETE of the table row ``row`` only if the row is still as read
        (same schema version and ``updated_at``); raises :class:`_LostRace` otherwise.

        Every write sets ``updated_at`` later than the one it read (:func:`_stamp`), so the
        pair changes with every commit. On PostgreSQL a concurrent writer waits for the row
        lock, then finds the condition false; on SQLite writers are serialized anyway.
        """
        result = conn.execute(
            statement.where(
                catalog_tables.c.id == row.id,
                catalog_tables.c.schema_version == row.schema_version,
                catalog_tables.c.updated_at == row.updated_at,
            )
        )
        if result.rowcount != 1:
            raise _LostRace

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

    def set_status(self, table: CatalogTable, status: str) -> CatalogTable:
        """Set the status of ``table`` as it was read. If another writer changed it since,
        :class:`CommitConflict` (the reason to set it may no longer hold), unless the table
        already has that status."""
        qualified = f"{table.database}.{table.name}"

        def attempt(conn: Connection, _again: bool) -> CatalogTable:
            now = datetime.now(UTC)
            stamp = _stamp(now, table.updated_at)
            with contextlib.suppress(_LostRace):
                self._swap(
                    conn, table, update(catalog_tables).values(status=status, updated_at=stamp)
                )
                fresh = conn.execute(select(catalog_tables).where(catalog_tables.c.id == table.id))
                return _table(fresh.one())
            current = self._current(conn, table)
            if current is not None and current.status == status:
                return current
            raise CommitConflict(
                f"table {qualified} was {_what_happened(table, current)}; "
                f"its status was not set to {status}"
            )

        return self._commit(attempt, f"setting the status of table {qualified}")

    def drop_table(self, table: CatalogTable) -> None:
        """Drop ``table`` as it was read. If another writer changed it since,
        :class:`CommitConflict` (the reason to drop it may no longer hold); if it is gone
        already, nothing to do."""
        qualified = f"{table.database}.{table.name}"

        def attempt(conn: Connection, _again: bool) -> None:
            try:
                # Its partitions and schema versions go with it (ON DELETE CASCADE).
                self._swap(conn, table, delete(catalog_tables))
            except _LostRace:
                current = self._current(conn, table)
                if current is None:
                    return
                raise CommitConflict(
                    f"table {qualified} was {_what_happened(table, current)}; it was not dropped"
                ) from None

        self._commit(attempt, f"dropping table {qualified}")

    def _current(self, conn: Connection, table: CatalogTable) -> CatalogTable | None:
        """The row of ``table`` as it is now; ``None`` if it is gone (a table made since
        under the same name, or SQLite reusing the id, is another table)."""
        row = conn.execute(select(catalog_tables).where(catalog_tables.c.id == table.id)).first()
        if row is None or not _same(row, table):
            return None
        return _table(row)

    def _commit(self, attempt: Callable[[Connection, bool], T], what: str) -> T:
        """Run ``attempt`` in a transaction of its own until it does not lose a race to a
        concurrent writer, at most ``ATTEMPTS`` times, pausing a little (random, growing)
        between attempts so that racing writers spread out. Its second argument says whether
        it lost a race before. ``what`` names the operation in the error."""
        last: Exception | None = None
        for n in range(ATTEMPTS):
            try:
                with self.db.begin() as conn:
                    return attempt(conn, n > 0)
            except _LostRace as exc:
                last = exc
            except DBAPIError as exc:
                if _locked_out(exc):
                    # SQLite already waited its busy timeout (30 s) for the lock: another
                    # attempt would only wait as long again.
                    raise CommitConflict(
                        f"{what}: the metadata database stayed locked by another writer "
                        "for longer than its busy timeout; try again"
                    ) from exc
                if not _lost_race(exc):
                    raise
                last = exc
            if n + 1 < ATTEMPTS:
                time.sleep(random.uniform(0, min(0.05, 0.002 * 2**n)))
        raise CommitConflict(
            f"{what}: other writers kept changing it at the same time; "
            f"gave up after {ATTEMPTS} attempts; try again"
        ) from last

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
        (an event crawl saw only new objects), in the database, so concurrent crawls lose no
        count. A concurrent writer adding the same partition makes this one run again on
        fresh state; ``table`` dropped meanwhile is a :class:`CommitConflict`.
        """
        partitions = list(partitions)
        wanted = ["/".join(p.values) for p in partitions]
        qualified = f"{table.database}.{table.name}"

        def attempt(conn: Connection, _again: bool) -> int:
            now = datetime.now(UTC)
            self._hold(conn, table)
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
                        {"pid": row.id, "n": p.object_count, "size": p.bytes, "now": now}
                    )
            # executemany: one statement for all, whatever the number of partitions. A
            # partition another writer inserted since it was read fails the unique constraint.
            if inserts:
                conn.execute(insert(catalog_partitions), inserts)
            if updates:
                result = conn.execute(_SET_COUNTS if replace else _ADD_COUNTS, updates)
                if result.rowcount != len(updates):
                    raise _LostRace  # one was removed since it was read
            if conn.dialect.name == "sqlite":
                # SQLite's reads above ran before its write lock: check again under it.
                self._hold(conn, table)
            return len(inserts)

        return self._commit(attempt, f"writing partitions of table {qualified}")

    def _hold(self, conn: Connection, table: CatalogTable) -> None:
        """Check that ``table`` is still there, holding it until the commit on PostgreSQL
        (FOR KEY SHARE: a drop waits, updates of the row do not)."""
        row = conn.execute(
            select(catalog_tables)
            .where(catalog_tables.c.id == table.id)
            .with_for_update(read=True, key_share=True)
        ).first()
        if row is None or not _same(row, table):
            raise CommitConflict(
                f"table {table.database}.{table.name} was dropped by another writer; "
                "its partitions were not written"
            )

    def remove_partitions(
        self,
        table: CatalogTable,
        keep: set[tuple[str, ...]],
        keys_still_there: Iterable[str] = (),
    ) -> int:
        """Remove partitions not in ``keep`` whose folders hold none of ``keys_still_there``
        (their data is gone); returns how many."""
        remaining = list(keys_still_there)

        def attempt(conn: Connection, _again: bool) -> int:
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
            if not gone:
                return 0
            # A partition a concurrent writer removed first is not counted twice.
            result = conn.execute(
                delete(catalog_partitions).where(catalog_partitions.c.id.in_(gone))
            )
            return int(result.rowcount)

        return self._commit(attempt, f"removing partitions of table {table.database}.{table.name}")

    def drop_partitions(self, table: CatalogTable, values: Iterable[tuple[str, ...]]) -> int:
        """Remove these partitions (by their values) from the catalog, not their files (as
        ALTER TABLE DROP PARTITION does); returns how many were there."""
        wanted = ["/".join(v) for v in values]

        def attempt(conn: Connection, _again: bool) -> int:
            self._hold(conn, table)
            result = conn.execute(
                delete(catalog_partitions).where(
                    catalog_partitions.c.table_id == table.id,
                    catalog_partitions.c.values_key.in_(wanted),
                )
            )
            return int(result.rowcount)

        return self._commit(attempt, f"dropping partitions of table {table.database}.{table.name}")

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


# Properties that list files (a crawl's unreadable ones, a split table's own) can hold
# thousands of keys: descriptions show how many, not the lists.
FILE_LISTS = ("skipped_files", "files")


def summarized(properties: dict[str, Any]) -> dict[str, Any]:
    """A table's properties as they are shown: file lists by their length."""
    if not any(k in properties for k in FILE_LISTS):
        return properties
    shown = {k: v for k, v in properties.items() if k not in FILE_LISTS}
    for k in FILE_LISTS:
        if isinstance(properties.get(k), list):
            shown[f"{k}_count"] = len(properties[k])
    return shown


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


def _same(row: Any, table: CatalogTable) -> bool:
    return (
        row.database == table.database
        and row.name == table.name
        and as_utc(row.created_at) == table.created_at
    )


def _stamp(now: datetime, previous: datetime) -> datetime:
    """The ``updated_at`` of a write over ``previous``: now, but always later than it, so
    that it is a token no two commits share even when the clock is coarse or steps back."""
    return max(now, as_utc(previous) + timedelta(microseconds=1))


def _what_happened(read: CatalogTable, current: CatalogTable | None) -> str:
    if current is None:
        return "dropped by another writer"
    if current.schema_version != read.schema_version:
        return (
            "changed by another writer since it was read "
            f"(schema version {read.schema_version} -> {current.schema_version})"
        )
    return (
        f"changed by another writer since it was read (updated at {current.updated_at.isoformat()})"
    )


def _lost_race(exc: DBAPIError) -> bool:
    """Whether a database error is one a concurrent writer causes and another attempt can
    get past: a unique or foreign key violation (IntegrityError), a PostgreSQL transaction
    rollback (deadlock, serialization failure: SQLSTATE class 40) or lock timeout (55P03),
    SQLite's stale snapshot or shared-cache lock."""
    if isinstance(exc, IntegrityError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    sqlstate = str(getattr(exc.orig, "sqlstate", "") or "")
    if sqlstate.startswith("40") or sqlstate == "55P03":
        return True
    return _sqlite_error(exc) in ("SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED")


def _locked_out(exc: DBAPIError) -> bool:
    """SQLite's "database is locked" after its busy timeout."""
    return isinstance(exc, OperationalError) and _sqlite_error(exc) in (
        "SQLITE_BUSY",
        "SQLITE_BUSY_TIMEOUT",
    )


def _sqlite_error(exc: DBAPIError) -> str:
    return str(getattr(exc.orig, "sqlite_errorname", ""))


def _did_you_mean(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"; did you mean {close[0]}?"
    return f"; tables: {', '.join(sorted(known))}" if known else "; the database has no tables"
