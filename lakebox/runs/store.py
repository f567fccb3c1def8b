"""Runs in the metadata database: submit, claim, lease, finish, cancel, recover.

Every change of state is one compare-and-swap statement (``UPDATE ... WHERE state = <expected>
[AND owner = <me>]``), so two processes sharing the database can never both claim, finish or
recover the same run. On PostgreSQL a claim skips rows another process is claiming
(``FOR UPDATE SKIP LOCKED``); SQLite serializes writers on its own.

States: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED; QUEUED → CANCELLED; and RUNNING →
QUEUED only when a run whose process died is retried.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import orjson
from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    false,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.exc import IntegrityError

from lakebox.auth.access import Principal
from lakebox.errors import NotFound, ServiceUnavailable, TooManyRequests
from lakebox.meta.database import Database
from lakebox.meta.times import as_utc
from lakebox.runs.tables import runs

RunState = Literal["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]
FINAL: tuple[RunState, ...] = ("SUCCEEDED", "FAILED", "CANCELLED")
ACTIVE: tuple[RunState, ...] = ("QUEUED", "RUNNING")
STOPPED_REASON = "server stopped while running"


@dataclass(frozen=True)
class Run:
    id: str
    kind: str
    state: RunState
    principal_id: str
    principal_name: str
    subject: str | None
    params: dict[str, Any]
    result: dict[str, Any] | None
    reason: str | None
    submitted_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    owner: str | None
    lease_until: datetime | None
    attempt: int
    max_attempts: int
    cancel_requested: bool

    @property
    def final(self) -> bool:
        return self.state in FINAL


# Statements built once: building costs SQLAlchemy more than SQLite takes to run them, and a
# query runs three (submit, claim, finish).
_r = runs
_GET = select(_r).where(_r.c.id == bindparam("rid"))
_INSERT = insert(_r).returning(*_r.c)
_ACTIVE_OF = (
    select(func.count())
    .select_from(_r)
    .where(
        _r.c.kind == bindparam("kind"),
        _r.c.principal_id == bindparam("pid"),
        _r.c.state.in_(ACTIVE),
    )
)
_RUNNING_OF_KIND = (
    select(func.count())
    .select_from(_r)
    .where(_r.c.kind == bindparam("kind"), _r.c.state == "RUNNING")
)
_ANY_QUEUED = (
    select(_r.c.id).where(_r.c.kind == bindparam("b_kind"), _r.c.state == "QUEUED").limit(1)
)
_NEXT = (
    select(_r.c.id)
    .where(_r.c.kind == bindparam("b_kind"), _r.c.state == "QUEUED")
    .order_by(_r.c.submitted_at)
    .limit(1)
    .with_for_update(skip_locked=True)  # PostgreSQL; SQLite renders nothing
    .scalar_subquery()
)
_CLAIM = (
    update(_r)
    .where(_r.c.id == _NEXT, _r.c.state == "QUEUED")
    .values(
        state="RUNNING",
        owner=bindparam("b_owner"),
        started_at=bindparam("now"),
        lease_until=bindparam("b_lease"),
        attempt=_r.c.attempt + 1,
    )
    .returning(*_r.c)
)
_FINISH = (
    update(_r)
    .where(
        _r.c.id == bindparam("rid"),
        _r.c.state == "RUNNING",
        _r.c.owner == bindparam("me"),
        _r.c.attempt == bindparam("b_attempt"),
    )
    .values(
        state=bindparam("to"),
        finished_at=bindparam("now"),
        result=bindparam("b_result"),
        reason=bindparam("b_reason"),
        owner=None,
        lease_until=None,
        exclusive_key=None,
    )
    .returning(*_r.c)
)
_CANCEL_QUEUED = (
    update(_r)
    .where(_r.c.id == bindparam("rid"), _r.c.state == "QUEUED")
    .values(
        state="CANCELLED",
        finished_at=bindparam("now"),
        reason=bindparam("b_reason"),
        exclusive_key=None,
        cancel_requested=True,
    )
    .returning(*_r.c)
)
_CANCEL_RUNNING = (
    update(_r)
    .where(_r.c.id == bindparam("rid"), _r.c.state == "RUNNING")
    .values(cancel_requested=True)
    .returning(*_r.c)
)
_TAKE_WRITE_LOCK = update(_r).where(false()).values(kind=_r.c.kind)
_HEARTBEAT = (
    update(_r)
    .where(_r.c.owner == bindparam("me"), _r.c.state == "RUNNING")
    .values(lease_until=bindparam("b_lease"))
    .returning(_r.c.id, _r.c.cancel_requested)
)


class AlreadyRunning(ServiceUnavailable):
    """A run that must be alone (one crawl per crawler) was asked for while one is active."""

    code = "AlreadyRunning"


class Runs:
    """The runs of every kind of work. ``owner`` names the process (see ``RunWorkers``)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._postgres = db.engine.dialect.name == "postgresql"

    # -- submitting and reading ------------------------------------------------------------

    def submit(
        self,
        kind: str,
        by: Principal,
        params: dict[str, Any],
        *,
        subject: str | None = None,
        exclusive: bool = False,
        max_attempts: int = 1,
        limit_per_principal: int = 0,
        noun: str = "runs",
        conn: Connection | None = None,
        owner: str | None = None,
        lease_s: float = 0.0,
    ) -> Run:
        """Queue a run (or, with ``owner``, start it as that owner's at once). With
        ``exclusive``, refuse while another run of this kind and subject is queued or running;
        ``limit_per_principal`` counts ``by``'s active runs of the kind. With ``conn``, the run
        is part of that transaction (a scheduler's firing and its run commit together)."""
        now = datetime.now(UTC)
        values = {
            "id": str(uuid.uuid4()),
            "kind": kind,
            "state": "RUNNING" if owner else "QUEUED",
            "principal_id": by.id,
            "principal_name": by.name,
            "subject": subject,
            "exclusive_key": f"{kind}:{subject}" if exclusive else None,
            "params": orjson.dumps(params).decode(),
            "result": None,
            "reason": None,
            "submitted_at": now,
            "started_at": now if owner else None,
            "finished_at": None,
            "owner": owner,
            "lease_until": now + _s(lease_s) if owner else None,
            "attempt": 1 if owner else 0,
            "max_attempts": max_attempts,
            "cancel_requested": False,
        }
        try:
            with contextlib.ExitStack() as stack:
                if conn is None:
                    conn = stack.enter_context(self.db.begin())
                if limit_per_principal:
                    # One submit of a principal's at a time, so that the count holds until the
                    # insert: an advisory lock on PostgreSQL; on SQLite, the write lock, taken
                    # by a write that changes nothing (a read would not take it).
                    if self._postgres:
                        lock = _lock_id(f"submit:{kind}:{by.id}")
                        conn.execute(select(func.pg_advisory_xact_lock(lock)))
                    else:
                        conn.execute(_TAKE_WRITE_LOCK)
                    active = conn.scalar(_ACTIVE_OF, {"kind": kind, "pid": by.id}) or 0
                    if active >= limit_per_principal:
                        raise TooManyRequests(
                            f"{by.name} already has {active} {noun} queued or running (the "
                            f"limit per key is {limit_per_principal}); wait for one to finish "
                            "or cancel one"
                        )
                if exclusive:  # a refused insert leaves the transaction usable
                    with conn.begin_nested():
                        row = conn.execute(_INSERT, values).one()
                else:  # nothing unique to collide with: no savepoint to pay for
                    row = conn.execute(_INSERT, values).one()
        except IntegrityError:
            active_run = self.active(kind, subject or "")
            raise AlreadyRunning(
                f"{kind} {subject!r} is already "
                + (f"{active_run.state.lower()} (run {active_run.id})" if active_run else "running")
                + "; wait for it or cancel it"
            ) from None
        return _run(row)

    def get(self, run_id: str, noun: str = "run") -> Run:
        with self.db.begin() as conn:
            row = conn.execute(_GET, {"rid": run_id}).first()
        if row is None:
            raise NotFound(f"{noun} {run_id!r} not found")
        return _run(row)

    def active(self, kind: str, subject: str) -> Run | None:
        with self.db.begin() as conn:
            row = conn.execute(select(_r).where(_r.c.exclusive_key == f"{kind}:{subject}")).first()
        return _run(row) if row is not None else None

    def latest(
        self,
        kind: str,
        *,
        principal_id: str | None = None,
        subject: str | None = None,
        limit: int = 50,
    ) -> list[Run]:
        query = select(_r).where(_r.c.kind == kind)
        if principal_id is not None:
            query = query.where(_r.c.principal_id == principal_id)
        if subject is not None:
            query = query.where(_r.c.subject == subject)
        query = query.order_by(_r.c.submitted_at.desc(), _r.c.id).limit(limit)
        with self.db.begin() as conn:
            return [_run(r) for r in conn.execute(query)]

    # -- the life of a run -----------------------------------------------------------------

    def claim(self, kind: str, owner: str, lease_s: float, max_running: int = 0) -> Run | None:
        """Take the oldest QUEUED run of ``kind`` for ``owner``, unless ``max_running`` runs of
        the kind already run (counted in the database, across processes)."""
        # A read first: most claims (every worker polls) find nothing, and a read takes no
        # write lock. A run queued just after it is found by the next claim (each submit
        # wakes a worker, which claims again).
        with self.db.begin() as conn:
            if conn.execute(_ANY_QUEUED, {"b_kind": kind}).first() is None:
                return None
        now = datetime.now(UTC)
        params = {"b_kind": kind, "b_owner": owner, "now": now, "b_lease": now + _s(lease_s)}
        with self.db.begin() as conn:
            if max_running:  # one claimer of a kind at a time, so the count holds
                if self._postgres:
                    conn.execute(select(func.pg_advisory_xact_lock(_lock_id(f"claim:{kind}"))))
                else:
                    conn.execute(_TAKE_WRITE_LOCK)
                if (conn.scalar(_RUNNING_OF_KIND, {"kind": kind}) or 0) >= max_running:
                    return None
            row = conn.execute(_CLAIM, params).first()
        return _run(row) if row is not None else None

    def finish(
        self,
        run: Run,
        owner: str,
        state: RunState,
        *,
        result: dict[str, Any] | None = None,
        reason: str | None = None,
        also: Sequence[Callable[[Connection], None]] = (),
    ) -> Run | None:
        """End the attempt of ``run`` that ``owner`` holds; None if it no longer holds it
        (recovered, and perhaps run again, elsewhere). ``also``: statements of the run's own
        (its result files' events) in the same transaction, after the end is recorded."""
        with self.db.begin() as conn:
            row = conn.execute(
                _FINISH,
                {
                    "rid": run.id,
                    "b_attempt": run.attempt,
                    "me": owner,
                    "to": state,
                    "now": datetime.now(UTC),
                    "b_result": orjson.dumps(result).decode() if result is not None else None,
                    "b_reason": reason,
                },
            ).first()
            for step in also:
                step(conn)
        return _run(row) if row is not None else None

    def request_cancel(self, run_id: str, reason: str = "cancelled") -> Run:
        """Cancel a queued run now; ask the process running a running one to stop it (its
        lease keeper sees the request within a second)."""
        params = {"rid": run_id, "now": datetime.now(UTC), "b_reason": reason}
        with self.db.begin() as conn:
            row = conn.execute(_CANCEL_QUEUED, params).first()
            if row is None:
                row = conn.execute(_CANCEL_RUNNING, {"rid": run_id}).first()
            if row is None:
                row = conn.execute(_GET, {"rid": run_id}).first()
        if row is None:
            raise NotFound(f"run {run_id!r} not found")
        return _run(row)

    def heartbeat(self, owner: str, lease_s: float) -> dict[str, bool]:
        """Extend the leases of every run ``owner`` holds; returns them with whether a cancel
        was asked for."""
        until = datetime.now(UTC) + _s(lease_s)
        with self.db.begin() as conn:
            rows = conn.execute(_HEARTBEAT, {"me": owner, "b_lease": until}).all()
        return {r.id: bool(r.cancel_requested) for r in rows}

    def recover(self, orphaned_owners: str | None = None) -> list[Run]:
        """Runs whose process died: their lease ran out, or their owner name starts with
        ``orphaned_owners`` (this home's earlier processes, known dead because this process
        holds the home's lock). Each is queued again if its kind allows another attempt, else
        FAILED with the reason; returns them as they are now."""
        now = datetime.now(UTC)
        dead = _r.c.lease_until < now
        if orphaned_owners:
            dead = or_(dead, _r.c.owner.startswith(orphaned_owners, autoescape=True))
        with self.db.begin() as conn:
            found = conn.execute(
                select(_r.c.id, _r.c.owner, _r.c.attempt, _r.c.max_attempts, _r.c.cancel_requested)
                .where(_r.c.state == "RUNNING", dead)
                .limit(1000)
            ).all()
        recovered = []
        for row in found:
            orphan = bool(orphaned_owners and (row.owner or "").startswith(orphaned_owners))
            retry = row.attempt < row.max_attempts and not row.cancel_requested
            values: dict[str, Any] = {"owner": None, "lease_until": None}
            if retry:
                values.update(state="QUEUED", started_at=None)
            else:
                values.update(
                    state="CANCELLED" if row.cancel_requested else "FAILED",
                    finished_at=now,
                    reason=STOPPED_REASON
                    + ("" if row.max_attempts <= 1 else f" (attempt {row.attempt})"),
                    exclusive_key=None,
                )
            with self.db.begin() as conn:
                done = conn.execute(
                    update(_r)
                    .where(
                        _r.c.id == row.id,
                        _r.c.state == "RUNNING",
                        _r.c.attempt == row.attempt,
                        and_(_r.c.owner == row.owner) if row.owner else _r.c.owner.is_(None),
                        # still dead now: a holder that renewed its lease since keeps its run
                        true() if orphan else _r.c.lease_until < now,
                    )
                    .values(**values)
                    .returning(*_r.c)
                ).first()
            if done is not None:
                recovered.append(_run(done))
        return recovered


def _s(seconds: float) -> timedelta:
    return timedelta(seconds=seconds)


def _lock_id(text: str) -> int:
    """A stable 63-bit id for a PostgreSQL advisory lock named ``text``."""
    import hashlib

    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") >> 1


def _run(row: Any) -> Run:
    return Run(
        id=row.id,
        kind=row.kind,
        state=row.state,
        principal_id=row.principal_id,
        principal_name=row.principal_name,
        subject=row.subject,
        params=orjson.loads(row.params),
        result=orjson.loads(row.result) if row.result else None,
        reason=row.reason,
        submitted_at=as_utc(row.submitted_at),
        started_at=as_utc(row.started_at) if row.started_at else None,
        finished_at=as_utc(row.finished_at) if row.finished_at else None,
        owner=row.owner,
        lease_until=as_utc(row.lease_until) if row.lease_until else None,
        attempt=row.attempt,
        max_attempts=row.max_attempts,
        cancel_requested=bool(row.cancel_requested),
    )
