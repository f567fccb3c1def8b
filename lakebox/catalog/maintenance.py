"""Keeping the curated zone clean: a scheduler tick that removes what no table owns.

A CREATE TABLE AS SELECT writes its data files before its one commit; if its process dies
between the two, the files stay behind, read by nothing. Once an hour (and at the first tick
after a start) the leading server removes table folders that belong to no Iceberg table and
whose every file is older than an hour (so a table being created elsewhere is never touched).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any

from lakebox.catalog.iceberg import IcebergTables

log = logging.getLogger(__name__)


class CuratedMaintenance:
    def __init__(
        self, iceberg: IcebergTables, every_s: float = 3600.0, min_age_s: float = 3600.0
    ) -> None:
        self.iceberg = iceberg
        self.every_s = every_s
        self.min_age_s = min_age_s
        self._last = float("-inf")

    def __call__(self, scheduler: Any, now: datetime) -> None:
        if time.monotonic() - self._last < self.every_s:
            return
        self._last = time.monotonic()
        removed = self.iceberg.remove_orphan_tables(self.min_age_s)
        if removed:
            log.warning("removed files no table owns (an interrupted CTAS): %s", removed)
