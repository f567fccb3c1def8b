"""Request bodies, declared once each: one pydantic model per request type validates the body
and gives the 400 that names the field (``field 'prefixes': Input should be a valid list``).

lakebox's own API refuses fields it does not know (a typo is an error, not silently ignored);
the AWS APIs ignore them, as SDKs send fields lakebox does not use (ClientRequestToken,
WorkGroup, ResultConfiguration). Types are strict: ``"5"`` is not a number, ``true`` is not 1.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, Field

from lakebox.errors import InvalidArgument

Model = TypeVar("Model", bound=BaseModel)

Text255 = Annotated[str, Field(min_length=1, max_length=255)]
Seconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class V1Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class AwsBody(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


def parse(model: type[Model], body: Any) -> Model:
    """The body as ``model``, or InvalidArgument naming each field that is wrong and why."""
    if not isinstance(body, dict):
        raise InvalidArgument(f"the body must be a JSON object, got {type(body).__name__}")
    try:
        return model.model_validate(body)
    except pydantic.ValidationError as exc:
        raise InvalidArgument("; ".join(_describe(e) for e in exc.errors()[:5])) from None


def _describe(error: Any) -> str:
    where = ".".join(str(p) for p in error["loc"]) or "body"
    if error["type"] == "extra_forbidden":
        return f"unknown field {where!r}"
    if error["type"] == "missing":
        return f"field {where!r} is required"
    if error["type"] in ("model_type", "dict_type", "model_attributes_type"):
        return f"field {where!r} must be a JSON object"
    return f"field {where!r}: {error['msg']}"


# -- lakebox's /v1 API ---------------------------------------------------------------------


class CreateStream(V1Body):
    name: Text255
    prefix: str | None = None
    error_output_prefix: str | None = None
    buffer_size_mib: int | None = None
    buffer_interval_s: int | None = None
    compression: str | None = None
    partition_keys: list[str] | None = None


class CreateKey(V1Body):
    name: Text255
    role: str = "producer"


class CreateDatabase(V1Body):
    name: Text255
    description: Annotated[str, Field(max_length=10_000)] = ""


class ColumnSpec(V1Body):
    name: Text255
    type: Annotated[str, Field(min_length=1, max_length=10_000)]


class CreateTable(V1Body):
    name: Text255
    format: Literal["iceberg"] = "iceberg"
    columns: Annotated[list[ColumnSpec], Field(min_length=1, max_length=10_000)]
    partition_by: list[str] = []


class EvolveTable(V1Body):
    add_columns: list[ColumnSpec] = []
    widen: list[ColumnSpec] = []


class RollbackTable(V1Body):
    snapshot_id: int


class CreateCrawler(V1Body):
    name: Text255
    prefixes: Annotated[list[str], Field(min_length=1, max_length=100)]
    database: Text255
    table_prefix: str = ""
    schedule: str = ""
    events: bool = False
    update_behavior: str = "UPDATE_IN_DATABASE"
    delete_behavior: str = "DEPRECATE_IN_DATABASE"
    sample_bytes: int = 64 * 1024


class StartCrawl(V1Body):
    mode: Literal["full", "events"] = "full"


MAX_WAIT_S = 60.0


class StartQuery(V1Body):
    sql: str | None = None
    saved_query: Text255 | None = None
    dialect: str = "athena"
    database: Text255 | None = None
    # Seconds to wait for the query to end before answering; longer: poll its state.
    wait: Annotated[Seconds, Field(le=MAX_WAIT_S)] | None = None


class SaveQuery(V1Body):
    name: Annotated[str, Field(min_length=1, max_length=128)]
    sql: Annotated[str, Field(min_length=1)]
    database: str = ""
    description: str = ""


# -- Athena ------------------------------------------------------------------------------


class ExecutionContext(AwsBody):
    Database: Text255 | None = None
    Catalog: Text255 | None = None


class StartQueryExecution(AwsBody):
    QueryString: Annotated[str, Field(min_length=1, max_length=262_144)]
    QueryExecutionContext: ExecutionContext | None = None
    ExecutionParameters: list[str] | None = None


class ByQueryExecutionId(AwsBody):
    QueryExecutionId: Annotated[str, Field(min_length=1, max_length=128)]


class GetQueryResults(ByQueryExecutionId):
    MaxResults: Annotated[int, Field(ge=1, le=1000)] = 1000
    NextToken: Annotated[str, Field(max_length=1024)] | None = None


class ListQueryExecutions(AwsBody):
    MaxResults: Annotated[int, Field(ge=1, le=50)] = 50
    NextToken: Annotated[str, Field(max_length=1024)] | None = None


class BatchGetQueryExecution(AwsBody):
    QueryExecutionIds: Annotated[list[str], Field(min_length=1, max_length=50)]


class GetWorkGroup(AwsBody):
    WorkGroup: Text255


class InCatalog(AwsBody):
    CatalogName: Text255 = "AwsDataCatalog"


class ListTableMetadata(InCatalog):
    DatabaseName: Text255


class GetTableMetadata(ListTableMetadata):
    TableName: Text255


class CreateNamedQuery(AwsBody):
    Name: Annotated[str, Field(min_length=1, max_length=128)]
    Database: Text255
    QueryString: Annotated[str, Field(min_length=1, max_length=262_144)]
    Description: Annotated[str, Field(max_length=1024)] = ""


class ByNamedQueryId(AwsBody):
    NamedQueryId: Annotated[str, Field(min_length=1, max_length=128)]


class BatchGetNamedQuery(AwsBody):
    NamedQueryIds: Annotated[list[str], Field(min_length=1, max_length=50)]
