"""A crawler's settings, named as Glue names them where Glue has the same setting."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import orjson

from lakebox.catalog.service import NAME_RE
from lakebox.errors import InvalidArgument

UpdateBehavior = Literal["UPDATE_IN_DATABASE", "LOG"]
DeleteBehavior = Literal["DEPRECATE_IN_DATABASE", "DELETE_FROM_DATABASE", "LOG"]
UPDATE_BEHAVIORS = ("UPDATE_IN_DATABASE", "LOG")
DELETE_BEHAVIORS = ("DEPRECATE_IN_DATABASE", "DELETE_FROM_DATABASE", "LOG")


@dataclass(frozen=True)
class CrawlerSettings:
    name: str
    prefixes: list[str]
    database: str
    table_prefix: str = ""
    schedule: str = ""  # cron expression (UTC); empty: run on demand only
    events: bool = False  # event mode: crawl new objects as their ObjectCreated events arrive
    update_behavior: str = "UPDATE_IN_DATABASE"
    delete_behavior: str = "DEPRECATE_IN_DATABASE"
    sample_bytes: int = 64 * 1024  # read at most this much from the start of a JSON/CSV object
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not NAME_RE.fullmatch(self.name.replace("-", "_")):
            raise InvalidArgument(
                f"crawler name {self.name!r} must be lower-case letters, digits, '_' or '-'"
            )
        if not self.prefixes:
            raise InvalidArgument("a crawler needs at least one --prefix")
        from lakebox.crawler.layout import normalize_prefix
        from lakebox.storage.areas import internal_area

        for prefix in self.prefixes:
            if not isinstance(prefix, str) or "\x00" in prefix:
                raise InvalidArgument(f"prefix {prefix!r} must be text without NUL characters")
            if any(part in (".", "..") for part in prefix.split("/")):
                raise InvalidArgument(
                    f"prefix {prefix!r} has '.' or '..' segments: prefixes name folders of "
                    "the lake, from its root"
                )
            area = internal_area(normalize_prefix(prefix))
            if area is not None:
                raise InvalidArgument(
                    f"prefix {prefix!r} is inside {area}, which lakebox keeps for itself "
                    "(query results, Iceberg tables' files); crawl raw data instead"
                )
        if not NAME_RE.fullmatch(self.database):
            raise InvalidArgument(f"database name {self.database!r} is not valid")
        if self.update_behavior not in UPDATE_BEHAVIORS:
            raise InvalidArgument(
                f"update behavior {self.update_behavior!r}; choose {' or '.join(UPDATE_BEHAVIORS)}"
            )
        if self.delete_behavior not in DELETE_BEHAVIORS:
            raise InvalidArgument(
                f"delete behavior {self.delete_behavior!r}; choose {', '.join(DELETE_BEHAVIORS)}"
            )
        if not 1024 <= self.sample_bytes <= 64 * 1024 * 1024:
            raise InvalidArgument("sample_bytes must be between 1 KiB and 64 MiB")
        if self.schedule:
            from croniter import croniter

            if not croniter.is_valid(self.schedule):
                raise InvalidArgument(
                    f"schedule {self.schedule!r} is not a cron expression "
                    "(minute hour day-of-month month day-of-week, e.g. '0 * * * *')"
                )

    def to_json(self) -> str:
        return orjson.dumps(asdict(self)).decode()

    @classmethod
    def from_json(cls, text: str) -> CrawlerSettings:
        return cls(**orjson.loads(text))
