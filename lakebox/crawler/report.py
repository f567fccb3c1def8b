"""What one crawl did, kept as crawl history and printed by `lakebox crawlers run`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class CrawlReport:
    mode: str = "full"  # full | events
    objects_seen: int = 0
    objects_read: int = 0
    tables_created: list[str] = field(default_factory=list)
    tables_updated: list[str] = field(default_factory=list)
    tables_deprecated: list[str] = field(default_factory=list)
    tables_deleted: list[str] = field(default_factory=list)
    partitions_added: int = 0
    partitions_removed: int = 0
    schema_changes: list[dict[str, Any]] = field(default_factory=list)  # {table, change, applied}
    objects_skipped: list[dict[str, str]] = field(default_factory=list)  # {key, reason}
    notes: list[str] = field(default_factory=list)  # e.g. why a folder became several tables
    error: str | None = None

    def skip(self, key: str, reason: str) -> None:
        self.objects_skipped.append({"key": key, "reason": reason})

    def as_json(self) -> dict[str, Any]:
        return asdict(self)
