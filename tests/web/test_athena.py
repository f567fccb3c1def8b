"""Existing Athena clients, unchanged, against a real `lakebox serve`: PyAthena and boto3."""

from __future__ import annotations

import time
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow


@pytest.fixture
def lake_server(server: RunningServer) -> RunningServer:
    server.cli("streams", "create", "orders", "--interval", "900")
    lines = [
        b'{"id": %d, "total": %d.5, "country": "%s", "tags": ["a"]}'
        % (i, i, b"nl" if i % 3 else b"de")
        for i in range(1, 2501)
    ]
    out = server.cli("put", "orders", "-", input=b"\n".join(lines) + b"\n")
    assert out.returncode == 0, out.stderr
    server.cli("streams", "flush", "orders")
    server.cli("crawlers", "create", "c", "--prefix", "raw/", "--database", "lake")
    assert server.cli("crawlers", "run", "c").returncode == 0
    return server


def athena(server: RunningServer) -> Any:
    import boto3

    cred = server.credential
    return boto3.client(
        "athena",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id=cred["access_key_id"],
        aws_secret_access_key=cred["secret_access_key"],
    )


def pyathena_cursor(server: RunningServer) -> Any:
    import pyathena

    cred = server.credential
    conn = pyathena.connect(
        s3_staging_dir="s3://data/query-results/",
        region_name="us-east-1",
        endpoint_url=server.url,
        aws_access_key_id=cred["access_key_id"],
        aws_secret_access_key=cred["secret_access_key"],
        schema_name="lake",  # Athena's default database: table names without one use it
        poll_interval=0.1,
    )
    return conn.cursor()


def test_pyathena_cursor(lake_server: RunningServer) -> None:
    cur = pyathena_cursor(lake_server)
    cur.execute(
        "SELECT country, count(*) AS n, sum(total) AS revenue FROM orders GROUP BY country ORDER BY country"
    )
    assert [d[0] for d in cur.description] == ["country", "n", "revenue"]
    rows = cur.fetchall()
    assert [(r[0], r[1]) for r in rows] == [("de", 833), ("nl", 1667)]
    assert isinstance(rows[0][1], int) and isinstance(rows[0][2], float)
    cur.execute("SELECT id FROM lake.orders WHERE country = %(c)s ORDER BY id", {"c": "de"})
    ids = [r[0] for r in cur.fetchall()]  # 833 rows: more than one page of GetQueryResults
    assert ids[:3] == [3, 6, 9] and len(ids) == 833
    cur.execute("SELECT id, tags FROM orders ORDER BY id LIMIT 1")
    assert cur.fetchone()[0] == 1
    with pytest.raises(Exception, match="Column 'nope' cannot be resolved"):
        cur.execute("SELECT nope FROM orders")


def test_boto3_athena_actions(lake_server: RunningServer) -> None:
    client = athena(lake_server)
    qid = client.start_query_execution(
        QueryString="SELECT count(*) AS n FROM lake.orders",
        ResultConfiguration={"OutputLocation": "s3://data/query-results/"},
    )["QueryExecutionId"]
    deadline = time.monotonic() + 20
    while True:
        execution = client.get_query_execution(QueryExecutionId=qid)["QueryExecution"]
        if (
            execution["Status"]["State"] in ("SUCCEEDED", "FAILED", "CANCELLED")
            or time.monotonic() > deadline
        ):
            break
        time.sleep(0.1)
    assert execution["Status"]["State"] == "SUCCEEDED"
    assert execution["Statistics"]["DataScannedInBytes"] > 0
    assert execution["ResultConfiguration"]["OutputLocation"].endswith(f"{qid}.csv")
    results = client.get_query_results(QueryExecutionId=qid)
    assert results["ResultSet"]["Rows"] == [
        {"Data": [{"VarCharValue": "n"}]},
        {"Data": [{"VarCharValue": "2500"}]},
    ]
    assert results["ResultSet"]["ResultSetMetadata"]["ColumnInfo"][0]["Type"] == "bigint"
    # One row a page: the header, then each row, then no NextToken (it used to loop on "0").
    pages, token = [], None
    for _ in range(5):
        page = client.get_query_results(
            QueryExecutionId=qid, MaxResults=1, **({"NextToken": token} if token else {})
        )
        pages.append(page["ResultSet"]["Rows"])
        token = page.get("NextToken")
        if token is None:
            break
    assert pages == [[{"Data": [{"VarCharValue": "n"}]}], [{"Data": [{"VarCharValue": "2500"}]}]]
    assert qid in client.list_query_executions()["QueryExecutionIds"]
    batch = client.batch_get_query_execution(QueryExecutionIds=[qid, "nope"])
    assert [q["QueryExecutionId"] for q in batch["QueryExecutions"]] == [qid]
    assert batch["UnprocessedQueryExecutionIds"][0]["QueryExecutionId"] == "nope"
    assert client.list_data_catalogs()["DataCatalogsSummary"][0]["CatalogName"] == "AwsDataCatalog"
    assert [
        d["Name"] for d in client.list_databases(CatalogName="AwsDataCatalog")["DatabaseList"]
    ] == ["lake"]
    meta = client.get_table_metadata(
        CatalogName="AwsDataCatalog", DatabaseName="lake", TableName="orders"
    )
    assert [c["Name"] for c in meta["TableMetadata"]["PartitionKeys"]] == [
        "year",
        "month",
        "day",
        "hour",
    ]
    assert {c["Name"] for c in meta["TableMetadata"]["Columns"]} == {
        "id",
        "total",
        "country",
        "tags",
    }
    assert client.get_work_group(WorkGroup="primary")["WorkGroup"]["State"] == "ENABLED"


def test_athena_errors(lake_server: RunningServer) -> None:
    client = athena(lake_server)
    with pytest.raises(ClientError) as exc:
        client.get_query_execution(QueryExecutionId="00000000-0000-0000-0000-000000000000")
    assert exc.value.response["Error"]["Code"] == "InvalidRequestException"
    with pytest.raises(ClientError) as exc:
        client.get_table_metadata(
            CatalogName="AwsDataCatalog", DatabaseName="lake", TableName="ordrs"
        )
    assert "did you mean orders" in exc.value.response["Error"]["Message"]
    qid = client.start_query_execution(QueryString="SELECT * FROM lake.orders WHERE (")[
        "QueryExecutionId"
    ]
    time.sleep(0.5)
    status = client.get_query_execution(QueryExecutionId=qid)["QueryExecution"]["Status"]
    assert status["State"] == "FAILED"
    assert "line 1, column" in status["AthenaError"]["ErrorMessage"]
    with pytest.raises(ClientError) as exc:
        client.get_query_results(QueryExecutionId=qid)
    assert "is FAILED" in exc.value.response["Error"]["Message"]


def athena_engine(server: RunningServer) -> Any:
    """PyAthena's SQLAlchemy dialect, configured only through its URL, as a user would."""
    from urllib.parse import quote_plus

    import sqlalchemy

    cred = server.credential
    url = (
        f"awsathena+rest://{quote_plus(cred['access_key_id'])}:{quote_plus(cred['secret_access_key'])}"
        "@athena.us-east-1.amazonaws.com:443/lake"
        f"?s3_staging_dir={quote_plus('s3://data/query-results/')}"
        f"&endpoint_url={quote_plus(server.url)}&poll_interval=0.1"
    )
    return sqlalchemy.create_engine(url)


def test_pyathena_sqlalchemy_and_pandas(lake_server: RunningServer) -> None:
    import pandas as pd
    import sqlalchemy as sa

    engine = athena_engine(lake_server)
    # Reflection goes through ListDatabases / ListTableMetadata / GetTableMetadata.
    inspector = sa.inspect(engine)
    assert "lake" in inspector.get_schema_names()
    assert "orders" in inspector.get_table_names(schema="lake")
    columns = {c["name"]: c["type"] for c in inspector.get_columns("orders", schema="lake")}
    assert {"id", "total", "country", "tags"} <= set(columns)
    assert isinstance(columns["id"], sa.BigInteger) and isinstance(columns["total"], sa.Float)

    # A reflected table compiles to Athena SQL that lakebox runs unchanged.
    orders = sa.Table("orders", sa.MetaData(), schema="lake", autoload_with=engine)
    stmt = (
        sa.select(orders.c.country, sa.func.count().label("n"))
        .where(orders.c.id > 100)
        .group_by(orders.c.country)
        .order_by(orders.c.country)
    )
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(stmt)] == [("de", 800), ("nl", 1600)]

    frame = pd.read_sql(
        "SELECT country, count(*) AS n, sum(total) AS revenue FROM orders GROUP BY country ORDER BY country",
        engine,
    )
    assert list(frame.columns) == ["country", "n", "revenue"]
    assert frame["n"].tolist() == [833, 1667]
    assert frame["revenue"].dtype.kind == "f"
    assert frame.loc[frame.country == "de", "revenue"].item() == sum(
        i + 0.5 for i in range(3, 2501, 3)
    )

    # pandas with a bound parameter, through the dialect's pyformat paramstyle.
    frame = pd.read_sql(
        sa.text("SELECT id FROM orders WHERE country = :c ORDER BY id LIMIT 3"),
        engine,
        params={"c": "de"},
    )
    assert frame["id"].tolist() == [3, 6, 9]
    engine.dispose()


def test_ctas_and_insert_through_athena_clients(lake_server: RunningServer) -> None:
    cur = pyathena_cursor(lake_server)
    cur.execute(
        "CREATE TABLE curated.revenue WITH (table_type = 'ICEBERG', partitioning = ARRAY['country']) "
        "AS SELECT country, sum(total) AS revenue FROM orders GROUP BY country"
    )
    assert cur.rowcount == 2 and cur.fetchall() == []
    cur.execute("INSERT INTO curated.revenue VALUES ('be', 1.5)")
    assert cur.rowcount == 1
    cur.execute("SELECT country FROM curated.revenue ORDER BY country")
    assert cur.fetchall() == [("be",), ("de",), ("nl",)]

    client = athena(lake_server)
    qid = client.start_query_execution(
        QueryString="INSERT INTO curated.revenue SELECT 'fr', 2.0",
        ResultConfiguration={"OutputLocation": "s3://data/query-results/"},
    )["QueryExecutionId"]
    for _ in range(100):
        execution = client.get_query_execution(QueryExecutionId=qid)["QueryExecution"]
        if execution["Status"]["State"] in ("SUCCEEDED", "FAILED"):
            break
        time.sleep(0.05)
    assert execution["Status"]["State"] == "SUCCEEDED"
    assert (execution["StatementType"], execution["SubstatementType"]) == ("DML", "INSERT")
    assert client.get_query_results(QueryExecutionId=qid)["UpdateCount"] == 1
    # The table is in the catalog as Iceberg, for GetTableMetadata as for any table
    meta = client.get_table_metadata(
        CatalogName="AwsDataCatalog", DatabaseName="curated", TableName="revenue"
    )["TableMetadata"]
    assert [c["Name"] for c in meta["Columns"]] == ["country", "revenue"]
