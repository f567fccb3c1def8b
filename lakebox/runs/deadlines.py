"""One thread for every run's time limits, instead of timer threads per run.

A run with a time limit needs two alarms (stop it; end it without it after a grace). Starting
two ``threading.Timer`` threads for each run cost more than a short query's own planning, so
the alarms of all runs of a process wait in one heap, served by one thread.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class Alarm:
    """A call due at a time; cancelling one that has not fired means it never will."""

    __slots__ = ("cancelled", "due", "fn")

    def __init__(self, due: float, fn: Callable[[], None]) -> None:
        self.due = due
        self.fn = fn
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Deadlines:
    def __init__(self, name: str = "lakebox-run-deadlines") -> None:
        self.name = name
        self._heap: list[tuple[float, int, Alarm]] = []
        self._order = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False

    def after(self, seconds: float, fn: Callable[[], None]) -> Alarm:
        """Call ``fn`` (in the alarm thread) ``seconds`` from now, unless cancelled first."""
        alarm = Alarm(time.monotonic() + seconds, fn)
        with self._cond:
            if self._thread is None and not self._stopping:
                self._thread = threading.Thread(target=self._serve, name=self.name, daemon=True)
                self._thread.start()
            heapq.heappush(self._heap, (alarm.due, next(self._order), alarm))
            if self._heap[0][2] is alarm:  # sooner than what the thread waits for
                self._cond.notify()
        return alarm

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=5)
        with self._cond:
            self._heap.clear()
            self._stopping = False

    def _serve(self) -> None:
        while True:
            with self._cond:
                while not self._stopping:
                    while self._heap and self._heap[0][2].cancelled:
                        heapq.heappop(self._heap)  # cancelled alarms leave as they come up
                    now = time.monotonic()
                    if self._heap and self._heap[0][0] <= now:
                        alarm = heapq.heappop(self._heap)[2]
                        break
                    self._cond.wait(timeout=self._heap[0][0] - now if self._heap else None)
                else:
                    return
            try:  # outside the lock: an alarm may set another
                if not alarm.cancelled:
                    alarm.fn()
            except Exception:
                log.exception("a run's alarm failed")
