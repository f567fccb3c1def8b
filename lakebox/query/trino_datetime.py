"""format_datetime and parse_datetime: Trino's Java (Joda-Time) date patterns, written as
DuckDB's strftime / strptime patterns; a pattern letter with no DuckDB equal is refused by
name, never formatted otherwise."""

from __future__ import annotations

import re

from sqlglot import exp

from lakebox.query.trino_functions import _anonymous, _register, _template, refuse

# Joda letters, by how many are written → strftime; any other letter or count is refused
_LETTERS: dict[str, dict[int, str]] = {
    "y": {1: "%Y", 2: "%y", 3: "%Y", 4: "%Y"},
    "M": {1: "%-m", 2: "%m", 3: "%b", 4: "%B"},
    "d": {1: "%-d", 2: "%d"},
    "D": {1: "%-j", 3: "%j"},
    "H": {1: "%-H", 2: "%H"},
    "h": {1: "%-I", 2: "%I"},
    "m": {1: "%-M", 2: "%M"},
    "s": {1: "%-S", 2: "%S"},
    "S": {3: "%g", 6: "%f"},
    "a": {1: "%p"},
    "E": {1: "%a", 2: "%a", 3: "%a", 4: "%A"},
}  # not Z: DuckDB writes +00 where Joda writes +0000


def joda_to_strftime(pattern: str, function: str) -> str:
    out: list[str] = []
    at = 0
    for found in re.finditer(r"'(?:[^']|'')*'|([A-Za-z])\1*", pattern):
        out.append(pattern[at : found.start()].replace("%", "%%"))
        at = found.end()
        text = found.group(0)
        if text.startswith("'"):
            quoted = text[1:-1].replace("''", "'")
            out.append((quoted or "'").replace("%", "%%"))
            continue
        written = _LETTERS.get(text[0], {}).get(len(text))
        if written is None:
            raise refuse(
                function,
                f"the pattern letter {text!r} of {pattern!r}",
                "use date_format with MySQL's patterns (%Y-%m-%d %H:%i:%s)",
            )
        out.append(written)
    out.append(pattern[at:].replace("%", "%%"))
    return "".join(out)


def _pattern(node: exp.Expr, function: str) -> str:
    if not (isinstance(node, exp.Literal) and node.is_string):
        raise refuse(function, "a pattern that is not a string literal", "write the pattern")
    return joda_to_strftime(node.this, function)


@_anonymous("format_datetime")
def _format_datetime(node: exp.Expr) -> exp.Expr:
    value, pattern = node.expressions
    return _template(
        "strftime(:v, :p)",
        v=value,
        p=exp.Literal.string(_pattern(pattern, "format_datetime")),
    )


@_register(exp.ParseDatetime)
def _parse_datetime(node: exp.Expr) -> exp.Expr:
    """A timestamp with time zone (UTC unless the pattern reads a zone), as Trino's."""
    return _template(
        "CAST(strptime(:s, :p) AS TIMESTAMPTZ)",
        s=node.this,
        p=exp.Literal.string(_pattern(node.args["format"], "parse_datetime")),
    )
