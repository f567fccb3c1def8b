"""Trino's KDB tree (trino_kdb_tree.py): its construction (io.trino.geospatial.KdbTree, as
spatial_partitioning builds it), its JSON (airlift's Jackson codec: compact, properties in
declaration order, an absent leaf id or child left out, doubles as Java's Double.toString), its
reading back (CAST(varchar AS KdbTree)) and the leaves a rectangle meets (spatial_partitions).
"""

from __future__ import annotations

import json
import math
from typing import Any

from .colors import _java_double

Rect = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax
_MAX_DEPTH = 900  # Trino allows 10,000 levels; lakebox's Python recursion stops sooner
_MAX_SAMPLES = 1_000_001  # Trino keeps every envelope up to this many, then samples at random
_INVALID = "Invalid JSON string for KDB tree"


def _refused(what: str) -> ValueError:
    return ValueError(f"{what} is not supported by lakebox")


def _java_min(a: float, b: float) -> float:
    """Java's Math.min: -0.0 below 0.0."""
    if a == b == 0:
        return a if math.copysign(1, a) < 0 else b
    return min(a, b)


def _java_max(a: float, b: float) -> float:
    if a == b == 0:
        return a if math.copysign(1, a) > 0 else b
    return max(a, b)


def _order(v: float) -> tuple[float, int]:
    """Java's Double.compare of finite doubles: -0.0 before 0.0."""
    return v, -1 if v == 0 and math.copysign(1, v) < 0 else 0


def _build(max_items: int, depth: int, extent: Rect, items: list[Rect], ids: list[int]) -> Any:
    if len(items) <= max_items:
        ids[0] += 1
        return {"extent": extent, "leafId": ids[0] - 1}
    if depth > _MAX_DEPTH:
        raise _refused(f"spatial_partitioning of a KDB tree deeper than {_MAX_DEPTH} levels")
    by_x = extent[2] - extent[0] >= extent[3] - extent[1]
    for axis in (0, 1) if by_x else (1, 0):
        split = _split(axis, max_items, depth, extent, items, ids)
        if split is not None:
            return {"extent": extent, "left": split[0], "right": split[1]}
    ids[0] += 1
    return {"extent": extent, "leafId": ids[0] - 1}


def _split(
    axis: int, max_items: int, depth: int, extent: Rect, items: list[Rect], ids: list[int]
) -> tuple[Any, Any] | None:
    other = 1 - axis
    ordered = sorted(items, key=lambda r: (*_order(r[axis]), *_order(r[other])))
    middle = (len(ordered) - 1) // 2
    value = ordered[middle][axis]
    index = middle
    while index < len(ordered) and ordered[index][axis] == value:
        index += 1
    if index == len(ordered):
        return None
    value = (value + ordered[index][axis]) / 2
    low, high = extent[axis], extent[axis + 2]
    if not low < value < high:  # Trino fails here (a check of its own, not an argument's)
        raise _refused("spatial_partitioning of envelopes this close together")
    x0, y0, x1, y1 = extent
    left, right = (
        ((x0, y0, value, y1), (value, y0, x1, y1))
        if axis == 0
        else ((x0, y0, x1, value), (x0, value, x1, y1))
    )
    return (
        _build(max_items, depth + 1, left, ordered[:index], ids),
        _build(max_items, depth + 1, right, ordered[index:], ids),
    )


def build_tree(max_items: int, extent: Rect, items: list[Rect]) -> Any:
    """KdbTree.buildKdbTree: leaves of at most ``max_items`` items, split at the middle item's
    lower bound along the longer side (the other if all there are equal)."""
    return {"root": _build(max_items, 0, extent, items, [0])}


def _number(v: float) -> str:
    return _java_double(float(v))


def to_json(tree: Any) -> str:
    def node(n: Any) -> str:
        e = n["extent"]
        extent = ",".join(f'"{k}":{_number(v)}' for k, v in zip(_KEYS, e, strict=True))
        parts = [f'"extent":{{{extent}}}']
        if "leafId" in n:
            parts.append(f'"leafId":{n["leafId"]}')
        else:
            parts += [f'"left":{node(n["left"])}', f'"right":{node(n["right"])}']
        return "{" + ",".join(parts) + "}"

    return f'{{"root":{node(tree["root"])}}}'


_KEYS = ("xmin", "ymin", "xmax", "ymax")


def _spatial_partitioning(envelopes: list[list[float]], partition_count: int) -> str | None:
    """spatial_partitioning's tree of the envelopes of the non-empty geometries, as Trino's
    aggregate builds it: their merged extent with its right and upper sides a step further
    (Math.nextUp), leaves of at most ceil(count / partition count) envelopes."""
    if not envelopes:
        return None
    if len(envelopes) > _MAX_SAMPLES:
        raise _refused(
            "spatial_partitioning of more than 1,000,001 geometries (Trino samples them at random)"
        )
    items = [(e[0], e[1], e[2], e[3]) for e in envelopes]
    xmin, ymin, xmax, ymax = items[0]
    for r in items[1:]:
        xmin, ymin = _java_min(xmin, r[0]), _java_min(ymin, r[1])
        xmax, ymax = _java_max(xmax, r[2]), _java_max(ymax, r[3])
    extent = (xmin, ymin, math.nextafter(xmax, math.inf), math.nextafter(ymax, math.inf))
    max_items = (len(items) + partition_count - 1) // partition_count
    return to_json(build_tree(max_items, extent, items))


# -- reading a tree back (CAST(varchar AS KdbTree)) -------------------------------------------


def _no_constant(name: str) -> Any:
    raise ValueError(_INVALID)  # Jackson reads no NaN or Infinity


def _rect(value: Any) -> Rect:
    if not isinstance(value, dict):
        raise ValueError(_INVALID)
    numbers = []
    for key in _KEYS:
        v = value.get(key)
        if isinstance(v, bool) or not isinstance(v, int | float):
            # Jackson reads a missing or null bound as 0.0 and a string as its number
            raise _refused("a KDB tree whose extent bounds are not all numbers")
        numbers.append(float(v))
    if numbers[0] > numbers[2] or numbers[1] > numbers[3]:
        raise ValueError(_INVALID)
    return numbers[0], numbers[1], numbers[2], numbers[3]


def _node(value: Any, depth: int) -> Any:
    if not isinstance(value, dict) or value.get("extent") is None:
        raise ValueError(_INVALID)
    if depth > _MAX_DEPTH:
        raise _refused(f"a KDB tree deeper than {_MAX_DEPTH} levels")
    node: dict[str, Any] = {"extent": _rect(value["extent"])}
    leaf, left, right = value.get("leafId"), value.get("left"), value.get("right")
    if leaf is not None:
        if isinstance(leaf, bool | str):
            raise _refused("a KDB tree whose leaf ids are not numbers")
        if (
            not isinstance(leaf, int)
            or not 0 <= leaf < 2**31
            or left is not None
            or right is not None
        ):
            raise ValueError(_INVALID)
        node["leafId"] = leaf
    elif left is None or right is None:
        raise ValueError(_INVALID)
    else:
        node["left"], node["right"] = _node(left, depth + 1), _node(right, depth + 1)
    return node


def _read(text: str) -> Any:
    decoder = json.JSONDecoder(parse_constant=_no_constant)
    stripped = text.strip(" \t\r\n")
    try:
        value, end = decoder.raw_decode(stripped)
    except ValueError:
        raise ValueError(_INVALID) from None
    except RecursionError:
        raise _refused("a KDB tree nested this deeply") from None
    if end != len(stripped):
        raise _refused("a KDB tree's JSON followed by more text")
    if value is None:
        raise _refused("the KDB tree JSON null")
    if not isinstance(value, dict) or value.get("root") is None:
        raise ValueError(_INVALID)
    return {"root": _node(value["root"], 0)}


def _kdb_tree_check(text: str) -> str:
    """The JSON, as it is, of a tree Trino reads; Trino's error for one it does not."""
    _read(text)
    return text


def _spatial_partitions(text: str, envelope: list[float]) -> list[int]:
    """The ids of the leaves the envelope meets (their borders included), in Trino's order (the
    tree's, left first); of a point, the first whose extent holds it without its right and upper
    sides."""
    xmin, ymin, xmax, ymax = envelope
    found: list[tuple[int, Rect]] = []
    stack = [_read(text)["root"]]
    while stack:
        n = stack.pop()
        e = n["extent"]
        if not (e[0] <= xmax and e[2] >= xmin and e[1] <= ymax and e[3] >= ymin):
            continue
        if "leafId" in n:
            found.append((n["leafId"], e))
        else:
            stack += [n["right"], n["left"]]
    if len({i for i, _ in found}) != len(found):  # Trino's map of them fails
        raise _refused("spatial_partitions of a KDB tree with repeated leaf ids")
    if xmin == xmax and ymin == ymax and found:
        for i, e in found:
            if xmin < e[2] and ymin < e[3]:
                return [i]
        raise _refused("spatial_partitions of a point on the tree's right or upper side")
    return [i for i, _ in found]


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_spatial_partitioning", _spatial_partitioning, ["DOUBLE[][]", "INTEGER"], "VARCHAR"),
    ("lakebox_kdb_tree_check", _kdb_tree_check, ["VARCHAR"], "VARCHAR"),
    ("lakebox_spatial_partitions", _spatial_partitions, ["VARCHAR", "DOUBLE[]"], "INTEGER[]"),
]
