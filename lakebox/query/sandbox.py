"""What a query may do: read catalog tables, nothing else.

This is the first of two walls, the one that gives clear errors. The second is DuckDB itself:
each query's connection may read only the files of the tables it names, with external access
off and its configuration locked (see ``engine.py``).
"""

from __future__ import annotations

import re
from typing import Any

import orjson
from sqlglot import exp
from sqlglot.errors import OptimizeError
from sqlglot.optimizer.scope import traverse_scope
from sqlglot.tokenizer_core import TokenType
from sqlglot.tokens import Tokenizer

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
    into = tree.find(exp.Into)
    if into is not None:
        # DuckDB would run it as CREATE TABLE ... AS in the engine's shared database
        raise QueryRefused(
            f"SELECT ... INTO {into.this.sql() if into.this else ''} is not allowed{_at(into)}: "
            "queries only read; write tables with CREATE TABLE database.table AS SELECT ..."
        )
    tables: list[tuple[str, str]] = []
    for table in catalog_tables(tree):
        if not isinstance(table.this, exp.Identifier):
            name = table.this.sql() if table.this is not None else "?"
            raise QueryRefused(
                f"table functions such as {name.split('(')[0].lower()}(...) are not allowed"
                f"{_at(table)}: queries read catalog tables only (database.table)"
            )
        if table.catalog:
            raise QueryRefused(
                f"{table.sql()}{_at(table)}: name tables as database.table; catalogs cannot be "
                "chosen"
            )
        if not table.db:
            raise InvalidArgument(
                f"table {table.name!r}{_at(table)} needs its database: write "
                f"database.{table.name} (it is not a WITH query visible there)"
            )
        tables.append((table.db, table.name))
    for func in tree.find_all(exp.Func):
        if refused_function(function_name(func)):
            # named as DuckDB would run it (sqlglot names its known functions by class)
            written = func.sql(dialect="duckdb").split("(")[0].strip().lower()
            raise QueryRefused(_function_refusal(written or function_name(func), _at(func)))
    return sorted(set(tables))


def qualify(tree: exp.Expr, database: str) -> None:
    """Give table names without a database the default one; only the names of WITH queries
    visible where they are used stay as they are."""
    for table in catalog_tables(tree):
        if isinstance(table.this, exp.Identifier) and not table.db:
            table.set("db", exp.to_identifier(database))


def catalog_tables(tree: exp.Expr) -> list[exp.Table]:
    """Every table reference in ``tree`` that is not a WITH query visible where it is used:
    all of these must be catalog tables. Scopes decide (sqlglot's scope analysis), so a name
    is a WITH query's only inside the WITH that defines it, never because a WITH query of that
    name exists elsewhere in the statement; what scopes cannot tell is a catalog table."""
    ctes: set[int] = set()
    try:
        for scope in traverse_scope(tree):
            # DuckDB matches names without regard to case, quoted or not
            visible = {name.lower() for name in scope.cte_sources}
            for table in scope.tables:
                if not table.db and not table.catalog and table.name.lower() in visible:
                    ctes.add(id(table))
    except OptimizeError:
        ctes.clear()  # scopes not known: every name must then be a catalog table
    return [t for t in tree.find_all(exp.Table) if id(t) not in ctes]


def _at(node: exp.Expr) -> str:
    """Where ``node`` is in the SQL text, when the parser kept it."""
    ident = node if isinstance(node, exp.Identifier) else node.find(exp.Identifier)
    meta = (ident or node).meta if (ident or node) is not None else {}
    line, col = meta.get("line"), meta.get("col")
    return f" (line {line}, column {col})" if line and col else ""


# -- functions -------------------------------------------------------------------------------

# The engine's settings, catalog, files, logs and internals are not for users: the functions
# that show or change them. Names and prefixes, checked on the SQL DuckDB runs (after dialect
# translation) and on the parsed statement. tests/query/test_sandbox_escapes.py enumerates
# DuckDB's functions so that a new risky one shows up there.
_REFUSED_FUNCTIONS = frozenset(
    {
        "add_parquet_key", "all_profiling_output", "checkpoint", "copy_database",
        "database_list", "database_size", "extension_versions", "force_checkpoint", "getenv",
        "getvariable", "glob", "import_database", "in_search_path", "platform", "query",
        "query_table", "seq_scan", "show_databases", "show_tables", "show_tables_expanded",
        "stats", "storage_info", "table_info", "test_all_types", "test_vector_types",
        "truncate_duckdb_logs", "txid_current", "version", "which_secret", "write_log",
        "verify_serializer", "parse_duckdb_log_message", "iceberg_scan", "delta_scan",
        "sql_auto_complete", "summary", "load_extension", "install_extension",
    }
)  # fmt: skip
_REFUSED_PREFIXES = (
    "duckdb_", "pragma_", "read_", "parquet_", "sniff_", "enable_", "disable_", "has_",
    "pg_", "current_", "json_serialize", "json_deserialize", "json_execute", "iceberg_",
    "icu_", "set_", "reset_", "glob",
)  # fmt: skip
# Harmless ones that share a refused prefix.
_ALLOWED_FUNCTIONS = frozenset(
    {
        "current_date", "current_time", "current_timestamp", "current_localtime",
        "current_localtimestamp", "current_user", "current_role", "pg_typeof",
        "pg_size_pretty", "current_timezone", "current_datetime", "current_timestamp_l_t_z",
    }
)  # fmt: skip


def refused_function(name: str) -> bool:
    name = name.lower()
    if name in _ALLOWED_FUNCTIONS:
        return False
    return name in _REFUSED_FUNCTIONS or name.startswith(_REFUSED_PREFIXES)


def function_name(func: exp.Func) -> str:
    """The name a function call is written with (sqlglot names its known ones by class)."""
    if isinstance(func, exp.Anonymous):
        return str(func.this).lower()
    return func.sql_name().lower()


def _function_refusal(name: str, where: str = "") -> str:
    if name.startswith(("read_", "parquet_", "sniff_", "glob")):
        return f"function {name}(){where} is not allowed: it reads files"
    return (
        f"function {name}(){where} is not allowed: the engine's settings, catalog and "
        "internals are not for queries (queries read catalog tables)"
    )


def _serialize_sql(sql: str) -> tuple[str, list[str]]:
    """The statement (and its parameters) that asks DuckDB for ``sql``'s parse tree. The SQL
    goes as a string literal, not a parameter: on a new connection a prepared parameter costs
    ~3 ms, a literal ~0.5 ms, and every query has a new connection. Doubling quotes is the
    whole escaping of a standard string (backslashes mean nothing in one); SQL holding a NUL,
    which a literal might not carry, goes as a parameter."""
    if "\x00" in sql:
        return "SELECT json_serialize_sql(?)", [sql]
    return "SELECT json_serialize_sql('" + sql.replace("'", "''") + "')", []


# Table functions the dialects' SQL becomes: UNNEST(...) in FROM (Trino's CROSS JOIN UNNEST,
# Spark's LATERAL VIEW explode) is one in DuckDB's parse tree.
_TABLE_FUNCTIONS = frozenset({"unnest"})


def check_duckdb(con: Any, sql: str, *, stand_in_prefix: str | None = None) -> None:
    """The second look, at the SQL DuckDB is about to run, parsed by DuckDB itself: one
    SELECT statement (nothing that creates, sets or attaches anything in the shared database),
    no table functions, no refused functions, and no table but the stand-ins of catalog tables
    (names starting with ``stand_in_prefix``) and the statement's own WITH queries."""
    import duckdb

    try:
        serialized = con.execute(*_serialize_sql(sql)).fetchone()[0]
        tree = orjson.loads(serialized)
    except (duckdb.Error, orjson.JSONDecodeError) as exc:
        raise QueryRefused(f"the query cannot be checked: {str(exc).splitlines()[0]}") from None
    if tree.get("error"):
        raise QueryRefused(
            "only one SELECT statement may run here: "
            f"{tree.get('error_message', 'not a SELECT statement')}"
        )
    if len(tree.get("statements", [])) != 1:
        raise QueryRefused("one statement per query")
    if stand_in_prefix is not None and _plainly_safe(serialized, stand_in_prefix.lower()):
        return
    ctes: set[str] = set()
    bases: list[str] = []
    stack: list[Any] = [tree]
    while stack:  # iterative: the tree may be deep
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        if node.get("class") == "FUNCTION" and isinstance(node.get("function_name"), str):
            name = node["function_name"].lower()
            if refused_function(name):
                raise QueryRefused(_function_refusal(name))
        kind = node.get("type")
        function = node.get("function") or {}
        if kind == "TABLE_FUNCTION" and function.get("function_name") not in _TABLE_FUNCTIONS:
            raise QueryRefused(
                f"table functions such as {function.get('function_name', '?')}(...) are not "
                "allowed: queries read catalog tables only (database.table)"
            )
        if kind == "BASE_TABLE":
            bases.append(str(node.get("table_name", "")).lower())
        cte_map = node.get("cte_map")
        if isinstance(cte_map, dict):
            ctes.update(str(e.get("key", "")).lower() for e in cte_map.get("map", []))
        stack.extend(v for v in node.values() if isinstance(v, dict | list))
    prefix = stand_in_prefix.lower() if stand_in_prefix is not None else None
    for name in bases:
        if name not in ctes and (prefix is None or not name.startswith(prefix)):
            raise QueryRefused(
                f"table {name!r} is not a catalog table named with its database nor a WITH "
                "query of the statement"
            )


# The common case read straight from DuckDB's JSON text, without walking every node of the
# tree in Python (that walk cost ~3 ms a TPC-H query, most of lakebox's own time per query).
# JSON escapes every quote inside a value, so these patterns match keys DuckDB wrote, never
# text of the user's. Anything else (a table function, a table that is not a stand-in, a
# layout these patterns do not know) takes the full walk below.
_FUNCTION_NAMES = re.compile(r'"function_name":"((?:[^"\\]|\\.)*)"')
_BASE_TABLES = re.compile(
    r'"type":"BASE_TABLE","alias":"(?:[^"\\]|\\.)*","sample":null,"query_location":\d+,'
    r'"schema_name":"","table_name":"((?:[^"\\]|\\.)*)"'
)


def _plainly_safe(serialized: str, prefix: str) -> bool:
    """True if the statement reads only stand-ins of catalog tables, has no table function
    and calls no refused function; False: look at it node by node."""
    if '"TABLE_FUNCTION"' in serialized:
        return False
    tables = _BASE_TABLES.findall(serialized)
    if len(tables) != serialized.count('"type":"BASE_TABLE"'):
        return False
    if not all(_unescape(t).lower().startswith(prefix) for t in tables):
        return False
    for name in _FUNCTION_NAMES.findall(serialized):
        if refused_function(_unescape(name).lower()):
            raise QueryRefused(_function_refusal(_unescape(name).lower()))
    return True


def _unescape(json_text: str) -> str:
    value = orjson.loads(f'"{json_text}"')
    return value if isinstance(value, str) else ""


# -- nesting ---------------------------------------------------------------------------------

MAX_NESTING = 100
_OPEN = {TokenType.L_PAREN, TokenType.L_BRACKET, TokenType.L_BRACE, TokenType.CASE}
_CLOSE = {TokenType.R_PAREN, TokenType.R_BRACKET, TokenType.R_BRACE, TokenType.END}


class NestedTooDeeply(InvalidArgument):
    code = "NestedTooDeeply"


def nested_too_deeply(detail: str = "") -> NestedTooDeeply:
    return NestedTooDeeply(
        f"the query is nested too deeply{detail}: at most {MAX_NESTING} levels of parentheses, "
        "subqueries, CASE and NOT are allowed; flatten it (WITH queries, IN lists)"
    )


def check_nesting(sql: str) -> list[Any]:
    """Refuse SQL nested deeper than MAX_NESTING before it is parsed: the parser and everything
    after it recurse once per level and would run out of stack. Returns the tokens (none if
    the SQL does not tokenize: the parser reports that, with its position)."""
    try:
        tokens: list[Any] = Tokenizer().tokenize(sql)
    except Exception:
        return []
    depth = 0
    nots = 0
    for token in tokens:
        if token.token_type in _OPEN:
            depth += 1
        elif token.token_type in _CLOSE:
            depth = max(depth - 1, 0)
        nots = nots + 1 if token.token_type == TokenType.NOT else 0
        if depth > MAX_NESTING or nots > MAX_NESTING:
            raise nested_too_deeply(f" (line {token.line}, column {token.col})")
    return tokens
