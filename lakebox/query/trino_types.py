"""Trino's types on DuckDB: typeof, aggregates' result types, dates, and the types of catalog
columns where a rewrite depends on them (see trino_functions.py)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from sqlglot import exp
from sqlglot.tokenizer_core import TokenType

from lakebox.catalog.types import Array, Decimal, Struct, parse
from lakebox.errors import InvalidArgument
from lakebox.query.trino_functions import (
    _DAY_UNITS,
    _REWRITES,
    KIND,
    TRINO_DIALECTS,
    _anonymous,
    _args,
    _fail,
    _in_try,
    _is_date,
    _kind,
    _register,
    _template,
)

# -- types ---------------------------------------------------------------------------------

# DuckDB's type names → Trino's, for typeof (result_types.py maps result columns the same).
_TYPEOF = {
    "BOOLEAN": "boolean", "TINYINT": "tinyint", "SMALLINT": "smallint", "INTEGER": "integer",
    "BIGINT": "bigint", "FLOAT": "real", "DOUBLE": "double", "VARCHAR": "varchar",
    "BLOB": "varbinary", "DATE": "date", "TIME": "time(3)", "TIMESTAMP": "timestamp(3)",
    "TIMESTAMP WITH TIME ZONE": "timestamp(3) with time zone",
    "TIME WITH TIME ZONE": "time(3) with time zone", "INTERVAL": "interval day to second",
    "UUID": "uuid", "JSON": "json", "HUGEINT": "decimal(38,0)", "\"NULL\"": "unknown",
    "GEOMETRY": "Geometry", "STRUCT(lakebox_kdb_tree VARCHAR)": "KdbTree",
}  # fmt: skip


def _type_names(text: exp.Expr) -> exp.Expr:
    ifs = [
        exp.If(this=exp.Literal.string(duck), true=exp.Literal.string(trino))
        for duck, trino in _TYPEOF.items()
    ]
    return _template(
        "coalesce(:names, CASE WHEN :t LIKE 'DECIMAL(%' THEN lower(:t) END)",
        names=exp.Case(this=text, ifs=ifs),
        t=text,
    )


@_register(exp.Typeof)
def _typeof(node: exp.Expr) -> exp.Expr:
    """Trino's names of types (DuckDB's typeof says INTEGER, INTEGER[]): the simple ones,
    decimals and arrays of them; others fail naming the DuckDB type."""
    arg = node.this
    if isinstance(arg, exp.Literal) and arg.is_string:
        return exp.Literal.string(f"varchar({len(arg.this)})")  # Trino types literals so
    if isinstance(arg, exp.Null):
        return exp.Literal.string("unknown")
    t = exp.Typeof(this=arg.copy())
    inner = _template("substring(:t, 1, length(:t) - 2)", t=t)
    unknown = (
        exp.Null()
        if _in_try(node)
        else _template("error('typeof: no Trino name for the DuckDB type ' || :t)", t=t)
    )
    return _template(
        "coalesce(CASE WHEN :t LIKE '%[]' THEN 'array(' || :elem || ')' ELSE :whole END, :unknown)",
        unknown=unknown,
        t=t,
        elem=_type_names(inner),
        whole=_type_names(t),
    )


# -- aggregates ----------------------------------------------------------------------------


@_register(exp.Sum)
def _sum(node: exp.Expr) -> exp.Expr | None:
    """A sum of integers is a bigint in Trino (overflow is an error); DuckDB's is a HUGEINT.
    Only where the argument is known to be an integer (see docs/query.md)."""
    if _kind(node.this) != "int" or isinstance(node.parent, exp.Window):
        return None
    return exp.Cast(this=node.copy(), to=exp.DataType.build("BIGINT"))


@_register(exp.CountIf)
def _count_if(node: exp.Expr) -> exp.Expr:
    """A bigint (DuckDB's count_if is a HUGEINT)."""
    return _template("count(CASE WHEN :c THEN 1 END)", c=node.this)


@_anonymous("every")
def _every(node: exp.Expr) -> exp.Expr:
    return exp.LogicalAnd(this=node.expressions[0].copy())


# -- dates ---------------------------------------------------------------------------------


@_register(exp.DateAdd, exp.DateSub)
def _date_add(node: exp.Expr) -> exp.Expr | None:
    """date_add(unit, n, date) is a date in Trino; hours and smaller are an error on a date."""
    if not _is_date(node.this):
        return None
    unit_node = node.args.get("unit")
    unit = unit_node.name.upper() if unit_node is not None else "DAY"
    if unit not in _DAY_UNITS:
        return _fail(f"Invalid unit for a date: {unit.lower()}", node)
    return exp.Cast(this=node.copy(), to=exp.DataType.build("DATE"))


@_register(exp.TimestampTrunc, exp.DateTrunc)
def _date_trunc(node: exp.Expr) -> exp.Expr | None:
    if not _is_date(node.this):
        return None
    return exp.Cast(this=node.copy(), to=exp.DataType.build("DATE"))


@_anonymous("to_iso8601")
def _to_iso8601(node: exp.Expr) -> exp.Expr:
    """Dates as 2020-05-17, timestamps with milliseconds, T between (queries run in UTC)."""
    (x,) = node.expressions
    return _template(
        "CASE typeof(:x) WHEN 'DATE' THEN strftime(:x, '%Y-%m-%d') "
        "WHEN 'TIMESTAMP WITH TIME ZONE' THEN strftime(:x, '%Y-%m-%dT%H:%M:%S.%g') || 'Z' "
        "ELSE strftime(:x, '%Y-%m-%dT%H:%M:%S.%g') END",
        x=x,
    )


@_register(exp.Window)
def _window_sum(node: exp.Expr) -> exp.Expr | None:
    """sum(x) OVER (...) of integers is a bigint too."""
    if not isinstance(node.this, exp.Sum) or _kind(node.this.this) != "int":
        return None
    return exp.Cast(this=node.copy(), to=exp.DataType.build("BIGINT"))


# -- the types of columns ------------------------------------------------------------------

# The rewrites that depend on an argument's type, and the arguments whose type they need.
_TYPED: dict[type[exp.Expr], Callable[[exp.Expr], list[exp.Expr]]] = {
    exp.Sum: lambda n: [n.this],
    exp.Window: lambda n: [n.this.this] if isinstance(n.this, exp.Sum) else [],
    exp.Add: lambda n: [n.this, n.expression],
    exp.Sub: lambda n: [n.this, n.expression],
    exp.DateAdd: lambda n: [n.this],
    exp.DateSub: lambda n: [n.this],
    exp.TimestampTrunc: lambda n: [n.this],
    exp.DateTrunc: lambda n: [n.this],
    exp.ConcatWs: lambda n: n.expressions[1:2] if len(n.expressions) == 2 else [],
    exp.DPipe: lambda n: [n.this, n.expression],  # an array column || an element
}

_CATALOG_KINDS = {
    "tinyint": "int", "smallint": "int", "int": "int", "integer": "int", "bigint": "int",
    "double": "float", "float": "float", "real": "float", "date": "date",
}  # fmt: skip

Lookup = Callable[[list[tuple[str, str]]], dict[tuple[str, str], Any]]


def retype(tree: exp.Expr, lookup: Lookup | None = None) -> None:
    """Give the columns that type-dependent rewrites look at their kind, then rewrite those
    nodes again: columns of UNNEST(ARRAY[...]) / UNNEST(sequence(...)) always, catalog tables'
    columns with ``lookup`` (the catalog's, at run time), and columns of WITH queries and
    subqueries in FROM by what their SELECT computes (``min(day)`` of a date column is a
    date). Columns typed before are left alone, so running this twice rewrites nothing twice."""
    wanted: list[tuple[exp.Expr, list[exp.Column]]] = []
    for node in tree.walk(bfs=False):
        subjects = _TYPED.get(type(node))
        if subjects is None:
            continue
        columns = [
            c
            for s in subjects(node)
            if s is not None
            for c in ([s] if isinstance(s, exp.Column) else s.find_all(exp.Column))
            if KIND not in c.meta
        ]
        if columns:
            wanted.append((node, columns))
    if not wanted:
        return
    tables = sorted(
        {
            (t.db, t.name.split("@", 1)[0])
            for t in tree.find_all(exp.Table)
            if t.db and isinstance(t.this, exp.Identifier)
        }
    )
    found = lookup(tables) if lookup is not None and tables else {}
    kinds = _Kinds(
        {
            key: {
                c.name.lower(): c.type for c in t.definition.columns + t.definition.partition_keys
            }
            for key, t in found.items()
        }
    )
    typed = False
    for _, cols in wanted:
        for c in cols:
            if kinds.column(c) is not None:
                typed = True
    if not typed:
        return
    for node, _ in reversed(wanted):  # children first, as translate does
        new = _REWRITES[type(node)](node)
        if new is not None and new is not node and node is not tree:
            node.replace(new)


_SAME_KIND = (exp.Min, exp.Max, exp.AnyValue, exp.Paren, exp.Alias)
_DEPTH = 32  # WITH queries reading WITH queries: deeper is not typed


class _Kinds:
    """The kinds of columns: of catalog tables (``tables``), and of what WITH queries and
    subqueries in FROM compute. A column's kind, once found, is kept in its meta."""

    def __init__(self, tables: dict[tuple[str, str], dict[str, str]]) -> None:
        self.tables = tables  # (db, table) → column → catalog type

    def _catalog_type(self, column: exp.Column, depth: int) -> Any:
        """The catalog type (parsed) of the catalog column ``column`` reads, through WITH
        queries and subqueries that pass it on as it is; for UNNEST's elements."""
        select = column.find_ancestor(exp.Select)
        # a lateral UNNEST's own SELECT has no FROM: its columns are the enclosing query's
        while select is not None and not _items(select):
            select = select.parent.find_ancestor(exp.Select) if select.parent else None
        if select is None or depth > _DEPTH:
            return None
        for item in _items(select, column):
            if isinstance(item, exp.Table) and item.db and isinstance(item.this, exp.Identifier):
                text = self.tables.get((item.db, item.name.split("@", 1)[0]), {}).get(
                    column.name.lower()
                )
                if text is not None:
                    try:
                        return parse(text)
                    except ValueError:
                        return None
            elif isinstance(item, exp.Table | exp.Subquery) and _unnest_rows(item) is None:
                query = _cte(select, item.name) if isinstance(item, exp.Table) else item.this
                projection = _projection(query, column.name)
                if isinstance(projection, exp.Alias):
                    projection = projection.this
                if isinstance(projection, exp.Column):
                    return self._catalog_type(projection, depth + 1)
        return None

    def _elements(self, array: exp.Expr, depth: int) -> list[str | None] | None:
        """The kinds of what UNNEST(array) gives: one for an array of values, one per field
        for an array of rows (None: not known)."""
        kind = _element_kind(array)
        if kind is not None:
            return [kind]
        if not isinstance(array, exp.Column):
            return None
        t = self._catalog_type(array, depth)
        if not isinstance(t, Array):
            return None
        if isinstance(t.element, Struct):
            return [_type_kind(f) for _, f in t.element.fields]
        return [_type_kind(t.element)]

    def column(self, column: exp.Column, depth: int = 0) -> str | None:
        if KIND in column.meta:
            return str(column.meta[KIND])
        kind = self._column(column, depth)
        if kind is not None:
            column.meta[KIND] = kind
        return kind

    def _column(self, column: exp.Column, depth: int) -> str | None:
        select = column.find_ancestor(exp.Select)
        if depth > _DEPTH or select is None or column.find_ancestor(exp.Lambda) is not None:
            return None
        found: list[str | None] = []
        for item in _items(select, column):
            alias = item.args.get("alias")
            if isinstance(item, exp.Table) and item.db and isinstance(item.this, exp.Identifier):
                columns = self.tables.get((item.db, item.name.split("@", 1)[0]))
                if columns is None:
                    return None
                if column.name.lower() in columns:
                    found.append(_text_kind(columns[column.name.lower()]))
            elif isinstance(item, exp.Unnest) and alias is not None:
                names = [c.name for c in alias.columns]
                if column.name in names and len(item.expressions) == 1:
                    elements = self._elements(item.expressions[0], depth)
                    found.append(elements[0] if elements and len(elements) == 1 else None)
                elif column.table:
                    return None
            elif (unnested := _unnest_rows(item)) is not None:
                # UNNEST(rows) AS t(a, b) as trino_unnest.py rewrote it: the fields by position
                array, names = unnested
                if column.name in names:
                    elements = self._elements(array, depth)
                    at = names.index(column.name)
                    found.append(elements[at] if elements and at < len(elements) else None)
                elif column.table:
                    return None
            elif isinstance(item, exp.Table | exp.Subquery):
                query = _cte(select, item.name) if isinstance(item, exp.Table) else item.this
                projection = _projection(query, column.name)
                if projection is _UNKNOWN:
                    return None
                if projection is not None:
                    found.append(self.of(projection, depth + 1))
            else:
                return None
        return found[0] if len(found) == 1 else None

    def of(self, node: exp.Expr, depth: int) -> str | None:
        """The kind of what ``node`` computes."""
        while isinstance(node, _SAME_KIND):
            node = node.this
        if isinstance(node, exp.Column):
            return self.column(node, depth)
        for column in node.find_all(exp.Column):
            if column.find_ancestor(exp.Select) is node.find_ancestor(exp.Select):
                self.column(column, depth)
        if _is_date(node):
            return "date"
        if isinstance(node, exp.DateTrunc | exp.TimestampTrunc | exp.DateAdd | exp.DateSub):
            return "date" if self.of(node.this, depth) == "date" else None
        if isinstance(node, exp.Add | exp.Sub):
            sides = (node.this, node.expression)
            if any(isinstance(x, exp.Interval) for x in sides) and any(
                self.of(x, depth) == "date" for x in sides
            ):
                return "date"
        if isinstance(node, exp.Sum):
            inner = self.of(node.this, depth)
            return inner if inner in ("int", "decimal", "float") else None
        return _kind(node)


_UNKNOWN = exp.Star()  # a projection that cannot be told (SELECT *, a set operation)


def _items(select: exp.Expr, column: exp.Column | None = None) -> list[exp.Expr]:
    """What ``select`` reads (FROM and joins); with ``column``, those it can come from (its
    qualifier names their alias or table)."""
    from_ = select.args.get("from_")
    items = [from_.this] if from_ is not None else []
    items += [j.this for j in select.args.get("joins") or []]
    if column is None or not column.table:
        return items
    return [i for i in items if column.table == _item_name(i)]


def _item_name(item: exp.Expr) -> str | None:
    alias = item.args.get("alias")
    if alias is not None and alias.name:
        return str(alias.name)
    return str(item.name) if isinstance(item, exp.Table) else None


def _text_kind(text: str) -> str | None:
    try:
        return _type_kind(parse(text))
    except ValueError:  # a type string of an older crawl that does not parse: not known
        return None


def _type_kind(t: Any) -> str | None:
    """A catalog type's kind, as _kind names them."""
    if isinstance(t, Array):
        return "array"
    if isinstance(t, Decimal):
        return "decimal"
    if isinstance(t, str):
        return _CATALOG_KINDS.get(t.lower(), "other")
    return "other"


def _unnest_rows(item: exp.Expr) -> tuple[exp.Expr, list[str]] | None:
    """(the array, the names) of ``(SELECT UNNEST(array, max_depth := 2)) AS t(a, b)``, the
    form trino_unnest.py gives UNNEST of an array of rows."""
    if not isinstance(item, exp.Subquery) or not isinstance(item.this, exp.Select):
        return None
    alias = item.args.get("alias")
    calls = item.this.expressions
    if alias is None or len(calls) != 1 or not isinstance(calls[0], exp.Anonymous):
        return None
    call = calls[0]
    if str(call.this).upper() != "UNNEST" or len(call.expressions) != 2:
        return None
    return call.expressions[0], [c.name for c in alias.columns]


def _cte(select: exp.Expr, name: str) -> exp.Expr | None:
    """The query of the WITH query ``name`` that ``select`` sees (the nearest one)."""
    node: exp.Expr | None = select
    while node is not None:
        with_ = node.args.get("with_") if isinstance(node, exp.Query) else None
        if isinstance(with_, exp.With):
            for cte in with_.expressions:
                if cte.alias_or_name == name:
                    query: exp.Expr = cte.this
                    return query
        node = node.parent
    return None


def _projection(query: exp.Expr | None, name: str) -> exp.Expr | None:
    """What ``query`` computes as its column ``name`` (None: no such column; _UNKNOWN: the
    query's columns cannot be told)."""
    if not isinstance(query, exp.Select):
        return _UNKNOWN
    for expression in query.expressions:
        if isinstance(expression, exp.Star) or (
            isinstance(expression, exp.Column) and isinstance(expression.this, exp.Star)
        ):
            return _UNKNOWN
        if expression.alias_or_name.lower() == name.lower():
            result: exp.Expr = expression
            return result
    return None


def _element_kind(array: exp.Expr) -> str | None:
    if isinstance(array, exp.Array):
        kinds = {_kind(e) for e in array.expressions}
        return "int" if kinds == {"int"} else None
    if isinstance(array, exp.GenerateSeries):
        return "int" if {_kind(array.args["start"]), _kind(array.args["end"])} == {"int"} else None
    return None


def type_columns(tree: exp.Expr, dialect: str, catalog: Any) -> None:
    """At run time, for a statement in a Trino dialect: the rewrites that need the types of
    catalog tables' columns (a sum of integers is a bigint, a date column plus an interval is
    a date). The catalog is asked only when such a rewrite has a column to look at."""
    if dialect in TRINO_DIALECTS:
        retype(tree, catalog.lookup)


@_register(exp.DateDiff)
def _date_diff(node: exp.Expr) -> exp.Expr:
    """date_diff counts whole units as Trino (DuckDB's date_diff counts the boundaries crossed:
    one month from January 31 to February 1); DuckDB's date_sub counts whole units."""
    unit_node = node.args.get("unit")
    unit = unit_node.name.lower() if unit_node is not None else "day"
    return exp.Anonymous(
        this="date_sub",
        expressions=[exp.Literal.string(unit), node.expression.copy(), node.this.copy()],
    )


_register(exp.CurrentTimezone)(lambda node: exp.Literal.string("UTC"))  # queries run in UTC


@_register(exp.ConcatWs)
def _concat_ws(node: exp.Expr) -> exp.Expr | None:
    """concat_ws(separator, array): the array's elements joined, NULLs skipped (DuckDB wrote
    the array as text, '[a, b]'). For array literals and catalog columns of array type."""
    if len(node.expressions) != 2:
        return None
    sep, a = node.expressions
    if not (
        isinstance(a, exp.Array) or (isinstance(a, exp.Column) and a.meta.get(KIND) == "array")
    ):
        return None
    return _template(
        "CASE WHEN :s IS NULL THEN NULL ELSE array_to_string(list_filter(:a, "
        "__lb_v -> __lb_v IS NOT NULL), :s) END",
        s=sep,
        a=a,
    )


# -- decimals ------------------------------------------------------------------------------

_DECIMAL_LITERAL = re.compile(r"\s*[+-]?(\d*)(?:\.(\d*))?\s*")


def typed_decimal_literals(tokens: list[Any]) -> set[int]:
    """Where the strings of ``DECIMAL '1.25'`` literals start in the SQL (sqlglot parses
    them as ``CAST('1.25' AS DECIMAL)``, which Trino types otherwise)."""
    return {
        token.start
        for before, token in itertools.pairwise(tokens)
        if before.token_type == TokenType.DECIMAL and token.token_type == TokenType.STRING
    }


_TIMESTAMP_TEXT = re.compile(
    r"(\s*\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2})"  # date, hours, minutes
    r"(:\d{2}(?:\.\d*)?)?"  # seconds
    r"(?:\s*([+-]\d{1,2}(?::?\d{2})?)|(\s+.*))?"  # an offset, or a zone's name
)
_TIMESTAMPS = {exp.DataType.Type.TIMESTAMP, exp.DataType.Type.TIMESTAMPTZ}


def literal_types(tree: exp.Expr, decimals: set[int]) -> None:
    """Literals as Trino reads them. DECIMAL without a precision: the literal
    ``DECIMAL '1.25'`` is decimal(3,2), its own digits; a cast to DECIMAL is decimal(38,0)
    (DuckDB's plain DECIMAL is DECIMAL(18,3): ``DECIMAL '2.00' / DECIMAL '3.00'`` gave 1 and
    ``DECIMAL '1.2345'`` 1.235). A timestamp's text may leave out the seconds before its zone
    (``TIMESTAMP '2012-10-31 01:00 UTC'``) and put a space before an offset (``... +02:00``),
    which DuckDB refuses. ``decimals``: where the typed DECIMAL literals start."""
    for cast in list(tree.find_all(exp.Cast, exp.TryCast)):
        to = cast.to
        if not isinstance(to, exp.DataType):
            continue
        if to.this in _TIMESTAMPS and isinstance(cast.this, exp.Literal) and cast.this.is_string:
            _timestamp_text(cast.this)
            continue
        if to.this != exp.DataType.Type.DECIMAL or to.expressions:
            continue
        value = cast.this
        precision, scale = 38, 0
        if (
            isinstance(value, exp.Literal)
            and value.is_string
            and value.meta.get("start") in decimals
        ):
            found = _DECIMAL_LITERAL.fullmatch(value.this)
            if found is None or not (found.group(1) or found.group(2)):
                raise InvalidArgument(f"'{value.this}' is not a valid decimal literal")
            whole, frac = found.group(1).lstrip("0"), found.group(2) or ""
            scale = len(frac)
            precision = max(len(whole) + scale, 1)
            if precision > 38:
                raise InvalidArgument(
                    f"decimal literal '{value.this}' has {precision} digits; at most 38"
                )
        cast.set("to", exp.DataType.build(f"DECIMAL({precision}, {scale})"))


def _timestamp_text(literal: exp.Literal) -> None:
    found = _TIMESTAMP_TEXT.fullmatch(literal.this)
    if found is None:
        return  # a date alone, or not a timestamp: DuckDB says what is wrong with it
    start, seconds, offset, zone = found.groups()
    text = start.strip() + (seconds or ":00") + (offset or "") + (zone or "")
    literal.set("this", text)


# -- more functions whose DuckDB namesakes answer otherwise ----------------------------------


@_anonymous("millisecond")
def _millisecond(node: exp.Expr) -> exp.Expr:
    """The milliseconds within the second (DuckDB's counts the seconds too: 12.345 s is
    12345)."""
    return _template("millisecond(:x) % 1000", x=node.expressions[0])


@_register(exp.SHA)
def _sha1(node: exp.Expr) -> exp.Expr:
    """A varbinary, as Trino's (DuckDB's sha1 is the hex text)."""
    return _template("unhex(sha1(:x))", x=node.this)


@_register(exp.BitwiseAndAgg, exp.BitwiseOrAgg)
def _bitwise_agg(node: exp.Expr) -> exp.Expr:
    """A bigint, as Trino's (DuckDB's has its argument's type)."""
    return exp.Cast(this=node.copy(), to=exp.DataType.build("BIGINT"))


# Teradata's index(string, substring): strpos
_anonymous("index")(
    lambda node: _template(
        "CAST(strpos(:s, :t) AS BIGINT)", s=node.expressions[0], t=node.expressions[1]
    )
)
_anonymous("yow")(lambda node: _template("isoyear(:x)", x=node.expressions[0]))
_anonymous("is_finite")(lambda node: _template("isfinite(:x)", x=node.expressions[0]))
_anonymous("is_infinite")(lambda node: _template("isinf(:x)", x=node.expressions[0]))


@_register(exp.Rand)
def _rand(node: exp.Expr) -> exp.Expr | None:
    """``rand(n)`` / ``random(n)``: an integer from 0 to n - 1 (sqlglot reads n as a seed,
    which DuckDB refuses); ``random(m, n)`` from m to n - 1."""
    n, second = node.this, node.args.get("lower")  # sqlglot's names for the two arguments
    if n is None:
        return None
    # of the arguments' type: an integer literal is an integer, anything else taken as bigint
    literals = [a for a in (n, second) if a is not None]
    kind = "INTEGER" if all(isinstance(a, exp.Literal) for a in literals) else "BIGINT"
    if second is not None:
        return _template(f"CAST(:m + floor(random() * (:n - :m)) AS {kind})", m=n, n=second)
    return _template(f"CAST(floor(random() * :n) AS {kind})", n=n)


@_register(exp.Skewness)
def _skewness(node: exp.Expr) -> exp.Expr | None:
    """Trino's is the population skewness, sqrt(n) * m3 / m2^1.5 (NULL under 3 values);
    DuckDB's is the sample skewness, larger by sqrt(n (n - 1)) / (n - 2)."""
    if isinstance(node.parent, exp.Window):
        raise _refuse_window("skewness")
    return _template(
        "CASE WHEN count(:x) < 3 THEN NULL "
        "ELSE skewness(:x) * (count(:x) - 2) / sqrt(count(:x) * (count(:x) - 1)) END",
        x=node.this,
    )


def _refuse_window(name: str) -> Exception:
    from lakebox.query.trino_functions import refuse

    return refuse(name, f"{name}(...) OVER (...)", f"compute {name} in a GROUP BY")


@_register(exp.CurrentUser)
def _current_user(node: exp.Expr) -> exp.Expr:
    """The principal's name, filled in by the engine (query/engine.py's _as_principal);
    DuckDB's own current_user would answer 'duckdb'."""
    return exp.Anonymous(this=SESSION_USER)


@_anonymous("current_groups")
def _current_groups(node: exp.Expr) -> exp.Expr:
    _args(node, "current_groups", 0)
    return exp.Anonymous(this=SESSION_GROUPS)


@_register(exp.CurrentVersion)
def _version(node: exp.Expr) -> exp.Expr:
    """version(): the server's, as Trino's is its own (lakebox's; DuckDB's version() is the
    engine's and stays refused by the sandbox)."""
    from lakebox import __version__

    return exp.Literal.string(f"lakebox {__version__}")


# what the engine replaces with the principal's name and groups (a DuckDB call of neither
# name exists: one left in place fails)
SESSION_USER = "lakebox_current_user"
SESSION_GROUPS = "lakebox_current_groups"


@_register(exp.DataType)
def _anonymous_row_type(node: exp.Expr) -> exp.Expr | None:
    """ROW(DOUBLE, BIGINT), a row type of unnamed fields, as DuckDB's STRUCT of fields named
    _0, _1, ... (the names DuckDB gives the fields of ROW(1, 2.0)); DuckDB refuses a STRUCT of
    types alone."""
    if node.this != exp.DataType.Type.STRUCT:
        return None
    fields = list(node.expressions)
    if not fields or not any(isinstance(f, exp.DataType) for f in fields):
        return None
    named = [
        exp.ColumnDef(this=exp.to_identifier(f"_{i}"), kind=f.copy())
        if isinstance(f, exp.DataType)
        else f.copy()
        for i, f in enumerate(fields)
    ]
    return exp.DataType(this=exp.DataType.Type.STRUCT, expressions=named, nested=True)
