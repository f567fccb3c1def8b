"""Type strings survive any struct field name, and nesting is capped with a clear reason."""

from __future__ import annotations

import pytest

from lakebox.catalog.types import (
    MAX_DEPTH,
    Array,
    Struct,
    TooDeep,
    depth,
    of_value,
    parse,
    render,
)
from lakebox.errors import InvalidArgument


@pytest.mark.parametrize(
    "name", ["x>,y:int", "a b", "`", "``x", "array<int>", "struct<a:int>", ",", ":", "é"]
)
def test_any_field_name_round_trips(name: str) -> None:
    t = Struct(((name, "bigint"), ("next", Array(Struct(((name, "string"),))))))
    assert parse(render(t)) == t


def test_plain_names_are_written_as_before_and_old_strings_still_parse() -> None:
    assert render(Struct((("a_1", "int"),))) == "struct<a_1:int>"
    # Written before names were quoted: names with spaces or dashes, up to the colon.
    assert parse("struct<a b:int,c-d:string>") == Struct((("a b", "int"), ("c-d", "string")))


def test_an_unclosed_quote_is_named() -> None:
    with pytest.raises(InvalidArgument, match="unclosed"):
        parse("struct<`a:int>")


def test_values_nested_past_the_cap_are_refused_not_recursed() -> None:
    value: object = 1
    for _ in range(MAX_DEPTH):
        value = [value]
    assert depth(of_value(value)) == MAX_DEPTH
    with pytest.raises(TooDeep, match=f"more than {MAX_DEPTH} levels"):
        of_value([value])
    deep: object = {}
    for _ in range(5000):  # far past Python's recursion limit: still a clear refusal
        deep = {"a": deep}
    with pytest.raises(TooDeep):
        of_value(deep)


def test_depth_of_a_type_deeper_than_the_stack() -> None:
    t: Array | str = "int"
    for _ in range(5000):
        t = Array(t)
    assert depth(t) == 5000


def test_a_type_string_broken_by_an_unquoted_name_is_refused_not_misread() -> None:
    # As written before names were quoted, for a field named `x>,y:int`.
    with pytest.raises(InvalidArgument, match="expected ',' or '>'"):
        parse("struct<x>,y:int:bigint>")
