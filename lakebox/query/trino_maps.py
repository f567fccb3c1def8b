"""Trino's map aggregates and map functions that DuckDB lacks, and the binary encodings of
numbers, written in DuckDB's SQL with Trino's rules."""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import (
    _anonymous,
    _apply,
    _args,
    _fail,
    _fail_naming,
    _let,
    _register,
    _template,
)
from lakebox.query.trino_unnest import as_map

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


@_anonymous("map_zip_with")
def _map_zip_with(node: exp.Expr) -> exp.Expr:
    """Both maps' keys, each with fn(key, value in the first, value in the second); a value
    missing from one map is NULL."""
    first, second, fn = _args(node, "map_zip_with", 3)
    k = exp.column("__lb_k")
    body = _apply(
        fn,
        k,
        _template(":m[__lb_k]", m=first),
        _template(":m[__lb_k]", m=second),
    )
    return _template(
        "map_from_entries(list_transform(list_distinct(list_concat(map_keys(:a), map_keys(:b))),"
        " __lb_k -> {'key': __lb_k, 'value': :body}))",
        a=first,
        b=second,
        body=body,
    )


@_anonymous("multimap_agg")
def _multimap_agg(node: exp.Expr) -> exp.Expr:
    """Each key with the array of its values (an aggregate)."""
    key, value = _args(node, "multimap_agg", 2)
    return _template(
        "map_from_entries(list_transform(list_distinct(list(:k)), __lb_k -> {'key': __lb_k, "
        "'value': list_transform(list_filter(list({'k': :k, 'v': :v}), "
        "__lb_p -> __lb_p.k = __lb_k), __lb_p -> __lb_p.v)}))",
        k=key,
        v=value,
    )


def _multimap(entries: exp.Expr) -> exp.Expr:
    """The map of each distinct key of ``entries`` (an array of {'k', 'v'} structs) to the
    array of its values, in the entries' order."""
    # the entries and their keys computed once: read inside the lambdas, each element would
    # compute them again (3,000 entries ran out of memory)
    keyed = _template("{'e': :e, 'k': list_transform(:e, __lb_p -> __lb_p.k)}", e=entries)
    body = _template(
        "map_from_entries(list_transform(list_filter(__lb_m.k, "
        "(__lb_x, __lb_i) -> list_position(__lb_m.k, __lb_x) = __lb_i), "
        "__lb_y -> {'key': __lb_y, 'value': list_transform(list_filter(__lb_m.e, "
        "__lb_p -> __lb_p.k = __lb_y), __lb_p -> __lb_p.v)}))"
    )
    return _let("__lb_m", keyed, body)


@_anonymous("multimap_from_entries")
def _multimap_from_entries(node: exp.Expr) -> exp.Expr:
    """An array of (key, value) rows as a map of each key to its values; a NULL key fails."""
    (a,) = _args(node, "multimap_from_entries", 1)
    entries = _template(
        "list_transform(:a, __lb_r -> {'k': struct_extract_at(__lb_r, 1), "
        "'v': struct_extract_at(__lb_r, 2)})",
        a=a,
    )
    return as_map(
        _template(
            "CASE WHEN list_bool_or(list_transform(:a, __lb_r -> __lb_r IS NULL)) THEN :null_entry "
            "WHEN list_bool_or(list_transform(:a, __lb_r -> struct_extract_at(__lb_r, 1) IS NULL)) "
            "THEN :null_key ELSE :m END",
            a=a,
            m=_multimap(entries),
            null_entry=_fail("map entry cannot be null", node),
            null_key=_fail("map key cannot be null", node),
        )
    )


def _split_entries(node: exp.Expr, name: str, quote: str) -> tuple[exp.Expr, exp.Expr]:
    """split_to_map's and split_to_multimap's reading of (s, entries, kv), as Trino's loop: no
    entry in '' nor after a final entry delimiter, each entry split at its first key-value
    delimiter, which may not appear again. Returns (the checks as a CASE whose ELSE is to be
    filled, the entries as {'k', 'v'} structs)."""
    s, e, kv = _args(node, name, 3)
    parts = exp.column("__lb_parts")  # bound by _split_bound: computed once, not per entry
    bad = _template(
        "list_extract(list_filter(:p, __lb_x -> strpos(__lb_x, :kv) = 0 "
        "OR strpos(substring(__lb_x, strpos(__lb_x, :kv) + length(:kv)), :kv) > 0), 1)",
        p=parts,
        kv=kv,
    )
    message = "Key-value delimiter must appear exactly once in each entry. Bad input: "
    bad_quoted = exp.DPipe(this=bad, expression=exp.Literal.string(quote), safe=True)
    checks = _template(
        "CASE WHEN :s IS NULL OR :e IS NULL OR :kv IS NULL THEN NULL "
        "WHEN :e = '' THEN :empty_entry WHEN :kv = '' THEN :empty_kv "
        "WHEN :e = :kv THEN :same WHEN :bad IS NOT NULL THEN :fail END",
        s=s,
        e=e,
        kv=kv,
        bad=bad,
        empty_entry=_fail("entryDelimiter is empty", node),
        empty_kv=_fail("keyValueDelimiter is empty", node),
        same=_fail("entryDelimiter and keyValueDelimiter must not be the same", node),
        fail=_fail_naming(message + quote, bad_quoted, node),
    )
    entries = _template(
        "list_transform(:p, __lb_x -> {'k': split_part(__lb_x, :kv, 1), "
        "'v': substring(__lb_x, strpos(__lb_x, :kv) + length(:kv))})",
        p=parts,
        kv=kv,
    )
    return checks, entries


def _split_bound(node: exp.Expr, name: str, body: exp.Expr) -> exp.Expr:
    """``body`` (of _split_entries' checks and entries) with the entries split once."""
    s, e, _ = _args(node, name, 3)
    parts = _template(
        "CASE WHEN :s = '' THEN [] WHEN ends_with(:s, :e) "
        "THEN list_slice(string_split(:s, :e), 1, -2) ELSE string_split(:s, :e) END",
        s=s,
        e=e,
    )
    return _let("__lb_parts", parts, body)


@_register(exp.StrToMap)
def _split_to_map(node: exp.Expr) -> exp.Expr:
    """split_to_map(s, entries, kv): a key twice fails."""
    call = exp.Anonymous(
        this="split_to_map",
        expressions=[node.this, node.args["pair_delim"], node.args["key_value_delim"]],
    )
    checks, entries = _split_entries(call, "split_to_map", "'")
    keys = exp.column("__lb_keys")  # bound below: computed once
    duplicate = _template(
        "CASE WHEN len(list_distinct(:k)) < len(:k) THEN list_extract(list_filter(:k, "
        "(__lb_x, __lb_i) -> list_position(:k, __lb_x) <> __lb_i), 1) END",
        k=keys,
    )
    checks.append("ifs", exp.If(
        this=exp.Not(this=exp.Is(this=duplicate, expression=exp.Null())),
        true=_fail_naming("Duplicate keys (", _template(":d || ') are not allowed'", d=duplicate),
                          node)))  # fmt: skip
    checks.set("default", _template(
        "map_from_entries(list_transform(:e, __lb_p -> {'key': __lb_p.k, 'value': __lb_p.v}))",
        e=entries))  # fmt: skip
    bound = _let(
        "__lb_keys", _template("list_transform(:e, __lb_p -> __lb_p.k)", e=entries), checks
    )
    return as_map(_split_bound(call, "split_to_map", bound))


@_anonymous("split_to_multimap")
def _split_to_multimap(node: exp.Expr) -> exp.Expr:
    """split_to_multimap(s, entries, kv): each key with the array of its values."""
    checks, entries = _split_entries(node, "split_to_multimap", "")
    checks.set("default", _multimap(entries))
    return as_map(_split_bound(node, "split_to_multimap", checks))


@_anonymous("map_union")
def _map_union(node: exp.Expr) -> exp.Expr:
    """The union of the maps (an aggregate); a key in several keeps one of its values."""
    (m,) = _args(node, "map_union", 1)
    entries = _template("flatten(list(map_entries(:m)))", m=m)
    return _template(
        "map_from_entries(list_filter(:e, (__lb_x, __lb_i) -> "
        "list_position(list_transform(:e, __lb_y -> __lb_y.key), __lb_x.key) = __lb_i))",
        e=entries,
    )


@_anonymous("approx_most_frequent")
def _approx_most_frequent(node: exp.Expr) -> exp.Expr:
    """The ``buckets`` most frequent values with their counts (exact: within any error
    bound of Trino's sketch; ``capacity`` is the sketch's and not needed)."""
    buckets, value, _capacity = _args(node, "approx_most_frequent", 3)
    return _template(
        "map_from_entries(list_transform(list_slice(list_sort(list_transform("
        "map_entries(histogram(:v)), __lb_e -> {'n': -CAST(__lb_e.value AS BIGINT), "
        "'key': __lb_e.key})), 1, :b), __lb_s -> {'key': __lb_s.key, 'value': -__lb_s.n}))",
        v=value,
        b=buckets,
    )


# -- numbers as bytes ----------------------------------------------------------------------


def _to_big_endian(node: exp.Expr, width: int) -> exp.Expr:
    name = f"to_big_endian_{width * 8}"
    (value,) = _args(node, name, 1)
    masked = value if width == 8 else _template(f":x & {2 ** (width * 8) - 1}", x=value)
    return _template(f"unhex(printf('%0{width * 2}x', :x))", x=masked)


def _from_big_endian(node: exp.Expr, width: int) -> exp.Expr:
    name = f"from_big_endian_{width * 8}"
    (data,) = _args(node, name, 1)
    wrap = 2 ** (width * 8)
    kind = "BIGINT" if width == 8 else "INTEGER"
    number = "CAST(CAST('0x' || hex(:b) AS UBIGINT) AS HUGEINT)"
    return _template(
        f"CASE WHEN octet_length(:b) <> {width} THEN :bad ELSE CAST("
        f"(CASE WHEN {number} >= {wrap // 2} THEN {number} - {wrap} ELSE {number} END) "
        f"AS {kind}) END",
        b=data,
        bad=_fail(f"{name}: expected a {width}-byte input", node),
    )


_anonymous("to_big_endian_64")(lambda node: _to_big_endian(node, 8))
_anonymous("to_big_endian_32")(lambda node: _to_big_endian(node, 4))
_anonymous("from_big_endian_64")(lambda node: _from_big_endian(node, 8))
_anonymous("from_big_endian_32")(lambda node: _from_big_endian(node, 4))


@_anonymous("luhn_check")
def _luhn_check(node: exp.Expr) -> exp.Expr:
    """Whether a string of digits passes the Luhn check (from the right, every second digit
    doubled, 9 taken off a result over 9, the sum a multiple of 10)."""
    (text,) = _args(node, "luhn_check", 1)
    return _template(
        "CASE WHEN :s IS NULL THEN NULL WHEN NOT regexp_matches(:s, '^[0-9]+$') THEN :bad "
        "ELSE list_sum(list_transform(string_split(reverse(:s), ''), (__lb_c, __lb_i) -> "
        "CASE WHEN __lb_i % 2 = 0 THEN (CASE WHEN CAST(__lb_c AS INTEGER) * 2 > 9 "
        "THEN CAST(__lb_c AS INTEGER) * 2 - 9 ELSE CAST(__lb_c AS INTEGER) * 2 END) "
        "ELSE CAST(__lb_c AS INTEGER) END)) % 10 = 0 END",
        s=text,
        bad=_fail("luhn_check: the input must be digits only", node),
    )


@_anonymous("reduce_agg")
def _reduce_agg(node: exp.Expr) -> exp.Expr:
    """reduce_agg(x, initial, (state, x) -> ..., (state, state) -> ...): the input function
    folded over the non-NULL values from the initial state (NULL when there are none); the
    combine function is not needed on one node. As for reduce, DuckDB keeps the state of the
    values' type."""
    value, initial, fn, _combine = _args(node, "reduce_agg", 4)
    return _template(
        "CASE WHEN count(:v) = 0 THEN NULL ELSE list_reduce(list_filter(list(:v), "
        "__lb_v -> __lb_v IS NOT NULL), :f, :i) END",
        v=value,
        f=fn,
        i=initial,
    )
