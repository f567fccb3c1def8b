"""DE-9IM relations, nearest points and Trino's binary forms of geometries
(trino_geo_relations.py), on shapely (GEOS). A geometry arrives as DuckDB's WKB."""

from __future__ import annotations

import itertools
from typing import Any


def _shape(wkb: bytes) -> Any:
    import shapely

    return shapely.from_wkb(wkb)


def _relate(a: bytes, b: bytes, pattern: str) -> bool:
    """Whether the DE-9IM matrix of ``a`` and ``b`` matches ``pattern`` (nine of
    ``T F * 0 1 2``, checked by the SQL around this)."""
    import shapely

    return bool(shapely.relate_pattern(_shape(a), _shape(b), pattern))


def _twice_area(coords: Any) -> float:
    return float(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(coords)))


def _ring(coords: Any, shell: bool) -> Any:
    """A ring as Trino writes it: a shell counter-clockwise, a hole clockwise, reversed from
    its first vertex otherwise (lakebox_wkt's rule)."""
    points = [(float(c[0]), float(c[1])) for c in coords]
    twice = _twice_area(points)
    if len(points) < 4 or twice == 0 or (twice > 0) == shell:
        return points
    return points[::-1]


def _oriented(g: Any) -> Any:
    import shapely

    kind = g.geom_type
    if kind == "Polygon":
        if g.is_empty:
            return g
        return shapely.Polygon(
            _ring(g.exterior.coords, True), [_ring(h.coords, False) for h in g.interiors]
        )
    if kind == "MultiPolygon":
        return shapely.MultiPolygon([_oriented(p) for p in g.geoms])
    if kind == "GeometryCollection":
        return shapely.GeometryCollection([_oriented(p) for p in g.geoms])
    return g


def _trino_wkb(wkb: bytes) -> bytes:
    """Trino's ST_AsBinary of a two-dimensional geometry (its geometry library's WKB:
    little-endian, each polygon ring from its first vertex, shells counter-clockwise and
    holes clockwise, as its WKT shows them; an empty point as NaN NaN); one with Z or M
    coordinates refused."""
    import shapely

    g = _shape(wkb)
    if shapely.has_z(g) or shapely.has_m(g):
        # Esri writes ISO types (1001 and up), which lakebox does not check
        raise ValueError("ST_AsBinary of a geometry with Z coordinates is not supported by lakebox")
    if g.geom_type == "Point" and g.is_empty:
        return bytes.fromhex("0101000000000000000000f87f000000000000f87f")
    return bytes(shapely.to_wkb(_oriented(g), byte_order=1, flavor="iso"))


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_relate", _relate, ["BLOB", "BLOB", "VARCHAR"], "BOOLEAN"),
    ("lakebox_trino_wkb", _trino_wkb, ["BLOB"], "BLOB"),
]
