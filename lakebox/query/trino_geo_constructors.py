"""Trino's JTS-era geometry constructors (trino_geo.py's family, kept apart): ST_GeomFromKML,
ST_MakeLine.

These functions came with Trino's move from Esri's geometry library to JTS (after the
Esri-era plugin Athena engine v3 runs), so the JTS-era semantics are the only ones they have.
ST_GeomFromKML runs where Trino's own tests give its answers: against
TestGeoFunctions.testSTGeomFromKML (test_trino_geo.py), and, beyond that test, as JTS's
KMLReader reads KML (engine_functions/kml.py, checked against JTS's KMLReaderTest).
ST_MakeLine answers what Trino's documentation says it does (points and lines joined in order,
empty ones left out, a coordinate shared where two inputs meet kept once) and refuses by name
what the documentation leaves open (fewer than two coordinates, other geometry types, Z
coordinates, a NULL element). The other JTS-era names (ST_Collect, ST_MakePolygon,
ST_Polygonize, ST_ReducePrecision, ST_Normalize, ST_MinimumBoundingCircle, ST_VoronoiPolygons,
ST_SRID, ST_SetSRID, ST_AsEWKT, ST_GeomFromEWKT, ...) stay refused by name: no Trino test of
theirs with expected values was found, and their documentation leaves open what they answer.
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import _args, _in_try, _template, refuse
from lakebox.query.trino_geo import _call, _geo


@_geo("st_geomfromkml")
def _st_geomfromkml(node: exp.Expr) -> exp.Expr:
    """The geometry of a KML geometry element, as JTS's KMLReader reads it; Trino's "Invalid
    KML: <the text>" where that reader fails to parse it (engine_functions/kml.py)."""
    (kml,) = _args(node, "st_geomfromkml", 1)
    wkt = _call("lakebox_kml_wkt", _template("CAST(:k AS VARCHAR)", k=kml))
    return _call("ST_GeomFromText", wkt)


@_geo("st_makeline")
def _st_makeline(node: exp.Expr) -> exp.Expr:
    """ST_MakeLine(array(Geometry)): engine_functions/constructors.py; NULL for a NULL array."""
    (parts,) = _args(node, "st_makeline", 1)
    if _in_try(node):  # try() would turn lakebox's refusals into NULLs Trino may not give
        raise refuse("st_makeline", "ST_MakeLine inside try()", "call it outside try()")
    wkbs = _template("list_transform(:a, __lb_g -> CAST(ST_AsWKB(__lb_g) AS BLOB))", a=parts)
    return _call("ST_GeomFromWKB", _call("lakebox_make_line", wkbs))
