"""SQL dialects as data: what users write in, and how it is parsed (sqlglot)."""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, ParseError, TokenError, UnsupportedError

from lakebox.errors import InvalidArgument
from lakebox.query.sandbox import check_nesting, nested_too_deeply
from lakebox.query.syntax import lenient_mistake, plain_description
from lakebox.query.trino_functions import (
    TRINO_DIALECTS,
    UnsupportedFunction,
    mark_teradata_formats,
    refuse_calls,
    refuse_held_casts,
    refuse_internal_names,
    translate,
)
from lakebox.query.trino_kdb_tree import kdb_tree_types, rewrite_kdb_tree_casts
from lakebox.query.trino_types import literal_types, typed_decimal_literals
from lakebox.query.trino_unnest import rewrite_unnests

# Name users give → sqlglot dialect. Athena's engine is Trino, so Trino SQL is the default.
DIALECTS: dict[str, str] = {
    "athena": "athena",
    "trino": "trino",
    "presto": "presto",
    "spark": "spark",
    "oracle": "oracle",
    "duckdb": "duckdb",
}
DEFAULT_DIALECT = "athena"


class SqlSyntaxError(InvalidArgument):
    """The SQL does not parse; the message names the line and column, with a caret."""

    code = "SqlSyntaxError"


def parse(sql: str, dialect: str = DEFAULT_DIALECT, own: bool = False) -> list[exp.Expr]:
    """The statements of SQL text in a dialect; ``own``: SQL lakebox wrote (a view's query as
    translated), which may call lakebox's own functions."""
    if dialect not in DIALECTS:
        raise InvalidArgument(f"unknown dialect {dialect!r}; dialects: {', '.join(DIALECTS)}")
    tokens = check_nesting(sql)  # the parser recurses once per level: refuse what would overflow it
    if dialect in TRINO_DIALECTS:
        typed = kdb_tree_types(sql, tokens)  # a type sqlglot does not know (trino_kdb_tree.py)
        if typed != sql:
            sql, tokens = typed, check_nesting(typed)
        refuse_calls(tokens)
    try:
        trees = sqlglot.parse(sql, read=DIALECTS[dialect])
    except RecursionError:  # nesting the token count does not see
        raise nested_too_deeply() from None
    except ParseError as exc:
        first = exc.errors[0] if exc.errors else {}
        description = plain_description(first.get("description", str(exc)))
        raise SqlSyntaxError(
            _point(sql, first.get("line"), first.get("col"), description)
        ) from None
    except TokenError as exc:
        raise SqlSyntaxError(f"SQL syntax error: {exc}") from None
    statements = [t for t in trees if t is not None]
    if not statements:
        raise InvalidArgument("the query is empty")
    mistake = lenient_mistake(tokens, statements if dialect in _POSITIONAL_NAMES else [])
    if mistake is not None:
        raise SqlSyntaxError(_point(sql, *mistake))
    for t in statements if not own else ():  # in every dialect: lakebox_* functions check
        refuse_internal_names(t)  # nothing themselves
    if dialect in TRINO_DIALECTS:  # Trino's functions, as Trino answers them (trino_functions.py)
        for t in statements:
            refuse_held_casts(t)
            rewrite_kdb_tree_casts(t)
            mark_teradata_formats(t, tokens)
        literals = typed_decimal_literals(tokens)
        for t in statements:
            literal_types(t, literals)
        statements = [rewrite_unnests(translate(t)) for t in statements]
    return statements


def _point(sql: str, line: int | None, col: int | None, description: str) -> str:
    if not line or not col:
        return f"SQL syntax error: {description}"
    lines = sql.splitlines() or [""]
    text = lines[min(line, len(lines)) - 1]
    return (
        f"SQL syntax error at line {line}, column {col}: {description}\n"
        f"  {text}\n  {' ' * (max(col, 1) - 1)}^"
    )


def to_duckdb(tree: exp.Expr) -> str:
    """DuckDB SQL for ``tree``, which may be changed on the way (not copied: copying a large
    tree costs more than parsing it). What sqlglot cannot translate (an argument DuckDB's
    function has no place for) is refused, never dropped."""
    try:
        return tree.sql(dialect="duckdb", copy=False, unsupported_level=ErrorLevel.RAISE)
    except UnsupportedError as exc:  # sqlglot would drop or change part of it: refuse
        raise UnsupportedFunction(
            f"not supported by lakebox: {str(exc).strip()} Rewrite the query without it."
        ) from None


# Dialects whose engine (Trino) names a result's unnamed columns by position.
_POSITIONAL_NAMES = frozenset({"athena", "trino", "presto"})


def name_columns(tree: exp.Expr, dialect: str) -> None:
    """Trino's names for a query's unnamed result columns: ``_col0``, ``_col1``, ... by
    position (DuckDB would call ``count(*)`` ``count_star()``). A column reference keeps its
    name, an alias is the name; a set operation is named by its first query, as in Trino."""
    if dialect not in _POSITIONAL_NAMES:
        return
    select = tree
    while isinstance(select, exp.SetOperation | exp.Subquery):
        select = select.this
    if not isinstance(select, exp.Select):
        return
    named = []
    for i, e in enumerate(select.expressions):
        inner = e.unnest() if isinstance(e, exp.Paren) else e
        if isinstance(inner, exp.Alias | exp.Column | exp.Star):
            named.append(e)
        else:
            named.append(exp.alias_(e, f"_col{i}", quoted=False))
    select.set("expressions", named)
