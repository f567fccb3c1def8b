"""From read objects to tables: same folder, same partition layout, compatible schemas.

Objects under one table folder whose formats differ, or whose columns clearly differ (less
than half of their column names shared), become separate tables; the reason is kept for the
crawl report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from lakebox.catalog.types import Type, names_problem, widen
from lakebox.crawler.infer import ObjectSchema
from lakebox.crawler.layout import Placement

SIMILARITY = 0.5


@dataclass
class TablePlan:
    name: str
    location: str
    format: str
    compression: str
    format_options: dict[str, object]
    partition_keys: tuple[str, ...]
    columns: dict[str, Type] = field(default_factory=dict)
    objects: list[tuple[ObjectSchema, Placement]] = field(default_factory=list)
    rows: int | None = 0
    # Column names as SQL compares them (lowercase) -> as written: kept as columns are added,
    # so grouping and clash checks cost nothing per object for names already seen.
    lower: dict[str, str] = field(default_factory=dict)

    def clash(self, schema: ObjectSchema) -> str | None:
        """Why ``schema``'s columns cannot join this table's, if so: names that differ from the
        table's only in case, at the top or inside structs (widening keeps both)."""
        for name, t in schema.columns.items():
            prev = self.columns.get(name)
            if prev is None:
                other = self.lower.get(name.lower())
                if other is not None:
                    return (
                        f"column {name!r} differs only in case from column {other!r} of "
                        f"table {self.name}, which SQL cannot tell apart"
                    )
            elif prev is not t and prev != t:
                problem = names_problem([(name, widen(prev, t))])
                if problem is not None:
                    return f"{problem} (with the columns of table {self.name})"
        return None

    def add(self, schema: ObjectSchema, placement: Placement) -> None:
        for name, t in schema.columns.items():
            prev = self.columns.get(name)
            if prev is None:
                self.columns[name] = t
                self.lower[name.lower()] = name
            elif prev is not t:
                self.columns[name] = widen(prev, t)
        self.objects.append((schema, placement))
        if self.rows is not None and schema.rows is not None:
            self.rows += schema.rows
        else:
            self.rows = None
        if schema.compression != self.compression:
            self.compression = "mixed"


def similar(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    if not a or not b:
        return True
    return len(a & b) / len(a | b) >= SIMILARITY or a <= b or b <= a


def plan_tables(
    read: list[tuple[ObjectSchema, Placement]], skipped: list[tuple[str, str]], notes: list[str]
) -> list[TablePlan]:
    by_root: dict[tuple[str, str], list[tuple[ObjectSchema, Placement]]] = defaultdict(list)
    for schema, placement in read:
        by_root[(placement.root, placement.name)].append((schema, placement))

    plans: list[TablePlan] = []
    for (root, name), items in sorted(by_root.items()):
        # The partition layout most objects follow; others do not fit this table.
        layout, _ = Counter(p.keys for _, p in items).most_common(1)[0]
        fitting = []
        for schema, placement in items:
            if placement.keys != layout:
                skipped.append(
                    (
                        schema.key,
                        f"partition folders ({'/'.join(placement.keys) or 'none'}) do not match "
                        f"the layout of table {name} ({'/'.join(layout) or 'none'})",
                    )
                )
            else:
                fitting.append((schema, placement))
        clusters: list[TablePlan] = []
        for schema, placement in fitting:
            # Compared as SQL sees names, case-insensitively: `ID` is column `id` to a query.
            cols = {c.lower() for c in schema.columns}
            for plan in clusters:
                if plan.format == schema.format and similar(plan.lower.keys(), cols):
                    problem = plan.clash(schema)
                    if problem is None:
                        plan.add(schema, placement)
                    else:
                        skipped.append((schema.key, problem))
                    break
            else:
                plan = TablePlan(
                    name,
                    root,
                    schema.format,
                    schema.compression,
                    schema.format_options,
                    layout,
                )
                plan.add(schema, placement)
                clusters.append(plan)
        if len(clusters) > 1:
            _name_split(clusters, root, name, notes)
        plans.extend(clusters)
    return plans


def _name_split(clusters: list[TablePlan], root: str, name: str, notes: list[str]) -> None:
    """Name tables split from one folder: by the subfolder that separates them, else by number."""
    first_values = [{p.values[0] for _, p in c.objects if p.values} for c in clusters]
    by_folder = (
        all(len(v) == 1 for v in first_values)
        and len({next(iter(v)) for v in first_values}) == len(clusters)
        and clusters[0].partition_keys[:1] == ("partition_0",)
    )
    described = "; ".join(
        f"{c.format} with columns {', '.join(list(c.columns)[:5])}" for c in clusters
    )
    for i, plan in enumerate(clusters):
        if by_folder:
            folder = next(iter(first_values[i]))
            plan.name = f"{name}_{folder}"
            plan.location = f"{root}{folder}/"
            plan.partition_keys = plan.partition_keys[1:]
            plan.objects = [
                (
                    s,
                    Placement(p.root, p.name, p.keys[1:], p.values[1:], p.folder),
                )
                for s, p in plan.objects
            ]
        else:
            plan.name = f"{name}_{i + 1}"
    notes.append(
        f"objects under {root or '/'} have clearly different schemas ({described}), so they "
        f"became separate tables: {', '.join(c.name for c in clusters)}"
    )
