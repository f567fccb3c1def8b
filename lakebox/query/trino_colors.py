"""Trino's console colours on DuckDB: color, rgb, render and bar (their arithmetic, Java's
float HSB steps, is engine_functions.colors'). A colour is held as STRUCT(lakebox_color INTEGER),
Trino's int (0xRRGGBB, or -(i + 1) for a system colour); it is for render and bar, and a
result column of colours is refused by name (engine_worker.py)."""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import _anonymous, _fail, _template, refuse

_RED, _GREEN = 0xFF0000, 0x00FF00


def _color(value: exp.Expr) -> exp.Expr:
    return _template("CASE WHEN :v IS NULL THEN NULL ELSE {'lakebox_color': :v} END", v=value)


def _code(color: exp.Expr) -> exp.Expr:
    """The int of a colour built by color() or rgb()."""
    return _template("struct_extract(:c, 'lakebox_color')", c=color)


@_anonymous("rgb")
def _rgb(node: exp.Expr) -> exp.Expr:
    if len(node.expressions) != 3:
        raise refuse("rgb", f"{len(node.expressions)} arguments", "it takes 3")
    r, g, b = node.expressions
    checks = [
        exp.If(this=_template(":x < 0 OR :x > 255", x=x),
               true=_fail(f"{name} must be between 0 and 255", node))
        for name, x in (("red", r), ("green", g), ("blue", b))
    ]  # fmt: skip
    value = _template("CAST(:r * 65536 + :g * 256 + :b AS INTEGER)", r=r, g=g, b=b)
    return _color(exp.Case(ifs=checks, default=value))


@_anonymous("color")
def _color_function(node: exp.Expr) -> exp.Expr:
    """color('#rgb' | name); color(fraction, low, high); color(value, low, high, lowColor,
    highColor), the fraction (value - low) / (high - low)."""
    args = list(node.expressions)
    if len(args) == 1:
        return _color(_template("lakebox_parse_color(:s)", s=args[0]))
    if len(args) == 5:
        value, low, high, low_color, high_color = args
        fraction = _template(
            "(CAST(:v AS DOUBLE) - :lo) / (CAST(:hi AS DOUBLE) - :lo)", v=value, lo=low, hi=high
        )
        args = [fraction, low_color, high_color]
    if len(args) != 3:
        raise refuse("color", f"{len(args)} arguments", "it takes 1, 3 or 5")
    fraction, low_color, high_color = args
    return _color(
        _template(
            "lakebox_color_between(CAST(:f AS DOUBLE), :lo, :hi)",
            f=fraction,
            lo=_code(low_color),
            hi=_code(high_color),
        )
    )


@_anonymous("render")
def _render(node: exp.Expr) -> exp.Expr:
    """render(value, color) for strings, integers and doubles; render(boolean): a green check
    or a red cross."""
    args = list(node.expressions)
    if len(args) == 1:
        args = [args[0], _color(exp.Literal.number(-3))]  # the boolean's own colours
    if len(args) != 2:
        raise refuse("render", f"{len(args)} arguments", "it takes 1 or 2")
    value, color = args
    return _template("lakebox_render(CAST(:v AS VARCHAR), typeof(:v), :c)", v=value, c=_code(color))


@_anonymous("bar")
def _bar(node: exp.Expr) -> exp.Expr:
    """bar(x, width[, low, high]): red to green unless given."""
    args = list(node.expressions)
    if len(args) == 2:
        args += [_color(exp.Literal.number(_RED)), _color(exp.Literal.number(_GREEN))]
    if len(args) != 4:
        raise refuse("bar", f"{len(args)} arguments", "it takes 2 or 4")
    x, width, low, high = args
    return _template(
        "lakebox_bar(CAST(:x AS DOUBLE), CAST(:w AS BIGINT), :lo, :hi)",
        x=x,
        w=width,
        lo=_code(low),
        hi=_code(high),
    )
