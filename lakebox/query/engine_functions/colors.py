"""Trino's console colours (trino_colors.py): java.awt.Color's float HSB steps and the ANSI
escapes Trino's render and bar write."""

from __future__ import annotations

import math
from typing import Any

# -- Trino's console colours (trino_colors.py) -------------------------------------------------
# A colour is Trino's int: 0xRRGGBB, or -(i + 1) for the i-th of the eight system colours.

_SYSTEM_COLORS = ["BLACK", "RED", "GREEN", "YELLOW", "BLUE", "MAGENTA", "CYAN", "WHITE"]


def _parse_color(text: str) -> int:
    """color('#rgb') (each digit doubled, as CSS) or a system colour's name."""
    if len(text) == 4 and text[0] == "#":
        try:
            r, g, b = (int(c, 16) * 17 for c in text[1:])
        except ValueError:
            pass
        else:
            return (r << 16) | (g << 8) | b
    if text.upper() in _SYSTEM_COLORS:
        return -(_SYSTEM_COLORS.index(text.upper()) + 1)
    raise ValueError(f"Invalid color: '{text}'")


def _f32(x: float) -> float:
    """A Java float: the value rounded to single precision."""
    import struct

    return float(struct.unpack("<f", struct.pack("<f", x))[0])


def _java_int(x: float) -> int:
    return 0 if math.isnan(x) else int(x)


def _rgb_to_hsb(color: int) -> tuple[float, float, float]:
    """java.awt.Color.RGBtoHSB, in floats."""
    r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
    high, low = max(r, g, b), min(r, g, b)
    brightness = _f32(high / 255.0)
    saturation = _f32((high - low) / high) if high != 0 else 0.0
    if saturation == 0:
        return 0.0, saturation, brightness
    span = float(high - low)
    rc, gc, bc = (_f32((high - c) / span) for c in (r, g, b))
    if r == high:
        hue = _f32(bc - gc)
    elif g == high:
        hue = _f32(_f32(2.0 + rc) - bc)
    else:
        hue = _f32(_f32(4.0 + gc) - rc)
    hue = _f32(hue / 6.0)
    return (_f32(hue + 1.0) if hue < 0 else hue), saturation, brightness


def _hsb_to_rgb(hue: float, saturation: float, brightness: float) -> int:
    """java.awt.Color.HSBtoRGB, in floats."""

    def channel(v: float) -> int:
        return _java_int(_f32(_f32(v * 255.0) + 0.5)) & 255

    if saturation == 0:
        r = g = b = channel(brightness)
    else:
        h = _f32(_f32(hue - math.floor(hue)) * 6.0)
        f = _f32(h - math.floor(h))
        p = _f32(brightness * _f32(1.0 - saturation))
        q = _f32(brightness * _f32(1.0 - _f32(saturation * f)))
        t = _f32(brightness * _f32(1.0 - _f32(saturation * _f32(1.0 - f))))
        v = brightness
        sector = {0: (v, t, p), 1: (q, v, p), 2: (p, v, t), 3: (p, q, v), 4: (t, p, v),
                  5: (v, p, q)}.get(_java_int(h), (0.0, 0.0, 0.0))  # fmt: skip
        r, g, b = (channel(c) for c in sector)
    return (r << 16) | (g << 8) | b


def _interpolate(fraction: float, low: int, high: int) -> int:
    """Trino's colour between two, by linear steps of hue, saturation and brightness."""
    fraction = _f32(fraction)
    lh, hh = _rgb_to_hsb(low), _rgb_to_hsb(high)
    h, s, v = (_f32(_f32(fraction * _f32(b - a)) + a) for a, b in zip(lh, hh, strict=True))
    return _hsb_to_rgb(h, s, v)


def _color_between(fraction: float, low: int, high: int) -> int:
    if low < 0:
        raise ValueError("lowColor not a valid RGB color")
    if high < 0:
        raise ValueError("highColor not a valid RGB color")
    return _interpolate(min(1.0, max(0.0, fraction)) if not math.isnan(fraction) else fraction,
                        low, high)  # fmt: skip


def _ansi(color: int) -> str:
    if color < 0:
        code = -color - 1
    else:
        r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
        code = 16 + (r * 6 // 256) * 36 + (g * 6 // 256) * 6 + (b * 6 // 256)
    return f"\x1b[38;5;{code}m"


def _java_double(value: float) -> str:
    """Java's Double.toString: plain between 10^-3 and 10^7, else d.dddE±n, of the shortest
    digits that read back as the value."""
    from decimal import Decimal as Exact

    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0 or 1e-3 <= abs(value) < 1e7:
        return format(Exact(repr(value)), "f") if "e" in repr(value) else repr(value)
    sign, digit_tuple, exponent = Exact(repr(value)).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    power = len(digits) - 1 + int(exponent)
    return f"{'-' if sign else ''}{digits[0]}.{digits[1:] or '0'}E{power}"


def _render(text: str, duckdb_type: str, color: int) -> str:
    """A value in a colour, as Trino writes it: numbers as Java's toString."""
    if duckdb_type in ("DOUBLE", "FLOAT"):
        value = _f32(float(text)) if duckdb_type == "FLOAT" else float(text)
        text = _java_double(value)
    elif duckdb_type == "BOOLEAN":
        color, text = (-3, "\u2713") if text == "true" else (-2, "\u2717")
    return f"{_ansi(color)}{text}\x1b[0m"


def _bar(percent: float, width: int, low: int, high: int) -> str:
    """A bar of ``width`` cells, the first percent * width of them coloured from low to
    high."""
    if low < 0 or high < 0:
        raise ValueError("color is not a valid rgb value")
    count = max(0, min(width, _java_int(percent * width)))
    cells = []
    for i in range(count):
        fraction = i / (width - 1) if width != 1 else math.nan
        cells.append(_ansi(_interpolate(fraction, low, high)) + "\u2588")
    return "".join(cells) + "\x1b[0m" + " " * (width - count)


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_parse_color", _parse_color, ["VARCHAR"], "INTEGER"),
    ("lakebox_color_between", _color_between, ["DOUBLE", "INTEGER", "INTEGER"], "INTEGER"),
    ("lakebox_render", _render, ["VARCHAR", "VARCHAR", "INTEGER"], "VARCHAR"),
    ("lakebox_bar", _bar, ["DOUBLE", "BIGINT", "INTEGER", "INTEGER"], "VARCHAR"),
]
