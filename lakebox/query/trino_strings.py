"""Trino's string, regexp and URL functions on DuckDB (see trino_functions.py)."""

from __future__ import annotations

import re

from sqlglot import exp

from lakebox.query.trino_functions import (
    _anonymous,
    _fail,
    _literal_int,
    _register,
    _template,
    refuse,
)

# -- strings -------------------------------------------------------------------------------


def _strpos(node: exp.Expr) -> exp.Expr | None:
    """strpos(s, sub, n): where the n-th (from the end if negative) occurrence starts,
    occurrences overlapping as Trino counts them; 0 if there is none."""
    n = node.args.get("occurrence")
    if n is None:
        return None
    if node.args.get("position") is not None:
        raise refuse("strpos", "a start position with an occurrence", "use one of them")
    s, sub = node.this, node.args["substr"]
    return _template(
        "CASE WHEN :s IS NULL OR :sub IS NULL OR :n IS NULL THEN NULL "
        "WHEN :n > 0 THEN coalesce(list_extract(list_filter(generate_series(1, length(:s)), "
        "__lb_k -> substring(:s, __lb_k, length(:sub)) = :sub), :n), 0) "
        "WHEN :n < 0 THEN coalesce(list_extract(list_reverse(list_filter(generate_series(1, "
        "length(:s)), __lb_k -> substring(:s, __lb_k, length(:sub)) = :sub)), -(:n)), 0) "
        "ELSE :fail END",
        s=s,
        sub=sub,
        n=n,
        fail=_fail("'instance' must be a positive or negative number.", node),
    )


@_register(exp.Split)
def _split(node: exp.Expr) -> exp.Expr | None:
    """split(s, d, limit): at most ``limit`` parts, the last one holding the rest."""
    limit = node.args.get("limit")
    if limit is None:
        return None
    s, d = node.this, node.expression
    return _template(
        "CASE WHEN :lim <= 0 THEN :fail "
        "WHEN len(string_split(:s, :d)) <= :lim THEN string_split(:s, :d) "
        "ELSE list_concat(list_slice(string_split(:s, :d), 1, (:lim) - 1), "
        "[array_to_string(list_slice(string_split(:s, :d), :lim, len(string_split(:s, :d))), "
        ":d)]) END",
        s=s,
        d=d,
        lim=limit,
        fail=_fail("Limit must be positive", node),
    )


# Java's String.format conversions that C's printf (DuckDB's printf) writes the same way.
_FORMAT_SPEC = re.compile(r"%(?P<flags>[-#+ 0,(<]*)(?P<width>\d+)?(?:\.(?P<prec>\d+))?(?P<conv>.)?")


@_register(exp.Format)
def _format(node: exp.Expr) -> exp.Expr:
    """Trino's format is Java's String.format; DuckDB's printf writes %d %s %f %e %x %o with
    the flags - + 0 and space as Java does. Other conversions are refused."""
    pattern = node.this
    if not (isinstance(pattern, exp.Literal) and pattern.is_string):
        raise refuse("format", "a format that is not a string literal", "write it literally")
    text = pattern.this
    for spec in _FORMAT_SPEC.finditer(text):
        conv, flags = spec.group("conv"), spec.group("flags") or ""
        if conv == "%" and not flags and not spec.group("width"):
            continue
        if conv is None or conv not in "dsfeExXo" or set(flags) - set("-+ 0"):
            raise refuse(
                "format",
                f"the conversion {spec.group(0)!r}",
                "use %d, %s, %f, %e, %x or %o with the flags - + 0 or space",
            )
    return exp.Anonymous(
        this="printf", expressions=[pattern.copy(), *(e.copy() for e in node.expressions)]
    )


def _replacement(text: str) -> str:
    """A Java replacement (``$1`` groups, ``\\`` escapes) as RE2's (``\\1``)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append("\\\\" if text[i + 1] == "\\" else text[i + 1])
            i += 2
            continue
        if c == "$":
            group = re.match(r"\d+", text[i + 1 :])
            if group is None or len(group.group(0)) > 1:
                raise refuse(
                    "regexp_replace",
                    f"the group reference in {text!r} (named or above $9)",
                    "use $0 to $9",
                )
            out.append("\\" + group.group(0))
            i += 2
            continue
        out.append("\\\\" if c == "\\" else c)
        i += 1
    return "".join(out)


@_register(exp.RegexpReplace)
def _regexp_replace(node: exp.Expr) -> exp.Expr | None:
    replacement = node.args.get("replacement")
    if replacement is None:
        return None
    if isinstance(replacement, exp.Lambda):
        raise refuse("regexp_replace", "a replacement function", "use a replacement string")
    if not (isinstance(replacement, exp.Literal) and replacement.is_string):
        raise refuse(
            "regexp_replace", "a replacement that is not a string literal", "write it literally"
        )
    new = node.copy()
    new.set("replacement", exp.Literal.string(_replacement(replacement.this)))
    return new


@_register(exp.RegexpExtract)
def _regexp_extract(node: exp.Expr) -> exp.Expr:
    """No match is NULL in Trino (DuckDB: an empty string)."""
    new = node.copy()
    new.set("null_if_pos_overflow", None)
    return _template(
        "CASE WHEN regexp_matches(:s, :p) THEN :e END", s=node.this, p=node.expression, e=new
    )


@_register(exp.StrPosition)
def _strpos_bigint(node: exp.Expr) -> exp.Expr | None:
    """strpos is a bigint; with an occurrence, the n-th one (see _strpos)."""
    new = _strpos(node)
    return None if new is None else exp.Cast(this=new, to=exp.DataType.build("BIGINT"))


@_register(exp.SplitPart)
def _split_part(node: exp.Expr) -> exp.Expr:
    """split_part(s, d, i): NULL past the last field (DuckDB: ''); the index starts at 1."""
    s, d, i = node.this, node.args["delimiter"], node.args["part_index"]
    new = exp.Anonymous(this="split_part", expressions=[s.copy(), d.copy(), i.copy()])
    return _template(
        "CASE WHEN :i <= 0 THEN :fail WHEN :i > len(string_split(:s, :d)) THEN NULL ELSE :e END",
        s=s,
        d=d,
        i=i,
        e=new,
        fail=_fail("Index must be greater than zero", node),
    )


@_anonymous("codepoint")
def _codepoint(node: exp.Expr) -> exp.Expr:
    (s,) = node.expressions
    return _template(
        "CASE WHEN length(:s) <> 1 THEN :fail ELSE unicode(:s) END",
        s=s,
        fail=_fail("Input string must be a single character string", node),
    )


@_anonymous("hamming_distance")
def _hamming(node: exp.Expr) -> exp.Expr:
    return exp.Anonymous(this="hamming", expressions=[e.copy() for e in node.expressions])


@_anonymous("to_base")
def _to_base(node: exp.Expr) -> exp.Expr:
    """Trino writes the digits in lower case."""
    return exp.Lower(
        this=exp.Anonymous(this="to_base", expressions=[e.copy() for e in node.expressions])
    )


# -- URLs ----------------------------------------------------------------------------------

# RFC 3986's regular expression: 2 scheme, 4 authority, 5 path, 6/7 query, 8/9 fragment.
_URL = r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?"
_AUTHORITY_HOST = r"^(?:[^@]*@)?(\[[^\]]*\]|[^:]*)(?::(\d*))?$"


def _url_part(node: exp.Expr, group: int, present: int | None = None) -> exp.Expr:
    (url,) = node.expressions
    part = f"regexp_extract(:u, '{_URL}', {group})"
    if present is None:
        return _template(part, u=url)
    return _template(
        f"CASE WHEN regexp_extract(:u, '{_URL}', {present}) = '' THEN NULL ELSE {part} END", u=url
    )


_anonymous("url_extract_protocol")(lambda node: _url_part(node, 2, 1))
_anonymous("url_extract_path")(lambda node: _url_part(node, 5))
_anonymous("url_extract_query")(lambda node: _url_part(node, 7, 6))
_anonymous("url_extract_fragment")(lambda node: _url_part(node, 9, 8))


@_anonymous("url_extract_host")
def _url_host(node: exp.Expr) -> exp.Expr:
    (url,) = node.expressions
    return _template(
        f"CASE WHEN regexp_extract(:u, '{_URL}', 3) = '' THEN NULL ELSE "
        f"regexp_extract(regexp_extract(:u, '{_URL}', 4), '{_AUTHORITY_HOST}', 1) END",
        u=url,
    )


@_anonymous("url_extract_port")
def _url_port(node: exp.Expr) -> exp.Expr:
    (url,) = node.expressions
    return _template(
        f"TRY_CAST(regexp_extract(regexp_extract(:u, '{_URL}', 4), '{_AUTHORITY_HOST}', 2) "
        "AS BIGINT)",
        u=url,
    )


@_anonymous("url_extract_parameter")
def _url_parameter(node: exp.Expr) -> exp.Expr:
    """The first value of the parameter in the query string, as written (not decoded)."""
    url, name = node.expressions
    query = _url_part(exp.Anonymous(this="x", expressions=[url.copy()]), 7, 6)
    return _template(
        "list_transform(list_filter(string_split(:q, '&'), "
        "__lb_p -> split_part(__lb_p, '=', 1) = :n), "
        "__lb_p -> CASE WHEN strpos(__lb_p, '=') = 0 THEN '' "
        "ELSE substring(__lb_p, strpos(__lb_p, '=') + 1) END)[1]",
        q=query,
        n=name,
    )


@_anonymous("url_encode")
def _url_encode(node: exp.Expr) -> exp.Expr:
    """Java's URLEncoder: a space is +, and . - * _ stay as they are (~ does not)."""
    (value,) = node.expressions
    return _template(
        "replace(replace(replace(url_encode(:v), '%20', '+'), '%2A', '*'), '~', '%7E')",
        v=value,
    )


@_anonymous("url_decode")
def _url_decode(node: exp.Expr) -> exp.Expr:
    (value,) = node.expressions
    return _template("url_decode(replace(:v, '+', ' '))", v=value)


@_anonymous("regexp_position")
def _regexp_position(node: exp.Expr) -> exp.Expr:
    """regexp_position(s, p[, start[, n]]): where the n-th match at or after ``start`` begins,
    -1 if there is none: the lengths of the text between matches and of the matches before."""
    args = list(node.expressions)
    if not 2 <= len(args) <= 4:
        raise refuse("regexp_position", f"{len(args)} arguments", "it takes 2 to 4")
    s, p = args[0], args[1]
    start = args[2] if len(args) > 2 else exp.Literal.number(1)
    n = args[3] if len(args) > 3 else exp.Literal.number(1)
    return _template(
        "CASE WHEN :st <= 0 OR :n <= 0 THEN :fail "
        "WHEN len(regexp_extract_all(substring(:s, :st), :p)) < :n THEN -1 "
        "ELSE CAST((:st) - 1 + 1 + list_sum(list_transform(generate_series(1, :n), "
        "__lb_k -> length(regexp_split_to_array(substring(:s, :st), :p)[__lb_k]))) "
        "+ coalesce(list_sum(list_transform(generate_series(1, (:n) - 1), "
        "__lb_k -> length(regexp_extract_all(substring(:s, :st), :p)[__lb_k]))), 0) "
        "AS INTEGER) END",
        s=s,
        p=p,
        st=start,
        n=n,
        fail=_fail("start and occurrence must be positive", node),
    )


@_register(exp.Substring)
def _substring(node: exp.Expr) -> exp.Expr | None:
    """substr(s, start[, n]) is '' when start is 0 or before the string's beginning counted
    from its end (DuckDB counts such starts as positions before the first character)."""
    start = node.args.get("start")
    if start is None or (_literal_int(start) or 0) > 0:
        return None
    return _template(
        "CASE WHEN (:st = 0 OR :st < -length(:s)) AND :s IS NOT NULL THEN '' ELSE :e END",
        st=start,
        s=node.this,
        e=node.copy(),
    )


# -- encodings ----------------------------------------------------------------------------


@_anonymous("to_base64url")
def _to_base64url(node: exp.Expr) -> exp.Expr:
    """Base64 with the URL-safe alphabet (- and _), padded, as Java's URL encoder."""
    return _template("replace(replace(to_base64(:b), '+', '-'), '/', '_')", b=node.expressions[0])


@_anonymous("from_base64url")
def _from_base64url(node: exp.Expr) -> exp.Expr:
    """Padding may be left out, as Java's URL decoder allows."""
    return _template(
        "from_base64(rpad(replace(replace(:s, '-', '+'), '_', '/'), "
        "CAST(ceil(length(:s) / 4) * 4 AS INTEGER), '='))",
        s=node.expressions[0],
    )


@_register(exp.Normalize)
def _normalize(node: exp.Expr) -> exp.Expr:
    """NFC (Trino's default form); the other forms are refused by name."""
    form = node.args.get("form")
    if isinstance(form, exp.Expr) and form.name.upper() != "NFC":
        raise refuse("normalize", f"normalize(string, {form.name})", "normalize to NFC")
    return _template("nfc_normalize(:s)", s=node.this)
