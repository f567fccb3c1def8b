"""Query executions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_When = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "query_executions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("sql", sa.Text, nullable=False),
        sa.Column("dialect", sa.String(16), nullable=False),
        sa.Column("default_database", sa.String(255), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("submitted_by", sa.String(32), nullable=False),
        sa.Column("submitter", sa.String(255), nullable=False),
        sa.Column("submitted_at", _When, nullable=False),
        sa.Column("started_at", _When, nullable=True),
        sa.Column("completed_at", _When, nullable=True),
        sa.Column("engine_ms", sa.Float, nullable=True),
        sa.Column("rows", sa.BigInteger, nullable=True),
        sa.Column("bytes_scanned", sa.BigInteger, nullable=True),
        sa.Column("columns", sa.Text, nullable=True),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("result_key", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_query_executions"),
    )
    op.create_index("ix_query_executions_submitted_by", "query_executions", ["submitted_by"])


def downgrade() -> None:
    op.drop_index("ix_query_executions_submitted_by", "query_executions")
    op.drop_table("query_executions")
