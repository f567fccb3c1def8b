"""DuckDB's errors as the user should read them.

DuckDB runs SQL that lakebox generated from the user's (tables inlined as subqueries over
their files), so its messages can name things the user never wrote ("Values list "o""), and
its ``LINE n`` context points into the generated SQL. An unknown column is told as Trino tells
it, ``line 1:8: Column 'contry' cannot be resolved``, at its place in the user's SQL, with
"did you mean" from DuckDB's candidates; other errors keep DuckDB's first line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from sqlglot.tokenizer_core import TokenType
from sqlglot.tokens import Tokenizer

_UNKNOWN_COLUMN = (
    re.compile(r'Binder Error: Referenced column "((?:[^"]|"")+)" not found in FROM clause!'),
    re.compile(
        r'Binder Error: (?:Table|Values list) "(?:[^"]|"")+" does not have a column named '
        r'"((?:[^"]|"")+)"'
    ),
)
_CANDIDATES = re.compile(r"Candidate bindings:(.*)")
_QUOTED = re.compile(r'"((?:[^"]|"")+)"')


def explain(message: str, sql: str, known: Callable[[], list[str]] = list) -> str:
    """The error of a query whose SQL (as the user wrote it) is ``sql``; ``known`` gives the
    columns of the tables it reads, for "did you mean" when DuckDB names no candidate."""
    first = message.splitlines()[0] if message else "the query failed"
    for pattern in _UNKNOWN_COLUMN:
        found = pattern.match(first)
        if found:
            return _unknown_column(found.group(1).replace('""', '"'), message, sql, known)
    if _SPHERICAL in first and first.startswith("Binder Error: No function matches"):
        # a SphericalGeography (trino_spherical.py) where Trino's function takes a Geometry
        return first.replace(_SPHERICAL, "SphericalGeography") + " " + _SPHERICAL_HINT
    if _SPHERICAL in message and first.startswith("Binder Error: Cannot deduce template type"):
        return f"{first} {_MIXED_HINT}"
    hint = next((h for h in message.splitlines()[1:] if h.startswith("Did you mean")), None)
    for start, advice in _ADVICE:
        if first.startswith(start):
            hint = advice
    return f"{first} {hint}" if hint else first


_SPHERICAL = "STRUCT(lakebox_spherical GEOMETRY)"
_SPHERICAL_HINT = (
    "(Trino has no such function of a SphericalGeography: convert it with to_geometry(...))"
)
_MIXED_HINT = (
    "(a Geometry and a SphericalGeography together, where Trino takes two of one type: "
    "convert one with to_geometry(...) or to_spherical_geography(...))"
)
_MAP_COLUMN = (
    "(to unnest a map column into its keys and values, write UNNEST(map_entries(column)) "
    "AS t(key, value))"
)
_ADVICE = [
    ("Binder Error: UNNEST() can only be applied to lists, structs and NULL, not MAP", _MAP_COLUMN),
    # UNNEST(column) AS t(a, b) reads an array of rows (trino_unnest.py): a map is not one
    ("Binder Error: UNNEST not supported here", _MAP_COLUMN),
]


def _unknown_column(name: str, message: str, sql: str, known: Callable[[], list[str]]) -> str:
    candidates: list[str] = []
    for part in message.splitlines():
        listed = _CANDIDATES.search(part)
        if listed:
            candidates += [c.replace('""', '"').rsplit(".", 1)[-1] for c in _QUOTED.findall(part)]
    if not candidates:
        try:
            candidates = known()
        except Exception:  # a suggestion is not worth a second error
            candidates = []
    text = f"Column '{name}' cannot be resolved"
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)  # a near name only
    if close and close[0] != name:
        text += f"; did you mean '{close[0]}'?"
    place = _place(sql, name)
    if place is None:
        return text
    line, col = place
    source = (sql.splitlines() or [""])[line - 1]
    return f"line {line}:{col}: {text}\n  {source}\n  {' ' * (col - 1)}^"


def _place(sql: str, name: str) -> tuple[int, int] | None:
    """Line and column (1-based, of its first character) where ``name`` is first used as a
    name in ``sql``."""
    try:
        tokens = Tokenizer().tokenize(sql)
    except Exception:
        return None
    for token in tokens:
        if token.token_type in (TokenType.VAR, TokenType.IDENTIFIER) and token.text.lower() == (
            name.lower()
        ):
            start_col = token.col - len(token.text) + 1
            if token.token_type == TokenType.IDENTIFIER:
                start_col -= 2  # the quotes
            return token.line, max(start_col, 1)
    return None
