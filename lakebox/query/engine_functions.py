"""The Python functions each engine process's DuckDB registers: Trino functions DuckDB lacks
(trino_udfs.py and trino_geo.py map Trino's names onto these ``lakebox_*`` ones).

engine_worker.py loads this file by its path: like the worker, it imports nothing of lakebox's.
Libraries are imported inside the functions, so a process that never calls one never loads it.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

# -- Trino functions DuckDB lacks, from Python's standard library -------------------------
# (the engine's queries call them as lakebox_*; trino_udfs.py maps Trino's names onto them)


def _hmac(algorithm: str) -> Any:
    import hmac

    return lambda data, key: hmac.new(key, data, algorithm).digest()


def _normal(mean: float, sd: float) -> Any:
    from statistics import NormalDist

    if not sd > 0:
        raise ValueError("standardDeviation must be > 0")
    return NormalDist(mean, sd)


def _inverse_normal_cdf(mean: float, sd: float, p: float) -> float:
    if not 0 < p < 1:
        raise ValueError("p must be 0 > p > 1")
    return float(_normal(mean, sd).inv_cdf(p))


def _ieee754(fmt: str, size: int) -> Any:
    import struct

    def decode(data: bytes) -> float:
        if len(data) != size:
            raise ValueError(f"Input floating-point value must be exactly {size} bytes long")
        return float(struct.unpack(fmt, data)[0])

    return decode


def _sha512(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha512(data).digest()


def _crc32(data: bytes) -> int:
    import zlib

    return zlib.crc32(data)


def _to_base32(data: bytes) -> str:
    import base64

    return base64.b32encode(data).decode()


def _from_base32(text: str) -> bytes:
    import base64

    return base64.b32decode(text)


def _combinations(length: int, n: int) -> list[list[int]]:
    """The positions of the n-element combinations of ``length`` elements, in Trino's order
    (by the last position, then the one before: [1, 2], [1, 3], [2, 3], [1, 4], ...)."""
    combos = itertools.combinations(range(1, length + 1), n)
    return [list(c) for c in sorted(combos, key=lambda c: c[::-1])]


def _murmur3(data: bytes) -> bytes:
    """MurmurHash3 x64 128 with seed 0, h1 then h2 little-endian (airlift's Murmur3Hash128)."""
    import mmh3

    return bytes(mmh3.hash_bytes(data, 0, True))


def _xxhash64(data: bytes) -> bytes:
    """XXH64 with seed 0, big-endian (Trino writes the long's bytes reversed)."""
    import xxhash

    return xxhash.xxh64(data, seed=0).digest()


_MASK = (1 << 64) - 1
_SPOOKY_CONSTANT = 0xDEADBEEFDEADBEEF
# SpookyHash V2's rotations: the short hash's mix and end, the long hash's mix and end
_SHORT_MIX = (50, 52, 30, 41, 54, 48, 38, 37, 62, 34, 5, 36)
_SHORT_END = (15, 52, 26, 51, 28, 9, 47, 54, 32, 25, 63)
_LONG_MIX = (11, 32, 43, 31, 17, 28, 39, 57, 55, 54, 22, 46)
_LONG_END = (44, 15, 34, 21, 38, 33, 10, 13, 38, 53, 42, 54)


def _rotate(x: int, k: int) -> int:
    return ((x << k) | (x >> (64 - k))) & _MASK


def _spooky_short(data: bytes) -> int:
    """Bob Jenkins' SpookyHash V2, 64 bits, seed 0, for fewer than 192 bytes."""
    import struct

    h = [0, 0, _SPOOKY_CONSTANT, _SPOOKY_CONSTANT]

    def mix() -> None:
        # h[2] = rot(h[2], r) + h[3]; h[0] ^= h[2]; then the same one place further, 12 times
        for step, r in enumerate(_SHORT_MIX):
            a, b, c = (2 + step) % 4, (3 + step) % 4, step % 4
            h[a] = (_rotate(h[a], r) + h[b]) & _MASK
            h[c] ^= h[a]

    length, current = len(data), 0
    while current <= length - 32:
        w = struct.unpack_from("<4Q", data, current)
        h[2] = (h[2] + w[0]) & _MASK
        h[3] = (h[3] + w[1]) & _MASK
        mix()
        h[0] = (h[0] + w[2]) & _MASK
        h[1] = (h[1] + w[3]) & _MASK
        current += 32
    if length - current >= 16:
        w = struct.unpack_from("<2Q", data, current)
        h[2] = (h[2] + w[0]) & _MASK
        h[3] = (h[3] + w[1]) & _MASK
        mix()
        current += 16
    rest = data[current:]
    h[3] = (h[3] + (length << 56)) & _MASK
    if not rest:
        h[2] = (h[2] + _SPOOKY_CONSTANT) & _MASK
        h[3] = (h[3] + _SPOOKY_CONSTANT) & _MASK
    elif len(rest) >= 8:
        h[2] = (h[2] + int.from_bytes(rest[:8], "little")) & _MASK
        h[3] = (h[3] + int.from_bytes(rest[8:], "little")) & _MASK
    else:
        h[2] = (h[2] + int.from_bytes(rest, "little")) & _MASK
    # end: h[3] ^= h[2]; h[2] = rot(h[2], r); h[3] += h[2]; then one place further, 11 times
    for step, r in enumerate(_SHORT_END):
        a, b = (2 + step) % 4, (3 + step) % 4
        h[b] ^= h[a]
        h[a] = _rotate(h[a], r)
        h[b] = (h[b] + h[a]) & _MASK
    return h[0]


def _spooky_long(data: bytes) -> int:
    """SpookyHash V2, 64 bits, seed 0, for 192 bytes or more: 96-byte blocks of 12 words."""
    import struct

    h = [0, 0, _SPOOKY_CONSTANT] * 4

    def mix(w: tuple[int, ...]) -> None:
        for i, r in enumerate(_LONG_MIX):
            h[i] = (h[i] + w[i]) & _MASK
            h[(i + 2) % 12] ^= h[(i + 10) % 12]
            h[(i + 11) % 12] ^= h[i]
            h[i] = _rotate(h[i], r)
            h[(i + 11) % 12] = (h[(i + 11) % 12] + h[(i + 1) % 12]) & _MASK

    def end() -> None:
        for i, r in enumerate(_LONG_END):
            h[(i + 11) % 12] = (h[(i + 11) % 12] + h[(i + 1) % 12]) & _MASK
            h[(i + 2) % 12] ^= h[(i + 11) % 12]
            h[(i + 1) % 12] = _rotate(h[(i + 1) % 12], r)

    length, current = len(data), 0
    while current <= length - 96:
        mix(struct.unpack_from("<12Q", data, current))
        current += 96
    remaining = length - current
    block = data[current:] + bytes(96 - remaining)  # the last bytes, zero-padded
    words = list(struct.unpack("<12Q", block))
    words[11] = (words[11] + (remaining << 56)) & _MASK
    for i in range(12):
        h[i] = (h[i] + words[i]) & _MASK
    for _ in range(3):
        end()
    return h[0]


def _spooky64(data: bytes) -> bytes:
    value = _spooky_short(data) if len(data) < 192 else _spooky_long(data)
    return value.to_bytes(8, "big")


def _spooky32(data: bytes) -> bytes:
    return _spooky64(data)[4:]


def _beta_cdf(a: float, b: float, value: float) -> float:
    """The regularized incomplete beta function I_value(a, b), to double precision (Trino's,
    commons-math's continued fraction, can differ in the last digit)."""
    import mpmath

    if not 0 <= value <= 1:
        raise ValueError("value must be 0 >= v >= 1")
    if not (a > 0 and b > 0):
        raise ValueError("a, b must be > 0")
    with mpmath.workdps(30):
        return float(mpmath.betainc(a, b, 0, value, regularized=True))


def _inverse_beta_cdf(a: float, b: float, p: float) -> float:
    """The x with I_x(a, b) = p (Trino's solver is accurate to 1e-9; this one to double
    precision)."""
    import mpmath

    if not 0 <= p <= 1:
        raise ValueError("p must be 0 >= p >= 1")
    if not (a > 0 and b > 0):
        raise ValueError("a, b must be > 0")
    if p in (0, 1):
        return float(p)
    with mpmath.workdps(30):
        root = mpmath.findroot(
            lambda x: mpmath.betainc(a, b, 0, x, regularized=True) - p, (0, 1), solver="anderson"
        )
        return float(root)


# Trino's word_stem languages (Lucene's Snowball stemmers) by the codes Trino takes
_STEMMERS = {
    "ca": "catalan", "da": "danish", "de": "german", "en": "english", "es": "spanish",
    "eu": "basque", "fi": "finnish", "fr": "french", "hu": "hungarian", "hy": "armenian",
    "ir": "irish", "it": "italian", "lt": "lithuanian", "nl": "dutch_porter", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
}  # fmt: skip


def _word_stem(word: str, language: str) -> str:
    import snowballstemmer

    name = _STEMMERS.get(language)
    if name is None:
        raise ValueError(f"Unknown stemmer language: {language}")
    return str(snowballstemmer.stemmer(name).stemWord(word))


def _char2hexint(text: str) -> str:
    """Teradata's char2hexint: the UTF-16 (big-endian) code units, in upper-case hex."""
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def _divide(x: float, y: float) -> float:
    """Java's double division (Python raises on a zero divisor)."""
    if y == 0:
        return math.nan if x == 0 or math.isnan(x) else math.copysign(math.inf, x * y or x)
    return x / y


def _cosine_similarity(x: list[float | None], y: list[float | None]) -> float | None:
    """Trino's for arrays: the lengths checked first, NULL with a NULL element, the two
    magnitudes multiplied under one square root."""
    if len(x) != len(y):
        raise ValueError("The arguments must have the same length")
    if None in x or None in y:
        return None
    dot = mx = my = 0.0
    for a, b in zip(x, y, strict=True):
        assert a is not None and b is not None
        dot += a * b
        mx += a * a
        my += b * b
    if mx == 0 or my == 0:
        raise ValueError("Vector magnitude cannot be zero")
    return _divide(dot, math.sqrt(mx * my))


def _cosine_distance(x: list[float | None], y: list[float | None]) -> float | None:
    similarity = _cosine_similarity(x, y)
    return None if similarity is None else 1.0 - similarity


Entries = list[tuple[str, float | None]]  # a MAP(VARCHAR, DOUBLE) as Arrow gives it


def _map_cosine_similarity(left: Entries, right: Entries) -> float | None:
    """Trino's for maps (sparse vectors): the dot product over the keys both have, each
    magnitude under its own square root; NULL with a NULL value."""
    if any(v is None for _, v in left) or any(v is None for _, v in right):
        return None
    x = {k: float(v or 0.0) for k, v in left}
    y = {k: float(v or 0.0) for k, v in right}
    dot = sum(v * y[k] for k, v in x.items() if k in y)
    nx = math.sqrt(sum(v * v for v in x.values()))
    ny = math.sqrt(sum(v * v for v in y.values()))
    return _divide(dot, nx * ny)


def _map_cosine_distance(left: Entries, right: Entries) -> float | None:
    similarity = _map_cosine_similarity(left, right)
    return None if similarity is None else 1.0 - similarity


def _java_long(value: float) -> int:
    """Java's (long) of a double: toward zero, NaN 0, clamped to the long's range."""
    if math.isnan(value):
        return 0
    if value >= 2.0**63:
        return 2**63 - 1
    if value < -(2.0**63):
        return -(2**63)
    return int(value)


def _format_number(value: float) -> str:
    """Trino's format_number: thousands as K, M, B, T, Q (a double truncated to an integer
    first), two decimals under 10, one under 100, none above, rounded half up (Java's
    DecimalFormat of the exact binary value)."""
    from decimal import ROUND_HALF_UP
    from decimal import Decimal as Exact

    v = float(_java_long(value))
    unit = ""
    for u in "KMBTQ":
        if v >= 1000 or v <= -1000:
            v /= 1000
            unit = u
    step = Exact("0.01") if v < 10 else Exact("0.1") if v < 100 else Exact("1")
    text = format(Exact(v).quantize(step, rounding=ROUND_HALF_UP), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + unit


_SOUNDEX = "01230120022455012623010202"  # A..Z (commons-codec's US English mapping)


def _soundex(text: str) -> str:
    """commons-codec's Soundex, as Trino calls it: letters only, H and W skipped without
    ending a run, a letter outside A..Z fails."""
    letters = "".join(c for c in text if c.isalpha()).upper()
    if not letters:
        return ""

    def code(c: str) -> str:
        index = ord(c) - ord("A")
        if not 0 <= index < 26:
            raise ValueError(f"The character is not mapped: {c} (index={index})")
        return _SOUNDEX[index]

    out, last = letters[0], code(letters[0])
    for c in letters[1:]:
        if len(out) == 4:
            break
        if c in "HW":
            continue
        digit = code(c)
        if digit not in ("0", last):
            out += digit
        last = digit
    return out.ljust(4, "0")


# Teradata's date format tokens, longest first (Trino's DateFormat lexer): the field each one
# parses and the most digits it takes
_TERADATA_TOKENS = [
    ("yyyy", "year", 4), ("hh24", "hour", 2), ("yy", "year2", 2), ("dd", "day", 2),
    ("hh", "halfday_hour", 2), ("mi", "minute", 2), ("mm", "month", 2), ("ss", "second", 2),
]  # fmt: skip
_TERADATA_TEXT = " /-.,;:"


def _teradata_tokens(pattern: str) -> list[tuple[str, int] | str]:
    """A Teradata format as Trino's lexer reads it: tokens longest first, separators as
    themselves; anything else fails naming it."""
    fields: list[tuple[str, int] | str] = []
    at = 0
    while at < len(pattern):
        for token, field, digits in _TERADATA_TOKENS:
            if pattern.startswith(token, at):
                fields.append((field, digits))
                at += len(token)
                break
        else:
            if pattern[at] not in _TERADATA_TEXT:
                raise ValueError(f"Failed to tokenize string [{pattern[at]}] at offset [{at}]")
            fields.append(pattern[at])
            at += 1
    return fields


def _to_char(value: Any, pattern: str, duckdb_type: str) -> str:
    """Teradata's to_char: each token printed two digits wide (yyyy four), hh the hour of the
    half day (0 to 11), no fraction of a second. Trino prints a timestamp with time zone in
    its own zone, which lakebox does not keep: refused."""
    if duckdb_type == "TIMESTAMP WITH TIME ZONE":
        raise ValueError(
            "to_char of a timestamp with time zone is not supported by lakebox (its zone is "
            "not kept); cast it to a timestamp in the zone you want"
        )
    printed = {
        "year": lambda v: f"{v.year:04d}",
        "year2": lambda v: f"{v.year % 100:02d}",
        "month": lambda v: f"{v.month:02d}",
        "day": lambda v: f"{v.day:02d}",
        "hour": lambda v: f"{v.hour:02d}",
        "halfday_hour": lambda v: f"{v.hour % 12:02d}",
        "minute": lambda v: f"{v.minute:02d}",
        "second": lambda v: f"{v.second:02d}",
    }
    return "".join(
        item if isinstance(item, str) else printed[item[0]](value)
        for item in _teradata_tokens(pattern)
    )


def _teradata_parse(text: str, pattern: str) -> Any:
    """Teradata's to_timestamp(text, format), as Trino's Joda formatter parses it: the format
    tokenised longest token first, each number of up to its digits, ``yy`` a year of 2000 to
    2099, ``hh`` an hour of the half day (0 to 11), a missing year 2000."""
    import datetime as dt

    fields = _teradata_tokens(pattern)
    values = {"year": 2000, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0}
    pos = 0
    for item in fields:
        if isinstance(item, str):
            if not text.startswith(item, pos):
                raise ValueError(f'Invalid format: "{text}" is malformed at "{text[pos:]}"')
            pos += 1
            continue
        field, digits = item
        end = pos
        while end < len(text) and end - pos < digits and text[end].isdigit():
            end += 1
        if end == pos or (field == "year2" and end - pos != 2):
            raise ValueError(f'Invalid format: "{text}" is malformed at "{text[pos:]}"')
        number = int(text[pos:end])
        pos = end
        if field == "year2":
            values["year"] = 2000 + number
        elif field == "halfday_hour":
            if number > 11:
                raise ValueError(f"Cannot parse \"{text}\": Value {number} for hourOfHalfday "
                                 "must be in the range [0,11]")  # fmt: skip
            values["hour"] = number
        else:
            values[field] = number
    if pos != len(text):
        raise ValueError(f'Invalid format: "{text}" is malformed at "{text[pos:]}"')
    v = values
    return dt.datetime(v["year"], v["month"], v["day"], v["hour"], v["minute"], v["second"])


# -- sketches (trino_sketches.py): the hashes Trino feeds its sketches, by the value's type ---

_LONGS = {"BIGINT", "INTEGER", "SMALLINT", "TINYINT"}
_PRIME64 = 0x9E3779B185EBCA87


def _value_bytes(text: str, duckdb_type: str, function: str) -> bytes:
    """A value (as DuckDB's text of it) as the bytes Trino hashes: a long's 8 bytes
    little-endian, a double's bits, a varchar's UTF-8."""
    import struct

    if duckdb_type in _LONGS:
        return struct.pack("<q", int(text))
    if duckdb_type == "BOOLEAN":
        return struct.pack("<q", 1 if text == "true" else 0)
    if duckdb_type == "DOUBLE":
        return struct.pack("<d", float(text))  # NaN has one form (Java's doubleToLongBits)
    if duckdb_type == "VARCHAR":
        return text.encode()
    raise ValueError(f"{function} of values of type {duckdb_type} is not supported by lakebox")


def _sketch_hash(text: str, duckdb_type: str) -> int:
    """airlift's Murmur3Hash128.hash64, as approx_set and make_set_digest hash a value."""
    import mmh3

    return int(mmh3.hash64(_value_bytes(text, duckdb_type, "a sketch"), 0, True, True)[0])


def _checksum_term(text: str, duckdb_type: str) -> int:
    """A value's part of checksum(): its XXH64 times Trino's prime, modulo 2^64 (signed)."""
    import xxhash

    if duckdb_type == "DOUBLE" and float(text) == 0:
        text = "0.0"  # Trino hashes -0.0 as 0.0 here (its sketches do not)
    term = xxhash.xxh64(_value_bytes(text, duckdb_type, "checksum")).intdigest() * _PRIME64
    term %= 2**64
    return term - 2**64 if term >= 2**63 else term


def _checksum_bytes(total: str) -> bytes:
    """The sum of the terms (and Trino's prime for each NULL) as checksum's 8 bytes,
    little-endian."""
    return (int(total) % 2**64).to_bytes(8, "little")


def _jaccard_index(x: list[int], y: list[int]) -> float:
    """Trino's MinHash estimate: of the k smallest hashes of the union (k the smaller digest's
    size, each digest its 8,192 smallest), the share that both hold."""
    a, b = sorted(set(x))[:8192], sorted(set(y))[:8192]
    k = min(len(a), len(b))
    if k == 0:
        return math.nan
    both = set(a) & set(b)
    union = sorted(set(a) | set(b))[:k]
    return sum(1 for h in union if h in both) / k


def _setdigest_merge(hashes: list[int], counts: list[int]) -> list[int]:
    """Digests' (hash, count) entries merged: counts of a hash added, at most 32,767; the
    result as hash, count, hash, count, ... by hash."""
    merged: dict[int, int] = {}
    for h, n in zip(hashes, counts, strict=True):
        merged[h] = min(32767, merged.get(h, 0) + n)
    return [v for h in sorted(merged) for v in (h, merged[h])]


def _quantile_indexes(weights: list[int], quantiles: list[float]) -> list[int]:
    """The 1-based positions, in a digest's values sorted, of Trino's quantiles: the first
    value whose running weight passes q times the total, else the last (airlift's
    QuantileDigest while it is exact)."""
    if any(q is None for q in quantiles):
        raise ValueError("a quantile is NULL")
    if any(not 0 <= q <= 1 for q in quantiles):
        raise ValueError("quantile must be between [0,1]")
    if any(b < a for a, b in itertools.pairwise(quantiles)):
        raise ValueError("quantiles must be sorted in increasing order")
    total = sum(weights)
    out = []
    for q in quantiles:
        running, at = 0, len(weights)
        for i, w in enumerate(weights, 1):
            running += w
            if running > q * total:
                at = i
                break
        out.append(at)
    return out


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


def _histogram_penalty(v1: float, w1: float, v2: float, w2: float) -> float:
    """Trino's NumericHistogram penalty of merging two buckets, in its order of operations."""
    weight = w1 + w2
    squared = (v1 - v2) * (v1 - v2)
    proportions = (w1 * w2) / ((w1 + w2) * (w1 + w2))
    return weight * squared * proportions


def _histogram_merge(values: list[float], weights: list[float], target: int) -> None:
    """Merge the sorted buckets in place down to ``target``: always the adjacent pair of the
    least penalty (ties by position), as Trino's priority queue."""
    import heapq

    count = len(values)
    left: list[int | None] = [i - 1 if i > 0 else None for i in range(count)]
    right: list[int | None] = [i + 1 if i + 1 < count else None for i in range(count)]
    version = [0] * count

    def push(i: int) -> None:
        r = right[i]
        penalty = math.inf if r is None else _histogram_penalty(values[i], weights[i],
                                                                values[r], weights[r])  # fmt: skip
        heapq.heappush(queue, (penalty, i, version[i]))

    queue: list[tuple[float, int, int]] = []
    for i in range(count):
        push(i)
    alive = set(range(count))
    while len(alive) > target:
        _, i, seen = heapq.heappop(queue)
        if i not in alive or seen != version[i]:
            continue
        r = right[i]
        assert r is not None
        weight = weights[i] + weights[r]
        values[i] = (values[i] * weights[i] + values[r] * weights[r]) / weight
        weights[i] = weight
        alive.discard(r)
        right[i] = right[r]
        if right[r] is not None:
            left[right[r]] = i  # type: ignore[index]
        version[i] += 1
        push(i)
        li = left[i]
        if li is not None:
            version[li] += 1
            push(li)
    kept = sorted(alive, key=lambda i: values[i])
    values[:] = [values[i] for i in kept]
    weights[:] = [weights[i] for i in kept]


def _histogram_compact(values: list[float], weights: list[float], buckets: int) -> None:
    pairs = sorted(zip(values, weights, strict=True), key=lambda p: p[0])
    values.clear()
    weights.clear()
    for v, w in pairs:  # the same value once, its weights added
        if values and values[-1] == v:
            weights[-1] += w
        else:
            values.append(v)
            weights.append(w)
    if len(values) > buckets:
        _histogram_merge(values, weights, buckets)


def _numeric_histogram(
    buckets: int, xs: list[float | None], ws: list[float | None]
) -> list[tuple[float, float]]:
    """Trino's numeric_histogram in one accumulator over the rows in order: a buffer of 100
    entries beyond the buckets, compacted when full and at the end."""
    if buckets < 2:
        raise ValueError("numeric_histogram bucket count must be greater than one")
    values: list[float] = []
    weights: list[float] = []
    for x, w in zip(xs, ws, strict=True):
        if x is None or w is None:
            continue
        if len(values) == buckets + 100:
            _histogram_compact(values, weights, buckets)
        values.append(x)
        weights.append(w)
    _histogram_compact(values, weights, buckets)
    return list(zip(values, weights, strict=True))


def _pack(fmt: str) -> Any:
    import struct

    return lambda value: struct.pack(fmt, value)


# -- geometries' text (trino_geo.py) ----------------------------------------------------------

# a WKT token: a type word (not the e of 1e10), a parenthesis, or a run of coordinates
_WKT_TOKEN = r"(?<![0-9.])[A-Za-z]+|[()]|(?:[^()A-Za-z]|(?<=[0-9.])[eE])+"


def _rings(text: str, ring: Any, multipoint: Any = None) -> str:
    """``text`` (WKT) with each polygon ring's coordinates replaced by ``ring(coordinates,
    is_shell)`` and each MULTIPOINT's by ``multipoint(coordinates)``."""
    import re

    out: list[str] = []
    stack: list[tuple[str, int]] = []  # per open parenthesis: its geometry type, its depth
    kind = ""
    rings_seen = 0  # of the polygon being read
    for token in re.findall(_WKT_TOKEN, text):
        if token[0].isalpha():
            if token.upper() not in ("Z", "M", "ZM", "EMPTY"):
                kind = token.upper()
        elif token == "(":
            if kind or not stack:
                stack.append((kind, 1))
            else:
                stack.append((stack[-1][0], stack[-1][1] + 1))
            if stack[-1] in (("POLYGON", 1), ("MULTIPOLYGON", 2)):
                rings_seen = 0
            kind = ""
        elif token == ")":
            if stack:
                stack.pop()
        elif stack and stack[-1] in (("POLYGON", 2), ("MULTIPOLYGON", 3)):
            token = ring(token, rings_seen == 0)
            rings_seen += 1
        elif multipoint is not None and stack and stack[-1] == ("MULTIPOINT", 1):
            token = multipoint(token)
        out.append(token)
    return "".join(out)


def _points(coordinates: str) -> list[list[float]] | None:
    try:
        return [[float(v) for v in point.split()] for point in coordinates.split(",")]
    except ValueError:
        return None  # not numbers: DuckDB's reader names the error


def _closed_rings(text: str) -> str:
    """A WKT text with each polygon ring closed: Trino reads ``POLYGON ((0 0, 1 0, 1 1))`` as
    the closed triangle, GEOS refuses an open ring."""

    def close(coordinates: str, _: bool) -> str:
        points = _points(coordinates)
        if points and points[0] != points[-1]:
            return f"{coordinates.rstrip()}, {coordinates.split(',')[0].strip()}"
        return coordinates

    return _rings(text, close)


def _trino_wkt(text: str) -> str:
    return _oriented_wkt(text, shells_clockwise=False)


def _oriented_wkt(text: str, shells_clockwise: bool) -> str:
    """DuckDB's WKT of a geometry as Trino writes it: a polygon's shell counter-clockwise and
    its holes clockwise (GEOS keeps the order it computed; ``shells_clockwise``: the other
    way, as Trino's ST_Points lists them), a MULTIPOINT's points each in parentheses
    (``MULTIPOINT ((1 2), (3 4))``, DuckDB: ``MULTIPOINT (1 2, 3 4)``)."""

    def orient(coordinates: str, shell: bool) -> str:
        shell = shell != shells_clockwise
        points = _points(coordinates)
        if not points or len(points) < 4:
            return coordinates
        twice_area = sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(points))
        if (twice_area > 0) == shell or twice_area == 0:
            return coordinates
        return ", ".join(p.strip() for p in reversed(coordinates.split(",")))

    def wrap(coordinates: str) -> str:
        return ", ".join(f"({p.strip()})" for p in coordinates.split(","))

    return _rings(text, orient, wrap)


def _polyline_decode(text: str) -> str:
    """Google's encoded polyline as WKT (x longitude, y latitude), as Trino decodes it: the
    sums of the deltas times 1e-5; one point makes an empty line."""
    points: list[str] = []
    index = latitude = longitude = 0

    def number() -> int:
        nonlocal index
        result, shift = 1, 0
        while True:
            if index >= len(text):
                raise ValueError(f"not an encoded polyline: {text!r} ends inside a number")
            value = ord(text[index]) - 63 - 1
            index += 1
            result += value << shift
            shift += 5
            if value < 0x1F:
                return ~(result >> 1) if result & 1 else result >> 1

    while index < len(text):
        latitude += number()
        longitude += number()
        points.append(f"{longitude * 1e-5!r} {latitude * 1e-5!r}")
    if len(points) < 2:
        return "LINESTRING EMPTY"
    return f"LINESTRING ({', '.join(points)})"


def _polyline_encode(xs: list[float], ys: list[float]) -> str:
    """Points (longitudes, latitudes) as Google's encoded polyline, as Trino encodes them."""
    out: list[str] = []
    last_latitude = last_longitude = 0
    for x, y in zip(xs, ys, strict=True):
        latitude, longitude = _java_round(y * 1e5), _java_round(x * 1e5)
        for delta in (latitude - last_latitude, longitude - last_longitude):
            value = ~(delta << 1) if delta < 0 else delta << 1
            while value >= 0x20:
                out.append(chr((0x20 | (value & 0x1F)) + 63))
                value >>= 5
            out.append(chr(value + 63))
        last_latitude, last_longitude = latitude, longitude
    return "".join(out)


def _java_round(value: float) -> int:
    """Java's Math.round: half up (Python's round is half to even)."""
    import math

    return math.floor(value + 0.5)


def _trino_wkt_clockwise(text: str) -> str:
    return _oriented_wkt(text, shells_clockwise=True)


def _java_fixed(value: float, digits: int) -> str:
    """A double as Java's ``String.format("%.<digits>f")`` writes it: its exact value rounded
    half up (C's printf rounds a tie half to even)."""
    import decimal

    exact = decimal.Decimal(value)
    return str(exact.quantize(decimal.Decimal(1).scaleb(-digits), decimal.ROUND_HALF_UP))


# -- Bing tiles (trino_geo.py): Trino's tiles around a point within a radius ------------------

_EARTH_RADIUS_KM = 6371.01
_MAX_LATITUDE = 85.05112878


def _tile_at(latitude: float, longitude: float, zoom: int) -> tuple[int, int]:
    """The tile (x, y) holding a point, as Trino's latitudeLongitudeToTile."""
    import math

    size = 256 << zoom

    def axis(value: float) -> int:
        return int(min(max(value * size, 0.0), float(size - 1))) // 256

    sin_latitude = math.sin(latitude * math.pi / 180)
    y = 0.5 - math.log((1 + sin_latitude) / (1 - sin_latitude)) / (4 * math.pi)
    return axis((longitude + 180) / 360), axis(y)


def _tile_corner(x: int, y: int, zoom: int) -> tuple[float, float]:
    """The (latitude, longitude) of a tile's upper left corner."""
    import math

    size = 256 << zoom
    cx = min(max(x * 256, 0), size) / size - 0.5
    cy = 0.5 - min(max(y * 256, 0), size) / size
    return 90 - 360 * math.atan(math.exp(-cy * 2 * math.pi)) / math.pi, 360 * cx


def _moved(latitude: float, longitude: float, km: float, bearing: float) -> tuple[float, float]:
    """Trino's addDistanceToLatitude and addDistanceToLongitude (each keeps the other
    coordinate)."""
    import math

    lat, lon, b = math.radians(latitude), math.radians(longitude), math.radians(bearing)
    ratio = km / _EARTH_RADIUS_KM
    new_latitude = math.degrees(
        math.asin(math.sin(lat) * math.cos(ratio) + math.cos(lat) * math.sin(ratio) * math.cos(b))
    )
    new_latitude = min(max(new_latitude, -_MAX_LATITUDE), _MAX_LATITUDE)
    new_longitude = math.degrees(
        lon
        + math.atan2(
            math.sin(b) * math.sin(ratio) * math.cos(lat),
            math.cos(ratio) - math.sin(lat) * math.sin(lat),
        )
    )
    if new_longitude > 180:
        new_longitude = -180 + (new_longitude - 180)
    elif new_longitude < -180:
        new_longitude = 180 + (new_longitude + 180)
    return new_latitude, new_longitude


def _around_bounds(latitude: float, longitude: float, zoom: int, km: float) -> list[int]:
    """The top, bottom, left and right tiles' y, y, x, x, and the number of tiles in the
    rectangle they span."""
    top = _tile_at(_moved(latitude, longitude, km, 0)[0], longitude, zoom)[1]
    bottom = _tile_at(_moved(latitude, longitude, km, 180)[0], longitude, zoom)[1]
    left = _tile_at(latitude, _moved(latitude, longitude, km, 270)[1], zoom)[0]
    right = _tile_at(latitude, _moved(latitude, longitude, km, 90)[1], zoom)[0]
    last = (1 << zoom) - 1
    across = right + last - left + 2 if right < left else right - left + 1
    return [top, bottom, left, right, across * (bottom - top + 1)]


def _bing_tiles_around_limit(latitude: float, longitude: float, zoom: int, km: float) -> str:
    """Trino's message when the tiles around a point are more than a million, else ''."""
    count = _around_bounds(latitude, longitude, zoom, km)[4]
    if count <= 1_000_000:
        return ""
    return (
        "The number of tiles covering input rectangle exceeds the limit of 1M. "
        f"Number of tiles: {count}. Radius: {_java_fixed(km, 1)} km. Zoom level: {zoom}."
    )


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    r1, r2 = math.radians(lat1), math.radians(lat2)
    delta = math.radians(lon1) - math.radians(lon2)
    t1 = math.cos(r2) * math.sin(delta)
    t2 = math.cos(r1) * math.sin(r2) - math.sin(r1) * math.cos(r2) * math.cos(delta)
    t3 = math.sin(r1) * math.sin(r2) + math.cos(r1) * math.cos(r2) * math.cos(delta)
    return math.atan2(math.sqrt(t1 * t1 + t2 * t2), t3) * _EARTH_RADIUS_KM


def _bing_tiles_around(latitude: float, longitude: float, zoom: int, km: float) -> list[int]:
    """The tiles (Trino's encoding) that cover a circle of ``km`` around a point, in Trino's
    order: the row and the column through the point, then each corner's tiles within the
    radius (Trino's bingTilesAround; the arguments were checked by the query)."""
    top, bottom, left, right, _ = _around_bounds(latitude, longitude, zoom, km)
    tile_x, tile_y = _tile_at(latitude, longitude, zoom)
    last = (1 << zoom) - 1
    across = right + last - left + 2 if right < left else right - left + 1
    out = [_encode((left + i) % (last + 1), tile_y, zoom) for i in range(across)]
    out += [_encode(tile_x, y, zoom) for y in range(top, bottom + 1) if y != tile_y]

    def within(x: int, y: int) -> bool:
        corner = _tile_corner(x, y, zoom)
        return _great_circle_km(latitude, longitude, corner[0], corner[1]) <= km

    def corner(x: int, ys: range, dx: int, dy: int) -> None:
        include = False
        for y in ys:
            include = include or within(x + dx, y + dy)
            if include:
                out.append(_encode(x, y, zoom))

    x = right
    while x != tile_x:
        corner(x, range(top, tile_y), 0, 1)  # top right: the bottom left corner
        corner(x, range(bottom, tile_y, -1), 0, 0)  # bottom right: the top left corner
        x = last if x == 0 else x - 1
    x = left
    while x != tile_x:
        corner(x, range(top, tile_y), 1, 1)  # top left: the bottom right corner
        corner(x, range(bottom, tile_y, -1), 1, 0)  # bottom left: the top right corner
        x = (x + 1) % (last + 1)
    return out


def _encode(x: int, y: int, zoom: int) -> int:
    """A tile as Trino encodes it: x, then y in 23 bits, then the zoom in 5."""
    return (x << 28) + (y << 5) + zoom


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_wkt", _trino_wkt, ["VARCHAR"], "VARCHAR"),
    ("lakebox_wkt_clockwise", _trino_wkt_clockwise, ["VARCHAR"], "VARCHAR"),
    ("lakebox_polyline_decode", _polyline_decode, ["VARCHAR"], "VARCHAR"),
    ("lakebox_polyline_encode", _polyline_encode, ["DOUBLE[]", "DOUBLE[]"], "VARCHAR"),
    ("lakebox_closed_rings", _closed_rings, ["VARCHAR"], "VARCHAR"),
    ("lakebox_java_fixed", _java_fixed, ["DOUBLE", "INTEGER"], "VARCHAR"),
    (
        "lakebox_bing_tiles_around",
        _bing_tiles_around,
        ["DOUBLE", "DOUBLE", "INTEGER", "DOUBLE"],
        "BIGINT[]",
    ),
    (
        "lakebox_bing_tiles_around_limit",
        _bing_tiles_around_limit,
        ["DOUBLE", "DOUBLE", "INTEGER", "DOUBLE"],
        "VARCHAR",
    ),
    ("lakebox_combinations", _combinations, ["BIGINT", "BIGINT"], "BIGINT[][]"),
    ("lakebox_crc32", _crc32, ["BLOB"], "BIGINT"),
    ("lakebox_murmur3", _murmur3, ["BLOB"], "BLOB"),
    (
        "lakebox_numeric_histogram",
        _numeric_histogram,
        ["BIGINT", "DOUBLE[]", "DOUBLE[]"],
        "MAP(DOUBLE, DOUBLE)",
    ),
    ("lakebox_parse_color", _parse_color, ["VARCHAR"], "INTEGER"),
    ("lakebox_color_between", _color_between, ["DOUBLE", "INTEGER", "INTEGER"], "INTEGER"),
    ("lakebox_render", _render, ["VARCHAR", "VARCHAR", "INTEGER"], "VARCHAR"),
    ("lakebox_bar", _bar, ["DOUBLE", "BIGINT", "INTEGER", "INTEGER"], "VARCHAR"),
    ("lakebox_sketch_hash", _sketch_hash, ["VARCHAR", "VARCHAR"], "BIGINT"),
    ("lakebox_checksum_term", _checksum_term, ["VARCHAR", "VARCHAR"], "BIGINT"),
    ("lakebox_checksum_bytes", _checksum_bytes, ["VARCHAR"], "BLOB"),
    ("lakebox_jaccard_index", _jaccard_index, ["BIGINT[]", "BIGINT[]"], "DOUBLE"),
    ("lakebox_setdigest_merge", _setdigest_merge, ["BIGINT[]", "BIGINT[]"], "BIGINT[]"),
    ("lakebox_quantile_indexes", _quantile_indexes, ["BIGINT[]", "DOUBLE[]"], "BIGINT[]"),
    ("lakebox_cosine_similarity", _cosine_similarity, ["DOUBLE[]", "DOUBLE[]"], "DOUBLE"),
    ("lakebox_cosine_distance", _cosine_distance, ["DOUBLE[]", "DOUBLE[]"], "DOUBLE"),
    (
        "lakebox_map_cosine_similarity",
        _map_cosine_similarity,
        ["MAP(VARCHAR, DOUBLE)"] * 2,
        "DOUBLE",
    ),
    ("lakebox_map_cosine_distance", _map_cosine_distance, ["MAP(VARCHAR, DOUBLE)"] * 2, "DOUBLE"),
    ("lakebox_format_number", _format_number, ["DOUBLE"], "VARCHAR"),
    ("lakebox_soundex", _soundex, ["VARCHAR"], "VARCHAR"),
    ("lakebox_beta_cdf", _beta_cdf, ["DOUBLE", "DOUBLE", "DOUBLE"], "DOUBLE"),
    ("lakebox_inverse_beta_cdf", _inverse_beta_cdf, ["DOUBLE", "DOUBLE", "DOUBLE"], "DOUBLE"),
    ("lakebox_word_stem", _word_stem, ["VARCHAR", "VARCHAR"], "VARCHAR"),
    ("lakebox_char2hexint", _char2hexint, ["VARCHAR"], "VARCHAR"),
    ("lakebox_teradata_parse", _teradata_parse, ["VARCHAR", "VARCHAR"], "TIMESTAMP"),
    ("lakebox_to_char", _to_char, ["TIMESTAMP", "VARCHAR", "VARCHAR"], "VARCHAR"),
    ("lakebox_xxhash64", _xxhash64, ["BLOB"], "BLOB"),
    ("lakebox_spooky_hash_v2_64", _spooky64, ["BLOB"], "BLOB"),
    ("lakebox_spooky_hash_v2_32", _spooky32, ["BLOB"], "BLOB"),
    ("lakebox_sha512", _sha512, ["BLOB"], "BLOB"),
    ("lakebox_hmac_md5", _hmac("md5"), ["BLOB", "BLOB"], "BLOB"),
    ("lakebox_hmac_sha1", _hmac("sha1"), ["BLOB", "BLOB"], "BLOB"),
    ("lakebox_hmac_sha256", _hmac("sha256"), ["BLOB", "BLOB"], "BLOB"),
    ("lakebox_hmac_sha512", _hmac("sha512"), ["BLOB", "BLOB"], "BLOB"),
    (
        "lakebox_normal_cdf",
        lambda m, sd, v: float(_normal(m, sd).cdf(v)),
        ["DOUBLE", "DOUBLE", "DOUBLE"],
        "DOUBLE",
    ),
    ("lakebox_inverse_normal_cdf", _inverse_normal_cdf, ["DOUBLE", "DOUBLE", "DOUBLE"], "DOUBLE"),
    ("lakebox_to_ieee754_64", _pack(">d"), ["DOUBLE"], "BLOB"),
    ("lakebox_to_ieee754_32", _pack(">f"), ["FLOAT"], "BLOB"),
    ("lakebox_from_ieee754_64", _ieee754(">d", 8), ["BLOB"], "DOUBLE"),
    ("lakebox_from_ieee754_32", _ieee754(">f", 4), ["BLOB"], "FLOAT"),
    ("lakebox_to_base32", _to_base32, ["BLOB"], "VARCHAR"),
    ("lakebox_from_base32", _from_base32, ["VARCHAR"], "BLOB"),
]


def _arrow_type(duckdb_type: str) -> Any:
    import pyarrow as pa

    if duckdb_type.endswith("[]"):
        return pa.list_(_arrow_type(duckdb_type[:-2]))
    if duckdb_type.startswith("MAP("):
        key, value = duckdb_type[4:-1].split(", ")
        return pa.map_(_arrow_type(key), _arrow_type(value))
    return {
        "VARCHAR": pa.string(), "BLOB": pa.binary(), "DOUBLE": pa.float64(),
        "FLOAT": pa.float32(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
        "TIMESTAMP": pa.timestamp("us"),
    }[duckdb_type]  # fmt: skip


def _vectorized(fn: Any, arity: int, result: str) -> Any:
    """``fn`` over Arrow columns, a row at a time: NULL for a NULL argument (SQL's rule), and
    what ``fn`` returns kept as it is, NaN and NULL included (DuckDB's row-at-a-time Python
    functions turn a NaN into NULL and refuse a NULL result)."""

    def rows(*columns: Any) -> Any:
        import pyarrow as pa  # at the first call: an engine's start stays as light as it was

        values = zip(*(c.to_pylist() for c in columns), strict=True)
        out = [None if None in row else fn(*row) for row in values]
        return pa.array(out, type=_arrow_type(result))

    # DuckDB reads the number of parameters from the signature
    wrappers = {
        1: lambda a: rows(a),
        2: lambda a, b: rows(a, b),
        3: lambda a, b, c: rows(a, b, c),
        4: lambda a, b, c, d: rows(a, b, c, d),
    }
    return wrappers[arity]


def registered() -> list[tuple[str, Any, list[str], str]]:
    """FUNCTIONS as the engines register them: vectorized over Arrow columns."""
    return [(n, _vectorized(f, len(p), r), p, r) for n, f, p, r in FUNCTIONS]
