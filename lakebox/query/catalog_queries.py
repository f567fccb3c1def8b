"""Athena's catalog statements answered from the catalog, and information_schema's tables.

SHOW / DESCRIBE give the rows and column names Athena's Hive DDL gives (``tab_name``,
``database_name``, ``field``, ``col_name``, ``partition``, ``createtab_stmt``), types as the
catalog writes them (Glue's); SHOW CREATE VIEW and information_schema are Trino's. MSCK
REPAIR TABLE and ALTER TABLE ADD|DROP PARTITION change the catalog's partitions, with the
crawler's partition discovery (``crawler/layout.py``). Every list shows only what the principal
may read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lakebox.auth.access import Access, Principal, Resource, table_resource
from lakebox.catalog.service import Catalog, CatalogTable, Partition
from lakebox.catalog.types import parse as parse_type
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.query.commands import Command, Spec, hive_pattern
from lakebox.query.sources import Source, _ident, _lit, duckdb_type
from lakebox.storage.areas import internal_area
from lakebox.storage.base import ObjectStore

CATALOG_NAME = "awsdatacatalog"  # Trino's name for the catalog, as information_schema shows it
_RAW = ("json", "csv", "parquet")


@dataclass
class Answer:
    columns: list[tuple[str, str]]  # (name, DuckDB type)
    rows: list[tuple[Any, ...]]

    def table(self) -> Any:
        import pyarrow as pa

        types = {"VARCHAR": pa.string(), "BIGINT": pa.int64()}
        return pa.table(
            {
                f"c{i}": pa.array([r[i] for r in self.rows], types[t])
                for i, (_, t) in enumerate(self.columns)
            }
        ).rename_columns([n for n, _ in self.columns])


def _text(name: str, values: list[str]) -> Answer:
    return Answer([(name, "VARCHAR")], [(v,) for v in values])


class CatalogQueries:
    def __init__(self, catalog: Catalog, store: ObjectStore, access: Access) -> None:
        self.catalog = catalog
        self.store = store
        self.access = access

    def answer(self, command: Command, principal: Principal, before_commit: Any) -> Answer:
        """The statement's result (authorized already, by its classification)."""
        kind = command.kind
        if kind == "SHOW_DATABASES":
            names = [d["name"] for d in self.catalog.databases()]
            names = [n for n in names if self._may_list(principal, n)]
            return _text("database_name", _matching(names, command.pattern))
        if kind in ("SHOW_TABLES", "SHOW_VIEWS"):
            assert command.database is not None
            tables = self._readable(principal, command.database)
            if kind == "SHOW_VIEWS":
                tables = [t for t in tables if t.definition.format == "view"]
            return _text("tab_name", _matching([t.name for t in tables], command.pattern))
        assert command.table is not None
        table = self.catalog.table(*command.table)
        d = table.definition
        if kind == "SHOW_COLUMNS":
            return _text("field", [c.name for c in d.columns + d.partition_keys])
        if kind == "DESCRIBE":
            return _text("col_name", describe(table))
        if kind == "SHOW_CREATE_TABLE":
            if d.format == "view":
                raise InvalidArgument(
                    f"{table.database}.{table.name} is a view: use SHOW CREATE VIEW"
                )
            return _text("createtab_stmt", self.create_table(table).split("\n"))
        if kind == "SHOW_CREATE_VIEW":
            if d.format != "view":
                raise InvalidArgument(
                    f"{table.database}.{table.name} is a {d.format} table, not a view: use SHOW "
                    "CREATE TABLE"
                )
            return _text("Create View", [create_view(table)])
        if kind == "SHOW_PARTITIONS":
            partitioned(table)
            keys = [k.name for k in d.partition_keys]
            return _text(
                "partition",
                [_partition_name(keys, p.values) for p in self.catalog.partitions(*command.table)],
            )
        if kind == "MSCK_REPAIR_TABLE":
            return self.repair(table, before_commit)
        if kind == "ALTER_TABLE_ADD_PARTITION":
            return self.add_partitions(table, command, before_commit)
        if kind == "ALTER_TABLE_DROP_PARTITION":
            return self.drop_partitions(table, command, before_commit)
        raise InvalidArgument(f"{kind} is not a catalog statement")

    # -- what a principal may see -----------------------------------------------------------

    def _may_list(self, principal: Principal, database: str) -> bool:
        return self.access.allows(principal, "database:read", Resource("database", database))

    def _readable(self, principal: Principal, database: str) -> list[CatalogTable]:
        return [
            t
            for t in self.catalog.tables(database)
            if self.access.allows(principal, "table:read", table_resource(database, t.name))
        ]

    # -- SHOW CREATE TABLE ------------------------------------------------------------------

    def lake_url(self, key: str) -> str:
        if "://" in key:
            return key
        prefix = str(getattr(self.store, "prefix", "") or "")
        return f"s3://{self.store.bucket}/{prefix}{key}"

    def create_table(self, table: CatalogTable) -> str:
        d = table.definition
        cols = ",\n".join(f"  `{c.name}` {c.type}" for c in d.columns)
        location = self.lake_url(d.location).rstrip("/")
        if d.format == "iceberg":
            lines = [f"CREATE TABLE {table.database}.{table.name} (", cols + ")"]
            if d.partition_keys:
                keys = ", ".join(f"`{k.name}`" for k in d.partition_keys)
                lines.append(f"PARTITIONED BY ({keys})")
            lines += [
                f"LOCATION '{location}'",
                "TBLPROPERTIES (",
                "  'table_type'='iceberg',",
                "  'format'='parquet')",
            ]
            return "\n".join(lines)
        lines = [f"CREATE EXTERNAL TABLE `{table.name}`(", cols + ")"]
        if d.partition_keys:
            keys = ",\n".join(f"  `{k.name}` {k.type}" for k in d.partition_keys)
            lines += ["PARTITIONED BY (", keys + ")"]
        properties = {"classification": d.format}
        if d.format == "json":
            lines += [
                "ROW FORMAT SERDE",
                "  'org.openx.data.jsonserde.JsonSerDe'",
                "STORED AS INPUTFORMAT",
                "  'org.apache.hadoop.mapred.TextInputFormat'",
                "OUTPUTFORMAT",
                "  'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
            ]
        elif d.format == "csv":
            o = d.format_options
            serde = {
                "separatorChar": o.get("delimiter", ","),
                "quoteChar": o.get("quote", '"'),
                "escapeChar": o.get("escape", '"'),
            }
            lines += [
                "ROW FORMAT SERDE",
                "  'org.apache.hadoop.hive.serde2.OpenCSVSerde'",
                "WITH SERDEPROPERTIES (",
                ",\n".join(f"  {_q(k)}={_q(v)}" for k, v in serde.items()) + ")",
                "STORED AS INPUTFORMAT",
                "  'org.apache.hadoop.mapred.TextInputFormat'",
                "OUTPUTFORMAT",
                "  'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
            ]
            if o.get("header", True):
                properties["skip.header.line.count"] = "1"
        else:
            lines += [
                "ROW FORMAT SERDE",
                "  'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'",
                "STORED AS INPUTFORMAT",
                "  'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'",
                "OUTPUTFORMAT",
                "  'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'",
            ]
        if d.compression != "none":
            properties["compressionType"] = d.compression
        lines += ["LOCATION", f"  '{location}'", "TBLPROPERTIES ("]
        lines.append(",\n".join(f"  {_q(k)}={_q(v)}" for k, v in properties.items()) + ")")
        return "\n".join(lines)

    # -- partitions ---------------------------------------------------------------------------

    def repair(self, table: CatalogTable, before_commit: Any) -> Answer:
        """Add the partitions whose folders are under the table's location but not in the
        catalog (as MSCK REPAIR TABLE does; it never removes any), found as a crawl finds
        them: the folders below the table's, Hive ``key=value`` (and Firehose's dates)."""
        from lakebox.crawler.layout import place

        keys = [k.name for k in partitioned(table).definition.partition_keys]
        d = table.definition
        known = {p.values for p in self.catalog.partitions(table.database, table.name)}
        skipped = set(d.properties.get("skipped_files") or ())
        found: dict[tuple[str, ...], list[int]] = {}
        folders: dict[tuple[str, ...], str] = {}
        for info in self.store.list(d.location):
            base = info.key.rsplit("/", 1)[-1]
            if base.startswith(("_", ".")) or info.key in skipped:
                continue
            placement = place(d.location, info.key)
            if list(placement.keys) != keys or placement.root != d.location:
                continue  # not a partition folder of this table's layout
            if placement.values in known:
                continue
            counts = found.setdefault(placement.values, [0, 0])
            counts[0] += 1
            counts[1] += info.size
            folders[placement.values] = placement.folder
        names = [f"{table.name}:{_partition_name(keys, v)}" for v in sorted(found)]
        if not found:
            return _text("result", [])
        before_commit()
        self.catalog.put_partitions(
            table,
            [Partition(v, folders[v], n, size) for v, (n, size) in sorted(found.items())],
            replace=False,
        )
        return _text(
            "result",
            ["Partitions not in metastore:\t" + "\t".join(names)]
            + [f"Repair: Added partition to metastore {n}" for n in names],
        )

    def add_partitions(self, table: CatalogTable, command: Command, before_commit: Any) -> Answer:
        keys = [k.name for k in partitioned(table).definition.partition_keys]
        d = table.definition
        known = {p.values for p in self.catalog.partitions(table.database, table.name)}
        adding: list[Partition] = []
        for spec, location in command.partitions:
            values = _values(table, keys, spec)
            if values in known or values in {p.values for p in adding}:
                if command.if_exists:
                    continue
                raise AlreadyExists(
                    f"partition {_partition_name(keys, values)} of table "
                    f"{table.database}.{table.name} already exists"
                )
            folder = (
                self._folder(table, location)
                if location is not None
                else d.location + "".join(f"{k}={v}/" for k, v in zip(keys, values, strict=True))
            )
            files = [i for i in self.store.list(folder) if "/" not in i.key[len(folder) :]]
            adding.append(Partition(values, folder, len(files), sum(i.size for i in files)))
        if adding:
            before_commit()
            self.catalog.put_partitions(table, adding, replace=False)
        return Answer([], [])

    def drop_partitions(self, table: CatalogTable, command: Command, before_commit: Any) -> Answer:
        keys = [k.name for k in partitioned(table).definition.partition_keys]
        known = {p.values for p in self.catalog.partitions(table.database, table.name)}
        dropping: list[tuple[str, ...]] = []
        for spec, _ in command.partitions:
            values = _values(table, keys, spec)
            if values not in known:
                if command.if_exists:
                    continue
                raise NotFound(
                    f"partition {_partition_name(keys, values)} of table "
                    f"{table.database}.{table.name} not found"
                )
            dropping.append(values)
        if dropping:
            before_commit()
            self.catalog.drop_partitions(table, dropping)
        return Answer([], [])

    def _folder(self, table: CatalogTable, location: str) -> str:
        """A partition's LOCATION as a key of the lake: ``s3://<lake bucket>/<key>`` or the key
        itself; it must lie under the table's own location (a partition elsewhere would read
        other tables' data, or lakebox's own areas)."""
        root = self.lake_url("")
        key = location[len(root) :] if location.startswith(root) else location
        if "://" in key:
            raise InvalidArgument(f"partition location {location!r} is not in the lake ({root}...)")
        key = key.lstrip("/")
        key = key if key.endswith("/") else key + "/"
        d = table.definition
        if not key.startswith(d.location) or internal_area(key) is not None or ".." in key:
            raise InvalidArgument(
                f"partition location {location!r} must be a folder under the table's location "
                f"({self.lake_url(d.location)})"
            )
        return key

    # -- information_schema -------------------------------------------------------------------

    def information_schema(self, name: str, principal: Principal) -> Source:
        """One of information_schema's tables, as a SELECT over its rows (no table function, no
        file): only the databases and tables ``principal`` may read."""
        if name not in INFORMATION_SCHEMA_TABLES:
            raise NotFound(
                f"table information_schema.{name} not found; information_schema has: "
                f"{', '.join(sorted(INFORMATION_SCHEMA_TABLES))}"
            )
        columns = INFORMATION_SCHEMA_TABLES[name]
        rows = self._information_rows(name, principal)
        return Source("information_schema", name, _values_select(columns, rows))

    def _information_rows(self, name: str, principal: Principal) -> list[tuple[Any, ...]]:
        databases = [
            d["name"] for d in self.catalog.databases() if self._may_list(principal, d["name"])
        ]
        if name == "schemata":
            return [(CATALOG_NAME, db) for db in sorted([*databases, "information_schema"])]
        tables = [t for db in databases for t in self._readable(principal, db)]
        if name == "tables":
            own = [
                (CATALOG_NAME, "information_schema", t, "BASE TABLE", None)
                for t in sorted(INFORMATION_SCHEMA_TABLES)
            ]
            return own + [
                (
                    CATALOG_NAME,
                    t.database,
                    t.name,
                    "VIEW" if t.definition.format == "view" else "BASE TABLE",
                    None,
                )
                for t in tables
            ]
        if name == "views":
            return [
                (
                    CATALOG_NAME,
                    t.database,
                    t.name,
                    None,
                    _trino_sql(t.definition.format_options),
                )
                for t in tables
                if t.definition.format == "view"
            ]
        rows: list[tuple[Any, ...]] = []
        for schema_table, cols in sorted(INFORMATION_SCHEMA_TABLES.items()):
            for i, (col, duck) in enumerate(cols, 1):
                rows.append(
                    (CATALOG_NAME, "information_schema", schema_table, col, i, None, "YES",
                     _trino_type_of_duck(duck), None, None)
                )  # fmt: skip
        for t in tables:
            d = t.definition
            columns = [(c, None) for c in d.columns] + [
                (k, "partition key") for k in d.partition_keys
            ]
            for i, (c, extra) in enumerate(columns, 1):
                rows.append(
                    (CATALOG_NAME, t.database, t.name, c.name, i, None, "YES",
                     trino_type(c.type), None, extra)
                )  # fmt: skip
        return rows


# Trino's information_schema tables (Athena's columns table adds comment and extra_info).
INFORMATION_SCHEMA_TABLES: dict[str, list[tuple[str, str]]] = {
    "schemata": [("catalog_name", "VARCHAR"), ("schema_name", "VARCHAR")],
    "tables": [
        ("table_catalog", "VARCHAR"),
        ("table_schema", "VARCHAR"),
        ("table_name", "VARCHAR"),
        ("table_type", "VARCHAR"),
        ("table_comment", "VARCHAR"),
    ],
    "columns": [
        ("table_catalog", "VARCHAR"),
        ("table_schema", "VARCHAR"),
        ("table_name", "VARCHAR"),
        ("column_name", "VARCHAR"),
        ("ordinal_position", "BIGINT"),
        ("column_default", "VARCHAR"),
        ("is_nullable", "VARCHAR"),
        ("data_type", "VARCHAR"),
        ("comment", "VARCHAR"),
        ("extra_info", "VARCHAR"),
    ],
    "views": [
        ("table_catalog", "VARCHAR"),
        ("table_schema", "VARCHAR"),
        ("table_name", "VARCHAR"),
        ("view_owner", "VARCHAR"),
        ("view_definition", "VARCHAR"),
    ],
}


def _values_select(columns: list[tuple[str, str]], rows: list[tuple[Any, ...]]) -> str:
    """A SELECT of literal rows with the columns' names and types."""
    if not rows:
        cols = ", ".join(f"CAST(NULL AS {t}) AS {_ident(n)}" for n, t in columns)
        return f"SELECT {cols} WHERE false"
    names = ", ".join(f"c{i}" for i in range(len(columns)))
    values = ", ".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in rows)
    casts = ", ".join(f"CAST(c{i} AS {t}) AS {_ident(n)}" for i, (n, t) in enumerate(columns))
    return f"SELECT {casts} FROM (VALUES {values}) AS v({names})"


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return _lit(str(value))


def trino_type(catalog_type: str) -> str:
    """A catalog (Glue) type as Trino names it (information_schema's data_type)."""
    return _trino_type_of_duck(duckdb_type(parse_type(catalog_type)))


def _trino_type_of_duck(duck: str) -> str:
    from lakebox.query.result_types import of_duckdb

    return of_duckdb(duck).name


def _trino_sql(options: dict[str, Any]) -> str:
    import sqlglot

    sql = str(options.get("sql", ""))
    try:
        return sqlglot.transpile(sql, read=options.get("dialect", "duckdb"), write="trino")[0]
    except Exception:  # shown as stored rather than not at all
        return sql


def create_view(table: CatalogTable) -> str:
    return (
        f"CREATE VIEW {table.database}.{table.name} AS\n"
        f"{_trino_sql(table.definition.format_options)}"
    )


def _hive_row(*fields: str) -> str:
    """A row of DESCRIBE as Hive writes it: each field padded to 20 characters, tab-separated."""
    return "\t".join(f"{f:<20}" for f in fields)


def describe(table: CatalogTable) -> list[str]:
    d = table.definition
    rows = [_hive_row(c.name, c.type, "") for c in d.columns + d.partition_keys]
    if d.partition_keys:
        rows += [
            "",
            "# Partition Information",
            _hive_row("# col_name", "data_type", "comment"),
            "",
        ]
        rows += [_hive_row(k.name, k.type, "") for k in d.partition_keys]
    return rows


def partitioned(table: CatalogTable) -> CatalogTable:
    d = table.definition
    qualified = f"{table.database}.{table.name}"
    if d.format not in _RAW:
        raise InvalidArgument(
            f"{qualified} is a {d.format} table: partitions are those of raw tables (crawled "
            "objects); an Iceberg table's partitioning is its own"
        )
    if not d.partition_keys:
        raise InvalidArgument(f"table {qualified} is not partitioned")
    return table


def _partition_name(keys: list[str], values: tuple[str, ...]) -> str:
    return "/".join(f"{k}={v}" for k, v in zip(keys, values, strict=True))


def _values(table: CatalogTable, keys: list[str], spec: Spec) -> tuple[str, ...]:
    given = dict(spec)
    if len(given) != len(spec) or set(given) != set(keys):
        raise InvalidArgument(
            f"a partition of table {table.database}.{table.name} names its keys "
            f"({', '.join(keys)}) once each; got ({', '.join(k for k, _ in spec)})"
        )
    return tuple(given[k] for k in keys)


def _matching(names: list[str], pattern: str | None) -> list[str]:
    names = sorted(names)
    if pattern is None:
        return names
    regex = hive_pattern(pattern)
    return [n for n in names if regex.fullmatch(n)]


def _q(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def explained(rows: list[tuple[Any, ...]]) -> Answer:
    """DuckDB's EXPLAIN rows (key, plan) as Trino's one column ``Query Plan``."""
    return _text("Query Plan", ["\n".join(str(r[-1]) for r in rows)])
