"""Trino functions DuckDB lacks, from Python's standard library or the library made for the
job (trino_udfs.py maps Trino's names onto these ``lakebox_*`` ones)."""

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


def _pack(fmt: str) -> Any:
    import struct

    return lambda value: struct.pack(fmt, value)


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    ("lakebox_combinations", _combinations, ["BIGINT", "BIGINT"], "BIGINT[][]"),
    ("lakebox_crc32", _crc32, ["BLOB"], "BIGINT"),
    ("lakebox_murmur3", _murmur3, ["BLOB"], "BLOB"),
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
