"""Trino's JTS-era geometry constructors (trino_geo.py's family, kept apart): ST_GeomFromKML.

These functions came with Trino's move from Esri's geometry library to JTS (after the
Esri-era plugin Athena engine v3 runs), so the JTS-era semantics are the only ones they have.
Each runs only where Trino's own tests give its answers: ST_GeomFromKML against
TestGeoFunctions.testSTGeomFromKML (test_trino_geo.py), and, beyond that test, as JTS's
KMLReader reads KML (engine_functions/kml.py, checked against JTS's KMLReaderTest). The other
JTS-era names (ST_Collect, ST_MakeLine, ST_MakePolygon, ST_Polygonize, ST_ReducePrecision,
ST_Normalize, ST_MinimumBoundingCircle, ST_VoronoiPolygons, ST_SRID, ST_SetSRID, ST_AsEWKT,
ST_GeomFromEWKT, ...) stay refused by name: no Trino test of theirs with expected values was
found.
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import _args, _template
from lakebox.query.trino_geo import _call, _geo


@_geo("st_geomfromkml")
def _st_geomfromkml(node: exp.Expr) -> exp.Expr:
    """The geometry of a KML geometry element, as JTS's KMLReader reads it; Trino's "Invalid
    KML: <the text>" where that reader fails to parse it (engine_functions/kml.py)."""
    (kml,) = _args(node, "st_geomfromkml", 1)
    wkt = _call("lakebox_kml_wkt", _template("CAST(:k AS VARCHAR)", k=kml))
    return _call("ST_GeomFromText", wkt)
