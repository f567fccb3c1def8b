"""Trino's number, duration and size functions that DuckDB lacks, written in DuckDB's SQL with
Trino's rules (its documentation's examples are in tests/query/test_trino_functions.py)."""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import (
    _anonymous,
    _args,
    _fail,
    _register,
    _template,
    refuse,
)

# -- statistics -------------------------------------------------------------------------------


def _wilson(node: exp.Expr, sign: str) -> exp.Expr:
    """The Wilson score interval's bound for ``successes`` of ``trials`` at ``z``."""
    name = str(node.this).lower()
    s, n, z = _args(node, name, 3)
    p = _template("CAST(:s AS DOUBLE) / :n", s=s, n=n)
    bound = _template(
        f"(:p + :z * :z / (2 * :n) {sign} :z * sqrt((:p * (1 - :p) + :z * :z / (4 * :n)) / :n))"
        " / (1 + :z * :z / :n)",
        p=p,
        z=z,
        n=n,
    )
    return _template(
        "CASE WHEN :s < 0 THEN :neg WHEN :n <= 0 THEN :trials WHEN :s > :n THEN :more "
        "WHEN :z < 0 THEN :zneg ELSE :bound END",
        s=s,
        n=n,
        z=z,
        bound=bound,
        neg=_fail(f"{name}: number of successes must not be negative", node),
        trials=_fail(f"{name}: number of trials must be positive", node),
        more=_fail(f"{name}: number of successes must not be larger than number of trials", node),
        zneg=_fail(f"{name}: z-score must not be negative", node),
    )


_anonymous("wilson_interval_lower")(lambda node: _wilson(node, "-"))
_anonymous("wilson_interval_upper")(lambda node: _wilson(node, "+"))


@_register(exp.WidthBucket)
def _width_bucket(node: exp.Expr) -> exp.Expr:
    """The bucket (1 to n) of x among n equal buckets from bound1 to bound2; 0 below, n + 1
    above (bounds in either order)."""
    x: exp.Expr = node.this
    low, high, count = (node.args.get(k) for k in ("min_value", "max_value", "num_buckets"))
    if low is None or high is None or count is None:
        raise refuse(
            "width_bucket",
            "width_bucket(x, bins) of an array of bins",
            "use the four-argument form",
        )
    return _template(
        "CASE WHEN :n <= 0 THEN :bad_count WHEN :lo = :hi THEN :equal "
        "WHEN :lo < :hi THEN (CASE WHEN :x < :lo THEN 0 WHEN :x >= :hi THEN :n + 1 "
        "ELSE CAST(floor((:x - :lo) / (:hi - :lo) * :n) AS BIGINT) + 1 END) "
        "ELSE (CASE WHEN :x > :lo THEN 0 WHEN :x <= :hi THEN :n + 1 "
        "ELSE CAST(floor((:lo - :x) / (:lo - :hi) * :n) AS BIGINT) + 1 END) END",
        x=x,
        lo=low,
        hi=high,
        n=count,
        bad_count=_fail("bucketCount must be greater than 0", node),
        equal=_fail("bounds cannot equal each other", node),
    )


@_register(exp.ApproxQuantile)
def _approx_percentile(node: exp.Expr) -> exp.Expr:
    """approx_percentile(x, p) and (x, ARRAY[p, ...]): the exact percentile, a value of the
    data (within any error bound Trino's sketch has); the weighted and accuracy forms are
    refused."""
    if node.args.get("weight") is not None or node.args.get("accuracy") is not None:
        raise refuse(
            "approx_percentile",
            "approx_percentile with weights or an accuracy",
            "use approx_percentile(x, percentage)",
        )
    return exp.Anonymous(
        this="quantile_disc", expressions=[node.this.copy(), node.args["quantile"].copy()]
    )


# -- durations and sizes ------------------------------------------------------------------------

# milliseconds per unit
_DURATION_UNITS = {
    "ns": "1e-6", "us": "1e-3", "ms": "1", "s": "1e3", "m": "6e4", "h": "3.6e6", "d": "8.64e7",
}  # fmt: skip
_DURATION = r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$"


@_anonymous("parse_duration")
def _parse_duration(node: exp.Expr) -> exp.Expr:
    """'3.81 d' as an interval (day to second, to the millisecond as Trino's)."""
    (text,) = _args(node, "parse_duration", 1)
    units = " ".join(f"WHEN '{u}' THEN {f}" for u, f in _DURATION_UNITS.items())
    return _template(
        f"CASE WHEN NOT regexp_matches(:s, '{_DURATION}') THEN :bad ELSE "
        f"to_milliseconds(CAST(round(CAST(regexp_extract(:s, '{_DURATION}', 1) AS DOUBLE) * "
        f"(CASE regexp_extract(:s, '{_DURATION}', 2) {units} ELSE :bad END)) AS BIGINT)) END",
        s=text,
        bad=_fail("parse_duration: not a valid duration string", node),
    )


_SIZE_UNITS = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
_SIZE = r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$"


@_anonymous("parse_data_size")
def _parse_data_size(node: exp.Expr) -> exp.Expr:
    """'2.3MB' in bytes, a decimal(38,0), units of 1024 (truncated, as Trino's)."""
    (text,) = _args(node, "parse_data_size", 1)
    units = " ".join(
        f"WHEN '{u}' THEN CAST({1024**i} AS DECIMAL(38,0))" for i, u in enumerate(_SIZE_UNITS)
    )
    return _template(
        f"CASE WHEN NOT regexp_matches(:s, '{_SIZE}') THEN :bad ELSE "
        f"CAST(trunc(CAST(regexp_extract(:s, '{_SIZE}', 1) AS DECIMAL(38,9)) * "
        f"(CASE regexp_extract(:s, '{_SIZE}', 2) {units} ELSE :bad END)) AS DECIMAL(38,0)) END",
        s=text,
        bad=_fail("parse_data_size: not a valid data size string", node),
    )


@_anonymous("to_milliseconds")
def _to_milliseconds(node: exp.Expr) -> exp.Expr:
    (interval,) = _args(node, "to_milliseconds", 1)
    return _template("CAST(round(epoch(:i) * 1000) AS BIGINT)", i=interval)


@_anonymous("human_readable_seconds")
def _human_readable_seconds(node: exp.Expr) -> exp.Expr:
    """96 → '1 minute, 36 seconds': weeks, days, hours, minutes and seconds, the zero ones
    left out."""
    (value,) = _args(node, "human_readable_seconds", 1)
    s = _template("CAST(round(abs(:v)) AS BIGINT)", v=value)
    parts = []
    for unit, size, modulo in (
        ("week", 604800, None),
        ("day", 86400, 7),
        ("hour", 3600, 24),
        ("minute", 60, 60),
        ("second", 1, 60),
    ):
        amount = f"(:s // {size})" + (f" % {modulo}" if modulo else "")
        parts.append(
            f"CASE WHEN {amount} = 0 THEN NULL WHEN {amount} = 1 THEN '1 {unit}' "
            f"ELSE CAST({amount} AS VARCHAR) || ' {unit}s' END"
        )
    return _template(
        f"CASE WHEN :v IS NULL THEN NULL WHEN :s = 0 THEN '0 seconds' "
        f"ELSE concat_ws(', ', {', '.join(parts)}) END",
        v=value,
        s=s,
    )


# -- bases ---------------------------------------------------------------------------------

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@_register(exp.FromBase)
def _from_base(node: exp.Expr) -> exp.Expr:
    """The number written in base ``radix`` (2 to 36; a sign, then digits and letters), as
    Java's Long.parseLong."""
    text, radix = node.this, node.expression
    digits = _template(
        f"list_transform(string_split(regexp_replace(lower(:s), '^[+-]', ''), ''), "
        f"__lb_c -> CAST(strpos('{_DIGITS}', __lb_c) - 1 AS BIGINT))",
        s=text,
    )
    return _template(
        "CASE WHEN :s IS NULL OR :r IS NULL THEN NULL "
        "WHEN :r < 2 OR :r > 36 THEN :bad_radix "
        "WHEN NOT regexp_matches(lower(:s), '^[+-]?[0-9a-z]+$') OR list_max(:d) >= :r "
        "THEN :bad_number "
        "ELSE (CASE WHEN starts_with(:s, '-') THEN -1 ELSE 1 END) * "
        "list_reduce(:d, (__lb_a, __lb_b) -> __lb_a * :r + __lb_b) END",
        s=text,
        r=radix,
        d=digits,
        bad_radix=_fail("Radix must be between 2 and 36", node),
        bad_number=_fail("Not a valid number in the given base", node),
    )
