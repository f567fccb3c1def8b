"""Fixtures of the crawler's tests: a local lake, its crawlers, and a query engine over them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakebox.auth.access import Access
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.storage import Lake, LocalStore, ObjectEvents


@pytest.fixture
def lake(db: Database, tmp_path: Path) -> Lake:
    return Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))


@pytest.fixture
def crawlers(db: Database, lake: Lake) -> Crawlers:
    return Crawlers(db, Catalog(db), lake.store, lake.events)


@pytest.fixture
def engine(db: Database, lake: Lake, crawlers: Crawlers, tmp_path: Path) -> QueryEngine:
    iceberg = IcebergTables(db, crawlers.catalog, lake.store)
    return QueryEngine(
        crawlers.catalog, iceberg, lake.store, Access(), tmp_path / "spill", memory_limit="1GB"
    )
