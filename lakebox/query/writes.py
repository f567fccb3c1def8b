"""Statements that write curated tables, each one atomic Iceberg commit.

- ``CREATE TABLE db.t [WITH (table_type='ICEBERG', partitioning=ARRAY['month(ts)'])] AS SELECT``
  creates the table and its first snapshot in one commit: a failed query leaves no table.
- ``CREATE TABLE db.t (col type, ...) [PARTITIONED BY (col)]`` creates an empty table.
- ``INSERT INTO db.t [(cols)] SELECT ... | VALUES ...`` appends one snapshot.
- ``DROP TABLE [IF EXISTS] db.t`` drops an Iceberg table and its files.

Only Iceberg tables are written: tables over raw objects belong to their crawlers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot import exp

from lakebox.catalog.schema import Column
from lakebox.catalog.service import table_name
from lakebox.catalog.types import parse, render
from lakebox.errors import InvalidArgument


def is_table_write(tree: exp.Expr) -> bool:
    kind = str(tree.args.get("kind") or "").upper()
    return isinstance(tree, exp.Insert) or (
        isinstance(tree, exp.Create | exp.Drop) and kind == "TABLE"
    )


def target(tree: exp.Expr, default_database: str | None, noun: str = "table") -> tuple[str, str]:
    """The ``database.name`` a CREATE/DROP/INSERT statement names."""
    table = tree.this
    if isinstance(table, exp.Schema):
        table = table.this
    if not isinstance(table, exp.Table):
        table = tree.find(exp.Table)
    if not isinstance(table, exp.Table) or not table.name:
        raise InvalidArgument(f"name the {noun} as database.{noun}")
    if table.catalog:
        raise InvalidArgument(f"{table.sql()}: name {noun}s as database.{noun}")
    db = table.db or default_database
    if not db:
        raise InvalidArgument(
            f"{noun} {table.name!r} needs its database: write database.{table.name}"
        )
    if table_name(table.name) != table.name:
        raise InvalidArgument(f"{noun} name {table.name!r} must be lower-case letters, digits, '_'")
    return db, table.name


@dataclass
class TableOptions:
    partition_by: list[str]


_ACCEPTED = "table_type, partitioning (or partitioned_by) and format"


def table_options(tree: exp.Expr) -> TableOptions:
    """The ``WITH (...)`` / ``PARTITIONED BY`` / ``TBLPROPERTIES`` of a CREATE TABLE."""
    options = TableOptions([])
    props = tree.args.get("properties")
    for prop in props.expressions if isinstance(props, exp.Properties) else []:
        if isinstance(prop, exp.PartitionedByProperty):
            schema = prop.this
            items = schema.expressions if isinstance(schema, exp.Schema) else [schema]
            options.partition_by += [_partition_text(i) for i in items]
        elif isinstance(prop, exp.FileFormatProperty):
            _expect(prop.name, "format", "PARQUET")
        elif isinstance(prop, exp.Property):
            # a generic Property has its key in ``this``; sqlglot gives the rest their own
            # classes (LocationProperty, ...), named after the key
            generic = type(prop) is exp.Property
            key = prop.name.lower() if generic else type(prop).__name__[:-8].lower()
            value = prop.args.get("value")
            if key == "table_type":
                _expect(_text(value), key, "ICEBERG")
            elif key == "format":
                _expect(_text(value), key, "PARQUET")
            elif key in ("partitioning", "partitioned_by"):
                items = value.expressions if isinstance(value, exp.Array) else [value]
                options.partition_by += [_partition_text(i) for i in items]
            else:
                raise InvalidArgument(
                    f"table property {key!r} is not supported; lakebox accepts {_ACCEPTED}"
                )
        else:
            raise InvalidArgument(
                f"{prop.sql()} is not supported here; lakebox accepts {_ACCEPTED}"
            )
    return options


def _text(value: exp.Expr | None) -> str:
    if isinstance(value, exp.Literal | exp.Identifier | exp.Var):
        return str(value.this)
    return value.sql() if value is not None else ""


def _partition_text(item: exp.Expr) -> str:
    if isinstance(item, exp.Literal) and item.is_string:
        return str(item.this)
    return item.sql(dialect="athena")


def _expect(value: str, key: str, wanted: str) -> None:
    if value.upper() != wanted:
        raise InvalidArgument(
            f"{key} {value!r} is not supported: lakebox writes curated tables as Iceberg "
            "tables of Parquet files"
        )


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_STRINGS = re.compile(r"^(var)?char\(\d+\)$")


def defined_columns(tree: exp.Create) -> list[Column]:
    """Columns of ``CREATE TABLE t (id bigint, ...)`` in catalog (Glue) types."""
    schema = tree.this
    assert isinstance(schema, exp.Schema)
    columns = []
    for col in schema.expressions:
        if not isinstance(col, exp.ColumnDef) or col.args.get("kind") is None:
            raise InvalidArgument(f"{col.sql()}: give each column a name and a type")
        text = col.args["kind"].sql(dialect="hive").lower().replace(" ", "")
        text = "string" if _STRINGS.match(text) else text.replace("integer", "int")
        try:
            columns.append(Column(col.name.lower(), render(parse(text))))
        except InvalidArgument as exc:
            raise InvalidArgument(f"column {col.name!r}: {exc.message}") from None
    return columns


def result_columns(arrow_schema: object) -> list[Column]:
    """Columns of a CTAS from its query's result: each needs a plain name, once."""
    from lakebox.catalog.types import arrow_type

    columns: list[Column] = []
    for field in arrow_schema:  # type: ignore[attr-defined]
        if not _NAME.match(field.name):
            raise InvalidArgument(
                f"result column {field.name!r} needs a name for the table: write "
                f"{field.name} AS some_name"
            )
        name = field.name.lower()
        if any(c.name == name for c in columns):
            raise InvalidArgument(
                f"result column {name!r} appears twice; give each a distinct name"
            )
        columns.append(Column(name, render(arrow_type(field.type))))
    return columns
