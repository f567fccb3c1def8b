"""Alembic environment: lakebox always passes an open connection in ``config.attributes``."""

from __future__ import annotations

from alembic import context

import lakebox.auth.tables
import lakebox.catalog.tables
import lakebox.crawler.tables
import lakebox.ingest.tables
import lakebox.query.saved
import lakebox.runs.tables
import lakebox.storage.tables  # noqa: F401  (each part registers its tables)
from lakebox.meta.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("lakebox migrations run through lakebox.meta.database.Database.migrate()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
