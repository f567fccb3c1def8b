"""Keeping the curated zone clean: a scheduler tick that removes what no table reads.

A write into an Iceberg table writes its files before its one commit; if its process dies
between the two, the files stay behind, read by nothing: a whole table folder for a CREATE
TABLE AS SELECT, data and metadata files inside the table's folder for an INSERT INTO. Once an
hour (and at the first tick after a start) the leading server removes both once they are older
than an hour, so a commit in progress elsewhere is never touched (see ``orphans.py``).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any

from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.orphans import remove_orphans

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
        swept = remove_orphans(self.iceberg, self.min_age_s)
        if swept.folders:
            log.warning("removed files no table owns (an interrupted CTAS): %s", swept.folders)
        if swept.files:
            log.warning(
                "removed %d files no table's metadata references (interrupted writes)",
                len(swept.files),
            )
