"""Table schemas (ordered columns) and the readable diff between two of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lakebox.catalog.types import Type, parse, render, widen

# A CSV table's format option: its files' columns in order ([name, type] each), kept when a
# data column is left out of the table's columns (a partition key has its name): a CSV reader
# maps columns by position.
FILE_COLUMNS = "file_columns"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # rendered, e.g. "struct<a:bigint>"

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "type": self.type}


@dataclass(frozen=True)
class Change:
    """One difference between schema versions, said the way a person would."""

    kind: str  # "added" | "widened" | "gone"
    column: str
    old_type: str | None = None
    new_type: str | None = None

    def describe(self) -> str:
        if self.kind == "added":
            return f"column {self.column} added ({self.new_type})"
        if self.kind == "gone":
            return f"column {self.column} gone (was {self.old_type})"
        return f"column {self.column} type widened {self.old_type} -> {self.new_type}"

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "column": self.column,
            "old_type": self.old_type,
            "new_type": self.new_type,
            "description": self.describe(),
        }


def merge(columns: list[Column], types: dict[str, Type]) -> list[Column]:
    """``columns`` widened by newly seen ``types``; new columns are appended in order."""
    out: list[Column] = []
    seen = set()
    for col in columns:
        seen.add(col.name)
        if col.name in types:
            out.append(Column(col.name, render(widen(parse(col.type), types[col.name]))))
        else:
            out.append(col)
    out.extend(Column(name, render(t)) for name, t in types.items() if name not in seen)
    return out


def diff(old: list[Column], new: list[Column]) -> list[Change]:
    before = {c.name: c.type for c in old}
    after = {c.name: c.type for c in new}
    changes = [Change("added", c.name, None, c.type) for c in new if c.name not in before]
    changes += [
        Change("widened", c.name, before[c.name], c.type)
        for c in new
        if c.name in before and before[c.name] != c.type
    ]
    changes += [Change("gone", c.name, c.type, None) for c in old if c.name not in after]
    return changes
