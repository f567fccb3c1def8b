"""Trino's (Athena's) functions and operators on DuckDB: the ones sqlglot's translation gets
wrong, rewritten on the parsed tree; the ones lakebox cannot run faithfully, refused by name.

``translate`` runs on every statement parsed in a Trino dialect (athena, trino, presto), before
the sandbox's checks (which then see the rewritten tree). Rewrites build DuckDB trees from the
user's own nodes (never SQL text); an error Trino raises at run time becomes DuckDB's
``error(...)`` (``NULL`` inside ``try(...)``, as Trino's ``try`` gives). docs/query.md has the
coverage table.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.tokenizer_core import TokenType

from lakebox.errors import InvalidArgument

TRINO_DIALECTS = frozenset({"athena", "trino", "presto"})


class UnsupportedFunction(InvalidArgument):
    """A Trino function (or a form of one) that lakebox cannot run with Trino's answers."""

    code = "UnsupportedFunction"


def refuse(name: str, what: str, instead: str) -> UnsupportedFunction:
    return UnsupportedFunction(f"{name}: {what} is not supported by lakebox; {instead}")


def translate(tree: exp.Expr) -> exp.Expr:
    """Rewrite ``tree`` (in place; the root is kept) so that DuckDB gives Trino's answers.
    Children first: a rewrite sees its arguments already rewritten."""
    for node in reversed(list(tree.walk(bfs=False))):
        rewrite = _REWRITES.get(type(node))
        if rewrite is None and isinstance(node, exp.Anonymous):
            rewrite = _ANONYMOUS.get(str(node.this).lower())
        if rewrite is None:
            continue
        try:
            new = rewrite(node)
        except (ValueError, IndexError, KeyError):  # unpacking the wrong number of arguments
            name = (
                str(node.this)
                if isinstance(node, exp.Anonymous)
                else node.sql_name()
                if isinstance(node, exp.Func)
                else node.key
            )
            raise refuse(
                name.lower(),
                f"{name.lower()}() with {len(node.expressions) or 'these'} arguments",
                "write it with the arguments Trino's documentation gives",
            ) from None
        if new is not None and new is not node and node is not tree:
            node.replace(new)
    trino_types.retype(tree)  # columns of UNNEST(ARRAY[...]) are known already
    return tree


# -- building blocks -----------------------------------------------------------------------


@functools.cache
def _parsed(sql: str) -> exp.Expr:
    tree = sqlglot.parse_one(sql, read="duckdb")
    # DuckDB's functions by their names: sqlglot would write json_extract as ``->``, which
    # DuckDB reads otherwise inside a lambda
    for node in list(tree.find_all(exp.JSONExtract, exp.JSONExtractScalar)):
        name = "json_extract" if isinstance(node, exp.JSONExtract) else "json_extract_string"
        new = exp.Anonymous(this=name, expressions=[node.this, node.expression])
        if node is tree:
            return new
        node.replace(new)
    return tree


def _template(sql: str, **nodes: exp.Expr) -> exp.Expr:
    """A DuckDB expression written by lakebox, with ``:name`` placeholders replaced by (copies
    of) the user's nodes."""
    tree = _parsed(sql).copy()
    placeholders = list(tree.find_all(exp.Placeholder))
    used = [str(ph.name) for ph in placeholders]
    # a random value read more than once must be drawn once: bound to a lambda's parameter
    bound = {n: nodes[n] for n in set(used) if used.count(n) > 1 and _volatile(nodes[n])}
    if bound and any(isinstance(n, exp.AggFunc) for n in tree.walk()):
        raise UnsupportedFunction(
            f"a random value ({next(iter(bound.values())).sql('trino')}) in an aggregate "
            "lakebox's translation reads more than once is not supported by lakebox; compute "
            "it in a subquery first"
        )
    for ph in placeholders:
        name = str(ph.name)
        if name in bound:
            ph.replace(exp.column(f"__lb_bound_{name}"))
        else:
            ph.replace(_grouped(nodes[name].copy()))
    for name, value in bound.items():
        tree = exp.Anonymous(
            this="list_extract",
            expressions=[
                exp.Anonymous(
                    this="list_transform",
                    expressions=[
                        exp.Array(expressions=[value.copy()]),
                        exp.Lambda(
                            this=tree, expressions=[exp.to_identifier(f"__lb_bound_{name}")]
                        ),
                    ],
                ),
                exp.Literal.number(1),
            ],
        )
    return tree


_VOLATILE_CALLS = {"random", "rand", "uuid", "gen_random_uuid", "setseed"}


def _volatile(node: exp.Expr) -> bool:
    """Whether ``node`` draws random values (each evaluation another)."""
    for n in node.walk():
        if isinstance(n, exp.Rand | exp.Uuid):
            return True
        if isinstance(n, exp.Anonymous | exp.Func) and (
            str(n.this if isinstance(n, exp.Anonymous) else n.sql_name()).lower() in _VOLATILE_CALLS
        ):
            return True
    return False


def _let(name: str, value: exp.Expr, body: exp.Expr) -> exp.Expr:
    """``body`` with the column ``name`` bound to ``value``, computed once (a one-element
    list's transform): an argument read inside a lambda would be computed again for each
    element, and one read at several places copied at each. ``body`` is taken, not copied (it
    can be large). ``value`` is computed whatever ``body`` reads of it."""
    return _put(
        _template(f"list_transform([:v], {name} -> lakebox_body)[1]", v=value), lakebox_body=body
    )


def _put(tree: exp.Expr, **nodes: exp.Expr) -> exp.Expr:
    """``tree`` with its columns of the given names replaced by the nodes themselves (no
    copies: _template's copying of ever larger subtrees is what made nesting slow)."""
    for column in list(tree.find_all(exp.Column)):
        if not column.table and column.name in nodes:
            column.replace(nodes[column.name])
    return tree


def _grouped(node: exp.Expr) -> exp.Expr:
    """An operation in parentheses: the tree keeps no precedence of its own, so ``:n + 2`` of
    ``3 - 1`` would be written ``3 - 1 + 2`` but ``:a - :n`` of it ``a - 3 - 1``."""
    if isinstance(node, exp.Binary | exp.Unary) and not isinstance(node, exp.Paren | exp.Dot):
        return exp.Paren(this=node)
    return node


def _args(node: exp.Expr, name: str, count: int) -> list[exp.Expr]:
    """The ``count`` arguments of a call of ``name`` (refused with another number)."""
    args = list(node.expressions)
    if len(args) != count:
        raise refuse(name, f"{len(args)} arguments", f"it takes {count}")
    return args


def _in_try(node: exp.Expr) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, exp.Try):
            return True
        parent = parent.parent
    return False


def _fail(message: str, at: exp.Expr) -> exp.Expr:
    """What Trino's run-time error becomes: DuckDB's error(), or NULL inside try(...) (DuckDB's
    TRY takes no volatile function, and Trino's try gives NULL)."""
    if _in_try(at):
        return exp.Null()
    return exp.Anonymous(this="error", expressions=[exp.Literal.string(message)])


def _fail_naming(message: str, value: exp.Expr, at: exp.Expr) -> exp.Expr:
    """Trino's run-time error whose message ends with the offending value (as text)."""
    failed = _fail(message, at)
    if isinstance(failed, exp.Null):
        return failed
    text = exp.DPipe(this=exp.Literal.string(message), expression=value.copy(), safe=True)
    return exp.Anonymous(this="error", expressions=[text])


def _apply(fn: exp.Expr, *args: exp.Expr) -> exp.Expr:
    """The body of lambda ``fn`` with its parameters replaced by ``args``."""
    if not isinstance(fn, exp.Lambda):
        raise UnsupportedFunction(f"expected a lambda expression, got {fn.sql('trino')}")
    params = [p.name for p in fn.expressions]
    if len(params) != len(args):
        raise UnsupportedFunction(
            f"the lambda {fn.sql('trino')} takes {len(params)} arguments, not {len(args)}"
        )
    bound = dict(zip(params, args, strict=True))
    holder = exp.Paren(this=fn.this.copy())  # a parent, so that the body itself can be replaced
    for ident in list(holder.this.find_all(exp.Identifier)):
        value = bound.get(ident.name)
        parent = ident.parent
        if value is None or ident.quoted or parent is None:
            continue
        target: exp.Expr = ident
        new = value.copy()
        if isinstance(parent, exp.Column):
            if parent.args.get("table") is ident and not parent.args.get("db"):
                # s.field: a field of the row the parameter is
                field = exp.Literal.string(parent.name)
                target, new = parent, exp.Anonymous(this="struct_extract", expressions=[new, field])
            elif parent.table or parent.this is not ident:
                continue
            else:
                target = parent
        elif isinstance(parent, exp.Dot) and parent.this is ident:
            field = exp.Literal.string(parent.expression.name)
            target, new = parent, exp.Anonymous(this="struct_extract", expressions=[new, field])
        elif isinstance(parent, exp.Dot | exp.Alias | exp.TableAlias):
            continue
        target.replace(new)
    body: exp.Expr = holder.this
    return body


def _literal_int(node: exp.Expr | None) -> int | None:
    if isinstance(node, exp.Neg):
        inner = _literal_int(node.this)
        return None if inner is None else -inner
    if isinstance(node, exp.Paren):
        return _literal_int(node.this)
    if isinstance(node, exp.Literal) and not node.is_string and node.this.isdigit():
        return int(node.this)
    return None


_FLOAT_TYPES = {exp.DataType.Type.DOUBLE, exp.DataType.Type.FLOAT}
_INT_TYPES = {
    exp.DataType.Type.TINYINT,
    exp.DataType.Type.SMALLINT,
    exp.DataType.Type.INT,
    exp.DataType.Type.BIGINT,
}


def _kind(node: exp.Expr) -> str | None:
    """What sort of number ``node`` is known to be: "int", "decimal", "float", or None."""
    while isinstance(node, exp.Paren | exp.Neg):
        node = node.this
    if isinstance(node, exp.Literal) and not node.is_string:
        text = node.this.lower()
        if "e" in text:
            return "float"  # 1e0 is a double in Trino
        return "decimal" if "." in text else "int"
    if isinstance(node, exp.Cast | exp.TryCast) and isinstance(node.to, exp.DataType):
        t = node.to.this
        if t in _FLOAT_TYPES:
            return "float"
        if t in _INT_TYPES:
            return "int"
        if t == exp.DataType.Type.DECIMAL:
            return "decimal"
    if isinstance(node, exp.Count | exp.Length):
        return "int"
    if isinstance(node, exp.Case | exp.If | exp.Coalesce):
        # every value it may take (sum(CASE WHEN ... THEN 1 ELSE 0 END) is a bigint)
        values = _branches(node)
        kinds = {_kind(v) for v in values if not isinstance(v, exp.Null)}
        if len(kinds) == 1 and None not in kinds:
            return kinds.pop()
        return None
    if isinstance(node, exp.Add | exp.Sub | exp.Mul):
        kinds = {_kind(node.this), _kind(node.expression)}
        if not kinds <= {"int", "decimal", "float"}:  # unknown, or a column of another type
            return None
        return "float" if "float" in kinds else "decimal" if "decimal" in kinds else "int"
    if isinstance(node, exp.Column):
        return node.meta.get(KIND)  # a catalog column's, set by trino_types.retype
    return None


def _branches(node: exp.Expr) -> list[exp.Expr]:
    if isinstance(node, exp.Case):
        values = [i.args["true"] for i in node.args.get("ifs") or []]
        return [*values, node.args.get("default") or exp.Null()]
    if isinstance(node, exp.If):
        return [node.args["true"], node.args.get("false") or exp.Null()]
    return [node.this, *node.expressions]


KIND = "lakebox_kind"  # a Column's meta: its type's kind ("int", "decimal", "float", "date")


# -- arithmetic ----------------------------------------------------------------------------


def _divide(node: exp.Expr) -> exp.Expr | None:
    """Trino's ``/``: integers divide to an integer, truncated toward zero (-7 / 2 = -3);
    dividing an integer or decimal by zero is an error (``try`` makes it NULL); doubles give
    Infinity or NaN. DuckDB's ``//`` divides integers so and every other type as ``/`` does,
    but gives NULL for a zero divisor: so a divisor not known to be a non-zero number, or a
    double, is checked. Known doubles (``1e0``, ``CAST(x AS DOUBLE)``) keep DuckDB's ``/``."""
    if isinstance(node, exp.Div) and not node.args.get("typed"):
        return None  # already DuckDB's
    left, right = node.this, node.expression
    kinds = (_kind(left), _kind(right))
    if "float" in kinds:
        return exp.Div(this=left, expression=right) if isinstance(node, exp.Div) else None
    if isinstance(node, exp.Div):
        if "decimal" in kinds and None not in kinds:
            return _decimal_divide(left, right, node)
        op: exp.Expr = exp.IntDiv(this=left, expression=right)
    else:
        op = exp.Mod(this=left, expression=right)
    divisor = _literal_int(right)
    if divisor not in (None, 0) or _in_try(node):
        return op
    return exp.Case(
        ifs=[exp.If(this=exp.EQ(this=right.copy(), expression=exp.Literal.number(0)),
                    true=_fail("Division by zero", node))],
        default=op,
    )  # fmt: skip


def _decimal_scale(node: exp.Expr) -> tuple[int, int]:
    while isinstance(node, exp.Paren | exp.Neg):
        node = node.this
    if isinstance(node, exp.Literal):
        whole, _, frac = node.this.partition(".")
        if not frac and "." not in node.this:
            return (10 if int(whole) < 2**31 else 19), 0  # an integer literal
        return max(len(whole.lstrip("0")) + len(frac), 1), len(frac)
    if isinstance(node, exp.Cast) and node.to.this == exp.DataType.Type.DECIMAL:
        params = [int(p.name) for p in node.to.expressions]
        return (params[0] if params else 38), (params[1] if len(params) > 1 else 0)
    return 19, 0  # an integer (bigint at most)


def _decimal_divide(left: exp.Expr, right: exp.Expr, at: exp.Expr) -> exp.Expr:
    """Trino divides decimals to the larger scale of the two, rounded (1.0 / 3 = 0.3)."""
    (p1, s1), (_, s2) = _decimal_scale(left), _decimal_scale(right)
    scale = max(s1, s2)
    precision = min(38, max(p1 + s2 + max(0, s2 - s1), scale + 1))
    return _template(
        f"CASE WHEN :r = 0 THEN :fail "
        f"ELSE CAST(CAST(:l AS DOUBLE) / :r AS DECIMAL({precision}, {scale})) END",
        l=left,
        r=right,
        fail=_fail("Division by zero", at),
    )


_DAY_UNITS = {"DAY", "DAYS", "WEEK", "WEEKS", "MONTH", "MONTHS", "YEAR", "YEARS", "QUARTER"}


def _is_date(node: exp.Expr) -> bool:
    while isinstance(node, exp.Min | exp.Max | exp.AnyValue | exp.Paren):  # of a date: a date
        node = node.this
    if isinstance(node, exp.Cast) and node.to.this == exp.DataType.Type.DATE:
        return True
    if isinstance(node, exp.Column):
        return node.meta.get(KIND) == "date"
    return isinstance(node, exp.CurrentDate)


def _date_plus_interval(node: exp.Expr) -> exp.Expr | None:
    """A date plus or minus an interval is a date in Trino (DuckDB: a timestamp); an interval
    of hours, minutes or seconds cannot be added to a date."""
    left, right = node.this, node.expression
    date, interval = (left, right) if isinstance(right, exp.Interval) else (right, left)
    if not isinstance(interval, exp.Interval) or not _is_date(date):
        return None
    if isinstance(node, exp.Sub) and date is right:
        return None
    unit = interval.unit.name.upper() if interval.unit else ""
    if unit not in _DAY_UNITS:
        return _fail("Cannot add hour, minutes or seconds to a date", node)
    return exp.Cast(this=node.copy(), to=exp.DataType.build("DATE"))


_REWRITES: dict[type[exp.Expr], Callable[[exp.Expr], exp.Expr | None]] = {
    exp.Div: _divide,
    exp.Mod: _divide,
    exp.Add: _date_plus_interval,
    exp.Sub: _date_plus_interval,
}


def _register(*classes: type[exp.Expr]) -> Callable[..., Callable[..., exp.Expr | None]]:
    def wrap(fn: Callable[..., exp.Expr | None]) -> Callable[..., exp.Expr | None]:
        for cls in classes:
            _REWRITES[cls] = fn
        return fn

    return wrap


_ANONYMOUS: dict[str, Callable[[exp.Expr], exp.Expr | None]] = {}


def _anonymous(*names: str) -> Callable[..., Callable[..., exp.Expr | None]]:
    def wrap(fn: Callable[..., exp.Expr | None]) -> Callable[..., exp.Expr | None]:
        for name in names:
            _ANONYMOUS[name] = fn
        return fn

    return wrap


# -- numbers and bits ----------------------------------------------------------------------


@_register(exp.Sign)
def _sign(node: exp.Expr) -> exp.Expr:
    """sign() has its argument's type in Trino (DuckDB: tinyint): a literal's type is known;
    else CASE makes DuckDB give the result the argument's type."""
    if isinstance(node.this, exp.Literal | exp.Neg) and _kind(node.this) in ("int", "float"):
        to = "INTEGER" if _kind(node.this) == "int" else "DOUBLE"
        return exp.Cast(this=node.copy(), to=exp.DataType.build(to))
    return _template("CASE WHEN true THEN sign(:x) ELSE :x END", x=node.this)


def _bigint(node: exp.Expr) -> exp.Expr:
    return exp.Cast(this=node.copy(), to=exp.DataType.build("BIGINT"))


@_register(exp.BitwiseAnd, exp.BitwiseOr, exp.BitwiseXor)
def _bitwise(node: exp.Expr) -> exp.Expr:
    """bitwise_and/or/xor are bigint functions in Trino."""
    return type(node)(this=_bigint(node.this), expression=_bigint(node.expression))


@_register(exp.BitwiseNot)
def _bitwise_not(node: exp.Expr) -> exp.Expr:
    return exp.BitwiseNot(this=_bigint(node.this))


@_anonymous("bitwise_left_shift")
def _left_shift(node: exp.Expr) -> exp.Expr:
    value, shift = node.expressions
    return exp.BitwiseLeftShift(this=value.copy(), expression=shift.copy())


@_anonymous("bitwise_right_shift")
def _right_shift(node: exp.Expr) -> exp.Expr:
    """A logical shift: of a negative number, refused at run time rather than sign-filled."""
    value, shift = node.expressions
    return _template(
        "CASE WHEN :v < 0 THEN :fail ELSE :v >> :n END",
        v=value,
        n=shift,
        fail=_fail("bitwise_right_shift of a negative number is not supported by lakebox; "
                   "use bitwise_right_shift_arithmetic", node),
    )  # fmt: skip


@_anonymous("bitwise_right_shift_arithmetic")
def _right_shift_arithmetic(node: exp.Expr) -> exp.Expr:
    value, shift = node.expressions
    return exp.BitwiseRightShift(this=value.copy(), expression=shift.copy())


@_anonymous("bit_count")
def _bit_count(node: exp.Expr) -> exp.Expr:
    """bit_count(x, bits): the one bits of x as a ``bits``-bit two's complement number."""
    if len(node.expressions) != 2:
        raise refuse("bit_count", "one argument", "use bit_count(x, bits)")
    x, bits = node.expressions
    return _template(
        "CASE WHEN :b < 2 OR :b > 64 THEN :fail "
        "WHEN :x >= 0 THEN CAST(bit_count(CAST(:x AS BIGINT)) AS BIGINT) "
        "ELSE CAST(bit_count(CAST(:x AS BIGINT)) AS BIGINT) - (64 - (:b)) END",
        x=x,
        b=bits,
        fail=_fail("Bits specified in bit_count must be between 2 and 64", node),
    )


_anonymous("e")(lambda node: _template("exp(1)"))
_anonymous("nan")(lambda node: _template("CAST('NaN' AS DOUBLE)"))
_anonymous("infinity")(lambda node: _template("CAST('Infinity' AS DOUBLE)"))


# -- refused -------------------------------------------------------------------------------

# Trino functions DuckDB has nothing equal to: refused by name (DuckDB's own functions of
# some of these names compute something else).
_REFUSED = {
    "with_timezone": "not implemented", "at_timezone": "not implemented",
    "timezone_hour": "not implemented", "timezone_minute": "not implemented",
    "from_iso8601_timestamp_nanos": "not implemented",
    # DuckDB has functions of these names that compute something else
    "from_unixtime_nanos": "not implemented",
    "title_case": "not implemented", "timezone": "not implemented",
    }  # fmt: skip
# Trino's geospatial functions (their names): the ones trino_geo.py checked run on DuckDB's
# spatial extension (it adds them to GEOSPATIAL_SUPPORTED); the others are refused, never left
# to a spatial function of the same name that answers otherwise.
GEOSPATIAL_SUPPORTED: set[str] = set()
GEOSPATIAL_PREFIXES = ("st_", "bing_tile", "geometry_")
GEOSPATIAL = {
    "great_circle_distance", "line_interpolate_point", "line_interpolate_points",
    "line_locate_point", "simplify_geometry", "spatial_partitioning", "spatial_partitions",
    "to_spherical_geography", "convex_hull_agg", "from_encoded_polyline",
    "to_encoded_polyline", "from_geojson_geometry", "to_geojson_geometry",
    "geometry_from_hadoop_shape", "to_geometry",
}  # fmt: skip


def refused_reason(name: str) -> str | None:
    """Why lakebox refuses the Trino function ``name`` (None: it does not)."""
    lowered = name.lower()
    if lowered in _REFUSED:
        return _REFUSED[lowered]
    if lowered in GEOSPATIAL_SUPPORTED:
        return None
    if lowered in GEOSPATIAL or lowered.startswith(GEOSPATIAL_PREFIXES):
        return "geospatial: not implemented by lakebox"
    return None


def refuse_calls(tokens: list[Any]) -> None:
    """Refuse, before parsing, a call of a function lakebox refuses, whatever sqlglot would
    parse it into (some it maps onto DuckDB functions that answer otherwise: ``bar``,
    ``to_char``)."""
    for token, after in itertools.pairwise(tokens):
        if after.token_type != TokenType.L_PAREN or token.token_type == TokenType.STRING:
            continue
        reason = refused_reason(token.text)
        if reason is not None:
            name = token.text.lower()
            raise refuse(name, f"the Trino function {name}() ({reason})", "compute it otherwise")


def refuse_internal_names(tree: exp.Expr) -> None:
    """The functions lakebox's translation calls (lakebox_*) check nothing themselves (the
    SQL around them does), and its lambdas' parameters (__lb_*) would capture a column of the
    same name: neither may be written in a query."""
    for node in tree.find_all(exp.Anonymous):
        name = str(node.this).lower()
        if name.startswith(("lakebox_", "__lb_")):
            raise UnsupportedFunction(f"{name}() is lakebox's own, not a function queries may call")
    for ident in tree.find_all(exp.Identifier):
        if ident.name.lower().startswith("__lb_"):
            raise UnsupportedFunction(
                f"the name {ident.name} is reserved by lakebox's translation; rename it"
            )


# Trino types lakebox holds its own way (engine_worker.py refuses them as results), by the
# functions that make them: a CAST of one would show lakebox's form, not Trino's
_HELD = {
    "approx_set": "HyperLogLog", "empty_approx_set": "HyperLogLog", "merge": "HyperLogLog",
    "make_set_digest": "SetDigest", "merge_set_digest": "SetDigest", "qdigest_agg": "qdigest",
    "tdigest_agg": "tdigest",
    "color": "color", "rgb": "color", "bing_tile": "BingTile", "bing_tile_at": "BingTile",
    "bing_tiles_around": "BingTile", "geometry_to_bing_tiles": "BingTile",
    "learn_classifier": "Classifier", "learn_libsvm_classifier": "Classifier",
    "learn_regressor": "Regressor", "learn_libsvm_regressor": "Regressor",
    "to_spherical_geography": "SphericalGeography",
    "from_geojson_geometry": "SphericalGeography",
}  # fmt: skip


def refuse_held_casts(tree: exp.Expr) -> None:
    for cast in tree.find_all(exp.Cast, exp.TryCast):
        inner = cast.this
        while isinstance(inner, exp.Paren):
            inner = inner.this
        if isinstance(inner, exp.Anonymous) and str(inner.this).lower() in _HELD:
            name = str(inner.this).lower()
            raise UnsupportedFunction(
                f"CAST of {name}(...), a {_HELD[name]}, is not supported by lakebox: lakebox "
                "holds that type its own way, not as Trino serializes it"
            )


TERADATA_FORMAT = "lakebox_teradata_format"  # a to_char call's meta: its format as written


def mark_teradata_formats(tree: exp.Expr, tokens: list[Any]) -> None:
    """Teradata's to_char(x, format): sqlglot parses it as DuckDB's strftime with the format
    already rewritten (and hh read as 1 to 12); keep the format as the user wrote it, from
    the tokens, for trino_udfs.py (None: not a string literal)."""
    by_start = {t.start: i for i, t in enumerate(tokens)}
    for node in tree.find_all(exp.TimeToStr):
        at = by_start.get(node.meta.get("start", -1))
        if at is None or tokens[at].text.lower() != "to_char":
            continue
        depth, i, found = 0, at + 1, None
        while i < len(tokens):
            kind = tokens[i].token_type
            if kind == TokenType.L_PAREN:
                depth += 1
            elif kind == TokenType.R_PAREN:
                depth -= 1
                if depth == 0:
                    break
            elif kind == TokenType.COMMA and depth == 1:
                after = tokens[i + 1 : i + 3]
                if (
                    len(after) == 2
                    and after[0].token_type == TokenType.STRING
                    and after[1].token_type == TokenType.R_PAREN
                ):
                    found = after[0].text
                break
            i += 1
        node.meta[TERADATA_FORMAT] = found


def _refused(node: exp.Expr) -> exp.Expr:
    name = str(node.this).lower()
    reason = refused_reason(name) or "not implemented"
    raise refuse(name, f"the Trino function {name}() ({reason})", "compute it otherwise")


for _name in _REFUSED:
    _ANONYMOUS[_name] = _refused


# The other families register their rewrites when imported.
from lakebox.query import (  # noqa: E402, F401
    trino_bing_tiles,
    trino_collections,
    trino_colors,
    trino_datetime,
    trino_geo,
    trino_geo_constructors,
    trino_geo_relations,
    trino_geo_shapes,
    trino_json,
    trino_kdb_tree,
    trino_maps,
    trino_ml,
    trino_numbers,
    trino_sketches,
    trino_spherical,
    trino_strings,
    trino_types,
    trino_udfs,
)
