"""The query part's table: every query execution, with its state and where its results are."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Float, String, Table, Text

from lakebox.meta.schema import metadata

query_executions = Table(
    "query_executions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("sql", Text, nullable=False),
    Column("dialect", String(16), nullable=False),
    # Database for table names without one (Athena's QueryExecutionContext.Database).
    Column("default_database", String(255), nullable=True),
    Column("state", String(16), nullable=False),  # QUEUED RUNNING SUCCEEDED FAILED CANCELLED
    Column("submitted_by", String(32), nullable=False, index=True),  # access key id
    Column("submitter", String(255), nullable=False),  # the key's name
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=True),
    Column("completed_at", DateTime(timezone=True), nullable=True),
    Column("engine_ms", Float, nullable=True),
    Column("rows", BigInteger, nullable=True),
    Column("bytes_scanned", BigInteger, nullable=True),
    Column("columns", Text, nullable=True),  # JSON [{name, type}]
    Column("error", Text, nullable=True),
    Column("result_key", Text, nullable=True),  # lake key of the results, without extension
)
