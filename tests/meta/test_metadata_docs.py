"""docs/metadata.md names every table the migrations create."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from lakebox.meta.database import Database
from tests.conftest import ROOT


def test_every_table_is_documented(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'lakebox.db'}")
    db.migrate()
    tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    db.dispose()
    text = (ROOT / "docs" / "metadata.md").read_text()
    missing = sorted(t for t in tables if f"`{t}`" not in text)
    assert tables and not missing, f"docs/metadata.md does not describe: {missing}"
