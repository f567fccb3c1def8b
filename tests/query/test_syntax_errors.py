"""Syntax errors in SQL words, with line and column; broken SQL sqlglot would read as other SQL
is refused as Trino refuses it."""

from __future__ import annotations

import pytest

from lakebox.query.dialects import SqlSyntaxError, parse

CASES = [
    ("SELECT * FROM", "line 1, column 13: Expected table name but got the end of the query"),
    ("SELECT a FROM t WHERE", "WHERE needs a condition"),
    ("SELECT 1 +", "+ needs something on its right"),
    ("SELEC 1", "unexpected word or symbol here"),
    ("SELECT a,, b FROM t", "line 1, column 10: an expression is missing between the commas"),
    ("SELECT a,\n  b,\nFROM t", "line 3, column 4: an expression is missing after the comma"),
    ("SELECT *\nFROM t GROUP", "line 2, column 12: 'GROUP' is a reserved word, not a name"),
    ("SELECT x AS end FROM t", "'end' is a reserved word"),
]


@pytest.mark.parametrize(("sql", "message"), CASES)
def test_a_syntax_error_says_what_in_sql_words(sql: str, message: str) -> None:
    with pytest.raises(SqlSyntaxError) as caught:
        parse(sql, "athena")
    text = str(caught.value)
    assert message in text
    for internal in ("<class", "sqlglot", "<Token", "TokenType"):
        assert internal not in text
    assert text.splitlines()[-1].strip() == "^"  # the caret under the place


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT 1 AS "group", 2 AS "end" FROM t',
        "SELECT count(*) AS count, t.value AS value FROM t AS data",
        "SELECT a, b FROM t GROUP BY a, b ORDER BY 1",
    ],
)
def test_names_that_are_not_reserved_or_are_quoted_still_parse(sql: str) -> None:
    parse(sql, "athena")


def test_spark_sql_is_held_to_no_trino_reserved_words() -> None:
    parse("SELECT 1 AS end FROM t", "spark")  # Spark allows it
