"""Migration 0007 on a database with query executions and crawl runs: both become runs, ids
kept; work the old server left QUEUED or RUNNING is FAILED with the reason."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import inspect, text

from lakebox.meta.database import Database
from lakebox.runs import Runs
from tests.storage.test_event_log_migration import upgrade


def test_old_executions_and_crawl_runs_become_runs(database_url: str) -> None:
    db = Database(database_url)
    upgrade(db, "0006")
    now = datetime.now(UTC)
    with db.engine.begin() as conn:
        for qid, state in [("q-done", "SUCCEEDED"), ("q-stuck", "RUNNING")]:
            conn.execute(
                text(
                    "INSERT INTO query_executions (id, sql, dialect, state, submitted_by, "
                    "submitter, submitted_at, rows, columns, result_key) VALUES (:id, 'SELECT 1', "
                    "'athena', :state, 'KEY', 'alice', :now, 1, :cols, :rk)"
                ),
                {
                    "id": qid,
                    "state": state,
                    "now": now,
                    "cols": '[{"name": "x", "type": "INTEGER"}]',
                    "rk": f"query-results/{qid}",
                },
            )
        conn.execute(
            text(
                "INSERT INTO crawl_runs (crawler, mode, state, started_at, finished_at, report) "
                "VALUES ('c', 'full', 'SUCCEEDED', :now, :now, :report)"
            ),
            {"now": now, "report": '{"mode": "full", "objects_seen": 3}'},
        )
    upgrade(db, "head")
    tables = set(inspect(db.engine).get_table_names())
    assert "runs" in tables and not {"query_executions", "crawl_runs"} & tables
    runs = Runs(db)
    done = runs.get("q-done")
    assert (done.kind, done.state, done.principal_name) == ("query", "SUCCEEDED", "alice")
    assert done.params["sql"] == "SELECT 1" and done.result is not None
    assert done.result["columns"] == [{"name": "x", "type": "INTEGER"}]
    stuck = runs.get("q-stuck")
    assert stuck.state == "FAILED" and "server stopped while running" in (stuck.reason or "")
    [crawl] = runs.latest("crawl", subject="c")
    assert crawl.state == "SUCCEEDED" and crawl.result == {
        "report": {"mode": "full", "objects_seen": 3}
    }
    db.dispose()
