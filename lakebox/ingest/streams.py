"""Delivery streams as stored in the metadata database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from lakebox.errors import AlreadyExists, NotFound
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.tables import delivery_streams
from lakebox.meta.database import Database
from lakebox.meta.times import as_utc

StreamStatus = Literal["ACTIVE", "DELETING"]


@dataclass(frozen=True)
class DeliveryStream:
    settings: StreamSettings
    version_id: int
    status: StreamStatus
    created_at: datetime
    updated_at: datetime

    @property
    def name(self) -> str:
        return self.settings.name


class DeliveryStreams:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, settings: StreamSettings) -> DeliveryStream:
        now = datetime.now(UTC)
        try:
            with self.db.begin() as conn:
                conn.execute(
                    insert(delivery_streams).values(
                        name=settings.name,
                        version_id=1,
                        status="ACTIVE",
                        settings=settings.to_json(),
                        created_at=now,
                        updated_at=now,
                    )
                )
        except IntegrityError:
            raise AlreadyExists(f"delivery stream {settings.name!r} already exists") from None
        return DeliveryStream(settings, 1, "ACTIVE", now, now)

    def get(self, name: str) -> DeliveryStream:
        with self.db.begin() as conn:
            row = conn.execute(
                select(delivery_streams).where(delivery_streams.c.name == name)
            ).first()
        if row is None:
            known = self.names()
            hint = f"; existing streams: {', '.join(known)}" if known else "; no streams exist yet"
            raise NotFound(f"delivery stream {name!r} not found{hint}")
        return _row(row)

    def all(self) -> list[DeliveryStream]:
        with self.db.begin() as conn:
            rows = conn.execute(select(delivery_streams).order_by(delivery_streams.c.name)).all()
        return [_row(r) for r in rows]

    def names(self) -> list[str]:
        with self.db.begin() as conn:
            return list(
                conn.scalars(select(delivery_streams.c.name).order_by(delivery_streams.c.name))
            )

    def delete(self, name: str) -> None:
        with self.db.begin() as conn:
            result = conn.execute(delete(delivery_streams).where(delivery_streams.c.name == name))
        if result.rowcount == 0:
            raise NotFound(f"delivery stream {name!r} not found")


def _row(row: Any) -> DeliveryStream:
    return DeliveryStream(
        StreamSettings.from_json(row.settings),
        row.version_id,
        row.status,
        as_utc(row.created_at),
        as_utc(row.updated_at),
    )
