"""Areas of the lake that lakebox keeps for itself.

Query results belong to whoever ran the query (the API shows them to their owner only), and
the Iceberg warehouse's files belong to their tables (catalogued when they commit). Neither is
raw data: crawlers never read them, whatever prefix they were given.
"""

from __future__ import annotations

QUERY_RESULTS = "query-results/"
ICEBERG_WAREHOUSE = "curated/"
INTERNAL = (QUERY_RESULTS, ICEBERG_WAREHOUSE)


def internal_area(key_or_prefix: str) -> str | None:
    """The internal area a key (or a normalized prefix) lies in, if any."""
    return next((a for a in INTERNAL if key_or_prefix.startswith(a)), None)
