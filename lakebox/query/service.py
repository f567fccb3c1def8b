"""Query executions (Athena's StartQueryExecution & co.): queued, run, recorded, results kept.

States: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED, changed only by ``_transition``.
Results are written to the lake as CSV (as Athena writes it: a header row, every value
quoted, NULL empty) and Parquet, and fetched page by page.
"""

from __future__ import annotations

import contextlib
import io
import logging
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import orjson
from sqlalchemy import bindparam, func, insert, select, update

from lakebox.auth.access import Access, Principal, Resource
from lakebox.errors import (
    AccessDenied,
    InvalidArgument,
    LakeboxError,
    NotFound,
    ServiceUnavailable,
    TooManyRequests,
)
from lakebox.meta.database import Database
from lakebox.meta.times import as_utc
from lakebox.query.dialects import DIALECTS
from lakebox.query.engine import QueryEngine
from lakebox.query.statements import classify_sql
from lakebox.query.tables import query_executions
from lakebox.storage.lake import Lake

log = logging.getLogger(__name__)

State = Literal["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]
FINAL: tuple[State, ...] = ("SUCCEEDED", "FAILED", "CANCELLED")
_ALLOWED: dict[State, tuple[State, ...]] = {
    "QUEUED": ("RUNNING", "CANCELLED"),
    "RUNNING": ("SUCCEEDED", "FAILED", "CANCELLED"),
}
RESULTS_PREFIX = "query-results/"
MAX_PAGE = 1000

# Statements built once: building one costs SQLAlchemy more than running it against SQLite, and
# every query runs five of them. Values come as execute() parameters (for UPDATE and INSERT,
# the parameters' names choose the columns set).
_qe = query_executions
_GET = select(_qe).where(_qe.c.id == bindparam("qid"))
_WAITING = (
    select(func.count())
    .select_from(_qe)
    .where(_qe.c.submitted_by == bindparam("key_id"), _qe.c.state.in_(("QUEUED", "RUNNING")))
)
_INSERT = insert(_qe).returning(*_qe.c)
_TRANSITIONS = {
    state: update(_qe)
    .where(
        _qe.c.id == bindparam("qid"),
        _qe.c.state.in_([current for current, nexts in _ALLOWED.items() if state in nexts]),
    )
    .returning(*_qe.c)
    for state in ("RUNNING", "SUCCEEDED", "FAILED", "CANCELLED")
}


@dataclass(frozen=True)
class QueryExecution:
    id: str
    sql: str
    dialect: str
    default_database: str | None
    state: State
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
        db: Database,
        engine: QueryEngine,
        lake: Lake,
        access: Access,
        principals: Callable[[str], Principal],
        max_concurrent: int = 2,
        timeout_s: float = 600.0,
        limit_per_key: int = 10,
    ) -> None:
        self.db = db
        self.engine = engine
        self.lake = lake
        self.access = access
        # principal id → the principal as it is now (a key revoked since submitting fails)
        self.principals = principals
        self.max_concurrent = max_concurrent
        self.timeout_s = timeout_s
        self.limit_per_key = limit_per_key
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._running: dict[str, Any] = {}  # id → DuckDB connection, to interrupt
        self._cancelled: set[str] = set()
        self._timed_out: set[str] = set()
        self._lock = threading.Lock()
        self._finished = threading.Condition()  # notified when any query reaches a final state
        self._done: dict[str, None] = {}  # the latest queries that did (insertion-ordered)
        self._stopping = threading.Event()
        self._workers: list[threading.Thread] = []

    def start(self) -> None:
        for i in range(self.max_concurrent):
            t = threading.Thread(target=self._work, name=f"lakebox-query-{i}", daemon=True)
            t.start()
            self._workers.append(t)

    def stop(self) -> None:
        self._stopping.set()
        for _ in self._workers:
            self._queue.put(None)
        with self._lock:
            for con in self._running.values():
                with contextlib.suppress(Exception):  # it may have finished and closed
                    con.interrupt()
        for t in self._workers:
            t.join(timeout=10)
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
            statement = classify_sql(sql, dialect, default_database)
        except AccessDenied:
            raise
        except LakeboxError:
            statement = None
        if statement is not None:
            self.access.authorize_all(by, statement.wanted())
        key = by
        if not self._workers:
            raise ServiceUnavailable("the query service is not running")
        qid = str(uuid.uuid4())
        with self.db.begin() as conn:
            waiting = conn.scalar(_WAITING, {"key_id": key.id})
            if self.limit_per_key and (waiting or 0) >= self.limit_per_key:
                raise TooManyRequests(
                    f"{key.name} already has {waiting} queries queued or running (the limit per "
                    f"key is {self.limit_per_key}); wait for one to finish or cancel one"
                )
            row = conn.execute(
                _INSERT,
                {
                    "id": qid,
                    "sql": sql,
                    "dialect": dialect,
                    "default_database": default_database,
                    "state": "QUEUED",
                    "submitted_by": key.id,
                    "submitter": key.name,
                    "submitted_at": datetime.now(UTC),
                },
            ).one()
        self._queue.put(qid)
        return _execution(row)

    def get(self, qid: str, *, by: Principal) -> QueryExecution:
        """The execution, if ``by`` may see it (its submitter, or a role that may see any)."""
        execution = self._get(qid)
        self.access.authorize(by, "query:read", Resource("query", qid, execution.submitted_by))
        return execution

    def _get(self, qid: str) -> QueryExecution:
        with self.db.begin() as conn:
            row = conn.execute(_GET, {"qid": qid}).first()
        if row is None:
            raise NotFound(f"query execution {qid!r} not found")
        return _execution(row)

    def history(
        self, *, by: Principal, everyone: bool = False, limit: int = 50
    ) -> list[QueryExecution]:
        """``by``'s latest executions; with ``everyone``, all (for whom may see any)."""
        query = select(query_executions).order_by(query_executions.c.submitted_at.desc())
        if everyone:
            self.access.authorize(by, "query:read", Resource("query"))
        else:
            query = query.where(query_executions.c.submitted_by == by.id)
        with self.db.begin() as conn:
            rows = conn.execute(query.limit(limit)).all()
        return [_execution(r) for r in rows]

    def cancel(self, qid: str, *, by: Principal) -> QueryExecution:
        execution = self._get(qid)
        self.access.authorize(by, "query:cancel", Resource("query", qid, execution.submitted_by))
        if execution.state in FINAL:
            return execution
        with self._lock:
            self._cancelled.add(qid)
        if execution.state == "QUEUED" and self._transition(
            qid, "CANCELLED", completed_at=datetime.now(UTC), error="cancelled before it started"
        ):
            return self._get(qid)
        # Running: interrupt until it stops (an interrupt that lands just before DuckDB starts
        # executing would be lost, so keep at it for a while).
        threading.Thread(target=self._interrupt_until_done, args=(qid,), daemon=True).start()
        return self._get(qid)

    def _interrupt_until_done(self, qid: str, within_s: float = 10.0) -> None:
        import time

        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline and not self._stopping.is_set():
            with self._lock:
                con = self._running.get(qid)
                finished = con is None and qid not in self._cancelled
            if con is not None:
                with contextlib.suppress(Exception):  # it may have just finished
                    con.interrupt()
            if finished:  # its worker recorded the outcome and forgot it
                return
            self._stopping.wait(0.05)

    def wait(self, qid: str, timeout: float = 60.0, *, by: Principal) -> QueryExecution:
        import time

        deadline = time.monotonic() + timeout
        with self._finished:
            while qid not in self._done and time.monotonic() < deadline:
                # woken when a query of this process finishes; else look now and then (one
                # finished long ago, or elsewhere)
                woken = self._finished.wait(timeout=min(0.05, max(deadline - time.monotonic(), 0)))
                if not woken and self._get(qid).state in FINAL:
                    break
        return self.get(qid, by=by)

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
        table = pq.read_table(io.BytesIO(self.lake.get(execution.result_key + ".parquet")))
        chunk = table.slice(offset, count)
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
        return {
            "id": qid,
            "columns": got["columns"],
            "page": page,
            "page_size": page_size,
            "rows": got["rows"],
            "total_rows": got["total_rows"],
            "next_page": page + 1 if start + page_size < got["total_rows"] else None,
        }

    # -- the workers --------------------------------------------------------------------------

    def _transition(self, qid: str, state: State, **values: Any) -> QueryExecution | None:
        """Move to ``state`` if allowed from the current one and return the execution; None if
        not allowed (e.g. cancelled meanwhile)."""
        with self.db.begin() as conn:
            row = conn.execute(_TRANSITIONS[state], {"qid": qid, "state": state, **values}).first()
        if row is None:
            return None
        if state in FINAL:
            with self._finished:
                self._done[qid] = None
                if len(self._done) > 10_000:
                    self._done.pop(next(iter(self._done)))
                self._finished.notify_all()
        return _execution(row)

    def _work(self) -> None:
        while True:
            qid = self._queue.get()
            if qid is None:
                return
            try:
                self._execute(qid)
            except Exception:  # a worker must survive anything one query does
                log.exception("query %s failed unexpectedly", qid)
            finally:  # its outcome is recorded: forget it
                with self._lock:
                    self._cancelled.discard(qid)
                    self._timed_out.discard(qid)

    def _execute(self, qid: str) -> None:
        execution = self._transition(qid, "RUNNING", started_at=datetime.now(UTC))
        if execution is None:
            return  # cancelled while queued
        timer = threading.Timer(self.timeout_s, self._timeout, args=(qid,))
        timer.daemon = True
        timer.start()

        def register(con: Any) -> None:
            with self._lock:
                self._running[qid] = con
                cancelled = qid in self._cancelled
            if cancelled:
                raise LakeboxError("cancelled")

        try:
            result = self.engine.run(
                execution.sql,
                execution.dialect,
                on_connect=register,
                default_database=execution.default_database,
                principal=self.principals(execution.submitted_by),
            )
            key = f"{RESULTS_PREFIX}{qid}"
            self._write_results(key, result.table)
        except LakeboxError as exc:
            with self._lock:
                cancelled = qid in self._cancelled
                timed_out = qid in self._timed_out
            if cancelled:
                self._transition(
                    qid, "CANCELLED", completed_at=datetime.now(UTC), error="cancelled"
                )
            else:
                message = (
                    f"the query ran longer than the {self.timeout_s:.0f} s limit and was stopped"
                    if timed_out
                    else exc.message
                )
                self._transition(qid, "FAILED", completed_at=datetime.now(UTC), error=message)
            return
        finally:
            timer.cancel()
            with self._lock:
                self._running.pop(qid, None)
        self._transition(
            qid,
            "SUCCEEDED",
            completed_at=datetime.now(UTC),
            engine_ms=result.engine_ms,
            rows=result.table.num_rows,
            bytes_scanned=result.bytes_scanned,
            columns=orjson.dumps([{"name": n, "type": t} for n, t in result.columns]).decode(),
            result_key=key,
        )

    def _timeout(self, qid: str) -> None:
        with self._lock:
            self._timed_out.add(qid)
            con = self._running.get(qid)
        if con is not None:
            with contextlib.suppress(Exception):  # it may have just finished
                con.interrupt()

    def _write_results(self, key: str, table: Any) -> None:
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq

        buf = io.BytesIO()
        pq.write_table(table, buf)
        out = io.BytesIO()
        # As Athena writes results: a header row, every value quoted, NULL as an empty field.
        pacsv.write_csv(_csv_ready(table), out, pacsv.WriteOptions(quoting_style="all_valid"))
        # Not fsynced: results can be made again by running the query, and waiting for the
        # disk would be most of a small query's time.
        self.lake.put_all(
            [(key + ".csv", out.getvalue()), (key + ".parquet", buf.getvalue())],
            source="query",
            durable=False,
        )


def _csv_ready(table: Any) -> Any:
    """Nested values (lists, structs) as JSON text: CSV has no other way to hold them."""
    import pyarrow as pa

    columns = []
    for col in table.columns:
        if pa.types.is_nested(col.type):
            col = pa.array(
                [None if v is None else orjson.dumps(v).decode() for v in col.to_pylist()],
                pa.string(),
            )
        columns.append(col)
    return pa.table(columns, names=table.column_names)


def _execution(row: Any) -> QueryExecution:
    return QueryExecution(
        id=row.id,
        sql=row.sql,
        dialect=row.dialect,
        default_database=row.default_database,
        state=row.state,
        submitted_by=row.submitted_by,
        submitter=row.submitter,
        submitted_at=as_utc(row.submitted_at),
        started_at=as_utc(row.started_at) if row.started_at else None,
        completed_at=as_utc(row.completed_at) if row.completed_at else None,
        engine_ms=row.engine_ms,
        rows=row.rows,
        bytes_scanned=row.bytes_scanned,
        columns=orjson.loads(row.columns) if row.columns else None,
        error=row.error,
        result_key=row.result_key,
    )
