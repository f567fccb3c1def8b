"""The catalog's tables: databases, tables, partitions and schema versions."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from lakebox.meta.schema import metadata

_Id = BigInteger().with_variant(Integer(), "sqlite")

catalog_databases = Table(
    "catalog_databases",
    metadata,
    Column("name", String(255), primary_key=True),
    Column("description", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

catalog_tables = Table(
    "catalog_tables",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("database", String(255), ForeignKey("catalog_databases.name"), nullable=False),
    Column("name", String(255), nullable=False),
    Column("location", Text, nullable=False),
    Column("format", String(32), nullable=False),
    Column("compression", String(32), nullable=False),
    Column("format_options", Text, nullable=False),  # JSON
    Column("columns", Text, nullable=False),  # JSON [{name, type}]
    Column("partition_keys", Text, nullable=False),  # JSON [{name, type}]
    Column("properties", Text, nullable=False),  # JSON
    Column("schema_version", Integer, nullable=False),
    Column("status", String(32), nullable=False),  # active | deprecated
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("database", "name", name="uq_catalog_tables_database_name"),
)

catalog_partitions = Table(
    "catalog_partitions",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("table_id", _Id, ForeignKey("catalog_tables.id", ondelete="CASCADE"), nullable=False),
    Column("values_key", Text, nullable=False),  # the values joined by "/"
    Column("values", Text, nullable=False),  # JSON [str]
    Column("location", Text, nullable=False),
    Column("object_count", BigInteger, nullable=False),
    Column("bytes", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("table_id", "values_key", name="uq_catalog_partitions_table_values"),
)

catalog_schema_versions = Table(
    "catalog_schema_versions",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("table_id", _Id, ForeignKey("catalog_tables.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("columns", Text, nullable=False),
    Column("partition_keys", Text, nullable=False),
    Column("changes", Text, nullable=False),  # JSON [Change.as_json()]
    Column("source", String(255), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("table_id", "version", name="uq_catalog_schema_versions_table_version"),
)
