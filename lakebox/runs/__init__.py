"""The run layer: every kind of work (queries, crawls; jobs next) as persisted runs.

``Runs`` keeps them in the metadata database; ``RunWorkers`` executes them in a process;
``Scheduler`` submits the cron and event-driven ones.
"""

from lakebox.runs.store import FINAL, Run, Runs, RunState
from lakebox.runs.workers import RunControl, RunFailed, RunKind, RunWorkers

__all__ = ["FINAL", "Run", "RunControl", "RunFailed", "RunKind", "RunState", "RunWorkers", "Runs"]
