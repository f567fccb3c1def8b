"""The crawler's table: crawler definitions (their runs are runs of kind ``crawl``)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, String, Table, Text

from lakebox.meta.schema import metadata

crawlers = Table(
    "crawlers",
    metadata,
    Column("name", String(255), primary_key=True),
    Column("settings", Text, nullable=False),  # JSON of CrawlerSettings
    # Position in the ObjectCreated event log up to which event mode has read.
    Column("last_event_id", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
