"""Query executions (Athena's StartQueryExecution & co.): runs of kind ``query``.

A query is a run in the run layer (``lakebox/runs``): submitted QUEUED, claimed by a worker of
any process sharing the metadata database, ended SUCCEEDED | FAILED | CANCELLED with the
reason, whatever fails and whenever a process dies (a query whose process died fails with
"server stopped while running"; it is not run again). Results are written to the lake as CSV
(as Athena writes it: a header row, every value quoted, NULL empty) and Parquet, and fetched
page by page.
"""

from __future__ import annotations

import asyncio
import io
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lakebox.auth.access import Access, Principal, Resource
from lakebox.errors import (
    AccessDenied,
    InvalidArgument,
    LakeboxError,
    NotFound,
    ServiceUnavailable,
)
from lakebox.query.dialects import DIALECTS
from lakebox.query.engine import QueryEngine
from lakebox.query.result_types import ResultType, for_files, of_duckdb, refine, to_json, types_of
from lakebox.query.statements import Prepared, prepare
from lakebox.runs import Run, RunControl, RunKind, Runs, RunState, RunWorkers
from lakebox.storage.areas import QUERY_RESULTS
from lakebox.storage.lake import Lake

log = logging.getLogger(__name__)

KIND = "query"
RESULTS_PREFIX = QUERY_RESULTS
MAX_PAGE = 1000
MAX_PAGE_BYTES = 16 * 1024 * 1024  # a page of rows as Arrow data; its JSON is of that order
_WRITE_ROWS = 64 * 1024  # rows written at a time: a stop is noticed between them
_PREPARED_KEPT = 256  # parses kept for this process's workers


@dataclass(frozen=True)
class QueryExecution:
    id: str
    sql: str
    dialect: str
    default_database: str | None
    state: RunState
    submitted_by: str
    submitter: str
    submitted_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    engine_ms: float | None
    rows: int | None
    bytes_scanned: int | None
    columns: list[dict[str, str]] | None
    error: str | None
    result_key: str | None

    @classmethod
    def of(cls, run: Run) -> QueryExecution:
        result = run.result or {}
        return cls(
            id=run.id,
            sql=run.params["sql"],
            dialect=run.params["dialect"],
            default_database=run.params.get("database"),
            state=run.state,
            submitted_by=run.principal_id,
            submitter=run.principal_name,
            submitted_at=run.submitted_at,
            started_at=run.started_at,
            completed_at=run.finished_at,
            engine_ms=result.get("engine_ms"),
            rows=result.get("rows"),
            bytes_scanned=result.get("bytes_scanned"),
            columns=result.get("columns"),
            error=run.reason,
            result_key=result.get("result_key"),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sql": self.sql,
            "dialect": self.dialect,
            "state": self.state,
            "submitted_by": self.submitter,
            "submitted_at": self.submitted_at.isoformat(),
            "started_at": self.started_at.isoformat() if self.started_at else None,
            "completed_at": self.completed_at.isoformat() if self.completed_at else None,
            "engine_ms": self.engine_ms,
            "rows": self.rows,
            "bytes_scanned": self.bytes_scanned,
            "columns": self.columns,
            "error": self.error,
            "results": {
                "csv": f"{self.result_key}.csv",
                "parquet": f"{self.result_key}.parquet",
            }
            if self.result_key
            else None,
        }


class QueryService:
    def __init__(
        self,
        runs: Runs,
        workers: RunWorkers,
        engine: QueryEngine,
        lake: Lake,
        access: Access,
        principals: Callable[[str], Principal],
        max_concurrent: int = 2,
        timeout_s: float = 600.0,
        limit_per_key: int = 10,
        page_max_bytes: int = MAX_PAGE_BYTES,
    ) -> None:
        self.runs = runs
        self.workers = workers
        self.engine = engine
        self.lake = lake
        self.access = access
        # principal id → the principal as it is now (a key revoked since submitting fails)
        self.principals = principals
        self.timeout_s = timeout_s
        self.limit_per_key = limit_per_key
        self.page_max_bytes = page_max_bytes
        self._prepared: dict[str, Prepared] = {}  # run id → its parse at submit
        self._prepared_lock = threading.Lock()
        workers.register(
            RunKind(
                KIND,
                self._execute,
                threads=max_concurrent,
                timeout_s=timeout_s,
                timeout_message=lambda s: (
                    f"the query ran longer than the {s:.0f} s limit and was stopped"
                ),
            )
        )

    def stop(self) -> None:
        self.engine.close()

    # -- requests -----------------------------------------------------------------------------

    def submit(
        self, sql: str, dialect: str, *, by: Principal, default_database: str | None = None
    ) -> QueryExecution:
        """Queue a query; refused now (not as a FAILED run) if ``by`` may not run it or may
        not touch a table it names."""
        if not sql.strip():
            raise InvalidArgument("the query is empty")
        if dialect not in DIALECTS:
            raise InvalidArgument(f"unknown dialect {dialect!r}; dialects: {', '.join(DIALECTS)}")
        self.access.authorize(by, "query:run", Resource("query"))
        # Parse errors are left for the run (a FAILED execution, as Athena reports them);
        # what the statement touches is authorized now when it can be told.
        try:
            prepared: Prepared | None = prepare(sql, dialect, default_database)
        except AccessDenied:
            raise
        except LakeboxError:
            prepared = None
        if prepared is not None:
            self.access.authorize_all(by, prepared.statement.wanted())
        if not self.workers.running:
            raise ServiceUnavailable("the query service is not running")
        run = self.runs.submit(
            KIND,
            by,
            {"sql": sql, "dialect": dialect, "database": default_database},
            limit_per_principal=self.limit_per_key,
            noun="queries",
        )
        if prepared is not None:
            self._hand_over(run.id, prepared)
        self.workers.wake(KIND)
        return QueryExecution.of(run)

    def _hand_over(self, run_id: str, prepared: Prepared) -> None:
        """Keep a submitted query's parse for the worker of this process that runs it (a
        worker elsewhere, or one that claims it first, parses it again)."""
        with self._prepared_lock:
            self._prepared[run_id] = prepared
            while len(self._prepared) > _PREPARED_KEPT:  # runs taken by other processes
                self._prepared.pop(next(iter(self._prepared)))

    def _take_prepared(self, run_id: str) -> Prepared | None:
        with self._prepared_lock:
            return self._prepared.pop(run_id, None)

    def get(self, qid: str, *, by: Principal) -> QueryExecution:
        """The execution, if ``by`` may see it (its submitter, or a role that may see any)."""
        execution = self._get(qid)
        self.access.authorize(by, "query:read", Resource("query", qid, execution.submitted_by))
        return execution

    def _get(self, qid: str) -> QueryExecution:
        run = self.runs.get(qid, noun="query execution")
        if run.kind != KIND:
            raise NotFound(f"query execution {qid!r} not found")
        return QueryExecution.of(run)

    def history(
        self, *, by: Principal, everyone: bool = False, limit: int = 50
    ) -> list[QueryExecution]:
        """``by``'s latest executions; with ``everyone``, all (for whom may see any)."""
        if everyone:
            self.access.authorize(by, "query:read", Resource("query"))
        runs = self.runs.latest(KIND, principal_id=None if everyone else by.id, limit=limit)
        return [QueryExecution.of(r) for r in runs]

    def cancel(self, qid: str, *, by: Principal) -> QueryExecution:
        """Cancel from any process: a queued query ends now; a running one is interrupted by
        the process running it (at once here, within a second elsewhere)."""
        execution = self._get(qid)
        self.access.authorize(by, "query:cancel", Resource("query", qid, execution.submitted_by))
        if execution.state not in ("QUEUED", "RUNNING"):
            return execution
        run = self.runs.request_cancel(qid, "cancelled before it started")
        if run.state == "RUNNING":
            self.workers.cancel_here(qid)
        return QueryExecution.of(run)

    async def wait_async(self, qid: str, timeout: float, *, by: Principal) -> QueryExecution:
        """``wait`` for the event loop: no thread is held while waiting (a client waiting for
        a long query costs nothing but a timer); the database is asked twice a second, for
        queries that run on another server."""
        execution = await asyncio.to_thread(self.get, qid, by=by)
        deadline = time.monotonic() + timeout
        pause, since_db = 0.002, 0.0
        while execution.state in ("QUEUED", "RUNNING") and time.monotonic() < deadline:
            await asyncio.sleep(pause)
            since_db += pause
            pause = min(pause * 2, 0.1)
            if self.workers.finished_here(qid) or since_db >= 0.5:
                since_db = 0.0
                execution = await asyncio.to_thread(self._get, qid)
        return execution

    def wait(self, qid: str, timeout: float = 60.0, *, by: Principal) -> QueryExecution:
        """The execution once final (or as it is after ``timeout``), if ``by`` may see it.
        Authorized on what the wait returns, not before: a read while the query runs would
        slow it, and the wait itself tells nothing (an unknown id fails within half a second)."""
        run = self.workers.wait(qid, timeout, noun="query execution")
        if run.kind != KIND:
            raise NotFound(f"query execution {qid!r} not found")
        execution = QueryExecution.of(run)
        self.access.authorize(by, "query:read", Resource("query", qid, execution.submitted_by))
        return execution

    def rows(self, qid: str, offset: int, count: int, *, by: Principal) -> dict[str, Any]:
        """``count`` rows of a succeeded query's results from ``offset``, and the total."""
        import pyarrow.parquet as pq

        execution = self.get(qid, by=by)
        if execution.state != "SUCCEEDED" or execution.result_key is None:
            raise InvalidArgument(
                f"query {qid} is {execution.state}"
                + (f": {execution.error}" if execution.error else "")
                + "; results exist once it has SUCCEEDED"
            )
        # ParquetFile, not read_table: a result may name two columns alike (SELECT 1 AS a,
        # 2 AS a), which the dataset reader behind read_table refuses
        table = pq.ParquetFile(io.BytesIO(self.lake.get(execution.result_key + ".parquet"))).read()
        chunk = table.slice(offset, count)
        if chunk.nbytes > self.page_max_bytes:
            raise InvalidArgument(
                f"rows {offset + 1}-{offset + chunk.num_rows} of query {qid} are "
                f"{chunk.nbytes:,} bytes, more than the {self.page_max_bytes:,}-byte limit of "
                "one page: ask for fewer rows per page, or read the results file "
                f"({execution.result_key}.parquet or .csv)"
            )
        rows = [list(r) for r in zip(*(c.to_pylist() for c in chunk.columns), strict=True)]
        return {"rows": rows, "total_rows": table.num_rows, "columns": execution.columns}

    def results(
        self, qid: str, page: int = 1, page_size: int = MAX_PAGE, *, by: Principal
    ) -> dict[str, Any]:
        """One page of a succeeded query's rows, as lists, with the column names and types."""
        if page < 1 or not 1 <= page_size <= MAX_PAGE:
            raise InvalidArgument(f"page starts at 1 and page_size is 1-{MAX_PAGE}")
        start = (page - 1) * page_size
        got = self.rows(qid, start, page_size, by=by)
        types = types_of(got["columns"] or [])
        return {
            "id": qid,
            "columns": got["columns"],
            "page": page,
            "page_size": page_size,
            "rows": [[to_json(v, t) for v, t in zip(r, types, strict=True)] for r in got["rows"]],
            "total_rows": got["total_rows"],
            "next_page": page + 1 if start + page_size < got["total_rows"] else None,
        }

    # -- running one ------------------------------------------------------------------------

    def _execute(self, run: Run, control: RunControl) -> dict[str, Any]:
        """Run the engine, then write the results: any failure of either fails the run."""
        params = run.params
        try:
            result = self.engine.run(
                params["sql"],
                params["dialect"],
                on_connect=lambda con: control.on_interrupt(con.interrupt),
                default_database=params.get("database"),
                principal=self.principals(run.principal_id),
                before_commit=control.commit_point,
                prepared=self._take_prepared(run.id),
            )
        finally:
            control.on_interrupt(None)
        if control.stopping:  # stopped after DuckDB finished: keep the stop
            raise LakeboxError("stopped")
        key = f"{RESULTS_PREFIX}{run.id}"
        types = refine([of_duckdb(t) for _, t in result.columns], result.table)
        self._write_results(key, result.table, types, control)
        return {
            "engine_ms": result.engine_ms,
            "rows": result.table.num_rows,
            "bytes_scanned": result.bytes_scanned,
            "columns": [
                {"name": n, "type": rtype.name, "engine_type": t}
                for (n, t), rtype in zip(result.columns, types, strict=True)
            ],
            "result_key": key,
        }

    def _write_results(
        self, key: str, table: Any, types: list[ResultType], control: RunControl
    ) -> None:
        """Write the results as Parquet and CSV, some rows at a time: the query's time limit
        and cancelling cover writing too (a stop ends it between two batches)."""
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq

        buf = io.BytesIO()
        out = io.BytesIO()
        table, ready = for_files(table, types)
        # As Athena writes results: a header row, every value quoted, NULL as an empty field.
        options = pacsv.WriteOptions(quoting_style="all_valid")
        with (
            pq.ParquetWriter(buf, table.schema) as parquet,
            pacsv.CSVWriter(out, ready.schema, write_options=options) as csv,
        ):
            for start in range(0, max(table.num_rows, 1), _WRITE_ROWS):
                if control.stopping:
                    raise LakeboxError("stopped while writing its results")
                parquet.write_table(table.slice(start, _WRITE_ROWS))
                csv.write_table(ready.slice(start, _WRITE_ROWS))
        if control.stopping:
            raise LakeboxError("stopped while writing its results")
        # Not fsynced: results can be made again by running the query, and waiting for the
        # disk would be most of a small query's time.
        self.lake.put_all(
            [(key + ".csv", out.getvalue()), (key + ".parquet", buf.getvalue())],
            source="query",
            durable=False,
            record_with=control.with_finish,
        )
