"""Catalog: databases, tables, partitions, schema versions; crawlers and crawl runs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_When = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "catalog_databases",
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("created_at", _When, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_catalog_databases"),
    )
    op.create_table(
        "catalog_tables",
        sa.Column("id", _Id, autoincrement=True, nullable=False),
        sa.Column("database", sa.String(255), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("compression", sa.String(32), nullable=False),
        sa.Column("format_options", sa.Text, nullable=False),
        sa.Column("columns", sa.Text, nullable=False),
        sa.Column("partition_keys", sa.Text, nullable=False),
        sa.Column("properties", sa.Text, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("created_at", _When, nullable=False),
        sa.Column("updated_at", _When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_catalog_tables"),
        sa.ForeignKeyConstraint(
            ["database"],
            ["catalog_databases.name"],
            name="fk_catalog_tables_database_catalog_databases",
        ),
        sa.UniqueConstraint("database", "name", name="uq_catalog_tables_database_name"),
    )
    op.create_table(
        "catalog_partitions",
        sa.Column("id", _Id, autoincrement=True, nullable=False),
        sa.Column("table_id", _Id, nullable=False),
        sa.Column("values_key", sa.Text, nullable=False),
        sa.Column("values", sa.Text, nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("object_count", sa.BigInteger, nullable=False),
        sa.Column("bytes", sa.BigInteger, nullable=False),
        sa.Column("created_at", _When, nullable=False),
        sa.Column("updated_at", _When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_catalog_partitions"),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["catalog_tables.id"],
            name="fk_catalog_partitions_table_id_catalog_tables",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("table_id", "values_key", name="uq_catalog_partitions_table_values"),
    )
    op.create_table(
        "catalog_schema_versions",
        sa.Column("id", _Id, autoincrement=True, nullable=False),
        sa.Column("table_id", _Id, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("columns", sa.Text, nullable=False),
        sa.Column("partition_keys", sa.Text, nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("created_at", _When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_catalog_schema_versions"),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["catalog_tables.id"],
            name="fk_catalog_schema_versions_table_id_catalog_tables",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("table_id", "version", name="uq_catalog_schema_versions_table_version"),
    )
    op.create_table(
        "crawlers",
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("last_event_id", sa.BigInteger, nullable=False),
        sa.Column("created_at", _When, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_crawlers"),
    )
    op.create_table(
        "crawl_runs",
        sa.Column("id", _Id, autoincrement=True, nullable=False),
        sa.Column("crawler", sa.String(255), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("started_at", _When, nullable=False),
        sa.Column("finished_at", _When, nullable=True),
        sa.Column("report", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crawl_runs"),
    )
    op.create_index("ix_crawl_runs_crawler", "crawl_runs", ["crawler"])


def downgrade() -> None:
    op.drop_index("ix_crawl_runs_crawler", "crawl_runs")
    op.drop_table("crawl_runs")
    op.drop_table("crawlers")
    op.drop_table("catalog_schema_versions")
    op.drop_table("catalog_partitions")
    op.drop_table("catalog_tables")
    op.drop_table("catalog_databases")
