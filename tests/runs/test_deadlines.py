"""The one alarm thread behind every run's time limits."""

from __future__ import annotations

import threading
import time

from lakebox.runs.deadlines import Deadlines


def test_alarms_fire_in_time_order_whatever_order_they_were_set() -> None:
    deadlines = Deadlines()
    fired: list[str] = []
    done = threading.Event()
    try:
        deadlines.after(0.3, lambda: (fired.append("late"), done.set()))
        deadlines.after(0.1, lambda: fired.append("early"))
        deadlines.after(0.2, lambda: fired.append("middle"))
        assert done.wait(5)
        assert fired == ["early", "middle", "late"]
    finally:
        deadlines.stop()


def test_a_cancelled_alarm_never_fires_and_others_still_do() -> None:
    deadlines = Deadlines()
    fired: list[str] = []
    done = threading.Event()
    try:
        deadlines.after(0.05, lambda: fired.append("cancelled")).cancel()
        deadlines.after(0.1, lambda: (fired.append("kept"), done.set()))
        assert done.wait(5)
        time.sleep(0.1)
        assert fired == ["kept"]
    finally:
        deadlines.stop()


def test_a_failing_alarm_does_not_stop_the_thread() -> None:
    deadlines = Deadlines()
    done = threading.Event()
    try:
        deadlines.after(0.01, lambda: 1 / 0)  # type: ignore[func-returns-value]
        deadlines.after(0.05, done.set)
        assert done.wait(5)
    finally:
        deadlines.stop()


def test_one_thread_serves_many_runs_and_stop_ends_it() -> None:
    deadlines = Deadlines(name="lakebox-test-deadlines")
    for _ in range(200):
        deadlines.after(60, lambda: None).cancel()
    named = [t for t in threading.enumerate() if t.name == "lakebox-test-deadlines"]
    assert len(named) == 1
    deadlines.stop()
    assert not named[0].is_alive()
    done = threading.Event()
    deadlines.after(0.01, done.set)  # usable again after a stop
    assert done.wait(5)
    deadlines.stop()
