"""What a query may do: read catalog tables, nothing else.

This is the first of two walls, the one that gives clear errors. The second is DuckDB itself:
each query's connection may read only the files of the tables it names, with external access
off and its configuration locked (see ``engine.py``).
"""

from __future__ import annotations

import re

from sqlglot import exp

from lakebox.errors import InvalidArgument


class QueryRefused(InvalidArgument):
    """The query tries to do something outside reading catalog tables."""

    code = "QueryRefused"


_READ_ROOTS = (exp.Select, exp.Union, exp.Intersect, exp.Except, exp.Subquery)

# Statement kinds people try, named the way they would say them.
_STATEMENT_NAMES: dict[type[exp.Expr], str] = {
    exp.Copy: "COPY",
    exp.Attach: "ATTACH",
    exp.Detach: "DETACH",
    exp.Set: "SET",
    exp.Pragma: "PRAGMA",
    exp.Install: "INSTALL",
    exp.Create: "CREATE",
    exp.Drop: "DROP",
    exp.Insert: "INSERT",
    exp.Update: "UPDATE",
    exp.Delete: "DELETE",
    exp.Use: "USE",
    exp.Export: "EXPORT",
}


_FORBIDDEN_KEYWORDS = {
    "COPY", "ATTACH", "DETACH", "INSTALL", "LOAD", "SET", "RESET", "PRAGMA", "EXPORT", "IMPORT",
    "CALL", "CHECKPOINT", "VACUUM", "USE", "CREATE", "DROP", "ALTER", "INSERT", "UPDATE",
    "DELETE", "MERGE", "TRUNCATE", "GRANT", "REVOKE",
}  # fmt: skip
_COMMENTS = re.compile(r"\A(?:\s+|--[^\n]*\n?|/\*.*?\*/)*", re.S)


# Statements besides SELECT that queries may run: views, and writes to curated Iceberg tables.
_ALLOWED_WRITES = re.compile(
    r"(CREATE\s+(OR\s+REPLACE\s+)?VIEW|DROP\s+VIEW|CREATE\s+TABLE|DROP\s+TABLE|INSERT\s+INTO)\b",
    re.I,
)


def check_keywords(sql: str) -> None:
    """Refuse by the leading keyword, before parsing: some (EXPORT, CHECKPOINT) do not parse.
    Besides SELECT, queries may create and drop views and write Iceberg tables (writes.py)."""
    body = _COMMENTS.sub("", sql, count=1)
    word = body.split(None, 1)[0].upper().rstrip(";") if body.strip() else ""
    if word in _FORBIDDEN_KEYWORDS and not _ALLOWED_WRITES.match(body):
        raise QueryRefused(
            f"{word} statements are not allowed here: queries read catalog tables with SELECT"
        )


def check(tree: exp.Expr) -> list[tuple[str, str]]:
    """Refuse anything but reading; returns the (database, table) pairs the query reads."""
    if not isinstance(tree, _READ_ROOTS):
        kind = next(
            (name for cls, name in _STATEMENT_NAMES.items() if isinstance(tree, cls)),
            tree.key.upper(),
        )
        raise QueryRefused(
            f"{kind} statements are not allowed here: queries read catalog tables with SELECT"
        )
    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    tables: list[tuple[str, str]] = []
    for table in tree.find_all(exp.Table):
        if not isinstance(table.this, exp.Identifier):
            name = table.this.sql() if table.this is not None else "?"
            raise QueryRefused(
                f"table functions such as {name.split('(')[0].lower()}(...) are not allowed: "
                "queries read catalog tables only (database.table)"
            )
        if table.catalog:
            raise QueryRefused(
                f"{table.sql()}: name tables as database.table; catalogs cannot be chosen"
            )
        if not table.db:
            if table.name in ctes:
                continue
            raise InvalidArgument(
                f"table {table.name!r} needs its database: write database.{table.name}"
            )
        tables.append((table.db, table.name))
    for func in tree.find_all(exp.Anonymous):
        name = str(func.this).lower()
        if name.startswith(("read_", "parquet_", "glob", "sniff_")):
            raise QueryRefused(f"function {name}() is not allowed: it reads files")
    return sorted(set(tables))


def qualify(tree: exp.Expr, database: str) -> None:
    """Give table names without a database the default one (CTE names stay as they are)."""
    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    for table in tree.find_all(exp.Table):
        if isinstance(table.this, exp.Identifier) and not table.db and table.name not in ctes:
            table.set("db", exp.to_identifier(database))
