"""Auth's table: access keys (SigV4 key pairs that double as bearer tokens)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, String, Table, Text

from lakebox.meta.schema import metadata

access_keys = Table(
    "access_keys",
    metadata,
    Column("access_key_id", String(32), primary_key=True),
    Column("name", String(255), nullable=False, index=True),
    # Encrypted with the home's secret key: SigV4 needs the plain secret to verify signatures,
    # so it cannot be a one-way hash.
    Column("secret_encrypted", Text, nullable=False),
    Column("role", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)
