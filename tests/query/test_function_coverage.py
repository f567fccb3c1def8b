"""Coverage of Trino's functions (issue 11): every function in Trino's list
(trino_function_list.txt) is either checked by the conformance suites, its value and its Trino
type (test_trino_functions.py, test_trino_more_functions.py, test_trino_geo.py), or refused by
name, never left to whatever DuckDB's function of that name does. The share checked is
measured, and may not fall."""

from __future__ import annotations

import re
from pathlib import Path

from lakebox.query.trino_functions import (
    GEOSPATIAL,
    GEOSPATIAL_PREFIXES,
    UnsupportedFunction,
    refused_reason,
)
from tests.query import (
    test_trino_functions,
    test_trino_ml,
    test_trino_more_functions,
    test_trino_tdigest,
    trino_geo_cases,
    trino_geo_more_cases,
    trino_spherical_cases,
)

LISTED = [
    line.strip().lower()
    for line in (Path(__file__).with_name("trino_function_list.txt")).read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
# written without parentheses: checked when the name appears at all
NO_PARENTHESES = {
    "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
    "current_user", "cast", "try_cast", "extract", "if", "coalesce", "nullif", "try",
}  # fmt: skip
CHECKED_AT_LEAST = 0.95  # of the whole list, geospatial included (see docs/query.md)


def geospatial(name: str) -> bool:
    return name in GEOSPATIAL or name.startswith(GEOSPATIAL_PREFIXES)


def _called(name: str, sql: str) -> bool:
    if name in NO_PARENTHESES:
        return re.search(rf"\b{re.escape(name)}\b", sql) is not None
    return re.search(rf"\b{re.escape(name)}\s*\(", sql) is not None


def classify() -> dict[str, list[str]]:
    cases = [
        *test_trino_functions.CASES,
        *test_trino_more_functions.CASES,
        *test_trino_ml.CASES,
        *test_trino_tdigest.CASES,
        *trino_geo_cases.CASES,
        *trino_geo_more_cases.CASES,
        *trino_spherical_cases.CASES,
    ]
    errors = [
        *test_trino_functions.ERRORS,
        *test_trino_more_functions.ERRORS,
        *test_trino_ml.ERRORS,
        *test_trino_tdigest.ERRORS,
    ]
    checked_sql = "\n".join(c[0] for c in cases).lower()
    refused_sql = "\n".join(e[0] for e in errors if e[1] is UnsupportedFunction).lower()
    found: dict[str, list[str]] = {"checked": [], "refused": [], "neither": []}
    for name in LISTED:
        if _called(name, checked_sql):
            found["checked"].append(name)
        elif refused_reason(name) or _called(name, refused_sql):
            found["refused"].append(name)
        else:
            found["neither"].append(name)
    return found


def test_every_listed_function_is_checked_or_refused_by_name() -> None:
    found = classify()
    assert not found["neither"], (
        "Trino functions neither checked by the conformance suite nor refused by name: "
        + ", ".join(found["neither"])
    )
    assert len(LISTED) == len(set(LISTED))


def test_the_share_checked_does_not_fall() -> None:
    found = classify()
    share = len(found["checked"]) / len(LISTED)
    non_geo = [n for n in LISTED if not geospatial(n)]
    checked_non_geo = [n for n in found["checked"] if n in non_geo]
    print(
        f"{len(found['checked'])} of {len(LISTED)} checked ({share:.0%}); without the "
        f"geospatial functions {len(checked_non_geo)} of {len(non_geo)} "
        f"({len(checked_non_geo) / len(non_geo):.0%}); {len(found['refused'])} refused by name"
    )
    assert share >= CHECKED_AT_LEAST


def test_a_refused_function_is_refused_whatever_sqlglot_makes_of_it() -> None:
    # the names refused before parsing, whatever sqlglot maps them onto
    for name in ("st_read", "title_case", "geometry_invalid_reason"):
        assert refused_reason(name), name


def test_the_docs_list_what_is_refused_and_the_counts() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "query.md").read_text()
    found = classify()
    missing = [n for n in found["refused"] if f"`{n}`" not in docs]
    assert not missing, f"refused but not in docs/query.md: {missing}"
    assert f"{len(found['checked'])} are checked" in docs
    assert f"{len(found['refused'])} refused by name" in docs


def test_the_docs_refuse_only_what_is_refused() -> None:
    """The refused row of docs/query.md's table names no function lakebox now runs (before
    its list of refused forms of supported functions)."""
    docs = (Path(__file__).parents[2] / "docs" / "query.md").read_text()
    row = next(line for line in docs.splitlines() if line.startswith("| refused by name"))
    names = set(re.findall(r"`([a-z0-9_]+)`", row.split("and these forms")[0]))
    running = set(classify()["checked"])
    assert not names & running, f"docs/query.md lists as refused: {sorted(names & running)}"
