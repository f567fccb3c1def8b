"""ST_GeomFromKML (trino_geo_constructors.py): the WKT of the geometry JTS's KMLReader
(org.locationtech.jts.io.kml.KMLReader) makes of a KML geometry, or Trino's "Invalid KML: <the
text>" where that reader raises its ParseException. Trino's JTS-era code is not in the index
lakebox is checked against: that its ST_GeomFromKML is JTS's reader is read from its test (a
JTS-era plugin; ``<Point>``, which the reader cannot parse, is "Invalid KML: <Point>").

The reader walks the document with a StAX pull parser, so it reads only as far as it needs (a
point's text after its ``</Point>`` is never read), and a malformed document fails where the
walk reaches the fault. ``_Cursor`` is that walk over the parser's events (expat's, through
ElementTree's pull parser: the events before a fault, then the fault). The reader, followed here:

- the first element names the geometry: ``Point``, ``LineString``, ``Polygon`` or
  ``MultiGeometry`` (any other: a ParseException); names are local (namespaces ignored);
- a point, a line: the last ``coordinates`` element anywhere inside it (none: a
  ParseException); a point is its first coordinate;
- a polygon: the first ``coordinates`` inside each ``outerBoundaryIs`` (the last one is the
  shell) and each ``innerBoundaryIs`` (the holes, in order); no shell: a ParseException;
- a multi-geometry: every geometry element after its start, to the end of the document; one
  is itself, several of one type the multi-geometry of that type, else a geometry collection;
- coordinates: the element's text only (a child element: a ParseException; comments skipped),
  empty text a ParseException, else trimmed, split at whitespace, each ``x,y`` or ``x,y,z``
  (no comma, or one first or last: a ParseException), each number read by Java's
  ``Double.parseDouble``.

Where the reader fails otherwise than with a ParseException (a number Java does not read, a
line of one point, a ring not closed or of fewer than four points, a point of no coordinates, a
multi-geometry inside another) Trino's words are not known; and lakebox does not reproduce Z
coordinates, non-finite ones, elements of no coordinates (only whitespace), an empty
multi-geometry, or a document type declaration (which the reader's parser does not read): all
fail with lakebox's own error, never another answer.
"""

from __future__ import annotations

import math
import re
from typing import Any

_WHITESPACE = re.compile(r"[ \t\n\x0b\f\r]+")  # Java's \s
_CONTROL_OR_SPACE = "".join(chr(c) for c in range(33))  # what Java's String.trim removes
# Java's Double.parseDouble: a decimal (with an optional float or double suffix), read as
# Python reads it (both round correctly); NaN, Infinity and hexadecimal ones it reads too
_DECIMAL = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?")
_JAVA_ONLY = re.compile(r"[+-]?(?:NaN|Infinity|0[xX][0-9a-fA-F.]+[pP][+-]?\d+)[fFdD]?")

_GEOMETRIES = ("Point", "LineString", "Polygon", "MultiGeometry")


class _ParseError(Exception):
    """JTS's ParseException: Trino's "Invalid KML"."""


class _Refused(ValueError):
    def __init__(self, what: str) -> None:
        super().__init__(f"ST_GeomFromKML of {what} is not supported by lakebox")


class _Cursor:
    """A StAX reader's position among the document's events: the start of the document,
    each element's start and end (with its local name and, at its end, its text), then the
    end of the document, or the parser's fault where it met one."""

    def __init__(self, kml: str) -> None:
        import xml.etree.ElementTree as ET

        parser: Any = ET.XMLPullParser(events=("start", "end"))
        parser.feed(kml)
        fault = False
        try:
            parser.close()
        except ET.ParseError:
            fault = True
        self.events: list[tuple[str, str, Any]] = [("document", "", None)]
        try:
            for kind, element in parser.read_events():
                self.events.append((kind, element.tag.rpartition("}")[2], element))
        except ET.ParseError:
            fault = True
        self.events.append(("fault" if fault else "end document", "", None))
        self.at = 0

    def has_next(self) -> bool:
        return self.events[self.at][0] != "end document"

    def next(self) -> None:
        if not self.has_next():
            raise _Refused("a MultiGeometry inside another")  # StAX: NoSuchElementException
        if self.events[self.at + 1][0] == "fault":
            raise _ParseError
        self.at += 1

    def start(self, name: str | None = None) -> bool:
        kind, local, _ = self.events[self.at]
        return kind == "start" and name in (None, local)

    def end(self, name: str) -> bool:
        kind, local, _ = self.events[self.at]
        return kind == "end" and local == name

    def name(self) -> str:
        return self.events[self.at][1]

    def element_text(self) -> str:
        """StAX's getElementText at an element's start: its text, the cursor at its end."""
        self.next()
        if self.events[self.at][0] != "end":
            raise _ParseError  # a child element
        return self.events[self.at][2].text or ""


class _Reader:
    def __init__(self, kml: str) -> None:
        self.cursor = _Cursor(kml)
        self.later: list[str] = []  # what lakebox refuses once the reader has read it all

    def number(self, text: str) -> float:
        text = text.strip(_CONTROL_OR_SPACE)  # Java's trim
        if decimal := _DECIMAL.fullmatch(text):
            value = float(decimal.group(1))
            if not math.isfinite(value):
                self.later.append("a coordinate that is not finite")
            return value
        if _JAVA_ONLY.fullmatch(text):
            self.later.append("a coordinate that is not finite or is hexadecimal")
            return math.nan
        raise _Refused(f"the coordinate {text!r}")  # Java: NumberFormatException

    def coordinates(self) -> list[tuple[float, float]]:
        text = self.cursor.element_text()
        if text == "":
            raise _ParseError  # "Empty coordinates"
        text = _WHITESPACE.sub(" ", text.strip(_CONTROL_OR_SPACE))
        if not text:
            self.later.append("an element of no coordinates")
            return []
        points = []
        for coordinate in text.split(" "):
            comma = coordinate.find(",")
            if comma in (-1, 0, len(coordinate) - 1):
                raise _ParseError  # "Invalid coordinate format"
            x = self.number(coordinate[:comma])
            z_comma = coordinate.find(",", comma + 1)
            if z_comma == -1:
                y = self.number(coordinate[comma + 1 :])
            else:
                y = self.number(coordinate[comma + 1 : z_comma])
                self.number(coordinate[z_comma + 1 :])
                self.later.append("Z coordinates")
            points.append((x, y))
        return points

    def coordinates_in(self, name: str) -> list[tuple[float, float]]:
        """The last ``coordinates`` inside the element ``name`` the cursor is at."""
        c = self.cursor
        found = None
        while c.has_next() and not c.end(name):
            if c.start("coordinates"):
                found = self.coordinates()
            c.next()
        if found is None:
            raise _ParseError  # "No element coordinates found in ..."
        return found

    def ring(self, name: str) -> list[tuple[float, float]]:
        """The first ``coordinates`` inside the boundary ``name`` the cursor is at, as a ring."""
        c = self.cursor
        while c.has_next() and not c.end(name):
            if c.start("coordinates"):
                break
            c.next()
        else:
            raise _ParseError  # "No element coordinates found in ..."
        points = self.coordinates()
        if points and (points[0] != points[-1] or len(points) < 4):
            raise _Refused("a ring that is not closed or of fewer than four points")
        return points

    def geometry(self) -> tuple[str, Any] | None:
        c = self.cursor
        while c.has_next() and not c.start():
            c.next()
        if not c.start():
            raise _ParseError  # "Invalid KML format"
        name = c.name()
        if name == "Point":
            points = self.coordinates_in("Point")
            if not points:
                raise _Refused("a point of no coordinates")  # JTS: out of bounds
            return "Point", points[0]
        if name == "LineString":
            points = self.coordinates_in("LineString")
            if len(points) == 1:
                raise _Refused("a line of one point")  # JTS: IllegalArgumentException
            return "LineString", points
        if name == "Polygon":
            return "Polygon", self.polygon()
        if name == "MultiGeometry":
            c.next()
            return self.multi_geometry()
        raise _ParseError  # "Unknown KML geometry type ..."

    def polygon(self) -> list[list[tuple[float, float]]]:
        c = self.cursor
        shell, holes = None, []
        while c.has_next() and not c.end("Polygon"):
            if c.start("outerBoundaryIs"):
                shell = self.ring("outerBoundaryIs")
            elif c.start("innerBoundaryIs"):
                holes.append(self.ring("innerBoundaryIs"))
            c.next()
        if shell is None:
            raise _ParseError  # "No outer boundary for Polygon"
        return [shell, *holes]

    def multi_geometry(self) -> tuple[str, Any] | None:
        c = self.cursor
        parts: list[tuple[str, Any]] = []
        while c.has_next():
            if c.start() and c.name() in _GEOMETRIES:
                part = self.geometry()
                if part is None:
                    raise _Refused("an empty MultiGeometry inside another")  # JTS: NullPointer
                parts.append(part)
            c.next()
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        kinds = {kind for kind, _ in parts}
        if kinds == {"Point"}:
            return "MultiPoint", [p for _, p in parts]
        if kinds == {"LineString"}:
            return "MultiLineString", [p for _, p in parts]
        if kinds == {"Polygon"}:
            return "MultiPolygon", [p for _, p in parts]
        return "GeometryCollection", parts


def _xy(point: tuple[float, float]) -> str:
    return f"{point[0]!r} {point[1]!r}"


def _line(points: list[tuple[float, float]]) -> str:
    return "(" + ", ".join(_xy(p) for p in points) + ")"


def _polygon(rings: list[list[tuple[float, float]]]) -> str:
    return "(" + ", ".join(_line(r) for r in rings) + ")"


def _wkt(kind: str, value: Any) -> str:
    if kind == "Point":
        return f"POINT ({_xy(value)})"
    if kind == "LineString":
        return f"LINESTRING {_line(value)}"
    if kind == "Polygon":
        return f"POLYGON {_polygon(value)}"
    if kind == "MultiPoint":
        return "MULTIPOINT (" + ", ".join(f"({_xy(p)})" for p in value) + ")"
    if kind == "MultiLineString":
        return "MULTILINESTRING (" + ", ".join(_line(p) for p in value) + ")"
    if kind == "MultiPolygon":
        return "MULTIPOLYGON (" + ", ".join(_polygon(p) for p in value) + ")"
    return "GEOMETRYCOLLECTION (" + ", ".join(_wkt(k, v) for k, v in value) + ")"


def _kml_wkt(kml: str) -> str:
    """The WKT of the geometry Trino's ST_GeomFromKML makes of ``kml``."""
    if "<!DOCTYPE" in kml:
        raise _Refused("a document with a document type declaration")
    reader = _Reader(kml)
    try:
        geometry = reader.geometry()
    except _ParseError:
        raise ValueError(f"Invalid KML: {kml}") from None
    if reader.later:
        raise _Refused(reader.later[0])
    if geometry is None:
        raise _Refused("an empty MultiGeometry")  # JTS reads it as null
    return _wkt(*geometry)


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_kml_wkt", _kml_wkt, ["VARCHAR"], "VARCHAR"),
]
