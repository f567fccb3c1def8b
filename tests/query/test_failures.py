"""Errors DuckDB raises while running a query, told in the user's terms: an unknown column at
its place in the user's SQL, with "did you mean", never the SQL lakebox generated."""

from __future__ import annotations

import pytest

from lakebox.auth.access import SYSTEM
from lakebox.query.engine import QueryEngine, QueryFailed
from lakebox.query.failures import explain


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "SELECT prce FROM lake.products",
            "line 1:8: Column 'prce' cannot be resolved; did you mean 'price'?",
        ),
        (
            "SELECT p.sku,\n       p.prce\nFROM lake.products p",
            "line 2:10: Column 'prce' cannot be resolved; did you mean 'price'?",
        ),
    ],
)
def test_an_unknown_column_is_named_where_the_user_wrote_it(
    engine: QueryEngine, sql: str, expected: str
) -> None:
    with pytest.raises(QueryFailed) as caught:
        engine.run(sql, principal=SYSTEM)
    text = str(caught.value)
    assert text.splitlines()[0] == expected
    assert "read_parquet" not in text and "read_json" not in text and "Values list" not in text
    col = int(expected.split(":")[1])
    assert text.splitlines()[2].index("^") - 2 == col - 1  # the caret under the name


def test_other_errors_keep_duckdbs_first_line_and_its_suggestion() -> None:
    message = (
        'Catalog Error: Scalar Function with name lenght does not exist!\nDid you mean "length"?'
    )
    assert explain(message, "SELECT lenght('x')") == (
        'Catalog Error: Scalar Function with name lenght does not exist! Did you mean "length"?'
    )
