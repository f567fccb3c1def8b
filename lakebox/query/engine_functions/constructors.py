"""Trino's JTS-era geometry constructors (trino_geo_constructors.py) on shapely: ST_MakeLine.
A geometry arrives as DuckDB's WKB; a case Trino's documentation leaves open is refused in
lakebox's words."""

from __future__ import annotations

from typing import Any


def _unsupported(what: str) -> ValueError:
    return ValueError(f"ST_MakeLine {what} is not supported by lakebox")


def _make_line(parts: list[bytes | None]) -> bytes:
    """The line through the points and lines in order, as Trino's documentation says: empty
    geometries left out, a coordinate repeated where one input ends and the next begins kept
    once (within an input, every vertex is kept)."""
    import shapely

    coordinates: list[tuple[float, float]] = []
    for part in parts:
        if part is None:
            raise _unsupported("of an array with a NULL element (Trino fails)")
        g: Any = shapely.from_wkb(part)
        if g.geom_type not in ("Point", "LineString"):
            raise _unsupported(f"of a {g.geom_type} (it takes points and linestrings)")
        if g.is_empty:
            continue
        if shapely.has_z(g):
            raise _unsupported("of a geometry with Z coordinates")
        points = [(float(x), float(y)) for x, y in g.coords]
        if coordinates and points[0] == coordinates[-1]:
            points = points[1:]
        coordinates.extend(points)
    if len(coordinates) < 2:
        raise _unsupported("of fewer than two coordinates (Trino's answer is not documented)")
    return bytes(shapely.to_wkb(shapely.LineString(coordinates)))


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_make_line", _make_line, ["BLOB[]"], "BLOB"),
]
