"""Trino's array and lambda functions on DuckDB (see trino_functions.py; maps: trino_maps.py,
JSON: trino_json.py)."""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import (
    KIND,
    _anonymous,
    _apply,
    _args,
    _fail,
    _fail_naming,
    _is_date,
    _kind,
    _let,
    _register,
    _template,
    refuse,
)
from lakebox.query.trino_unnest import is_map

# -- arrays and lambdas --------------------------------------------------------------------


@_register(exp.ArraySort)
def _array_sort(node: exp.Expr) -> exp.Expr | None:
    """array_sort(a, (x, y) -> ...): each element's place is the number of elements the
    comparator puts before it (ties by position: a stable sort), then sorted by place."""
    cmp = node.args.get("expression")
    if cmp is None:
        return None
    a = node.this
    elem_j = exp.Bracket(this=a.copy(), expressions=[exp.column("__lb_j")])
    elem_i = exp.Bracket(this=a.copy(), expressions=[exp.column("__lb_i")])
    order = _apply(cmp, elem_j, elem_i)
    return _template(
        "list_transform(list_sort(list_transform(generate_series(1, len(:a)), "
        "__lb_i -> {'r': len(list_filter(generate_series(1, len(:a)), "
        "__lb_j -> __lb_j <> __lb_i AND ((:o) < 0 OR ((:o) = 0 AND __lb_j < __lb_i)))), "
        "'i': __lb_i, "
        "'v': :a[__lb_i]})), __lb_s -> __lb_s.v)",
        a=a,
        o=order,
    )


@_register(exp.Reduce)
def _reduce(node: exp.Expr) -> exp.Expr | None:
    """reduce(a, init, (s, x) -> ..., s -> ...): the output lambda applied to the fold."""
    initial = node.args.get("initial")
    if (
        isinstance(initial, exp.Struct | exp.Tuple)
        or (isinstance(initial, exp.Cast) and initial.to.this == exp.DataType.Type.STRUCT)
        or (initial is not None and initial.meta.get("lakebox_row_cast"))  # trino_json.py's
    ):
        raise refuse(
            "reduce",
            "a state of another type than the elements (a row)",
            "DuckDB's list_reduce keeps the elements' type: use transform and array_sum, or SQL "
            "aggregates over UNNEST",
        )
    finish = node.args.get("finish")
    if finish is None:
        return None
    fold = node.copy()
    fold.set("finish", None)
    return _apply(finish, fold)


@_register(exp.ApproxDistinct)
def _approx_distinct(node: exp.Expr) -> exp.Expr:
    """Exact: within any standard error Athena allows (DuckDB's HyperLogLog was 10% off)."""
    return exp.Count(this=exp.Distinct(expressions=[node.this.copy()]))


# -- more arrays ---------------------------------------------------------------------------


def _match(node: exp.Expr, kind: str) -> exp.Expr:
    """any_match / all_match / none_match, three-valued as Trino: a NULL from the predicate
    counts when nothing decides otherwise."""
    args = node.expressions
    if len(args) != 2:
        raise refuse(kind, f"{len(args)} arguments", f"use {kind}(array, x -> ...)")
    a, fn = args
    decide, found = ("NOT __lb_y", "false") if kind == "all_match" else ("__lb_y", "true")
    other = "true" if found == "false" else "false"
    tree = _template(
        f"CASE WHEN :a IS NULL THEN NULL "
        f"WHEN len(list_filter(list_transform(:a, :f), __lb_y -> {decide})) > 0 THEN {found} "
        f"WHEN len(list_filter(list_transform(:a, :f), __lb_y -> __lb_y IS NULL)) > 0 "
        f"THEN NULL ELSE {other} END",
        a=a,
        f=fn,
    )
    return exp.Not(this=exp.Paren(this=tree)) if kind == "none_match" else tree


_anonymous("any_match")(lambda node: _match(node, "any_match"))
_anonymous("all_match")(lambda node: _match(node, "all_match"))
_anonymous("none_match")(lambda node: _match(node, "none_match"))


@_anonymous("zip_with")
def _zip_with(node: exp.Expr) -> exp.Expr:
    """zip_with(a, b, (x, y) -> ...): the shorter array padded with NULLs."""
    a, b, fn = _args(node, "zip_with", 3)
    at = exp.Bracket(this=a.copy(), expressions=[exp.column("__lb_k")])
    bt = exp.Bracket(this=b.copy(), expressions=[exp.column("__lb_k")])
    return _template(
        "list_transform(generate_series(1, greatest(len(:a), len(:b))), __lb_k -> :body)",
        a=a,
        b=b,
        body=_apply(fn, at, bt),
    )


@_anonymous("zip")
def _zip(node: exp.Expr) -> exp.Expr:
    """zip(a, b, ...): DuckDB's list_zip pads with NULLs as Trino does."""
    return exp.Anonymous(this="list_zip", expressions=[e.copy() for e in node.expressions])


@_register(exp.ArrayPosition)
def _array_position(node: exp.Expr) -> exp.Expr:
    """0, not NULL, when the element is not there; a bigint."""
    return _template(
        "CASE WHEN :a IS NULL THEN NULL "
        "ELSE CAST(coalesce(list_position(:a, :x), 0) AS BIGINT) END",
        a=node.this,
        x=node.expression,
    )


def _distinct(a: exp.Expr) -> exp.Expr:
    """The first of each value, in the array's order (DuckDB's list_distinct reorders and
    drops NULL)."""
    return _template("list_filter(:a, (__lb_x, __lb_i) -> list_position(:a, __lb_x) = __lb_i)", a=a)


_register(exp.ArrayDistinct)(lambda node: _distinct(node.this))


@_anonymous("array_union")
def _array_union(node: exp.Expr) -> exp.Expr:
    a, b = _args(node, "array_union", 2)
    return _distinct(_template("list_concat(:a, :b)", a=a, b=b))


@_register(exp.ArrayExcept)
def _array_except(node: exp.Expr) -> exp.Expr:
    """The distinct elements of a not in b, in a's order (NULL is an element like others)."""
    return _template(
        "list_filter(:d, __lb_y -> list_position(:b, __lb_y) IS NULL)",
        d=_distinct(node.this),
        b=node.expression,
    )


@_register(exp.ArrayIntersect)
def _array_intersect(node: exp.Expr) -> exp.Expr | None:
    if len(node.expressions) != 2:
        return None
    a, b = node.expressions
    return _template(
        "list_filter(:d, __lb_y -> list_position(:b, __lb_y) IS NOT NULL)", d=_distinct(a), b=b
    )


@_register(exp.ArraySlice)
def _slice(node: exp.Expr) -> exp.Expr:
    """slice(a, start, length): ``length`` elements from ``start`` (from the end if negative)."""
    start, length = node.args.get("start"), node.args.get("end")
    if start is None or length is None:
        raise refuse("slice", "these arguments", "use slice(array, start, length)")
    return _template(
        "CASE WHEN :s = 0 THEN :fail WHEN :n < 0 THEN :fail2 "
        "WHEN :s > 0 THEN list_slice(:a, :s, (:s) + (:n) - 1) "
        "ELSE list_slice(:a, len(:a) + (:s) + 1, least(len(:a), len(:a) + (:s) + (:n))) END",
        a=node.this,
        s=start,
        n=length,
        fail=_fail("SQL array indices start at 1", node),
        fail2=_fail("length must be greater than or equal to 0", node),
    )


@_register(exp.GenerateSeries)
def _sequence(node: exp.Expr) -> exp.Expr | None:
    """sequence(start, stop) counts down when stop < start; a sequence of dates is of dates,
    by a day when no step is given (DuckDB: timestamps, and no default step)."""
    if node.args.get("is_end_exclusive"):
        return None
    start, stop, step = node.args["start"], node.args["end"], node.args.get("step")
    if _is_date(start) or _is_date(stop):
        if step is None:
            step = _template(
                "CASE WHEN :a <= :b THEN INTERVAL 1 DAY ELSE INTERVAL -1 DAY END", a=start, b=stop
            )
        return _template("CAST(generate_series(:a, :b, :s) AS DATE[])", a=start, b=stop, s=step)
    if step is not None:
        return None
    if _kind(start) not in ("int", None) or _kind(stop) not in ("int", None):
        return None
    return _template(
        "generate_series(:a, :b, CASE WHEN :a <= :b THEN 1 ELSE -1 END)", a=start, b=stop
    )


@_anonymous("arrays_overlap")
def _arrays_overlap(node: exp.Expr) -> exp.Expr:
    a, b = _args(node, "arrays_overlap", 2)
    return _template(
        "CASE WHEN list_has_any(:a, :b) THEN true "
        "WHEN list_position(:a, NULL) > 0 OR list_position(:b, NULL) > 0 THEN NULL "
        "ELSE false END",
        a=a,
        b=b,
    )


@_anonymous("trim_array")
def _trim_array(node: exp.Expr) -> exp.Expr:
    a, n = _args(node, "trim_array", 2)
    return _template(
        "CASE WHEN :n < 0 OR :n > len(:a) THEN :fail ELSE list_slice(:a, 1, len(:a) - :n) END",
        a=a,
        n=n,
        fail=_fail("size must not exceed array cardinality", node),
    )


@_register(exp.ArraySize)
def _cardinality(node: exp.Expr) -> exp.Expr | None:
    """cardinality of a map (DuckDB's array_length takes lists only)."""
    if is_map(node.this):
        return exp.Cast(
            this=exp.Anonymous(this="cardinality", expressions=[node.this.copy()]),
            to=exp.DataType.build("BIGINT"),
        )
    return None


# -- || of an array and an element ----------------------------------------------------------


def _is_array(node: exp.Expr) -> bool:
    if isinstance(node, exp.Array | exp.GenerateSeries):
        return True
    if isinstance(node, exp.Cast) and isinstance(node.to, exp.DataType):
        return bool(node.to.this == exp.DataType.Type.ARRAY)
    return isinstance(node, exp.Column) and node.meta.get(KIND) == "array"


def _is_element(node: exp.Expr) -> bool:
    """A value known not to be an array: a literal, or a cast to another type."""
    if isinstance(node, exp.Literal | exp.Boolean):
        return True
    if isinstance(node, exp.Cast) and isinstance(node.to, exp.DataType):
        return bool(node.to.this != exp.DataType.Type.ARRAY)
    return False


@_register(exp.DPipe)
def _array_concat(node: exp.Expr) -> exp.Expr | None:
    """``ARRAY[1] || 2`` appends and ``0 || ARRAY[1]`` prepends, as in Trino (DuckDB refuses
    to concatenate a list and an element); arrays and strings concatenate as they are."""
    left, right = node.this, node.expression
    if _is_array(left) and _is_element(right):
        return exp.Anonymous(this="list_append", expressions=[left.copy(), right.copy()])
    if _is_element(left) and _is_array(right):
        return exp.Anonymous(this="list_prepend", expressions=[left.copy(), right.copy()])
    return None


# -- n-grams and shuffles -------------------------------------------------------------------


@_anonymous("ngrams")
def _ngrams(node: exp.Expr) -> exp.Expr:
    """The n-grams of an array (its sub-arrays of n consecutive elements); the whole array if
    it is shorter than n."""
    array, n = _args(node, "ngrams", 2)
    return _template(
        "CASE WHEN :n <= 0 THEN :bad WHEN :n >= len(:a) THEN [:a] "
        "ELSE list_transform(range(1, len(:a) - :n + 2), "
        "__lb_i -> :a[__lb_i : __lb_i + :n - 1]) END",
        a=array,
        n=n,
        bad=_fail("N must be positive", node),
    )


@_register(exp.Shuffle)
def _shuffle(node: exp.Expr) -> exp.Expr:
    """The elements in a random order (DuckDB has no shuffle)."""
    return _template(
        "list_transform(list_sort(list_transform(:a, __lb_x -> {'r': random(), 'v': __lb_x})), "
        "__lb_s -> __lb_s.v)",
        a=node.this,
    )


# -- first, last, sequences and combinations --------------------------------------------------

_register(exp.ArrayFirst)(lambda node: _template("list_extract(:a, 1)", a=node.this))
_register(exp.ArrayLast)(lambda node: _template("list_extract(:a, -1)", a=node.this))


@_anonymous("contains_sequence")
def _contains_sequence(node: exp.Expr) -> exp.Expr:
    """Whether ``seq`` appears in ``a`` as consecutive elements (an empty one always does)."""
    a, seq = _args(node, "contains_sequence", 2)
    # both arrays computed once (read inside the lambda, each position computed them again)
    body = _template(
        "CASE WHEN __lb_c.a IS NULL OR __lb_c.s IS NULL THEN NULL WHEN len(__lb_c.s) = 0 "
        "THEN true ELSE len(list_filter(generate_series(1, len(__lb_c.a) - len(__lb_c.s) + 1), "
        "__lb_i -> list_slice(__lb_c.a, __lb_i, __lb_i + len(__lb_c.s) - 1) = __lb_c.s)) > 0 END"
    )
    return _let("__lb_c", _template("{'a': :a, 's': :s}", a=a, s=seq), body)


@_anonymous("combinations")
def _combinations(node: exp.Expr) -> exp.Expr:
    """The n-element combinations of an array's elements by position, in Trino's order (the
    engine's lakebox_combinations gives the positions)."""
    a, n = _args(node, "combinations", 2)
    return _template(
        "CASE WHEN :n < 0 THEN :negative WHEN :n > 5 THEN :big "
        "WHEN len(:a) >= :n AND :n > 0 AND list_reduce(generate_series(1, :n), "
        "(__lb_c, __lb_k) -> __lb_c * (len(:a) - __lb_k + 1) / __lb_k, 1.0) * :n > 100000 "
        "THEN :many "
        "ELSE list_transform(lakebox_combinations(len(:a), :n), "
        "__lb_c -> list_transform(__lb_c, __lb_i -> list_extract(:a, __lb_i))) END",
        a=a,
        n=n,
        negative=_fail_naming("combination size must not be negative: ", n, node),
        big=_fail_naming("combination size must not exceed 5: ", n, node),
        many=_fail("combinations exceed max size", node),
    )
