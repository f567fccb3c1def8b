"""What sort of number an expression is known to be decides Trino's rewrites (bigint sums,
integer division): a column of any other type never counts as an integer."""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from lakebox.query.trino_functions import KIND, _kind


def _typed(sql: str, kinds: dict[str, str]) -> exp.Expr:
    tree = sqlglot.parse_one(sql, read="trino")
    for column in tree.find_all(exp.Column):
        column.meta[KIND] = kinds[column.name]
    return tree


def test_a_decimal_column_in_arithmetic_is_not_an_integer() -> None:
    # Before: sum(l_extendedprice * (1 - l_discount)) over decimal(15,2) columns was cast to
    # BIGINT (TPC-H Q1 answered 502159406 for 502159405.56)
    tree = _typed("SELECT price * (1 - discount)", {"price": "other", "discount": "other"})
    assert _kind(tree.expressions[0]) is None
    tree = _typed("SELECT n * (1 - m)", {"n": "int", "m": "int"})
    assert _kind(tree.expressions[0]) == "int"
    tree = _typed("SELECT n + 1.5", {"n": "int"})
    assert _kind(tree.expressions[0]) == "decimal"
