"""Running one query: parse (any dialect) → check → views over the named tables → DuckDB."""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlglot import exp

from lakebox.auth.access import Access, Principal
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.errors import AlreadyExists, InvalidArgument, LakeboxError, LimitExceeded, NotFound
from lakebox.query.catalog_queries import CatalogQueries, explained
from lakebox.query.dialects import DEFAULT_DIALECT, name_columns, parse, to_duckdb
from lakebox.query.engine_process import (
    EngineFailed,
    EnginePool,
    EngineProcess,
    Interrupter,
    Outcome,
    ResultOverLimit,
    address_space_limit,
    memory_bytes,
    stale_spill_folders,
)
from lakebox.query.failures import explain
from lakebox.query.sandbox import check, check_duckdb, nested_too_deeply, qualify
from lakebox.query.sources import Source, TableSources, _ident, _lit
from lakebox.query.statements import (
    CATALOG_KINDS,
    INFORMATION_SCHEMA,
    Prepared,
    prepare,
    read_wanted,
)
from lakebox.query.time_travel import pin_snapshots
from lakebox.query.trino_types import SESSION_GROUPS, SESSION_USER, type_columns
from lakebox.query.views import drop_view, save_view
from lakebox.query.writes import defined_columns, result_columns, table_options, target
from lakebox.storage.base import ObjectStore
from lakebox.storage.extensions import load_statement


class QueryFailed(LakeboxError):
    """DuckDB refused or failed the query; the message is DuckDB's first line."""

    code = "QueryFailed"


class ScanLimitExceeded(LimitExceeded):
    """The query would read more than the per-query limit allows."""

    status = 400
    code = "ScanLimitExceeded"


class ResultTooLarge(LimitExceeded):
    """The query's result is larger than query_result_max_bytes."""

    status = 400
    code = "ResultTooLarge"


DEFAULT_RESULT_MAX_BYTES = 256 * 1024 * 1024
_FETCH_ROWS = 2048  # rows per batch read from DuckDB: a result over the limit stops soon


@dataclass
class QueryResult:
    columns: list[tuple[str, str]]  # (name, DuckDB type)
    table: Any  # pyarrow.Table
    bytes_scanned: int
    files_scanned: int
    engine_ms: float

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        return list(zip(*(c.to_pylist() for c in self.table.columns), strict=True))


class QueryEngine:
    def __init__(
        self,
        catalog: Catalog,
        iceberg: IcebergTables,
        store: ObjectStore,
        access: Access,
        spill_dir: Path,
        memory_limit: str = "2GB",
        threads: int = 2,
        bytes_scanned_cutoff: int = 0,
        result_max_bytes: int = DEFAULT_RESULT_MAX_BYTES,
        processes: int = 2,
    ) -> None:
        self.catalog = catalog
        self.iceberg = iceberg
        self.access = access
        self.sources = TableSources(catalog, iceberg, store)
        self.catalog_queries = CatalogQueries(catalog, store, access)
        self.spill_dir = spill_dir
        self.memory_limit = memory_limit
        self.threads = threads
        self.bytes_scanned_cutoff = bytes_scanned_cutoff
        self.result_max_bytes = result_max_bytes
        self._database: Any = None
        self._database_lock = threading.Lock()
        self._memory_bytes = memory_bytes(memory_limit)
        self._spawned = 0
        me = weakref.ref(self)  # the pool must not keep the engine alive: it closes with it
        self._pool = EnginePool(lambda: _alive_engine(me)._start_process(), processes)
        weakref.finalize(self, self._pool.close)

    def run(
        self,
        sql: str,
        dialect: str = DEFAULT_DIALECT,
        on_connect: Callable[[Any], None] | None = None,
        default_database: str | None = None,
        *,
        principal: Principal,
        before_commit: Callable[[], None] = lambda: None,
        result_limit: bool = True,
        prepared: Prepared | None = None,
        own_sql: bool = False,
    ) -> QueryResult:
        """Run one query for ``principal``: every table it reads or writes (views' tables
        included) is authorized first. ``on_connect`` receives the DuckDB connection, so
        another thread can interrupt it (timeouts, cancellation). ``before_commit`` is called just
        before a write becomes visible (a table commit, a view saved); it may raise to stop the
        statement there, and past it the statement completes. ``result_limit``: whether the rows
        are a result (held to ``result_max_bytes``) or rows a CTAS / INSERT writes to a table.
        ``prepared``: the same SQL already parsed and classified (used once: the engine changes
        the tree), else it is parsed here. ``own_sql``: SQL lakebox wrote (a view's query as
        translated), which may call lakebox's own functions."""
        try:
            return self._run(
                sql,
                dialect,
                on_connect,
                default_database,
                principal,
                before_commit,
                result_limit,
                prepared,
                own_sql,
            )
        except RecursionError:  # a deep tree that the nesting check did not count
            raise nested_too_deeply() from None

    def _run(
        self,
        sql: str,
        dialect: str,
        on_connect: Callable[[Any], None] | None,
        default_database: str | None,
        principal: Principal,
        before_commit: Callable[[], None],
        result_limit: bool,
        prepared: Prepared | None,
        own_sql: bool = False,
    ) -> QueryResult:

        if (
            prepared is None
            or (prepared.sql, prepared.dialect) != (sql, dialect)
            or prepared.default_database != default_database
        ):
            prepared = prepare(sql, dialect, default_database, own_sql)
        tree, statement = prepared.tree, prepared.statement
        self.access.authorize_all(principal, statement.wanted())
        if statement.kind in CATALOG_KINDS:
            assert prepared.command is not None
            answer = self.catalog_queries.answer(prepared.command, principal, before_commit)
            return QueryResult(answer.columns, answer.table(), 0, 0, 0.0)
        # Trino's types that depend on columns' types: of a SELECT, and of what a view
        # stores and a CTAS / INSERT writes
        type_columns(tree, dialect, self.catalog)
        if statement.kind in ("CREATE_VIEW", "DROP_VIEW"):
            return self._view_ddl(tree, default_database, on_connect, principal, before_commit)
        if statement.kind not in ("SELECT", "EXPLAIN"):
            return self._table_write(tree, default_database, on_connect, principal, before_commit)
        marker = uuid.uuid4().hex[:12]
        con = self._connect()  # for planning; the query itself runs in an engine process
        interrupter = Interrupter(con)
        try:
            if on_connect is not None:
                # first: planning evaluates the user's constants (FOR ... AS OF) on this
                # connection, so a stop interrupts them too
                on_connect(interrupter)  # may raise to abort (a cancelled query)
            sources = self._sources(tree, statement.reads, {}, marker, principal, con)
            self._check_scan(sources)
            name_columns(tree, dialect)
            flatten_names(tree, marker)
            user_sql = to_duckdb(tree)
            # the second look, by DuckDB's own parser: one SELECT, no engine functions, no
            # table but the catalog tables' stand-ins and the statement's WITH queries
            check_duckdb(con, user_sql, stand_in_prefix=f"{marker}:")
            query = inline_sources(user_sql, sources, marker)
            if statement.kind == "EXPLAIN":  # DuckDB's plan of the very query that would run
                assert prepared.command is not None
                query = ("EXPLAIN ANALYZE " if prepared.command.analyze else "EXPLAIN ") + query
        finally:
            con.close()
        outcome = self._execute(
            query,
            self.result_max_bytes if result_limit else 0,
            interrupter,
            lambda message: explain(message, sql, lambda: self._columns_of(statement.reads)),
        )
        columns, table, elapsed = outcome.columns, outcome.table, outcome.engine_ms
        if statement.kind == "EXPLAIN":
            answer = explained([tuple(r.values()) for r in table.to_pylist()])
            columns, table = answer.columns, answer.table()
        return QueryResult(
            columns,
            table,
            sum(s.bytes for s in sources),
            sum(len(s.paths) for s in sources),
            elapsed,
        )

    def _execute(
        self, query: str, max_bytes: int, interrupter: Interrupter, told: Callable[[str], str]
    ) -> Outcome:
        """Run the final SQL in an engine process; the result is refused once it is larger
        than ``max_bytes`` (0: no limit): a result is held in memory and written to the lake,
        outside DuckDB's memory limit. The rows a CTAS or INSERT writes are not a result:
        curating a large table is what those statements are for. ``told``: DuckDB's error
        as the user should read it."""
        try:
            with self._pool.process() as process:
                return process.run(query, _FETCH_ROWS, max_bytes, interrupter)
        except ResultOverLimit as over:
            raise ResultTooLarge(
                f"the query's result is larger than the {max_bytes:,}-byte "
                f"limit (query_result_max_bytes; more than {over.size:,} bytes after "
                f"{over.rows:,} rows): select fewer rows or columns (LIMIT, aggregates)"
            ) from None
        except EngineFailed as failed:
            if failed.kind == "OutOfMemoryException":
                raise QueryFailed(
                    f"{failed.message.splitlines()[0]}: the query needs more memory than a "
                    f"query may use (query_memory_limit: {self.memory_limit})"
                ) from None
            raise QueryFailed(told(failed.message)) from None

    def _columns_of(self, tables: list[tuple[str, str]]) -> list[str]:
        """The columns (partition keys too) of catalog tables, for an error's suggestions."""
        names: list[str] = []
        for table in self.catalog.lookup(tables).values():
            names += [c.name for c in table.definition.columns]
            names += [c.name for c in table.definition.partition_keys]
        return names

    def _check_scan(self, sources: list[Source]) -> None:
        """Athena's BytesScannedCutoffPerQuery, decided before reading: the planned files'
        sizes (after partition pruning) against the limit."""
        planned = sum(s.bytes for s in sources)
        if self.bytes_scanned_cutoff and planned > self.bytes_scanned_cutoff:
            biggest = max(sources, key=lambda s: s.bytes)
            raise ScanLimitExceeded(
                f"the query would scan {planned:,} bytes ({biggest.database}.{biggest.name}: "
                f"{biggest.bytes:,} in {len(biggest.paths)} files), more than the "
                f"{self.bytes_scanned_cutoff:,}-byte limit per query "
                "(query_bytes_scanned_cutoff); filter on partition columns to read less"
            )

    def _connect(self) -> Any:
        """A connection of its own to the engine's database (so that it can be interrupted
        alone)."""
        database = self._shared_database()
        with self._database_lock:  # the parent connection is not thread-safe; its cursors are
            return database.cursor()

    def _shared_database(self) -> Any:
        """One DuckDB database in this process for planning queries (the sandbox's second
        look parses with it; ``FOR ... AS OF`` constants are evaluated on it), locked down
        as the engine processes' databases are."""
        import duckdb

        with self._database_lock:
            if self._database is None:
                self.spill_dir.mkdir(parents=True, exist_ok=True)
                db = duckdb.connect(
                    str(self._empty_database()),
                    read_only=True,
                    config=self._database_config(self.spill_dir / "planning"),
                )
                # planning parses and evaluates FOR ... AS OF constants: no geometries, and
                # loading the spatial extension costs 0.2 s
                db.execute(";\n".join(self._lockdown(spatial=False)))
                self._database = db
            return self._database

    def _database_config(self, spill: Path) -> dict[str, Any]:
        return {
            "memory_limit": self.memory_limit,
            "temp_directory": str(spill),
            "threads": self.threads,
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            # no Python variable of the server is ever a table
            "python_enable_replacements": False,
        }

    def _lockdown(self, spatial: bool = True) -> list[str]:
        """How every engine database is set up, then locked: no external access but the
        lake's own folder, no extensions loaded after the spatial one (``spatial``: Trino's
        geospatial functions, trino_geo.py), configuration locked; the statement checks
        (sandbox.py) keep each query to the catalog tables it names. Its catalog is an empty
        database file opened read-only: nothing a query does can create a table, view or
        macro there for later queries (temporary objects die with their query's
        connection)."""
        lake = self.sources.lake_directories()
        return [
            *self.sources.engine_setup(),
            *([load_statement("spatial")] if spatial else []),
            "SET GLOBAL TimeZone = 'UTC'",  # as Athena: no zone means UTC
            "SET GLOBAL parquet_metadata_cache = true",
            f"SET allowed_directories = [{', '.join(_lit(d) for d in lake)}]",
            "SET enable_external_access = false",
            "SET lock_configuration = true",
        ]

    def _start_process(self) -> EngineProcess:
        """A new engine process (see engine_process.py), its spill folder its own."""
        with self._database_lock:
            if not self._spawned:
                self.spill_dir.mkdir(parents=True, exist_ok=True)
                stale_spill_folders(self.spill_dir)
            self._spawned += 1
            spill = self.spill_dir / f"process-{os.getpid()}-{self._spawned}"
        init = {
            "database": str(self._empty_database()),
            "config": self._database_config(spill),
            "setup": self._lockdown(),
            "address_space_bytes": address_space_limit(self._memory_bytes),
        }
        return EngineProcess(init, spill)

    def _empty_database(self) -> Path:
        """An empty DuckDB database file but for lakebox's typed macros (engine_functions'
        MACROS; the file is named by them), made once, atomically: another process may be
        opening it read-only at the same time."""
        import duckdb

        from lakebox.query.engine_functions import MACROS

        folder = self.spill_dir / "engine"
        digest = hashlib.sha256("\n".join(MACROS).encode()).hexdigest()[:12]
        path = folder / f"empty-{digest}.duckdb"
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            making = folder / f"empty.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
            # typed macro parameters need DuckDB's storage format of 1.4 or later
            db = duckdb.connect(str(making), config={"storage_compatibility_version": "v1.4.0"})
            try:
                for statement in MACROS:
                    db.execute(statement)
            finally:
                db.close()
            os.replace(making, path)
        return path

    def close(self) -> None:
        self._pool.close()
        with self._database_lock:
            if self._database is not None:
                self._database.close()
                self._database = None

    def _sources(
        self,
        tree: exp.Expr,
        tables: list[tuple[str, str]],
        built: dict[tuple[str, str], Source | None],
        marker: str,
        principal: Principal,
        con: Any,
    ) -> list[Source]:
        """Sources for the tables a query reads; a view brings its own tables first; tables
        read ``FOR ... AS OF`` are pinned to their snapshots (and renamed in ``tree``).
        ``built`` holds the sources made so far for the whole query (views: None)."""
        _as_principal(tree, principal)
        sources: list[Source] = pin_snapshots(tree, self.catalog, self.sources, con)
        still_read = {(t.db, t.name) for t in tree.find_all(exp.Table)}
        read = [t for t in tables if t in still_read]  # else: only at a snapshot
        for again in (t for t in read if t in built):
            self._read_whole(built, again)
        wanted = [t for t in read if t not in built]
        found = self.catalog.lookup(wanted)
        for db, name in wanted:
            if (db, name) in built:  # made meanwhile, for a view that reads it too
                self._read_whole(built, (db, name))
                continue
            if db == INFORMATION_SCHEMA:  # the catalog's own tables, as the principal sees it
                made = self.catalog_queries.information_schema(name, principal)
                built[(db, name)] = made
                sources.append(made)
                continue
            # a missing table: ask for it alone, for the error that names it
            table = found.get((db, name)) or self.catalog.table(db, name)
            built[(db, name)] = None
            if table.definition.format != "view":
                made = self.sources.source(table, tree)
                built[(db, name)] = made
                sources.append(made)
                continue
            options = table.definition.format_options
            # a view's query as lakebox translated and saved it
            view_tree = parse(options["sql"], options.get("dialect", DEFAULT_DIALECT), own=True)[0]
            select = view_tree.expression if isinstance(view_tree, exp.Create) else view_tree
            qualify(select, db)
            inner = check(select)
            if (db, name) in inner:
                raise InvalidArgument(f"view {db}.{name} reads itself")
            # a view is read with the rights of whoever reads it
            self.access.authorize_all(principal, [read_wanted(*t) for t in inner])
            sources.extend(self._sources(select, inner, built, marker, principal, con))
            flatten_names(select, marker)
            view_sql = to_duckdb(select)
            check_duckdb(con, view_sql, stand_in_prefix=f"{marker}:")  # views made before
            sources.append(Source(db, name, view_sql))
        return sources

    def _read_whole(
        self, built: dict[tuple[str, str], Source | None], key: tuple[str, str]
    ) -> None:
        """A table read a second time (in a view, say): partitions chosen for the first reading
        may not be the ones the second needs, so its source reads them all."""
        made = built[key]
        if made is not None and made.pruned:
            whole = self.sources.source(self.catalog.table(*key), None)
            made.__dict__.update(whole.__dict__)

    def _view_ddl(
        self,
        tree: exp.Expr,
        default_database: str | None,
        on_connect: Callable[[Any], None] | None,
        principal: Principal,
        before_commit: Callable[[], None],
    ) -> QueryResult:
        import pyarrow as pa

        db, name = target(tree, default_database, noun="view")
        if isinstance(tree, exp.Drop):
            before_commit()
            drop_view(self.catalog, db, name, bool(tree.args.get("exists")))
            return QueryResult([], pa.table({}), 0, 0, 0.0)
        select = tree.expression
        if select is None:
            raise InvalidArgument("CREATE VIEW needs AS SELECT ...")
        qualify(select, db)
        # Run it with LIMIT 0: checks it fully and gives the view's columns and types.
        # under the statement's time limit too: planning may evaluate constants
        probe = self.run(
            f"SELECT * FROM ({to_duckdb(select)}) LIMIT 0",
            "duckdb",
            on_connect,
            principal=principal,
            own_sql=True,
        )
        columns = [Column(n, duck_to_catalog(t)) for n, t in probe.columns]
        before_commit()
        save_view(
            self.catalog,
            db,
            name,
            select.sql(dialect="duckdb"),
            "duckdb",
            columns,
            bool(tree.args.get("replace")),
        )
        return QueryResult([], pa.table({}), 0, 0, 0.0)

    def _table_write(
        self,
        tree: exp.Expr,
        default_database: str | None,
        on_connect: Callable[[Any], None] | None,
        principal: Principal,
        before_commit: Callable[[], None],
    ) -> QueryResult:
        """CTAS, CREATE TABLE, INSERT INTO and DROP TABLE on Iceberg tables (see writes.py).
        The result is one row, ``rows``: how many rows were written (as Trino reports)."""
        import pyarrow as pa

        db, name = target(tree, default_database)
        if isinstance(tree, exp.Drop):
            before_commit()
            try:
                self.iceberg.drop(db, name)
            except NotFound:
                if not tree.args.get("exists"):
                    raise
            return QueryResult([], pa.table({}), 0, 0, 0.0)
        if isinstance(tree, exp.Create):
            if self._exists(db, name):
                if tree.args.get("exists"):  # IF NOT EXISTS
                    return _written(None, 0)
                raise AlreadyExists(f"table {db}.{name} already exists")
            options = table_options(tree)
            if tree.expression is None:
                if not isinstance(tree.this, exp.Schema):
                    raise InvalidArgument("CREATE TABLE needs its columns or AS SELECT ...")
                columns = defined_columns(tree)
                before_commit()
                self.iceberg.create(db, name, columns, options.partition_by)
                return _written(None, 0)
            result = self._rows_to_write(tree.expression, default_database, on_connect, principal)
            columns = result_columns(result.table.schema)
            data = result.table.rename_columns([c.name for c in columns])
            before_commit()
            self.iceberg.create(db, name, columns, options.partition_by, data=data)
            return _written(result, data.num_rows)
        assert isinstance(tree, exp.Insert)
        entry = self.catalog.table(db, name)
        if entry.definition.format != "iceberg":
            raise InvalidArgument(
                f"{db}.{name} is a {entry.definition.format} table over raw objects; INSERT INTO "
                "writes curated Iceberg tables (make one with CREATE TABLE ... AS SELECT)"
            )
        names = [c.name for c in entry.definition.columns]
        if isinstance(tree.this, exp.Schema):
            listed = [i.name for i in tree.this.expressions]
            unknown = [n for n in listed if n not in names]
            if unknown:
                raise InvalidArgument(
                    f"{db}.{name} has no column {unknown[0]!r}; columns: {', '.join(names)}"
                )
            names = listed
        result = self._rows_to_write(tree.expression, default_database, on_connect, principal)
        if result.table.num_columns != len(names):
            raise InvalidArgument(
                f"INSERT INTO {db}.{name} writes {len(names)} columns ({', '.join(names)}) but "
                f"the query returns {result.table.num_columns}"
            )
        data = result.table.rename_columns(names)
        before_commit()
        self.iceberg.append(db, name, data)
        return _written(result, data.num_rows)

    def _exists(self, db: str, name: str) -> bool:
        try:
            self.catalog.table(db, name)
        except NotFound:
            return False
        return True

    def _rows_to_write(
        self,
        select: exp.Expr | None,
        default_database: str | None,
        on_connect: Callable[[Any], None] | None,
        principal: Principal,
    ) -> QueryResult:
        if isinstance(select, exp.Values):
            sql = f"SELECT * FROM ({select.sql(dialect='duckdb')})"
        elif select is None:
            raise InvalidArgument("the statement needs a SELECT or VALUES to write")
        else:
            if default_database:
                qualify(select, default_database)
            sql = to_duckdb(select)
        result = self.run(
            sql, "duckdb", on_connect, principal=principal, result_limit=False, own_sql=True
        )
        for number, (_, duck_type) in enumerate(result.columns, 1):
            if "GEOMETRY" in duck_type:  # as Trino's Hive and Iceberg connectors: no such type
                raise InvalidArgument(
                    f"column {number} of the rows to write holds geometries: tables cannot "
                    "hold the Geometry type; write them with ST_AsText(...) or ST_AsBinary(...)"
                )
        return result


def _as_principal(tree: exp.Expr, principal: Principal) -> None:
    """current_user and current_groups() as the principal's (a view's too: it is read with
    the reader's rights)."""
    for node in list(tree.find_all(exp.Anonymous)):
        name = str(node.this).lower()
        if name == SESSION_USER:
            node.replace(exp.Literal.string(principal.name))
        elif name == SESSION_GROUPS:
            groups = [exp.Literal.string(g) for g in principal.groups]
            node.replace(
                exp.Array(expressions=groups)
                if groups
                else exp.Cast(this=exp.Array(expressions=[]), to=exp.DataType.build("VARCHAR[]"))
            )


def _alive_engine(ref: weakref.ref[QueryEngine]) -> QueryEngine:
    engine = ref()
    if engine is None:
        raise EngineFailed("Closed", "the query engine is shut down")
    return engine


def flat_name(database: str, name: str, marker: str) -> str:
    """The stand-in name of a catalog table in the generated SQL, replaced by its SELECT before
    the query runs. ``marker`` is random per query, so no text of the user's can match it."""
    return f"{marker}:{database}.{name}"


def flatten_names(tree: exp.Expr, marker: str) -> None:
    """Turn ``db.table`` references into stand-in names, keeping the table's name as its alias
    so that ``table.column`` still resolves."""
    named: set[tuple[str, str]] = set()  # (db, table) of the catalog tables read
    for table in list(tree.find_all(exp.Table)):
        if not table.db or not isinstance(table.this, exp.Identifier):
            continue  # a CTE
        original = table.name.split("@", 1)[0]  # a pinned snapshot is "name@snapshot"
        named.add((table.db, original))
        stand_in = flat_name(table.db, table.name, marker)
        table.set("this", exp.to_identifier(stand_in, quoted=True))
        table.set("db", None)
        if not table.alias:
            table.set("alias", exp.TableAlias(this=exp.to_identifier(original)))
    for column in tree.find_all(exp.Column):
        # db.table.column; else r.addr.city, a field of a field of the row column r
        if column.args.get("db") is not None and (column.db, column.table) in named:
            column.set("db", None)


def inline_sources(sql: str, sources: list[Source], marker: str) -> str:
    """Put each table's SELECT over its files where its stand-in name is: DuckDB then binds
    every file reader once, in the query itself (views would be bound twice). A view's SQL
    holds the stand-in names of the tables it reads, so this repeats until none is left."""
    replacements = {
        _ident(flat_name(s.database, s.name, marker)): f"({s.select_sql})" for s in sources
    }
    for _ in range(len(sources) + 1):
        if marker not in sql:
            return sql
        for stand_in, select in replacements.items():
            sql = sql.replace(stand_in, select)
    raise InvalidArgument("a view reads itself")


def _written(result: QueryResult | None, rows: int) -> QueryResult:
    import pyarrow as pa

    return QueryResult(
        [("rows", "BIGINT")],
        pa.table({"rows": pa.array([rows], pa.int64())}),
        result.bytes_scanned if result else 0,
        result.files_scanned if result else 0,
        result.engine_ms if result else 0.0,
    )


_CATALOG_TYPES = {
    "BIGINT": "bigint",
    "INTEGER": "int",
    "SMALLINT": "int",
    "TINYINT": "int",
    "DOUBLE": "double",
    "FLOAT": "float",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "VARCHAR": "string",
    "BLOB": "binary",
}


def duck_to_catalog(duck: str) -> str:
    """A DuckDB result type as a catalog type; nested results are catalogued as string for now."""
    if duck in _CATALOG_TYPES:
        return _CATALOG_TYPES[duck]
    if duck.startswith("DECIMAL"):
        return duck.lower().replace(" ", "")
    return "string"
