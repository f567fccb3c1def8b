"""Trino's geometry_from_hadoop_shape (trino_geo.py's family, kept apart): a geometry from a
Spatial Framework for Hadoop shape, as Trino's Esri-era plugin reads it (its GeoFunctions:
Esri's shape reader, then Esri's WKT writer with the type the shape's type byte names, then the
WKT read back), checked against Trino's TestGeoFunctions.testGeometryFromHadoopShape
(test_trino_geo.py). engine_functions/hadoop_shapes.py writes that WKT, or fails with Trino's
error, or with lakebox's own for what it does not reproduce (Z or M values, degenerate parts).
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import _args, _template
from lakebox.query.trino_geo import _call, _geo


@_geo("geometry_from_hadoop_shape")
def _geometry_from_hadoop_shape(node: exp.Expr) -> exp.Expr:
    (shape,) = _args(node, "geometry_from_hadoop_shape", 1)
    wkt = _call("lakebox_hadoop_shape_wkt", _template("CAST(:s AS BLOB)", s=shape))
    return _call("ST_GeomFromText", wkt)
