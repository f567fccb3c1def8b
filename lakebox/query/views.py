"""Views: a query stored in the catalog under a name (format ``view``), read like a table.

``CREATE [OR REPLACE] VIEW db.v AS SELECT ...`` checks the query like any other, finds its
columns by running it with ``LIMIT 0``, and keeps its SQL and dialect in the catalog (so its
schema versions are kept like any table's). ``DROP VIEW [IF EXISTS] db.v`` removes it.
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog, CatalogTable, TableDefinition
from lakebox.errors import AlreadyExists, InvalidArgument, NotFound


def is_view_ddl(tree: exp.Expr) -> bool:
    kind = str(tree.args.get("kind") or "").upper()
    return isinstance(tree, exp.Create | exp.Drop) and kind == "VIEW"


def save_view(
    catalog: Catalog,
    database: str,
    name: str,
    sql: str,
    dialect: str,
    columns: list[Column],
    replace: bool,
) -> CatalogTable:
    definition = TableDefinition(
        location="",
        format="view",
        columns=columns,
        format_options={"sql": sql, "dialect": dialect},
        properties={},
    )

    def define(existing: CatalogTable | None) -> TableDefinition:
        # Checked on the table as it is at the commit (again if another writer commits
        # first), so a table made meanwhile under this name is never overwritten by a view.
        if existing is not None:
            if existing.definition.format != "view":
                raise AlreadyExists(f"{database}.{name} is a table, not a view")
            if not replace:
                raise AlreadyExists(
                    f"view {database}.{name} already exists; use CREATE OR REPLACE VIEW"
                )
        return definition

    return catalog.put_table(database, name, define, source="query:create-view").table


def drop_view(catalog: Catalog, database: str, name: str, if_exists: bool) -> None:
    try:
        table = catalog.table(database, name)
    except NotFound:
        if if_exists:
            return
        raise
    if table.definition.format != "view":
        raise InvalidArgument(f"{database}.{name} is a table, not a view; DROP VIEW drops views")
    catalog.drop_table(table)
