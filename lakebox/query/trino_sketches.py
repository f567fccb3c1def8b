"""Trino's sketches on DuckDB: HyperLogLog (approx_set, merge), set digests (make_set_digest
and its functions), quantile digests (qdigest_agg, value_at_quantile), t-digests
(tdigest_agg), numeric_histogram and checksum.

A sketch is held exactly, as a list of structs whose field names mark its kind
(``lakebox_hll``, ``lakebox_setdigest``, ``lakebox_qdigest``): the hashes Trino's sketch is
built from (the same Murmur3 hashes), or the values and weights of a quantile digest. Answers
are therefore exact where Trino's are within its error bound, and equal to Trino's while its
sketch is exact (HyperLogLog's sparse form, a set digest under 8,192 hashes, a quantile digest
before compression). A sketch cannot be a result column nor be stored (engine_worker.py
refuses the marked types by name): Trino's serialized sketches are not what lakebox holds.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from lakebox.query.trino_functions import (
    _anonymous,
    _args,
    _fail,
    _fail_naming,
    _template,
    refuse,
)
from lakebox.query.trino_unnest import as_map


def _aggregate_args(node: exp.Expr, name: str, counts: tuple[int, ...]) -> list[exp.Expr]:
    """The arguments of one of these aggregates, written plainly: its translation is several
    aggregates in a CASE, which a FILTER, DISTINCT or OVER of the whole cannot follow."""
    args = list(node.expressions)
    parent = node.parent
    if isinstance(parent, exp.Filter | exp.Window) or any(
        isinstance(a, exp.Distinct) for a in args
    ):
        raise refuse(
            name,
            f"{name}(...) with DISTINCT, FILTER or OVER",
            "filter the rows in WHERE or a subquery, and aggregate in a GROUP BY",
        )
    if len(args) not in counts:
        wanted = " or ".join(str(c) for c in counts)
        raise refuse(name, f"{len(args)} arguments", f"it takes {wanted}")
    return args


def _hash(value: exp.Expr) -> exp.Expr:
    """The Murmur3 hash Trino's sketches take of a value (its type read by DuckDB's typeof)."""
    return _template("lakebox_sketch_hash(CAST(:x AS VARCHAR), typeof(:x))", x=value)


@_anonymous("approx_set")
def _approx_set(node: exp.Expr) -> exp.Expr:
    """The distinct hashes of the non-NULL values; NULL when there are none (as Trino)."""
    (x,) = _aggregate_args(node, "approx_set", (1,))
    return _template(
        "CASE WHEN count(:x) = 0 THEN NULL ELSE list_distinct(list({'lakebox_hll': :h}) "
        "FILTER (WHERE :x IS NOT NULL)) END",
        x=x,
        h=_hash(x),
    )


@_anonymous("empty_approx_set")
def _empty_approx_set(node: exp.Expr) -> exp.Expr:
    _args(node, "empty_approx_set", 0)
    return _template("CAST([] AS STRUCT(lakebox_hll BIGINT)[])")


@_anonymous("merge")
def _merge(node: exp.Expr) -> exp.Expr:
    """merge(HyperLogLog): the union; merge(tdigest): the values of all the digests, in the
    rows' order (an aggregate). A macro of overloads (engine_functions.sketches.MACROS) picks
    by the sketch's type, on a lambda's parameter (see _by_digest); merge of Trino's other
    sketches fails naming it."""
    (h,) = _aggregate_args(node, "merge", (1,))
    return _template(
        "CASE WHEN count(:h) = 0 THEN NULL ELSE list_extract(list_transform("
        "[flatten(list(:h))], __lb_all -> lakebox_merge_sketches(__lb_all)), 1) END",
        h=h,
    )


# -- set digests ----------------------------------------------------------------------------


@_anonymous("make_set_digest")
def _make_set_digest(node: exp.Expr) -> exp.Expr:
    """Each distinct hash with the number of its values (at most 32,767, as Trino counts)."""
    (x,) = _aggregate_args(node, "make_set_digest", (1,))
    return _template(
        "CASE WHEN count(:x) = 0 THEN NULL ELSE list_transform(map_entries("
        "histogram(:h) FILTER (WHERE :x IS NOT NULL)), __lb_e -> {'lakebox_setdigest': "
        "__lb_e.key, 'n': CAST(least(__lb_e.value, 32767) AS SMALLINT)}) END",
        x=x,
        h=_hash(x),
    )


def _digest_hashes(d: exp.Expr) -> exp.Expr:
    return _template("list_transform(:d, __lb_e -> __lb_e.lakebox_setdigest)", d=d)


@_anonymous("merge_set_digest")
def _merge_set_digest(node: exp.Expr) -> exp.Expr:
    (d,) = _aggregate_args(node, "merge_set_digest", (1,))
    merged = _template(
        "lakebox_setdigest_merge(flatten(list(:hashes)), "
        "flatten(list(list_transform(:d, __lb_e -> CAST(__lb_e.n AS BIGINT)))))",
        d=d,
        hashes=_digest_hashes(d),
    )
    return _template(
        "CASE WHEN count(:d) = 0 THEN NULL ELSE list_transform(range(0, len(:m) // 2), "
        "__lb_i -> {'lakebox_setdigest': :m[2 * __lb_i + 1], "
        "'n': CAST(:m[2 * __lb_i + 2] AS SMALLINT)}) END",
        d=d,
        m=merged,
    )


@_anonymous("intersection_cardinality")
def _intersection_cardinality(node: exp.Expr) -> exp.Expr:
    """The hashes both digests hold (Trino's exact answer while both are under 8,192)."""
    x, y = _args(node, "intersection_cardinality", 2)
    return _template(
        "CAST(len(list_intersect(:x, :y)) AS BIGINT)", x=_digest_hashes(x), y=_digest_hashes(y)
    )


@_anonymous("jaccard_index")
def _jaccard_index(node: exp.Expr) -> exp.Expr:
    x, y = _args(node, "jaccard_index", 2)
    return _template("lakebox_jaccard_index(:x, :y)", x=_digest_hashes(x), y=_digest_hashes(y))


@_anonymous("hash_counts")
def _hash_counts(node: exp.Expr) -> exp.Expr:
    """The digest's MinHash part: its 8,192 smallest hashes with their counts, by hash."""
    (d,) = _args(node, "hash_counts", 1)
    return _template(
        "map_from_entries(list_transform(list_slice(list_sort(list_transform(:d, "
        "__lb_e -> {'k': __lb_e.lakebox_setdigest, 'v': __lb_e.n})), 1, 8192), "
        "__lb_e -> {'key': __lb_e.k, 'value': __lb_e.v}))",
        d=d,
    )


# -- quantile digests -----------------------------------------------------------------------


@_anonymous("qdigest_agg")
def _qdigest_agg(node: exp.Expr) -> exp.Expr:
    """The values and their weights (1 unless given); accuracy is checked, then exact."""
    args = _aggregate_args(node, "qdigest_agg", (1, 2, 3))
    x = args[0]
    weight = args[1] if len(args) > 1 else exp.Literal.number(1)
    digest = _template(
        "CASE WHEN count(:x) FILTER (WHERE :w IS NOT NULL) = 0 THEN NULL "
        "WHEN min(:w) FILTER (WHERE :x IS NOT NULL) <= 0 "
        "THEN :bad ELSE list({'lakebox_qdigest': :x, 'w': CAST(:w AS BIGINT)}) "
        "FILTER (WHERE :x IS NOT NULL AND :w IS NOT NULL) END",
        x=x,
        w=weight,
        bad=_fail_naming(
            "Percentile weight must be > 0, was ",
            _template("CAST(min(:w) AS VARCHAR)", w=weight),
            node,
        ),
    )
    if len(args) < 3:
        return digest
    return _template(
        "CASE WHEN :a <= 0 OR :a >= 1 THEN :bad ELSE :d END",
        a=args[2],
        d=digest,
        bad=_fail_naming(
            "Percentile accuracy must be exclusively between 0 and 1, was ",
            _template("CAST(CAST(:a AS DOUBLE) AS VARCHAR)", a=args[2]),
            node,
        ),
    )


def _sorted_digest(d: exp.Expr) -> exp.Expr:
    # by the fields' positions: the same SQL binds for a t-digest (its branch not taken)
    return _template("list_sort(list_transform(:d, __lb_e -> {'v': struct_extract_at(__lb_e, 1), "
                     "'w': struct_extract_at(__lb_e, 2)}))", d=d)  # fmt: skip


def _tdigest_quantiles(d: exp.Expr, quantiles: exp.Expr) -> exp.Expr:
    return _template(
        "lakebox_tdigest_quantiles("
        "list_transform(:d, __lb_e -> CAST(struct_extract_at(__lb_e, 1) AS DOUBLE)), "
        "list_transform(:d, __lb_e -> CAST(struct_extract_at(__lb_e, 2) AS DOUBLE)), :q)",
        d=d,
        q=quantiles,
    )


def _by_digest(
    node: exp.Expr, d: exp.Expr, q: exp.Expr, answer: Callable[[exp.Expr, exp.Expr, bool], exp.Expr]
) -> exp.Expr:
    """``answer(digest, quantile, tdigest)`` for a t-digest or a quantile digest, by the
    digest's type: a macro of overloads (engine_functions.sketches.MACROS) picks one when the
    query is bound, so the answer keeps its own type (a CASE would make a quantile digest's
    bigint a double). The digest and the quantile reach it as a lambda's parameter: DuckDB picks
    a macro's overload by its arguments' types, which an aggregate's are not yet."""
    bound = exp.column("__lb_dq")
    digest, quantile = (
        exp.Dot(this=bound, expression=exp.to_identifier("d")),
        exp.Dot(this=bound.copy(), expression=exp.to_identifier("q")),
    )
    pick = _template(
        "lakebox_by_digest(:d, :t, :q)",
        d=digest,
        t=answer(digest, quantile, True),
        q=answer(digest, quantile, False),
    )
    return _template(
        "list_extract(list_transform([{'d': :d, 'q': :q}], __lb_dq -> :pick), 1)",
        d=d,
        q=q,
        pick=pick,
    )


@_anonymous("value_at_quantile")
def _value_at_quantile(node: exp.Expr) -> exp.Expr:
    d, q = _args(node, "value_at_quantile", 2)

    def answer(digest: exp.Expr, quantile: exp.Expr, tdigest: bool) -> exp.Expr:
        if tdigest:
            wanted = _template("[CAST(:q AS DOUBLE)]", q=quantile)
            return _template("list_extract(:t, 1)", t=_tdigest_quantiles(digest, wanted))
        return _template(
            "list_extract(:s, list_extract(lakebox_quantile_indexes("
            "list_transform(:s, __lb_e -> CAST(__lb_e.w AS BIGINT)), [CAST(:q AS DOUBLE)]), 1)).v",
            s=_sorted_digest(digest),
            q=quantile,
        )

    return _template(
        "CASE WHEN :q IS NULL THEN NULL ELSE :a END", q=q, a=_by_digest(node, d, q, answer)
    )


@_anonymous("values_at_quantiles")
def _values_at_quantiles(node: exp.Expr) -> exp.Expr:
    d, qs = _args(node, "values_at_quantiles", 2)

    def answer(digest: exp.Expr, quantiles: exp.Expr, tdigest: bool) -> exp.Expr:
        if tdigest:
            # Trino checks the order first, in its own words
            checked = _template(
                "CASE WHEN list_sort(CAST(:q AS DOUBLE[])) <> CAST(:q AS DOUBLE[]) THEN :bad "
                "ELSE CAST(:q AS DOUBLE[]) END",
                q=quantiles,
                bad=_fail("percentiles must be sorted in increasing order", node),
            )
            return _tdigest_quantiles(digest, checked)
        return _template(
            "list_transform(lakebox_quantile_indexes("
            "list_transform(:s, __lb_e -> CAST(__lb_e.w AS BIGINT)), CAST(:q AS DOUBLE[])), "
            "__lb_i -> list_extract(:s, __lb_i).v)",
            s=_sorted_digest(digest),
            q=quantiles,
        )

    return _by_digest(node, d, qs, answer)


# -- t-digests ------------------------------------------------------------------------------


@_anonymous("tdigest_agg")
def _tdigest_agg(node: exp.Expr) -> exp.Expr:
    """The values and their weights (1 unless given) in the rows' order, as doubles; airlift's
    TDigest is built of them when a quantile is read (engine_functions.sketches). Trino's
    checks: a weight finite and at least 1, a value neither NaN nor infinite."""
    args = _aggregate_args(node, "tdigest_agg", (1, 2))
    x = _template("CAST(:x AS DOUBLE)", x=args[0])
    weight = _template("CAST(:w AS DOUBLE)", w=args[1]) if len(args) == 2 else None
    w = weight if weight is not None else exp.Literal.number(1)
    both = "(:x IS NOT NULL AND :w IS NOT NULL)"
    checks = []
    if weight is not None:
        checks += [
            (
                f"bool_or(NOT isfinite(:w)) FILTER (WHERE {both})",
                _fail_naming(
                    "weight must be finite, was ",
                    _template(
                        "lakebox_java_double(first(:w) FILTER "
                        f"(WHERE {both} AND NOT isfinite(:w)))",
                        x=x,
                        w=w,
                    ),
                    node,
                ),
            ),
            (
                f"min(:w) FILTER (WHERE {both}) < 1",
                _fail_naming(
                    "weight must be >= 1, was ",
                    _template(f"lakebox_java_double(min(:w) FILTER (WHERE {both}))", x=x, w=w),
                    node,
                ),
            ),
        ]
    checks += [
        (f"bool_or(isnan(:x)) FILTER (WHERE {both})", _fail("value is NaN", node)),
        (f"bool_or(isinf(:x)) FILTER (WHERE {both})", _fail("value must be finite", node)),
    ]
    whens = " ".join(f"WHEN {c} THEN :bad{i}" for i, (c, _) in enumerate(checks))
    return _template(
        f"CASE WHEN count(:x) FILTER (WHERE :w IS NOT NULL) = 0 THEN NULL {whens} "
        f"ELSE list({{'lakebox_tdigest': :x, 'w': :w}}) FILTER (WHERE {both}) END",
        x=x,
        w=w,
        **{f"bad{i}": message for i, (_, message) in enumerate(checks)},
    )


# -- checksum --------------------------------------------------------------------------------


@_anonymous("checksum")
def _checksum(node: exp.Expr) -> exp.Expr:
    """Trino's order-free checksum (an aggregate): the sum of each value's XXH64 times a prime,
    Trino's prime for a NULL; 8 bytes little-endian; NULL for no rows."""
    (x,) = _aggregate_args(node, "checksum", (1,))
    prime = exp.Literal.number(0x9E3779B185EBCA87 - 2**64)  # as a signed 64-bit value
    return _template(
        "CASE WHEN count(*) = 0 THEN NULL ELSE lakebox_checksum_bytes(CAST(sum(CAST("
        "coalesce(lakebox_checksum_term(CAST(:x AS VARCHAR), typeof(:x)), :p) AS HUGEINT)) "
        "AS VARCHAR)) END",
        x=x,
        p=prime,
    )


@_anonymous("numeric_histogram")
def _numeric_histogram(node: exp.Expr) -> exp.Expr:
    """numeric_histogram(buckets, x[, weight]): Trino's merging of the nearest buckets, as one
    accumulator computes it over the rows (Trino's own answer depends on how its splits were
    merged); the bucket count of the first row."""
    args = _aggregate_args(node, "numeric_histogram", (2, 3))
    buckets, x = args[0], args[1]
    weight = args[2] if len(args) == 3 else exp.Literal.number(1)
    return as_map(
        _template(
            "CASE WHEN count(:x) FILTER (WHERE :w IS NOT NULL) = 0 THEN NULL "
            "ELSE lakebox_numeric_histogram("
            "CAST(first(:b) FILTER (WHERE :x IS NOT NULL AND :w IS NOT NULL) AS BIGINT), "
            "list(CAST(:x AS DOUBLE)) FILTER (WHERE :x IS NOT NULL AND :w IS NOT NULL), "
            "list(CAST(:w AS DOUBLE)) FILTER (WHERE :x IS NOT NULL AND :w IS NOT NULL)) END",
            b=buckets,
            x=x,
            w=weight,
        )
    )
