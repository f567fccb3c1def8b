"""Trino's geospatial functions on lakebox (DuckDB's spatial extension): each row is Trino's
own answer, from its tests (trinodb/trino, plugin/trino-geospatial, TestGeoFunctions,
TestSphericalGeoFunctions: trino_geo_cases.py, trino_spherical_cases.py) and its documentation,
checked for value and Trino type through the real engine.

A Geometry result (and the text of ST_AsText) is compared by shape: the same geometry, whatever
vertex a ring starts at or the order of a collection's parts (GEOS and Trino's JTS may write
them in another order; docs/query.md says so). Numbers are compared to 1e-9, as Trino's tests.
"""

from __future__ import annotations

import itertools
import math
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shapely

from lakebox.auth.access import SYSTEM, Access
from lakebox.catalog.iceberg import IcebergTables
from lakebox.catalog.service import Catalog
from lakebox.errors import InvalidArgument
from lakebox.meta.database import Database
from lakebox.query.engine import QueryEngine, QueryFailed
from lakebox.query.engine_functions import kdb_tree
from lakebox.query.result_types import of_duckdb
from lakebox.query.trino_functions import UnsupportedFunction
from lakebox.storage import Lake, LocalStore, ObjectEvents
from tests.query import trino_geo_more_cases, trino_spherical_cases
from tests.query.trino_geo_cases import CASES as GEO_CASES
from tests.query.trino_geo_cases import ERRORS as GEO_ERRORS
from tests.query.trino_geo_cases import LINE_BUFFER

CASES = [*GEO_CASES, *trino_spherical_cases.CASES]
ERRORS = [*GEO_ERRORS, *trino_spherical_cases.ERRORS]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QueryEngine]:
    tmp: Path = tmp_path_factory.mktemp("geo")
    db = Database(f"sqlite:///{tmp / 'meta.db'}")
    db.migrate()
    lake = Lake(LocalStore(tmp / "data"), ObjectEvents(db))
    catalog = Catalog(db)
    iceberg = IcebergTables(db, catalog, lake.store)
    engine = QueryEngine(catalog, iceberg, lake.store, Access(), tmp / "spill", "512MB")
    yield engine
    engine.close()
    db.dispose()


def run(engine: QueryEngine, sql: str) -> tuple[Any, str]:
    if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
        sql = f"SELECT {sql}"
    result = engine.run(sql, principal=SYSTEM)
    assert len(result.columns) == 1, result.columns
    values = [row[0] for row in result.rows]
    value = values[0] if len(values) == 1 else values
    return value, of_duckdb(result.columns[0][1]).name


def same_geometry(got: str | None, expected: str | None, same_type: bool) -> bool:
    """Two WKT texts of one geometry: the same set of points (OGC's ST_Equals; vertices on
    a straight edge, ring starts and part order are GEOS's and Trino's own choices), of the
    same type when ``same_type``."""
    if got is None or expected is None:
        return got is expected
    a, b = shapely.from_wkt(got), shapely.from_wkt(expected)
    if same_type and a.geom_type != b.geom_type:
        return False
    if a.is_empty or b.is_empty:
        return bool(a.is_empty and b.is_empty)
    if shapely.equals_exact(shapely.normalize(a), shapely.normalize(b), tolerance=1e-9):
        return True
    return bool(shapely.equals(a, b))


def _wkt(value: Any) -> bool:
    return isinstance(value, str) and re.match(r"^[A-Z]+ ?(\(|EMPTY)", value) is not None


def matches(got: Any, got_type: str, expected: Any, trino_type: str, mode: str | None) -> bool:
    """``got`` (of ``got_type``) is Trino's answer: geometries (and their WKT) as the same
    geometry, numbers to 1e-9; ``mode`` "same points": of whatever type (Trino's own tests
    compare aggregates so)."""
    if got_type != trino_type:
        return False
    if isinstance(expected, list):
        return (
            isinstance(got, list)
            and len(got) == len(expected)
            and all(
                matches(g, got_type, e, trino_type, mode)
                for g, e in zip(got, expected, strict=True)
            )
        )
    if _wkt(expected) or (expected is None and "Geometry" in trino_type):
        return same_geometry(got, expected, same_type=mode != "same points")
    if isinstance(expected, float) and isinstance(got, float):
        return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9)
    return bool(got == expected) and type(got) is type(expected)


ALL_CASES = [*CASES, *trino_geo_more_cases.CASES]


@pytest.mark.parametrize("case", ALL_CASES, ids=[c[0][:120] for c in ALL_CASES])
def test_trino_answer(engine: QueryEngine, case: tuple[Any, ...]) -> None:
    sql, expected, trino_type = case[:3]
    got, got_type = run(engine, sql)
    mode = case[3] if len(case) > 3 else None
    assert matches(got, got_type, expected, trino_type, mode), (
        f"{got!r} ({got_type}) is not Trino's {expected!r} ({trino_type})"
    )


ALL_ERRORS = [*ERRORS, *trino_geo_more_cases.ERRORS]


@pytest.mark.parametrize(("sql", "words"), ALL_ERRORS, ids=[c[0][:120] for c in ALL_ERRORS])
def test_trino_errors(engine: QueryEngine, sql: str, words: str) -> None:
    with pytest.raises(QueryFailed) as raised:
        run(engine, sql)
    assert words in raised.value.message
    # inside try(...) Trino's error is NULL, as its invalid-argument errors are
    if not sql.lstrip().upper().startswith("SELECT"):
        assert run(engine, f"try({sql})")[0] is None


# Where GEOS and Trino's geometry library part ways: an error, never another answer
DIVERGENCES = [
    # Trino reads a one-point or two-point ring as a degenerate polygon; GEOS refuses it
    (
        "ST_AsText(ST_ConvexHull(ST_GeometryFromText('GEOMETRYCOLLECTION (POINT (0 0), "
        "POLYGON ((5 5, 7 7)), POLYGON ((1 1)))')))",
        "point array must contain 0 or >1 elements",
    ),
    # overlapping parts of a multipolygon (an invalid geometry): Trino computes on, GEOS stops
    (
        "ST_AsText(ST_Difference(ST_GeometryFromText('MULTIPOLYGON (((1 1, 1 3, 3 3, 3 1)), "
        "((0 0, 0 2, 2 2, 2 0)))'), ST_GeometryFromText('POLYGON ((0 1, 3 1, 3 3, 0 3, 0 1))')))",
        "TopologyException",
    ),
    (
        "geometry_union(ARRAY[ST_GeometryFromText('MULTIPOLYGON (((2 2, 3 1, 1 1, 2 2)), "
        "((3 2, 4 1, 2 1, 3 2)))'), ST_GeometryFromText('MULTIPOLYGON(((4 2, 5 1, 3 1, 4 2)))')])",
        "TopologyException",
    ),
]


@pytest.mark.parametrize(("sql", "words"), DIVERGENCES, ids=[c[1] for c in DIVERGENCES])
def test_what_geos_refuses_fails_clearly(engine: QueryEngine, sql: str, words: str) -> None:
    with pytest.raises(QueryFailed, match=words):
        run(engine, sql)


def test_documented_examples(engine: QueryEngine) -> None:
    # Trino's documentation rounds its examples
    sql = "round(ST_Distance(ST_Point(-71.0882, 42.3607), ST_Point(-74.1197, 40.6976)), 4)"
    assert run(engine, sql) == (3.4577, "double")


def test_buffer_of_a_line_is_trinos_within_its_arcs_approximation(engine: QueryEngine) -> None:
    # Trino's test expects its exact vertices; GEOS draws the round caps with others: the
    # same shape to a thousandth of the distance, and the same area to 1e-4
    sql, trino = LINE_BUFFER
    got, got_type = run(engine, sql)
    a, b = shapely.from_wkt(got), shapely.from_wkt(trino)
    assert got_type == "varchar" and a.geom_type == b.geom_type == "Polygon"
    assert shapely.hausdorff_distance(a, b) < 0.2 / 1000
    assert math.isclose(a.area, b.area, rel_tol=1e-4)


def test_geometries_in_tables_are_refused_by_name(engine: QueryEngine) -> None:
    with pytest.raises(InvalidArgument, match="cannot hold the Geometry type"):
        engine.run("CREATE TABLE g.points AS SELECT ST_Point(1, 2) AS p", principal=SYSTEM)
    with pytest.raises(QueryFailed, match="convert them with ST_AsText"):
        run(engine, "MAP(ARRAY['a'], ARRAY[ST_Point(1, 2)])")


def test_bing_tiles_as_results_are_refused_by_name(engine: QueryEngine) -> None:
    # what Athena shows of Trino's BingTile type is not known: lakebox shows none
    for sql in ("bing_tile_at(47.6, -122.3, 10)", "bing_tiles_around(47.6, -122.3, 10)"):
        with pytest.raises(QueryFailed, match="holds Bing tiles"):
            run(engine, sql)
    with pytest.raises(QueryFailed, match="holds Bing tiles"):
        engine.run("CREATE TABLE g.tiles AS SELECT bing_tile('213') AS t", principal=SYSTEM)


def test_spherical_geographies_in_tables_are_refused_by_name(engine: QueryEngine) -> None:
    with pytest.raises(InvalidArgument, match="holds geometries"):
        engine.run(
            "CREATE TABLE g.places AS SELECT to_spherical_geography(ST_Point(1, 2)) AS p",
            principal=SYSTEM,
        )
    with pytest.raises(QueryFailed, match="convert them with ST_AsText"):
        run(engine, "MAP(ARRAY['a'], ARRAY[to_spherical_geography(ST_Point(1, 2))])")


def test_functions_lakebox_refuses_are_refused_by_name(engine: QueryEngine) -> None:
    for sql in (
        "geometry_invalid_reason(ST_Point(1, 2))",
        "ST_Read('/etc/passwd')",  # DuckDB's spatial readers are not Trino's, nor allowed
        "ST_AsGeoJSON(ST_Point(1, 2))",
    ):
        with pytest.raises(UnsupportedFunction, match="not supported by lakebox"):
            run(engine, sql)


# ST_AsBinary's bytes as the Esri exporter Trino calls writes them (OperatorExportToWkbLocal:
# the platform's byte order, little-endian; an empty point as NaN NaN; a polygon ring from its
# first vertex, then backwards through Esri's clockwise shell: Trino's WKT order)
AS_BINARY = [
    ("ST_Point(1, 2)", "0101000000000000000000F03F0000000000000040"),
    ("ST_GeometryFromText('POINT EMPTY')", "0101000000000000000000F87F000000000000F87F"),
    ("ST_GeometryFromText('POLYGON EMPTY')", "010300000000000000"),
    (
        "ST_GeometryFromText('POLYGON ((1 1, 1 4, 4 4, 4 1))')",
        "010300000001000000"
        "05000000"
        "000000000000F03F000000000000F03F"  # 1 1
        "0000000000001040000000000000F03F"  # 4 1
        "00000000000010400000000000001040"  # 4 4
        "000000000000F03F0000000000001040"  # 1 4
        "000000000000F03F000000000000F03F",  # 1 1
    ),
    (
        "ST_GeometryFromText('MULTIPOINT ((1 2), (3 4))')",
        "010400000002000000"
        "0101000000000000000000F03F0000000000000040"
        "010100000000000000000008400000000000001040",
    ),
]


@pytest.mark.parametrize(("sql", "hex_wkb"), AS_BINARY, ids=[c[0] for c in AS_BINARY])
def test_as_binary_is_esris_wkb(engine: QueryEngine, sql: str, hex_wkb: str) -> None:
    assert run(engine, f"to_hex(ST_AsBinary({sql}))") == (hex_wkb, "varchar")


# What Esri's relate and exporter do that lakebox does not reproduce: lakebox's own error
LAKEBOX_REFUSES = [
    ("ST_Relate(ST_Point(1, 2), ST_GeometryFromText('POINT EMPTY'), 'FF*FF****')", "empty"),
    ("ST_Relate(ST_GeometryFromText('POINT EMPTY'), ST_Point(1, 2), 'FF*FF****')", "empty"),
    (
        "ST_Relate(ST_GeometryFromText('GEOMETRYCOLLECTION (POINT (1 2))'), ST_Point(1, 2), "
        "'T********')",
        "geometry collection",
    ),
    ("ST_Relate(ST_Point(1, 2), ST_Point(1, 2), 'T*')", "pattern"),
    ("ST_Relate(ST_Point(1, 2), ST_Point(1, 2), 't********')", "pattern"),
    ("ST_AsBinary(ST_GeometryFromText('POINT Z (1 2 3)'))", "Z coordinates"),
    (
        "geometry_nearest_points(ST_GeometryFromText('POINT Z (1 2 3)'), ST_Point(1, 2))",
        "Z coordinates",
    ),
]


@pytest.mark.parametrize(("sql", "words"), LAKEBOX_REFUSES, ids=[c[0] for c in LAKEBOX_REFUSES])
def test_what_lakebox_does_not_reproduce_fails_clearly(
    engine: QueryEngine, sql: str, words: str
) -> None:
    with pytest.raises(QueryFailed, match="not supported by lakebox") as raised:
        run(engine, sql)
    assert words in raised.value.message


# geometry_from_hadoop_shape beyond Trino's test, as Esri's shape reader and WKT writer (which
# Trino's Esri-era plugin calls) read: shapes built here, little-endian as the format is
def _hadoop(type_byte: int, shape_type: int, body: bytes) -> str:
    shape = struct.pack("<ib", 0, type_byte) + struct.pack("<i", shape_type) + body
    return f"ST_AsText(geometry_from_hadoop_shape(from_hex('{shape.hex()}')))"


def _parts(parts: list[list[tuple[float, float]]]) -> bytes:
    points = [p for part in parts for p in part]
    starts = list(itertools.accumulate([0, *(len(p) for p in parts[:-1])]))
    return (
        struct.pack("<4d", 0, 0, 9, 9)  # the bounding box, which Esri does not check
        + struct.pack(f"<ii{len(parts)}i", len(parts), len(points), *starts)
        + b"".join(struct.pack("<2d", *p) for p in points)
    )


_SQUARE = [(0.0, 0.0), (0.0, 4.0), (4.0, 4.0), (4.0, 0.0), (0.0, 0.0)]  # clockwise: a shell
_HOLE = [(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0), (1.0, 1.0)]  # counter-clockwise
_FAR = [(6.0, 6.0), (6.0, 7.0), (7.0, 7.0), (7.0, 6.0), (6.0, 6.0)]

ESRI_SHAPES = [
    # type 0: the geometry's own type, a polygon's always MULTIPOLYGON, a polyline's always
    # MULTILINESTRING
    (_hadoop(0, 5, _parts([_SQUARE])), "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0)))"),
    (_hadoop(0, 3, _parts([[(0, 0), (1, 1)]])), "MULTILINESTRING ((0 0, 1 1))"),
    (_hadoop(0, 1, struct.pack("<2d", 1, 2)), "POINT (1 2)"),
    # a ring of the other orientation is a hole of the polygon before it
    (
        _hadoop(3, 5, _parts([_SQUARE, _HOLE])),
        "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))",
    ),
    (
        _hadoop(6, 5, _parts([_SQUARE, _HOLE, _FAR])),
        "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1)), "
        "((6 6, 7 6, 7 7, 6 7, 6 6)))",
    ),
    # an open ring kept open, closed by the writer
    (_hadoop(3, 5, _parts([_SQUARE[:-1]])), "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))"),
    # a multi type from a single geometry, a single type from a one-point multipoint
    (_hadoop(4, 1, struct.pack("<2d", 1, 2)), "MULTIPOINT ((1 2))"),
    (_hadoop(1, 8, struct.pack("<4di2d", 1, 2, 1, 2, 1, 1, 2)), "POINT (1 2)"),
    (_hadoop(5, 3, _parts([[(0, 0), (1, 1)]])), "MULTILINESTRING ((0 0, 1 1))"),
]


@pytest.mark.parametrize(("sql", "wkt"), ESRI_SHAPES, ids=[c[1] for c in ESRI_SHAPES])
def test_hadoop_shapes_as_esri_reads_them(engine: QueryEngine, sql: str, wkt: str) -> None:
    got, got_type = run(engine, sql)
    assert got_type == "varchar" and same_geometry(got, wkt, same_type=True), got


ESRI_SHAPE_ERRORS = [
    # more than one part for a single type
    (_hadoop(2, 3, _parts([[(0, 0), (1, 1)], [(2, 2), (3, 3)]])), "Invalid Hadoop shape"),
    (_hadoop(3, 5, _parts([_SQUARE, _FAR])), "Invalid Hadoop shape"),
    (_hadoop(1, 8, struct.pack("<4di4d", 1, 2, 3, 4, 2, 1, 2, 3, 4)), "Invalid Hadoop shape"),
    # a type of another dimension, a polygon's points cut short
    (_hadoop(4, 5, _parts([_SQUARE])), "Invalid Hadoop shape"),
    (_hadoop(3, 5, _parts([_SQUARE])[:-8]), "Invalid Hadoop shape"),
]


@pytest.mark.parametrize(("sql", "words"), ESRI_SHAPE_ERRORS, ids=[c[0] for c in ESRI_SHAPE_ERRORS])
def test_hadoop_shape_errors_as_esri_reads_them(engine: QueryEngine, sql: str, words: str) -> None:
    with pytest.raises(QueryFailed, match=words):
        run(engine, sql)
    assert run(engine, f"try({sql})")[0] is None


ESRI_SHAPES_REFUSED = [
    (_hadoop(1, 9, struct.pack("<3d", 1, 2, 3)), "Z, M or ID values"),  # a point with Z
    (_hadoop(0, 0, b""), "the null shape"),
    (_hadoop(2, 3, _parts([[(0, 0)]])), "one-point line"),
    (_hadoop(3, 5, _parts([[(0, 0), (1, 1), (0, 0)]])), "fewer than three vertices"),
    (_hadoop(3, 5, _parts([[(0, 0), (1, 1), (2, 2), (0, 0)]])), "no area"),
    (_hadoop(1, 1, struct.pack("<2d", 1, math.nan)), "NaN or infinite"),
]


@pytest.mark.parametrize(
    ("sql", "words"), ESRI_SHAPES_REFUSED, ids=[c[1] for c in ESRI_SHAPES_REFUSED]
)
def test_hadoop_shapes_lakebox_does_not_reproduce_fail_clearly(
    engine: QueryEngine, sql: str, words: str
) -> None:
    with pytest.raises(QueryFailed, match="not supported by lakebox") as raised:
        run(engine, sql)
    assert words in raised.value.message


# ST_GeomFromKML beyond Trino's test (testSTGeomFromKML: trino_geo_more_cases.py), as JTS's
# KMLReader (which Trino's JTS-era plugin reads KML with) reads KML: the expectations of JTS's
# KMLReaderTest (locationtech/jts, modules/core/src/test/.../io/kml, at 07833d3c)
def _kml(kml: str) -> str:
    return f"ST_AsText(ST_GeomFromKML('{kml}'))"


_RING = "<LinearRing><coordinates>{}</coordinates></LinearRing>"
_SQUARE = "1.0,1.0 1.0,10.0 10.0,10.0 10.0,1.0 1.0,1.0"
_HOLES = ["2.0,2.0 2.0,3.0 3.0,3.0 3.0,2.0 2.0,2.0", "6.0,6.0 6.0,7.0 7.0,7.0 7.0,6.0 6.0,6.0"]


def _polygon_kml(shell: str, *holes: str) -> str:
    inner = "".join(f"<innerBoundaryIs>{_RING.format(h)}</innerBoundaryIs>" for h in holes)
    return f"<Polygon><outerBoundaryIs>{_RING.format(shell)}</outerBoundaryIs>{inner}</Polygon>"


KML_READS = [
    # testPoint, testLineString (their elements other than coordinates are skipped)
    (
        "<Point><altitudeMode>absolute</altitudeMode><coordinates>1.0,1.0</coordinates></Point>",
        "POINT (1 1)",
    ),
    (
        "<LineString><tesselate>1</tesselate><coordinates>1.0,1.0 2.0,2.0</coordinates>"
        "</LineString>",
        "LINESTRING (1 1, 2 2)",
    ),
    # testPolygon
    (
        _polygon_kml(_SQUARE, *_HOLES),
        "POLYGON ((1 1, 1 10, 10 10, 10 1, 1 1), (2 2, 2 3, 3 3, 3 2, 2 2), "
        "(6 6, 6 7, 7 7, 7 6, 6 6))",
    ),
    # testMultiGeometry and its cases of one type
    (
        "<MultiGeometry> <Point><coordinates>1.0,1.0</coordinates></Point> <LineString>"
        f"<coordinates>1.0,1.0 2.0,2.0</coordinates></LineString> {_polygon_kml(_SQUARE)}"
        "</MultiGeometry>",
        "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (1 1, 2 2), "
        "POLYGON ((1 1, 1 10, 10 10, 10 1, 1 1)))",
    ),
    (
        "<MultiGeometry><Point><coordinates>1.0,1.0</coordinates></Point>"
        "<Point><coordinates>2.0,2.0</coordinates></Point></MultiGeometry>",
        "MULTIPOINT ((1 1), (2 2))",
    ),
    (
        "<MultiGeometry><LineString><coordinates>1.0,1.0 2.0,2.0</coordinates></LineString>"
        "<LineString><coordinates>5.0,5.0 6.0,6.0</coordinates></LineString></MultiGeometry>",
        "MULTILINESTRING ((1 1, 2 2), (5 5, 6 6))",
    ),
    (
        f"<MultiGeometry>{_polygon_kml(_HOLES[0])}{_polygon_kml(_HOLES[1])}</MultiGeometry>",
        "MULTIPOLYGON (((2 2, 2 3, 3 3, 3 2, 2 2)), ((6 6, 6 7, 7 7, 7 6, 6 6)))",
    ),
    # testCoordinatesWithWhitespace
    (
        "<LineString>   <coordinates> 1.0,2.0   -1.0,-2.0 </coordinates></LineString>",
        "LINESTRING (1 2, -1 -2)",
    ),
    # KMLReader's reading, beyond its test: local names (a namespace ignored), a multi-geometry
    # of one geometry is that geometry, a point is its first coordinate, Java's numbers
    (
        '<k:Point xmlns:k="http://www.opengis.net/kml/2.2"><k:coordinates>3,4</k:coordinates>'
        "</k:Point>",
        "POINT (3 4)",
    ),
    ("<MultiGeometry><Point><coordinates>5,6</coordinates></Point></MultiGeometry>", "POINT (5 6)"),
    ("<Point><coordinates>1,2 3,4</coordinates></Point>", "POINT (1 2)"),
    ("<Point><coordinates>1.5e1,-.5d</coordinates><!-- a comment --></Point>", "POINT (15 -0.5)"),
]


@pytest.mark.parametrize(("kml", "wkt"), KML_READS, ids=[c[1] for c in KML_READS])
def test_kml_as_jts_reads_it(engine: QueryEngine, kml: str, wkt: str) -> None:
    got, got_type = run(engine, _kml(kml))
    assert got_type == "varchar" and same_geometry(got, wkt, same_type=True), got


def test_kml_of_null_is_null(engine: QueryEngine) -> None:
    assert run(engine, "ST_GeomFromKML(NULL)") == (None, "Geometry")


# JTS's ParseExceptions (testCoordinatesErrors, testUnknownGeometryType; then a document the
# XML parser fails on, and one with no element): Trino's "Invalid KML: <the text>"
KML_INVALID = [
    "<Point></Point>",
    "<Point><coordinates></coordinates></Point>",
    "<Point><coordinates>1.0</coordinates></Point>",
    "<Point><coordinates>,1.0</coordinates></Point>",
    "<Point><coordinates>1.0,</coordinates></Point>",
    "<Polygon></Polygon>",
    "<Polygon><outerBoundaryIs><LinearRing></LinearRing></outerBoundaryIs></Polygon>",
    "<Polygon><innerBoundaryIs><LinearRing></LinearRing></innerBoundaryIs></Polygon>",
    "<StrangePoint></StrangePoint>",
    "<Point><coordinates>1,2</coordinates></Pointe>",
    "<Point><coordinates>1,2<b/></coordinates></Point>",
    "not KML",
]


@pytest.mark.parametrize("kml", KML_INVALID)
def test_kml_jts_cannot_parse_is_trinos_invalid_kml(engine: QueryEngine, kml: str) -> None:
    with pytest.raises(QueryFailed) as raised:
        run(engine, _kml(kml))
    assert f"Invalid KML: {kml}" in raised.value.message
    assert run(engine, f"try({_kml(kml)})")[0] is None


# What JTS reads into what lakebox does not reproduce, or fails on otherwise than with a
# ParseException (Trino's words unknown)
KML_REFUSED = [
    ("<Point><coordinates>1.0,1.0,50.0</coordinates></Point>", "Z coordinates"),  # testZ
    ("<Point><coordinates>1,NaN</coordinates></Point>", "not finite"),
    ("<Point><coordinates>1,x</coordinates></Point>", "the coordinate 'x'"),
    ("<LineString><coordinates>1,2</coordinates></LineString>", "a line of one point"),
    (_polygon_kml("0,0 1,0 1,1 0,1"), "not closed"),
    ("<Point><coordinates> </coordinates></Point>", "a point of no coordinates"),
    ("<LineString><coordinates> </coordinates></LineString>", "no coordinates"),
    ("<MultiGeometry></MultiGeometry>", "an empty MultiGeometry"),
    (
        "<MultiGeometry><MultiGeometry><Point><coordinates>1,1</coordinates></Point>"
        "</MultiGeometry></MultiGeometry>",
        "a MultiGeometry inside another",
    ),
    (
        '<!DOCTYPE Point [<!ENTITY c "1,2">]><Point><coordinates>&c;</coordinates></Point>',
        "document type declaration",
    ),
]


@pytest.mark.parametrize(("kml", "words"), KML_REFUSED, ids=[c[1] for c in KML_REFUSED])
def test_kml_lakebox_does_not_reproduce_fails_clearly(
    engine: QueryEngine, kml: str, words: str
) -> None:
    with pytest.raises(QueryFailed, match="not supported by lakebox") as raised:
        run(engine, _kml(kml))
    assert words in raised.value.message


# Trino's KDB tree (io.trino.geospatial.KdbTree), as engine_functions/kdb_tree.py builds it:
# TestKdbTree's expectations (lib/trino-geospatial-toolkit, at 01344209), each for envelopes
# that are points and for rectangles 1 by 2
def _leaves(tree: dict[str, Any]) -> dict[int, tuple[float, ...]]:
    found: dict[int, tuple[float, ...]] = {}

    def walk(node: dict[str, Any]) -> None:
        if "leafId" in node:
            found[node["leafId"]] = tuple(node["extent"])
        else:
            walk(node["left"])
            walk(node["right"])

    walk(tree["root"])
    return found


def _grid(w: float, h: float, xs: int = 10, ys: int = 5) -> list[tuple[float, ...]]:
    return [(x, y, x + w, y + h) for x in range(xs) for y in range(ys)]


@pytest.mark.parametrize(("w", "h"), [(0, 0), (1, 2)])
def test_kdb_tree_is_trinos(w: float, h: float) -> None:
    assert _leaves(kdb_tree.build_tree(100, (0, 0, 9, 4), _grid(w, h))) == {0: (0, 0, 9, 4)}
    assert _leaves(kdb_tree.build_tree(25, (0, 0, 9, 4), _grid(w, h))) == {
        0: (0, 0, 4.5, 4), 1: (4.5, 0, 9, 4),
    }  # fmt: skip
    assert _leaves(kdb_tree.build_tree(25, (0, 0, 4, 9), _grid(w, h, 5, 10))) == {
        0: (0, 0, 4, 4.5), 1: (0, 4.5, 4, 9),
    }  # fmt: skip
    assert _leaves(kdb_tree.build_tree(10, (0, 0, 9, 4), _grid(w, h))) == {
        0: (0, 0, 2.5, 2.5), 1: (0, 2.5, 2.5, 4), 2: (2.5, 0, 4.5, 4),
        3: (4.5, 0, 7.5, 2.5), 4: (4.5, 2.5, 7.5, 4), 5: (7.5, 0, 9, 4),
    }  # fmt: skip
    skewed: list[tuple[float, ...]] = []
    x = 5.0
    while x < 6:  # Trino's test adds 0.2 at a time, as here
        skewed += [(x, y, x + w, y + h) for y in (1.0, 1.5)]
        x += 0.2
    assert _leaves(kdb_tree.build_tree(10, (0, 0, 9, 4), _grid(w, h) + skewed)) == {
        0: (0, 0, 1.5, 2.5), 1: (1.5, 0, 3.5, 2.5), 2: (0, 2.5, 3.5, 4),
        3: (3.5, 0, 5.1, 1.75), 4: (3.5, 1.75, 5.1, 4), 5: (5.1, 0, 5.9, 1.75),
        6: (5.9, 0, 9, 1.75), 7: (5.1, 1.75, 7.5, 4), 8: (7.5, 1.75, 9, 4),
    }  # fmt: skip
    sides = [
        r for y in range(5) for _ in range(10) for r in ((0, y, w, y + h), (9, y, 9 + w, y + h))
    ]
    assert _leaves(kdb_tree.build_tree(10, (0, 0, 9 + w, 4 + h), sides)) == {
        0: (0, 0, 4.5, 0.5), 1: (0, 0.5, 4.5, 1.5), 2: (0, 1.5, 4.5, 2.5),
        3: (0, 2.5, 4.5, 3.5), 4: (0, 3.5, 4.5, 4 + h), 5: (4.5, 0, 9 + w, 0.5),
        6: (4.5, 0.5, 9 + w, 1.5), 7: (4.5, 1.5, 9 + w, 2.5), 8: (4.5, 2.5, 9 + w, 3.5),
        9: (4.5, 3.5, 9 + w, 4 + h),
    }  # fmt: skip
    corners = [(0, 0, w, h), (9, 4, 9 + w, 4 + h)] * 50
    assert _leaves(kdb_tree.build_tree(10, (0, 0, 9 + w, 4 + h), corners)) == {
        0: (0, 0, 4.5, 4 + h), 1: (4.5, 0, 9 + w, 4 + h),
    }  # fmt: skip


def test_kdb_tree_json_is_the_one_trinos_test_casts() -> None:
    tree = kdb_tree.build_tree(10, (0, 0, 9, 4), _grid(1, 2))
    assert kdb_tree.to_json(tree) == trino_geo_more_cases.KDB_TREE


def test_spatial_partitioning_is_trinos_tree_of_the_envelopes(engine: QueryEngine) -> None:
    # TestSpatialPartitioningInternalAggregation (at 81b3bc40): Trino's tree of the points'
    # envelopes, the extent padded by Math.nextUp, ceil(rows / partition count) per leaf; the
    # count is Trino's session's (hash_partition_count), lakebox takes its default, 100
    points = (
        [(-10 + i, -10 + j) for i in range(10) for j in range(10)]
        + [(-10 + 2 * i, 2 * j) for i in range(5) for j in range(5)]
        + [(2.5 * i, -10 + 2.5 * j) for i in range(4) for j in range(4)]
        + [(5 * i, 5 * j) for i in range(3) for j in range(3)]
    )
    values = ", ".join(f"({x}, {y})" for x, y in points)
    sql = f"SELECT spatial_partitioning(ST_Point(x, y)) FROM (VALUES {values}) t(x, y)"
    extent = (-10.0, -10.0, math.nextafter(10.0, 11), math.nextafter(10.0, 11))
    envelopes = [(float(x), float(y), float(x), float(y)) for x, y in points]
    expected = kdb_tree.to_json(kdb_tree.build_tree(math.ceil(150 / 100), extent, envelopes))
    assert run(engine, sql) == (expected, "varchar")
    # empty geometries and NULLs are left out; none at all is NULL
    sql = (
        "SELECT spatial_partitioning(g) FROM (VALUES (ST_GeometryFromText('POINT EMPTY')), "
        "(NULL)) t(g)"
    )
    assert run(engine, sql) == (None, "varchar")


KDB_TREE_ERRORS = [
    # GeoFunctions.spatialPartitions (Esri era, 04d803cf): the distance's checks
    ("spatial_partitions(cast(:t as KdbTree), ST_Point(1, 1), nan())", "distance is NaN"),
    ("spatial_partitions(cast(:t as KdbTree), ST_Point(1, 1), infinity())", "distance is infinite"),
    ("spatial_partitions(cast(:t as KdbTree), ST_Point(1, 1), -1)", "distance is negative"),
    # Trino's reader of the tree (Jackson): a leaf with a child, bounds out of order
    (
        'spatial_partitions(cast(\'{"root":{"extent":{"xmin":0,"ymin":0,"xmax":1,'
        '"ymax":1},"leafId":0,"left":{}}}\' as KdbTree), ST_Point(1, 1))',
        "Invalid JSON string for KDB tree",
    ),
    (
        'spatial_partitions(cast(\'{"root":{"extent":{"xmin":2,"ymin":0,"xmax":1,'
        '"ymax":1},"leafId":0}}\' as KdbTree), ST_Point(1, 1))',
        "Invalid JSON string for KDB tree",
    ),
]


@pytest.mark.parametrize(("sql", "words"), KDB_TREE_ERRORS, ids=[c[1] for c in KDB_TREE_ERRORS])
def test_kdb_tree_errors(engine: QueryEngine, sql: str, words: str) -> None:
    sql = sql.replace(":t", "'" + trino_geo_more_cases.KDB_TREE + "'")
    with pytest.raises(QueryFailed, match=words):
        run(engine, sql)
    assert run(engine, f"try({sql})")[0] is None


def test_kdb_trees_as_results_and_casts_of_them_are_refused(engine: QueryEngine) -> None:
    tree = "cast('" + trino_geo_more_cases.KDB_TREE + "' as KdbTree)"
    with pytest.raises(QueryFailed, match="holds KDB trees"):
        run(engine, tree)
    with pytest.raises(UnsupportedFunction, match="not supported by lakebox"):
        run(engine, f"CAST({tree} AS VARCHAR)")
    with pytest.raises(QueryFailed, match="not supported by lakebox"):
        run(engine, "spatial_partitions(cast(1 as KdbTree), ST_Point(1, 1))")
    # TRY_CAST of a tree Trino cannot read is NULL; a column named kdbtree is a column
    assert run(engine, "spatial_partitions(try_cast('' as KdbTree), ST_Point(1, 1))")[0] is None
    assert run(engine, "SELECT kdbtree FROM (SELECT 1 AS kdbtree)") == (1, "integer")


# ST_MakeLine where Trino's documentation leaves its answer open: refused in lakebox's words,
# and refused before it runs inside try() (which would turn those refusals into NULLs)
@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("ST_MakeLine(ARRAY[ST_Point(1, 2)])", "fewer than two coordinates"),
        ("ST_MakeLine(ARRAY[ST_Point(1, 2), ST_Point(1, 2)])", "fewer than two coordinates"),
        ("ST_MakeLine(CAST(ARRAY[] AS array(Geometry)))", "fewer than two coordinates"),
        ("ST_MakeLine(ARRAY[ST_Point(1, 2), NULL])", "NULL element"),
        (
            "ST_MakeLine(ARRAY[ST_Point(1, 2), ST_GeometryFromText('POLYGON ((0 0, 1 0, 1 1, 0 0))')])",
            "of a Polygon",
        ),
        (
            "ST_MakeLine(ARRAY[ST_Point(1, 2), ST_GeometryFromText('POINT Z (1 2 3)')])",
            "Z coordinates",
        ),
    ],
)
def test_make_line_where_trinos_answer_is_open_fails_clearly(
    engine: QueryEngine, sql: str, words: str
) -> None:
    with pytest.raises(QueryFailed, match="not supported by lakebox") as raised:
        run(engine, f"ST_AsText({sql})")
    assert words in raised.value.message
    with pytest.raises(UnsupportedFunction, match="ST_MakeLine inside try"):
        run(engine, f"try(ST_AsText({sql}))")
