"""The crash suite: `kill -9` of a real `lakebox serve` at random points while producers put,
deliveries land, event crawls run, and queries read and INSERT into an Iceberg table; after
each restart (and CTAS statements along the way):

- every acknowledged record is in the lake, once;
- no run is left QUEUED or RUNNING by the dead process (the restart recovers them at once);
- no half table is visible: the Iceberg table reads, and holds every INSERT that was
  acknowledged (and none that was not attempted);
- after the last one, the curated zone's sweep removes every file the interrupted writes left
  (once old) and none that a table reads.

50 cycles in the slow mark (`make test`); LAKEBOX_CRASH_CYCLES=500 for a longer run.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.orphans import remove_orphans
from lakebox.catalog.service import Catalog
from lakebox.meta.database import Database
from lakebox.storage import LocalStore
from tests.conftest import RunningServer, until

pytestmark = pytest.mark.slow

CYCLES = int(os.environ.get("LAKEBOX_CRASH_CYCLES", "50"))


class Workload:
    """Puts, INSERTs and reads until stopped; remembers what the server acknowledged."""

    def __init__(self, srv: RunningServer, first_id: int, first_insert: int) -> None:
        self.srv = srv
        self.headers = {"Authorization": f"Bearer {srv.credential['token']}"}
        self.next_id = first_id
        self.next_insert = first_insert
        self.acked_ids: list[int] = []
        self.acked_inserts: list[int] = []
        self.attempted_inserts: list[int] = []
        self.stop = threading.Event()

    def run(self) -> None:
        client = httpx.Client(base_url=self.srv.url, headers=self.headers, timeout=10)
        rng = random.Random()
        try:
            while not self.stop.is_set():
                ids = list(range(self.next_id, self.next_id + 20))
                self.next_id += 20
                body = b"".join(b'{"id": %d}\n' % i for i in ids)
                resp = client.post("/v1/streams/events/records", content=body)
                if resp.status_code == 200 and resp.json()["accepted"] == 20:
                    self.acked_ids += ids
                if rng.random() < 0.3:
                    n = self.next_insert
                    self.next_insert += 1
                    self.attempted_inserts.append(n)
                    sql = f"INSERT INTO cur.t VALUES ({n})"
                    done = client.post("/v1/queries", json={"sql": sql, "wait": 10}).json()
                    if done.get("state") == "SUCCEEDED":
                        self.acked_inserts.append(n)
                if rng.random() < 0.1:  # a CTAS: the table appears whole or not at all
                    n = self.next_insert
                    self.next_insert += 1
                    sql = f"CREATE TABLE cur.c{n} AS SELECT x FROM (VALUES (1), (2), (3)) v(x)"
                    client.post("/v1/queries", json={"sql": sql, "wait": 10})
                if rng.random() < 0.2:
                    client.post("/v1/queries", json={"sql": "SELECT count(*) FROM cur.t"})
        except httpx.HTTPError:
            pass  # the server was killed under us
        finally:
            client.close()


def lake_ids(home: Path) -> list[int]:
    ids = []
    for path in (home / "data" / "raw" / "events").rglob("*"):
        if path.is_file():
            ids += [json.loads(line)["id"] for line in path.read_bytes().splitlines() if line]
    return ids


def readings(iceberg: IcebergTables) -> dict[tuple[str, int], list[Any]]:
    """Every curated table's rows at its first, last and some snapshots between (bounded)."""
    sql = iceberg.sql_catalog()
    got: dict[tuple[str, int], list[Any]] = {}
    for _, name in sql.list_tables("cur"):
        table = sql.load_table(("cur", name))
        snapshots = table.snapshots()
        for snapshot in snapshots[:: max(1, len(snapshots) // 8)] + snapshots[-1:]:
            arrow = table.scan(snapshot_id=snapshot.snapshot_id).to_arrow()
            got[(name, snapshot.snapshot_id)] = sorted(arrow.column(0).to_pylist())
    return got


def sweep_what_crashes_left(home: Path, stored: list[int]) -> None:
    """The maintenance sweep, once every file of the curated zone is over an hour old: what
    is left is what the tables reference, and they read as before, at old snapshots too."""
    curated = home / "data" / "curated"
    then = time.time() - 7200
    for path in curated.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))
    db = Database(f"sqlite:///{home / 'lakebox.db'}")
    try:
        iceberg = IcebergTables(db, Catalog(db), LocalStore(home / "data"))
        before = readings(iceberg)
        swept = remove_orphans(iceberg)
        assert swept.kept == {}, swept.kept
        assert readings(iceberg) == before
        sql = iceberg.sql_catalog()
        names = [name for _, name in sql.list_tables("cur")]
        for name in names:
            table = sql.load_table(("cur", name))
            data = {p.as_uri() for p in (curated / "cur" / name / "data").rglob("*") if p.is_file()}
            assert data == set(table.inspect.all_data_files()["file_path"].to_pylist()), name
        # (a query queued before the last kill may have inserted since ``stored`` was read)
        assert set(stored) <= set(sql.load_table(("cur", "t")).scan().to_arrow()["n"].to_pylist())
        left = {p.relative_to(curated).parts[1] for p in curated.rglob("*") if p.is_file()}
        assert left == set(names), f"folders of no table left: {left - set(names)}"
    finally:
        db.dispose()


def test_kill_9_at_random_points(server_factory: Any) -> None:
    srv: RunningServer = server_factory(LAKEBOX_RUN_LEASE_S="5")
    srv.start()
    headers = {"Authorization": f"Bearer {srv.credential['token']}"}
    api = httpx.Client(base_url=srv.url, headers=headers, timeout=30)
    stream = {"name": "events", "buffer_interval_s": 1}
    assert api.post("/v1/streams", json=stream).status_code == 201
    crawler = {"name": "ev", "prefixes": ["raw/events/"], "database": "lake", "events": True}
    assert api.post("/v1/crawlers", json=crawler).status_code == 201
    ctas = api.post("/v1/queries", json={"sql": "CREATE TABLE cur.t (n bigint)", "wait": 30})
    assert ctas.json()["state"] == "SUCCEEDED", ctas.text
    api.close()
    rng = random.Random(int(os.environ.get("LAKEBOX_CRASH_SEED", str(time.time_ns()))))
    acked_ids: list[int] = []
    acked_inserts: list[int] = []
    attempted: list[int] = []
    for cycle in range(CYCLES):
        work = Workload(srv, cycle * 1_000_000, cycle * 1_000_000)
        worker = threading.Thread(target=work.run)
        worker.start()
        time.sleep(rng.uniform(0.2, 1.5))
        srv.kill()
        work.stop.set()
        worker.join(timeout=30)
        acked_ids += work.acked_ids
        acked_inserts += work.acked_inserts
        attempted += work.attempted_inserts
        srv.start()
        pid = srv.process.pid if srv.process else 0
        # No run of the dead process is left queued or running under it.
        db = sqlite3.connect(srv.home / "lakebox.db")
        stuck = db.execute(
            "SELECT id, kind, state, owner FROM runs WHERE state = 'RUNNING' AND owner NOT LIKE ?",
            (f"%:{pid}:%",),
        ).fetchall()
        db.close()
        assert stuck == [], f"cycle {cycle}: runs of the dead process still RUNNING: {stuck}"
    # After the last restart: everything acknowledged is there, once; the table is whole.
    api = httpx.Client(base_url=srv.url, headers=headers, timeout=60)
    assert api.post("/v1/streams/events/flush").status_code == 200
    ids = lake_ids(srv.home)
    assert set(acked_ids) <= set(ids), f"{len(set(acked_ids) - set(ids))} acknowledged lost"
    assert len(ids) == len(set(ids)), "a record was delivered twice"
    done = api.post("/v1/queries", json={"sql": "SELECT n FROM cur.t", "wait": 30}).json()
    assert done["state"] == "SUCCEEDED", done
    rows = api.get(f"/v1/queries/{done['id']}/results?page_size=1000").json()
    stored = [r[0] for r in rows["rows"]]
    assert set(acked_inserts) <= set(stored) <= set(attempted)
    assert len(stored) == len(set(stored)), "an INSERT was applied twice"
    made = [t["name"] for t in api.get("/v1/databases/cur/tables").json()["tables"]]
    for name in (m for m in made if m.startswith("c")):
        whole = api.post(
            "/v1/queries", json={"sql": f"SELECT count(*) FROM cur.{name}", "wait": 30}
        ).json()
        assert whole["state"] == "SUCCEEDED", whole
        count = api.get(f"/v1/queries/{whole['id']}/results").json()["rows"]
        assert count == [[3]], f"cur.{name} is half there: {count}"
    until(
        lambda: (
            not api.get("/v1/queries?all=1").json()["queries"]
            or all(
                q["state"] not in ("QUEUED", "RUNNING")
                for q in api.get("/v1/queries?all=1").json()["queries"]
            )
        ),
        within=30,
        what="no query left queued or running",
    )
    api.close()
    assert acked_ids, "the workload never got a put acknowledged: the test tested nothing"
    srv.stop()
    sweep_what_crashes_left(srv.home, stored)
