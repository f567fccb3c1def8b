"""More of Trino's own answers for its geospatial functions (trinodb/trino,
plugin/trino-geospatial/src/test: TestGeoFunctions at 3084131a, the Esri-era version Athena
engine v3 runs: testSTRelate, testGeometryNearestPoints, testSTGeometryFromBinary,
testGeometryFromHadoopShape, testSpatialPartitions; TestKdbTreeCasts at f8ca5afc; and the
testSTGeomFromKML of a JTS-era TestGeoFunctions, code-index id 32271579504, whose commit the
index does not name: ST_GeomFromKML exists only in the JTS era; ST_MakeLine as Trino's
documentation describes it, no test of Trino's being in the index), as trino_geo_cases.py writes
them: (SQL, Trino's answer, Trino's type[, "same points"]) and ERRORS (SQL, Trino's message).
Data, not code: test_trino_geo.py runs each.

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


def _shape(hex_shape: str, wkt: str | None) -> tuple[Any, ...]:
    return (f"ST_AsText(geometry_from_hadoop_shape(from_hex('{hex_shape}')))", wkt, "varchar")


# testGeometryFromHadoopShape: (hex, WKT)
_SHAPES = [
    # empty geometries
    ("000000000101000000FFFFFFFFFFFFEFFFFFFFFFFFFFFFEFFF", "POINT EMPTY"),
    (
        "000000000203000000000000000000F87F000000000000F87F000000000000F87F000000000000F87F00"
        "00000000000000",
        "LINESTRING EMPTY",
    ),
    (
        "000000000305000000000000000000F87F000000000000F87F000000000000F87F000000000000F87F00"
        "00000000000000",
        "POLYGON EMPTY",
    ),
    (
        "000000000408000000000000000000F87F000000000000F87F000000000000F87F000000000000F87F00"
        "000000",
        "MULTIPOINT EMPTY",
    ),
    (
        "000000000503000000000000000000F87F000000000000F87F000000000000F87F000000000000F87F00"
        "00000000000000",
        "MULTILINESTRING EMPTY",
    ),
    (
        "000000000605000000000000000000F87F000000000000F87F000000000000F87F000000000000F87F00"
        "00000000000000",
        "MULTIPOLYGON EMPTY",
    ),
    # valid nonempty geometries
    ("000000000101000000000000000000F03F0000000000000040", "POINT (1 2)"),
    (
        "000000000203000000000000000000000000000000000000000000000000000840000000000000104001"
        "000000030000000000000000000000000000000000000000000000000000000000F03F00000000000000"
        "4000000000000008400000000000001040",
        "LINESTRING (0 0, 1 2, 3 4)",
    ),
    (
        "00000000030500000000000000000000000000000000000000000000000000F03F000000000000F03F01"
        "0000000500000000000000000000000000000000000000000000000000000000000000000000000000F0"
        "3F000000000000F03F000000000000F03F000000000000F03F0000000000000000000000000000000000"
        "00000000000000",
        "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))",
    ),
    (
        "000000000408000000000000000000F03F00000000000000400000000000000840000000000000104002"
        "000000000000000000F03F000000000000004000000000000008400000000000001040",
        "MULTIPOINT ((1 2), (3 4))",
    ),
    (
        "000000000503000000000000000000F03F000000000000F03F0000000000001440000000000000104002"
        "000000040000000000000002000000000000000000F03F000000000000F03F0000000000001440000000"
        "000000F03F0000000000000040000000000000104000000000000010400000000000001040",
        "MULTILINESTRING ((1 1, 5 1), (2 4, 4 4))",
    ),
    (
        "000000000605000000000000000000F03F000000000000F03F0000000000001840000000000000184002"
        "0000000A0000000000000005000000000000000000F03F000000000000F03F000000000000F03F000000"
        "0000000840000000000000084000000000000008400000000000000840000000000000F03F0000000000"
        "00F03F000000000000F03F00000000000000400000000000001040000000000000004000000000000018"
        "400000000000001840000000000000184000000000000018400000000000001040000000000000004000"
        "00000000001040",
        "MULTIPOLYGON (((1 1, 3 1, 3 3, 1 3, 1 1)), ((2 4, 6 4, 6 6, 2 6, 2 4)))",
    ),
]


def _leaf(xmin: float, ymin: float, xmax: float, ymax: float, leaf: int) -> str:
    return f'{{"extent":{_extent(xmin, ymin, xmax, ymax)},"leafId":{leaf}}}'


def _extent(xmin: float, ymin: float, xmax: float, ymax: float) -> str:
    return f'{{"xmin":{xmin},"ymin":{ymin},"xmax":{xmax},"ymax":{ymax}}}'


def _inner(xmin: float, ymin: float, xmax: float, ymax: float, left: str, right: str) -> str:
    return f'{{"extent":{_extent(xmin, ymin, xmax, ymax)},"left":{left},"right":{right}}}'


# testSpatialPartitions' tree: buildKdbTree(10, (0 0, 9 4), the rectangles (x y, x+1 y+2)),
# whose leaves TestKdbTree.testEvenDistribution gives, as Trino's JSON codec writes it
KDB_TREE = (
    '{"root":'
    + _inner(
        0.0, 0.0, 9.0, 4.0,
        _inner(
            0.0, 0.0, 4.5, 4.0,
            _inner(0.0, 0.0, 2.5, 4.0, _leaf(0.0, 0.0, 2.5, 2.5, 0), _leaf(0.0, 2.5, 2.5, 4.0, 1)),
            _leaf(2.5, 0.0, 4.5, 4.0, 2),
        ),
        _inner(
            4.5, 0.0, 9.0, 4.0,
            _inner(4.5, 0.0, 7.5, 4.0, _leaf(4.5, 0.0, 7.5, 2.5, 3), _leaf(4.5, 2.5, 7.5, 4.0, 4)),
            _leaf(7.5, 0.0, 9.0, 4.0, 5),
        ),
    )
    + "}"
)  # fmt: skip


def _partitions(wkt: str, expected: list[int] | None, distance: float | None = None) -> Any:
    d = "" if distance is None else f", {distance}"
    return (
        f"spatial_partitions(cast('{KDB_TREE}' as KdbTree), ST_GeometryFromText('{wkt}'){d})",
        expected,
        "array(integer)",
    )


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
    # testGeometryFromHadoopShape
    ("geometry_from_hadoop_shape(null)", None, "Geometry"),
    *(_shape(hex_shape, wkt) for hex_shape, wkt in _SHAPES),
    # testSpatialPartitions
    _partitions("POINT EMPTY", None),
    # points inside partitions
    _partitions("POINT (0 0)", [0]),
    _partitions("POINT (3 1)", [2]),
    # point on the border between two partitions
    _partitions("POINT (1 2.5)", [1]),
    # point at the corner of three partitions
    _partitions("POINT (4.5 2.5)", [4]),
    # points outside
    _partitions("POINT (2 6)", []),
    _partitions("POINT (3 -1)", []),
    _partitions("POINT (10 3)", []),
    # geometry within a partition
    _partitions("MULTIPOINT (5 0.1, 6 2)", [3]),
    # geometries spanning multiple partitions
    _partitions("MULTIPOINT (5 0.1, 5.5 3, 6 2)", [3, 4]),
    _partitions("MULTIPOINT (3 2, 8 3)", [2, 3, 4, 5]),
    # geometry outside
    _partitions("MULTIPOINT (2 6, 3 7)", []),
    # with distance
    _partitions("POINT EMPTY", None, 1.2),
    _partitions("POINT (1 1)", [0], 1.2),
    _partitions("POINT (1 1)", [0, 1, 2], 2.3),
    _partitions("MULTIPOINT (5 0.1, 6 2)", [3], 0.2),
    _partitions("MULTIPOINT (5 0.1, 6 2)", [2, 3, 4], 1.2),
    _partitions("MULTIPOINT (2 6, 3 7)", [], 1.2),
    # NULL in, NULL out
    ("spatial_partitions(cast(NULL as KdbTree), ST_Point(1, 1))", None, "array(integer)"),
    # spatial_partitioning of one point (SpatialPartitioningInternalAggregateFunction, Esri
    # era: the extent padded by Math.nextUp, at most ceil(1 / 100) envelopes per leaf)
    (
        "spatial_partitioning(ST_Point(1, 2))",
        '{"root":{"extent":{"xmin":1.0,"ymin":2.0,"xmax":1.0000000000000002,'
        '"ymax":2.0000000000000004},"leafId":0}}',
        "varchar",
    ),
    # TestKdbTreeCasts
    *(
        (f"typeof(cast('{KDB_TREE}' AS {name}))", "KdbTree", "varchar")
        for name in ("KdbTree", "KDBTree", "kdbTree", "kdbtree")
    ),
    # testSTGeomFromKML (JTS era: the TestGeoFunctions of index id 32271579504)
    (
        "ST_GeomFromKML('<Point><coordinates>-2,2</coordinates></Point>')",
        "POINT (-2 2)",
        "Geometry",
    ),
    # ST_MakeLine (JTS era; no Trino test in the index): what Trino's documentation
    # (geospatial.md at 09f227c1) says it answers
    (
        "ST_AsText(ST_MakeLine(ARRAY[ST_Point(1, 2), ST_Point(3, 4)]))",
        "LINESTRING (1 2, 3 4)",
        "varchar",
    ),
    (
        "ST_AsText(ST_MakeLine(ARRAY[ST_GeometryFromText('LINESTRING (0 0, 1 1)'), "
        "ST_GeometryFromText('LINESTRING (1 1, 2 2)'), ST_GeometryFromText('POINT EMPTY'), "
        "ST_Point(5, 5)]))",
        "LINESTRING (0 0, 1 1, 2 2, 5 5)",
        "varchar",
    ),
    # a repeated vertex inside one input is kept; one where two inputs meet, once
    (
        "ST_AsText(ST_MakeLine(ARRAY[ST_GeometryFromText('LINESTRING (0 0, 0 0, 1 1)'), "
        "ST_Point(1, 1), ST_Point(1, 1), ST_Point(2, 0)]))",
        "LINESTRING (0 0, 0 0, 1 1, 2 0)",
        "varchar",
    ),
    ("ST_MakeLine(ARRAY[ST_Point(1, 2), ST_Point(3, 4)])", "LINESTRING (1 2, 3 4)", "Geometry"),
    ("ST_MakeLine(CAST(NULL AS array(Geometry)))", None, "Geometry"),
]

ERRORS: list[tuple[str, str]] = [
    # TestKdbTreeCasts
    ("typeof(cast('' AS KdbTree))", "Invalid JSON string for KDB tree"),
    # testGeometryFromHadoopShape
    ("geometry_from_hadoop_shape(from_hex('1234'))", "Hadoop shape input is too short"),
    (
        "geometry_from_hadoop_shape(from_hex('000000000701000000FFFFFFFFFFFFEFFFFFFFFFFFFFFFEFFF'))",
        "Invalid Hadoop shape type: 7",
    ),
    (
        "geometry_from_hadoop_shape(from_hex('00000000FF01000000FFFFFFFFFFFFEFFFFFFFFFFFFFFFEFFF'))",
        "Invalid Hadoop shape type: -1",
    ),
    # an Esri shape cut short
    (
        "geometry_from_hadoop_shape(from_hex('000000000101000000FFFFFFFFFFFFEFFFFFFFFFFFFFFFEF'))",
        "Invalid Hadoop shape",
    ),
    # a shape type of another dimension than the type byte's
    (
        "geometry_from_hadoop_shape(from_hex('000000000501000000000000000000F03F0000000000000040'))",
        "Invalid Hadoop shape",
    ),
    # testSTGeomFromKML (JTS era: the TestGeoFunctions of index id 32271579504)
    ("ST_GeomFromKML('<Point>')", "Invalid KML: <Point>"),
]
