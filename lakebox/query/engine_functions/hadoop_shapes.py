"""geometry_from_hadoop_shape (trino_geo_shapes.py): the WKT Trino's Esri-era plugin makes of
a Spatial Framework for Hadoop shape, which the SQL around this reads as ST_GeometryFromText
does (Trino re-reads that WKT too).

The value is a 4-byte WKID (ignored), a signed type byte (0 unknown, 1 point, 2 linestring,
3 polygon, 4 multipoint, 5 multilinestring, 6 multipolygon) and an Esri shape, little-endian
(ESRI Shapefile Technical Description): its shape type, then a point's x y, or a bounding box
and counts then the points (a multipoint), or the part starts then the points (a polyline or a
polygon). Esri's shape reader and WKT writer, followed here:

- a point's coordinate below -1e38 is Esri's "no data" (NaN): x so makes the empty point;
- a polygon part's closing point (equal to its first) is dropped, an open ring kept as it is;
  the rings are grouped into polygons by their orientation: a ring turning the way the first
  turns starts a polygon, one turning the other way is a hole of the polygon before it; each
  ring is written from its first vertex, then backwards, then its first vertex again;
- the type byte chooses the WKT's type: 0 the geometry's own (a polygon always MULTIPOLYGON,
  a polyline MULTILINESTRING, a multipoint MULTIPOINT), a single type only for one part (else
  "Invalid Hadoop shape"), a multi type from its single one; a type of another dimension is
  "Invalid Hadoop shape"; the type byte is checked after the shape is read.

Shapes Esri reads into what lakebox does not reproduce (Z, M or ID values, curves, multipatches,
the null shape, corrupt part indices, one-point lines, rings of fewer than three vertices or of
no area, NaN or infinite coordinates) fail with lakebox's own error.
"""

from __future__ import annotations

import struct
from fractions import Fraction
from typing import Any

_POINT, _POLYLINE, _POLYGON, _MULTIPOINT = 1, 3, 5, 8
# Esri's general types, with no modifier bits read as their basic types
_GENERAL = {52: _POINT, 50: _POLYLINE, 51: _POLYGON, 53: _MULTIPOINT}
_DIMENSION = {_POINT: 0, _MULTIPOINT: 0, _POLYLINE: 1, _POLYGON: 2}
# Esri's types of points, multipoints, polylines and polygons with Z or M values
_WITH_Z_OR_M = {9, 11, 21, 18, 20, 28, 10, 13, 23, 15, 19, 25}
# the type byte: (dimension, single) or None (the geometry's own type)
_TYPES: dict[int, tuple[int, bool] | None] = {
    0: None, 1: (0, True), 2: (1, True), 3: (2, True), 4: (0, False), 5: (1, False), 6: (2, False),
}  # fmt: skip
_NAMES = {
    (0, True): "POINT", (1, True): "LINESTRING", (2, True): "POLYGON",
    (0, False): "MULTIPOINT", (1, False): "MULTILINESTRING", (2, False): "MULTIPOLYGON",
}  # fmt: skip

Point = tuple[float, float]


class _Refused(ValueError):
    def __init__(self, what: str) -> None:
        super().__init__(f"geometry_from_hadoop_shape of {what} is not supported by lakebox")


class _Reader:
    """Esri's reads of the shape: past its end is Trino's "Invalid Hadoop shape"."""

    def __init__(self, shape: bytes) -> None:
        self.shape = shape
        self.offset = 0

    def _take(self, form: str) -> Any:
        size = struct.calcsize(form)
        if self.offset + size > len(self.shape):
            raise ValueError("Invalid Hadoop shape")
        (value,) = struct.unpack_from(form, self.shape, self.offset)
        self.offset += size
        return value

    def int(self) -> int:
        return int(self._take("<i"))

    def double(self) -> float:
        return float(self._take("<d"))

    def point(self) -> Point:
        return self.double(), self.double()


def _finite(points: list[Point]) -> list[Point]:
    import math

    if not all(math.isfinite(x) and math.isfinite(y) for x, y in points):
        raise _Refused("a shape with NaN or infinite coordinates")
    return points


def _read_point(r: _Reader) -> list[Point]:
    x, y = r.point()
    if x != x:  # Esri's empty point
        return []
    x, y = (float("nan") if v < -1e38 else v for v in (x, y))
    if x != x:
        return []
    return _finite([(x, y)])


def _read_multipoint(r: _Reader) -> list[Point]:
    r.offset += 32  # the bounding box
    count = r.int()
    return _finite([r.point() for _ in range(count)]) if count > 0 else []


def _read_parts(r: _Reader, polygon: bool) -> list[list[Point]]:
    r.offset += 32  # the bounding box
    parts, count = r.int(), r.int()
    if count <= 0:
        return []
    starts: list[int] = []
    for _ in range(parts):
        start = r.int()
        if start < 0 or (starts and start < starts[-1]):
            raise _Refused("a shape of corrupt part indices")
        if not starts or start != starts[-1]:  # Esri skips a repeated start
            starts.append(start)
    if not starts or starts[0] != 0 or starts[-1] >= count:
        raise _Refused("a shape of corrupt part indices")
    paths = []
    for start, end in zip(starts, [*starts[1:], count], strict=True):
        path = _finite([r.point() for _ in range(end - start)])
        if polygon and len(path) > 1 and path[-1] == path[0]:
            path.pop()  # Esri keeps a ring without its closing point
        if len(path) < (3 if polygon else 2):
            what = "a polygon ring of fewer than three vertices" if polygon else "a one-point line"
            raise _Refused(what)
        paths.append(path)
    return paths


def _twice_area(ring: list[Point]) -> Fraction:
    """Twice the ring's signed area, exactly (only its sign is read)."""
    ox, oy = Fraction(ring[0][0]), Fraction(ring[0][1])
    total = Fraction(0)
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        ax, ay, bx, by = Fraction(x1) - ox, Fraction(y1) - oy, Fraction(x2) - ox, Fraction(y2) - oy
        total += ax * by - bx * ay
    return total


def _polygons(rings: list[list[Point]]) -> list[list[list[Point]]]:
    """Esri's OGC polygons of the rings: a ring of the first ring's orientation starts one."""
    signs = []
    for ring in rings:
        area = _twice_area(ring)
        if area == 0:
            raise _Refused("a polygon ring of no area")
        signs.append(area > 0)
    polygons: list[list[list[Point]]] = []
    for ring, sign in zip(rings, signs, strict=True):
        if sign == signs[0]:
            polygons.append([ring])
        else:
            polygons[-1].append(ring)
    return polygons


def _xy(p: Point) -> str:
    return f"{p[0]!r} {p[1]!r}"


def _ring_text(ring: list[Point]) -> str:
    order = [ring[0], *ring[:0:-1], ring[0]]
    return "(" + ", ".join(_xy(p) for p in order) + ")"


def _polygon_text(polygon: list[list[Point]]) -> str:
    return "(" + ", ".join(_ring_text(r) for r in polygon) + ")"


def _line_text(path: list[Point]) -> str:
    return "(" + ", ".join(_xy(p) for p in path) + ")"


def _part_text(dimension: int, part: Any) -> str:
    if dimension == 0:
        return f"({_xy(part)})"
    return _line_text(part) if dimension == 1 else _polygon_text(part)


def _wkt(kind: int, parts: list[Any], wanted: tuple[int, bool] | None) -> str:
    dimension = _DIMENSION[kind]
    if wanted is not None and wanted[0] != dimension:
        raise ValueError("Invalid Hadoop shape")  # Esri: a type of another dimension
    single = kind == _POINT if wanted is None else wanted[1]
    name = _NAMES[(dimension, single)]
    if dimension == 2:
        parts = _polygons(parts)
    if single and len(parts) > 1:
        raise ValueError("Invalid Hadoop shape")  # Esri: more than one part for a single type
    if not parts:
        return f"{name} EMPTY"
    if single:
        return f"{name} {_part_text(dimension, parts[0])}"
    return f"{name} ({', '.join(_part_text(dimension, p) for p in parts)})"


def _hadoop_shape_wkt(value: bytes) -> str:
    """The WKT Trino's geometry_from_hadoop_shape reads the geometry from."""
    if len(value) <= 5:
        raise ValueError("Hadoop shape input is too short")
    type_byte = struct.unpack_from("<b", value, 4)[0]
    r = _Reader(value[5:])
    shape_type = r.int()
    basic = shape_type & 0xFF
    if basic in _GENERAL:
        if shape_type & 0xFF000000:
            raise _Refused("a shape with Z, M or ID values or curves")
        basic = _GENERAL[basic]
    if basic == 0:
        raise _Refused("the null shape")  # Trino fails on it, not with an argument's error
    if basic in _WITH_Z_OR_M:
        raise _Refused("a shape with Z, M or ID values or curves")
    if basic not in _DIMENSION:
        raise _Refused(f"a shape of type {basic}")
    if basic == _POINT:
        parts: list[Any] = _read_point(r)
    elif basic == _MULTIPOINT:
        parts = _read_multipoint(r)
    else:
        parts = _read_parts(r, polygon=basic == _POLYGON)
    if type_byte not in _TYPES:
        raise ValueError(f"Invalid Hadoop shape type: {type_byte}")
    return _wkt(basic, parts, _TYPES[type_byte])


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_hadoop_shape_wkt", _hadoop_shape_wkt, ["BLOB"], "VARCHAR"),
]
