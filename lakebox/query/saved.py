"""Saved (named) queries, as Athena's CreateNamedQuery keeps them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime, String, Table, Text, delete, insert, select
from sqlalchemy.exc import IntegrityError

from lakebox.auth.access import Access, Principal, Resource
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound
from lakebox.meta.database import Database
from lakebox.meta.schema import metadata
from lakebox.meta.times import as_utc
from lakebox.query.dialects import parse

saved_queries = Table(
    "saved_queries",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("description", Text, nullable=False),
    Column("database", String(255), nullable=False),
    Column("sql", Text, nullable=False),
    Column("created_by", String(255), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class SavedQuery:
    id: str
    name: str
    description: str
    database: str
    sql: str
    created_by: str
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "database": self.database,
            "sql": self.sql,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
        }


class SavedQueries:
    def __init__(self, db: Database, access: Access) -> None:
        self.db = db
        self.access = access

    def save(
        self, name: str, sql: str, database: str, description: str = "", *, by: Principal
    ) -> SavedQuery:
        self.access.authorize(by, "saved-query:save", Resource("saved-query", name))
        created_by = by.id
        if not name.strip() or len(name) > 128:
            raise InvalidArgument("a saved query needs a name of 1 to 128 characters")
        parse(sql)  # a syntax error is reported now, not when someone runs it
        query = SavedQuery(
            str(uuid.uuid4()), name, description, database, sql, created_by, datetime.now(UTC)
        )
        try:
            with self.db.begin() as conn:
                conn.execute(
                    insert(saved_queries).values(
                        id=query.id,
                        name=name,
                        description=description,
                        database=database,
                        sql=sql,
                        created_by=created_by,
                        created_at=query.created_at,
                    )
                )
        except IntegrityError:
            raise AlreadyExists(f"a saved query named {name!r} already exists") from None
        return query

    def get(self, id_or_name: str, *, by: Principal) -> SavedQuery:
        self.access.authorize(by, "saved-query:read", Resource("saved-query", id_or_name))
        return self._get(id_or_name)

    def _get(self, id_or_name: str) -> SavedQuery:
        with self.db.begin() as conn:
            row = conn.execute(
                select(saved_queries).where(
                    (saved_queries.c.id == id_or_name) | (saved_queries.c.name == id_or_name)
                )
            ).first()
        if row is None:
            raise NotFound(f"no saved query with id or name {id_or_name!r}")
        return _saved(row)

    def all(self, *, by: Principal) -> list[SavedQuery]:
        self.access.authorize(by, "saved-query:read", Resource("saved-query"))
        with self.db.begin() as conn:
            rows = conn.execute(select(saved_queries).order_by(saved_queries.c.name)).all()
        return [_saved(r) for r in rows]

    def delete(self, id_or_name: str, *, by: Principal) -> None:
        # Who may not even read saved queries learns nothing of which names exist.
        self.access.authorize(by, "saved-query:read", Resource("saved-query", id_or_name))
        query = self._get(id_or_name)
        self.access.authorize(
            by, "saved-query:delete", Resource("saved-query", query.name, owner=query.created_by)
        )
        with self.db.begin() as conn:
            conn.execute(delete(saved_queries).where(saved_queries.c.id == query.id))


def _saved(row: Any) -> SavedQuery:
    return SavedQuery(
        row.id,
        row.name,
        row.description,
        row.database,
        row.sql,
        row.created_by,
        as_utc(row.created_at),
    )
