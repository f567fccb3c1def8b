"""Every result type through every result path: GetQueryResults (text and ColumnInfo), the CSV
and Parquet results files, lakebox's /v1 JSON, and PyAthena's converters — against a real
`lakebox serve`, with boto3 and PyAthena unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import httpx
import pyarrow.parquet as pq
import pytest

from lakebox.query.result_types import (
    UnsupportedResultType,
    interval_text,
    java_double,
    of_duckdb,
    to_text,
)
from tests.conftest import RunningServer
from tests.web.test_athena import athena, pyathena_cursor


class Case(NamedTuple):
    sql: str  # one expression, Athena (Trino) SQL
    type: str  # ColumnInfo's Type
    precision: int
    scale: int
    text: str | None  # GetQueryResults' VarCharValue, and the CSV field
    json: Any  # /v1 results
    python: Any  # what PyAthena's cursor gives


UTC = ZoneInfo("UTC")
CASES = [
    Case(
        "CAST(1.5 AS DECIMAL(38,9))",
        "decimal",
        38,
        9,
        "1.500000000",
        "1.500000000",
        Decimal("1.500000000"),
    ),
    Case(
        "CAST(-12345678901234567890.5 AS DECIMAL(38,1))",
        "decimal",
        38,
        1,
        "-12345678901234567890.5",
        "-12345678901234567890.5",
        Decimal("-12345678901234567890.5"),
    ),
    Case(
        "ARRAY[ARRAY[CAST(1.25 AS DECIMAL(5,2)), NULL], NULL]",
        "array",
        0,
        0,
        "[[1.25, null], null]",
        [["1.25", None], None],
        [[1.25, None], None],
    ),
    Case(
        "MAP(ARRAY['a', 'b'], ARRAY[1, 2])",
        "map",
        0,
        0,
        "{a=1, b=2}",
        {"a": 1, "b": 2},
        {"a": "1", "b": "2"},  # PyAthena reads the text of maps and rows as strings
    ),
    Case(
        "CAST(ROW(1, 'x') AS ROW(a INTEGER, b VARCHAR))",
        "row",
        0,
        0,
        "{a=1, b=x}",
        {"a": 1, "b": "x"},
        {"a": "1", "b": "x"},
    ),
    Case(
        "INTERVAL '2' DAY",
        "interval day to second",
        0,
        0,
        "2 00:00:00.000",
        "2 00:00:00.000",
        "2 00:00:00.000",
    ),
    Case("INTERVAL '14' MONTH", "interval year to month", 0, 0, "1-2", "1-2", "1-2"),
    Case("CAST('xy' AS VARBINARY)", "varbinary", 1073741824, 0, "78 79", "eHk=", b"xy"),
    Case(
        "TIMESTAMP '2020-01-01 01:02:03.123 UTC'",
        "timestamp with time zone",
        3,
        0,
        "2020-01-01 01:02:03.123 UTC",
        "2020-01-01T01:02:03.123000+00:00",
        dt.datetime(2020, 1, 1, 1, 2, 3, 123000, tzinfo=UTC),
    ),
    Case(
        "TIMESTAMP '2020-01-01 01:02:03.123'",
        "timestamp",
        3,
        0,
        "2020-01-01 01:02:03.123",
        "2020-01-01T01:02:03.123000",
        dt.datetime(2020, 1, 1, 1, 2, 3, 123000),
    ),
    Case("DATE '2020-02-03'", "date", 0, 0, "2020-02-03", "2020-02-03", dt.date(2020, 2, 3)),
    Case(
        "TIME '01:02:03.456'",
        "time",
        3,
        0,
        "01:02:03.456",
        "01:02:03.456000",
        dt.time(1, 2, 3, 456000),
    ),
    Case("1e10", "double", 53, 0, "1.0E10", 1e10, 1e10),
    Case("CAST(0.1 AS REAL)", "real", 24, 0, "0.1", pytest.approx(0.1), pytest.approx(0.1)),
    Case("CAST('NaN' AS DOUBLE)", "double", 53, 0, "NaN", "NaN", "nan"),
    Case(
        "CAST(9223372036854775807 AS BIGINT)",
        "bigint",
        19,
        0,
        "9223372036854775807",
        9223372036854775807,
        9223372036854775807,
    ),
    Case("CAST(7 AS TINYINT)", "tinyint", 3, 0, "7", 7, 7),
    Case("CAST(7 AS SMALLINT)", "smallint", 5, 0, "7", 7, 7),
    Case("true", "boolean", 0, 0, "true", True, True),
    Case(
        "'héllo, \"world\"'",
        "varchar",
        2147483647,
        0,
        'héllo, "world"',
        'héllo, "world"',
        'héllo, "world"',
    ),
    Case("CAST(NULL AS INTEGER)", "integer", 10, 0, None, None, None),
    # Trino's clients get a geometry as its WKT text, the type as Trino names it
    Case(
        "ST_GeometryFromText('MULTIPOINT ((1 2), (3.5 4))')",
        "Geometry",
        0,
        0,
        "MULTIPOINT ((1 2), (3.5 4))",
        "MULTIPOINT ((1 2), (3.5 4))",
        "MULTIPOINT ((1 2), (3.5 4))",
    ),
]


def _value(got: Any, expected: Any) -> bool:
    if expected == "nan":
        return isinstance(got, float) and got != got
    return bool(got == expected)


@pytest.mark.slow
def test_every_result_type_through_every_result_path(server: RunningServer) -> None:
    client = athena(server)
    cursor = pyathena_cursor(server)
    headers = {"Authorization": f"Bearer {server.credential['token']}"}
    wrong: list[str] = []
    for case in CASES:
        sql = f"SELECT {case.sql} AS v"
        qid = client.start_query_execution(QueryString=sql)["QueryExecutionId"]
        while True:
            status = client.get_query_execution(QueryExecutionId=qid)["QueryExecution"]["Status"]
            if status["State"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
                break
        if status["State"] != "SUCCEEDED":
            wrong.append(f"{case.sql}: {status}")
            continue
        page = client.get_query_results(QueryExecutionId=qid)["ResultSet"]
        info = page["ResultSetMetadata"]["ColumnInfo"][0]
        got_type = (info["Type"], info["Precision"], info["Scale"])
        if got_type != (case.type, case.precision, case.scale):
            wrong.append(f"{case.sql}: ColumnInfo {got_type}")
        cell = page["Rows"][1]["Data"][0]
        if cell.get("VarCharValue") != case.text:
            wrong.append(f"{case.sql}: GetQueryResults {cell!r}, not {case.text!r}")
        v1 = httpx.get(f"{server.url}/v1/queries/{qid}/results", headers=headers).json()
        if not _value(v1["rows"][0][0], case.json):
            wrong.append(f"{case.sql}: /v1 {v1['rows'][0][0]!r}, not {case.json!r}")
        raw = httpx.get(f"{server.url}/v1/queries/{qid}/results?format=csv", headers=headers)
        header, row = list(csv.reader(io.StringIO(raw.text)))
        if header != ["v"] or (row or [""])[0] != (case.text or ""):  # NULL: an empty line
            wrong.append(f"{case.sql}: CSV {header} {row}")
        pq_data = httpx.get(
            f"{server.url}/v1/queries/{qid}/results?format=parquet", headers=headers
        ).content
        pq.ParquetFile(io.BytesIO(pq_data)).read()  # a Parquet reader reads every type
        cursor.execute(sql)
        value = cursor.fetchone()[0]
        if not _value(value, case.python):
            wrong.append(f"{case.sql}: PyAthena {value!r}, not {case.python!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow
def test_two_columns_of_one_name_and_positional_names(server: RunningServer) -> None:
    client = athena(server)
    cursor = pyathena_cursor(server)
    cursor.execute("SELECT 1 AS a, 2 AS a, count(*), 3 + 4")
    assert [d[0] for d in cursor.description] == ["a", "a", "_col2", "_col3"]
    assert cursor.fetchall() == [(1, 2, 1, 7)]
    qid = cursor.query_id
    rows = client.get_query_results(QueryExecutionId=qid)["ResultSet"]["Rows"]
    assert [c["VarCharValue"] for c in rows[0]["Data"]] == ["a", "a", "_col2", "_col3"]


def test_java_rendering_of_doubles() -> None:
    assert [java_double(x) for x in (3.5, 100.0, 1e7, 9999999.0, 1.5e-4, 0.001, -2.5e-10)] == [
        "3.5",
        "100.0",
        "1.0E7",
        "9999999.0",
        "1.5E-4",
        "0.001",
        "-2.5E-10",
    ]
    assert [java_double(x) for x in (float("inf"), float("-inf"), -0.0)] == [
        "Infinity",
        "-Infinity",
        "-0.0",
    ]
    assert java_double(0.1, single=True) == "0.1"


def test_intervals_as_trino_writes_them() -> None:
    from pyarrow import MonthDayNano

    assert interval_text(MonthDayNano([0, 2, 3 * 3_600_000_000_000 + 5_000_000])) == (
        "2 03:00:00.005"
    )
    assert interval_text(MonthDayNano([0, -1, 0])) == "-1 00:00:00.000"
    assert interval_text(MonthDayNano([-14, 0, 0])) == "-1-2"
    with pytest.raises(UnsupportedResultType, match="months and days together"):
        interval_text(MonthDayNano([1, 1, 0]))


def test_nested_values_as_trino_writes_them() -> None:
    rtype = of_duckdb('STRUCT(a INTEGER[], m MAP(VARCHAR, DOUBLE), "x y" VARCHAR)')
    assert rtype.name == 'row(a array(integer), m map(varchar, double), "x y" varchar)'
    value = {"a": [1, None], "m": [("k", 1e10)], "x y": None}
    assert to_text(value, rtype) == "{a=[1, null], m={k=1.0E10}, x y=null}"


def test_a_type_with_no_athena_counterpart_is_refused_by_name() -> None:
    with pytest.raises(UnsupportedResultType, match="DuckDB type BIT has no Athena"):
        of_duckdb("BIT")
