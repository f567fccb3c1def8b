"""Storage's table: the log of ObjectCreated events (ids are positions, in commit order)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table, Text

from lakebox.meta.schema import metadata

# BigInteger ids on PostgreSQL; SQLite needs INTEGER PRIMARY KEY for autoincrement.
_Id = BigInteger().with_variant(Integer(), "sqlite")

object_events = Table(
    "object_events",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("event_name", String(64), nullable=False),
    Column("bucket", String(255), nullable=False),
    Column("key", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("etag", String(128), nullable=False),
    Column("event_time", DateTime(timezone=True), nullable=False),
    Column("source", Text, nullable=False, default=""),  # e.g. ingest:orders, iceberg:db.t@1
)
