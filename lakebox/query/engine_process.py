"""Engine processes: where a query's final SQL runs, so that no query can take the server's
memory or outlive its stop.

The server plans a query (catalog, authorization, sandbox checks, the tables' files) and sends
its final DuckDB SQL to one of a few long-lived processes (engine_worker.py), which runs it on
its own locked-down DuckDB database under an address-space limit and streams the result back as
Arrow IPC batches. Why processes: DuckDB materializes a chunk of up to 2,048 rows outside its
memory limit (2,048 strings of 30 MB are 60 GB), and one DuckDB call may not notice an
interrupt; a process can be limited by the kernel, and killed.

Messages (pickled tuples over a socket pair): parent → process ``("run", token, sql,
fetch_rows, max_bytes)``, ``("interrupt", token)``, ``("exit",)``; process → parent
``("batches", token, ipc)`` (a large result, 8 MB at a time), ``("done", token, [(name,
type)], ipc, engine_ms)`` (the last batches, maybe none), ``("too_large", token, bytes,
rows)``, ``("failed", token, error class, message)``; ``ipc`` is an Arrow IPC stream.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from lakebox.errors import ConfigError

log = logging.getLogger(__name__)

START_TIMEOUT_S = 60.0
# after an interrupt, how long a query may take to stop before its process is killed
STOP_GRACE_S = 5.0
_POLL_S = 0.2
_WORKER = str(Path(__file__).with_name("engine_worker.py"))


class EngineFailed(Exception):
    """The query failed in its process: DuckDB's error (``kind`` its class name), or the
    process ended (``kind`` "ProcessEnded") or was killed for not stopping ("Killed")."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class ResultOverLimit(Exception):
    def __init__(self, size: int, rows: int) -> None:
        super().__init__(f"{size} bytes after {rows} rows")
        self.size = size
        self.rows = rows


@dataclass
class Outcome:
    columns: list[tuple[str, str]]  # (name, DuckDB type)
    table: Any  # pyarrow.Table
    engine_ms: float


_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "tb": 1000**4,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "tib": 1024**4,
}


def memory_bytes(text: str, setting: str = "query_memory_limit") -> int:
    """A DuckDB memory size (``2GB``, ``512MiB``, ``80%`` of this machine's memory) in bytes."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*|%)\s*", text)
    if found is None or (found.group(2) != "%" and found.group(2).lower() not in _UNITS):
        raise ConfigError(f"{setting} {text!r} is not a memory size (such as 2GB, 512MiB or 50%)")
    number, unit = float(found.group(1)), found.group(2).lower()
    if unit == "%":
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") * number / 100)
    return int(number * _UNITS[unit])


def address_space_limit(memory_limit: int) -> int:
    """The kernel's limit on an engine process's address space: DuckDB's own limit twice over
    (what it allocates outside its buffer manager: result chunks, hash tables' overhead) plus
    what the interpreter, DuckDB, Arrow and their threads map before any query (~0.5 GB)."""
    return 2 * memory_limit + 1024**3


class Interrupter:
    """What a query's stop calls, from any thread: DuckDB's interrupt of the planning
    connection, and of the query's run in its engine process once it is there."""

    def __init__(self, planning: Any) -> None:
        self._planning = planning
        self._lock = threading.Lock()
        self._running: tuple[EngineProcess, str] | None = None
        self.interrupted_at: float | None = None

    def interrupt(self) -> None:
        with self._lock:
            if self.interrupted_at is None:
                self.interrupted_at = time.monotonic()
            running = self._running
        with contextlib.suppress(Exception):  # closed: the planning is over
            self._planning.interrupt()
        if running is not None:
            running[0].interrupt(running[1])

    def _attach(self, process: EngineProcess | None, token: str = "") -> None:
        with self._lock:
            self._running = (process, token) if process is not None else None
        if process is not None and self.interrupted_at is not None:
            process.interrupt(token)  # stopped while it was being sent


class EngineProcess:
    """One engine process and the parent's end of its socket."""

    def __init__(self, init: dict[str, Any], spill_dir: Path) -> None:
        self.spill_dir = spill_dir
        parent, child = socket.socketpair()
        try:
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-I",  # nothing of the environment's; the script's folder not on the path
                    _WORKER,  # a file, not a module: no import of lakebox (and its server)
                    str(child.fileno()),
                    str(os.getpid()),
                ],
                pass_fds=[child.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
            )
        finally:
            child.close()
        self._conn = Connection(parent.detach())
        self._send_lock = threading.Lock()
        self.alive = True
        self._send(init)
        try:
            reply = self._receive(None, START_TIMEOUT_S)
        except Exception:
            self.kill()
            raise
        if reply[0] != "ready":
            self.kill()
            raise EngineFailed(reply[2], f"the query engine did not start: {reply[3]}")

    @property
    def pid(self) -> int:
        return self._process.pid

    def run(self, sql: str, fetch_rows: int, max_bytes: int, interrupter: Interrupter) -> Outcome:
        """Run ``sql`` there; the result, or EngineFailed / ResultOverLimit."""
        import pyarrow as pa

        token = uuid.uuid4().hex
        start = time.perf_counter()
        self._send(("run", token, sql, fetch_rows, max_bytes))
        interrupter._attach(self, token)
        try:
            batches: list[Any] = []
            while True:
                message = self._receive(interrupter)
                kind = message[0]
                if kind == "batches":
                    batches += pa.ipc.open_stream(message[2]).read_all().to_batches()
                elif kind == "done":
                    last = pa.ipc.open_stream(message[3])
                    batches += last.read_all().to_batches()
                    table = pa.Table.from_batches(batches, schema=last.schema)
                    columns = [(str(n), str(t)) for n, t in message[2]]
                    return Outcome(columns, table, (time.perf_counter() - start) * 1000)
                elif kind == "too_large":
                    raise ResultOverLimit(message[2], message[3])
                else:
                    raise EngineFailed(message[2], message[3])
        except (EngineFailed, ResultOverLimit):
            raise
        except BaseException:  # what it still sends would be read by the next query
            self.kill()
            raise
        finally:
            interrupter._attach(None)

    def interrupt(self, token: str) -> None:
        with contextlib.suppress(OSError):  # it just ended
            self._send(("interrupt", token))

    def _send(self, message: Any) -> None:
        with self._send_lock:
            self._conn.send(message)

    def _receive(self, interrupter: Interrupter | None, timeout_s: float = 0.0) -> Any:
        """The next message; the process killed if it was interrupted and has not answered
        within STOP_GRACE_S (or within ``timeout_s``, if given)."""
        waited_from = time.monotonic()
        while True:
            try:
                if self._conn.poll(_POLL_S):
                    return self._conn.recv()
            except (EOFError, OSError):
                pass  # it ended: told below
            code = self._process.poll()
            if code is not None:
                self.kill()
                raise EngineFailed("ProcessEnded", _ended(code))
            now = time.monotonic()
            stopped = interrupter.interrupted_at if interrupter is not None else None
            if stopped is not None and now - stopped > STOP_GRACE_S:
                self.kill()
                raise EngineFailed(
                    "Killed",
                    f"the query did not stop within {STOP_GRACE_S:.0f} s of being interrupted; "
                    "its engine process was ended",
                )
            if timeout_s and now - waited_from > timeout_s:
                self.kill()
                raise EngineFailed("Killed", f"no answer within {timeout_s:.0f} s")

    def close(self) -> None:
        """Ask it to exit; kill it if it does not."""
        if not self.alive:
            return
        with contextlib.suppress(OSError):
            self._send(("exit",))
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=2.0)
        self.kill()

    def kill(self) -> None:
        self.alive = False
        with contextlib.suppress(OSError):
            self._process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=10.0)
        with contextlib.suppress(OSError):
            self._conn.close()
        shutil.rmtree(self.spill_dir, ignore_errors=True)  # what it spilled is nobody's now


def _ended(code: int) -> str:
    if code == -9:
        return (
            "the query's engine process was killed (SIGKILL: the machine may be out of "
            "memory); the query was not completed"
        )
    if code < 0:
        return f"the query's engine process died of signal {-code}; the query was not completed"
    return f"the query's engine process exited with code {code}; the query was not completed"


class EnginePool:
    """Up to ``size`` engine processes, started when first needed and kept warm (their
    DuckDB caches of Parquet metadata stay hot); a process that ended or was killed is
    replaced by the next query that needs one."""

    def __init__(self, start: Callable[[], EngineProcess], size: int) -> None:
        self._start = start
        self._size = max(1, size)
        self._idle: list[EngineProcess] = []
        self._count = 0
        self._closed = False
        self._changed = threading.Condition()

    @contextlib.contextmanager
    def process(self) -> Iterator[EngineProcess]:
        with self._changed:
            while not self._idle and self._count >= self._size:
                self._changed.wait()
            if self._closed:
                raise EngineFailed("Closed", "the query engine is shut down")
            process = self._idle.pop() if self._idle else None
            if process is None:
                self._count += 1
        if process is None:
            try:
                process = self._start()
            except BaseException:
                with self._changed:
                    self._count -= 1
                    self._changed.notify()
                raise
        try:
            yield process
        finally:
            with self._changed:
                if process.alive and not self._closed:
                    self._idle.append(process)
                else:
                    self._count -= 1
                    if process.alive:
                        process.close()
                self._changed.notify()

    def processes(self) -> list[int]:
        """The pids of the idle processes (for tests and diagnostics)."""
        with self._changed:
            return [p.pid for p in self._idle]

    def close(self) -> None:
        with self._changed:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            self._changed.notify_all()
        for process in idle:
            process.close()


def stale_spill_folders(spill_dir: Path) -> None:
    """Remove spill folders of engine processes whose server is gone (killed: its processes
    could not clean up)."""
    for folder in spill_dir.glob("process-*"):
        try:
            server = int(folder.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if not _alive(server):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
