"""The process side of the run layer: worker threads per kind, leases, cancel, timeouts.

Each kind of work registers a :class:`RunKind`: how to execute a run, how many threads this
process gives it, how many may run at once across all processes, its time limit, and how many
attempts a run gets when the process running it dies. Workers claim QUEUED runs from the
database (woken at once for runs submitted here, polling for runs submitted elsewhere); one
keeper thread renews this process's leases every second, passes on cancel requests made
through any process, and recovers runs whose process died.

Whatever an executor does, the run ends in a final state with a reason: a LakeboxError FAILS it
with its message, any other exception with its type and message (and the traceback in the
log), a cancel request CANCELS it, the time limit FAILS it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection

from lakebox.errors import LakeboxError
from lakebox.runs.deadlines import Alarm, Deadlines
from lakebox.runs.store import FINAL, Run, Runs, RunState

log = logging.getLogger(__name__)


class RunFailed(LakeboxError):
    """An executor's way to fail a run while still reporting a result (a crawl's report)."""

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.result = result


class RunControl:
    """What an executor gets besides its run: whether to stop, and a hook to be interrupted."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.cancelled = threading.Event()
        self.timed_out = threading.Event()
        self.progress: dict[str, Any] = {}
        self._interrupt: Callable[[], None] | None = None
        self._lock = threading.Lock()
        self.committing = False
        self.returned = False  # the executor came back
        self.abandoned = False  # the run was ended without it (see RunWorkers._abandon)
        self.at_finish: list[Callable[[Connection], None]] = []

    def with_finish(self, step: Callable[[Connection], None]) -> None:
        """Run ``step`` in the transaction that records the run's end (fewer commits for a
        short run: a query's result files record their events there)."""
        self.at_finish.append(step)

    @property
    def stopping(self) -> bool:
        return self.cancelled.is_set() or self.timed_out.is_set()

    def on_interrupt(self, interrupt: Callable[[], None] | None) -> None:
        """Register how to interrupt the work in progress (a DuckDB connection's interrupt),
        or None once it is done; if a stop was already asked for, raise to end it now."""
        with self._lock:
            self._interrupt = interrupt
        if interrupt is not None and self.stopping:
            raise LakeboxError("stopped before it started")

    def commit_point(self) -> None:
        """The work is about to become visible (a table commit): past here it completes, so a
        stop is refused rather than reported over work that was done; a stop that came
        before ends it now."""
        with self._lock:
            if self.stopping:
                raise LakeboxError("stopped before its commit")
            self.committing = True

    def stop(self, timed_out: bool = False) -> None:
        with self._lock:
            if self.committing:
                return
            (self.timed_out if timed_out else self.cancelled).set()
        # An interrupt that lands just before the work starts (DuckDB between connect and
        # execute) is lost: keep interrupting until the work says it is done, for a while.
        threading.Thread(target=self._interrupt_until_done, daemon=True).start()

    def _interrupt_until_done(self, within_s: float = 10.0) -> None:
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            with self._lock:
                interrupt = self._interrupt
            if interrupt is None:
                return
            with contextlib.suppress(Exception):  # the work may have just finished
                interrupt()
            time.sleep(0.05)


class Executor(Protocol):
    def __call__(self, run: Run, control: RunControl) -> dict[str, Any]: ...


@dataclass
class RunKind:
    name: str
    execute: Executor
    threads: int = 1  # workers in this process
    max_running: int = 0  # across all processes (0: only the threads limit)
    timeout_s: float = 0.0  # 0: no limit
    # After the time limit, how long the work may take to notice it was stopped before the run
    # is ended without it and its worker replaced (a call that cannot be interrupted).
    grace_s: float = 10.0
    timeout_message: Callable[[float], str] = field(
        default=lambda s: f"ran longer than the {s:.0f} s limit and was stopped"
    )


def process_owner_prefix(home: str) -> str:
    """Names of this home's server processes start with this; only one runs at a time (the
    home lock), so at start any run held under it belongs to a dead process. The home's own
    random id is part of it: two machines (or containers) with the same host name and home
    path are still told apart."""
    path = Path(home) / "instance-id"
    try:
        instance = path.read_text().strip()
    except FileNotFoundError:
        instance = ""
    if not instance:
        instance = uuid.uuid4().hex[:12]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(instance + "\n")
        except OSError:  # no home to keep it in (a library use): this process alone
            pass
    return f"{socket.gethostname()}:{home}:{instance}:"


class RunWorkers:
    def __init__(
        self,
        runs: Runs,
        home: str,
        *,
        lease_s: float = 30.0,
        poll_s: float = 0.5,
        keeper_s: float = 1.0,
    ) -> None:
        self.runs = runs
        self.prefix = process_owner_prefix(home)
        self.owner = f"{self.prefix}{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.lease_s = lease_s
        self.poll_s = poll_s
        self.keeper_s = keeper_s
        self.kinds: dict[str, RunKind] = {}
        self._wake: dict[str, threading.Condition] = {}
        self._controls: dict[str, RunControl] = {}
        self._lock = threading.Lock()
        self._finished = threading.Condition()
        # latest runs finished here (insertion-ordered), as they ended if known
        self._done: dict[str, Run | None] = {}
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._deadlines = Deadlines()

    def register(self, kind: RunKind) -> None:
        self.kinds[kind.name] = kind
        self._wake[kind.name] = threading.Condition()

    @property
    def running(self) -> bool:
        return bool(self._threads) and not self._stopping.is_set()

    def start(self) -> None:
        for run in self.runs.recover(self.prefix):
            log.warning(
                "run %s (%s) of a stopped server: %s",
                run.id,
                run.kind,
                "queued again" if run.state == "QUEUED" else run.state,
            )
        for kind in self.kinds.values():
            for i in range(kind.threads):
                self._spawn(f"lakebox-{kind.name}-{i}", self._work, kind)
        self._spawn("lakebox-run-keeper", self._keep)

    def _spawn(self, name: str, target: Callable[..., None], *args: Any) -> None:
        t = threading.Thread(target=target, args=args, name=name, daemon=True)
        t.start()
        self._threads.append(t)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop taking runs, stop those in progress; what cannot finish in ``timeout`` is left
        to recovery (by the next start, or another process once its lease ends)."""
        self._stopping.set()
        for cond in self._wake.values():
            with cond:
                cond.notify_all()
        with self._lock:
            controls = list(self._controls.values())
        for control in controls:
            control.stop()
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(timeout=max(0.1, deadline - time.monotonic()))
        self._threads.clear()
        self._deadlines.stop()

    def wake(self, kind: str) -> None:
        """A run of ``kind`` was submitted here: let a worker take it now."""
        cond = self._wake[kind]
        with cond:
            cond.notify()

    def progress(self, run_id: str) -> dict[str, Any] | None:
        with self._lock:
            control = self._controls.get(run_id)
        return dict(control.progress) if control is not None else None

    def cancel_here(self, run_id: str) -> bool:
        """Stop a run this process holds now (without waiting for the keeper)."""
        with self._lock:
            control = self._controls.get(run_id)
        if control is None:
            return False
        control.stop()
        return True

    def finished_here(self, run_id: str) -> bool:
        """Whether a worker of this process ended the run (recently)."""
        with self._finished:
            return run_id in self._done

    def wait(self, run_id: str, timeout: float, noun: str = "run") -> Run:
        """The run once final, or as it is when ``timeout`` runs out (NotFound, naming it a
        ``noun``, for an id that is not a run, within ``poll_s``)."""
        deadline = time.monotonic() + timeout
        with self._finished:
            while run_id not in self._done:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                # woken when a run of this process finishes; else look twice a second (it
                # may run in another process; a read meanwhile would slow the run here)
                woken = self._finished.wait(timeout=min(self.poll_s, left))
                if not woken and self.runs.get(run_id, noun).state in FINAL:
                    break
            ended = self._done.get(run_id)
        return ended if ended is not None else self.runs.get(run_id, noun)

    # -- threads ---------------------------------------------------------------------------

    def _work(self, kind: RunKind) -> None:
        cond = self._wake[kind.name]
        while not self._stopping.is_set():
            try:
                run = self.runs.claim(kind.name, self.owner, self.lease_s, kind.max_running)
            except Exception:  # the database may be briefly unreachable: try again later
                log.exception("claiming a %s run failed", kind.name)
                run = None
            if run is None:
                with cond:
                    cond.wait(timeout=self.poll_s)
                continue
            if self._execute(kind, run):
                return  # its run was ended without it and a new worker took its place

    def _execute(self, kind: RunKind, run: Run) -> bool:
        """Run one; True if it was abandoned (this thread then ends)."""
        control = RunControl(run)
        with self._lock:
            self._controls[run.id] = control
        alarms: list[Alarm] = []
        if kind.timeout_s:
            alarms.append(self._deadlines.after(kind.timeout_s, lambda: control.stop(True)))
            alarms.append(
                self._deadlines.after(
                    kind.timeout_s + kind.grace_s, lambda: self._abandon(kind, control)
                )
            )
        state: RunState = "SUCCEEDED"
        result: dict[str, Any] | None = None
        reason: str | None = None
        try:
            if run.cancel_requested:
                control.stop()
            else:
                result = kind.execute(run, control)
        except RunFailed as exc:
            state, reason, result = "FAILED", exc.message, exc.result
        except LakeboxError as exc:
            state, reason = "FAILED", exc.message
        except Exception as exc:  # anything else ends the run too, named, traceback logged
            log.exception("%s run %s failed unexpectedly", kind.name, run.id)
            state, reason = "FAILED", f"internal error ({type(exc).__name__}: {exc})"
        finally:
            with control._lock:
                control.returned = True
                abandoned = control.abandoned
            for alarm in alarms:
                alarm.cancel()
        if abandoned:
            log.warning("%s run %s came back after it was ended without it", kind.name, run.id)
            with self._lock:
                self._controls.pop(run.id, None)
            return True
        # A stop that came too late to stop anything leaves the finished work as it ended;
        # one that did stop it names why.
        stopped = state != "SUCCEEDED" or run.cancel_requested
        if stopped and control.timed_out.is_set():
            state, reason, result = "FAILED", kind.timeout_message(kind.timeout_s), None
        elif stopped and control.cancelled.is_set():
            stopping = self._stopping.is_set()
            state, result = ("FAILED" if stopping else "CANCELLED"), None
            reason = "server stopped while running" if stopping else "cancelled"
        try:
            ended = self.runs.finish(
                run, self.owner, state, result=result, reason=reason, also=control.at_finish
            )
            if ended is None:
                log.warning("%s run %s was taken over before it finished here", kind.name, run.id)
        except Exception:  # recovery ends it (lease) if recording the end failed
            log.exception("recording the end of %s run %s failed", kind.name, run.id)
            ended = None
        finally:
            with self._lock:
                self._controls.pop(run.id, None)
        self._mark_done(run.id, ended)
        return False

    def _mark_done(self, run_id: str, ended: Run | None = None) -> None:
        """``ended``: the run as its end recorded it, for waiters (None: read it again)."""
        with self._finished:
            self._done[run_id] = ended
            if len(self._done) > 10_000:
                self._done.pop(next(iter(self._done)))
            self._finished.notify_all()

    def _abandon(self, kind: RunKind, control: RunControl) -> None:
        """The work did not stop within the grace after its time limit (DuckDB notices an
        interrupt only between batches of rows; one long function call is not): end the run
        with the reason and give its slot to a new worker; the old thread ends when (if) its
        work comes back."""
        with control._lock:
            if control.returned or control.committing:
                return
            control.abandoned = True
        run = control.run
        reason = kind.timeout_message(kind.timeout_s) + (
            f"; it did not stop within {kind.grace_s:.0f} s more and was left to finish alone"
        )
        try:
            self.runs.finish(run, self.owner, "FAILED", reason=reason)
        except Exception:  # recovery ends it (lease) if recording the end failed
            log.exception("ending the abandoned %s run %s failed", kind.name, run.id)
        with self._lock:
            self._controls.pop(run.id, None)
        self._mark_done(run.id)
        if not self._stopping.is_set():
            self._spawn(f"lakebox-{kind.name}-replacement", self._work, kind)

    def _keep(self) -> None:
        """Renew leases; pass on cancel requests from any process; recover dead processes'
        runs (their leases ran out)."""
        last_recovery = 0.0
        while not self._stopping.wait(self.keeper_s):
            try:
                with self._lock:  # before the heartbeat: runs claimed since are not judged
                    executing = set(self._controls)
                held = self.runs.heartbeat(self.owner, self.lease_s)
                for run_id, cancel in held.items():
                    if cancel:
                        self.cancel_here(run_id)
                for run_id in executing - set(held):
                    # Recovered elsewhere (this process stalled past its lease): stop it here,
                    # so that it does not run twice; its finish will be refused. A run whose
                    # executor came back was not renewed because it is ending: not lost.
                    with self._lock:
                        control = self._controls.get(run_id)
                    if control is None or control.returned:
                        continue
                    log.warning("run %s lost its lease; stopping it here", run_id)
                    self.cancel_here(run_id)
                if time.monotonic() - last_recovery >= max(self.lease_s / 3, self.keeper_s):
                    last_recovery = time.monotonic()
                    for run in self.runs.recover():
                        log.warning(
                            "run %s (%s) of a process that stopped: %s",
                            run.id,
                            run.kind,
                            "queued again" if run.state == "QUEUED" else run.state,
                        )
                        if run.state == "QUEUED" and run.kind in self._wake:
                            self.wake(run.kind)
            except Exception:
                log.exception("run lease keeper")
