"""Trino's own answers for its SphericalGeography functions (lakebox/query/trino_spherical.py), as
its tests of the Esri-geometry era assert them: TestSphericalGeoFunctions (to_spherical_geography
and to_geometry, the type's text, ST_Distance, ST_Area) and TestGeoFunctions at 3084131a
(testSTLengthSphericalGeography as the later TestGeoFunctions has it, testGeometryJsonConversion),
written as SQL expressions, in the shapes of trino_geo_cases.py; test_trino_geo.py runs them.
Where Trino's tests compare within a tolerance, the case is their comparison. Two GeoJSON texts
are JTS's GeoJsonWriter's, as the tests of projects writing with it show them (an EPSG:0 crs,
``[1,2]``, and ``[0.0,0.0]`` for a zero); the other cases are lakebox's edges (NULL, a type
Trino does not overload) with Trino's errors.

Left out: the 50 US states' areas of TestSphericalGeoFunctions (its resource files are not in
the index lakebox is checked against) and ST_Centroid of a SphericalGeography (Presto's, not
Trino's: Trino resolves no such function).
"""

from typing import Any


def _sphere(wkt: str) -> str:
    return f"to_spherical_geography(ST_GeometryFromText('{wkt}'))"


# TestSphericalGeoFunctions.testGetObjectValue and testToAndFromSphericalGeography
_WKTS = [
    "POINT EMPTY",
    "MULTIPOINT EMPTY",
    "LINESTRING EMPTY",
    "MULTILINESTRING EMPTY",
    "POLYGON EMPTY",
    "MULTIPOLYGON EMPTY",
    "GEOMETRYCOLLECTION EMPTY",
    "POINT (-40.2 28.9)",
    "MULTIPOINT ((-40.2 28.9), (-40.2 31.9))",
    "LINESTRING (-40.2 28.9, -40.2 31.9, -37.2 31.9)",
    "MULTILINESTRING ((-40.2 28.9, -40.2 31.9), (-40.2 31.9, -37.2 31.9))",
    "POLYGON ((-40.2 28.9, -37.2 28.9, -37.2 31.9, -40.2 31.9, -40.2 28.9))",
    "POLYGON ((-40.2 28.9, -37.2 28.9, -37.2 31.9, -40.2 31.9, -40.2 28.9), "
    "(-39.2 29.9, -39.2 30.9, -38.2 30.9, -38.2 29.9, -39.2 29.9))",
    "MULTIPOLYGON (((-40.2 28.9, -37.2 28.9, -37.2 31.9, -40.2 31.9, -40.2 28.9)), "
    "((-39.2 29.9, -38.2 29.9, -38.2 30.9, -39.2 30.9, -39.2 29.9)))",
    "GEOMETRYCOLLECTION (POINT (-40.2 28.9), LINESTRING (-40.2 28.9, -40.2 31.9, -37.2 31.9), "
    "POLYGON ((-40.2 28.9, -37.2 28.9, -37.2 31.9, -40.2 31.9, -40.2 28.9)))",
]

# TestGeoFunctions.testGeometryJsonConversion: to GeoJSON and back
_JSON_WKTS = [
    "POINT EMPTY",
    "LINESTRING EMPTY",
    "POLYGON EMPTY",
    "MULTIPOINT EMPTY",
    "MULTILINESTRING EMPTY",
    "MULTIPOLYGON EMPTY",
    "GEOMETRYCOLLECTION EMPTY",
    "POINT (1 2)",
    "MULTIPOINT ((1 2), (3 4))",
    "LINESTRING (0 0, 1 2, 3 4)",
    "MULTILINESTRING ((1 1, 5 1), (2 4, 4 4))",
    "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))",
    "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))",
    "MULTIPOLYGON (((1 1, 3 1, 3 3, 1 3, 1 1)), ((2 4, 6 4, 6 6, 2 6, 2 4)))",
    "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 2, 3 4), "
    "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0)))",
    # invalid geometries come back as they are
    "MULTIPOINT ((0 0), (0 1), (1 1), (0 1))",
    "LINESTRING (0 0, 0 1, 0 1, 1 1, 1 0, 0 0)",
    "LINESTRING (0 0, 1 1, 1 0, 0 1)",
]

_ANGLE_OF_ONE_KM = "0.008993201943349"
_LENGTH = 4350866.6362
_LINE = "-71.05 42.36, -87.62 41.87, -122.41 37.77"

# (SQL, Trino's answer, Trino's type[, "same points"])
CASES: list[tuple[Any, ...]] = [
    # a SphericalGeography result shows its WKT (SphericalGeographyType.getObjectValue)
    *[(_sphere(w), w, "SphericalGeography") for w in _WKTS],
    *[(f"ST_AsText(to_geometry({_sphere(w)}))", w, "varchar") for w in _WKTS],
    (f"to_geometry({_sphere('POINT (-40.2 28.9)')})", "POINT (-40.2 28.9)", "Geometry"),
    (f"ARRAY[{_sphere('POINT (1 2)')}]", ["POINT (1 2)"], "array(SphericalGeography)"),
    ("to_spherical_geography(NULL)", None, "SphericalGeography"),
    ("to_spherical_geography(ST_GeometryFromText('POINT (180 -90)'))", "POINT (180 -90)",
     "SphericalGeography"),
    # testDistance
    (f"ST_Distance({_sphere('POINT (-86.67 36.12)')}, {_sphere('POINT (-118.40 33.94)')})",
     2886448.9734367016, "double"),
    (f"ST_Distance({_sphere('POINT (-118.40 33.94)')}, {_sphere('POINT (-86.67 36.12)')})",
     2886448.9734367016, "double"),
    (f"ST_Distance({_sphere('POINT (-71.0589 42.3601)')}, {_sphere('POINT (-71.2290 42.4430)')})",
     16734.69743457383, "double"),
    (f"ST_Distance({_sphere('POINT (-86.67 36.12)')}, {_sphere('POINT (-86.67 36.12)')})", 0.0,
     "double"),
    (f"ST_Distance({_sphere('POINT EMPTY')}, {_sphere('POINT (40 30)')})", None, "double"),
    (f"ST_Distance({_sphere('POINT (20 10)')}, {_sphere('POINT EMPTY')})", None, "double"),
    (f"ST_Distance({_sphere('POINT EMPTY')}, {_sphere('POINT EMPTY')})", None, "double"),
    (f"ST_Distance({_sphere('POINT (20 10)')}, NULL)", None, "double"),
    # a Geometry keeps the planar distance
    ("ST_Distance(ST_Point(0, 0), ST_Point(3, 4))", 5.0, "double"),
    # testArea (its tolerance: 0.001 %)
    (f"ST_Area({_sphere('POLYGON EMPTY')})", None, "double"),
    *[
        (f"abs(ST_Area({_sphere(w)}) / {area} - 1) < 0.00001", True, "boolean")
        for w, area in [
            ("POLYGON((-135 85, -45 85, 45 85, 135 85, -135 85))", "619.00E9"),  # the pole
            ("POLYGON((0 0, 0 1, 1 1, 1 0))", "123.64E8"),
            (
                "POLYGON((-122.150124 37.486095, -122.149201 37.486606,  -122.145725 37.486580, "
                "-122.145923 37.483961 , -122.149324 37.482480 ,  -122.150837 37.483238,  "
                "-122.150901 37.485392))",
                "163290.93943446054",
            ),
            (
                f"POLYGON((0 0, {_ANGLE_OF_ONE_KM} 0, {_ANGLE_OF_ONE_KM} {_ANGLE_OF_ONE_KM}, "
                f"0 {_ANGLE_OF_ONE_KM}))",
                "1E6",
            ),
            ("POLYGON((90 0, 0 0, 0 90))", "637.58E11"),  # an eighth of the sphere
            ("POLYGON((90 0, 0 0, 0 90), (89 1, 1 1, 1 89))", "348.04E10"),  # a large hole
            # the same in the earlier test's closed rings
            ("POLYGON((0 0, 0 1, 1 1, 1 0, 0 0))", "123.64E8"),
            ("POLYGON((90 0, 0 0, 0 90, 90 0), (89 1, 1 1, 1 89, 89 1))", "348.04E10"),
        ]
    ],
    (
        "ST_Area(" + _sphere(
            "POLYGON((-122.150124 37.486095, -122.149201 37.486606,  -122.145725 37.486580, "
            "-122.145923 37.483961, -122.149324 37.482480,  -122.150837 37.483238,  "
            "-122.150901 37.485392, -122.150124 37.486095))"
        ) + ")",
        163290.93943446054,
        "double",
    ),
    # a Geometry keeps the planar area
    ("ST_Area(ST_GeometryFromText('POLYGON ((2 2, 2 6, 6 6, 6 2))'))", 16.0, "double"),
    ("ST_Area(NULL)", None, "double"),
    # testSTLengthSphericalGeography (its tolerance: 0.01 %)
    (f"ST_Length({_sphere('LINESTRING EMPTY')})", None, "double"),
    (f"ST_Length({_sphere('LINESTRING (0 0, 0 0)')})", 0.0, "double"),
    (f"ST_Length({_sphere('LINESTRING (0 0, 0 0, 0 0)')})", 0.0, "double"),
    (f"ST_Length({_sphere('MULTILINESTRING EMPTY')})", None, "double"),
    *[
        (f"ROUND(ABS((ST_Length({_sphere(w)}) / {length}) - 1.0) / 0.0001, 0)", 0.0, "double")
        for w, length in [
            (f"LINESTRING ({_LINE})", _LENGTH),
            ("LINESTRING (-122.41 37.77, -87.62 41.87, -71.05 42.36)", _LENGTH),
            ("LINESTRING (0.0 90.0, 0.0 -90.0, 0.0 90.0)", 4.003e7),  # pole to pole and back
            (f"MULTILINESTRING (({_LINE}))", _LENGTH),
            (
                f"MULTILINESTRING (({_LINE}), (-73.05 42.36, -89.62 41.87, -124.41 37.77))",
                2 * _LENGTH,
            ),
            ("MULTILINESTRING ((-71.05 42.36, -87.62 41.87), (-87.62 41.87, -122.41 37.77))",
             _LENGTH),
        ]
    ],
    ("ST_Length(ST_GeometryFromText('LINESTRING (0 0, 2 2)'))", 2.8284271247461903, "double"),
    # testGeometryJsonConversion
    *[
        (f"ST_AsText(to_geometry(from_geojson_geometry(to_geojson_geometry({_sphere(w)}))))", w,
         "varchar")
        for w in _JSON_WKTS
    ],
    *[
        (f"ST_AsText(to_geometry(from_geojson_geometry('{json}')))", w, "varchar")
        for json, w in [
            ('{"type":"Point", "coordinates":[0,0], "mykey":"myvalue"}', "POINT (0 0)"),
            ('{"type":"Point", "coordinates":[]}', "POINT EMPTY"),
            ('{"type":"LineString", "coordinates":[]}', "LINESTRING EMPTY"),
            ('{"type":"Polygon", "coordinates":[]}', "POLYGON EMPTY"),
            ('{"type":"MultiPoint", "coordinates":[]}', "MULTIPOINT EMPTY"),
            ('{"type":"MultiPolygon", "coordinates":[]}', "MULTIPOLYGON EMPTY"),
            (
                '{"type":"MultiLineString", "coordinates":[[[0.0,0.0],[1,10]],[[10,10],[20,30]],'
                "[[123,123],[456,789]]]}",
                "MULTILINESTRING ((0 0, 1 10), (10 10, 20 30), (123 123, 456 789))",
            ),
        ]
    ],
    ("from_geojson_geometry('{\"type\":\"Point\", \"coordinates\":[1,2]}')", "POINT (1 2)",
     "SphericalGeography"),
    ("from_geojson_geometry(NULL)", None, "SphericalGeography"),
    ("to_geojson_geometry(NULL)", None, "varchar"),
    # JTS's GeoJsonWriter
    (
        f"to_geojson_geometry({_sphere('POINT (1 2)')})",
        '{"type":"Point","coordinates":[1,2],"crs":{"type":"name","properties":{"name":"EPSG:0"}}}',
        "varchar",
    ),
    (
        f"to_geojson_geometry({_sphere('POINT (0 0)')})",
        '{"type":"Point","coordinates":[0.0,0.0],"crs":{"type":"name","properties":'
        '{"name":"EPSG:0"}}}',
        "varchar",
    ),
]  # fmt: skip

ERRORS: list[tuple[str, str]] = [
    # testToAndFromSphericalGeography
    *[
        (_sphere(w), f"{which} must be between {limit}")
        for w, which, limit in [
            ("POINT (-340.2 28.9)", "Longitude", "-180 and 180"),
            ("MULTIPOINT ((-40.2 128.9), (-40.2 31.9))", "Latitude", "-90 and 90"),
            ("LINESTRING (-40.2 28.9, -40.2 31.9, 237.2 31.9)", "Longitude", "-180 and 180"),
            ("MULTILINESTRING ((-40.2 28.9, -40.2 31.9), (-40.2 131.9, -37.2 31.9))", "Latitude",
             "-90 and 90"),
            ("POLYGON ((-40.2 28.9, -40.2 31.9, 237.2 31.9, -37.2 28.9, -40.2 28.9))",
             "Longitude", "-180 and 180"),
            ("POLYGON ((-40.2 28.9, -40.2 31.9, -37.2 131.9, -37.2 28.9, -40.2 28.9), "
             "(-39.2 29.9, -39.2 30.9, -38.2 30.9, -38.2 29.9, -39.2 29.9))", "Latitude",
             "-90 and 90"),
            ("MULTIPOLYGON (((-40.2 28.9, -40.2 31.9, -37.2 31.9, -37.2 28.9, -40.2 28.9)), "
             "((-39.2 29.9, -39.2 30.9, 238.2 30.9, -38.2 29.9, -39.2 29.9)))", "Longitude",
             "-180 and 180"),
            ("GEOMETRYCOLLECTION (POINT (-40.2 28.9), LINESTRING (-40.2 28.9, -40.2 131.9, "
             "-37.2 31.9), POLYGON ((-40.2 28.9, -40.2 31.9, -37.2 31.9, -37.2 28.9, "
             "-40.2 28.9)))", "Latitude", "-90 and 90"),
            # latitude is checked first
            ("POINT (200 100)", "Latitude", "-90 and 90"),
        ]
    ],
    (_sphere("POINT Z (1 2 3)"), "Cannot convert 3D geometry to a spherical geography"),
    # testArea
    (f"ST_Area({_sphere('POLYGON((90 0, 0 0))')})",
     "Polygon is not valid: a loop contains less then 3 vertices."),
    (f"ST_Area({_sphere('POINT (0 1)')})",
     "When applied to SphericalGeography inputs, ST_Area only supports POLYGON or MULTI_POLYGON. "
     "Input type is: POINT"),
    (f"ST_Area({_sphere('POLYGON((0 0, 0 1, 1 1, 1 1, 1 0, 0 0))')})",
     "Polygon is not valid: it has two identical consecutive vertices"),
    (f"ST_Area({_sphere('GEOMETRYCOLLECTION (POINT (1 2))')})",
     "ST_Area only supports POLYGON or MULTI_POLYGON. Input type is: GEOMETRY_COLLECTION"),
    # ST_Length and ST_Distance of other types (Trino's validateSphericalType)
    (f"ST_Length({_sphere('POLYGON ((1 1, 1 4, 4 4, 4 1, 1 1))')})",
     "When applied to SphericalGeography inputs, ST_Length only supports LINE_STRING or "
     "MULTI_LINE_STRING. Input type is: POLYGON"),
    (f"ST_Distance({_sphere('POINT (1 2)')}, {_sphere('MULTIPOINT (1 2, 3 4)')})",
     "When applied to SphericalGeography inputs, ST_Distance only supports POINT. Input type "
     "is: MULTI_POINT"),
    # a SphericalGeography read from GeoJSON is not range-checked; its distance is
    ("ST_Distance(from_geojson_geometry('{\"type\":\"Point\",\"coordinates\":[1,100]}'), "
     f"{_sphere('POINT (1 2)')})", "Latitude must be between -90 and 90"),
    # testGeometryJsonConversion
    *[
        (f"from_geojson_geometry('{json}')", f"Invalid GeoJSON: {words}")
        for json, words in [
            ('{"type":"Point"}', "Could not parse Point from GeoJson string."),
            ('{"type":"LineString","coordinates":null}',
             "Could not parse LineString from GeoJson string."),
            ('{ "data": {"type":"Point","coordinates":[0,0]}}',
             "Could not parse Geometry from Json string.  No 'type' property found."),
            ('{"type":"MultiPoint","invalidField":[[10,10],[20,30]]}',
             "Could not parse MultiPoint from GeoJson string."),
            ('{"type":"Feature","geometry":[],"property":"foo"}',
             "Could not parse Geometry from GeoJson string.  Unsupported 'type':Feature"),
            ('{"type":"FeatureCollection","features":[]}',
             "Could not parse Geometry from GeoJson string.  Unsupported 'type':FeatureCollection"),
            ('{"type":"MultiPoint","missingCoordinates":[]}',
             "Could not parse MultiPoint from GeoJson string."),
            ('{"coordinates":[[[0.0,0.0],[1,10]],[[10,10],[20,30]],[[123,123],[456,789]]]}',
             "Could not parse Geometry from Json string.  No 'type' property found."),
            ('{"type":"MultiPoint","crashMe"}', "Unexpected token RIGHT BRACE(}) at position 30."),
        ]
    ],
    # what Trino does not resolve: a SphericalGeography where it takes a Geometry (its errors
    # are planning errors, not NULL inside try), a Geometry where it takes a SphericalGeography
    ("SELECT ST_AsText(to_spherical_geography(ST_Point(1, 2)))",
     "st_astext(SphericalGeography)"),
    ("SELECT ST_Centroid(to_spherical_geography(ST_Point(1, 2)))", "(SphericalGeography)"),
    ("SELECT ST_X(to_spherical_geography(ST_Point(1, 2)))", "(SphericalGeography)"),
    ("SELECT to_geometry(ST_Point(1, 2))", "Unexpected parameters (Geometry) for function"),
    ("SELECT to_geojson_geometry(ST_Point(1, 2))",
     "Unexpected parameters (Geometry) for function"),
    ("SELECT ST_Distance(ST_Point(1, 2), to_spherical_geography(ST_Point(1, 2)))",
     "a Geometry and a SphericalGeography together"),
]  # fmt: skip
