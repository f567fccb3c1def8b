"""Fuzzing SQL built from a grammar of allowed and forbidden constructs: table references that
are catalog tables, CTE names, paths in and out of the lake, table functions and the engine's
own catalog; functions that read settings; SELECT INTO; nesting. Whatever the statement, it is
refused or ends in a final state within its time, and a result never shows a secret that lies
in another key's query results or outside the lake, nor a server path.

Bounded for `make test`; LAKEBOX_FUZZ_EXAMPLES=N runs N statements."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lakebox.auth.access import SYSTEM, Access, Principal
from lakebox.auth.keys import AccessKeys, load_or_create_cipher
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import LakeboxError
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.query.service import QueryService
from lakebox.runs import Runs, RunWorkers
from lakebox.storage import Lake, LocalStore, ObjectEvents

EXAMPLES = int(os.environ.get("LAKEBOX_FUZZ_EXAMPLES", "150"))
SECRET = "SECRET-MARKER-7f3a"


class Lakebox:
    def __init__(self, service: QueryService, analyst: Principal, home: Path) -> None:
        self.service = service
        self.analyst = analyst
        self.home = home


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lakebox]:
    tmp = tmp_path_factory.mktemp("sqlfuzz")
    db = Database(f"sqlite:///{tmp / 'meta.db'}")
    db.migrate()
    lake = Lake(LocalStore(tmp / "data"), ObjectEvents(db))
    lake.put("raw/t/a.json", b"".join(orjson.dumps({"v": i}) + b"\n" for i in range(20)))
    # another key's results, inside the lake, and a file outside it: neither may be read
    lake.put("query-results/other.csv", f'"secret"\n"{SECRET}"\n'.encode())
    (tmp / "outside.csv").write_text(f"secret\n{SECRET}\n")
    catalog = Catalog(db)
    crawlers = Crawlers(db, catalog, lake.store, lake.events)
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="lake"))
    assert crawlers.run("c").state == "SUCCEEDED"
    access = Access()
    engine = QueryEngine(
        catalog, IcebergTables(db, catalog, lake.store), lake.store, access, tmp / "spill"
    )
    keys = AccessKeys(db, load_or_create_cipher(tmp / "secret.key"), access)
    workers = RunWorkers(Runs(db), str(tmp / "home"), poll_s=0.02)
    service = QueryService(
        Runs(db), workers, engine, lake, access, keys.principal, max_concurrent=1, timeout_s=20
    )
    workers.start()
    analyst = keys.create("fuzzer", "analyst", by=SYSTEM).key.principal
    yield Lakebox(service, analyst, tmp)
    workers.stop()
    service.stop()
    db.dispose()


def _refs(home: Path) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            "lake.t",
            "t",
            "x",
            '"query-results/other.csv"',
            "'query-results/other.csv'",
            f'"{home}/data/query-results/other.csv"',
            f'"{home}/outside.csv"',
            f"'{home}/outside.csv'",
            "read_csv('query-results/other.csv')",
            f"read_csv_auto('{home}/outside.csv')",
            "glob('*')",
            "duckdb_tables()",
            "information_schema.tables",
            "main.t",
            "lake.nope",
        ]
    )


COLUMNS = st.sampled_from(
    [
        "*",
        "1 AS one",
        "current_setting('allowed_directories') AS s",
        "current_setting('temp_directory') AS s",
        "getenv('HOME') AS s",
        "version() AS s",
        "count(*) AS n",
    ]
)


def statements(home: Path) -> st.SearchStrategy[str]:
    refs = _refs(home)
    NAMES = st.sampled_from(["x", f"{home}/data/query-results/other.csv", f"{home}/outside.csv"])
    base = st.builds(lambda c, r: f"SELECT {c} FROM {r}", COLUMNS, refs)

    def wrap(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.builds(lambda q: f"WITH x AS (SELECT 1 AS v) {q}", inner),
            st.builds(
                lambda q, n: f'SELECT * FROM lake.t WHERE EXISTS (WITH "{n}" AS (SELECT 1) {q})',
                inner,
                NAMES,
            ),
            # the scope confusion: the outer FROM names what only an inner WITH defines
            st.builds(
                lambda q, n: f'SELECT * FROM "{n}" WHERE EXISTS (WITH "{n}" AS (SELECT 1) {q})',
                inner,
                NAMES,
            ),
            st.builds(lambda q, r: f"{q} UNION ALL SELECT * FROM {r}", inner, refs),
            st.builds(lambda q: f"SELECT (SELECT count(*) FROM ({q})) AS n", inner),
            st.builds(lambda q: f"SELECT * FROM ({q}) AS sub", inner),
            st.builds(lambda q: q.replace(" FROM ", " INTO lake.planted FROM ", 1), inner),
        )

    return st.recursive(base, wrap, max_leaves=4)


def test_no_statement_escapes_or_sticks(box: Lakebox) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(sql=statements(box.home))
    def check(sql: str) -> None:
        try:
            execution = box.service.submit(sql, "athena", by=box.analyst)
        except LakeboxError:
            return  # refused at once, with its reason
        done = box.service.wait(execution.id, timeout=30, by=SYSTEM)
        assert done.state in ("SUCCEEDED", "FAILED"), (sql, done.state)
        if done.state == "FAILED":
            assert done.error, sql
            return
        rows: Any = box.service.results(done.id, by=SYSTEM)["rows"]
        text = orjson.dumps(rows, default=str).decode()
        assert SECRET not in text, f"escaped: {sql}"
        assert str(box.home) not in text, f"a server path leaked: {sql}"

    check()
