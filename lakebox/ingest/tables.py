"""Ingest's table: delivery streams and their settings."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Table, Text

from lakebox.meta.schema import metadata

delivery_streams = Table(
    "delivery_streams",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("version_id", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    # The stream's settings as JSON (lakebox.ingest.settings.StreamSettings.to_json).
    Column("settings", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
