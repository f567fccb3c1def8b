"""Trino's Bing tiles (trino_geo.py's family, kept apart): bing_tile, bing_tile_at,
bing_tile_quadkey, bing_tile_coordinates, bing_tile_zoom_level, bing_tile_polygon,
bing_tiles_around and geometry_to_bing_tiles, checked against Trino's TestBingTileFunctions
(test_trino_geo.py).

A tile is STRUCT(lakebox_bing_tile BIGINT) holding Trino's own encoding of it (x << 28, y << 5,
zoom): equal tiles are equal values, as in Trino; the field's name marks the type, which the
engine processes refuse as a result column (engine_worker.py).
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import _args, _let, _literal_int, _put
from lakebox.query.trino_geo import _call, _error, _geo, _sql

_TILE_TYPE = "STRUCT(lakebox_bing_tile BIGINT)"
_MAX_ZOOM = 23
_MAX_LATITUDE = 85.05112878
_ZOOM_CHECKS = (
    (":z <= 0", "Zoom level must be > 0"),
    (f":z > {_MAX_ZOOM}", f"Zoom level must be <= {_MAX_ZOOM}"),
)


def _tile(x: exp.Expr, y: exp.Expr, zoom: exp.Expr) -> exp.Expr:
    return _sql(
        "{'lakebox_bing_tile': (CAST(:x AS BIGINT) << 28) + (CAST(:y AS BIGINT) << 5) "
        "+ CAST(:z AS BIGINT)}",
        x=x,
        y=y,
        z=zoom,
    )


def _code(t: exp.Expr) -> exp.Expr:
    return _sql("struct_extract(:t, 'lakebox_bing_tile')", t=t)


def _tile_x(t: exp.Expr) -> exp.Expr:
    return _sql("(:c >> 28)", c=_code(t))


def _tile_y(t: exp.Expr) -> exp.Expr:
    return _sql("((:c >> 5) & 8388607)", c=_code(t))


def _tile_zoom(t: exp.Expr) -> exp.Expr:
    return _sql("(:c & 31)", c=_code(t))


def _checked(
    node: exp.Expr,
    args: list[exp.Expr],
    checks: list[tuple[exp.Expr, exp.Expr]],
    then: exp.Expr,
) -> exp.Expr:
    """``then``, or the error of the first check (a condition, its message) that holds; NULL
    when one of ``args`` is NULL (before any check, as Trino calls no function then)."""
    nulls = [
        exp.If(this=exp.Is(this=a.copy(), expression=exp.Null()), true=exp.Null()) for a in args
    ]
    return exp.Case(
        ifs=[*nulls, *(exp.If(this=c, true=_error(node, m)) for c, m in checks)],
        default=then,
    )


def _zoom_checks(zoom: exp.Expr) -> list[tuple[exp.Expr, exp.Expr]]:
    return [(_sql(c, z=zoom), exp.Literal.string(m)) for c, m in _ZOOM_CHECKS]


def _point_checks(
    latitude: exp.Expr, longitude: exp.Expr, zoom: exp.Expr
) -> list[tuple[exp.Expr, exp.Expr]]:
    """Trino's checks of a point's latitude (NaN fails), longitude and a zoom level."""
    return [
        (
            _sql(f"NOT (:v >= -{_MAX_LATITUDE} AND :v <= {_MAX_LATITUDE})", v=latitude),
            exp.Literal.string(f"Latitude must be between -{_MAX_LATITUDE} and {_MAX_LATITUDE}"),
        ),
        (
            _sql("NOT (:v >= -180 AND :v <= 180)", v=longitude),
            exp.Literal.string("Longitude must be between -180.0 and 180.0"),
        ),
        *_zoom_checks(zoom),
    ]


def _double(e: exp.Expr) -> exp.Expr:
    return _sql("CAST(:e AS DOUBLE)", e=e)


def _map_size(zoom: exp.Expr) -> exp.Expr:
    return _sql("CAST(256 << CAST(:z AS BIGINT) AS DOUBLE)", z=zoom)


def _axis(axis: exp.Expr, zoom: exp.Expr) -> exp.Expr:
    """A position along an axis (0 to 1) as a tile's x or y (Trino's axisToCoordinates)."""
    return _sql(
        "CAST(floor(least(greatest(:a * :m, 0), :m - 1)) AS BIGINT) // 256",
        a=axis,
        m=_map_size(zoom),
    )


def _tile_at_xy(
    latitude: exp.Expr, longitude: exp.Expr, zoom: exp.Expr
) -> tuple[exp.Expr, exp.Expr]:
    """The x and y of the tile holding a point (Trino's latitudeLongitudeToTile)."""
    x = _axis(_sql("(:lon + 180) / 360", lon=longitude), zoom)
    y = _axis(
        _sql(
            "0.5 - ln((1 + sin(:lat * pi() / 180)) / (1 - sin(:lat * pi() / 180))) / (4 * pi())",
            lat=latitude,
        ),
        zoom,
    )
    return x, y


def _corner(x: exp.Expr, y: exp.Expr, zoom: exp.Expr) -> tuple[exp.Expr, exp.Expr]:
    """The longitude and latitude of a tile's upper left corner (Trino's
    tileXYToLatitudeLongitude)."""
    m = _map_size(zoom)
    longitude = _sql(
        "360 * (least(greatest(CAST(:x AS BIGINT) * 256, 0), :m) / :m - 0.5)", x=x, m=m
    )
    latitude = _sql(
        "90 - 360 * atan(exp(-(0.5 - least(greatest(CAST(:y AS BIGINT) * 256, 0), :m) / :m) "
        "* 2 * pi())) / pi()",
        y=y,
        m=m,
    )
    return longitude, latitude


def _tile_polygon(x: exp.Expr, y: exp.Expr, zoom: exp.Expr) -> exp.Expr:
    west, north = _corner(x, y, zoom)
    east, south = _corner(_sql(":x + 1", x=x), _sql(":y + 1", y=y), zoom)
    return _sql(
        "ST_MakeEnvelope(:west, :south, :east, :north)",
        west=west,
        south=south,
        east=east,
        north=north,
    )


@_geo("bing_tile")
def _bing_tile(node: exp.Expr) -> exp.Expr:
    """From x, y and a zoom level, or from a quadkey (its digits: x's bit plus twice y's)."""
    if len(node.expressions) == 3:
        x, y, zoom = _args(node, "bing_tile", 3)
        checks = _zoom_checks(zoom)
        for v in (x, y):
            checks.append(
                (
                    _sql(":v < 0 OR :v >= (1 << CAST(:z AS BIGINT))", v=v, z=zoom),
                    _sql(
                        "'XY coordinates for a Bing tile at zoom level ' || CAST(:z AS VARCHAR) "
                        "|| ' must be within [0, ' || CAST(1 << CAST(:z AS BIGINT) AS VARCHAR) "
                        "|| ') range'",
                        z=zoom,
                    ),
                )
            )
        return _checked(node, [x, y, zoom], checks, _tile(x, y, zoom))
    (quadkey,) = _args(node, "bing_tile", 1)
    bits = (
        "list_sum(list_transform(range(length(:q)), lakebox_i -> "
        "((CAST(substr(:q, lakebox_i + 1, 1) AS BIGINT) >> {shift}) & 1) "
        "<< (length(:q) - 1 - lakebox_i)))"
    )
    checks = [
        (
            _sql("strlen(:q) = 0", q=quadkey),
            exp.Literal.string("QuadKey must not be empty string"),
        ),
        (
            _sql(f"strlen(:q) > {_MAX_ZOOM}", q=quadkey),
            exp.Literal.string(f"QuadKey must be {_MAX_ZOOM} characters or less"),
        ),
        (
            _sql("NOT regexp_full_match(:q, '[0-3]*')", q=quadkey),
            _sql("'Invalid QuadKey digit sequence: ' || :q", q=quadkey),
        ),
    ]
    tile = _tile(
        _sql(bits.format(shift=0), q=quadkey),
        _sql(bits.format(shift=1), q=quadkey),
        _sql("length(:q)", q=quadkey),
    )
    return _checked(node, [quadkey], checks, tile)


@_geo("bing_tile_quadkey")
def _bing_tile_quadkey(node: exp.Expr) -> exp.Expr:
    (t,) = _args(node, "bing_tile_quadkey", 1)
    return _sql(
        "array_to_string(list_transform(range(:z, 0, -1), lakebox_i -> "
        "CAST(((:x >> (lakebox_i - 1)) & 1) + 2 * ((:y >> (lakebox_i - 1)) & 1) AS VARCHAR)), '')",
        x=_tile_x(t),
        y=_tile_y(t),
        z=_tile_zoom(t),
    )


@_geo("bing_tile_coordinates")
def _bing_tile_coordinates(node: exp.Expr) -> exp.Expr:
    (t,) = _args(node, "bing_tile_coordinates", 1)
    return _sql(
        "CASE WHEN :t IS NULL THEN NULL ELSE {'x': CAST(:x AS INTEGER), 'y': CAST(:y AS INTEGER)} "
        "END",
        t=t,
        x=_tile_x(t),
        y=_tile_y(t),
    )


@_geo("bing_tile_zoom_level")
def _bing_tile_zoom_level(node: exp.Expr) -> exp.Expr:
    (t,) = _args(node, "bing_tile_zoom_level", 1)
    return _sql("CAST(:z AS TINYINT)", z=_tile_zoom(t))


@_geo("bing_tile_polygon")
def _bing_tile_polygon(node: exp.Expr) -> exp.Expr:
    (t,) = _args(node, "bing_tile_polygon", 1)
    tile = exp.column("lakebox_tile")  # the tile computed once, its parts read from it
    polygon = _sql(
        "CASE WHEN :t IS NULL THEN NULL ELSE :p END",
        t=tile,
        p=_tile_polygon(_tile_x(tile), _tile_y(tile), _tile_zoom(tile)),
    )
    return _let("lakebox_tile", t, polygon)


@_geo("bing_tile_at")
def _bing_tile_at(node: exp.Expr) -> exp.Expr:
    latitude, longitude, zoom = _args(node, "bing_tile_at", 3)
    lat, lon = _double(latitude), _double(longitude)
    x, y = _tile_at_xy(lat, lon, zoom)
    return _checked(node, [lat, lon, zoom], _point_checks(lat, lon, zoom), _tile(x, y, zoom))


@_geo("bing_tiles_around")
def _bing_tiles_around(node: exp.Expr) -> exp.Expr:
    """The 3 by 3 tiles around a point's (x outer, y inner; those off the map left out), or
    the tiles covering a circle around it (in the engine processes, lakebox_bing_tiles_around:
    Trino's walk of the circle's row, column and corners)."""
    if len(node.expressions) == 4:
        latitude, longitude, zoom, radius = _args(node, "bing_tiles_around", 4)
        lat, lon, km = _double(latitude), _double(longitude), _double(radius)
        args = (lat, lon, _sql("CAST(:z AS INTEGER)", z=zoom), km)
        checks = [
            *_point_checks(lat, lon, zoom),
            (_sql("isnan(:r) OR :r < 0", r=km), exp.Literal.string("Radius must be >= 0")),
            (_sql(":r > 1000", r=km), exp.Literal.string("Radius must be <= 1,000 km")),
        ]
        limit = _call("lakebox_bing_tiles_around_limit", *args)
        checks.append((_sql(":m <> ''", m=limit), limit))
        tiles = _sql(
            "list_transform(:codes, lakebox_c -> {'lakebox_bing_tile': lakebox_c})",
            codes=_call("lakebox_bing_tiles_around", *args),
        )
        return _checked(node, [*args], checks, tiles)
    latitude, longitude, zoom = _args(node, "bing_tiles_around", 3)
    lat, lon = _double(latitude), _double(longitude)
    x, y = _tile_at_xy(lat, lon, zoom)
    around = _sql(
        "list_transform(list_filter(list_transform(range(9), lakebox_i -> "
        "{'x': :x + lakebox_i // 3 - 1, 'y': :y + lakebox_i % 3 - 1}), "
        "lakebox_p -> lakebox_p.x >= 0 AND lakebox_p.y >= 0 "
        "AND lakebox_p.x < (1 << CAST(:z AS BIGINT)) AND lakebox_p.y < (1 << CAST(:z AS BIGINT))), "
        "lakebox_p -> :tile)",
        x=x,
        y=y,
        z=zoom,
        tile=_tile(_sql("lakebox_p.x"), _sql("lakebox_p.y"), zoom),
    )
    return _checked(node, [lat, lon, zoom], _point_checks(lat, lon, zoom), around)


_STEP_TYPE = "STRUCT(x BIGINT, y BIGINT, z BIGINT, done BOOLEAN)"
_OPTIMIZED_ZOOM = 10  # Trino walks the tiles of higher zoom levels down from this one's


def _step(t: str, done: bool, child: tuple[int, int] | None = None) -> str:
    """A tile of the walk (SQL), ``t``'s own or (``child``) one of its four children."""
    if child is None:
        return f"{{'x': {t}.x, 'y': {t}.y, 'z': {t}.z, 'done': {str(done).lower()}}}"
    dx, dy = child
    return (
        f"{{'x': 2 * {t}.x + {dx}, 'y': 2 * {t}.y + {dy}, 'z': {t}.z + 1, "
        f"'done': {str(done).lower()}}}"
    )


def _contains_tile(g: exp.Expr, tile: exp.Expr) -> exp.Expr:
    """Trino's containment of a tile: by the geometry, or by one part of a collection."""
    return _sql(
        "CASE WHEN CAST(ST_GeometryType(:g) AS VARCHAR) = 'GEOMETRYCOLLECTION' "
        "THEN coalesce(list_bool_or(list_transform(ST_Dump(:g), "
        "lakebox_d -> ST_Contains(lakebox_d.geom, :p))), false) ELSE ST_Contains(:g, :p) END",
        g=g,
        p=tile,
    )


def _walk(g: exp.Expr, zoom: exp.Expr) -> exp.Expr:
    """Trino's tiles of a geometry above zoom level 10, in its order: the level-10 tiles of
    the bounding tiles (x, then y), each split in four (x, then y) down to the zoom level
    unless the geometry contains it (then all its tiles at the zoom level, x then y) or misses
    it. Unrolled: one step a level."""
    divisor = _sql(f"(1 << (CAST(:z AS BIGINT) - {_OPTIMIZED_ZOOM}))", z=zoom)
    rows = _sql("(lakebox_bounds.ry // :d - lakebox_bounds.ly // :d + 1)", d=divisor)
    walk = _sql(
        "list_transform(range((lakebox_bounds.rx // :d - lakebox_bounds.lx // :d + 1) * :rows), "
        "lakebox_i -> {'x': lakebox_bounds.lx // :d + lakebox_i // :rows, "
        "'y': lakebox_bounds.ly // :d + lakebox_i % :rows, "
        f"'z': {_OPTIMIZED_ZOOM}, 'done': false}}::{_STEP_TYPE})",
        d=divisor,
        rows=rows,
    )
    tile = exp.column("lakebox_tile")  # the polygon of the tile t, bound once
    children = ", ".join(_step("lakebox_t", False, (dx, dy)) for dx in (0, 1) for dy in (0, 1))
    step = _sql(
        "flatten(list_transform(lakebox_walk, lakebox_t -> "
        "CASE WHEN lakebox_t.done THEN [lakebox_t] ELSE "
        f"list_transform([:p], lakebox_tile -> CASE "
        "WHEN lakebox_t.z = :z THEN CASE WHEN ST_Intersects(:tile, :g) "
        f"THEN [{_step('lakebox_t', True)}] "
        f"ELSE CAST([] AS {_STEP_TYPE}[]) END "
        f"WHEN :contains THEN [{_step('lakebox_t', True)}] "
        f"WHEN NOT ST_Intersects(:tile, :g) THEN CAST([] AS {_STEP_TYPE}[]) "
        f"ELSE [{children}] END)[1] END))",
        z=zoom,
        p=_tile_polygon(
            exp.column("x", "lakebox_t"), exp.column("y", "lakebox_t"), exp.column("z", "lakebox_t")
        ),
        tile=tile,
        g=g,
        contains=_contains_tile(g, tile),
    )
    # a step a level from 10 to the zoom level (all 23 - 10 + 1 when it is not a literal)
    last = _literal_int(zoom)
    for _ in range(_OPTIMIZED_ZOOM, (_MAX_ZOOM if last is None else last) + 1):
        walk = _put(step.copy(), lakebox_walk=walk)
    expanded = _sql(
        "flatten(list_transform(lakebox_walk, lakebox_t -> list_transform("
        "range((1 << (:z - lakebox_t.z)) * (1 << (:z - lakebox_t.z))), lakebox_i -> :tile)))",
        z=_sql("CAST(:z AS BIGINT)", z=zoom),
        tile=_tile(
            _sql(
                "lakebox_t.x * (1 << (:z - lakebox_t.z)) + lakebox_i // (1 << (:z - lakebox_t.z))",
                z=zoom,
            ),
            _sql(
                "lakebox_t.y * (1 << (:z - lakebox_t.z)) + lakebox_i % (1 << (:z - lakebox_t.z))",
                z=zoom,
            ),
            zoom,
        ),
    )
    return _put(expanded, lakebox_walk=walk)


@_geo("geometry_to_bing_tiles")
def _geometry_to_bing_tiles(node: exp.Expr) -> exp.Expr:
    """The fewest tiles at the zoom level that cover the geometry, in Trino's order (the
    bounding tiles x then y, those the geometry misses left out; above zoom level 10, _walk's
    order), with Trino's limits: a million tiles for a point or a rectangle, 25 million
    tile-vertex checks for any other geometry."""
    geometry, zoom = _args(node, "geometry_to_bing_tiles", 2)
    g = exp.column("lakebox_geometry")
    lower_right = _tile_at_xy(_sql("ST_YMin(:g)", g=g), _sql("ST_XMax(:g)", g=g), zoom)
    corner = _corner(*lower_right, zoom)
    # the tile covering the lower right corner, one left (up) when it only touches the
    # bounding box on its left (upper) border
    upper_left = _tile_at_xy(_sql("ST_YMax(:g)", g=g), _sql("ST_XMin(:g)", g=g), zoom)
    rectangle = _sql(
        "CAST(ST_GeometryType(:g) AS VARCHAR) = 'POINT' OR "
        "(CAST(ST_GeometryType(:g) AS VARCHAR) = 'POLYGON' AND ST_NumInteriorRings(:g) = 0 "
        "AND ST_NPoints(:g) = 5 AND list_bool_and(list_transform(ST_Dump(ST_Points(:g)), "
        "lakebox_d -> ST_X(lakebox_d.geom) IN (ST_XMin(:g), ST_XMax(:g)) "
        "AND ST_Y(lakebox_d.geom) IN (ST_YMin(:g), ST_YMax(:g)))))",
        g=g,
    )
    bounds = _sql(
        "{'lx': :lx, 'ly': :ly, 'rx': :rx - CASE WHEN :cx = ST_XMax(:g) THEN 1 ELSE 0 END, "
        "'ry': :ry - CASE WHEN :cy = ST_YMin(:g) THEN 1 ELSE 0 END, 'rectangle': :rectangle}",
        lx=upper_left[0],
        ly=upper_left[1],
        rx=lower_right[0],
        ry=lower_right[1],
        cx=corner[0],
        cy=corner[1],
        g=g,
        rectangle=rectangle,
    )
    count = _sql(
        "(lakebox_bounds.rx - lakebox_bounds.lx + 1) * (lakebox_bounds.ry - lakebox_bounds.ly + 1)",
    )
    rows = _sql("(lakebox_bounds.ry - lakebox_bounds.ly + 1)")
    covering = _sql(
        "list_transform(list_filter(list_transform(range(:n), lakebox_i -> "
        "{'x': lakebox_bounds.lx + lakebox_i // :rows, "
        "'y': lakebox_bounds.ly + lakebox_i % :rows}), "
        "lakebox_p -> lakebox_bounds.rectangle OR ST_Intersects(:p, :g)), lakebox_p -> :tile)",
        n=count,
        rows=rows,
        p=_tile_polygon(exp.column("x", "lakebox_p"), exp.column("y", "lakebox_p"), zoom),
        g=g,
        tile=_tile(exp.column("x", "lakebox_p"), exp.column("y", "lakebox_p"), zoom),
    )
    too_complex = (
        "The zoom level is too high or the geometry is too complex to compute a set of "
        "covering Bing tiles. Please use a lower zoom level or convert the geometry to its "
        "bounding box using the ST_Envelope function."
    )
    fixed = "lakebox_java_fixed({}, 2)"
    tiles = exp.Case(
        ifs=[
            exp.If(
                this=_sql("lakebox_bounds.rectangle AND :n > 1000000", n=count),
                true=_error(
                    node,
                    _sql(
                        "'The number of tiles covering input rectangle exceeds the limit of "
                        "1M. Number of tiles: ' || CAST(:n AS VARCHAR) || '. Rectangle: xMin=' "
                        f"|| {fixed.format('ST_XMin(:g)')} || ', yMin=' "
                        f"|| {fixed.format('ST_YMin(:g)')} || ', xMax=' "
                        f"|| {fixed.format('ST_XMax(:g)')} || ', yMax=' "
                        f"|| {fixed.format('ST_YMax(:g)')} || '. Zoom level: ' "
                        "|| CAST(:z AS VARCHAR) || '.'",
                        n=count,
                        g=g,
                        z=zoom,
                    ),
                ),
            ),
            exp.If(
                this=_sql("NOT lakebox_bounds.rectangle AND :n > 2147483647", n=count),
                true=_error(
                    node,
                    exp.Literal.string(
                        "The zoom level is too high to compute a set of covering Bing tiles."
                    ),
                ),
            ),
            exp.If(
                this=_sql(
                    "NOT lakebox_bounds.rectangle AND :n * ST_NPoints(:g) > 25000000",
                    n=count,
                    g=g,
                ),
                true=_error(node, exp.Literal.string(too_complex)),
            ),
            exp.If(
                this=_sql(f"lakebox_bounds.rectangle OR :z <= {_OPTIMIZED_ZOOM}", z=zoom),
                true=covering,
            ),
        ],
        default=_walk(g, zoom),
    )
    level = _literal_int(zoom)
    if level is not None and level <= _OPTIMIZED_ZOOM:  # no walk to write
        tiles.args["ifs"].pop()
        tiles.set("default", covering)
    lat_span = "Latitude span for the geometry must be in [-85.05, 85.05] range"
    lon_span = "Longitude span for the geometry must be in [-180.00, 180.00] range"
    body = exp.Case(
        ifs=[
            exp.If(
                this=_sql("ST_IsEmpty(:g)", g=g),
                true=_sql(f"CAST([] AS {_TILE_TYPE}[])"),
            ),
            exp.If(
                this=_sql(
                    f"NOT (ST_YMin(:g) >= -{_MAX_LATITUDE} AND ST_YMin(:g) <= {_MAX_LATITUDE} "
                    f"AND ST_YMax(:g) >= -{_MAX_LATITUDE} AND ST_YMax(:g) <= {_MAX_LATITUDE})",
                    g=g,
                ),
                true=_error(node, exp.Literal.string(lat_span)),
            ),
            exp.If(
                this=_sql(
                    "NOT (ST_XMin(:g) >= -180 AND ST_XMin(:g) <= 180 AND ST_XMax(:g) >= -180 "
                    "AND ST_XMax(:g) <= 180)",
                    g=g,
                ),
                true=_error(node, exp.Literal.string(lon_span)),
            ),
        ],
        default=_let("lakebox_bounds", bounds, tiles),
    )
    return _checked(
        node, [geometry, zoom], _zoom_checks(zoom), _let("lakebox_geometry", geometry, body)
    )
