"""The run layer's tables: every run of every kind of work, and the scheduler's next firings."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Table, Text

from lakebox.meta.schema import metadata

runs = Table(
    "runs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(32), nullable=False),  # query | crawl (jobs, migrations next)
    Column("state", String(16), nullable=False),  # QUEUED RUNNING SUCCEEDED FAILED CANCELLED
    Column("principal_id", String(64), nullable=False),  # who submitted it
    Column("principal_name", String(255), nullable=False),
    Column("subject", String(255), nullable=True),  # what it works on (a crawler's name)
    # While QUEUED or RUNNING, a key that no other active run may hold (one crawl per crawler):
    # unique, NULL once the run ends, so the database itself refuses a second one.
    Column("exclusive_key", String(255), nullable=True, unique=True),
    Column("params", Text, nullable=False),  # JSON: what the kind needs to run it
    Column("result", Text, nullable=True),  # JSON: what the kind reports back
    Column("reason", Text, nullable=True),  # why it FAILED or was CANCELLED
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=True),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("owner", String(255), nullable=True),  # the process holding it while RUNNING
    Column("lease_until", DateTime(timezone=True), nullable=True),
    Column("attempt", Integer, nullable=False),
    Column("max_attempts", Integer, nullable=False),
    Column("cancel_requested", Boolean, nullable=False),
    Index("ix_runs_claim", "kind", "state", "submitted_at"),
    Index("ix_runs_principal", "kind", "principal_id", "submitted_at"),
    Index("ix_runs_subject", "kind", "subject", "submitted_at"),
    Index("ix_runs_owner", "owner"),
)

# When each scheduled thing fires next: persisted, so a restart neither loses nor repeats a
# firing, and compare-and-swapped, so two schedulers never fire one twice.
schedules = Table(
    "schedules",
    metadata,
    Column("kind", String(32), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("cron", String(255), nullable=False),
    Column("next_fire_at", DateTime(timezone=True), nullable=False),
)
