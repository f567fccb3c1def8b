"""Foundation: object events, access keys, delivery streams.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "object_events",
        sa.Column("id", _Id, primary_key=True, autoincrement=True),
        sa.Column("event_name", sa.String(64), nullable=False),
        sa.Column("bucket", sa.String(255), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("etag", sa.String(128), nullable=False),
        sa.Column("event_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_object_events"),
    )
    op.create_table(
        "access_keys",
        sa.Column("access_key_id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("secret_encrypted", sa.Text, nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("access_key_id", name="pk_access_keys"),
    )
    op.create_index("ix_access_keys_name", "access_keys", ["name"])
    op.create_table(
        "delivery_streams",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_delivery_streams"),
    )


def downgrade() -> None:
    op.drop_table("delivery_streams")
    op.drop_index("ix_access_keys_name", "access_keys")
    op.drop_table("access_keys")
    op.drop_table("object_events")
