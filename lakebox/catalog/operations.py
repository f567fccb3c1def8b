"""What principals ask of the catalog (browse it, create and change tables), authorized.

`Catalog` and `IcebergTables` are the catalog's machinery, used by crawlers and the query
engine on lakebox's own behalf; the API, the CLI and the console come through here, so every
request is checked by the one authorizer first.
"""

from __future__ import annotations

from typing import Any

from lakebox.auth.access import Access, Principal, Resource, table_resource
from lakebox.catalog.iceberg import IcebergTables, Snapshot
from lakebox.catalog.schema import Column
from lakebox.catalog.service import Catalog, CatalogTable, Partition, SchemaVersion


class CatalogOperations:
    def __init__(self, catalog: Catalog, iceberg: IcebergTables, access: Access) -> None:
        self.catalog = catalog
        self.iceberg = iceberg
        self.access = access

    def databases(self, *, by: Principal) -> list[dict[str, Any]]:
        self.access.authorize(by, "database:read", Resource("database"))
        return [
            d
            for d in self.catalog.databases()
            if self.access.allows(by, "database:read", Resource("database", d["name"]))
        ]

    def create_database(self, name: str, description: str, *, by: Principal) -> dict[str, Any]:
        self.access.authorize(by, "database:create", Resource("database", name))
        return self.catalog.create_database(name, description)

    def tables(self, database: str, *, by: Principal) -> list[CatalogTable]:
        """The tables of ``database`` that ``by`` may read (a grant per table can hide some)."""
        self.access.authorize(by, "database:read", Resource("database", database))
        return [
            t
            for t in self.catalog.tables(database)
            if self.access.allows(by, "table:read", table_resource(database, t.name))
        ]

    def table(self, database: str, name: str, *, by: Principal) -> CatalogTable:
        self.access.authorize(by, "table:read", table_resource(database, name))
        return self.catalog.table(database, name)

    def detail(self, database: str, name: str, *, by: Principal) -> dict[str, Any]:
        """A table with its partitions, schema versions and (Iceberg) snapshots."""
        table = self.table(database, name, by=by)
        result = table.as_json()
        result["partitions"] = [p.as_json() for p in self.catalog.partitions(database, name)]
        result["versions"] = [v.as_json() for v in self.catalog.history(database, name)]
        if table.definition.format == "iceberg":
            result["snapshots"] = [s.as_json() for s in self.iceberg.snapshots(database, name)]
        return result

    def partitions(self, database: str, name: str, *, by: Principal) -> list[Partition]:
        self.access.authorize(by, "table:read", table_resource(database, name))
        return self.catalog.partitions(database, name)

    def history(self, database: str, name: str, *, by: Principal) -> list[SchemaVersion]:
        self.access.authorize(by, "table:read", table_resource(database, name))
        return self.catalog.history(database, name)

    def snapshots(self, database: str, name: str, *, by: Principal) -> list[Snapshot]:
        self.access.authorize(by, "table:read", table_resource(database, name))
        return self.iceberg.snapshots(database, name)

    def create_table(
        self,
        database: str,
        name: str,
        columns: list[Column],
        partition_by: list[str],
        *,
        by: Principal,
    ) -> CatalogTable:
        self.access.authorize(by, "table:create", table_resource(database, name))
        return self.iceberg.create(database, name, columns, partition_by)

    def evolve(
        self,
        database: str,
        name: str,
        add_columns: list[Column],
        widen: list[Column],
        *,
        by: Principal,
    ) -> CatalogTable:
        self.access.authorize(by, "table:write", table_resource(database, name))
        return self.iceberg.evolve(database, name, add_columns, widen)

    def rollback(
        self, database: str, name: str, snapshot_id: int, *, by: Principal
    ) -> CatalogTable:
        self.access.authorize(by, "table:write", table_resource(database, name))
        return self.iceberg.rollback(database, name, snapshot_id)
