"""Trino's array, map, lambda and JSON functions on DuckDB (see trino_functions.py)."""

from __future__ import annotations

import re

from sqlglot import exp

from lakebox.query.trino_functions import (
    KIND,
    _anonymous,
    _apply,
    _fail,
    _is_date,
    _kind,
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
    if isinstance(initial, exp.Struct | exp.Tuple) or (
        isinstance(initial, exp.Cast) and initial.to.this == exp.DataType.Type.STRUCT
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


# -- JSON ----------------------------------------------------------------------------------


def _is_json(node: exp.Expr) -> bool:
    if isinstance(node, exp.Cast) and node.to.this == exp.DataType.Type.JSON:
        return True
    return isinstance(node, exp.ParseJSON | exp.JSONExtract)


@_register(exp.Cast)
def _cast(node: exp.Expr) -> exp.Expr | None:
    """CAST(json AS VARCHAR) is a JSON scalar's value (``"abc"`` is abc); an array or object
    cannot be cast to varchar in Trino."""
    to = node.args.get("to")
    if not isinstance(to, exp.DataType) or to.this not in (
        exp.DataType.Type.VARCHAR,
        exp.DataType.Type.TEXT,
    ):
        return None
    if not _is_json(node.this):
        return None
    return _template(
        "CASE WHEN json_type(:j) IN ('OBJECT', 'ARRAY') THEN :fail "
        "ELSE json_extract_string(:j, '$') END",
        j=node.this,
        fail=_fail("Cannot cast a JSON array or object to VARCHAR", node),
    )


@_register(exp.JSONExtractScalar)
def _json_extract_scalar(node: exp.Expr) -> exp.Expr:
    """json_extract_scalar of an array or object is NULL in Trino (DuckDB: its text)."""
    new = node.copy()
    return _template(
        "CASE WHEN json_type(:j, :p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE :e END",
        j=node.this,
        p=_path_literal(node.expression),
        e=new,
    )


def _path_literal(path: exp.Expr) -> exp.Expr:
    if isinstance(path, exp.JSONPath):
        return exp.Literal.string(path.sql(dialect="duckdb").strip("'"))
    return path


# SQL/JSON paths (json_query, json_value, json_exists) DuckDB's JSONPath reads the same:
# lax mode (Trino's default), members and array subscripts.
_SQL_JSON_PATH = re.compile(
    r"\s*(?:lax\s+)?(\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\.\"[^\"]*\"|\[\d+\])*)\s*", re.S
)


def _sql_json_path(name: str, path: exp.Expr | None) -> exp.Expr:
    if not (isinstance(path, exp.Literal) and path.is_string):
        raise refuse(name, "a path that is not a string literal", "write the path literally")
    found = _SQL_JSON_PATH.fullmatch(path.this)
    if found is None:
        raise refuse(
            name,
            f"the JSON path {path.this!r}",
            "use a lax path of members and subscripts ('lax $.a.b[0]')",
        )
    return exp.Literal.string(found.group(1))


def _json_query(node: exp.Expr) -> exp.Expr:
    """json_query(j, 'lax $.a'): the array or object there; a scalar (an error without an
    array wrapper) or nothing is NULL, Trino's default ON ERROR / ON EMPTY."""
    if node.args.get("option") is not None:
        raise refuse("json_query", f"{node.args['option'].name}", "leave the wrapper default")
    path = _sql_json_path("json_query", node.expression)
    return _template(
        "CASE WHEN json_type(:j, :p) IN ('OBJECT', 'ARRAY') THEN json_extract(:j, :p) END",
        j=node.this,
        p=path,
    )


@_register(exp.JSONExtract)
def _json_extract(node: exp.Expr) -> exp.Expr | None:
    if node.args.get("json_query"):
        return _json_query(node)
    return None


@_register(exp.JSONValue)
def _json_value(node: exp.Expr) -> exp.Expr:
    """json_value(j, 'lax $.a' [RETURNING type] [... ON EMPTY] [... ON ERROR]): the scalar
    there (varchar unless RETURNING says otherwise). No item is "empty"; an array or object,
    or a value that does not cast to the RETURNING type, is an "error"; each is NULL unless
    the statement says DEFAULT v or ERROR for it, as in Trino."""
    path = _sql_json_path("json_value", node.args.get("path"))
    condition = node.args.get("on_condition")
    on_empty = _on(condition, "empty", "json_value: no SQL/JSON item (ERROR ON EMPTY)", node)
    on_error = _on(condition, "error", "json_value: the item is not a scalar of the type", node)
    returning = node.args.get("returning")
    text = _template("json_extract_string(:j, :p)", j=node.this, p=path)
    cast: exp.Expr = text
    not_cast: exp.Expr = exp.false()
    if isinstance(returning, exp.DataType):
        cast = exp.Cast(this=text.copy(), to=returning.copy())
        not_cast = exp.Is(
            this=exp.TryCast(this=text.copy(), to=returning.copy()), expression=exp.Null()
        )
    return _template(
        "CASE WHEN :j IS NULL THEN NULL WHEN json_type(:j, :p) IS NULL THEN :empty "
        "WHEN json_type(:j, :p) IN ('OBJECT', 'ARRAY') THEN :error "
        "WHEN json_type(:j, :p) = 'NULL' THEN NULL WHEN :not_cast THEN :error ELSE :cast END",
        j=node.this,
        p=path,
        empty=on_empty,
        error=on_error,
        not_cast=not_cast,
        cast=cast,
    )


def _on(condition: exp.Expr | None, which: str, message: str, at: exp.Expr) -> exp.Expr:
    """What ``... ON EMPTY`` / ``... ON ERROR`` asks for: NULL (the default), DEFAULT v, or
    ERROR (the query fails, naming it)."""
    said = condition.args.get(which) if condition is not None else None
    if said is None or (isinstance(said, str) and said.upper().startswith("NULL")):
        return exp.Null()
    if isinstance(said, str):
        return _fail(message, at)
    assert isinstance(said, exp.Expr)
    return said.copy()


@_anonymous("json_exists")
def _json_exists(node: exp.Expr) -> exp.Expr:
    args = node.expressions
    if len(args) != 2:
        raise refuse("json_exists", "PASSING and ON ERROR", "use json_exists(json, path)")
    path = _sql_json_path("json_exists", args[1])
    return _template("json_exists(:j, :p)", j=args[0], p=path)


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


def _args(node: exp.Expr, name: str, count: int) -> list[exp.Expr]:
    args = list(node.expressions)
    if len(args) != count:
        raise refuse(name, f"{len(args)} arguments", f"it takes {count}")
    return args


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


# -- maps ----------------------------------------------------------------------------------


def _entry_fn(fn: exp.Expr) -> exp.Expr:
    key = exp.Anonymous(
        this="struct_extract", expressions=[exp.column("__lb_e"), exp.Literal.string("key")]
    )
    value = exp.Anonymous(
        this="struct_extract", expressions=[exp.column("__lb_e"), exp.Literal.string("value")]
    )
    return _apply(fn, key, value)


@_anonymous("map_filter")
def _map_filter(node: exp.Expr) -> exp.Expr:
    m, fn = _args(node, "map_filter", 2)
    return _template(
        "map_from_entries(list_filter(map_entries(:m), __lb_e -> :body))",
        m=m,
        body=_entry_fn(fn),
    )


@_anonymous("transform_values")
def _transform_values(node: exp.Expr) -> exp.Expr:
    m, fn = _args(node, "transform_values", 2)
    return _template(
        "map_from_entries(list_transform(map_entries(:m), "
        "__lb_e -> {'key': __lb_e.key, 'value': :body}))",
        m=m,
        body=_entry_fn(fn),
    )


@_anonymous("transform_keys")
def _transform_keys(node: exp.Expr) -> exp.Expr:
    m, fn = _args(node, "transform_keys", 2)
    return _template(
        "map_from_entries(list_transform(map_entries(:m), "
        "__lb_e -> {'key': :body, 'value': __lb_e.value}))",
        m=m,
        body=_entry_fn(fn),
    )


@_anonymous("map_agg")
def _map_agg(node: exp.Expr) -> exp.Expr:
    """map_agg(k, v): rows with a NULL key are left out, as in Trino."""
    k, v = _args(node, "map_agg", 2)
    return _template(
        "map(list(:k) FILTER (WHERE :k IS NOT NULL), list(:v) FILTER (WHERE :k IS NOT NULL))",
        k=k,
        v=v,
    )


# -- more JSON -----------------------------------------------------------------------------


@_anonymous("json_array_get")
def _json_array_get(node: exp.Expr) -> exp.Expr:
    """json_array_get(j, i): 0-based, from the end when negative, NULL past either end."""
    j, i = _args(node, "json_array_get", 2)
    return _template(
        "json_extract(:j, CASE WHEN :i >= 0 THEN '$[' || CAST(:i AS VARCHAR) || ']' "
        "ELSE '$[#' || CAST(:i AS VARCHAR) || ']' END)",
        j=j,
        i=i,
    )


@_register(exp.JSONArrayContains)
def _json_array_contains(node: exp.Expr) -> exp.Expr:
    """Whether the JSON array holds the value (compared as JSON: 2 is not "2")."""
    return _template(
        "CASE WHEN json_type(:j) <> 'ARRAY' THEN NULL ELSE list_contains(list_transform("
        "json_extract(:j, '$[*]'), __lb_v -> CAST(__lb_v AS VARCHAR)), "
        "CAST(to_json(:x) AS VARCHAR)) END",
        j=node.this,
        x=node.expression,
    )


@_anonymous("json_size")
def _json_size(node: exp.Expr) -> exp.Expr:
    j, path = _args(node, "json_size", 2)
    return _template(
        "CAST(CASE json_type(:j, :p) WHEN 'ARRAY' THEN json_array_length(:j, :p) "
        "WHEN 'OBJECT' THEN len(json_keys(:j, :p)) ELSE 0 END AS BIGINT)",
        j=j,
        p=path,
    )


@_anonymous("json_array_length")
def _json_array_length(node: exp.Expr) -> exp.Expr:
    return exp.Cast(
        this=exp.Anonymous(
            this="json_array_length", expressions=[e.copy() for e in node.expressions]
        ),
        to=exp.DataType.build("BIGINT"),
    )


@_anonymous("is_json_scalar")
def _is_json_scalar(node: exp.Expr) -> exp.Expr:
    (j,) = _args(node, "is_json_scalar", 1)
    return _template("json_type(:j) NOT IN ('OBJECT', 'ARRAY')", j=j)


@_register(exp.ArrayMax, exp.ArrayMin)
def _array_max(node: exp.Expr) -> exp.Expr:
    """array_max / array_min of an array holding NULL is NULL (DuckDB skips NULLs)."""
    name = "list_max" if isinstance(node, exp.ArrayMax) else "list_min"
    return _template(
        f"CASE WHEN list_position(:a, NULL) > 0 THEN NULL ELSE {name}(:a) END", a=node.this
    )


@_register(exp.ArrayContains)
def _contains(node: exp.Expr) -> exp.Expr:
    """contains(a, x): NULL when x is not there but a NULL is (or x is NULL), as in Trino."""
    return _template(
        "CASE WHEN :x IS NULL THEN NULL WHEN list_contains(:a, :x) THEN true "
        "WHEN list_position(:a, NULL) > 0 THEN NULL ELSE list_contains(:a, :x) END",
        a=node.this,
        x=node.expression,
    )


@_register(exp.ArraySum)
def _array_sum(node: exp.Expr) -> exp.Expr:
    """array_sum: 0 for an array without non-NULL elements (DuckDB: NULL); a bigint for
    integers."""
    a = node.this
    new = _template("CASE WHEN :a IS NULL THEN NULL ELSE coalesce(list_sum(:a), 0) END", a=a)
    if isinstance(a, exp.Array) and {_kind(e) for e in a.expressions} == {"int"}:
        return exp.Cast(this=new, to=exp.DataType.build("BIGINT"))
    return new


@_register(exp.Repeat)
def _repeat(node: exp.Expr) -> exp.Expr:
    """Trino's repeat(x, n) is an array of n x (DuckDB's repeats a string)."""
    return _template(
        "CASE WHEN :n < 0 THEN :fail ELSE list_transform(generate_series(1, :n), __lb_r -> :x) END",
        x=node.this,
        n=node.args["times"],
        fail=_fail("count argument of repeat function must be greater than or equal to 0", node),
    )


@_register(exp.Reverse)
def _reverse(node: exp.Expr) -> exp.Expr | None:
    if isinstance(node.this, exp.Array):
        return exp.Anonymous(this="list_reverse", expressions=[node.this.copy()])
    return None


@_anonymous("histogram")
def _histogram(node: exp.Expr) -> exp.Expr:
    """Counts as bigints (DuckDB's are UBIGINT)."""
    (x,) = _args(node, "histogram", 1)
    return _template(
        "map_from_entries(list_transform(map_entries(histogram(:x)), "
        "__lb_e -> {'key': __lb_e.key, 'value': CAST(__lb_e.value AS BIGINT)}))",
        x=x,
    )


@_register(exp.StrToMap)
def _split_to_map(node: exp.Expr) -> exp.Expr:
    """split_to_map(s, entries, kv): each entry must hold the key-value delimiter once."""
    s, e, kv = node.this, node.args["pair_delim"], node.args["key_value_delim"]
    return _template(
        "CASE WHEN len(list_filter(string_split(:s, :e), __lb_p -> "
        "length(__lb_p) - length(replace(__lb_p, :kv, '')) <> length(:kv))) > 0 THEN :fail "
        "ELSE map_from_entries(list_transform(string_split(:s, :e), __lb_p -> "
        "{'key': split_part(__lb_p, :kv, 1), "
        "'value': substring(__lb_p, strpos(__lb_p, :kv) + length(:kv))})) END",
        s=s,
        e=e,
        kv=kv,
        fail=_fail("Key-value delimiter must appear exactly once in each entry", node),
    )


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


# -- SQL/JSON constructors ----------------------------------------------------------------


def _json_item(value: exp.Expr) -> exp.Expr:
    """An argument as JSON text: numbers, booleans and JSON as they are, strings quoted,
    other values (dates, ...) as their text quoted, as Trino converts them."""
    return _template("CAST(to_json(:v) AS VARCHAR)", v=value)


def _json_text(texts: list[exp.Expr], open_: str, close: str) -> exp.Expr:
    """JSON texts joined between brackets or braces, a NULL one left out."""
    if not texts:
        return exp.Literal.string(open_ + close)
    return _template(
        f"'{open_}' || array_to_string(list_filter(:items, __lb_j -> __lb_j IS NOT NULL), ',')"
        f" || '{close}'",
        items=exp.Array(expressions=texts),
    )


@_anonymous("json_array")
def _json_array(node: exp.Expr) -> exp.Expr:
    """json_array(v, ...): a JSON array's text; NULL arguments left out (ABSENT ON NULL,
    Trino's default; sqlglot does not read the ON NULL clause, so NULL ON NULL is a syntax
    error)."""
    return _json_text([_json_item(v) for v in node.expressions], "[", "]")


@_register(exp.JSONObject)
def _json_object(node: exp.Expr) -> exp.Expr:
    """json_object(key VALUE v, ...): a JSON object's text; NULL values kept (NULL ON NULL,
    Trino's default) or their members left out (ABSENT ON NULL). Unique-key checks, RETURNING
    and FORMAT are refused."""
    for option in ("unique_keys", "return_type", "encoding", "format_json"):
        if node.args.get(option):
            raise refuse(
                "json_object", f"json_object with {option.replace('_', ' ')}", "leave it out"
            )
    absent = str(node.args.get("null_handling") or "").upper().startswith("ABSENT")
    members: list[exp.Expr] = []
    for kv in node.expressions:
        if not isinstance(kv, exp.JSONKeyValue):
            raise refuse("json_object", "json_object(*)", "name each key and value")
        value = (
            _json_item(kv.expression)
            if absent
            else _template("coalesce(:v, 'null')", v=_json_item(kv.expression))
        )
        members.append(
            _template(
                "CAST(to_json(CAST(:k AS VARCHAR)) AS VARCHAR) || ':' || :v",
                k=kv.this,
                v=value,
            )
        )
    return _json_text(members, "{", "}")


@_anonymous("array_histogram")
def _array_histogram(node: exp.Expr) -> exp.Expr:
    """A map of each element to how many times it occurs (NULLs ignored; bigint counts)."""
    (array,) = _args(node, "array_histogram", 1)
    return _template(
        "map_from_entries(list_transform(coalesce(map_entries(list_aggregate("
        "list_filter(:a, __lb_x -> __lb_x IS NOT NULL), 'histogram')), []), "
        "__lb_e -> {'key': __lb_e.key, 'value': CAST(__lb_e.value AS BIGINT)}))",
        a=array,
    )
