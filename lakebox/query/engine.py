"""Running one query: parse (any dialect) → check → views over the named tables → DuckDB."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.errors import InvalidArgument, LakeboxError
from lakebox.query.dialects import DEFAULT_DIALECT, parse, to_duckdb
from lakebox.query.sandbox import check, check_keywords, qualify
from lakebox.query.sources import Source, TableSources, _ident, _lit
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
        if default_database:
            qualify(tree, default_database)
        sources: list[Source] = [
            self.sources.source(self.catalog.table(db, name), tree) for db, name in check(tree)
        ]
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
