from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lakebox.auth.access import Access
from lakebox.ingest.service import IngestService
from lakebox.meta.database import Database
from lakebox.storage import Lake, LocalStore, ObjectEvents


@pytest.fixture
def make_ingest(tmp_path: Path) -> Iterator[Callable[[], IngestService]]:
    """Build (and later stop) ingest services sharing one home: a restart is a second call."""
    made: list[IngestService] = []
    db = Database(f"sqlite:///{tmp_path / 'meta.db'}")
    db.migrate()

    def make() -> IngestService:
        lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
        service = IngestService(db, lake, tmp_path / "wal", Access())
        made.append(service)
        return service

    yield make
    for service in made:
        service.stop(drain_timeout=5)
    db.dispose()
