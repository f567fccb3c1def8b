"""Syntax errors in the user's terms, and the mistakes sqlglot's lenient parser lets through.

sqlglot describes what it expected with its own class names and token objects ("Required
keyword: 'this' missing for <class 'sqlglot.expressions.query.Where'>", "Expected table name
but got <Token token_type: TokenType.SENTINEL ...>"); users see SQL words instead. And sqlglot
reads some broken SQL as something else, which would run and answer another question: an empty
item between commas is dropped (``SELECT a,, b``), and a reserved word where an alias may stand
becomes the alias (``FROM t GROUP`` is ``t`` named ``GROUP``, the ``BY`` forgotten). Trino
refuses both; so does lakebox, with the line and column.
"""

from __future__ import annotations

import re

from sqlglot import exp
from sqlglot.tokenizer_core import Token, TokenType

# Trino's reserved words (its SQL grammar's reserved keywords): never a name unless quoted.
RESERVED = frozenset(
    [
        "ALTER",
        "AND",
        "AS",
        "BETWEEN",
        "BY",
        "CASE",
        "CAST",
        "CONSTRAINT",
        "CREATE",
        "CROSS",
        "CUBE",
        "CURRENT_CATALOG",
        "CURRENT_DATE",
        "CURRENT_PATH",
        "CURRENT_ROLE",
        "CURRENT_SCHEMA",
        "CURRENT_TIME",
        "CURRENT_TIMESTAMP",
        "CURRENT_USER",
        "DEALLOCATE",
        "DELETE",
        "DESCRIBE",
        "DISTINCT",
        "DROP",
        "ELSE",
        "END",
        "ESCAPE",
        "EXCEPT",
        "EXECUTE",
        "EXISTS",
        "EXTRACT",
        "FALSE",
        "FOR",
        "FROM",
        "FULL",
        "GROUP",
        "GROUPING",
        "HAVING",
        "IN",
        "INNER",
        "INSERT",
        "INTERSECT",
        "INTO",
        "IS",
        "JOIN",
        "JSON_ARRAY",
        "JSON_EXISTS",
        "JSON_OBJECT",
        "JSON_QUERY",
        "JSON_TABLE",
        "JSON_VALUE",
        "LEFT",
        "LIKE",
        "LISTAGG",
        "LOCALTIME",
        "LOCALTIMESTAMP",
        "NATURAL",
        "NORMALIZE",
        "NOT",
        "NULL",
        "ON",
        "OR",
        "ORDER",
        "OUTER",
        "PREPARE",
        "RECURSIVE",
        "RIGHT",
        "ROLLUP",
        "SELECT",
        "SKIP",
        "TABLE",
        "THEN",
        "TRIM",
        "TRUE",
        "UESCAPE",
        "UNION",
        "UNNEST",
        "USING",
        "VALUES",
        "WHEN",
        "WHERE",
        "WITH",
    ]
)

_TOKEN = re.compile(
    r"<Token token_type: TokenType\.(\w+), text: (.*?), line: \d+, col: \d+, "
    r"start: \d+, end: \d+, comments: \[.*?\]>"
)
_CLASS = re.compile(r"<class 'sqlglot\.[\w.]*\.(\w+)'>")
# What an expression of sqlglot's needs, in SQL words, when it is incomplete.
_INCOMPLETE = {
    "Where": "WHERE needs a condition",
    "Having": "HAVING needs a condition",
    "Table": "a table name is missing",
    "Select": "SELECT needs something to select",
    "Join": "JOIN needs a table",
    "Cast": "CAST needs a type",
    "Order": "ORDER BY needs an expression",
    "Group": "GROUP BY needs an expression",
}
_OPERATORS = {
    "Add": "+",
    "Sub": "-",
    "Mul": "*",
    "Div": "/",
    "Mod": "%",
    "EQ": "=",
    "NEQ": "<>",
    "GT": ">",
    "GTE": ">=",
    "LT": "<",
    "LTE": "<=",
    "And": "AND",
    "Or": "OR",
    "DPipe": "||",
    "Like": "LIKE",
}


def plain_description(description: str) -> str:
    """sqlglot's description of a syntax error with its internals put in SQL words."""
    missing = re.fullmatch(r"Required keyword: '\w+' missing for (<class '[^']+'>)", description)
    if missing:
        name = _CLASS.search(missing.group(1))
        kind = name.group(1) if name else ""
        if kind in _OPERATORS:
            return f"{_OPERATORS[kind]} needs something on its right"
        return _INCOMPLETE.get(kind, f"the {_words(kind) or 'statement'} is incomplete here")

    def token(match: re.Match[str]) -> str:
        kind, text = match.group(1), match.group(2)
        return "the end of the query" if kind == "SENTINEL" else f"'{text}'"

    text = _TOKEN.sub(token, description)
    text = _CLASS.sub(lambda m: _words(m.group(1)), text)
    if text == "Invalid expression / Unexpected token":
        return "unexpected word or symbol here"
    return text


def _words(class_name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name).lower()


def lenient_mistake(tokens: list[Token], trees: list[exp.Expr]) -> tuple[int, int, str] | None:
    """The first mistake sqlglot read as something else: (line, column, description)."""
    previous: Token | None = None
    for token in tokens:
        if previous is not None and previous.token_type == TokenType.COMMA:
            if token.token_type == TokenType.COMMA:
                return (token.line, token.col, "an expression is missing between the commas")
            if token.token_type == TokenType.FROM:
                return (token.line, token.col, "an expression is missing after the comma")
        previous = token
    for tree in trees:
        for ident in tree.find_all(exp.Identifier):
            if ident.quoted or str(ident.this).upper() not in RESERVED:
                continue
            parent = ident.parent
            if isinstance(parent, exp.TableAlias | exp.Alias):
                line, col = ident.meta.get("line", 0), ident.meta.get("col", 0)
                word = str(ident.this).upper()
                hint = " (GROUP BY, ORDER BY?)" if word in ("GROUP", "ORDER") else ""
                return (
                    line,
                    col,
                    f"'{ident.this}' is a reserved word, not a name{hint}; to use it as a "
                    f'name, quote it: "{ident.this}"',
                )
    return None
