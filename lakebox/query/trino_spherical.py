"""Trino's SphericalGeography type and the functions over it, as Trino's releases of its Esri
geometry library define them (GeoFunctions: to_spherical_geography, to_geometry, the GeoJSON
functions, and the overloads of ST_Area, ST_Length and ST_Distance; checked against its
TestSphericalGeoFunctions and TestGeoFunctions, tests/query/trino_spherical_cases.py).

A SphericalGeography is ``STRUCT(lakebox_spherical GEOMETRY)``: the geometry, marked as the
other type by the struct's field (as a Bing tile is, trino_geo.py). Its result column shows the
geometry's WKT, as Trino's client does, typed ``SphericalGeography`` (engine_worker.py,
result_types.py); tables cannot hold it. Trino's functions of a Geometry that it does not
overload for SphericalGeography fail to bind for the struct (DuckDB's error, with lakebox's
hint: failures.py), as Trino fails to resolve them; ST_AsText and ST_Centroid are of those.

ST_Area, ST_Length and ST_Distance take either type: the rewrite does not know its argument's
type, so it casts the argument to a UNION of the two and reads the union's tag, a row at a
time (a Geometry keeps trino_geo.py's planar answer). The spherical area is Trino's spherical
excess of each ring on a sphere of 6,371.01 km, the length and distance its great circles
(engine_functions/spherical.py).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from lakebox.query.trino_functions import (
    _ANONYMOUS,
    _REWRITES,
    _args,
    _let,
)
from lakebox.query.trino_geo import _error, _geo, _names, _sql

FIELD = "lakebox_spherical"
TYPE = f"STRUCT({FIELD} GEOMETRY)"
_EITHER = f"UNION(lakebox_g GEOMETRY, lakebox_s {TYPE})"

# Trino's names of the types in its errors, in the order its messages list them
_ORDER = ("POINT", "MULTIPOINT", "LINESTRING", "MULTILINESTRING", "POLYGON", "MULTIPOLYGON")


def spherical(g: exp.Expr) -> exp.Expr:
    """A geometry as a SphericalGeography (NULL for NULL)."""
    return _sql(f"CASE WHEN :g IS NULL THEN NULL ELSE {{'{FIELD}': :g}} END", g=g)


def _either(x: exp.Expr) -> exp.Expr:
    return _sql(f"CAST(:x AS {_EITHER})", x=x)


def _is_spherical(x: exp.Expr) -> exp.Expr:
    return _sql("union_tag(:u) = 'lakebox_s'", u=_either(x))


def _as_geometry(x: exp.Expr) -> exp.Expr:
    """The Geometry of an argument of either type, NULL when it is a SphericalGeography."""
    return _sql("union_extract(:u, 'lakebox_g')", u=_either(x))


def _inner(x: exp.Expr) -> exp.Expr:
    """The geometry a SphericalGeography holds, NULL when the argument is a Geometry."""
    return _sql(f"struct_extract(union_extract(:u, 'lakebox_s'), '{FIELD}')", u=_either(x))


def _wkb(g: exp.Expr) -> exp.Expr:
    return _sql("CAST(ST_AsWKB(:g) AS BLOB)", g=g)


def _kind(g: exp.Expr) -> exp.Expr:
    return _sql("CAST(ST_GeometryType(:g) AS VARCHAR)", g=g)


def _supports(node: exp.Expr, function: str, allowed: tuple[str, ...], g: exp.Expr) -> exp.If:
    """Trino's check of a spherical argument's type: its error when the type is not allowed."""
    trino = " or ".join(_trino_name(a) for a in _ORDER if a in allowed)
    words = f"When applied to SphericalGeography inputs, {function} only supports {trino}. "
    message = _sql(f"'{words}Input type is: ' || :t", t=_names(g, 0))
    listed = ", ".join(f"'{a}'" for a in allowed)
    return exp.If(this=_sql(f":k NOT IN ({listed})", k=_kind(g)), true=_error(node, message))


def _trino_name(duck: str) -> str:
    from lakebox.query.trino_geo import TRINO_TYPE_NAMES

    return TRINO_TYPE_NAMES[duck][0]


def _overload(name: str, sphere: Callable[[exp.Expr, list[exp.Expr]], exp.Expr]) -> None:
    """Make trino_geo.py's rewrite of ``name`` also take SphericalGeography arguments:
    ``sphere(node, geometries)`` computes the spherical answer from the geometries they hold;
    Geometry arguments keep the planar rewrite."""
    planar = _ANONYMOUS[name]

    def rewrite(node: exp.Expr) -> exp.Expr:
        args = _args(node, name, len(node.expressions) or 1)
        # each argument computed once (the dispatch reads it several times), bound to a name
        names: list[exp.Expr] = [exp.column(f"lakebox_either_{i}") for i in range(len(args))]
        saved = list(node.expressions)
        node.set("expressions", [_as_geometry(n) for n in names])
        try:  # the planar rewrite reads the node itself (inside try?)
            flat = planar(node)
        finally:
            node.set("expressions", saved)
        assert flat is not None
        body = _dispatch(names, flat, sphere(node, [_inner(n) for n in names]))
        for i in reversed(range(len(args))):
            body = _let(f"lakebox_either_{i}", args[i], body)
        return body

    _ANONYMOUS[name] = rewrite


def _dispatch(args: list[exp.Expr], planar: exp.Expr, sphere: exp.Expr) -> exp.Expr:
    ifs = [exp.If(this=exp.Is(this=a.copy(), expression=exp.Null()), true=exp.Null()) for a in args]
    if len(args) > 1:
        # Trino resolves no call of a Geometry and a SphericalGeography: neither does DuckDB
        # a list of both (its binder's error, told by failures.py); typeof is never NULL
        both = exp.Array(expressions=[a.copy() for a in args])
        ifs.insert(0, exp.If(this=_sql("typeof(:l) IS NULL", l=both), true=exp.Null()))
    all_spherical = exp.and_(*(_is_spherical(a) for a in args))
    ifs.append(exp.If(this=all_spherical, true=sphere))
    return exp.Case(ifs=ifs, default=planar)


# -- the type ---------------------------------------------------------------------------------


@_geo("to_spherical_geography")
def _to_spherical_geography(node: exp.Expr) -> exp.Expr:
    """The geometry as a SphericalGeography, after Trino's checks: every point's latitude in
    [-90, 90] and longitude in [-180, 180] (its bounding box's, latitude first), no Z."""
    (argument,) = _args(node, "to_spherical_geography", 1)
    g = exp.column("lakebox_geometry")  # the argument, computed once

    def within(low: str, high: str, limit: int) -> str:
        return (
            f"(ST_{low}(:g) >= -{limit} AND ST_{low}(:g) <= {limit} "
            f"AND ST_{high}(:g) >= -{limit} AND ST_{high}(:g) <= {limit})"
        )

    checked = exp.Case(
        ifs=[
            exp.If(this=_sql(":g IS NULL", g=g), true=exp.Null()),
            exp.If(
                this=_sql(f"NOT ST_IsEmpty(:g) AND NOT {within('YMin', 'YMax', 90)}", g=g),
                true=_error(node, exp.Literal.string("Latitude must be between -90 and 90")),
            ),
            exp.If(
                this=_sql(f"NOT ST_IsEmpty(:g) AND NOT {within('XMin', 'XMax', 180)}", g=g),
                true=_error(node, exp.Literal.string("Longitude must be between -180 and 180")),
            ),
            exp.If(
                this=_sql("ST_HasZ(:g)", g=g),
                true=_error(
                    node,
                    exp.Literal.string("Cannot convert 3D geometry to a spherical geography"),
                ),
            ),
        ],
        default=_sql(f"{{'{FIELD}': :g}}", g=g),
    )
    return _let("lakebox_geometry", argument, checked)


def _geography_only(node: exp.Expr, name: str, x: exp.Expr, then: exp.Expr) -> exp.Expr:
    """``then``, or the error of a Geometry where Trino takes a SphericalGeography only."""
    message = (
        f"Unexpected parameters (Geometry) for function {name}: Trino takes a "
        "SphericalGeography (convert it with to_spherical_geography)"
    )
    return _sql(
        "CASE WHEN :x IS NULL THEN NULL WHEN NOT :sphere THEN error(:m) ELSE :value END",
        x=x,
        value=then,
        m=exp.Literal.string(message),
        sphere=_is_spherical(x),
    )


@_geo("to_geometry")
def _to_geometry(node: exp.Expr) -> exp.Expr:
    (x,) = _args(node, "to_geometry", 1)
    return _geography_only(node, "to_geometry", x, _sql("CAST(:g AS GEOMETRY)", g=_inner(x)))


# -- GeoJSON ----------------------------------------------------------------------------------


@_geo("from_geojson_geometry")
def _from_geojson_geometry(node: exp.Expr) -> exp.Expr:
    """The geometry of a GeoJSON text as Trino's Esri-era releases read it (JTS's reader over
    json-simple's parser; a Z dropped, coordinates unchecked), or Trino's error."""
    (text,) = _args(node, "from_geojson_geometry", 1)
    problem = _sql("lakebox_geojson_error(:t)", t=text)
    # inside try(...) every error is NULL (DuckDB's TRY takes no error()), lakebox's own
    # refusals too: where Trino fails with an internal error that its try does not catch
    return _sql(
        "CASE WHEN :t IS NULL THEN NULL WHEN :p <> '' THEN :fail ELSE :value END",
        t=text,
        p=problem,
        fail=_error(node, problem),
        value=spherical(_sql("ST_GeomFromWKB(lakebox_geojson_wkb(:t))", t=text)),
    )


@_geo("to_geojson_geometry")
def _to_geojson_geometry(node: exp.Expr) -> exp.Expr:
    """JTS's GeoJSON of the geometry, as Trino writes it: coordinates to 8 decimals (Java's
    text of a double otherwise), a polygon's shell clockwise, an EPSG:0 crs."""
    (x,) = _args(node, "to_geojson_geometry", 1)
    return _geography_only(
        node, "to_geojson_geometry", x, _sql("lakebox_to_geojson(:w)", w=_wkb(_inner(x)))
    )


# -- Trino's overloads of ST_Area, ST_Length and ST_Distance ------------------------------------


def _area(node: exp.Expr, gs: list[exp.Expr]) -> exp.Expr:
    """Square metres on the sphere; NULL when empty; Trino's errors for other types and for
    rings of fewer than 3 distinct vertices or with a vertex repeated."""
    (g,) = gs
    area = exp.column("lakebox_area")  # computed once; NULL for a ring it refuses
    problem = _sql("lakebox_spherical_area_error(:w)", w=_wkb(g))
    checked = _sql(
        "CASE WHEN :a IS NULL THEN :fail ELSE :a END", a=area, fail=_error(node, problem)
    )
    return exp.Case(
        ifs=[
            exp.If(this=_sql("ST_IsEmpty(:g)", g=g), true=exp.Null()),
            _supports(node, "ST_Area", ("POLYGON", "MULTIPOLYGON"), g),
        ],
        default=_let("lakebox_area", _sql("lakebox_spherical_area(:w)", w=_wkb(g)), checked),
    )


def _length(node: exp.Expr, gs: list[exp.Expr]) -> exp.Expr:
    """Metres along great circles; NULL when empty."""
    (g,) = gs
    return exp.Case(
        ifs=[
            exp.If(this=_sql("ST_IsEmpty(:g)", g=g), true=exp.Null()),
            _supports(node, "ST_Length", ("LINESTRING", "MULTILINESTRING"), g),
        ],
        default=_sql("lakebox_spherical_length(:w)", w=_wkb(g)),
    )


def _distance(node: exp.Expr, gs: list[exp.Expr]) -> exp.Expr:
    """Great-circle metres between two points (Trino's formula, its radius); NULL when either
    is empty; Trino's range checks of the points' latitudes and longitudes."""
    a, b = gs
    checks = [
        exp.If(this=_sql("ST_IsEmpty(:a) OR ST_IsEmpty(:b)", a=a, b=b), true=exp.Null()),
        _supports(node, "ST_Distance", ("POINT",), a),
        _supports(node, "ST_Distance", ("POINT",), b),
    ]
    for p in (a, b):
        checks.append(
            exp.If(
                this=_sql("NOT (ST_Y(:p) >= -90 AND ST_Y(:p) <= 90)", p=p),
                true=_error(node, exp.Literal.string("Latitude must be between -90 and 90")),
            )
        )
        checks.append(
            exp.If(
                this=_sql("NOT (ST_X(:p) >= -180 AND ST_X(:p) <= 180)", p=p),
                true=_error(node, exp.Literal.string("Longitude must be between -180 and 180")),
            )
        )
    distance = _sql(
        "atan2(sqrt(pow(cos(radians(ST_Y(:b))) * sin(:d), 2) + pow(cos(radians(ST_Y(:a))) "
        "* sin(radians(ST_Y(:b))) - sin(radians(ST_Y(:a))) * cos(radians(ST_Y(:b))) * cos(:d), "
        "2)), sin(radians(ST_Y(:a))) * sin(radians(ST_Y(:b))) + cos(radians(ST_Y(:a))) "
        "* cos(radians(ST_Y(:b))) * cos(:d)) * 6371.01 * 1000",
        a=a,
        b=b,
        d=_sql("(radians(ST_X(:a)) - radians(ST_X(:b)))", a=a, b=b),
    )
    return exp.Case(ifs=checks, default=distance)


_overload("st_area", _area)
_overload("st_length", _length)
_overload("st_distance", _distance)


def _st_distance_node(node: exp.Expr) -> exp.Expr:
    """sqlglot's own node for ST_Distance, read as the call."""
    call = exp.Anonymous(this="st_distance", expressions=[node.this.copy(), node.expression.copy()])
    call.parent = node.parent  # inside try(...)?
    result = _ANONYMOUS["st_distance"](call)
    assert result is not None
    return result


_REWRITES[exp.StDistance] = _st_distance_node
