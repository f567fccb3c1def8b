"""Geometries' text, polylines and Bing tiles (trino_geo.py, trino_bing_tiles.py): what
DuckDB's spatial extension writes otherwise than Trino, and Trino's walks over the tiles."""

from __future__ import annotations

import itertools
import math
from typing import Any

# -- geometries' text (trino_geo.py) ----------------------------------------------------------

# a WKT token: a type word (not the e of 1e10), a parenthesis, or a run of coordinates
_WKT_TOKEN = r"(?<![0-9.])[A-Za-z]+|[()]|(?:[^()A-Za-z]|(?<=[0-9.])[eE])+"


def _rings(text: str, ring: Any, multipoint: Any = None) -> str:
    """``text`` (WKT) with each polygon ring's coordinates replaced by ``ring(coordinates,
    is_shell)`` and each MULTIPOINT's by ``multipoint(coordinates)``."""
    import re

    out: list[str] = []
    stack: list[tuple[str, int]] = []  # per open parenthesis: its geometry type, its depth
    kind = ""
    rings_seen = 0  # of the polygon being read
    for token in re.findall(_WKT_TOKEN, text):
        if token[0].isalpha():
            if token.upper() not in ("Z", "M", "ZM", "EMPTY"):
                kind = token.upper()
        elif token == "(":
            if kind or not stack:
                stack.append((kind, 1))
            else:
                stack.append((stack[-1][0], stack[-1][1] + 1))
            if stack[-1] in (("POLYGON", 1), ("MULTIPOLYGON", 2)):
                rings_seen = 0
            kind = ""
        elif token == ")":
            if stack:
                stack.pop()
        elif stack and stack[-1] in (("POLYGON", 2), ("MULTIPOLYGON", 3)):
            token = ring(token, rings_seen == 0)
            rings_seen += 1
        elif multipoint is not None and stack and stack[-1] == ("MULTIPOINT", 1):
            token = multipoint(token)
        out.append(token)
    return "".join(out)


def _points(coordinates: str) -> list[list[float]] | None:
    try:
        return [[float(v) for v in point.split()] for point in coordinates.split(",")]
    except ValueError:
        return None  # not numbers: DuckDB's reader names the error


def _closed_rings(text: str) -> str:
    """A WKT text with each polygon ring closed: Trino reads ``POLYGON ((0 0, 1 0, 1 1))`` as
    the closed triangle, GEOS refuses an open ring."""

    def close(coordinates: str, _: bool) -> str:
        points = _points(coordinates)
        if points and points[0] != points[-1]:
            return f"{coordinates.rstrip()}, {coordinates.split(',')[0].strip()}"
        return coordinates

    return _rings(text, close)


def _trino_wkt(text: str) -> str:
    return _oriented_wkt(text, shells_clockwise=False)


def _oriented_wkt(text: str, shells_clockwise: bool) -> str:
    """DuckDB's WKT of a geometry as Trino writes it: a polygon's shell counter-clockwise and
    its holes clockwise (GEOS keeps the order it computed; ``shells_clockwise``: the other
    way, as Trino's ST_Points lists them), a MULTIPOINT's points each in parentheses
    (``MULTIPOINT ((1 2), (3 4))``, DuckDB: ``MULTIPOINT (1 2, 3 4)``)."""

    def orient(coordinates: str, shell: bool) -> str:
        shell = shell != shells_clockwise
        points = _points(coordinates)
        if not points or len(points) < 4:
            return coordinates
        twice_area = sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(points))
        if (twice_area > 0) == shell or twice_area == 0:
            return coordinates
        return ", ".join(p.strip() for p in reversed(coordinates.split(",")))

    def wrap(coordinates: str) -> str:
        return ", ".join(f"({p.strip()})" for p in coordinates.split(","))

    return _rings(text, orient, wrap)


def _polyline_decode(text: str) -> str:
    """Google's encoded polyline as WKT (x longitude, y latitude), as Trino decodes it: the
    sums of the deltas times 1e-5; one point makes an empty line."""
    points: list[str] = []
    index = latitude = longitude = 0

    def number() -> int:
        nonlocal index
        result, shift = 1, 0
        while True:
            if index >= len(text):
                raise ValueError(f"not an encoded polyline: {text!r} ends inside a number")
            value = ord(text[index]) - 63 - 1
            index += 1
            result += value << shift
            shift += 5
            if value < 0x1F:
                return ~(result >> 1) if result & 1 else result >> 1

    while index < len(text):
        latitude += number()
        longitude += number()
        points.append(f"{longitude * 1e-5!r} {latitude * 1e-5!r}")
    if len(points) < 2:
        return "LINESTRING EMPTY"
    return f"LINESTRING ({', '.join(points)})"


def _polyline_encode(xs: list[float], ys: list[float]) -> str:
    """Points (longitudes, latitudes) as Google's encoded polyline, as Trino encodes them."""
    out: list[str] = []
    last_latitude = last_longitude = 0
    for x, y in zip(xs, ys, strict=True):
        latitude, longitude = _java_round(y * 1e5), _java_round(x * 1e5)
        for delta in (latitude - last_latitude, longitude - last_longitude):
            value = ~(delta << 1) if delta < 0 else delta << 1
            while value >= 0x20:
                out.append(chr((0x20 | (value & 0x1F)) + 63))
                value >>= 5
            out.append(chr(value + 63))
        last_latitude, last_longitude = latitude, longitude
    return "".join(out)


def _java_round(value: float) -> int:
    """Java's Math.round: half up (Python's round is half to even)."""

    return math.floor(value + 0.5)


def _trino_wkt_clockwise(text: str) -> str:
    return _oriented_wkt(text, shells_clockwise=True)


def _java_fixed(value: float, digits: int) -> str:
    """A double as Java's ``String.format("%.<digits>f")`` writes it: its exact value rounded
    half up (C's printf rounds a tie half to even)."""
    import decimal

    exact = decimal.Decimal(value)
    return str(exact.quantize(decimal.Decimal(1).scaleb(-digits), decimal.ROUND_HALF_UP))


# -- Bing tiles (trino_bing_tiles.py): Trino's tiles around a point within a radius -------------

_EARTH_RADIUS_KM = 6371.01
_MAX_LATITUDE = 85.05112878


def _tile_at(latitude: float, longitude: float, zoom: int) -> tuple[int, int]:
    """The tile (x, y) holding a point, as Trino's latitudeLongitudeToTile."""

    size = 256 << zoom

    def axis(value: float) -> int:
        return int(min(max(value * size, 0.0), float(size - 1))) // 256

    sin_latitude = math.sin(latitude * math.pi / 180)
    y = 0.5 - math.log((1 + sin_latitude) / (1 - sin_latitude)) / (4 * math.pi)
    return axis((longitude + 180) / 360), axis(y)


def _tile_corner(x: int, y: int, zoom: int) -> tuple[float, float]:
    """The (latitude, longitude) of a tile's upper left corner."""

    size = 256 << zoom
    cx = min(max(x * 256, 0), size) / size - 0.5
    cy = 0.5 - min(max(y * 256, 0), size) / size
    return 90 - 360 * math.atan(math.exp(-cy * 2 * math.pi)) / math.pi, 360 * cx


def _moved(latitude: float, longitude: float, km: float, bearing: float) -> tuple[float, float]:
    """Trino's addDistanceToLatitude and addDistanceToLongitude (each keeps the other
    coordinate)."""

    lat, lon, b = math.radians(latitude), math.radians(longitude), math.radians(bearing)
    ratio = km / _EARTH_RADIUS_KM
    new_latitude = math.degrees(
        math.asin(math.sin(lat) * math.cos(ratio) + math.cos(lat) * math.sin(ratio) * math.cos(b))
    )
    new_latitude = min(max(new_latitude, -_MAX_LATITUDE), _MAX_LATITUDE)
    new_longitude = math.degrees(
        lon
        + math.atan2(
            math.sin(b) * math.sin(ratio) * math.cos(lat),
            math.cos(ratio) - math.sin(lat) * math.sin(lat),
        )
    )
    if new_longitude > 180:
        new_longitude = -180 + (new_longitude - 180)
    elif new_longitude < -180:
        new_longitude = 180 + (new_longitude + 180)
    return new_latitude, new_longitude


def _around_bounds(latitude: float, longitude: float, zoom: int, km: float) -> list[int]:
    """The top, bottom, left and right tiles' y, y, x, x, and the number of tiles in the
    rectangle they span."""
    top = _tile_at(_moved(latitude, longitude, km, 0)[0], longitude, zoom)[1]
    bottom = _tile_at(_moved(latitude, longitude, km, 180)[0], longitude, zoom)[1]
    left = _tile_at(latitude, _moved(latitude, longitude, km, 270)[1], zoom)[0]
    right = _tile_at(latitude, _moved(latitude, longitude, km, 90)[1], zoom)[0]
    last = (1 << zoom) - 1
    across = right + last - left + 2 if right < left else right - left + 1
    return [top, bottom, left, right, across * (bottom - top + 1)]


def _bing_tiles_around_limit(latitude: float, longitude: float, zoom: int, km: float) -> str:
    """Trino's message when the tiles around a point are more than a million, else ''."""
    count = _around_bounds(latitude, longitude, zoom, km)[4]
    if count <= 1_000_000:
        return ""
    return (
        "The number of tiles covering input rectangle exceeds the limit of 1M. "
        f"Number of tiles: {count}. Radius: {_java_fixed(km, 1)} km. Zoom level: {zoom}."
    )


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:

    r1, r2 = math.radians(lat1), math.radians(lat2)
    delta = math.radians(lon1) - math.radians(lon2)
    t1 = math.cos(r2) * math.sin(delta)
    t2 = math.cos(r1) * math.sin(r2) - math.sin(r1) * math.cos(r2) * math.cos(delta)
    t3 = math.sin(r1) * math.sin(r2) + math.cos(r1) * math.cos(r2) * math.cos(delta)
    return math.atan2(math.sqrt(t1 * t1 + t2 * t2), t3) * _EARTH_RADIUS_KM


def _bing_tiles_around(latitude: float, longitude: float, zoom: int, km: float) -> list[int]:
    """The tiles (Trino's encoding) that cover a circle of ``km`` around a point, in Trino's
    order: the row and the column through the point, then each corner's tiles within the
    radius (Trino's bingTilesAround; the arguments were checked by the query)."""
    top, bottom, left, right, _ = _around_bounds(latitude, longitude, zoom, km)
    tile_x, tile_y = _tile_at(latitude, longitude, zoom)
    last = (1 << zoom) - 1
    across = right + last - left + 2 if right < left else right - left + 1
    out = [_encode((left + i) % (last + 1), tile_y, zoom) for i in range(across)]
    out += [_encode(tile_x, y, zoom) for y in range(top, bottom + 1) if y != tile_y]

    def within(x: int, y: int) -> bool:
        corner = _tile_corner(x, y, zoom)
        return _great_circle_km(latitude, longitude, corner[0], corner[1]) <= km

    def corner(x: int, ys: range, dx: int, dy: int) -> None:
        include = False
        for y in ys:
            include = include or within(x + dx, y + dy)
            if include:
                out.append(_encode(x, y, zoom))

    x = right
    while x != tile_x:
        corner(x, range(top, tile_y), 0, 1)  # top right: the bottom left corner
        corner(x, range(bottom, tile_y, -1), 0, 0)  # bottom right: the top left corner
        x = last if x == 0 else x - 1
    x = left
    while x != tile_x:
        corner(x, range(top, tile_y), 1, 1)  # top left: the bottom right corner
        corner(x, range(bottom, tile_y, -1), 1, 0)  # bottom left: the top right corner
        x = (x + 1) % (last + 1)
    return out


def _encode(x: int, y: int, zoom: int) -> int:
    """A tile as Trino encodes it: x, then y in 23 bits, then the zoom in 5."""
    return (x << 28) + (y << 5) + zoom


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_wkt", _trino_wkt, ["VARCHAR"], "VARCHAR"),
    ("lakebox_wkt_clockwise", _trino_wkt_clockwise, ["VARCHAR"], "VARCHAR"),
    ("lakebox_polyline_decode", _polyline_decode, ["VARCHAR"], "VARCHAR"),
    ("lakebox_polyline_encode", _polyline_encode, ["DOUBLE[]", "DOUBLE[]"], "VARCHAR"),
    ("lakebox_closed_rings", _closed_rings, ["VARCHAR"], "VARCHAR"),
    ("lakebox_java_fixed", _java_fixed, ["DOUBLE", "INTEGER"], "VARCHAR"),
    (
        "lakebox_bing_tiles_around",
        _bing_tiles_around,
        ["DOUBLE", "DOUBLE", "INTEGER", "DOUBLE"],
        "BIGINT[]",
    ),
    (
        "lakebox_bing_tiles_around_limit",
        _bing_tiles_around_limit,
        ["DOUBLE", "DOUBLE", "INTEGER", "DOUBLE"],
        "VARCHAR",
    ),
]
