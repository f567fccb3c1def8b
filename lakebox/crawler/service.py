"""Crawlers (Glue crawlers): keep the catalog's tables following the data in the lake.

A full crawl lists every object under the crawler's prefixes and reads a bounded sample of each
(Parquet footers only). An event crawl reads only the objects whose ObjectCreated events came
after the crawler's last position, so its cost grows with the new data, not with history.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import socket
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from lakebox.auth.access import SYSTEM
from lakebox.catalog.schema import FILE_COLUMNS, Column, diff, merge
from lakebox.catalog.service import Catalog, CatalogTable, Partition, TableDefinition
from lakebox.catalog.types import finalize, names_problem, parse, render
from lakebox.crawler.grouping import TablePlan, plan_tables, similar
from lakebox.crawler.infer import BadObject, ObjectSchema
from lakebox.crawler.layout import Placement, normalize_prefix, place
from lakebox.crawler.readers import ObjectReader
from lakebox.crawler.report import CrawlReport
from lakebox.crawler.settings import CrawlerSettings
from lakebox.crawler.tables import crawlers
from lakebox.errors import AlreadyExists, CommitConflict, InvalidArgument, LakeboxError, NotFound
from lakebox.meta.database import Database
from lakebox.runs import Run, RunControl, RunFailed, Runs
from lakebox.storage.areas import internal_area
from lakebox.storage.base import ObjectInfo, ObjectStore
from lakebox.storage.events import ObjectEvents
from lakebox.storage.local import LocalStore

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (objects done, objects total)


KIND = "crawl"
# A crawl whose process died is run again: a full crawl is idempotent (it makes the catalog
# look like the data); an event crawl's rerun crawls in full instead (see execute).
MAX_ATTEMPTS = 3
# Table properties telling queries which files under the table's location are its own:
# `skipped_files` (unreadable at crawl time) are left out; `files`, kept only for tables split
# from others in one folder, lists the files that are the table's (see _apply).
SKIPPED_FILES = "skipped_files"
OWN_FILES = "files"
MAX_SKIPPED_FILES = 10_000
MAX_SPLIT = 32  # numbered tables split from one folder that an event crawl looks for
LINK_REASON = "a symbolic link: links are not objects and are never followed"


@dataclass(frozen=True)
class CrawlRun:
    """A run of kind ``crawl`` (see lakebox/runs), as crawlers report it."""

    id: str
    crawler: str
    mode: str
    state: str  # QUEUED | RUNNING | SUCCEEDED | FAILED | CANCELLED
    started_at: datetime
    finished_at: datetime | None
    report: dict[str, Any]

    @classmethod
    def of(cls, run: Run) -> CrawlRun:
        mode = str(run.params.get("mode", "full"))
        report = (run.result or {}).get("report") or CrawlReport(mode=mode).as_json()
        if run.reason and not report.get("error"):
            report = {**report, "error": run.reason}
        return cls(
            id=run.id,
            crawler=run.subject or "",
            mode=mode,
            state=run.state,
            started_at=run.started_at or run.submitted_at,
            finished_at=run.finished_at,
            report=report,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "crawler": self.crawler,
            "mode": self.mode,
            "state": self.state,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "report": self.report,
        }


class Crawlers:
    def __init__(self, db: Database, catalog: Catalog, store: ObjectStore, events: ObjectEvents):
        self.db = db
        self.catalog = catalog
        self.store = store
        self.events = events
        self.reader = ObjectReader(store)
        self.runs = Runs(db)
        # Crawls run in this thread by `run` are held under this owner name; a process that
        # dies with one leaves it to recovery once the lease runs out.
        self.inline_owner = f"inline:{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def close(self) -> None:
        """Stop the worker processes of large crawls, if any were started."""
        self.reader.close()

    # -- definitions --------------------------------------------------------------------------

    def create(self, settings: CrawlerSettings) -> CrawlerSettings:
        self.catalog.ensure_database(settings.database)
        # Event mode starts from now: a full crawl covers what is already there.
        position = self.latest_event_id()
        try:
            with self.db.begin() as conn:
                conn.execute(
                    insert(crawlers).values(
                        name=settings.name,
                        settings=settings.to_json(),
                        last_event_id=position,
                        created_at=datetime.now(UTC),
                    )
                )
        except IntegrityError:
            raise AlreadyExists(f"crawler {settings.name!r} already exists") from None
        return settings

    def get(self, name: str) -> CrawlerSettings:
        with self.db.begin() as conn:
            row = conn.execute(select(crawlers).where(crawlers.c.name == name)).first()
            if row is None:
                known = list(conn.scalars(select(crawlers.c.name).order_by(crawlers.c.name)))
                hint = f"; crawlers: {', '.join(known)}" if known else "; no crawlers yet"
                raise NotFound(f"crawler {name!r} not found{hint}")
        return CrawlerSettings.from_json(row.settings)

    def all(self) -> list[CrawlerSettings]:
        with self.db.begin() as conn:
            rows = conn.execute(select(crawlers).order_by(crawlers.c.name)).all()
        return [CrawlerSettings.from_json(r.settings) for r in rows]

    def delete(self, name: str) -> None:
        self.get(name)
        with self.db.begin() as conn:
            conn.execute(delete(crawlers).where(crawlers.c.name == name))

    def history(self, name: str, limit: int = 20) -> list[CrawlRun]:
        """The crawler's latest runs, newest first."""
        self.get(name)
        return [CrawlRun.of(r) for r in self.runs.latest(KIND, subject=name, limit=limit)]

    def run_record(self, run_id: str) -> CrawlRun:
        run = self.runs.get(run_id, noun="crawl run")
        if run.kind != KIND:  # another kind's run is none of a crawl run's business
            raise NotFound(f"crawl run {run_id!r} not found")
        return CrawlRun.of(run)

    def latest_event_id(self) -> int:
        """The event log's head: a position safe to start from (see ObjectEvents.head)."""
        return self.events.head()

    def position(self, name: str) -> int:
        with self.db.begin() as conn:
            return int(
                conn.scalar(select(crawlers.c.last_event_id).where(crawlers.c.name == name)) or 0
            )

    def _set_position(self, name: str, position: int) -> None:
        with self.db.begin() as conn:
            conn.execute(
                update(crawlers).where(crawlers.c.name == name).values(last_event_id=position)
            )

    # -- runs ---------------------------------------------------------------------------------

    def run(self, name: str, mode: str = "full", progress: Progress | None = None) -> CrawlRun:
        """Crawl now, in this thread, recorded as a run of lakebox's own (the server's crawls go
        through the run layer's workers instead; see ``execute``)."""
        self.get(name)
        _check_mode(mode)
        run = self.runs.submit(
            KIND,
            SYSTEM,
            {"mode": mode},
            subject=name,
            exclusive=True,
            owner=self.inline_owner,
            lease_s=24 * 3600.0,
        )
        report = self.crawl(name, mode, progress)
        finished = self.runs.finish(
            run,
            self.inline_owner,
            "FAILED" if report.error else "SUCCEEDED",
            result={"report": report.as_json()},
            reason=report.error,
        )
        return CrawlRun.of(finished or self.runs.get(run.id))

    def execute(self, run: Run, control: RunControl) -> dict[str, Any]:
        """The run layer's executor for crawl runs."""

        def progress(done: int, total: int) -> None:
            if control.stopping:  # cancelled or out of time: stop between objects
                raise LakeboxError("stopped")
            control.progress.update(done=done, total=total)

        mode = str(run.params.get("mode", "full"))
        if mode == "events" and run.attempt > 1:
            # An earlier attempt died, maybe after applying some of its tables: an event crawl
            # adds counts, so reapplying them would count those objects twice. A full crawl
            # sets every table and partition from what is there, and moves the position on.
            report = self.crawl(run.subject or "", "full", progress)
            report.notes.append(
                f"attempt {run.attempt}: the earlier attempt of this event crawl stopped with "
                "its server, so this one crawled in full (exact counts, nothing counted twice)"
            )
        else:
            report = self.crawl(run.subject or "", mode, progress)
        if report.error:
            raise RunFailed(report.error, {"report": report.as_json()})
        return {"report": report.as_json()}

    def crawl(self, name: str, mode: str = "full", progress: Progress | None = None) -> CrawlReport:
        """Crawl now; whatever goes wrong is in the report's ``error``, named."""
        report = CrawlReport(mode=mode)
        try:
            _check_mode(mode)
            settings = self.get(name)
            if mode == "full":
                self._full(settings, report, progress or (lambda _d, _t: None))
            else:
                self._incremental(settings, report, progress or (lambda _d, _t: None))
            if report.objects_skipped and not report.objects_read:
                # Nothing it looked at could be read: not a success, whatever else it did
                # (an event crawl still moved past those objects).
                n = len(report.objects_skipped)
                first = report.objects_skipped[0]
                report.error = (
                    f"read none of the {n} object(s) it found: {first['key']}: "
                    f"{first['reason']}"
                    + (f" (and {n - 1} more, listed with their reasons)" if n > 1 else "")
                )
        except Exception as exc:
            report.error = (
                str(exc) if isinstance(exc, LakeboxError) else f"{type(exc).__name__}: {exc}"
            )
            log.exception("crawler %s failed", name)
        return report

    def _read(
        self,
        settings: CrawlerSettings,
        objects: list[tuple[str, ObjectInfo]],
        report: CrawlReport,
        progress: Progress,
    ) -> list[tuple[ObjectSchema, Placement]]:
        read: list[tuple[ObjectSchema, Placement]] = []
        total = len(objects)
        progress(0, total)
        prefix_of = {info.key: prefix for prefix, info in objects}
        results = self.reader.read(
            [info for _, info in objects], settings.sample_bytes, lambda done: progress(done, total)
        )
        for info, result in results:
            if isinstance(result, BadObject):
                report.skip(result.key, result.reason)
            else:
                report.objects_read += 1
                read.append((result, place(prefix_of[info.key], info.key)))
        return read

    def _candidates(
        self, settings: CrawlerSettings, keys: Iterable[ObjectInfo]
    ) -> list[tuple[str, ObjectInfo]]:
        """Objects under the crawler's prefixes, without marker and hidden files."""
        prefixes = [normalize_prefix(p) for p in settings.prefixes]
        out = []
        for info in keys:
            prefix = next((p for p in prefixes if info.key.startswith(p)), None)
            if prefix is None:
                continue
            base = info.key.rsplit("/", 1)[-1]
            if base.startswith(("_", ".")):
                continue  # _SUCCESS, .crc and the like are not data
            if internal_area(info.key) is not None:
                continue  # others' query results, Iceberg tables' files: not raw data
            out.append((prefix, info))
        return out

    def _full(self, settings: CrawlerSettings, report: CrawlReport, progress: Progress) -> None:
        position = self.latest_event_id()
        listed: list[ObjectInfo] = []
        for prefix in settings.prefixes:
            listed.extend(self.store.list(normalize_prefix(prefix)))
            if isinstance(self.store, LocalStore):  # links: never objects (storage.md)
                for key in self.store.links(normalize_prefix(prefix)):
                    hidden = key.rsplit("/", 1)[-1].startswith(("_", "."))
                    if not hidden and internal_area(key) is None:  # as _candidates passes by
                        report.skip(key, LINK_REASON)
        present: set[str] = set()
        plans = self._plan(settings, listed, report, progress)
        shared = Counter(plan.location for plan in plans)
        skipped_keys = sorted(s["key"] for s in report.objects_skipped)  # once, not per table
        for plan in plans:
            name = settings.table_prefix + plan.name
            present.add(name)
            self._apply(
                settings,
                plan,
                name,
                report,
                full=True,
                split=shared[plan.location] > 1,
                skipped_keys=skipped_keys,
            )
        # A table whose folder still holds objects, even only unreadable ones, has not vanished.
        still_there = [s["key"] for s in report.objects_skipped]
        self._vanished(settings, present, report, still_there)
        self._set_position(settings.name, position)

    def _plan(
        self,
        settings: CrawlerSettings,
        infos: list[ObjectInfo],
        report: CrawlReport,
        progress: Progress,
    ) -> list[TablePlan]:
        """Read the crawler's objects among ``infos`` and group them into tables."""
        objects = self._candidates(settings, infos)
        report.objects_seen = len(objects)
        read = self._read(settings, objects, report, progress)
        skipped: list[tuple[str, str]] = []
        plans = plan_tables(read, skipped, report.notes)
        for key, reason in skipped:
            report.skip(key, reason)
        return plans

    def _incremental(
        self, settings: CrawlerSettings, report: CrawlReport, progress: Progress
    ) -> None:
        from lakebox.catalog.iceberg import ICEBERG_EVENT_SOURCE

        position = self.position(settings.name)
        infos: list[ObjectInfo] = []
        while True:
            page = self.events.read(position, limit=5000)
            if not page.events:
                break
            position = page.position
            # Data files of Iceberg tables are not raw tables: their tables are catalogued
            # when they commit (and they lie in the warehouse, which crawlers pass by).
            infos += [
                ObjectInfo(e.key, e.size, e.etag, e.event_time)
                for e in page.events
                if not e.source.startswith(ICEBERG_EVENT_SOURCE)
            ]
        # An object written twice (redelivery) is read once, at its newest version.
        unique = list({i.key: i for i in infos}.values())
        plans = self._plan(settings, unique, report, progress)
        shared = Counter(plan.location for plan in plans)
        split = self._split_tables(settings, plans)
        skipped_keys = sorted(s["key"] for s in report.objects_skipped)
        for plan in plans:
            # A new object in a folder split into tables goes to the table it resembles.
            siblings = split.get(plan.location)
            own = _sibling_for(plan, siblings) if siblings else None
            name = own or settings.table_prefix + plan.name
            self._apply(
                settings,
                plan,
                name,
                report,
                full=False,
                split=bool(siblings) or shared[plan.location] > 1,
                skipped_keys=skipped_keys,
            )
        self._skipped_elsewhere(settings, {plan.location for plan in plans}, report)
        self._set_position(settings.name, position)

    def _split_tables(
        self, settings: CrawlerSettings, plans: list[TablePlan]
    ) -> dict[str, list[CatalogTable]]:
        """This crawler's tables split by number from others in the folders of ``plans`` (those
        listing their own files), by location: an event crawl sees only new objects, so its
        own grouping cannot tell which of them a new object belongs to. Looked up by name in
        one query (``<name>_1`` .. ``_32``), so an event crawl's cost does not grow with the
        database's tables."""
        bases = {re.sub(r"_\d+$", "", settings.table_prefix + plan.name) for plan in plans}
        names = [
            (settings.database, f"{base}_{n}") for base in bases for n in range(1, MAX_SPLIT + 1)
        ]
        locations = {plan.location for plan in plans}
        out: dict[str, list[CatalogTable]] = {}
        for table in self.catalog.lookup(names).values():
            d = table.definition
            if (
                d.location in locations
                and OWN_FILES in d.properties
                and d.properties.get("crawler") == settings.name
            ):
                out.setdefault(d.location, []).append(table)
        return out

    def _skipped_elsewhere(
        self, settings: CrawlerSettings, applied: set[str], report: CrawlReport
    ) -> None:
        """Record an event crawl's bad objects in the tables they lie under when no object of
        this crawl was applied there (those were recorded by _apply): without it the table's
        queries would read them, and fail, until the next full crawl."""
        keys = [
            s["key"]
            for s in report.objects_skipped
            if not any(s["key"].startswith(location) for location in applied)
        ]
        if not keys:
            return
        try:
            tables = self.catalog.tables(settings.database)
        except NotFound:
            return
        for table in tables:
            location = table.definition.location
            if table.definition.properties.get("crawler") != settings.name:
                continue
            if table.definition.format in ("iceberg", "view"):
                continue
            under = {k for k in keys if k.startswith(location)}
            if under:
                self._add_skipped(settings, table, under)

    def _add_skipped(self, settings: CrawlerSettings, table: CatalogTable, keys: set[str]) -> None:
        """Add ``keys`` to the table's skipped files, nothing else changed."""

        def define(existing: CatalogTable | None) -> TableDefinition:
            if existing is None or existing.definition.location != table.definition.location:
                raise _Elsewhere(existing or table)  # dropped or remade meanwhile: leave it
            props = dict(existing.definition.properties)
            skipped = sorted(set(props.get(SKIPPED_FILES, [])) | keys)
            props[SKIPPED_FILES] = skipped[:MAX_SKIPPED_FILES]
            return replace(existing.definition, properties=props)

        try:
            self.catalog.put_table(
                settings.database, table.name, define, source=f"crawler:{settings.name}"
            )
        except _Elsewhere:
            return

    def _apply(
        self,
        settings: CrawlerSettings,
        plan: TablePlan,
        name: str,
        report: CrawlReport,
        *,
        full: bool,
        split: bool = False,
        skipped_keys: list[str] | None = None,
    ) -> None:
        new_types = {k: finalize(t) for k, t in plan.columns.items()}
        # Which files under the location queries leave out (unreadable now) and, for a table
        # split from others in one folder, which are its own: a table reads exactly its own
        # readable files, and new files under an unsplit table's folder are still read at once.
        read_keys = {schema.key for schema, _ in plan.objects}
        if skipped_keys is None:
            skipped_keys = sorted(s["key"] for s in report.objects_skipped)
        at = bisect.bisect_left(skipped_keys, plan.location)
        skipped_here: list[str] = []
        while at < len(skipped_keys) and skipped_keys[at].startswith(plan.location):
            skipped_here.append(skipped_keys[at])
            at += 1
        partition_keys = [Column(k, "string") for k in plan.partition_keys]
        # A data column named as a partition key (country=nl/ folders over records that hold
        # their country, as delivery streams partitioned by a record's field write them): the
        # table has one such column, the partition key, whose value is the folder's (as in
        # Hive, Spark and DuckDB's hive partitioning); Athena would refuse the duplicate.
        keys = {k.lower(): k for k in plan.partition_keys}
        shadowed = [n for n in new_types if n.lower() in keys]
        for column in shadowed:
            report.notes.append(
                f"{settings.database}.{name}: the data's column {column} is also the partition "
                f"key {keys[column.lower()]}: the table has one, the partition key, whose value "
                "is the folder's (name the folders otherwise to keep both)"
            )
        totals: dict[tuple[str, ...], list[Any]] = {}
        for schema, placement in plan.objects:
            entry = totals.setdefault(placement.values, [_partition_folder(placement), 0, 0])
            entry[1] += 1
            entry[2] += schema.size
        partitions = [Partition(v, loc, n, size) for v, (loc, n, size) in totals.items()]
        objects = sum(p.object_count for p in partitions)
        size = sum(p.bytes for p in partitions)
        crawled_at = datetime.now(UTC).isoformat()

        def columns_over(existing: CatalogTable | None) -> list[Column]:
            if existing is None or full:
                return [Column(k, render(t)) for k, t in new_types.items()]
            try:
                merged = merge(existing.definition.columns, new_types)
            except InvalidArgument:
                # A type string written before field names were quoted, broken by a name
                # such as `x>,y:int`: what this crawl saw replaces it.
                return [Column(k, render(t)) for k, t in new_types.items()]
            problem = names_problem((c.name, parse(c.type)) for c in merged)
            if problem is not None:  # e.g. a new column `A` beside the table's `a`
                raise _Clash(problem)
            return merged

        def define(existing: CatalogTable | None) -> TableDefinition:
            # Run on the table as it is at the commit (again if another writer commits
            # first): the checks, the merged columns and the added counts all hold for what
            # is committed, never for an earlier read.
            if existing is not None and existing.definition.location != plan.location:
                raise _Elsewhere(existing)
            if existing is not None and settings.update_behavior == "LOG":
                raise _LogOnly(existing)
            props: dict[str, Any] = dict(existing.definition.properties) if existing else {}
            if full or existing is None:
                props.update(object_count=objects, bytes=size)
            else:
                props.update(
                    object_count=props.get("object_count", 0) + objects,
                    bytes=props.get("bytes", 0) + size,
                )
            props.update(crawler=settings.name, last_crawl=crawled_at)
            if full or existing is None:
                skipped = skipped_here
                own = sorted(read_keys) if split else None
            else:  # an event crawl: what it read is readable now, what it skipped is not
                skipped = sorted(
                    (set(props.get(SKIPPED_FILES, [])) - read_keys) | set(skipped_here)
                )
                # Only a table that already lists its files lists the new ones: starting a list
                # now would hide the files crawled before.
                own = sorted(set(props[OWN_FILES]) | read_keys) if OWN_FILES in props else None
            props.pop(SKIPPED_FILES, None)
            props.pop(OWN_FILES, None)
            if skipped:
                props[SKIPPED_FILES] = skipped[:MAX_SKIPPED_FILES]
            if own is not None:
                props[OWN_FILES] = own
            if plan.rows is not None:
                props["row_estimate"] = (
                    plan.rows
                    if full or existing is None
                    else props.get("row_estimate", 0) + plan.rows
                )
            return TableDefinition(
                location=plan.location,
                format=plan.format,
                columns=[c for c in columns_over(existing) if c.name.lower() not in keys],
                partition_keys=partition_keys,
                compression=plan.compression,
                format_options=_file_columns(plan, new_types, shadowed),
                properties=props,
            )

        qualified = f"{settings.database}.{name}"
        try:
            update_ = self.catalog.put_table(
                settings.database, name, define, source=f"crawler:{settings.name}"
            )
        except _Elsewhere as elsewhere:
            report.notes.append(
                f"table {name} already exists for {elsewhere.table.definition.location}; "
                f"objects under {plan.location} were not added to it"
            )
            for schema, _ in plan.objects:
                report.skip(schema.key, f"table {name} belongs to another location")
            return
        except _Clash as clash:
            for schema, _ in plan.objects:
                report.skip(schema.key, f"{clash.problem} (with the columns of table {name})")
            self._add_skipped(
                settings,
                self.catalog.table(settings.database, name),
                {s.key for s, _ in plan.objects},
            )
            return
        except _LogOnly as logged:
            table = logged.table
            try:
                logged_columns = columns_over(table)
            except _Clash as clash:  # nothing is written: only said
                logged_columns = table.definition.columns
                report.notes.append(f"table {qualified}: {clash.problem}")
            for change in diff(
                table.definition.columns + table.definition.partition_keys,
                logged_columns + partition_keys,
            ):
                report.schema_changes.append(
                    {"table": qualified, "change": change.describe(), "applied": False}
                )
        else:
            # From what was committed: the last run of ``define`` decided it.
            table = update_.table
            (report.tables_created if update_.created else report.tables_updated).append(qualified)
            if not update_.created:
                for change in update_.changes:
                    report.schema_changes.append(
                        {"table": qualified, "change": change.describe(), "applied": True}
                    )
        report.partitions_added += self.catalog.put_partitions(table, partitions, replace=full)
        if full and plan.partition_keys:
            unreadable = [s["key"] for s in report.objects_skipped]
            report.partitions_removed += self.catalog.remove_partitions(
                table, set(totals), unreadable
            )

    def _vanished(
        self,
        settings: CrawlerSettings,
        present: set[str],
        report: CrawlReport,
        still_there: list[str],
    ) -> None:
        """Tables this crawler made whose data is gone, handled by the delete behavior."""
        try:
            tables = self.catalog.tables(settings.database)
        except NotFound:
            return
        for table in tables:
            if table.name in present or table.definition.properties.get("crawler") != settings.name:
                continue
            if any(key.startswith(table.definition.location) for key in still_there):
                report.notes.append(
                    f"table {settings.database}.{table.name} kept as it was: its objects could "
                    "not be read this time (see the skipped objects)"
                )
                continue
            qualified = f"{settings.database}.{table.name}"
            try:
                if settings.delete_behavior == "DELETE_FROM_DATABASE":
                    self.catalog.drop_table(table)
                    report.tables_deleted.append(qualified)
                elif settings.delete_behavior == "DEPRECATE_IN_DATABASE":
                    if table.status != "deprecated":
                        self.catalog.set_status(table, "deprecated")
                        report.tables_deprecated.append(qualified)
                else:
                    report.notes.append(f"the data of table {qualified} is gone (logged only)")
            except CommitConflict as exc:
                # Someone changed the table since this crawl read it (another crawl, a CTAS):
                # leave it to them; the next crawl sees it afresh.
                report.notes.append(f"table {qualified} left as it is: {exc.message}")


class _Elsewhere(Exception):
    """The table of a crawl's name is there for another location: left as it is."""

    def __init__(self, table: CatalogTable) -> None:
        super().__init__(table.name)
        self.table = table


class _Clash(Exception):
    """An event crawl's columns and the table's have names no query can tell apart."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _LogOnly(Exception):
    """The table exists and the crawler only logs schema changes: nothing is written to it."""

    def __init__(self, table: CatalogTable) -> None:
        super().__init__(table.name)
        self.table = table


def _sibling_for(plan: TablePlan, siblings: list[CatalogTable]) -> str:
    """The name of the split table an event crawl's objects belong to: the one of their
    format sharing the most column names (as grouping decides), else a new number."""
    columns = set(plan.columns)
    best: tuple[float, str] | None = None
    for table in siblings:
        d = table.definition
        theirs = {c.name for c in d.columns}
        if d.format != plan.format or not similar(theirs, columns):
            continue
        score = len(theirs & columns) / max(1, len(theirs | columns))
        if best is None or score > best[0]:
            best = (score, table.name)
    if best is not None:
        return best[1]
    names = {t.name for t in siblings}
    base = re.sub(r"_\d+$", "", siblings[0].name)
    number = len(siblings) + 1
    while f"{base}_{number}" in names:
        number += 1
    return f"{base}_{number}"


def _partition_folder(placement: Placement) -> str:
    return placement.folder


def _check_mode(mode: str) -> None:
    if mode not in ("full", "events"):
        raise InvalidArgument(f"crawl mode {mode!r}; use full or events")


def _file_columns(plan: TablePlan, types: dict[str, Any], shadowed: list[str]) -> dict[str, Any]:
    """The plan's format options; a CSV table whose data has a column the partition key
    shadows also lists its files' columns in order (a CSV reader maps columns by position)."""
    options = dict(plan.format_options)
    if shadowed and plan.format == "csv":
        options[FILE_COLUMNS] = [[n, render(t)] for n, t in types.items()]
    return options
