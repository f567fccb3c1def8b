"""More of Trino's own answers for its geospatial functions (trinodb/trino,
plugin/trino-geospatial/src/test: TestGeoFunctions at 3084131a, the Esri-era version Athena
engine v3 runs: testSTRelate, testGeometryNearestPoints, testSTGeometryFromBinary), as
trino_geo_cases.py writes them: (SQL, Trino's answer, Trino's type[, "same points"]). Data,
not code: test_trino_geo.py runs each.

Trino's row(Geometry, Geometry) of geometry_nearest_points is written as lakebox writes a row
of unnamed fields (``_0``, ``_1``, as for ``ROW(1, 2)``). ST_AsBinary is checked as Trino's
test checks it, read back by ST_GeomFromBinary; its bytes, as Esri's exporter writes them, by
test_trino_geo.py. Left out: geometry_invalid_reason (refused: Esri's reasons), the cases of
ST_Relate of an empty geometry (none in Trino's test; lakebox refuses them).
"""

from typing import Any


def _nearest(a: str, b: str, first: str, second: str) -> tuple[Any, ...]:
    return (
        f"geometry_nearest_points(ST_GeometryFromText('{a}'), ST_GeometryFromText('{b}'))",
        {"_0": first, "_1": second},
        "row(_0 Geometry, _1 Geometry)",
    )


def _no_nearest(a: str, b: str) -> tuple[Any, ...]:
    return (
        f"geometry_nearest_points(ST_GeometryFromText('{a}'), ST_GeometryFromText('{b}'))",
        None,
        "row(_0 Geometry, _1 Geometry)",
    )


def _round_trip(wkt: str) -> tuple[Any, ...]:
    return (
        f"ST_AsText(ST_GeomFromBinary(ST_AsBinary(ST_GeometryFromText('{wkt}'))))",
        wkt,
        "varchar",
    )


_BINARY = [
    "POINT EMPTY",
    "MULTIPOINT EMPTY",
    "LINESTRING EMPTY",
    "MULTILINESTRING EMPTY",
    "POLYGON EMPTY",
    "MULTIPOLYGON EMPTY",
    "GEOMETRYCOLLECTION EMPTY",
    "POINT (1 2)",
    "MULTIPOINT ((1 2), (3 4))",
    "LINESTRING (0 0, 1 2, 3 4)",
    "MULTILINESTRING ((1 1, 5 1), (2 4, 4 4))",
    "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))",
    "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))",
    "MULTIPOLYGON (((1 1, 3 1, 3 3, 1 3, 1 1)), ((2 4, 6 4, 6 6, 2 6, 2 4)))",
    "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 2, 3 4), POLYGON ((0 0, 1 0, 1 1, 0 1, "
    "0 0)))",
    # invalid geometries
    "MULTIPOINT ((0 0), (0 1), (1 1), (0 1))",
    "LINESTRING (0 0, 0 1, 0 1, 1 1, 1 0, 0 0)",
]

CASES: list[tuple[Any, ...]] = [
    # testSTRelate
    (
        "ST_Relate(ST_GeometryFromText('LINESTRING (0 0, 3 3)'), "
        "ST_GeometryFromText('LINESTRING (1 1, 4 1)'), '****T****')",
        False,
        "boolean",
    ),
    (
        "ST_Relate(ST_GeometryFromText('POLYGON ((2 0, 2 1, 3 1))'), "
        "ST_GeometryFromText('POLYGON ((1 1, 1 4, 4 4, 4 1))'), '****T****')",
        True,
        "boolean",
    ),
    (
        "ST_Relate(ST_GeometryFromText('POLYGON ((2 0, 2 1, 3 1))'), "
        "ST_GeometryFromText('POLYGON ((1 1, 1 4, 4 4, 4 1))'), 'T********')",
        False,
        "boolean",
    ),
    # NULL in, NULL out (Trino's functions are called on no NULL)
    ("ST_Relate(ST_GeometryFromText(NULL), ST_Point(1, 2), 'T********')", None, "boolean"),
    ("ST_Relate(ST_Point(1, 2), ST_Point(1, 2), CAST(NULL AS VARCHAR))", None, "boolean"),
    # testGeometryNearestPoints
    _nearest("POINT (50 100)", "POINT (150 150)", "POINT (50 100)", "POINT (150 150)"),
    _nearest("MULTIPOINT (50 100, 50 200)", "POINT (50 100)", "POINT (50 100)", "POINT (50 100)"),
    _nearest(
        "LINESTRING (50 100, 50 200)",
        "LINESTRING (10 10, 20 20)",
        "POINT (50 100)",
        "POINT (20 20)",
    ),
    _nearest(
        "MULTILINESTRING ((1 1, 5 1), (2 4, 4 4))",
        "LINESTRING (10 20, 20 50)",
        "POINT (4 4)",
        "POINT (10 20)",
    ),
    _nearest(
        "POLYGON ((1 1, 1 3, 3 3, 3 1, 1 1))",
        "POLYGON ((4 4, 4 5, 5 5, 5 4, 4 4))",
        "POINT (3 3)",
        "POINT (4 4)",
    ),
    _nearest(
        "MULTIPOLYGON (((1 1, 1 3, 3 3, 3 1, 1 1)), ((0 0, 0 2, 2 2, 2 0, 0 0)))",
        "POLYGON ((10 100, 30 10, 30 100, 10 100))",
        "POINT (3 3)",
        "POINT (30 10)",
    ),
    _nearest(
        "GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 20, 20 0))",
        "POLYGON ((5 5, 5 6, 6 6, 6 5, 5 5))",
        "POINT (10 10)",
        "POINT (6 6)",
    ),
    _no_nearest("POINT EMPTY", "POINT (150 150)"),
    _no_nearest("POINT (50 100)", "POINT EMPTY"),
    _no_nearest("POINT EMPTY", "POINT EMPTY"),
    _no_nearest("MULTIPOINT EMPTY", "POINT (50 100)"),
    _no_nearest("LINESTRING (50 100, 50 200)", "LINESTRING EMPTY"),
    _no_nearest("MULTILINESTRING EMPTY", "LINESTRING (10 20, 20 50)"),
    _no_nearest("POLYGON ((1 1, 1 3, 3 3, 3 1, 1 1))", "POLYGON EMPTY"),
    _no_nearest("MULTIPOLYGON EMPTY", "POLYGON ((10 100, 30 10, 30 100, 10 100))"),
    ("geometry_nearest_points(NULL, ST_Point(1, 2))", None, "row(_0 Geometry, _1 Geometry)"),
    # testSTGeometryFromBinary
    *(_round_trip(wkt) for wkt in _BINARY),
    (
        "transform(array[ST_AsBinary(ST_Point(1, 2)), ST_AsBinary(ST_Point(3, 4))], "
        "wkb -> ST_AsText(ST_GeomFromBinary(wkb)))",
        ["POINT (1 2)", "POINT (3 4)"],
        "array(varchar)",
    ),
    ("ST_AsBinary(ST_GeometryFromText(NULL))", None, "varbinary"),
]
