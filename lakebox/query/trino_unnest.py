"""Trino's UNNEST in FROM, as DuckDB must be told it.

sqlglot passes ``UNNEST(items) AS t(a, b)`` through as it is, and DuckDB reads it otherwise:
an array of rows comes out as one column of whole rows, named ``a`` (``t.a`` was the row
``(1, 'x')``, silently; ``t.b`` did not exist), and several arrays at once are refused. Trino
expands a row's fields into the named columns and zips several arrays side by side, padding
the shorter with NULLs; a map (known as one by its construction) unnests into its keys and
values. These are rewritten into what DuckDB does the same way: a subquery of scalar
``UNNEST`` calls (which DuckDB zips, padding with NULL; ``max_depth := 2`` expands one level
of row fields), lateral to the tables before it as Trino's is.
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.errors import InvalidArgument


class UnsupportedUnnest(InvalidArgument):
    code = "UnsupportedUnnest"


def rewrite_unnests(tree: exp.Expr) -> exp.Expr:
    """Rewrite every UNNEST in FROM or JOIN whose names ask for rows expanded or for several
    arrays zipped; the others are left as they are (DuckDB reads them as Trino does)."""
    for unnest in list(tree.find_all(exp.Unnest)):
        if not isinstance(unnest.parent, exp.From | exp.Join):
            continue
        alias = unnest.args.get("alias")
        names = list(alias.columns) if isinstance(alias, exp.TableAlias) else []
        arrays = list(unnest.expressions)
        ordinality = unnest.args.get("offset") or None  # False when there is none
        if len(arrays) == 1 and is_map(arrays[0]):
            # a map's entries as (key, value) rows, as Trino unnests a map
            arrays = [exp.Anonymous(this="map_entries", expressions=[arrays[0].copy()])]
        elif len(arrays) == 1 and len(names) <= 1:
            continue  # one array, one column: DuckDB's own UNNEST reads it as Trino does
        if ordinality is not None:
            raise UnsupportedUnnest(
                "UNNEST ... WITH ORDINALITY of several arrays or of rows is not supported; "
                "number the rows with row_number() OVER () instead"
            )
        if len(arrays) == 1:
            # one array of rows, its fields as the named columns
            calls: list[exp.Expr] = [_scalar_unnest(arrays[0], expand_rows=True)]
        elif len(names) in (0, len(arrays)):
            calls = [
                exp.alias_(
                    _scalar_unnest(a, expand_rows=False), names[i].name if names else f"_col{i}"
                )
                for i, a in enumerate(arrays)
            ]
        else:
            raise UnsupportedUnnest(
                f"UNNEST of {len(arrays)} arrays names {len(names)} columns: name one column "
                "per array (unnesting several arrays of rows at once is not supported)"
            )
        subquery = exp.Subquery(
            this=exp.Select(expressions=calls),
            alias=alias.copy() if isinstance(alias, exp.TableAlias) else None,
        )
        unnest.replace(subquery)
    return tree


def _scalar_unnest(array: exp.Expr, *, expand_rows: bool) -> exp.Expr:
    args: list[exp.Expr] = [array.copy()]
    if expand_rows:
        args.append(
            exp.PropertyEQ(this=exp.to_identifier("max_depth"), expression=exp.Literal.number(2))
        )
    return exp.Anonymous(this="UNNEST", expressions=args)


_MAP_FUNCTIONS = {
    "map", "map_agg", "map_from_entries", "array_histogram", "map_filter", "map_concat",
    "transform_keys", "transform_values", "split_to_map", "histogram",
    "multimap_from_entries", "split_to_multimap",
}  # fmt: skip


_MAP = "lakebox_map"  # a node's meta: a rewrite built a map


def as_map(node: exp.Expr) -> exp.Expr:
    """``node``, marked as a map (a rewritten map function is a CASE or a DuckDB call)."""
    node.meta[_MAP] = True
    return node


def is_map(node: exp.Expr) -> bool:
    """Whether ``node`` is a map by its construction (a column's type is not known here:
    UNNEST(map_entries(column)) unnests a map column, in Trino as in lakebox)."""
    if node.meta.get(_MAP):
        return True
    if isinstance(node, exp.Map | exp.VarMap | exp.MapFromEntries | exp.ToMap | exp.StrToMap):
        return True
    if isinstance(node, exp.Cast) and isinstance(node.to, exp.DataType):
        return bool(node.to.this == exp.DataType.Type.MAP)
    return isinstance(node, exp.Anonymous) and str(node.this).lower() in _MAP_FUNCTIONS
