"""Trino's SphericalGeography (trino_spherical.py): areas and lengths on the sphere, and GeoJSON
read and written as Trino reads and writes it (its JTS GeoJsonReader and GeoJsonWriter over the
json-simple parser of its Esri-era releases). A geometry comes in as DuckDB's WKB; only the
standard library is used."""

from __future__ import annotations

import itertools
import math
import struct
from collections.abc import Callable
from typing import Any

_EARTH_RADIUS_KM = 6371.01
_EARTH_RADIUS_M = _EARTH_RADIUS_KM * 1000.0

# A geometry as lists: (kind, value) with kind one of Point (value (x, y) or None when
# empty), LineString (points), Polygon (rings), MultiPoint (points), MultiLineString (lines),
# MultiPolygon (polygons), GeometryCollection (geometries)
Geometry = tuple[str, Any]
_KINDS = {
    1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
    6: "MultiPolygon", 7: "GeometryCollection",
}  # fmt: skip
_CODES = {v: k for k, v in _KINDS.items()}


# -- WKB ---------------------------------------------------------------------------------------


def _read_wkb(data: bytes) -> Geometry:
    geometry, _ = _read_at(bytes(data), 0)
    return geometry


def _read_at(data: bytes, at: int) -> tuple[Geometry, int]:
    order = "<" if data[at] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", data, at + 1)
    at += 5
    dims = 2
    if code & 0x20000000:  # EWKB's SRID
        at += 4
    if code & 0xE0000000:
        dims += bool(code & 0x80000000) + bool(code & 0x40000000)
        code &= 0x0FFFFFFF
    dims += {0: 0, 1: 1, 2: 1, 3: 2}[code // 1000]
    kind = _KINDS[code % 1000]

    def point() -> tuple[float, float]:
        nonlocal at
        values = struct.unpack_from(order + "d" * dims, data, at)
        at += 8 * dims
        return values[0], values[1]

    def count() -> int:
        nonlocal at
        (n,) = struct.unpack_from(order + "I", data, at)
        at += 4
        return int(n)

    if kind == "Point":
        x, y = point()
        return (kind, None if math.isnan(x) and math.isnan(y) else (x, y)), at
    if kind == "LineString":
        return (kind, [point() for _ in range(count())]), at
    if kind == "Polygon":
        return (kind, [[point() for _ in range(count())] for _ in range(count())]), at
    parts = []
    for _ in range(count()):
        part, at = _read_at(data, at)
        parts.append(part[1] if kind != "GeometryCollection" else part)
    return (kind, parts), at


def _write_wkb(geometry: Geometry) -> bytes:
    kind, value = geometry
    head = struct.pack("<BI", 1, _CODES[kind])

    def points(ps: list[tuple[float, float]]) -> bytes:
        return struct.pack("<I", len(ps)) + b"".join(struct.pack("<dd", *p) for p in ps)

    if kind == "Point":
        return head + struct.pack("<dd", *(value if value is not None else (math.nan,) * 2))
    if kind == "LineString":
        return head + points(value)
    if kind == "Polygon":
        return head + struct.pack("<I", len(value)) + b"".join(points(r) for r in value)
    member = {"MultiPoint": "Point", "MultiLineString": "LineString", "MultiPolygon": "Polygon"}
    parts = value if kind == "GeometryCollection" else [(member[kind], v) for v in value]
    return head + struct.pack("<I", len(parts)) + b"".join(_write_wkb(p) for p in parts)


# -- area and length on the sphere (Trino's stSphericalArea, stSphericalLength) ----------------


def _polygons(geometry: Geometry) -> list[list[list[tuple[float, float]]]]:
    kind, value = geometry
    return [value] if kind == "Polygon" else list(value)


def _ring_points(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring's vertices as Trino's geometry library holds them: the closing point once."""
    return ring[:-1] if len(ring) > 1 and ring[-1] == ring[0] else ring


def _ring_error(ring: list[tuple[float, float]]) -> str:
    points = _ring_points(ring)
    if len(points) < 3:
        return "Polygon is not valid: a loop contains less then 3 vertices."
    radians = [(math.radians(x), math.radians(y)) for x, y in points]
    if any(p == q for p, q in zip(radians, [radians[-1], *radians[:-1]], strict=True)):
        return "Polygon is not valid: it has two identical consecutive vertices"
    return ""


def _area_error(wkb: bytes) -> str:
    """Trino's error for the area of a polygon or multipolygon ('' when there is none)."""
    for polygon in _polygons(_read_wkb(wkb)):
        for ring in polygon:
            message = _ring_error(ring)
            if message:
                return message
    return ""


def _spherical_excess(ring: list[tuple[float, float]]) -> float:
    """A ring's spherical excess: the sum over its edges of each edge's signed excess (the
    tangent half-angle form), less a full turn when the ring winds around a pole (the turning
    of its bearings then adds up to nearly nothing instead of a full turn)."""
    points = _ring_points(ring)
    two_pi = 2 * math.pi
    excess = turning = 0.0
    first_bearing = last_final = 0.0
    previous = points[-1]
    phi0, lon0 = math.radians(previous[1]), math.radians(previous[0])
    cos0, sin0, tan0 = math.cos(phi0), math.sin(phi0), math.tan(phi0 / 2)
    for index, (x, y) in enumerate(points):
        phi, lon = math.radians(y), math.radians(x)
        tan = math.tan(phi / 2)
        d_lon = lon - lon0
        excess += 2 * math.atan2(math.tan(d_lon / 2) * (tan0 + tan), 1 + tan0 * tan)
        cos, sin = math.cos(phi), math.sin(phi)
        sin_d, cos_d = math.sin(d_lon), math.cos(d_lon)
        initial = math.fmod(
            math.atan2(sin_d * cos, cos0 * sin - sin0 * cos * cos_d) + two_pi, two_pi
        )
        final = math.fmod(
            math.atan2(-sin_d * cos0, sin0 * cos - cos0 * sin * cos_d) + math.pi, two_pi
        )
        if index == 0:
            first_bearing = initial
        else:
            turning += math.fmod(initial - last_final + 3 * math.pi, two_pi) - math.pi
        turning += math.fmod(final - initial + 3 * math.pi, two_pi) - math.pi
        last_final = final
        cos0, sin0, tan0, lon0 = cos, sin, tan, lon
    turning += math.fmod(first_bearing - last_final + 3 * math.pi, two_pi) - math.pi
    if abs(turning) < math.pi / 4:
        excess = abs(excess) - two_pi
    return excess


def _area(wkb: bytes) -> float | None:
    """Square metres on the sphere: the shells' excesses less the holes'; None when a ring
    is not valid for it (_area_error says why)."""
    total = 0.0
    for polygon in _polygons(_read_wkb(wkb)):
        for i, ring in enumerate(polygon):
            if _ring_error(ring):
                return None
            total += (1.0 if i == 0 else -1.0) * abs(_spherical_excess(ring))
    return abs(total * _EARTH_RADIUS_M * _EARTH_RADIUS_M)


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r1, r2 = math.radians(lat1), math.radians(lat2)
    delta = math.radians(lon1) - math.radians(lon2)
    t1 = math.cos(r2) * math.sin(delta)
    t2 = math.cos(r1) * math.sin(r2) - math.sin(r1) * math.cos(r2) * math.cos(delta)
    t3 = math.sin(r1) * math.sin(r2) + math.cos(r1) * math.cos(r2) * math.cos(delta)
    return math.atan2(math.sqrt(t1 * t1 + t2 * t2), t3) * _EARTH_RADIUS_KM


def _length(wkb: bytes) -> float:
    """Metres along the great circles between each line's consecutive points."""
    kind, value = _read_wkb(wkb)
    total = 0.0
    for line in [value] if kind == "LineString" else value:
        for a, b in itertools.pairwise(line):
            total += _great_circle_km(a[1], a[0], b[1], b[0])
    return total * 1000


# -- GeoJSON written (JTS's GeoJsonWriter: 8 decimals, an EPSG:0 crs) ---------------------------


def _java_double(x: float) -> str:
    """Java's Double.toString: plain from 1e-3 to 1e7, else d.dddE±n."""
    import decimal

    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    if 1e-3 <= abs(x) < 1e7:
        text = repr(x)
        return text if "e" not in text else format(decimal.Decimal(text), "f")
    sign, digits, exponent = decimal.Decimal(repr(x)).as_tuple()
    d = "".join(map(str, digits)).rstrip("0") or "0"
    power = len(digits) - 1 + int(exponent)
    return f"{'-' if sign else ''}{d[0]}.{d[1:] or '0'}E{power}"


def _ordinate(x: float) -> str:
    if abs(x) >= 1e-3 and x < 1e7:
        x = math.floor(x * 1e8 + 0.5) / 1e8
        if x == int(x):
            return str(int(x))
    return _java_double(x)


def _sequence(points: list[tuple[float, float]]) -> str:
    text = ",".join(f"[{_ordinate(x)},{_ordinate(y)}]" for x, y in points)
    return f"[{text}]" if len(points) > 1 else text


def _oriented(ring: list[tuple[float, float]], shell: bool) -> list[tuple[float, float]]:
    """A shell clockwise, a hole counter-clockwise (as Trino's serialization keeps them), the
    first point kept."""
    twice_area = sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring))
    if len(ring) < 4 or twice_area == 0 or (twice_area < 0) == shell:
        return ring
    return [ring[0], *reversed(ring[1:-1]), ring[0]] if ring[0] == ring[-1] else ring[::-1]


def _polygon_json(rings: list[list[tuple[float, float]]]) -> str:
    if not rings:
        return "[]"
    return "[" + ",".join(_sequence(_oriented(r, i == 0)) for i, r in enumerate(rings)) + "]"


def _coordinates(geometry: Geometry) -> str:
    kind, value = geometry
    if kind == "Point":
        return "[]" if value is None else _sequence([value])
    if kind == "LineString":
        return "[]" if not value else _sequence(value)
    if kind == "Polygon":
        return _polygon_json(value)
    if kind == "MultiPoint":
        return "[" + ",".join(_sequence([p]) for p in value if p is not None) + "]"
    if kind == "MultiLineString":
        return "[" + ",".join(_sequence(line) for line in value) + "]"
    return "[" + ",".join(_polygon_json(p) for p in value) + "]"


def _json_of(geometry: Geometry, crs: bool) -> str:
    kind, value = geometry
    if kind == "GeometryCollection":
        body = '"geometries":[' + ",".join(_json_of(g, False) for g in value) + "]"
    else:
        body = f'"coordinates":{_coordinates(geometry)}'
    tail = ',"crs":{"type":"name","properties":{"name":"EPSG:0"}}' if crs else ""
    return f'{{"type":"{kind}",{body}{tail}}}'


def _to_geojson(wkb: bytes) -> str:
    geometry = _read_wkb(wkb)
    kind, value = geometry
    if kind in ("Point", "LineString") and not value:  # Trino's own text for these empties
        return f'{{"type":"{kind}","coordinates":[]}}'
    return _json_of(geometry, True)


# -- GeoJSON read: json-simple's parser and JTS's reader of Trino's Esri-era releases ----------


class _Invalid(Exception):
    """Trino's 'Invalid GeoJSON: ...' (the message after those words)."""


class _Unsupported(Exception):
    """Where Trino fails with an internal error (a Java ClassCastException): lakebox's own."""


class _Token:
    def __init__(self, kind: str, at: int, value: Any = None) -> None:
        self.kind, self.at, self.value = kind, at, value

    def __str__(self) -> str:
        names = {
            "{": "LEFT BRACE({)", "}": "RIGHT BRACE(})", "[": "LEFT SQUARE([)",
            "]": "RIGHT SQUARE(])", ",": "COMMA(,)", ":": "COLON(:)", "eof": "END OF FILE",
        }  # fmt: skip
        if self.kind in names:
            return names[self.kind]
        return f"VALUE({_java_text(self.value)})"


def _java_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _java_double(value)
    return str(value)


_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _tokens(text: str) -> list[_Token]:
    """json-simple's lexer: its tokens, or its error for a character it does not expect."""
    import re

    number = re.compile(r"-?[0-9]+((\.[0-9]+)?([eE][-+]?[0-9]+)?)")
    out: list[_Token] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c in " \t\r\n\f":
            i += 1
        elif c in "{}[],:":
            out.append(_Token(c, i))
            i += 1
        elif c == '"':
            start, i, chars = i, i + 1, []
            while True:
                if i >= len(text):
                    raise _Unsupported("an unterminated JSON string")
                c = text[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\":
                    e = text[i + 1 : i + 2]
                    if e in _ESCAPES:
                        chars.append(_ESCAPES[e])
                        i += 2
                    elif e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
                        chars.append(chr(int(text[i + 2 : i + 6], 16)))
                        i += 6
                    else:
                        raise _Unsupported("a JSON string with an invalid escape")
                else:
                    chars.append(c)
                    i += 1
            out.append(_Token("value", start, "".join(chars)))
        elif (found := number.match(text, i)) is not None:
            literal = found.group(0)
            if found.group(1):
                out.append(_Token("value", i, float(literal)))
            else:
                value = int(literal)
                if not -(2**63) <= value < 2**63:
                    raise _Invalid(f'For input string: "{literal}"')
                out.append(_Token("value", i, value))
            i = found.end()
        else:
            for word, literal_value in (("true", True), ("false", False), ("null", None)):
                if text.startswith(word, i):
                    out.append(_Token("value", i, literal_value))
                    i += len(word)
                    break
            else:
                raise _Invalid(f"Unexpected character ({c}) at position {i}.")
    out.append(_Token("eof", len(text)))
    return out


def _parse_json(text: str) -> Any:
    """json-simple's JSONParser.parse: lenient about commas and colons, exact in its errors."""
    tokens = iter(_tokens(text))
    stack: list[Any] = []  # open containers, and a key (a one-element tuple) awaiting its value

    def unexpected(token: _Token) -> _Invalid:
        return _Invalid(f"Unexpected token {token} at position {token.at}.")

    def add(value: Any, token: _Token) -> None:
        """Put ``value`` in the open container (under the key awaiting it)."""
        top = stack[-1]
        if isinstance(top, list):
            top.append(value)
        elif isinstance(top, tuple):
            stack.pop()
            stack[-1][top[0]] = value
        else:
            raise unexpected(token)

    result: Any = None
    done = False
    for token in tokens:
        if done:
            if token.kind != "eof":
                raise unexpected(token)
            return result
        top = stack[-1] if stack else None
        kind = token.kind
        if kind == "eof":
            raise unexpected(token)
        if isinstance(top, dict):  # expecting a key
            if kind == ",":
                continue
            if kind == "value" and isinstance(token.value, str):
                stack.append((token.value,))
                continue
            if kind == "}":  # (a container was put in its parent when it opened)
                result, done = stack.pop(), not stack
                continue
            raise unexpected(token)
        if isinstance(top, tuple) and kind == ":":
            continue
        if isinstance(top, list) and kind == ",":
            continue
        if isinstance(top, list) and kind == "]":
            result, done = stack.pop(), not stack
            continue
        if kind == "value":
            if top is None:
                result, done = token.value, True
            else:
                add(token.value, token)
            continue
        if kind in "{[":
            container: Any = {} if kind == "{" else []
            if top is not None:
                add(container, token)
            stack.append(container)
            continue
        raise unexpected(token)
    raise AssertionError("the lexer always ends with END OF FILE")


def _jackson_override(text: str) -> Geometry | None:
    """Trino's own reading first: a Point or Polygon whose coordinates are an empty array is
    the empty geometry (read by Jackson, whatever follows the first JSON value)."""
    import json

    def refuse(name: str) -> Any:
        raise ValueError(name)

    try:
        node, _ = json.JSONDecoder(parse_constant=refuse).raw_decode(text.lstrip(" \t\r\n"))
    except ValueError:
        return None
    if not isinstance(node, dict):
        return None
    kind = node.get("type")
    if kind in ("Point", "Polygon") and node.get("coordinates") == []:
        return ("Point", None) if kind == "Point" else ("Polygon", [])
    return None


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


def _coordinate(ordinates: Any) -> tuple[float, float]:
    """A JTS coordinate from a list of numbers: missing ordinates are 0, a Z is dropped (as
    Trino serializes it)."""
    if not isinstance(ordinates, list):
        raise TypeError("not a list")
    values = [_number(v) for v in ordinates[:3]]
    values += [0.0] * (2 - len(values[:2]))
    return values[0], values[1]


def _sequence_of(points: Any) -> list[tuple[float, float]]:
    if not isinstance(points, list):
        raise TypeError("not a list")
    return [_coordinate(p) for p in points]


def _line(points: Any) -> list[tuple[float, float]]:
    line = _sequence_of(points)
    if len(line) == 1:
        raise ValueError("Invalid number of points in LineString")
    return line


def _ring(points: Any) -> list[tuple[float, float]]:
    ring = _sequence_of(points)
    if ring and (ring[0] != ring[-1] or len(ring) < 4):
        raise ValueError("not a closed ring of 4 points or more")
    return ring


def _polygon(rings: Any) -> list[list[tuple[float, float]]]:
    if not isinstance(rings, list):
        raise TypeError("not a list")
    read = [_ring(r) for r in rings]
    if not read:
        raise ValueError("Polygon specified with no rings.")
    if not read[0] and any(read[1:]):
        raise ValueError("shell is empty but holes are not")
    return [] if not read[0] else read


def _create(node: dict[str, Any]) -> Geometry:
    kind = node.get("type")
    if kind is None:
        raise _Invalid("Could not parse Geometry from Json string.  No 'type' property found.")
    if not isinstance(kind, str):
        raise _Unsupported("a GeoJSON 'type' that is not a string")
    coordinates = node.get("coordinates")
    readers: dict[str, Callable[[], Geometry]] = {
        "Point": lambda: ("Point", _coordinate(coordinates)),
        "LineString": lambda: ("LineString", _line(coordinates)),
        "Polygon": lambda: ("Polygon", _polygon(coordinates)),
        "MultiPoint": lambda: ("MultiPoint", _sequence_of(coordinates)),
        "MultiLineString": lambda: ("MultiLineString", [_line(c) for c in _listed(coordinates)]),
        "MultiPolygon": lambda: ("MultiPolygon", _multipolygon(coordinates)),
    }
    if kind == "GeometryCollection":
        members = node.get("geometries")
        try:
            if not isinstance(members, list) or not all(isinstance(m, dict) for m in members):
                raise TypeError("not a list of objects")
        except TypeError:
            raise _Invalid("Could not parse GeometryCollection from GeoJson string.") from None
        try:
            return ("GeometryCollection", [_create(m) for m in members])
        except _Unsupported:  # a Java ClassCastException there is caught as Trino reads it
            raise _Invalid("Could not parse GeometryCollection from GeoJson string.") from None
    if kind not in readers:
        raise _Invalid(f"Could not parse Geometry from GeoJson string.  Unsupported 'type':{kind}")
    try:
        return readers[kind]()
    except (TypeError, ValueError):
        raise _Invalid(f"Could not parse {kind} from GeoJson string.") from None


def _listed(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _multipolygon(value: Any) -> list[list[list[tuple[float, float]]]]:
    polygons = []
    for rings in _listed(value):
        read = [_ring(r) for r in _listed(rings)]
        if not read:
            raise ValueError("a null polygon in a multipolygon")
        if not read[0] and any(read[1:]):
            raise ValueError("shell is empty but holes are not")
        if read[0]:  # Trino's serialization keeps no empty polygon of a multipolygon
            polygons.append(read)
    return polygons


def _srid_checked(node: dict[str, Any]) -> None:
    """JTS reads the crs's EPSG code before the geometry (and fails on one it cannot read)."""
    import re

    crs = node.get("crs")
    if crs is None:
        return
    if not isinstance(crs, dict):
        raise _Unsupported("a GeoJSON 'crs' that is not an object")
    properties = crs.get("properties")
    name = properties.get("name") if isinstance(properties, dict) else None
    parts = [p for p in name.split(":")] if isinstance(name, str) else []
    while parts and parts[-1] == "":
        parts.pop()  # Java's String.split drops trailing empty strings
    code = parts[1] if len(parts) > 1 else ""
    if not re.fullmatch(r"[+-]?[0-9]+", code) or not -(2**31) <= int(code) < 2**31:
        raise _Invalid("Could not parse SRID from Geojson 'crs' object.")


def _read_geojson(text: str) -> Geometry:
    override = _jackson_override(text)
    if override is not None:
        return override
    node = _parse_json(text)
    if not isinstance(node, dict):
        raise _Unsupported("GeoJSON that is not a JSON object")
    _srid_checked(node)
    return _create(node)


def _geojson_error(text: str) -> str:
    """Trino's error for a GeoJSON text ('' when it reads)."""
    try:
        _read_geojson(text)
    except _Invalid as invalid:
        return f"Invalid GeoJSON: {invalid}"
    except _Unsupported as unsupported:
        return f"lakebox: {unsupported} (Trino fails with an internal error) is not supported"
    return ""


def _geojson_wkb(text: str) -> bytes | None:
    try:
        return _write_wkb(_read_geojson(text))
    except (_Invalid, _Unsupported):
        return None


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_spherical_area", _area, ["BLOB"], "DOUBLE"),
    ("lakebox_spherical_area_error", _area_error, ["BLOB"], "VARCHAR"),
    ("lakebox_spherical_length", _length, ["BLOB"], "DOUBLE"),
    ("lakebox_to_geojson", _to_geojson, ["BLOB"], "VARCHAR"),
    ("lakebox_geojson_error", _geojson_error, ["VARCHAR"], "VARCHAR"),
    ("lakebox_geojson_wkb", _geojson_wkb, ["VARCHAR"], "BLOB"),
]
