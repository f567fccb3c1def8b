"""Trino's sketches and histograms (trino_sketches.py): the hashes Trino feeds its sketches,
by the value's type, and the merges and quantiles over what lakebox holds of them."""

from __future__ import annotations

import itertools
import math
from typing import Any

# -- sketches (trino_sketches.py): the hashes Trino feeds its sketches, by the value's type ---

_LONGS = {"BIGINT", "INTEGER", "SMALLINT", "TINYINT"}
_PRIME64 = 0x9E3779B185EBCA87


def _value_bytes(text: str, duckdb_type: str, function: str) -> bytes:
    """A value (as DuckDB's text of it) as the bytes Trino hashes: a long's 8 bytes
    little-endian, a double's bits, a varchar's UTF-8."""
    import struct

    if duckdb_type in _LONGS:
        return struct.pack("<q", int(text))
    if duckdb_type == "BOOLEAN":
        return struct.pack("<q", 1 if text == "true" else 0)
    if duckdb_type == "DOUBLE":
        return struct.pack("<d", float(text))  # NaN has one form (Java's doubleToLongBits)
    if duckdb_type == "VARCHAR":
        return text.encode()
    raise ValueError(f"{function} of values of type {duckdb_type} is not supported by lakebox")


def _sketch_hash(text: str, duckdb_type: str) -> int:
    """airlift's Murmur3Hash128.hash64, as approx_set and make_set_digest hash a value."""
    import mmh3

    return int(mmh3.hash64(_value_bytes(text, duckdb_type, "a sketch"), 0, True, True)[0])


def _checksum_term(text: str, duckdb_type: str) -> int:
    """A value's part of checksum(): its XXH64 times Trino's prime, modulo 2^64 (signed)."""
    import xxhash

    if duckdb_type == "DOUBLE" and float(text) == 0:
        text = "0.0"  # Trino hashes -0.0 as 0.0 here (its sketches do not)
    term = xxhash.xxh64(_value_bytes(text, duckdb_type, "checksum")).intdigest() * _PRIME64
    term %= 2**64
    return term - 2**64 if term >= 2**63 else term


def _checksum_bytes(total: str) -> bytes:
    """The sum of the terms (and Trino's prime for each NULL) as checksum's 8 bytes,
    little-endian."""
    return (int(total) % 2**64).to_bytes(8, "little")


def _jaccard_index(x: list[int], y: list[int]) -> float:
    """Trino's MinHash estimate: of the k smallest hashes of the union (k the smaller digest's
    size, each digest its 8,192 smallest), the share that both hold."""
    a, b = sorted(set(x))[:8192], sorted(set(y))[:8192]
    k = min(len(a), len(b))
    if k == 0:
        return math.nan
    both = set(a) & set(b)
    union = sorted(set(a) | set(b))[:k]
    return sum(1 for h in union if h in both) / k


def _setdigest_merge(hashes: list[int], counts: list[int]) -> list[int]:
    """Digests' (hash, count) entries merged: counts of a hash added, at most 32,767; the
    result as hash, count, hash, count, ... by hash."""
    merged: dict[int, int] = {}
    for h, n in zip(hashes, counts, strict=True):
        merged[h] = min(32767, merged.get(h, 0) + n)
    return [v for h in sorted(merged) for v in (h, merged[h])]


def _quantile_indexes(weights: list[int], quantiles: list[float]) -> list[int]:
    """The 1-based positions, in a digest's values sorted, of Trino's quantiles: the first
    value whose running weight passes q times the total, else the last (airlift's
    QuantileDigest while it is exact)."""
    if any(q is None for q in quantiles):
        raise ValueError("a quantile is NULL")
    if any(not 0 <= q <= 1 for q in quantiles):
        raise ValueError("quantile must be between [0,1]")
    if any(b < a for a, b in itertools.pairwise(quantiles)):
        raise ValueError("quantiles must be sorted in increasing order")
    total = sum(weights)
    out = []
    for q in quantiles:
        running, at = 0, len(weights)
        for i, w in enumerate(weights, 1):
            running += w
            if running > q * total:
                at = i
                break
        out.append(at)
    return out


def _histogram_penalty(v1: float, w1: float, v2: float, w2: float) -> float:
    """Trino's NumericHistogram penalty of merging two buckets, in its order of operations."""
    weight = w1 + w2
    squared = (v1 - v2) * (v1 - v2)
    proportions = (w1 * w2) / ((w1 + w2) * (w1 + w2))
    return weight * squared * proportions


def _histogram_merge(values: list[float], weights: list[float], target: int) -> None:
    """Merge the sorted buckets in place down to ``target``: always the adjacent pair of the
    least penalty (ties by position), as Trino's priority queue."""
    import heapq

    count = len(values)
    left: list[int | None] = [i - 1 if i > 0 else None for i in range(count)]
    right: list[int | None] = [i + 1 if i + 1 < count else None for i in range(count)]
    version = [0] * count

    def push(i: int) -> None:
        r = right[i]
        penalty = math.inf if r is None else _histogram_penalty(values[i], weights[i],
                                                                values[r], weights[r])  # fmt: skip
        heapq.heappush(queue, (penalty, i, version[i]))

    queue: list[tuple[float, int, int]] = []
    for i in range(count):
        push(i)
    alive = set(range(count))
    while len(alive) > target:
        _, i, seen = heapq.heappop(queue)
        if i not in alive or seen != version[i]:
            continue
        r = right[i]
        assert r is not None
        weight = weights[i] + weights[r]
        values[i] = (values[i] * weights[i] + values[r] * weights[r]) / weight
        weights[i] = weight
        alive.discard(r)
        right[i] = right[r]
        if right[r] is not None:
            left[right[r]] = i  # type: ignore[index]
        version[i] += 1
        push(i)
        li = left[i]
        if li is not None:
            version[li] += 1
            push(li)
    kept = sorted(alive, key=lambda i: values[i])
    values[:] = [values[i] for i in kept]
    weights[:] = [weights[i] for i in kept]


def _histogram_compact(values: list[float], weights: list[float], buckets: int) -> None:
    pairs = sorted(zip(values, weights, strict=True), key=lambda p: p[0])
    values.clear()
    weights.clear()
    for v, w in pairs:  # the same value once, its weights added
        if values and values[-1] == v:
            weights[-1] += w
        else:
            values.append(v)
            weights.append(w)
    if len(values) > buckets:
        _histogram_merge(values, weights, buckets)


def _numeric_histogram(
    buckets: int, xs: list[float | None], ws: list[float | None]
) -> list[tuple[float, float]]:
    """Trino's numeric_histogram in one accumulator over the rows in order: a buffer of 100
    entries beyond the buckets, compacted when full and at the end."""
    if buckets < 2:
        raise ValueError("numeric_histogram bucket count must be greater than one")
    values: list[float] = []
    weights: list[float] = []
    for x, w in zip(xs, ws, strict=True):
        if x is None or w is None:
            continue
        if len(values) == buckets + 100:
            _histogram_compact(values, weights, buckets)
        values.append(x)
        weights.append(w)
    _histogram_compact(values, weights, buckets)
    return list(zip(values, weights, strict=True))


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    (
        "lakebox_numeric_histogram",
        _numeric_histogram,
        ["BIGINT", "DOUBLE[]", "DOUBLE[]"],
        "MAP(DOUBLE, DOUBLE)",
    ),
    ("lakebox_sketch_hash", _sketch_hash, ["VARCHAR", "VARCHAR"], "BIGINT"),
    ("lakebox_checksum_term", _checksum_term, ["VARCHAR", "VARCHAR"], "BIGINT"),
    ("lakebox_checksum_bytes", _checksum_bytes, ["VARCHAR"], "BLOB"),
    ("lakebox_jaccard_index", _jaccard_index, ["BIGINT[]", "BIGINT[]"], "DOUBLE"),
    ("lakebox_setdigest_merge", _setdigest_merge, ["BIGINT[]", "BIGINT[]"], "BIGINT[]"),
    ("lakebox_quantile_indexes", _quantile_indexes, ["BIGINT[]", "DOUBLE[]"], "BIGINT[]"),
]
