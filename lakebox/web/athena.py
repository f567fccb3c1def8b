"""The Athena wire API subset: ``POST /`` with ``X-Amz-Target: AmazonAthena.<Action>``.

Enough for boto3's ``athena`` client and PyAthena's cursor, pointed at lakebox with
``endpoint_url``: start a query, poll it, page through its results (Athena's ResultSet with the
header row and ColumnInfo), stop it, list and batch-get executions, and the catalog calls
clients make (data catalogs, databases, table metadata, the work group).
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from lakebox.auth.access import Principal
from lakebox.catalog.service import CatalogTable, summarized
from lakebox.errors import AccessDenied, InvalidArgument, NotFound
from lakebox.instance import Lakebox
from lakebox.query.result_types import to_text, types_of
from lakebox.query.service import QueryExecution
from lakebox.web.aws_json import Handler, aws_json_endpoint
from lakebox.web.errors import ATHENA_ERRORS
from lakebox.web.requests import (
    BatchGetNamedQuery,
    BatchGetQueryExecution,
    ByNamedQueryId,
    ByQueryExecutionId,
    CreateNamedQuery,
    GetQueryResults,
    GetTableMetadata,
    GetWorkGroup,
    InCatalog,
    ListDataCatalogs,
    ListNamedQueries,
    ListQueryExecutions,
    ListTableMetadata,
    StartQueryExecution,
    parse,
)

TARGET_PREFIX = "AmazonAthena."
# (pattern on the statement's start, StatementType, SubstatementType) as Athena reports them.
_STATEMENT_TYPES = [
    (re.compile(r"\s*CREATE\s+TABLE\b.*?\bAS\s*(\(|SELECT\b|WITH\b)", re.I | re.S),
     "DDL", "CREATE_TABLE_AS_SELECT"),
    (re.compile(r"\s*CREATE\s+TABLE\b", re.I), "DDL", "CREATE_TABLE"),
    (re.compile(r"\s*CREATE\s+(OR\s+REPLACE\s+)?VIEW\b", re.I), "DDL", "CREATE_VIEW"),
    (re.compile(r"\s*DROP\s+TABLE\b", re.I), "DDL", "DROP_TABLE"),
    (re.compile(r"\s*DROP\s+VIEW\b", re.I), "DDL", "DROP_VIEW"),
    (re.compile(r"\s*INSERT\s+INTO\b", re.I), "DML", "INSERT"),
    (re.compile(r"\s*SHOW\s+(DATABASES|SCHEMAS)\b", re.I), "UTILITY", "SHOW_DATABASES"),
    (re.compile(r"\s*SHOW\s+TABLES\b", re.I), "UTILITY", "SHOW_TABLES"),
    (re.compile(r"\s*SHOW\s+VIEWS\b", re.I), "UTILITY", "SHOW_VIEWS"),
    (re.compile(r"\s*SHOW\s+COLUMNS\b", re.I), "UTILITY", "SHOW_COLUMNS"),
    (re.compile(r"\s*SHOW\s+CREATE\s+TABLE\b", re.I), "UTILITY", "SHOW_CREATE_TABLE"),
    (re.compile(r"\s*SHOW\s+CREATE\s+VIEW\b", re.I), "UTILITY", "SHOW_CREATE_VIEW"),
    (re.compile(r"\s*SHOW\s+PARTITIONS\b", re.I), "UTILITY", "SHOW_PARTITIONS"),
    (re.compile(r"\s*DESC(RIBE)?\b", re.I), "UTILITY", "DESCRIBE_TABLE"),
    (re.compile(r"\s*EXPLAIN\b", re.I), "UTILITY", "EXPLAIN"),
    (re.compile(r"\s*MSCK\s+REPAIR\s+TABLE\b", re.I), "DDL", "MSCK_REPAIR_TABLE"),
    (re.compile(r"\s*ALTER\s+TABLE\b[^;]*?\bADD\b", re.I | re.S),
     "DDL", "ALTER_TABLE_ADD_PARTITION"),
    (re.compile(r"\s*ALTER\s+TABLE\b[^;]*?\bDROP\b", re.I | re.S),
     "DDL", "ALTER_TABLE_DROP_PARTITION"),
]  # fmt: skip
# GetQueryResults' NextToken: the offset of the next row, as this API writes it (ASCII digits;
# "²" is a digit to str.isdigit, and an offset past 2**63 overflows the result reader).
_TOKEN = re.compile(r"[0-9]{1,18}")
# Statements whose result is a count of written rows: Athena returns it as UpdateCount.
_WRITES = ("CREATE_TABLE_AS_SELECT", "INSERT")


def statement_type(sql: str) -> tuple[str, str]:
    return next(
        ((kind, sub) for pattern, kind, sub in _STATEMENT_TYPES if pattern.match(sql)),
        ("DML", "SELECT"),
    )


CATALOG = "AwsDataCatalog"
WORK_GROUP = "primary"


async def athena_endpoint(request: Request, box: Lakebox, action: str) -> Response:
    return await aws_json_endpoint(request, box, "Athena", action, ACTIONS, ATHENA_ERRORS)


def _output(box: Lakebox, execution: QueryExecution) -> str:
    return f"s3://{box.store.bucket}/query-results/{execution.id}.csv"


def execution_shape(box: Lakebox, e: QueryExecution) -> dict[str, Any]:
    status: dict[str, Any] = {
        "State": e.state,
        "SubmissionDateTime": e.submitted_at.timestamp(),
    }
    if e.completed_at:
        status["CompletionDateTime"] = e.completed_at.timestamp()
    if e.error:
        status["StateChangeReason"] = e.error
        status["AthenaError"] = {
            "ErrorCategory": 2,  # USER
            "ErrorType": 1000,
            "Retryable": False,
            "ErrorMessage": e.error,
        }
    total = (e.completed_at - e.submitted_at).total_seconds() * 1000 if e.completed_at else None
    kind, sub = statement_type(e.sql)
    shape: dict[str, Any] = {
        "QueryExecutionId": e.id,
        "Query": e.sql,
        "StatementType": kind,
        "SubstatementType": sub,
        "ResultConfiguration": {"OutputLocation": _output(box, e)},
        "QueryExecutionContext": {"Catalog": CATALOG}
        | ({"Database": e.default_database} if e.default_database else {}),
        "Status": status,
        "Statistics": {
            k: v
            for k, v in {
                "EngineExecutionTimeInMillis": int(e.engine_ms)
                if e.engine_ms is not None
                else None,
                "DataScannedInBytes": e.bytes_scanned,
                "TotalExecutionTimeInMillis": int(total) if total is not None else None,
            }.items()
            if v is not None
        },
        "WorkGroup": WORK_GROUP,
        "EngineVersion": {"SelectedEngineVersion": "AUTO", "EffectiveEngineVersion": "lakebox"},
    }
    return shape


async def start_query_execution(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    req = parse(StartQueryExecution, body)
    if req.ExecutionParameters:
        raise InvalidArgument(
            "ExecutionParameters (server-side parameters) are not supported; PyAthena's default "
            "client-side parameters work"
        )
    context = req.QueryExecutionContext
    if context is not None and context.Catalog is not None:
        _check_catalog(context.Catalog)
    database = context.Database if context is not None else None
    execution = await asyncio.to_thread(
        box.queries.submit, req.QueryString, "athena", by=who, default_database=database
    )
    return {"QueryExecutionId": execution.id}


async def get_query_execution(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    qid = parse(ByQueryExecutionId, body).QueryExecutionId
    execution = await asyncio.to_thread(box.queries.get, qid, by=who)
    return {"QueryExecution": execution_shape(box, execution)}


async def get_query_results(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    req = parse(GetQueryResults, body)
    qid, max_results, token = req.QueryExecutionId, req.MaxResults, req.NextToken
    # The token is the offset of the next data row; no token: the first page, which starts
    # with the header row (so MaxResults=1 pages through header, then each row).
    if token is not None and not _TOKEN.fullmatch(token):
        raise InvalidArgument(f"NextToken {token!r} was not given by this API")
    offset = int(token or 0)
    execution = await asyncio.to_thread(box.queries.get, qid, by=who)
    columns = execution.columns or []
    if statement_type(execution.sql)[1] in _WRITES and execution.state == "SUCCEEDED":
        # As Athena: no rows, the count of rows written in UpdateCount.
        written = await asyncio.to_thread(_rows, box, who, qid, 0, 1)
        return {
            "UpdateCount": int(written["rows"][0][0]) if written["rows"] else 0,
            "ResultSet": {"Rows": [], "ResultSetMetadata": {"ColumnInfo": []}},
        }
    rows: list[dict[str, Any]] = []
    if token is None:  # Athena's first page starts with the column labels
        rows.append({"Data": [{"VarCharValue": c["name"]} for c in columns]})
        max_results -= 1
    page = await asyncio.to_thread(_rows, box, who, qid, offset, max_results)
    types = types_of(columns)
    for row in page["rows"]:
        cells = (to_text(v, rtype) for v, rtype in zip(row, types, strict=True))
        rows.append({"Data": [{} if t is None else {"VarCharValue": t} for t in cells]})
    result: dict[str, Any] = {
        "UpdateCount": 0,
        "ResultSet": {
            "Rows": rows,
            "ResultSetMetadata": {
                "ColumnInfo": [
                    {
                        "CatalogName": "hive",
                        "SchemaName": "",
                        "TableName": "",
                        "Name": c["name"],
                        "Label": c["name"],
                        "Type": rtype.base,
                        "Precision": rtype.precision,
                        "Scale": rtype.scale,
                        "Nullable": "UNKNOWN",
                        "CaseSensitive": rtype.case_sensitive,
                    }
                    for c, rtype in zip(columns, types, strict=True)
                ]
            },
        },
    }
    if offset + max_results < page["total_rows"]:
        result["NextToken"] = str(offset + max_results)
    return result


def _rows(box: Lakebox, who: Principal, qid: str, offset: int, count: int) -> dict[str, Any]:
    if count <= 0:
        return {"rows": [], "total_rows": box.queries.get(qid, by=who).rows or 0}
    return box.queries.rows(qid, offset, count, by=who)


async def stop_query_execution(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    qid = parse(ByQueryExecutionId, body).QueryExecutionId
    await asyncio.to_thread(box.queries.cancel, qid, by=who)
    return {}


async def list_query_executions(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    limit = parse(ListQueryExecutions, body).MaxResults
    history = await asyncio.to_thread(box.queries.history, by=who, limit=limit)
    return {"QueryExecutionIds": [e.id for e in history]}


async def batch_get_query_execution(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    ids = parse(BatchGetQueryExecution, body).QueryExecutionIds
    found, missing = [], []
    for qid in ids:
        try:
            execution = await asyncio.to_thread(box.queries.get, qid, by=who)
            found.append(execution_shape(box, execution))
        except (NotFound, AccessDenied) as exc:
            missing.append(
                {"QueryExecutionId": qid, "ErrorCode": "INVALID_INPUT", "ErrorMessage": exc.message}
            )
    return {"QueryExecutions": found, "UnprocessedQueryExecutionIds": missing}


async def get_work_group(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    name = parse(GetWorkGroup, body).WorkGroup
    if name != WORK_GROUP:
        raise InvalidArgument(
            f"work group {name!r} not found; lakebox has the work group 'primary'"
        )
    return {
        "WorkGroup": {
            "Name": WORK_GROUP,
            "State": "ENABLED",
            "Configuration": {
                "ResultConfiguration": {
                    "OutputLocation": f"s3://{box.store.bucket}/query-results/"
                },
                "EnforceWorkGroupConfiguration": False,
                "PublishCloudWatchMetricsEnabled": False,
                "RequesterPaysEnabled": False,
                "EngineVersion": {
                    "SelectedEngineVersion": "AUTO",
                    "EffectiveEngineVersion": "lakebox",
                },
            },
            "Description": "lakebox",
        }
    }


def _check_catalog(name: str) -> None:
    # Athena matches catalog names without regard to case; PyAthena sends "awsdatacatalog".
    if name.lower() != CATALOG.lower():
        raise InvalidArgument(f"data catalog {name!r} not found; lakebox has {CATALOG!r}")


async def list_data_catalogs(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    parse(ListDataCatalogs, body)
    return {"DataCatalogsSummary": [{"CatalogName": CATALOG, "Type": "GLUE"}]}


async def list_databases(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    _check_catalog(parse(InCatalog, body).CatalogName)
    dbs = await asyncio.to_thread(box.tables.databases, by=who)
    return {"DatabaseList": [{"Name": d["name"], "Description": d["description"]} for d in dbs]}


def table_metadata(table: CatalogTable) -> dict[str, Any]:
    d = table.definition
    return {
        "Name": table.name,
        "CreateTime": table.created_at.timestamp(),
        "LastAccessTime": table.updated_at.timestamp(),
        "TableType": "EXTERNAL_TABLE",
        "Columns": [{"Name": c.name, "Type": c.type} for c in d.columns],
        "PartitionKeys": [{"Name": c.name, "Type": c.type} for c in d.partition_keys],
        "Parameters": {
            "classification": d.format,
            "location": d.location,
            **{k: str(v) for k, v in summarized(d.properties).items()},
        },
    }


async def get_table_metadata(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    req = parse(GetTableMetadata, body)
    _check_catalog(req.CatalogName)
    table = await asyncio.to_thread(box.tables.table, req.DatabaseName, req.TableName, by=who)
    return {"TableMetadata": table_metadata(table)}


async def list_table_metadata(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    req = parse(ListTableMetadata, body)
    _check_catalog(req.CatalogName)
    tables = await asyncio.to_thread(box.tables.tables, req.DatabaseName, by=who)
    return {"TableMetadataList": [table_metadata(t) for t in tables]}


def _named(q: Any) -> dict[str, Any]:
    return {
        "NamedQueryId": q.id,
        "Name": q.name,
        "Description": q.description,
        "Database": q.database,
        "QueryString": q.sql,
        "WorkGroup": WORK_GROUP,
    }


async def create_named_query(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    req = parse(CreateNamedQuery, body)
    query = await asyncio.to_thread(
        box.saved_queries.save, req.Name, req.QueryString, req.Database, req.Description, by=who
    )
    return {"NamedQueryId": query.id}


async def get_named_query(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    qid = parse(ByNamedQueryId, body).NamedQueryId
    return {"NamedQuery": _named(await asyncio.to_thread(box.saved_queries.get, qid, by=who))}


async def list_named_queries(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    parse(ListNamedQueries, body)
    queries = await asyncio.to_thread(box.saved_queries.all, by=who)
    return {"NamedQueryIds": [q.id for q in queries]}


async def batch_get_named_query(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    found, missing = [], []
    for qid in parse(BatchGetNamedQuery, body).NamedQueryIds:
        try:
            found.append(_named(await asyncio.to_thread(box.saved_queries.get, qid, by=who)))
        except (NotFound, AccessDenied) as exc:
            missing.append(
                {"NamedQueryId": qid, "ErrorCode": "INVALID_INPUT", "ErrorMessage": exc.message}
            )
    return {"NamedQueries": found, "UnprocessedNamedQueryIds": missing}


async def delete_named_query(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    qid = parse(ByNamedQueryId, body).NamedQueryId
    await asyncio.to_thread(box.saved_queries.delete, qid, by=who)
    return {}


ACTIONS: dict[str, Handler] = {
    "CreateNamedQuery": create_named_query,
    "GetNamedQuery": get_named_query,
    "ListNamedQueries": list_named_queries,
    "BatchGetNamedQuery": batch_get_named_query,
    "DeleteNamedQuery": delete_named_query,
    "StartQueryExecution": start_query_execution,
    "GetQueryExecution": get_query_execution,
    "GetQueryResults": get_query_results,
    "StopQueryExecution": stop_query_execution,
    "ListQueryExecutions": list_query_executions,
    "BatchGetQueryExecution": batch_get_query_execution,
    "GetWorkGroup": get_work_group,
    "ListDataCatalogs": list_data_catalogs,
    "ListDatabases": list_databases,
    "GetTableMetadata": get_table_metadata,
    "ListTableMetadata": list_table_metadata,
}
