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


# -- t-digests (trino_sketches.py): airlift's TDigest, as Trino's tdigest_agg builds it ---------

_TDIGEST_COMPRESSION = 100.0  # airlift's default; a digest is merged at it when serialized
_TDIGEST_MAX_SIZE = int(6 * (2 * _TDIGEST_COMPRESSION + 10))  # centroids before a merge


class _TDigest:
    """The centroids (means and weights) of a t-digest, merged as airlift's TDigest merges
    them: sorted by mean (backwards every other merge), each joined to the cluster before it
    while the cluster stays under the size its quantile allows."""

    def __init__(self) -> None:
        self.means: list[float] = []
        self.weights: list[float] = []
        self.total = 0.0
        self.min = math.inf
        self.max = -math.inf
        self.backwards = False

    def add(self, value: float, weight: float) -> None:
        if len(self.means) >= _TDIGEST_MAX_SIZE:
            self.merge(2 * _TDIGEST_COMPRESSION)
        self.means.append(value)
        self.weights.append(weight)
        self.total += weight
        self.min = min(value, self.min)
        self.max = max(value, self.max)

    def merge(self, compression: float) -> None:
        if not self.means:
            return
        order = sorted(range(len(self.means)), key=self.means.__getitem__)
        if self.backwards:
            order.reverse()
        normalizer = compression / (4 * math.log(self.total / compression) + 24)

        def largest(quantile: float) -> float:
            return quantile * (1 - quantile) / normalizer

        means, weights = [self.means[order[0]]], [self.weights[order[0]]]
        so_far = 0.0
        current = largest(0.0)
        for i in order[1:]:
            mean, weight = self.means[i], self.weights[i]
            tentative = weights[-1] + weight
            quantile = min((so_far + tentative) / self.total, 1.0)
            if tentative <= self.total * min(current, largest(quantile)):
                means[-1] += (mean - means[-1]) * weight / tentative
                weights[-1] = tentative
            else:
                so_far += weights[-1]
                current = largest(so_far / self.total)
                means.append(mean)
                weights.append(weight)
        if self.backwards:
            means.reverse()
            weights.reverse()
        self.backwards = not self.backwards
        self.means, self.weights = means, weights

    def values_at(self, quantiles: list[float]) -> list[float]:
        """airlift's valuesAt: between centroids by linear interpolation, a single-sample
        centroid as its value, the ends as the minimum and maximum."""
        for i, q in enumerate(quantiles):
            if i > 0 and q < quantiles[i - 1]:
                raise ValueError("quantiles must be sorted in increasing order")
            if q < 0 or q > 1:
                raise ValueError("quantiles should be in [0, 1] range")
        means, weights, total = self.means, self.weights, self.total
        if len(means) == 1:
            return [means[0]] * len(quantiles)
        last = len(means) - 1

        def between(x: float, x0: float, y0: float, x1: float, y1: float) -> float:
            return (x - x0) / (x1 - x0) * (y1 - y0)

        def from_top(rank: float) -> float:
            return self.max + between(total - rank, 1, self.max, weights[last] / 2, means[last])

        out: list[float] = []
        ranks = [q * total for q in quantiles]
        index = 0
        while index < len(ranks) and ranks[index] < 1:
            out.append(self.min)
            index += 1
        while index < len(ranks) and ranks[index] < weights[0] / 2:
            out.append(self.min + between(ranks[index], 1, self.min, weights[0] / 2, means[0]))
            index += 1
        while (
            index < len(ranks)
            and ranks[index] <= total - 1
            and total - ranks[index] <= weights[last] / 2
            and weights[last] / 2 > 1
        ):
            out.append(from_top(ranks[index]))
            index += 1
        if index < len(ranks) and ranks[index] >= total - 1:
            return out + [self.max] * (len(ranks) - index)
        so_far = weights[0] / 2
        current = 0
        while index < len(ranks):
            rank = ranks[index]
            delta = (weights[current] + weights[current + 1]) / 2
            while current < last and so_far + delta <= rank:
                so_far += delta
                current += 1
                if current < last:
                    delta = (weights[current] + weights[current + 1]) / 2
            if current == last:
                while index < len(ranks) and ranks[index] <= total - 1 and weights[last] / 2 > 1:
                    out.append(from_top(ranks[index]))
                    index += 1
                return out + [self.max] * (len(ranks) - index)
            left, right = weights[current], weights[current + 1]
            if left == 1 and rank - so_far < left / 2:
                out.append(means[current])
            elif right == 1 and rank - so_far >= left / 2:
                out.append(means[current + 1])
            else:
                offset, length = rank - so_far, delta
                if left == 1:
                    offset -= left / 2
                    length = right / 2
                elif right == 1:
                    length = left / 2
                out.append(
                    means[current] + between(offset, 0, means[current], length, means[current + 1])
                )
            index += 1
        return out


def _tdigest_quantiles(
    values: list[float], weights: list[float], quantiles: list[float]
) -> list[float]:
    """The quantiles of the t-digest Trino's tdigest_agg makes of the values in their order:
    added one by one (merged each time the centroids fill up), then merged at the digest's
    compression as Trino serializes it, then read as value_at_quantile reads it."""
    digest = _TDigest()
    for value, weight in zip(values, weights, strict=True):
        digest.add(value, weight)
    digest.merge(_TDIGEST_COMPRESSION)
    return digest.values_at(quantiles)


def _java_text(value: float) -> str:
    from .colors import _java_double

    return _java_double(value)


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    (
        "lakebox_tdigest_quantiles",
        _tdigest_quantiles,
        ["DOUBLE[]", "DOUBLE[]", "DOUBLE[]"],
        "DOUBLE[]",
    ),
    ("lakebox_java_double", _java_text, ["DOUBLE"], "VARCHAR"),
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

# typed macros, kept in the engines' database file: a t-digest's answer or a quantile digest's,
# chosen by the digest's type when the query is bound
MACROS: list[str] = [
    "CREATE MACRO lakebox_by_digest(d STRUCT(lakebox_tdigest DOUBLE, w DOUBLE)[], t, q) AS t, "
    "(d, t, q) AS q",
    # merge: a HyperLogLog's distinct hashes, a t-digest's values; other sketches refused
    "CREATE MACRO lakebox_merge_sketches(s STRUCT(lakebox_hll BIGINT)[]) AS list_distinct(s), "
    "(s STRUCT(lakebox_tdigest DOUBLE, w DOUBLE)[]) AS s, "
    "(s) AS error('merge of this sketch is not supported by lakebox: merge takes HyperLogLogs "
    "and t-digests')",
]
