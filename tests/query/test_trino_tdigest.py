"""Trino's t-digests on lakebox (tdigest_agg, value_at_quantile, values_at_quantiles of a
tdigest): each row is Trino's answer (value and Trino type) through the real engine, or its
error. The engine and the checks are test_trino_functions.py's.

Sources: trinodb/trino TestTDigestFunctions (testValueAtQuantile, testValuesAtQuantiles,
testEmptyArrayOfQuantiles, testEmptyTDigestInput, testAccuracyAtHighAndLowPercentiles with the
2,000 rows of Java's Random(1), written out by ``_java_random_rows``), TDigestFunctions'
checks of a weight, and airlift's TDigest (its checks of a value, of the quantiles). A
t-digest as a result column, or CAST to varbinary, is refused by name (TestTDigestFunctions'
testCastOperators reads the serialized digest, which lakebox does not hold).
"""

from __future__ import annotations

from typing import Any

import pytest

from lakebox.errors import LakeboxError
from lakebox.query.engine import QueryEngine, QueryFailed
from lakebox.query.trino_functions import UnsupportedFunction
from tests.query import test_trino_functions as base

engine = base.engine  # the module's engine


class _JavaRandom:
    """java.util.Random: its 48-bit linear congruential generator, nextLong, and the bounded
    longs of Random.longs(n, origin, bound)."""

    _MASK = (1 << 48) - 1

    def __init__(self, seed: int) -> None:
        self.seed = (seed ^ 0x5DEECE66D) & self._MASK

    def _next(self, bits: int) -> int:
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & self._MASK
        value = self.seed >> (48 - bits)
        return value - (1 << bits) if value >= 1 << (bits - 1) else value  # a signed int

    def next_long(self) -> int:
        value = ((self._next(32) << 32) + self._next(32)) & ((1 << 64) - 1)
        return value - (1 << 64) if value >= 1 << 63 else value

    def bounded(self, origin: int, bound: int) -> int:
        r, n = self.next_long(), bound - origin
        m = n - 1
        if n & m == 0:
            return (r & m) + origin
        u = (r & ((1 << 64) - 1)) >> 1
        while True:
            r = u % n
            if u + m - r < 1 << 63:  # Java retries while the sum overflows a long
                return r + origin
            u = (self.next_long() & ((1 << 64) - 1)) >> 1


def _java_random_rows(size: int = 2000) -> str:
    """The VALUES of testAccuracyAtHighAndLowPercentiles: Random(1).longs(size - 1, 0, 1000)
    then .longs(size - 1, 1, 10), after a first row (1, 1)."""
    random = _JavaRandom(1)
    values = [random.bounded(0, 1000) for _ in range(size - 1)]
    weights = [random.bounded(1, 10) for _ in range(size - 1)]
    rows = ", ".join(f"({v}, {w})" for v, w in zip(values, weights, strict=True))
    return f"(VALUES (BIGINT '1', BIGINT '1'), {rows}) t(n, w)"


ACCURACY = "ARRAY[0.00001, 0.0001, 0.001, 0.01, 0.99, 0.999, 0.9999, 0.99999]"

CASES: list[tuple[str, Any, str]] = [
    (
        "SELECT value_at_quantile(tdigest_agg(d), 0.75e0) FROM (VALUES 0.1e0, 0.2e0, 0.3e0, 0.4e0) T(d)",
        0.4,
        "double",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(d), 0.75e0) FROM (VALUES -0.1e0, -0.2e0, -0.3e0, -0.4e0) T(d)",
        -0.1,
        "double",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(d), 0.9e0) FROM (VALUES 0.1e0, 0.1e0, 0.1e0, 0.1e0, 10e0) T(d)",
        10.0,
        "double",
    ),
    (
        "SELECT values_at_quantiles(tdigest_agg(d), ARRAY[0.0001e0, 0.75e0, 0.85e0]) FROM (VALUES 0.1e0, 0.2e0, 0.3e0, 0.4e0) T(d)",
        [0.1, 0.4, 0.4],
        "array(double)",
    ),
    (
        "SELECT values_at_quantiles(tdigest_agg(d), ARRAY[0.0001e0, 0.75e0, 0.85e0]) FROM (VALUES -0.1e0, -0.2e0, -0.3e0, -0.4e0) T(d)",
        [-0.4, -0.1, -0.1],
        "array(double)",
    ),
    (
        "SELECT values_at_quantiles(tdigest_agg(d), ARRAY[0.0001e0, 0.75e0, 0.85e0]) FROM (VALUES 0.1e0, 0.1e0, 0.1e0, 0.1e0, 10e0) T(d)",
        [0.1, 0.1, 10.0],
        "array(double)",
    ),
    (
        "SELECT values_at_quantiles(tdigest_agg(d), ARRAY[]) FROM (VALUES 0.1e0, 0.2e0, 0.3e0, 0.4e0) T(d)",
        [],
        "array(double)",
    ),
    ("SELECT tdigest_agg(d) IS NULL FROM (SELECT 1e0 WHERE false) T(d)", True, "boolean"),
    (
        "SELECT value_at_quantile(tdigest_agg(d), 0.5) FROM (SELECT 1e0 WHERE false) T(d)",
        None,
        "double",
    ),
    # any numeric type, as a double; NULL values and weights left out; one value is every quantile
    (
        "SELECT values_at_quantiles(tdigest_agg(x), ARRAY[0, 1]) FROM (VALUES 1, 2, 3) t(x)",
        [1.0, 3.0],
        "array(double)",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(x), 0.5) FROM (VALUES DECIMAL '1.5', NULL, 2.5) t(x)",
        2.5,
        "double",
    ),
    (
        "SELECT values_at_quantiles(tdigest_agg(x, w), ARRAY[0.1, 0.5, 0.9]) FROM (VALUES (1.0e0, 1.5e0), (2.0e0, NULL), (NULL, 1.0e0), (2.0e0, 1.1e0), (3.0e0, 3.5e0), (4.0e0, 4.4e0), (5.0e0, 9.9e0)) t(x, w)",
        [1.9923076923076923, 4.265734265734266, 5.0],
        "array(double)",
    ),
    ("SELECT value_at_quantile(tdigest_agg(x), 0.3) FROM (VALUES 7) t(x)", 7.0, "double"),
    ("SELECT value_at_quantile(tdigest_agg(x), NULL) FROM (VALUES 7) t(x)", None, "double"),
    # per group, and read in a later query step
    (
        "SELECT array_agg(q ORDER BY g) FROM (SELECT g, value_at_quantile(tdigest_agg(x), 0.5) q FROM (VALUES (1, 1), (1, 2), (1, 3), (2, 10)) t(g, x) GROUP BY g)",
        [2.0, 10.0],
        "array(double)",
    ),
    (
        "WITH d AS (SELECT tdigest_agg(x) AS digest FROM (VALUES 1, 2, 3, 4) t(x)) SELECT value_at_quantile(digest, 0.75) FROM d",
        4.0,
        "double",
    ),
    # merge of t-digests: the digest of all their values (Trino's, while its digests hold every
    # value: fewer than about 40)
    (
        "SELECT value_at_quantile(merge(d), 0.75) FROM (SELECT tdigest_agg(x) d FROM (VALUES 1, 2) t(x) UNION ALL SELECT tdigest_agg(y) FROM (VALUES 3, 4) u(y))",
        4.0,
        "double",
    ),
    (
        "SELECT values_at_quantiles(merge(d), ARRAY[0.0001e0, 0.75e0, 0.85e0]) FROM (SELECT tdigest_agg(x) d FROM (VALUES 0.1e0, 0.2e0) t(x) UNION ALL SELECT tdigest_agg(y) FROM (VALUES 0.3e0, 0.4e0) u(y))",
        [0.1, 0.4, 0.4],
        "array(double)",
    ),
    # a quantile digest still answers in its own type beside the t-digest
    (
        "SELECT value_at_quantile(qdigest_agg(x), 0.5) FROM (VALUES BIGINT '0', 1, 2, 3, 4, 5, 6, 7, 8, 9) t(x)",
        5,
        "bigint",
    ),
]

ERRORS: list[tuple[str, type[LakeboxError], str]] = [
    (
        "SELECT values_at_quantiles(tdigest_agg(d), ARRAY[1e0, 0e0]) FROM (VALUES 0.1e0) T(d)",
        QueryFailed,
        "percentiles must be sorted in increasing order",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(d), 1.5) FROM (VALUES 0.1e0) T(d)",
        QueryFailed,
        "quantiles should be in [0, 1] range",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(x, w), 0.5) FROM (VALUES (1e0, 0.5e0)) t(x, w)",
        QueryFailed,
        "weight must be >= 1, was 0.5",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(x, w), 0.5) FROM (VALUES (1e0, infinity())) t(x, w)",
        QueryFailed,
        "weight must be finite, was Infinity",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(x), 0.5) FROM (VALUES nan()) t(x)",
        QueryFailed,
        "value is NaN",
    ),
    (
        "SELECT value_at_quantile(tdigest_agg(x), 0.5) FROM (VALUES -infinity()) t(x)",
        QueryFailed,
        "value must be finite",
    ),
    ("SELECT tdigest_agg(x) FROM (VALUES 1) t(x)", QueryFailed, "holds t-digests"),
    (
        "SELECT CAST(tdigest_agg(x) AS varbinary) FROM (VALUES 1) t(x)",
        UnsupportedFunction,
        "tdigest",
    ),
    (
        "SELECT tdigest_agg(DISTINCT x) FROM (VALUES 1) t(x)",
        UnsupportedFunction,
        "DISTINCT, FILTER or OVER",
    ),
    ("SELECT tdigest_agg(x, 1, 2) FROM (VALUES 1) t(x)", UnsupportedFunction, "3 arguments"),
    (
        "SELECT merge(d) IS NULL FROM (SELECT make_set_digest(x) d FROM (VALUES 1) t(x))",
        QueryFailed,
        "merge of this sketch is not supported by lakebox",
    ),
    (
        "SELECT merge(d) FROM (SELECT tdigest_agg(x) d FROM (VALUES 1) t(x))",
        QueryFailed,
        "holds t-digests",
    ),
]


@pytest.mark.parametrize(("sql", "value", "trino_type"), CASES, ids=[c[0][:80] for c in CASES])
def test_trino_answer(engine: QueryEngine, sql: str, value: Any, trino_type: str) -> None:
    base.test_trino_answer(engine, sql, value, trino_type)


@pytest.mark.parametrize(("sql", "error", "words"), ERRORS, ids=[c[0][:80] for c in ERRORS])
def test_trino_errors(engine: QueryEngine, sql: str, error: type[LakeboxError], words: str) -> None:
    base.test_trino_errors(engine, sql, error, words)


def test_accuracy_at_high_and_low_percentiles_as_trino_tests_it(engine: QueryEngine) -> None:
    # TestTDigestFunctions: 2,000 weighted values (merged several times on the way), each
    # extreme quantile rounds to the quantile digest's answer
    assert _JavaRandom(1).next_long() == -4964420948893066024  # Java's new Random(1).nextLong()
    rows = _java_random_rows()
    tdigest, _ = base.run(
        engine, f"SELECT values_at_quantiles(tdigest_agg(n, w), {ACCURACY}) FROM {rows}"
    )
    qdigest, _ = base.run(
        engine, f"SELECT values_at_quantiles(qdigest_agg(n, w, 0.00001), {ACCURACY}) FROM {rows}"
    )
    assert len(tdigest) == len(qdigest) == 8
    assert [round(v) for v in tdigest] == qdigest
