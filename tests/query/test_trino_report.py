"""An analyst's report written for Trino (issue 11): WITH queries over a crawled table, UNNEST of
an array of rows, GROUPING SETS, window functions, a correlated subquery and date arithmetic,
each answer compared with the same numbers worked out in Python from the records themselves."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest

from lakebox.auth.access import SYSTEM, Access
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.crawler.service import Crawlers
from lakebox.crawler.settings import CrawlerSettings
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine
from lakebox.storage import Lake, LocalStore, ObjectEvents

START = dt.date(2026, 10, 1)


def _orders() -> list[dict[str, Any]]:
    rng = random.Random(11)
    orders = []
    for i in range(400):
        day = START + dt.timedelta(days=rng.randrange(60))
        items = [
            {
                "sku": rng.choice("abcdef"),
                "qty": rng.randint(1, 5),
                "price": rng.randint(1, 400) / 4,
            }
            for _ in range(rng.randint(0, 4))
        ]
        orders.append(
            {
                "id": i,
                "customer": f"c{rng.randrange(40):02d}",
                "country": rng.choice(["nl", "de", "fr"]),
                "ts": f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
                "items": items,
            }
        )
    return orders


@pytest.fixture
def report(db: Database, tmp_path: Path) -> tuple[QueryEngine, list[dict[str, Any]]]:
    orders = _orders()
    lake = Lake(LocalStore(tmp_path / "data"), ObjectEvents(db))
    for part in range(4):  # several files, as a delivery stream writes them
        body = b"".join(orjson.dumps(o) + b"\n" for o in orders[part::4])
        lake.put(f"raw/orders/part-{part}.json", body)
    catalog = Catalog(db)
    crawlers = Crawlers(db, catalog, lake.store, lake.events)
    crawlers.create(CrawlerSettings(name="c", prefixes=["raw/"], database="shop"))
    assert crawlers.run("c").state == "SUCCEEDED"
    engine = QueryEngine(
        catalog, IcebergTables(db, catalog, lake.store), lake.store, Access(), tmp_path / "spill"
    )
    return engine, orders


LINES = """
WITH orders AS (
    SELECT id, customer, country, CAST(from_iso8601_timestamp(ts) AS DATE) AS day, items
    FROM shop.orders
),
lines AS (
    SELECT o.id, o.customer, o.country, o.day, i.sku, i.qty, i.price
    FROM orders o
    CROSS JOIN UNNEST(o.items) AS i (sku, qty, price)
)
"""


def _lines(orders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {**o, "day": dt.date.fromisoformat(o["ts"][:10]), **item}
        for o in orders
        for item in o["items"]
    ]


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 6)))


def test_revenue_by_grouping_sets(report: tuple[QueryEngine, list[dict[str, Any]]]) -> None:
    engine, orders = report
    got = engine.run(
        LINES
        + """
        SELECT day, country, grouping(day, country) AS level,
               round(sum(qty * price), 6) AS revenue, count(DISTINCT id) AS orders
        FROM lines
        WHERE day BETWEEN DATE '2026-10-01' AND DATE '2026-10-01' + INTERVAL '13' DAY
        GROUP BY GROUPING SETS ((day, country), (day), ())
        ORDER BY level, day, country
        """,
        principal=SYSTEM,
    )
    end = START + dt.timedelta(days=13)
    lines = [row for row in _lines(orders) if START <= row["day"] <= end]
    groups: dict[tuple[Any, Any, int], list[dict[str, Any]]] = defaultdict(list)
    for row in lines:
        groups[(row["day"], row["country"], 0)].append(row)
        groups[(row["day"], None, 1)].append(row)
        groups[(None, None, 3)].append(row)
    want = sorted(
        (
            (
                day,
                country,
                level,
                sum(r["qty"] * r["price"] for r in rows),
                len({r["id"] for r in rows}),
            )
            for (day, country, level), rows in groups.items()
        ),
        key=lambda r: (r[2], r[0] or dt.date.max, r[1] or "~"),
    )
    assert [(d, c, lv, float(rev), n) for d, c, lv, rev, n in got.rows] == [
        (d, c, lv, pytest.approx(rev), n) for d, c, lv, rev, n in want
    ]
    assert [t for _, t in got.columns][2:] == ["BIGINT", "DOUBLE", "BIGINT"]  # grouping(): bigint


def test_top_customers_with_a_window_and_a_correlated_subquery(
    report: tuple[QueryEngine, list[dict[str, Any]]],
) -> None:
    engine, orders = report
    got = engine.run(
        LINES
        + """,
        spend AS (
            SELECT customer, country, sum(qty * price) AS spent
            FROM lines
            GROUP BY customer, country
        )
        SELECT customer, country, round(spent, 6) AS spent,
               rank() OVER (PARTITION BY country ORDER BY spent DESC) AS place
        FROM spend s
        WHERE spent > (SELECT avg(spent) FROM spend t WHERE t.country = s.country)
        ORDER BY country, place, customer
        """,
        principal=SYSTEM,
    )
    spent: dict[tuple[str, str], float] = defaultdict(float)
    for row in _lines(orders):
        spent[(row["customer"], row["country"])] += row["qty"] * row["price"]
    want = []
    for country in sorted({c for _, c in spent}):
        mine = {k: v for k, v in spent.items() if k[1] == country}
        average = sum(mine.values()) / len(mine)
        ordered = sorted(mine.items(), key=lambda kv: -kv[1])
        for (customer, _), value in ordered:
            if value > average:
                place = 1 + sum(1 for v in mine.values() if v > value)
                want.append((customer, country, value, place))
    want.sort(key=lambda r: (r[1], r[3], r[0]))
    assert [(c, k, float(v), p) for c, k, v, p in got.rows] == [
        (c, k, pytest.approx(v), p) for c, k, v, p in want
    ]


def test_weekly_cohorts_with_date_arithmetic(
    report: tuple[QueryEngine, list[dict[str, Any]]],
) -> None:
    engine, orders = report
    got = engine.run(
        LINES
        + """,
        firsts AS (
            SELECT customer, min(day) AS first_day, max(day) AS last_day
            FROM orders
            GROUP BY customer
        )
        SELECT date_trunc('week', first_day) AS cohort,
               count(*) AS customers,
               sum(CASE WHEN last_day >= first_day + INTERVAL '7' DAY THEN 1 ELSE 0 END)
                   AS returned_after_a_week,
               max(date_diff('day', first_day, last_day)) AS longest_days
        FROM firsts
        GROUP BY date_trunc('week', first_day)
        ORDER BY cohort
        """,
        principal=SYSTEM,
    )
    days: dict[str, list[dt.date]] = defaultdict(list)
    for o in orders:
        days[o["customer"]].append(dt.date.fromisoformat(o["ts"][:10]))
    cohorts: dict[dt.date, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for seen in days.values():
        first, last = min(seen), max(seen)
        cohorts[first - dt.timedelta(days=first.weekday())].append((first, last))
    want = [
        (
            week,
            len(people),
            sum(1 for f, last in people if last >= f + dt.timedelta(days=7)),
            max((last - f).days for f, last in people),
        )
        for week, people in sorted(cohorts.items())
    ]
    assert got.rows == want
    # Trino's types: date_trunc of a date is a date, the sum of CASE of integers a bigint
    assert [t for _, t in got.columns] == ["DATE", "BIGINT", "BIGINT", "BIGINT"]


def test_a_curated_table_and_a_view_get_trinos_types(
    report: tuple[QueryEngine, list[dict[str, Any]]],
) -> None:
    # Before: a CTAS of a sum of integers made a decimal(38,0) column, a date plus an
    # interval a timestamp
    engine, _ = report
    engine.run(
        "CREATE TABLE shop.units AS "
        + LINES.strip()
        + """
        SELECT customer, sum(qty) AS units, min(day) + INTERVAL '1' DAY AS after_first
        FROM lines GROUP BY customer""",
        principal=SYSTEM,
    )
    table = engine.catalog.table("shop", "units")
    assert [(c.name, c.type) for c in table.definition.columns] == [
        ("customer", "string"),
        ("units", "bigint"),
        ("after_first", "date"),
    ]
    engine.run(
        "CREATE VIEW shop.units_v AS " + LINES.strip() + " SELECT sum(qty) AS units FROM lines",
        principal=SYSTEM,
    )
    assert engine.run("SELECT * FROM shop.units_v", principal=SYSTEM).columns == [
        ("units", "BIGINT")
    ]
