"""Column types as Glue and Hive write them (``bigint``, ``array<string>``,
``struct<a:bigint,b:string>``), and how two types widen into one.

Widening is what lets schemas follow the data: ``bigint`` with ``double`` is ``double``, a number
with a string is ``string``, structs merge field by field. Nothing here ever fails: the widest
type, ``string``, holds anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lakebox.errors import InvalidArgument

PRIMITIVES = (
    "null",  # only nulls seen so far: any other type replaces it
    "boolean",
    "int",
    "bigint",
    "float",
    "double",
    "string",
    "date",
    "timestamp",
    "binary",
)
# Values nested deeper than this (structs and arrays) are not catalogued: every tool on the
# way (type strings, DuckDB, Python's own recursion) has a limit, and no real schema needs it.
MAX_DEPTH = 100
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_]+")
_INTEGERS = ("int", "bigint")
_FLOATS = ("float", "double")


@dataclass(frozen=True)
class Array:
    element: Type


@dataclass(frozen=True)
class Struct:
    fields: tuple[tuple[str, Type], ...]


@dataclass(frozen=True)
class Decimal:
    precision: int
    scale: int


Type = str | Array | Struct | Decimal


class TooDeep(ValueError):
    """A value or type nested more than MAX_DEPTH levels."""


def depth(t: Type) -> int:
    """How many struct/array levels ``t`` has (0 for a primitive)."""
    level, todo = 0, [(t, 0)]
    while todo:  # no recursion: a type from a foreign file may be nested arbitrarily deep
        current, d = todo.pop()
        level = max(level, d)
        if isinstance(current, Array):
            todo.append((current.element, d + 1))
        elif isinstance(current, Struct):
            todo.extend((ft, d + 1) for _, ft in current.fields)
    return level


def names_problem(fields: Iterable[tuple[str, Type]]) -> str | None:
    """Why these columns (and the fields of their structs) cannot all be queried, if so: an
    empty name, a NUL in one, or two names of one struct differing only in case (SQL
    identifiers are case-insensitive, so queries could not tell them apart)."""
    todo: list[tuple[str, list[tuple[str, Type]]]] = [("", list(fields))]
    while todo:
        path, items = todo.pop()
        seen: dict[str, str] = {}
        for name, t in items:
            full = f"{path}.{name}" if path else name
            if name == "":
                return f"field {full!r} has an empty name" if path else "a column has no name"
            if "\x00" in name:
                return f"field {full!r} has a NUL character in its name"
            other = seen.setdefault(name.lower(), name)
            if other != name:
                inside = f" of {path!r}" if path else ""
                return (
                    f"fields {other!r} and {name!r}{inside} differ only in case, which SQL "
                    "cannot tell apart"
                )
            while isinstance(t, Array):
                t = t.element
            if isinstance(t, Struct):
                todo.append((full, list(t.fields)))
    return None


def field_name(name: str) -> str:
    """A struct field's name in a type string: backquoted (a backquote doubled) unless plain,
    so a name such as ``x>,y:int`` cannot break the type it is in."""
    if _PLAIN_NAME.fullmatch(name):
        return name
    return "`" + name.replace("`", "``") + "`"


def render(t: Type) -> str:
    if isinstance(t, str):
        return t
    if isinstance(t, Array):
        return f"array<{render(t.element)}>"
    if isinstance(t, Decimal):
        return f"decimal({t.precision},{t.scale})"
    return "struct<" + ",".join(f"{field_name(n)}:{render(ft)}" for n, ft in t.fields) + ">"


def parse(text: str) -> Type:
    """Parse a type string; an error points at the position that is wrong."""
    t, pos = _parse(text.strip(), 0)
    if pos != len(text.strip()):
        raise InvalidArgument(f"type {text!r}: unexpected {text.strip()[pos:]!r} at {pos}")
    return t


def _parse(s: str, pos: int) -> tuple[Type, int]:
    if s.startswith("array<", pos):
        element, pos = _parse(s, pos + 6)
        return Array(element), _expect(s, pos, ">")
    if s.startswith("struct<", pos):
        pos += 7
        fields: list[tuple[str, Type]] = []
        while not s.startswith(">", pos):
            name, pos = _field_name(s, pos)
            ft, pos = _parse(s, _expect(s, pos, ":"))
            fields.append((name, ft))
            if s.startswith(",", pos):
                pos += 1
            elif not s.startswith(">", pos):  # e.g. an unquoted name holding `:` or `,`
                raise InvalidArgument(f"type {s!r}: expected ',' or '>' at {pos}")
        return Struct(tuple(fields)), pos + 1
    if s.startswith("decimal(", pos):
        end = s.index(")", pos)
        precision, scale = s[pos + 8 : end].split(",")
        return Decimal(int(precision), int(scale)), end + 1
    end = pos
    while end < len(s) and (s[end].isalnum() or s[end] == "_"):
        end += 1
    word = s[pos:end]
    if word not in PRIMITIVES:
        raise InvalidArgument(f"unknown type {word!r} at {pos}; known: {', '.join(PRIMITIVES)}")
    return word, end


def _field_name(s: str, pos: int) -> tuple[str, int]:
    """A struct field's name at ``pos``: backquoted (see field_name) or up to the colon."""
    if not s.startswith("`", pos):
        colon = s.find(":", pos)
        if colon < 0:
            raise InvalidArgument(f"type {s!r}: expected a field name and ':' at {pos}")
        return s[pos:colon], colon
    out, i = [], pos + 1
    while True:
        end = s.find("`", i)
        if end < 0:
            raise InvalidArgument(f"type {s!r}: unclosed ` of the field name at {pos}")
        out.append(s[i:end])
        if not s.startswith("``", end):
            return "".join(out), end + 1
        out.append("`")
        i = end + 2


def _expect(s: str, pos: int, ch: str) -> int:
    if not s.startswith(ch, pos):
        raise InvalidArgument(f"type {s!r}: expected {ch!r} at {pos}")
    return pos + 1


def widen(a: Type, b: Type) -> Type:
    """The narrowest type that holds every value of ``a`` and of ``b``."""
    if a is b or a == b:
        return a
    if a == "null":
        return b
    if b == "null":
        return a
    if isinstance(a, Struct) and isinstance(b, Struct):
        fields = dict(a.fields)
        for name, ft in b.fields:
            fields[name] = widen(fields[name], ft) if name in fields else ft
        return Struct(tuple(fields.items()))
    if isinstance(a, Array) and isinstance(b, Array):
        return Array(widen(a.element, b.element))
    if isinstance(a, str) and isinstance(b, str):
        if a in _INTEGERS and b in _INTEGERS:
            return "bigint"
        if {a, b} <= set(_INTEGERS + _FLOATS):
            return "double"
        if {a, b} == {"date", "timestamp"}:
            return "timestamp"
    if isinstance(a, Decimal | str) and isinstance(b, Decimal | str):
        numeric = set(_INTEGERS + _FLOATS)
        a_num = isinstance(a, Decimal) or a in numeric
        b_num = isinstance(b, Decimal) or b in numeric
        if a_num and b_num:
            return "double"
    return "string"


def of_value(value: object, level: int = 1) -> Type:
    """The type of one JSON value (as orjson returns it), a record's column value being level
    1; TooDeep when structs and arrays nest past MAX_DEPTH levels."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "bigint"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | dict) and level > MAX_DEPTH:
        raise TooDeep(f"values nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, list):
        element: Type = "null"
        for item in value:
            element = widen(element, of_value(item, level + 1))
        return Array(element)
    if isinstance(value, dict):
        return Struct(tuple((str(k), of_value(v, level + 1)) for k, v in value.items()))
    return "string"


def finalize(t: Type) -> Type:
    """Replace ``null`` (never saw a value) with ``string``, the type Glue gives such columns."""
    if t == "null":
        return "string"
    if isinstance(t, Array):
        return Array(finalize(t.element))
    if isinstance(t, Struct):
        return Struct(tuple((n, finalize(ft)) for n, ft in t.fields))
    return t


def arrow_type(t: Any) -> Type:
    """The catalog type of an Arrow type (Parquet footers, query results); others: string."""
    import pyarrow as pa

    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_integer(t):
        return "bigint" if t.bit_width > 32 or pa.types.is_uint32(t) else "int"
    if pa.types.is_float64(t):
        return "double"
    if pa.types.is_floating(t):
        return "float"
    if pa.types.is_decimal(t):
        return Decimal(t.precision, t.scale)
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "string"
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        return "binary"
    if pa.types.is_timestamp(t):
        return "timestamp"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return Array(arrow_type(t.value_type))
    if pa.types.is_struct(t):
        return Struct(
            tuple((t.field(i).name, arrow_type(t.field(i).type)) for i in range(t.num_fields))
        )
    return "string"
