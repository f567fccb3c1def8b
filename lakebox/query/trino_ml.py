"""Trino's machine-learning functions (its ml plugin) on DuckDB: features, learn_classifier,
learn_libsvm_classifier, classify, learn_regressor, learn_libsvm_regressor and regress.

Training is an aggregate: the rows (label, feature map, parameters) are collected with list()
and trained by engine_functions.ml, libsvm's algorithm as Trino runs it (C-SVC and nu-SVR on
features scaled to [0, 1], Trino's defaults). A model is held as a marked struct, as colours
and sketches are: a classifier as STRUCT(lakebox_classifier BLOB, labels T[]) with its classes'
labels in libsvm's order (T: BIGINT for Trino's Classifier(bigint), VARCHAR for
Classifier(varchar)), so that classify's answer has the label's type; a regressor as
STRUCT(lakebox_regressor BLOB). A model is neither a result column nor stored, nor CAST
(engine_worker.py, trino_functions.refuse_held_casts): Trino's serialized models are not what
lakebox holds. The typed macros (lakebox_ml_double, lakebox_ml_class) are
engine_functions.ml.MACROS: Trino's coercions of the arguments by their type.
"""

from __future__ import annotations

from sqlglot import exp

from lakebox.query.trino_functions import _anonymous, _fail, _template, refuse
from lakebox.query.trino_sketches import _aggregate_args

_MAX_FEATURES = 10  # Trino registers features() with 1 to 10 arguments


@_anonymous("features")
def _features(node: exp.Expr) -> exp.Expr:
    """features(x0, ..., xn): map(bigint, double) of index to value; NULL if any is."""
    args = list(node.expressions)
    if not 1 <= len(args) <= _MAX_FEATURES:
        raise refuse(
            "features",
            f"features() with {len(args)} arguments",
            f"Trino's features takes 1 to {_MAX_FEATURES} doubles",
        )
    names = {f"x{i}": a for i, a in enumerate(args)}
    nulls = " OR ".join(f":{n} IS NULL" for n in names)
    keys = ", ".join(f"{i}::BIGINT" for i in range(len(args)))
    values = ", ".join(f"lakebox_ml_double(:{n})" for n in names)
    return _template(f"CASE WHEN {nulls} THEN NULL ELSE MAP([{keys}], [{values}]) END", **names)


def _rows(name: str, node: exp.Expr, with_params: bool) -> tuple[list[exp.Expr], str]:
    """The arguments, and the condition of the rows Trino's aggregate reads (none NULL)."""
    args = _aggregate_args(node, name, (3,) if with_params else (2,))
    present = ":l IS NOT NULL AND :f IS NOT NULL" + (" AND :p IS NOT NULL" if with_params else "")
    return args, present


def _learn(name: str, node: exp.Expr, with_params: bool, classifier: bool) -> exp.Expr:
    args, present = _rows(name, node, with_params)
    params = args[2] if with_params else exp.Literal.string("")
    label = "lakebox_ml_class(:l)" if classifier else "lakebox_ml_double(:l)"
    rows = f"list({{'c': {label}, 'f': :f, 'p': CAST(:p AS VARCHAR)}}) FILTER (WHERE {present})"
    task = "'classifier:' || typeof(list_extract(__lb_r, 1).c)" if classifier else "'regressor'"
    learned = (
        f"lakebox_ml_learn({task}, list_transform(__lb_r, __lb_e -> CAST(__lb_e.c AS VARCHAR)), "
        "list_transform(__lb_r, __lb_e -> __lb_e.f), list_extract(__lb_r, -1).p)"
    )
    if classifier:
        model = (
            f"list_extract(list_transform([{learned}], __lb_m -> {{'lakebox_classifier': __lb_m, "
            "'labels': list_transform(lakebox_ml_class_rows(__lb_m), "
            "__lb_i -> list_extract(__lb_r, __lb_i).c)}), 1)"
        )
    else:
        model = f"{{'lakebox_regressor': {learned}}}"
    return _template(
        f"CASE WHEN count(*) FILTER (WHERE {present}) = 0 THEN :fail "
        f"ELSE list_extract(list_transform([{rows}], __lb_r -> {model}), 1) END",
        l=args[0],
        f=args[1],
        p=params,
        fail=_fail(f"{name} over no rows is not supported by lakebox (Trino fails)", node),
    )


@_anonymous("learn_classifier")
def _learn_classifier(node: exp.Expr) -> exp.Expr:
    return _learn("learn_classifier", node, with_params=False, classifier=True)


@_anonymous("learn_libsvm_classifier")
def _learn_libsvm_classifier(node: exp.Expr) -> exp.Expr:
    return _learn("learn_libsvm_classifier", node, with_params=True, classifier=True)


@_anonymous("learn_regressor")
def _learn_regressor(node: exp.Expr) -> exp.Expr:
    return _learn("learn_regressor", node, with_params=False, classifier=False)


@_anonymous("learn_libsvm_regressor")
def _learn_libsvm_regressor(node: exp.Expr) -> exp.Expr:
    return _learn("learn_libsvm_regressor", node, with_params=True, classifier=False)


@_anonymous("classify")
def _classify(node: exp.Expr) -> exp.Expr:
    """The label of the class the classifier votes for (bigint or varchar, as its labels)."""
    if len(node.expressions) != 2:
        raise refuse("classify", f"{len(node.expressions)} arguments", "it takes 2")
    f, m = node.expressions
    return _template(
        "list_extract(struct_extract(:m, 'labels'), "
        "lakebox_ml_classify(:f, struct_extract(:m, 'lakebox_classifier')))",
        f=f,
        m=m,
    )


@_anonymous("regress")
def _regress(node: exp.Expr) -> exp.Expr:
    if len(node.expressions) != 2:
        raise refuse("regress", f"{len(node.expressions)} arguments", "it takes 2")
    f, m = node.expressions
    return _template("lakebox_ml_regress(:f, struct_extract(:m, 'lakebox_regressor'))", f=f, m=m)
