"""DuckDB extensions, loaded from their Python wheels (``duckdb-extension-<name>``): nothing is
downloaded at run time, and the version always matches DuckDB's."""

from __future__ import annotations

import importlib
import importlib.resources
from pathlib import Path


def extension_file(name: str) -> Path:
    """The extension file of DuckDB's extension ``name`` (``httpfs``, ``spatial``)."""
    import duckdb

    wheel = importlib.import_module(f"duckdb_extension_{name}")
    folder = Path(str(importlib.resources.files(wheel))) / "extensions"
    return folder / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"


def load_statement(name: str) -> str:
    """``LOAD '<file>'`` for the extension ``name``."""
    path = str(extension_file(name)).replace("'", "''")
    return f"LOAD '{path}'"
