"""The crawler's tables: crawler definitions and the history of their runs."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table, Text

from lakebox.meta.schema import metadata

_Id = BigInteger().with_variant(Integer(), "sqlite")

crawlers = Table(
    "crawlers",
    metadata,
    Column("name", String(255), primary_key=True),
    Column("settings", Text, nullable=False),  # JSON of CrawlerSettings
    # Position in the ObjectCreated event log up to which event mode has read.
    Column("last_event_id", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

crawl_runs = Table(
    "crawl_runs",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("crawler", String(255), nullable=False, index=True),
    Column("mode", String(16), nullable=False),  # full | events
    Column("state", String(16), nullable=False),  # RUNNING | SUCCEEDED | FAILED
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("report", Text, nullable=False),  # JSON of CrawlReport
)
