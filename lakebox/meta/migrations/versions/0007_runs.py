"""One run layer: query executions and crawl runs become rows of ``runs``; schedules.

Existing executions and crawl runs are copied over (their ids kept; a crawl run's number
becomes its id as text). Work that was QUEUED or RUNNING when the old server stopped can never
finish: it is FAILED with the reason, as the run layer does on every start.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_When = sa.DateTime(timezone=True)
_STOPPED = "server stopped while running (before the upgrade to the run layer)"


def upgrade() -> None:
    runs = op.create_table(
        "runs",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("principal_id", sa.String(64), nullable=False),
        sa.Column("principal_name", sa.String(255), nullable=False),
        sa.Column("subject", sa.String(255), nullable=True),
        sa.Column("exclusive_key", sa.String(255), nullable=True),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("submitted_at", _When, nullable=False),
        sa.Column("started_at", _When, nullable=True),
        sa.Column("finished_at", _When, nullable=True),
        sa.Column("owner", sa.String(255), nullable=True),
        sa.Column("lease_until", _When, nullable=True),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("max_attempts", sa.Integer, nullable=False),
        sa.Column("cancel_requested", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        sa.UniqueConstraint("exclusive_key", name="uq_runs_exclusive_key"),
    )
    op.create_index("ix_runs_claim", "runs", ["kind", "state", "submitted_at"])
    op.create_index("ix_runs_principal", "runs", ["kind", "principal_id", "submitted_at"])
    op.create_index("ix_runs_subject", "runs", ["kind", "subject", "submitted_at"])
    op.create_index("ix_runs_owner", "runs", ["owner"])
    op.create_table(
        "schedules",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("cron", sa.String(255), nullable=False),
        sa.Column("next_fire_at", _When, nullable=False),
        sa.PrimaryKeyConstraint("kind", "name", name="pk_schedules"),
    )
    conn = op.get_bind()
    copied = []
    # Typed, so that SQLite's stored text comes back as datetimes.
    old_queries = sa.table(
        "query_executions",
        *[sa.column(n) for n in ("id", "sql", "dialect", "default_database", "state")],
        *[sa.column(n) for n in ("submitted_by", "submitter", "engine_ms", "rows")],
        *[sa.column(n) for n in ("bytes_scanned", "columns", "error", "result_key")],
        *[sa.column(n, _When) for n in ("submitted_at", "started_at", "completed_at")],
    )
    old_crawls = sa.table(
        "crawl_runs",
        *[sa.column(n) for n in ("id", "crawler", "mode", "state", "report")],
        *[sa.column(n, _When) for n in ("started_at", "finished_at")],
    )
    for r in conn.execute(sa.select(old_queries)).mappings():
        active = r["state"] in ("QUEUED", "RUNNING")
        result = None
        if r["state"] == "SUCCEEDED":
            result = json.dumps(
                {
                    "engine_ms": r["engine_ms"],
                    "rows": r["rows"],
                    "bytes_scanned": r["bytes_scanned"],
                    "columns": json.loads(r["columns"]) if r["columns"] else None,
                    "result_key": r["result_key"],
                }
            )
        copied.append(
            {
                "id": r["id"],
                "kind": "query",
                "state": "FAILED" if active else r["state"],
                "principal_id": r["submitted_by"],
                "principal_name": r["submitter"],
                "subject": None,
                "exclusive_key": None,
                "params": json.dumps(
                    {"sql": r["sql"], "dialect": r["dialect"], "database": r["default_database"]}
                ),
                "result": result,
                "reason": _STOPPED if active else r["error"],
                "submitted_at": r["submitted_at"],
                "started_at": r["started_at"],
                "finished_at": r["completed_at"] or (r["submitted_at"] if active else None),
                "owner": None,
                "lease_until": None,
                "attempt": 1,
                "max_attempts": 1,
                "cancel_requested": False,
            }
        )
    for r in conn.execute(sa.select(old_crawls)).mappings():
        active = r["state"] in ("QUEUED", "RUNNING")
        report = json.loads(r["report"])
        copied.append(
            {
                "id": str(r["id"]),
                "kind": "crawl",
                "state": "FAILED" if active else r["state"],
                "principal_id": "lakebox",
                "principal_name": "lakebox",
                "subject": r["crawler"],
                "exclusive_key": None,
                "params": json.dumps({"mode": r["mode"]}),
                "result": json.dumps({"report": report}),
                "reason": _STOPPED if active else report.get("error"),
                "submitted_at": r["started_at"],
                "started_at": r["started_at"],
                "finished_at": r["finished_at"] or r["started_at"],
                "owner": None,
                "lease_until": None,
                "attempt": 1,
                "max_attempts": 1,
                "cancel_requested": False,
            }
        )
    if copied:
        op.bulk_insert(runs, copied)
    op.drop_index("ix_query_executions_submitted_by", "query_executions")
    op.drop_table("query_executions")
    op.drop_table("crawl_runs")


def downgrade() -> None:
    # Runs of kinds the old tables cannot hold (jobs) would be lost: refuse, by name.
    raise RuntimeError("migration 0007 (the run layer) cannot be downgraded; restore a backup")
