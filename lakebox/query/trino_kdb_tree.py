"""Trino's KDB trees (trino_geo.py's family, kept apart): spatial_partitioning (the aggregate
that builds one, as JSON text), CAST(varchar AS KdbTree) and spatial_partitions, as Trino's
Esri-era plugin computes them (engine_functions/kdb_tree.py), checked against Trino's TestKdbTree,
TestGeoFunctions.testSpatialPartitions and TestKdbTreeCasts (test_trino_geo.py).

A KdbTree is STRUCT(lakebox_kdb_tree VARCHAR) holding the tree's JSON, checked when cast; the
field's name marks the type, which the engine processes refuse as a result column
(engine_worker.py). sqlglot knows no KdbTree type: before parsing, the type's name after AS is
written as that struct (kdb_tree_types), whose casts rewrite_kdb_tree_casts then rewrites.

spatial_partitioning's tree depends on a number Trino takes from its session, not the query:
the partition count (hash_partition_count, or with task retries
fault_tolerant_execution_partition_count; Trino's default is 100), each leaf holding at most
ceil(rows / count) envelopes. lakebox uses 100. Past 1,000,001 geometries Trino samples them at
random; lakebox refuses that many.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp
from sqlglot.tokenizer_core import TokenType

from lakebox.query.trino_functions import UnsupportedFunction, _args, _template
from lakebox.query.trino_geo import _error, _geo, _lakebox_refuses

KDB_TREE_TYPE = "STRUCT(lakebox_kdb_tree VARCHAR)"
_TYPE_TEXT = "ROW(lakebox_kdb_tree VARCHAR)"
PARTITION_COUNT = 100  # Trino's default hash_partition_count (see the module's docstring)


def kdb_tree_types(sql: str, tokens: list[Any]) -> str:
    """``sql`` with each ``CAST(... AS KdbTree)`` (any case; TRY_CAST too) written with the
    struct that holds one; a column named kdbtree (``1 AS kdbtree``) is left as it is."""
    spans = []
    opened: list[str] = []  # per open parenthesis: the word before it
    for i, t in enumerate(tokens):
        if t.token_type == TokenType.L_PAREN:
            opened.append(tokens[i - 1].text.lower() if i else "")
        elif t.token_type == TokenType.R_PAREN and opened:
            opened.pop()
        elif (
            t.token_type == TokenType.VAR
            and t.text.lower() == "kdbtree"
            and i
            and tokens[i - 1].token_type == TokenType.ALIAS
            and opened
            and opened[-1] in ("cast", "try_cast")
        ):
            spans.append((t.start, t.end))
    for start, end in reversed(spans):
        sql = sql[:start] + _TYPE_TEXT + sql[end + 1 :]
    return sql


def _is_kdb_tree_type(to: Any) -> bool:
    return (
        isinstance(to, exp.DataType)
        and to.this == exp.DataType.Type.STRUCT
        and len(to.expressions) == 1
        and to.expressions[0].name.lower() == "lakebox_kdb_tree"
    )


def rewrite_kdb_tree_casts(tree: exp.Expr) -> None:
    """CAST(varchar AS KdbTree): the JSON, checked as Trino reads it ("Invalid JSON string for
    KDB tree"); a cast of anything else, or of a KdbTree to another type, refused."""
    for cast in list(tree.find_all(exp.Cast, exp.TryCast)):
        if not _is_kdb_tree_type(cast.args.get("to")):
            continue
        parent = cast.parent
        while isinstance(parent, exp.Paren):
            parent = parent.parent
        if isinstance(parent, exp.Cast | exp.TryCast):
            raise UnsupportedFunction(
                "CAST of a KdbTree to another type is not supported by lakebox (Trino has none)"
            )
        value = cast.this
        check = _template("lakebox_kdb_tree_check(CAST(:v AS VARCHAR))", v=value)
        if isinstance(cast, exp.TryCast):  # NULL for a tree Trino cannot read
            check = _template("try(:c)", c=check)
        if isinstance(parent, exp.Typeof):
            # DuckDB's typeof reads no value; Trino's fails on a tree it cannot read
            parent.replace(_template("concat(left(:c, 0), 'KdbTree')", c=check))
            continue
        # DuckDB's own typeof (lakebox's translation of Trino's typeof is another)
        kind = exp.Anonymous(this="typeof", expressions=[value.copy()])
        checked = _template(
            f"CASE WHEN :v IS NULL THEN CAST(NULL AS {KDB_TREE_TYPE}) "
            "WHEN :k <> 'VARCHAR' THEN :other "
            f"ELSE CAST({{'lakebox_kdb_tree': :c}} AS {KDB_TREE_TYPE}) END",
            v=value,
            k=kind,
            c=check,
            other=_lakebox_refuses(cast, "CAST of a value other than a varchar to KdbTree"),
        )
        cast.replace(checked)


@_geo("spatial_partitioning")
def _spatial_partitioning(node: exp.Expr) -> exp.Expr:
    """The KDB tree's JSON of the non-empty geometries' envelopes (NULL if there are none)."""
    (g,) = _args(node, "spatial_partitioning", 1)
    envelopes = _template(
        "list([ST_XMin(:g), ST_YMin(:g), ST_XMax(:g), ST_YMax(:g)]) "
        "FILTER (WHERE NOT ST_IsEmpty(:g))",
        g=g,
    )
    return _template(
        f"lakebox_spatial_partitioning(:e, {PARTITION_COUNT})",
        e=envelopes,
    )


@_geo("spatial_partitions")
def _spatial_partitions(node: exp.Expr) -> exp.Expr:
    """The ids of the tree's leaves the geometry's envelope (grown by the distance) meets; NULL
    for an empty geometry; Trino's errors for a NaN, infinite or negative distance."""
    args = _args(node, "spatial_partitions", len(node.expressions))
    if len(args) not in (2, 3):
        raise ValueError("spatial_partitions takes 2 or 3 arguments")
    tree, g = args[0], args[1]
    d = args[2] if len(args) == 3 else exp.Literal.number(0)
    envelope = _template(
        "[ST_XMin(:g) - :d, ST_YMin(:g) - :d, ST_XMax(:g) + :d, ST_YMax(:g) + :d]",
        g=g,
        d=exp.Paren(this=_template("CAST(:d AS DOUBLE)", d=d)),
    )
    checks = ""
    if len(args) == 3:
        checks = (
            "WHEN isnan(CAST(:d AS DOUBLE)) THEN :nan WHEN isinf(CAST(:d AS DOUBLE)) THEN :inf "
            "WHEN :d < 0 THEN :negative "
        )
    return _template(
        "CASE WHEN :t IS NULL OR :g IS NULL OR :d IS NULL THEN CAST(NULL AS INTEGER[]) "
        f"{checks}WHEN ST_IsEmpty(:g) THEN CAST(NULL AS INTEGER[]) "
        "ELSE lakebox_spatial_partitions(struct_extract(:t, 'lakebox_kdb_tree'), :e) END",
        t=tree,
        g=g,
        d=d,
        e=envelope,
        nan=_error(node, exp.Literal.string("distance is NaN")),
        inf=_error(node, exp.Literal.string("distance is infinite")),
        negative=_error(node, exp.Literal.string("distance is negative")),
    )
