"""Event log: an object event's source may name an Iceberg table and snapshot.

``iceberg:<database>.<table>@<snapshot id>`` can be longer than 255 characters (names may be
255 each), so ``source`` becomes text. On PostgreSQL this changes no stored row; on SQLite the
table is copied once. Positions need no new column: they are the ids, handed out in commit
order (see ``lakebox/storage/events.py``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("object_events") as batch:
        batch.alter_column(
            "source", type_=sa.Text, existing_type=sa.String(255), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("object_events") as batch:
        batch.alter_column(
            "source", type_=sa.String(255), existing_type=sa.Text, existing_nullable=False
        )
