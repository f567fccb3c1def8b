"""A statement classified once, at parse time: what kind it is, what it writes, what it reads.

The query service authorizes from this before a query is queued (a denial is an immediate
403 / AccessDeniedException) and the engine again when it runs, with the tables that views
read added (a view is read with the rights of whoever reads it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlglot import exp

from lakebox.auth.access import Action, Resource, table_resource
from lakebox.errors import InvalidArgument
from lakebox.query.commands import Command, is_command, parse_command
from lakebox.query.dialects import parse
from lakebox.query.sandbox import QueryRefused, check, check_keywords, nested_too_deeply, qualify
from lakebox.query.views import is_view_ddl
from lakebox.query.writes import is_table_write, target

StatementKind = Literal[
    "SELECT",
    "CREATE_TABLE_AS_SELECT",
    "CREATE_TABLE",
    "INSERT",
    "DROP_TABLE",
    "CREATE_VIEW",
    "DROP_VIEW",
    # catalog statements (commands.py), run from the catalog (catalog_queries.py)
    "SHOW_DATABASES",
    "SHOW_TABLES",
    "SHOW_VIEWS",
    "SHOW_COLUMNS",
    "DESCRIBE",
    "SHOW_CREATE_TABLE",
    "SHOW_CREATE_VIEW",
    "SHOW_PARTITIONS",
    "MSCK_REPAIR_TABLE",
    "ALTER_TABLE_ADD_PARTITION",
    "ALTER_TABLE_DROP_PARTITION",
    "EXPLAIN",
]
# Kinds answered from the catalog, not by DuckDB.
CATALOG_KINDS: frozenset[StatementKind] = frozenset(
    {
        "SHOW_DATABASES",
        "SHOW_TABLES",
        "SHOW_VIEWS",
        "SHOW_COLUMNS",
        "DESCRIBE",
        "SHOW_CREATE_TABLE",
        "SHOW_CREATE_VIEW",
        "SHOW_PARTITIONS",
        "MSCK_REPAIR_TABLE",
        "ALTER_TABLE_ADD_PARTITION",
        "ALTER_TABLE_DROP_PARTITION",
    }
)
# The schema of Trino's catalog tables (information_schema.tables, ...), made from the catalog.
INFORMATION_SCHEMA = "information_schema"

# What writing each kind of statement needs on its target (reads need table:read each).
_TARGET_ACTIONS: dict[StatementKind, tuple[Action, str]] = {
    "CREATE_TABLE_AS_SELECT": ("table:create", "table"),
    "CREATE_TABLE": ("table:create", "table"),
    "INSERT": ("table:write", "table"),
    "DROP_TABLE": ("table:drop", "table"),
    "CREATE_VIEW": ("view:create", "view"),
    "DROP_VIEW": ("view:drop", "view"),
    # partitions are the catalog's record of a table's data: changing them is writing it
    "MSCK_REPAIR_TABLE": ("table:write", "table"),
    "ALTER_TABLE_ADD_PARTITION": ("table:write", "table"),
    "ALTER_TABLE_DROP_PARTITION": ("table:write", "table"),
}


def read_wanted(database: str, name: str) -> tuple[Action, Resource]:
    """What reading a table needs: ``table:read`` on it; information_schema's tables list the
    catalog, so they need ``database:read`` (and show only what the reader may read)."""
    if database == INFORMATION_SCHEMA:
        return ("database:read", Resource("database"))
    return ("table:read", table_resource(database, name))


@dataclass(frozen=True)
class Statement:
    kind: StatementKind
    target: tuple[str, str] | None
    reads: list[tuple[str, str]]  # the tables and views it names (not what views read)
    lists: tuple[str, ...] | None = None  # SHOW DATABASES (): all; SHOW TABLES (db,)

    def wanted(self) -> list[tuple[Action, Resource]]:
        """Every (action, resource) this statement needs, in the order they are checked."""
        needs: list[tuple[Action, Resource]] = []
        if self.lists is not None:
            needs += [("database:read", Resource("database", *self.lists[:1]))]
        if self.target is not None:
            action, noun = _TARGET_ACTIONS[self.kind]
            needs.append((action, Resource(noun, ".".join(self.target))))
        needs += [read_wanted(db, name) for db, name in self.reads]
        return needs


def classify(tree: exp.Expr, default_database: str | None) -> Statement:
    """Classify a parsed statement (table names without a database get the default one; the
    tree is changed that way). Refuses what queries may not do, as the sandbox does."""
    if is_view_ddl(tree):
        kind: StatementKind = "DROP_VIEW" if isinstance(tree, exp.Drop) else "CREATE_VIEW"
        return Statement(kind, target(tree, default_database, noun="view"), _reads(tree, kind))
    if is_table_write(tree):
        if isinstance(tree, exp.Drop):
            kind = "DROP_TABLE"
        elif isinstance(tree, exp.Insert):
            kind = "INSERT"
        else:
            kind = "CREATE_TABLE" if tree.expression is None else "CREATE_TABLE_AS_SELECT"
        return Statement(kind, target(tree, default_database), _reads(tree, kind, default_database))
    if default_database:
        qualify(tree, default_database)
    return Statement("SELECT", None, check(tree))


def _reads(
    tree: exp.Expr, kind: StatementKind, default_database: str | None = None
) -> list[tuple[str, str]]:
    select = tree.expression
    if kind in ("DROP_TABLE", "DROP_VIEW", "CREATE_TABLE") or select is None:
        return []
    if isinstance(select, exp.Values):
        return []
    if kind == "CREATE_VIEW":
        # a view's tables default to the view's own database
        default_database = target(tree, default_database, noun="view")[0]
    select = select.copy()
    if default_database:
        qualify(select, default_database)
    return check(select)


def parse_one(sql: str, dialect: str, own: bool = False) -> exp.Expr:
    """The one statement of SQL text, after the sandbox's keyword and nesting checks (``own``:
    SQL lakebox wrote, see dialects.parse)."""
    check_keywords(sql)
    statements = parse(sql, dialect, own)  # nesting checked there
    if len(statements) > 1:
        raise InvalidArgument(
            f"one statement per query, got {len(statements)}: remove the extra ';'-separated "
            "statements"
        )
    return statements[0]


@dataclass(frozen=True)
class Prepared:
    """A statement parsed and classified (its tree qualified with the default database): what
    the engine would make of the same SQL, so that a query parsed at submit is not parsed
    again when it runs in the same process."""

    sql: str
    dialect: str
    default_database: str | None
    tree: exp.Expr
    statement: Statement
    command: Command | None = None  # a catalog statement (commands.py), EXPLAIN included


def prepare(sql: str, dialect: str, default_database: str | None, own: bool = False) -> Prepared:
    """Parse and classify one statement of SQL text (the sandbox's checks included; ``own``:
    SQL lakebox wrote, see dialects.parse)."""
    if is_command(sql):
        return _prepare_command(sql, dialect, default_database)
    tree = parse_one(sql, dialect, own)
    try:
        statement = classify(tree, default_database)
    except RecursionError:
        raise nested_too_deeply() from None
    return Prepared(sql, dialect, default_database, tree, statement)


def classify_sql(sql: str, dialect: str, default_database: str | None) -> Statement:
    """Parse and classify one statement of SQL text (the sandbox's checks included)."""
    return prepare(sql, dialect, default_database).statement


def _prepare_command(sql: str, dialect: str, default_database: str | None) -> Prepared:
    command = parse_command(sql, default_database)
    if command.kind == "EXPLAIN":
        if is_command(command.inner):
            raise QueryRefused("EXPLAIN explains a SELECT statement")
        tree = parse_one(command.inner, dialect)
        try:
            inner = classify(tree, default_database)
        except RecursionError:
            raise nested_too_deeply() from None
        if inner.kind != "SELECT":
            raise QueryRefused("EXPLAIN explains a SELECT statement")
        return Prepared(
            sql, dialect, default_database, tree, Statement("EXPLAIN", None, inner.reads), command
        )
    kind: StatementKind = command.kind
    if kind == "SHOW_DATABASES":
        statement = Statement(kind, None, [], lists=())
    elif kind in ("SHOW_TABLES", "SHOW_VIEWS"):
        assert command.database is not None
        statement = Statement(kind, None, [], lists=(command.database,))
    elif kind in _TARGET_ACTIONS:
        statement = Statement(kind, command.table, [])
    else:
        assert command.table is not None
        statement = Statement(kind, None, [command.table])
    return Prepared(sql, dialect, default_database, exp.Command(this=kind), statement, command)
