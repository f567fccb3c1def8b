"""Trino's DE-9IM relation, nearest points and binary form of geometries (trino_geo.py's
family, kept apart): ST_Relate, geometry_nearest_points, ST_AsBinary; and, each with its
reason, geometry_invalid_reason, which lakebox refuses.

Athena engine v3 runs Trino's Esri-era geospatial plugin: these follow its GeoFunctions and
the Esri geometry library it calls (its relate, its WKB exporter) and JTS's DistanceOp (which
GEOS ports), checked against Trino's TestGeoFunctions (test_trino_geo.py). Where Esri's
library answers in a way lakebox does not reproduce, lakebox fails with its own error, never
another answer.
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import _ANONYMOUS, _REFUSED, _args, _refused, _template
from lakebox.query.trino_geo import _call, _geo, _lakebox_refuses, _planar

# -- ST_Relate ---------------------------------------------------------------------------------


def _wkb(g: exp.Expr) -> exp.Expr:
    return _template("CAST(ST_AsWKB(:g) AS BLOB)", g=g)


@_geo("st_relate")
def _st_relate(node: exp.Expr) -> exp.Expr:
    """Whether the DE-9IM matrix of the two geometries matches the pattern (GEOS's matrix,
    shapely's relate_pattern). Esri's relate refuses a pattern that is not nine of ``T F * 0
    1 2`` and a geometry collection, and computes its own matrix of an empty geometry (all F
    for two, exterior to exterior included): lakebox refuses those in its own words."""
    a, b, pattern = _args(node, "st_relate", 3)
    return _template(
        "CASE WHEN :a IS NULL OR :b IS NULL OR :p IS NULL THEN NULL "
        "WHEN NOT regexp_full_match(:p, '[TF*012]{9}') THEN :bad_pattern "
        "WHEN 'GEOMETRYCOLLECTION' IN (CAST(ST_GeometryType(:a) AS VARCHAR), "
        "CAST(ST_GeometryType(:b) AS VARCHAR)) THEN :collection "
        "WHEN ST_IsEmpty(:a) OR ST_IsEmpty(:b) THEN :empty "
        "ELSE lakebox_relate(:wa, :wb, :p) END",
        a=a,
        b=b,
        p=pattern,
        wa=_wkb(a),
        wb=_wkb(b),
        bad_pattern=_lakebox_refuses(
            node, "ST_Relate with a pattern other than nine of T, F, *, 0, 1, 2"
        ),
        collection=_lakebox_refuses(node, "ST_Relate of a geometry collection"),
        empty=_lakebox_refuses(node, "ST_Relate of an empty geometry"),
    )


# -- geometry_nearest_points -------------------------------------------------------------------

# Trino's row(Geometry, Geometry), as lakebox writes a row of unnamed fields (_0, _1: the
# names DuckDB gives the fields of ROW(1, 2)); engine_worker.py shows its points as WKT
NEAREST_POINTS_TYPE = "STRUCT(_0 GEOMETRY, _1 GEOMETRY)"


@_geo("geometry_nearest_points")
def _geometry_nearest_points(node: exp.Expr) -> exp.Expr:
    """The point of each geometry nearest the other (JTS's DistanceOp.nearestPoints, which
    GEOS's nearest points port: DuckDB's ST_ShortestLine); NULL when either is empty."""
    a, b = _args(node, "geometry_nearest_points", 2)
    line = _template("ST_ShortestLine(:a, :b)", a=a, b=b)
    pair = _template(
        f"CAST({{'_0': ST_StartPoint(:l), '_1': ST_EndPoint(:l)}} AS {NEAREST_POINTS_TYPE})",
        l=line,
    )
    both = _template("ST_Collect([:a, :b])", a=a, b=b)
    return _template(
        f"CASE WHEN :a IS NULL OR :b IS NULL OR ST_IsEmpty(:a) OR ST_IsEmpty(:b) "
        f"THEN CAST(NULL AS {NEAREST_POINTS_TYPE}) ELSE :pair END",
        a=a,
        b=b,
        pair=_planar(node, "geometry_nearest_points", both, pair),
    )


# -- ST_AsBinary -------------------------------------------------------------------------------


@_geo("st_asbinary")
def _st_asbinary(node: exp.Expr) -> exp.Expr:
    """The geometry's WKB as Esri's exporter writes it (little-endian, the rings as Trino's
    WKT shows them: engine_functions/geometry_relations.py, which refuses a geometry with Z
    coordinates). No error() here: ST_GeomFromBinary reads its argument inside DuckDB's TRY."""
    (g,) = _args(node, "st_asbinary", 1)
    return _call("lakebox_trino_wkb", _wkb(g))


# -- refused, with the reason ------------------------------------------------------------------

_REASONS = {
    "geometry_invalid_reason": (
        "Trino's reasons are those of its Esri library's simplicity check (OperatorSimplifyOGC: "
        "'Self-tangency at or near (0.0 1.0) and (0.0 1.0)', 'RingOrientation'), whose vertices "
        "and reasons GEOS's validity check does not reproduce"
    ),
}
for _name, _reason in _REASONS.items():
    _REFUSED[_name] = _reason
    _ANONYMOUS[_name] = _refused
