"""Catalog tables as DuckDB views over exactly their files, partitions pruned first.

Raw tables read their objects with DuckDB's readers (NDJSON, CSV with the crawler's options,
Parquet) with the catalog's column types; partition columns come from each file's folder.
Iceberg tables read the data files of their current snapshot, planned by PyIceberg, with
DuckDB's Parquet reader (never materialised whole).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.schema import FILE_COLUMNS
from lakebox.catalog.service import Catalog, CatalogTable, Partition
from lakebox.catalog.types import Array, Decimal, Struct, Type, parse
from lakebox.errors import InvalidArgument
from lakebox.storage.base import ObjectStore

FILE_COLUMN = "__lakebox_file"

_DUCK: dict[str, str] = {
    "boolean": "BOOLEAN",
    "int": "INTEGER",
    "bigint": "BIGINT",
    "float": "FLOAT",
    "double": "DOUBLE",
    "string": "VARCHAR",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "binary": "BLOB",
    "null": "VARCHAR",
}


def duckdb_type(t: Type) -> str:
    if isinstance(t, str):
        return _DUCK[t]
    if isinstance(t, Decimal):
        return f"DECIMAL({t.precision},{t.scale})"
    if isinstance(t, Array):
        return f"{duckdb_type(t.element)}[]"
    assert isinstance(t, Struct)
    return "STRUCT(" + ", ".join(f"{_ident(n)} {duckdb_type(ft)}" for n, ft in t.fields) + ")"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _char(value: str) -> str:
    return "" if value == "(empty)" else value


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Source:
    database: str
    name: str
    select_sql: str
    paths: list[str] = field(default_factory=list)
    bytes: int = 0
    pruned: bool = False  # some partitions were left out for this query's conditions


# -- partition pruning ------------------------------------------------------------------------

_OPS: dict[type, Callable[[Any, Any], bool]] = {
    exp.EQ: operator.eq,
    exp.NEQ: operator.ne,
    exp.GT: operator.gt,
    exp.GTE: operator.ge,
    exp.LT: operator.lt,
    exp.LTE: operator.le,
}


def _comparable(a: str, b: str) -> tuple[Any, Any]:
    try:
        return float(a), float(b)
    except ValueError:
        return a, b


def partition_filters(
    tree: exp.Expr, keys: list[str], database: str, name: str
) -> list[Callable[[dict[str, str]], bool]]:
    """Tests on partition values, from the WHERE of the SELECT that reads the table.

    In a query over several tables, a condition counts when its column is qualified with
    this table's alias or name (``o.hour = '19'``), or unqualified in a SELECT that reads only
    this table. A table read more than once gets no filters (each reading may want other
    partitions). Only top-level AND-ed comparisons with literals are used: each one removes
    rows whose partition fails it, whatever the joins, so pruning never changes the result."""
    readings = [t for t in tree.find_all(exp.Table) if t.db == database and t.name == name]
    if len(readings) != 1:
        return []
    table = readings[0]
    select = table.find_ancestor(exp.Select)
    where = select.args.get("where") if select is not None else None
    if select is None or where is None:
        return []
    names = {table.alias_or_name, table.name}
    alone = (
        len([t for t in select.find_all(exp.Table) if t.find_ancestor(exp.Select) is select]) == 1
    )

    def ours(col: exp.Expr) -> bool:
        if not isinstance(col, exp.Column) or col.name not in keys:
            return False
        if col.find_ancestor(exp.Select) is not select:
            return False
        return col.table in names if col.table else alone

    filters: list[Callable[[dict[str, str]], bool]] = []
    conjuncts = list(where.this.flatten()) if isinstance(where.this, exp.And) else [where.this]
    for cond in conjuncts:
        if isinstance(cond, exp.In) and ours(cond.this):
            col = cond.this.name
            values = [v for v in cond.expressions if isinstance(v, exp.Literal)]
            if values and len(values) == len(cond.expressions):
                allowed = {str(v.this) for v in values}
                filters.append(
                    lambda p, c=col, a=allowed: any(  # type: ignore[misc]
                        _comparable(p[c], v)[0] == _comparable(p[c], v)[1] for v in a
                    )
                )
            continue
        op = _OPS.get(type(cond))
        if op is None:
            continue
        left, right = cond.this, cond.expression
        if isinstance(left, exp.Literal) and isinstance(right, exp.Column):
            left, right = right, left
            op = {
                operator.gt: operator.lt,
                operator.lt: operator.gt,
                operator.ge: operator.le,
                operator.le: operator.ge,
            }.get(op, op)
        if ours(left) and isinstance(right, exp.Literal):
            col, value = left.name, str(right.this)
            filters.append(lambda p, c=col, v=value, o=op: o(*_comparable(p[c], v)))  # type: ignore[misc]
    return filters


class TableSources:
    def __init__(self, catalog: Catalog, iceberg: IcebergTables, store: ObjectStore) -> None:
        self.catalog = catalog
        self.iceberg = iceberg
        self.store = store

    def lake_directories(self) -> list[str]:
        """The folders the query engine may read: the lake's own."""
        return list(self.store.duckdb_allowed_directories())

    def engine_setup(self) -> list[str]:
        """Statements the engine's database runs before it is locked, so that it can read the
        lake (for an S3 lake: the httpfs extension and the lake's credentials)."""
        return list(self.store.duckdb_setup())

    def source(self, table: CatalogTable, tree: exp.Expr | None) -> Source:
        """The table's files as a SELECT; partitions pruned by ``tree``'s conditions (none:
        every partition)."""
        d = table.definition
        if d.format == "iceberg":
            return self._iceberg(table)
        keys = [k.name for k in d.partition_keys]
        filters = (
            partition_filters(tree, keys, table.database, table.name)
            if keys and tree is not None
            else []
        )
        partitions: list[Partition] = (
            self.catalog.partitions(table.database, table.name) if keys else []
        )
        if keys:
            partitions = [
                p
                for p in partitions
                if all(f(dict(zip(keys, p.values, strict=True))) for f in filters)
            ]
            folders = [p.location for p in partitions]
        else:
            folders = [d.location]
        src = Source(table.database, table.name, "", pruned=bool(filters))
        # What the crawler recorded: files it could not read are left out (they would fail
        # the query), and a table split from others in one folder reads only its own files.
        # Sets, so a listing of 100k files costs a lookup per file; the folder is still listed,
        # so files added since the crawl are read at once.
        skipped = set(d.properties.get("skipped_files") or ())
        own = d.properties.get("files")
        own_files = set(own) if isinstance(own, list) else None
        for folder in folders:
            for info in self.store.list(folder):
                base = info.key.rsplit("/", 1)[-1]
                if base.startswith(("_", ".")):
                    continue
                if info.key in skipped or (own_files is not None and info.key not in own_files):
                    continue
                if keys and info.key.rsplit("/", 1)[0] + "/" != folder:
                    continue  # a deeper folder: another partition's files
                src.paths.append(self.store.duckdb_path(info.key))
                src.bytes += info.size
        columns = [(c.name, duckdb_type(parse(c.type))) for c in d.columns]
        src.select_sql = self._select(
            d.format, d.format_options, columns, src.paths, keys, partitions
        )
        return src

    def _select(
        self,
        fmt: str,
        options: dict[str, Any],
        columns: list[tuple[str, str]],
        paths: list[str],
        keys: list[str],
        partitions: list[Partition],
    ) -> str:
        if not paths:  # no files (or all pruned): the right columns, no rows
            cols = [f"CAST(NULL AS {t}) AS {_ident(n)}" for n, t in columns]
            cols += [f"CAST(NULL AS VARCHAR) AS {_ident(k)}" for k in keys]
            return f"SELECT {', '.join(cols)} WHERE false"
        files = "[" + ", ".join(_lit(p) for p in paths) + "]"
        in_files = columns
        if fmt == "csv" and options.get(FILE_COLUMNS):  # one of them is a partition key's name
            in_files = [(n, duckdb_type(parse(t))) for n, t in options[FILE_COLUMNS]]
        col_struct = "{" + ", ".join(f"{_lit(n)}: {_lit(t)}" for n, t in in_files) + "}"
        # each row's file is needed only to join it to its partition's values (and costs a
        # little on every scan)
        filename = f", filename={_lit(FILE_COLUMN)}" if keys else ""
        if fmt == "json":
            reader = (
                f"read_json({files}, format='newline_delimited', columns={col_struct}{filename})"
            )
        elif fmt == "csv":
            delim = _lit(options.get("delimiter", ","))
            # "(empty)": what DuckDB's sniffer says for none (tables crawled before it was
            # recorded as ""); its reader takes only "" for none.
            quote = _lit(_char(options.get("quote", '"')))
            escape = _lit(_char(options.get("escape", '"')))
            header = "true" if options.get("header", True) else "false"
            reader = (
                f"read_csv({files}, delim={delim}, quote={quote}, escape={escape}, "
                f"header={header}, columns={col_struct}{filename})"
            )
        elif fmt == "parquet":
            reader = f"read_parquet({files}, union_by_name=true{filename})"
        else:
            raise InvalidArgument(f"tables in format {fmt!r} cannot be queried yet")
        names = ", ".join(_ident(n) for n, _ in columns)
        if not keys:
            return f"SELECT {names} FROM {reader}"
        folder = self.store.duckdb_path
        rows = ", ".join(
            "("
            + ", ".join([_lit(folder(p.location.rstrip("/")))] + [_lit(v) for v in p.values])
            + ")"
            for p in partitions
        )
        part_cols = ", ".join(f"p.{_ident(k)}" for k in keys)
        aliases = ", ".join(["__folder"] + [_ident(k) for k in keys])
        return (
            f"SELECT {', '.join('t.' + _ident(n) for n, _ in columns)}, {part_cols} "
            f"FROM {reader} t JOIN (VALUES {rows}) p({aliases}) "
            f"ON parse_dirpath(t.{_ident(FILE_COLUMN)}) = p.__folder"
        )

    def _iceberg(self, table: CatalogTable) -> Source:
        return self.iceberg_source(table, None, table.name)

    def iceberg_source(self, table: CatalogTable, snapshot_id: int | None, name: str) -> Source:
        """The data files of one snapshot (None: the current one), read with the schema the
        table had at that snapshot."""
        plan = self.iceberg.plan(table.database, table.name, snapshot_id)
        src = Source(table.database, name, "")
        columns = [(c.name, duckdb_type(parse(c.type))) for c in plan.columns]
        for path, size in plan.files:
            src.paths.append(self.store.duckdb_path_of_url(path))
            src.bytes += size
        if not src.paths:
            src.select_sql = self._select("parquet", {}, columns, [], [], [])
            return src
        files = "[" + ", ".join(_lit(p) for p in src.paths) + "]"
        # Columns added later are missing in older files: union_by_name gives them NULL.
        casts = ", ".join(f"CAST({_ident(n)} AS {t}) AS {_ident(n)}" for n, t in columns)
        src.select_sql = f"SELECT {casts} FROM read_parquet({files}, union_by_name=true)"
        return src
