"""Trino functions run by Python functions the engine processes register (engine_functions:
Python's standard library, and the libraries made for the job: mmh3, xxhash, mpmath,
snowballstemmer)."""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import (
    TERADATA_FORMAT,
    _anonymous,
    _args,
    _register,
    refuse,
)
from lakebox.query.trino_unnest import is_map

# Trino's name → (the engine's function, how many arguments)
_ENGINE = {
    "crc32": ("lakebox_crc32", 1),
    "murmur3": ("lakebox_murmur3", 1),
    "beta_cdf": ("lakebox_beta_cdf", 3),
    "inverse_beta_cdf": ("lakebox_inverse_beta_cdf", 3),
    "char2hexint": ("lakebox_char2hexint", 1),
    "format_number": ("lakebox_format_number", 1),
    "xxhash64": ("lakebox_xxhash64", 1),
    "spooky_hash_v2_32": ("lakebox_spooky_hash_v2_32", 1),
    "spooky_hash_v2_64": ("lakebox_spooky_hash_v2_64", 1),
    "hmac_md5": ("lakebox_hmac_md5", 2),
    "hmac_sha1": ("lakebox_hmac_sha1", 2),
    "hmac_sha256": ("lakebox_hmac_sha256", 2),
    "hmac_sha512": ("lakebox_hmac_sha512", 2),
    "normal_cdf": ("lakebox_normal_cdf", 3),
    "inverse_normal_cdf": ("lakebox_inverse_normal_cdf", 3),
    "to_ieee754_64": ("lakebox_to_ieee754_64", 1),
    "to_ieee754_32": ("lakebox_to_ieee754_32", 1),
    "from_ieee754_64": ("lakebox_from_ieee754_64", 1),
    "from_ieee754_32": ("lakebox_from_ieee754_32", 1),
    "to_base32": ("lakebox_to_base32", 1),
    "from_base32": ("lakebox_from_base32", 1),
}


def _call(trino: str) -> object:
    engine, count = _ENGINE[trino]

    def rewrite(node: exp.Expr) -> exp.Expr:
        args = _args(node, trino, count)
        return exp.Anonymous(this=engine, expressions=[a.copy() for a in args])

    return rewrite


for _name in _ENGINE:
    _anonymous(_name)(_call(_name))


@_register(exp.SHA2Digest)
def _sha512(node: exp.Expr) -> exp.Expr | None:
    length = node.args.get("length")
    if length is not None and length.name != "512":
        return None
    return exp.Anonymous(this="lakebox_sha512", expressions=[node.this.copy()])


@_register(exp.FromBase32)
def _from_base32(node: exp.Expr) -> exp.Expr:
    return exp.Anonymous(this="lakebox_from_base32", expressions=[node.this.copy()])


@_register(exp.ToBase32)
def _to_base32(node: exp.Expr) -> exp.Expr:
    return exp.Anonymous(this="lakebox_to_base32", expressions=[node.this.copy()])


@_anonymous("word_stem")
def _word_stem(node: exp.Expr) -> exp.Expr:
    """word_stem(word[, language]): English when no language is given."""
    args = list(node.expressions)
    if len(args) not in (1, 2):
        raise refuse("word_stem", f"{len(args)} arguments", "it takes 1 or 2")
    language = args[1].copy() if len(args) == 2 else exp.Literal.string("en")
    return exp.Anonymous(this="lakebox_word_stem", expressions=[args[0].copy(), language])


@_register(exp.Soundex)
def _soundex(node: exp.Expr) -> exp.Expr:
    return exp.Anonymous(this="lakebox_soundex", expressions=[node.this.copy()])


def _cosine(name: str) -> object:
    def rewrite(node: exp.Expr) -> exp.Expr:
        """Arrays, or maps (sparse vectors) when either argument is built as one."""
        if isinstance(node, exp.CosineDistance):  # sqlglot's, for DuckDB's list_cosine_distance
            x, y = node.this, node.expression
        else:
            x, y = _args(node, name, 2)
        engine = f"lakebox_map_{name}" if is_map(x) or is_map(y) else f"lakebox_{name}"
        return exp.Anonymous(this=engine, expressions=[x.copy(), y.copy()])

    return rewrite


_anonymous("cosine_similarity")(_cosine("cosine_similarity"))
_anonymous("cosine_distance")(_cosine("cosine_distance"))
_register(exp.CosineDistance)(_cosine("cosine_distance"))


@_anonymous("to_date")
def _to_date(node: exp.Expr) -> exp.Expr:
    """Teradata's to_date(text, format): its formats (yyyy, yy, mm, dd, hh24, hh, mi, ss)."""
    text, pattern = _args(node, "to_date", 2)
    parsed = exp.Anonymous(this="lakebox_teradata_parse", expressions=[text.copy(), pattern.copy()])
    return exp.Cast(this=parsed, to=exp.DataType.build("DATE"))


@_anonymous("to_timestamp")
def _to_timestamp(node: exp.Expr) -> exp.Expr:
    text, pattern = _args(node, "to_timestamp", 2)
    return exp.Anonymous(this="lakebox_teradata_parse", expressions=[text.copy(), pattern.copy()])


@_register(exp.TimeToStr)
def _to_char(node: exp.Expr) -> exp.Expr | None:
    """Teradata's to_char(timestamp, format), with the format as written (dialects.py keeps
    it): yyyy yy mm dd hh24 hh mi ss as Trino's Joda formatter prints them."""
    if TERADATA_FORMAT not in node.meta:
        return None  # date_format and the like: sqlglot's strftime is theirs
    written = node.meta[TERADATA_FORMAT]
    if written is None:
        raise refuse("to_char", "a format that is not a string literal", "write the format")
    value = exp.Cast(this=node.this.copy(), to=exp.DataType.build("TIMESTAMP"))
    kind = exp.Anonymous(this="typeof", expressions=[node.this.copy()])
    pattern = exp.Literal.string(written)
    return exp.Anonymous(this="lakebox_to_char", expressions=[value, pattern, kind])
