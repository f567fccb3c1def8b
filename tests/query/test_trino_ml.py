"""Trino's machine-learning functions on lakebox (features, learn_classifier,
learn_libsvm_classifier, classify, learn_regressor, learn_libsvm_regressor, regress): each row
is Trino's answer (value and Trino type), run through the real engine; the errors with Trino's
messages, or lakebox's refusal by name. The engine and the checks are test_trino_functions.py's.

Sources: TestMLQueries (testPrediction, testVarcharPrediction); docs/src/main/sphinx/functions/
ml.md (features(1.0, 2.0, 3.0); the iris classifier's Iris-virginica and the iris regressor's
6.407376822560477, on UCI's iris data, written out below); LibSvmUtils' errors. The other
answers are libsvm 3.18's (the Java port Trino runs) on the features scaled as Trino's
FeatureUnitNormalizer scales them: one class only, labels truncated to ints, -1/+1 labels, an
RBF kernel, a polynomial nu-SVR, NULL rows skipped.
"""

from __future__ import annotations

from typing import Any

import pytest

from lakebox.errors import LakeboxError
from lakebox.query.engine import QueryEngine, QueryFailed
from lakebox.query.trino_functions import UnsupportedFunction
from tests.query import test_trino_functions as base

engine = base.engine  # the module's engine over t.nums

IRIS = """(VALUES
    (5.1, 3.5, 1.4, 0.2, 'Iris-setosa'), (4.9, 3.0, 1.4, 0.2, 'Iris-setosa'), (4.7, 3.2, 1.3, 0.2, 'Iris-setosa'), (4.6, 3.1, 1.5, 0.2, 'Iris-setosa'),
    (5.0, 3.6, 1.4, 0.2, 'Iris-setosa'), (5.4, 3.9, 1.7, 0.4, 'Iris-setosa'), (4.6, 3.4, 1.4, 0.3, 'Iris-setosa'), (5.0, 3.4, 1.5, 0.2, 'Iris-setosa'),
    (4.4, 2.9, 1.4, 0.2, 'Iris-setosa'), (4.9, 3.1, 1.5, 0.1, 'Iris-setosa'), (5.4, 3.7, 1.5, 0.2, 'Iris-setosa'), (4.8, 3.4, 1.6, 0.2, 'Iris-setosa'),
    (4.8, 3.0, 1.4, 0.1, 'Iris-setosa'), (4.3, 3.0, 1.1, 0.1, 'Iris-setosa'), (5.8, 4.0, 1.2, 0.2, 'Iris-setosa'), (5.7, 4.4, 1.5, 0.4, 'Iris-setosa'),
    (5.4, 3.9, 1.3, 0.4, 'Iris-setosa'), (5.1, 3.5, 1.4, 0.3, 'Iris-setosa'), (5.7, 3.8, 1.7, 0.3, 'Iris-setosa'), (5.1, 3.8, 1.5, 0.3, 'Iris-setosa'),
    (5.4, 3.4, 1.7, 0.2, 'Iris-setosa'), (5.1, 3.7, 1.5, 0.4, 'Iris-setosa'), (4.6, 3.6, 1.0, 0.2, 'Iris-setosa'), (5.1, 3.3, 1.7, 0.5, 'Iris-setosa'),
    (4.8, 3.4, 1.9, 0.2, 'Iris-setosa'), (5.0, 3.0, 1.6, 0.2, 'Iris-setosa'), (5.0, 3.4, 1.6, 0.4, 'Iris-setosa'), (5.2, 3.5, 1.5, 0.2, 'Iris-setosa'),
    (5.2, 3.4, 1.4, 0.2, 'Iris-setosa'), (4.7, 3.2, 1.6, 0.2, 'Iris-setosa'), (4.8, 3.1, 1.6, 0.2, 'Iris-setosa'), (5.4, 3.4, 1.5, 0.4, 'Iris-setosa'),
    (5.2, 4.1, 1.5, 0.1, 'Iris-setosa'), (5.5, 4.2, 1.4, 0.2, 'Iris-setosa'), (4.9, 3.1, 1.5, 0.1, 'Iris-setosa'), (5.0, 3.2, 1.2, 0.2, 'Iris-setosa'),
    (5.5, 3.5, 1.3, 0.2, 'Iris-setosa'), (4.9, 3.1, 1.5, 0.1, 'Iris-setosa'), (4.4, 3.0, 1.3, 0.2, 'Iris-setosa'), (5.1, 3.4, 1.5, 0.2, 'Iris-setosa'),
    (5.0, 3.5, 1.3, 0.3, 'Iris-setosa'), (4.5, 2.3, 1.3, 0.3, 'Iris-setosa'), (4.4, 3.2, 1.3, 0.2, 'Iris-setosa'), (5.0, 3.5, 1.6, 0.6, 'Iris-setosa'),
    (5.1, 3.8, 1.9, 0.4, 'Iris-setosa'), (4.8, 3.0, 1.4, 0.3, 'Iris-setosa'), (5.1, 3.8, 1.6, 0.2, 'Iris-setosa'), (4.6, 3.2, 1.4, 0.2, 'Iris-setosa'),
    (5.3, 3.7, 1.5, 0.2, 'Iris-setosa'), (5.0, 3.3, 1.4, 0.2, 'Iris-setosa'), (7.0, 3.2, 4.7, 1.4, 'Iris-versicolor'), (6.4, 3.2, 4.5, 1.5, 'Iris-versicolor'),
    (6.9, 3.1, 4.9, 1.5, 'Iris-versicolor'), (5.5, 2.3, 4.0, 1.3, 'Iris-versicolor'), (6.5, 2.8, 4.6, 1.5, 'Iris-versicolor'), (5.7, 2.8, 4.5, 1.3, 'Iris-versicolor'),
    (6.3, 3.3, 4.7, 1.6, 'Iris-versicolor'), (4.9, 2.4, 3.3, 1.0, 'Iris-versicolor'), (6.6, 2.9, 4.6, 1.3, 'Iris-versicolor'), (5.2, 2.7, 3.9, 1.4, 'Iris-versicolor'),
    (5.0, 2.0, 3.5, 1.0, 'Iris-versicolor'), (5.9, 3.0, 4.2, 1.5, 'Iris-versicolor'), (6.0, 2.2, 4.0, 1.0, 'Iris-versicolor'), (6.1, 2.9, 4.7, 1.4, 'Iris-versicolor'),
    (5.6, 2.9, 3.6, 1.3, 'Iris-versicolor'), (6.7, 3.1, 4.4, 1.4, 'Iris-versicolor'), (5.6, 3.0, 4.5, 1.5, 'Iris-versicolor'), (5.8, 2.7, 4.1, 1.0, 'Iris-versicolor'),
    (6.2, 2.2, 4.5, 1.5, 'Iris-versicolor'), (5.6, 2.5, 3.9, 1.1, 'Iris-versicolor'), (5.9, 3.2, 4.8, 1.8, 'Iris-versicolor'), (6.1, 2.8, 4.0, 1.3, 'Iris-versicolor'),
    (6.3, 2.5, 4.9, 1.5, 'Iris-versicolor'), (6.1, 2.8, 4.7, 1.2, 'Iris-versicolor'), (6.4, 2.9, 4.3, 1.3, 'Iris-versicolor'), (6.6, 3.0, 4.4, 1.4, 'Iris-versicolor'),
    (6.8, 2.8, 4.8, 1.4, 'Iris-versicolor'), (6.7, 3.0, 5.0, 1.7, 'Iris-versicolor'), (6.0, 2.9, 4.5, 1.5, 'Iris-versicolor'), (5.7, 2.6, 3.5, 1.0, 'Iris-versicolor'),
    (5.5, 2.4, 3.8, 1.1, 'Iris-versicolor'), (5.5, 2.4, 3.7, 1.0, 'Iris-versicolor'), (5.8, 2.7, 3.9, 1.2, 'Iris-versicolor'), (6.0, 2.7, 5.1, 1.6, 'Iris-versicolor'),
    (5.4, 3.0, 4.5, 1.5, 'Iris-versicolor'), (6.0, 3.4, 4.5, 1.6, 'Iris-versicolor'), (6.7, 3.1, 4.7, 1.5, 'Iris-versicolor'), (6.3, 2.3, 4.4, 1.3, 'Iris-versicolor'),
    (5.6, 3.0, 4.1, 1.3, 'Iris-versicolor'), (5.5, 2.5, 4.0, 1.3, 'Iris-versicolor'), (5.5, 2.6, 4.4, 1.2, 'Iris-versicolor'), (6.1, 3.0, 4.6, 1.4, 'Iris-versicolor'),
    (5.8, 2.6, 4.0, 1.2, 'Iris-versicolor'), (5.0, 2.3, 3.3, 1.0, 'Iris-versicolor'), (5.6, 2.7, 4.2, 1.3, 'Iris-versicolor'), (5.7, 3.0, 4.2, 1.2, 'Iris-versicolor'),
    (5.7, 2.9, 4.2, 1.3, 'Iris-versicolor'), (6.2, 2.9, 4.3, 1.3, 'Iris-versicolor'), (5.1, 2.5, 3.0, 1.1, 'Iris-versicolor'), (5.7, 2.8, 4.1, 1.3, 'Iris-versicolor'),
    (6.3, 3.3, 6.0, 2.5, 'Iris-virginica'), (5.8, 2.7, 5.1, 1.9, 'Iris-virginica'), (7.1, 3.0, 5.9, 2.1, 'Iris-virginica'), (6.3, 2.9, 5.6, 1.8, 'Iris-virginica'),
    (6.5, 3.0, 5.8, 2.2, 'Iris-virginica'), (7.6, 3.0, 6.6, 2.1, 'Iris-virginica'), (4.9, 2.5, 4.5, 1.7, 'Iris-virginica'), (7.3, 2.9, 6.3, 1.8, 'Iris-virginica'),
    (6.7, 2.5, 5.8, 1.8, 'Iris-virginica'), (7.2, 3.6, 6.1, 2.5, 'Iris-virginica'), (6.5, 3.2, 5.1, 2.0, 'Iris-virginica'), (6.4, 2.7, 5.3, 1.9, 'Iris-virginica'),
    (6.8, 3.0, 5.5, 2.1, 'Iris-virginica'), (5.7, 2.5, 5.0, 2.0, 'Iris-virginica'), (5.8, 2.8, 5.1, 2.4, 'Iris-virginica'), (6.4, 3.2, 5.3, 2.3, 'Iris-virginica'),
    (6.5, 3.0, 5.5, 1.8, 'Iris-virginica'), (7.7, 3.8, 6.7, 2.2, 'Iris-virginica'), (7.7, 2.6, 6.9, 2.3, 'Iris-virginica'), (6.0, 2.2, 5.0, 1.5, 'Iris-virginica'),
    (6.9, 3.2, 5.7, 2.3, 'Iris-virginica'), (5.6, 2.8, 4.9, 2.0, 'Iris-virginica'), (7.7, 2.8, 6.7, 2.0, 'Iris-virginica'), (6.3, 2.7, 4.9, 1.8, 'Iris-virginica'),
    (6.7, 3.3, 5.7, 2.1, 'Iris-virginica'), (7.2, 3.2, 6.0, 1.8, 'Iris-virginica'), (6.2, 2.8, 4.8, 1.8, 'Iris-virginica'), (6.1, 3.0, 4.9, 1.8, 'Iris-virginica'),
    (6.4, 2.8, 5.6, 2.1, 'Iris-virginica'), (7.2, 3.0, 5.8, 1.6, 'Iris-virginica'), (7.4, 2.8, 6.1, 1.9, 'Iris-virginica'), (7.9, 3.8, 6.4, 2.0, 'Iris-virginica'),
    (6.4, 2.8, 5.6, 2.2, 'Iris-virginica'), (6.3, 2.8, 5.1, 1.5, 'Iris-virginica'), (6.1, 2.6, 5.6, 1.4, 'Iris-virginica'), (7.7, 3.0, 6.1, 2.3, 'Iris-virginica'),
    (6.3, 3.4, 5.6, 2.4, 'Iris-virginica'), (6.4, 3.1, 5.5, 1.8, 'Iris-virginica'), (6.0, 3.0, 4.8, 1.8, 'Iris-virginica'), (6.9, 3.1, 5.4, 2.1, 'Iris-virginica'),
    (6.7, 3.1, 5.6, 2.4, 'Iris-virginica'), (6.9, 3.1, 5.1, 2.3, 'Iris-virginica'), (5.8, 2.7, 5.1, 1.9, 'Iris-virginica'), (6.8, 3.2, 5.9, 2.3, 'Iris-virginica'),
    (6.7, 3.3, 5.7, 2.5, 'Iris-virginica'), (6.7, 3.0, 5.2, 2.3, 'Iris-virginica'), (6.3, 2.5, 5.0, 1.9, 'Iris-virginica'), (6.5, 3.0, 5.2, 2.0, 'Iris-virginica'),
    (6.2, 3.4, 5.4, 2.3, 'Iris-virginica'), (5.9, 3.0, 5.1, 1.8, 'Iris-virginica')
) AS iris(sepal_length, sepal_width, petal_length, petal_width, species)"""


def _classified(rows: str, probe: str, learn: str = "learn_classifier(l, f)") -> str:
    return (
        f"SELECT classify({probe}, model) FROM (SELECT {learn} AS model "
        f"FROM (VALUES {rows}) t(l, f)) t2"
    )


def _regressed(rows: str, probe: str, learn: str = "learn_regressor(l, f)") -> str:
    return (
        f"SELECT regress({probe}, model) FROM (SELECT {learn} AS model "
        f"FROM (VALUES {rows}) t(l, f)) t2"
    )


_A = (
    "(1, features(1, 2)), (2, features(3, 1)), (NULL, features(9, 9)), (3, features(5, 5)), "
    "(1, features(1.5, 2.5)), (2, NULL), (2, features(3.5, 0.5))"
)
_C = (
    "(-1, features(0, 1)), (1, features(1, 0)), (-1, features(0.2, 0.9)), "
    "(1, features(0.8, 0.3)), (1, features(0.5, 0.5))"
)
_D = (
    "('cat', features(1, 2)), ('dog', features(3, 1)), ('bird', features(2, 5)), "
    "('cat', features(1.2, 2.1)), ('dog', features(2.9, 1.3)), ('bird', features(2.2, 4.4))"
)
_RBF = "learn_libsvm_classifier(l, f, 'kernel=rbf, gamma=0.5,C=10')"
_E = (
    "(1.5, features(1, 2)), (3, features(2, 1)), (5, features(3, 3)), (2.5, features(1.5, 1)), "
    "(4, features(2.5, 2))"
)
_POLY = "learn_libsvm_regressor(l, f, 'kernel=POLY,C=10,nu=0.3,gamma=1,coef0=1,degree=2')"

# (expression or SELECT, Trino's value, Trino's type)
CASES: list[tuple[str, Any, str]] = [
    # ml.md
    ("features(1.0, 2.0, 3.0)", [(0, 1.0), (1, 2.0), (2, 3.0)], "map(bigint, double)"),
    (
        "SELECT classify(features(5.9, 3, 5.1, 1.8), model) AS predicted_label FROM (SELECT "
        "learn_classifier(species, features(sepal_length, sepal_width, petal_length, "
        f"petal_width)) AS model FROM {IRIS}) t",
        "Iris-virginica",
        "varchar",
    ),
    (
        "SELECT regress(features(3, 5.1, 1.8), model) AS predicted_target FROM (SELECT "
        "learn_regressor(sepal_length, features(sepal_width, petal_length, petal_width)) "
        f"AS model FROM {IRIS}) t",
        6.407376822560477,
        "double",
    ),
    # TestMLQueries
    (_classified("(1, features(1, 2))", "features(1, 2)"), 1, "bigint"),
    (_classified("('cat', features(1, 2))", "features(1, 2)"), "cat", "varchar"),
    # features: NULL if an argument is; ten at most
    ("features(1, NULL)", None, "map(bigint, double)"),
    (
        "features(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)[9]",
        10.0,
        "double",
    ),
    # three classes; rows with a NULL label or features are skipped (libsvm 3.18)
    (_classified(_A, "features(1.2, 2.2)"), 1, "bigint"),
    (_classified(_A, "features(3.1, 1.1)"), 2, "bigint"),
    (_classified(_A, "features(10, -3)"), 2, "bigint"),
    (_classified(_A, "NULL"), None, "bigint"),
    # one class only: always that class
    (_classified("(7, features(1, 2)), (7, features(3, 4))", "features(9, 9)"), 7, "bigint"),
    # double labels are classes as Java's (int): 1.7 and 1.2 are class 1
    (
        _classified(
            "(1.7e0, features(1)), (2.2e0, features(2)), (-0.5e0, features(3)), "
            "(1.2e0, features(1.1))",
            "features(3)",
        ),
        1,
        "bigint",
    ),
    # -1 first: libsvm puts +1 first
    (_classified(_C, "features(0.4, 0.6)"), 1, "bigint"),
    # varchar labels, an RBF kernel (params with spaces around a key)
    (_classified(_D, "features(1.1, 2)", _RBF), "cat", "varchar"),
    (_classified(_D, "features(3, 1.2)", _RBF), "dog", "varchar"),
    (_classified(_D, "features(2, 3)", _RBF), "bird", "varchar"),
    # nu-SVR: Trino's defaults, then a polynomial kernel
    (_regressed(_E, "features(1, 2)"), 2.84375, "double"),
    (_regressed(_E, "features(4, 4)"), 4.28125, "double"),
    (_regressed(_E, "features(1, 2)", _POLY), 1.5463666380102796, "double"),
    (_regressed(_E, "features(2, 2)", _POLY), 3.059200583851029, "double"),
    (_regressed(_E, "NULL"), None, "double"),
    # a model per group
    (
        "SELECT list(classify(features(1), m) ORDER BY g) FROM (SELECT g, "
        "learn_classifier(l, f) AS m FROM (VALUES (1, 'a', features(1)), (1, 'b', features(5)), "
        "(2, 'c', features(0)), (2, 'd', features(9))) t(g, l, f) GROUP BY g) t2",
        ["a", "c"],
        "array(varchar)",
    ),
]

_LEARN = "SELECT learn_libsvm_classifier(l, f, {p}) FROM (VALUES (1, features(1))) t(l, f)"

# (SQL, the error, words its message must hold)
ERRORS: list[tuple[str, type[LakeboxError], str]] = [
    (_LEARN.format(p="'C'"), QueryFailed, "Invalid hyperparameters string for libsvm"),
    (_LEARN.format(p="'C=1=2'"), QueryFailed, "Invalid hyperparameters string for libsvm"),
    (_LEARN.format(p="'kernel=cubic'"), QueryFailed, "Unknown kernel type cubic"),
    (_LEARN.format(p="'p=0.1'"), QueryFailed, "Unknown parameter p"),
    (_LEARN.format(p="'C=abc'"), QueryFailed, 'For input string: "abc"'),
    (_LEARN.format(p="'degree=2.5'"), QueryFailed, 'For input string: "2.5"'),
    (_LEARN.format(p="'C=0'"), QueryFailed, "C <= 0 is not supported by lakebox"),
    (
        "SELECT learn_classifier(l, f) AS model FROM (VALUES (1, features(1, 2))) t(l, f)",
        QueryFailed,
        "the result column model holds machine-learning models",
    ),
    (
        "SELECT learn_regressor(l, f) AS model FROM (VALUES (1, features(1, 2))) t(l, f)",
        QueryFailed,
        "the result column model holds machine-learning models",
    ),
    (
        "SELECT CAST(learn_classifier(l, f) AS varbinary) FROM (VALUES (1, features(1))) t(l, f)",
        UnsupportedFunction,
        "CAST of learn_classifier",
    ),
    ("features(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)", UnsupportedFunction, "features"),
    (
        "SELECT classify(features(1), m) FROM (SELECT learn_classifier(l, f) AS m "
        "FROM (VALUES (1, features(1))) t(l, f) WHERE l > 5) t2",
        QueryFailed,
        "learn_classifier over no rows",
    ),
    (
        "SELECT classify(features(1), m) FROM (SELECT learn_classifier(DISTINCT l, f) AS m "
        "FROM (VALUES (1, features(1))) t(l, f)) t2",
        UnsupportedFunction,
        "learn_classifier",
    ),
    (
        _regressed("(1, features(1)), (nan(), features(2))", "features(1)"),
        QueryFailed,
        "NaN or infinite targets",
    ),
]


@pytest.mark.parametrize(("sql", "value", "trino_type"), CASES, ids=[c[0][:80] for c in CASES])
def test_trino_answer(engine: QueryEngine, sql: str, value: Any, trino_type: str) -> None:
    base.test_trino_answer(engine, sql, value, trino_type)


@pytest.mark.parametrize(("sql", "error", "words"), ERRORS, ids=[c[0][:80] for c in ERRORS])
def test_trino_errors(engine: QueryEngine, sql: str, error: type[LakeboxError], words: str) -> None:
    base.test_trino_errors(engine, sql, error, words)
