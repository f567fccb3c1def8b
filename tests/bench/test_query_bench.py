"""bench/query.py at a small scale: the 22 TPC-H queries give the same rows through lakebox
(raw Parquet written by lakebox, the same files copied in by another tool, Iceberg tables) as
through raw DuckDB, and the benchmark reports its figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_tpch_through_lakebox_matches_duckdb() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "query.py"), "--scale", "0.01", "--rounds", "1",
         "--athena-samples", "3"],
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:] + out.stdout[-3000:]
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["queries"] == list(range(1, 23))
    assert set(figures["seconds"]) == {
        "raw_duckdb",
        "lakebox",
        "lakebox_iceberg",
        "duckdb_iceberg_scan",
        "lakebox_copied",
    }
    assert all(len(v) == 22 for v in figures["seconds"].values())
    assert figures["ratio"] > 0 and figures["ratio_iceberg"] > 0
    # the side over files another tool copied in is compared and held to the same target
    assert figures["ratio_copied"] > 0 and figures["targets"]["ratio_copied"] == 1.10
    assert "lakebox over copied-in files / raw" in out.stdout
    assert figures["ratio_duckdb_iceberg_scan"] > 0
    assert 0 < figures["athena_round_trip_ms"] < 5000
