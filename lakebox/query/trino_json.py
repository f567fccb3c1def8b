"""Trino's JSON functions on DuckDB: casts of JSON, json_extract and its relatives, the SQL/JSON
functions (json_exists, json_query, json_value) and constructors (json_array, json_object)
(see trino_functions.py)."""

from __future__ import annotations

import re

from sqlglot import exp

from lakebox.query.trino_functions import (
    _anonymous,
    _args,
    _fail,
    _kind,
    _let,
    _register,
    _template,
    refuse,
)

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
    if isinstance(to, exp.DataType) and to.this == exp.DataType.Type.STRUCT:
        return _row_cast(node, to)
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


def _row_cast(node: exp.Expr, to: exp.DataType) -> exp.Expr | None:
    """CAST(row AS ROW(...)) field by field in order, as Trino casts a row (DuckDB matches a
    struct's fields by name: CAST(CAST(ROW(1, 2) AS ROW(a, b)) AS ROW(b, a)) gave b = 2), rows
    inside it too. A JSON object is still read by its fields' names, as Trino reads it; a row
    inside an array or map is cast as DuckDB casts it."""
    source = node.this
    if _is_json(source) or isinstance(source, exp.Null):
        return None
    text = _positional("__lb_v", to, 0)
    if text is None:
        return None
    cast = _let("__lb_v", source, _template(text))
    cast.meta["lakebox_row_cast"] = True  # a row still, for the rewrites that ask (reduce's)
    return cast


def _positional(value: str, to: exp.DataType, depth: int) -> str | None:
    """SQL of ``value`` (a column's name) cast to the row type ``to`` by its fields' positions."""
    row = f"__lb_row{depth}"
    parts = []
    for i, field in enumerate(to.expressions, 1):
        name, kind = (field.name, field.args.get("kind")) if isinstance(field, exp.ColumnDef) else (
            f"_{i - 1}", field)  # fmt: skip
        if not isinstance(kind, exp.DataType):
            return None
        inner = f"struct_extract_at({row}, {i})"
        if kind.this == exp.DataType.Type.STRUCT:
            nested = _positional(f"__lb_row{depth + 1}", kind, depth + 1)
            if nested is None:
                return None
            cast = f"list_transform([{inner}], __lb_row{depth + 1} -> {nested})[1]"
        else:
            cast = f"CAST({inner} AS {kind.sql('duckdb')})"
        parts.append(f"{_quoted(name)}: {cast}")
    body = f"CASE WHEN {row} IS NULL THEN NULL ELSE {{{', '.join(parts)}}} END"
    return body if value == row else f"list_transform([{value}], {row} -> {body})[1]"


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


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
