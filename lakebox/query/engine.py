"""Running one query: parse (any dialect) → check → views over the named tables → DuckDB."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlglot import exp

from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog
from lakebox.errors import InvalidArgument, LakeboxError
from lakebox.query.dialects import DEFAULT_DIALECT, parse, to_duckdb
from lakebox.query.sandbox import check, check_keywords, qualify
from lakebox.query.sources import Source, TableSources, _ident, _lit
from lakebox.query.views import drop_view, is_view_ddl, save_view, view_target
from lakebox.storage.base import ObjectStore


class QueryFailed(LakeboxError):
    """DuckDB refused or failed the query; the message is DuckDB's first line."""

    code = "QueryFailed"


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
        spill_dir: Path,
        memory_limit: str = "2GB",
        threads: int = 2,
    ) -> None:
        self.catalog = catalog
        self.sources = TableSources(catalog, iceberg, store)
        self.spill_dir = spill_dir
        self.memory_limit = memory_limit
        self.threads = threads

    def run(
        self,
        sql: str,
        dialect: str = DEFAULT_DIALECT,
        on_connect: Callable[[Any], None] | None = None,
        default_database: str | None = None,
    ) -> QueryResult:
        """Run one query. ``on_connect`` receives the DuckDB connection, so another thread can
        interrupt it (timeouts, cancellation)."""
        import duckdb

        check_keywords(sql)
        statements = parse(sql, dialect)
        if len(statements) > 1:
            raise InvalidArgument(
                f"one statement per query, got {len(statements)}: remove the extra ';'-separated "
                "statements"
            )
        tree = statements[0]
        if is_view_ddl(tree):
            return self._view_ddl(tree, sql, dialect, default_database)
        if default_database:
            qualify(tree, default_database)
        sources = self._sources(tree, check(tree), set())
        con = self._connect(sources)
        try:
            if on_connect is not None:
                on_connect(con)  # may raise to abort (a cancelled query)
            start = time.perf_counter()
            try:
                cursor = con.execute(to_duckdb(tree))
                table = cursor.to_arrow_table()
            except duckdb.Error as exc:
                raise QueryFailed(str(exc).splitlines()[0]) from None
            elapsed = (time.perf_counter() - start) * 1000
            columns = [(d[0], str(d[1])) for d in (cursor.description or [])]
        finally:
            con.close()
        return QueryResult(
            columns,
            table,
            sum(s.bytes for s in sources),
            sum(len(s.paths) for s in sources),
            elapsed,
        )

    def _connect(self, sources: list[Source]) -> Any:
        """A connection that sees the named tables and may read only their files: external
        access off, every other path refused, extensions never loaded, configuration locked."""
        import duckdb

        self.spill_dir.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(
            config={
                "memory_limit": self.memory_limit,
                "temp_directory": str(self.spill_dir),
                "threads": self.threads,
                "autoinstall_known_extensions": False,
                "autoload_known_extensions": False,
            }
        )
        for src in sources:
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {_ident(src.database)}")
            con.execute(
                f"CREATE VIEW {_ident(src.database)}.{_ident(src.name)} AS {src.select_sql}"
            )
        paths = [p for s in sources for p in s.paths]
        con.execute(f"SET allowed_paths = [{', '.join(_lit(p) for p in paths)}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        return con

    def _sources(
        self, tree: exp.Expr, tables: list[tuple[str, str]], seen: set[tuple[str, str]]
    ) -> list[Source]:
        """Sources for the tables a query reads; a view brings its own tables first."""
        sources: list[Source] = []
        for db, name in tables:
            if (db, name) in seen:
                continue
            seen.add((db, name))
            table = self.catalog.table(db, name)
            if table.definition.format != "view":
                sources.append(self.sources.source(table, tree))
                continue
            options = table.definition.format_options
            view_tree = parse(options["sql"], options.get("dialect", DEFAULT_DIALECT))[0]
            select = view_tree.expression if isinstance(view_tree, exp.Create) else view_tree
            qualify(select, db)
            inner = check(select)
            if (db, name) in inner:
                raise InvalidArgument(f"view {db}.{name} reads itself")
            sources.extend(self._sources(select, inner, seen))
            sources.append(Source(db, name, to_duckdb(select)))
        return sources

    def _view_ddl(
        self, tree: exp.Expr, sql: str, dialect: str, default_database: str | None
    ) -> QueryResult:
        import pyarrow as pa

        db, name = view_target(tree, default_database)
        if isinstance(tree, exp.Drop):
            drop_view(self.catalog, db, name, bool(tree.args.get("exists")))
            return QueryResult([], pa.table({}), 0, 0, 0.0)
        select = tree.expression
        if select is None:
            raise InvalidArgument("CREATE VIEW needs AS SELECT ...")
        qualify(select, db)
        # Run it with LIMIT 0: checks it fully and gives the view's columns and types.
        probe = self.run(f"SELECT * FROM ({to_duckdb(select)}) LIMIT 0", "duckdb")
        columns = [Column(n, duck_to_catalog(t)) for n, t in probe.columns]
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
