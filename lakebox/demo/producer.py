"""Woot-like events (deals, orders, page views) pushed into demo streams every second."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from datetime import UTC, datetime
from typing import Any

import orjson

from lakebox.auth.access import SYSTEM
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import AlreadyExists
from lakebox.ingest.settings import StreamSettings
from lakebox.instance import Lakebox

log = logging.getLogger(__name__)

DEMO_STREAMS = ("deals", "orders", "pageviews")
DEMO_QUERIES = (
    (
        "revenue-by-category",
        "Order revenue per product category",
        "SELECT item.category, round(sum(item.price * item.quantity), 2) AS revenue, "
        "count(*) AS items FROM orders CROSS JOIN UNNEST(items) AS t(item) "
        "GROUP BY item.category ORDER BY revenue DESC",
    ),
    (
        "top-pages",
        "Most viewed pages and their average time on page",
        "SELECT path, count(*) AS views, avg(duration_ms) AS avg_ms FROM pageviews "
        "GROUP BY path ORDER BY views DESC",
    ),
    (
        "best-discounts",
        "Deals with the biggest discount",
        "SELECT title, price, list_price, round(100 * (1 - price / list_price)) AS pct_off "
        "FROM deals ORDER BY pct_off DESC LIMIT 10",
    ),
)
_PRODUCTS = [
    ("Refurbished Robot Vacuum", "Home"),
    ("Noise-Cancelling Headphones", "Electronics"),
    ("Cast Iron Skillet Set", "Kitchen"),
    ("Trail Running Shoes", "Sports"),
    ("4K Action Camera", "Electronics"),
    ("Bag of Crap", "Mystery"),
]
_PAGES = ["/", "/deals", "/deals/today", "/cart", "/checkout", "/account"]


def make_event(stream: str, rng: random.Random) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat()
    product, category = rng.choice(_PRODUCTS)
    if stream == "deals":
        return {
            "deal_id": f"d-{rng.randint(1000, 9999)}",
            "title": product,
            "category": category,
            "price": round(rng.uniform(5, 300), 2),
            "list_price": round(rng.uniform(300, 600), 2),
            "starts_at": now,
        }
    if stream == "orders":
        qty = rng.randint(1, 3)
        price = round(rng.uniform(5, 300), 2)
        return {
            "order_id": str(uuid.UUID(int=rng.getrandbits(128))),
            "customer_id": f"c-{rng.randint(1, 500)}",
            "items": [{"title": product, "category": category, "quantity": qty, "price": price}],
            "total": round(qty * price, 2),
            "ordered_at": now,
        }
    return {
        "session_id": f"s-{rng.randint(1, 2000)}",
        "path": rng.choice(_PAGES),
        "referrer": rng.choice(["", "https://www.google.com/", "newsletter"]),
        "duration_ms": rng.randint(50, 20000),
        "viewed_at": now,
    }


def ensure_demo_streams(box: Lakebox) -> None:
    for name in DEMO_STREAMS:
        with contextlib.suppress(AlreadyExists):
            box.ingest.create_stream(StreamSettings.for_cli(name, buffer_interval_s=10), by=SYSTEM)
    for name, description, sql in DEMO_QUERIES:
        with contextlib.suppress(AlreadyExists):
            box.saved_queries.save(name, sql, "demo", description, by=SYSTEM)
    # An event-mode crawler, so the demo tables appear in database `demo` and grow on their own.
    with contextlib.suppress(AlreadyExists):
        box.crawlers.create(
            CrawlerSettings(
                name="demo",
                prefixes=[f"raw/{n}/" for n in DEMO_STREAMS],
                database="demo",
                events=True,
            )
        )


async def run_demo(box: Lakebox, interval_s: float = 1.0) -> None:
    await asyncio.to_thread(ensure_demo_streams, box)
    rng = random.Random()
    log.info("demo producer pushing to %s", ", ".join(DEMO_STREAMS))
    while True:
        for name in DEMO_STREAMS:
            count = {"deals": 1, "orders": 5, "pageviews": 20}[name]
            records = [orjson.dumps(make_event(name, rng)) for _ in range(count)]
            try:
                await asyncio.wrap_future(box.ingest.put_records(name, records, by=SYSTEM))
            except Exception as exc:  # the demo must never take the server down
                log.warning("demo producer could not push to %s: %s", name, exc)
        await asyncio.sleep(interval_s)
