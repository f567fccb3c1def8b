"""Request bodies, declared once each: one pydantic model per request type validates the body
and gives the 400 that names the field (``field 'prefixes': Input should be a valid list``,
``Records[3].Data is not valid base64``).

lakebox's own API refuses fields it does not know (a typo is an error, not silently ignored);
the AWS APIs ignore them, as SDKs send fields lakebox does not use (ClientRequestToken,
WorkGroup, ResultConfiguration, Tags). Types are strict: ``"5"`` is not a number, ``true`` is
not 1. The AWS APIs' bodies are validated from the raw JSON bytes (``model_validate_json``): one
pass in pydantic-core, which also decodes Firehose's base64 records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, Field, with_config
from pydantic_core import ErrorDetails
from typing_extensions import TypedDict  # pydantic needs it, not typing's, before 3.12

from lakebox.errors import InvalidArgument

Model = TypeVar("Model", bound=BaseModel)

Text255 = Annotated[str, Field(min_length=1, max_length=255)]
Seconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]


def _describe(error: ErrorDetails) -> str:
    where = ".".join(str(p) for p in error["loc"]) or "body"
    if error["type"] == "extra_forbidden":
        return f"unknown field {where!r}"
    if error["type"] == "missing":
        return f"field {where!r} is required"
    if error["type"] in _OBJECT_TYPES:
        return f"field {where!r} must be a JSON object"
    return f"field {where!r}: {error['msg']}"


_OBJECT_TYPES = ("model_type", "dict_type", "model_attributes_type")


class V1Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    describe_error: ClassVar[Callable[[ErrorDetails], str]] = staticmethod(_describe)


class AwsBody(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)
    describe_error: ClassVar[Callable[[ErrorDetails], str]] = staticmethod(_describe)


def parse(model: type[Model], body: bytes | Any) -> Model:
    """The body as ``model``, or InvalidArgument naming each field that is wrong and why.

    ``body`` is the raw request body (JSON bytes; empty is ``{}``) or a JSON value already
    parsed."""
    try:
        if isinstance(body, bytes):
            return model.model_validate_json(body or b"{}")
        if not isinstance(body, dict):
            raise InvalidArgument(f"the body must be a JSON object, got {type(body).__name__}")
        return model.model_validate(body)
    except pydantic.ValidationError as exc:
        raise InvalidArgument(describe_errors(model, exc.errors())) from None


def describe_errors(model: type[BaseModel], errors: list[ErrorDetails]) -> str:
    """The first few errors, each in the words of the model's API."""
    describe: Callable[[ErrorDetails], str] = getattr(model, "describe_error", _describe)
    out = []
    for error in errors[:5]:
        if error["loc"] == () and error["type"] == "json_invalid":
            out.append(f"request body is not JSON: {error.get('ctx', {}).get('error', '')}")
        elif error["loc"] == () and error["type"] in _OBJECT_TYPES:
            out.append("the request body must be a JSON object")
        else:
            out.append(describe(error))
    return "; ".join(out)


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


class ListNamedQueries(AwsBody):
    MaxResults: Annotated[int, Field(ge=0, le=50)] | None = None
    NextToken: Annotated[str, Field(min_length=1, max_length=1024)] | None = None


class ListDataCatalogs(AwsBody):
    MaxResults: Annotated[int, Field(ge=2, le=50)] | None = None
    NextToken: Annotated[str, Field(min_length=1, max_length=1024)] | None = None


# -- Firehose ----------------------------------------------------------------------------
# Names, types and limits as the Firehose API reference has them. Errors name the field with
# its path, as Firehose's messages do: ``Records[3].Data is not valid base64: ...``,
# ``ExtendedS3DestinationConfiguration.BufferingHints.SizeInMBs must be an integer, got a
# string``. Ranges lakebox shares with its own API (BufferingHints, prefixes, the stream name's
# reserved '.' and '..') are checked once, by StreamSettings, for both.


def firehose_error(error: ErrorDetails) -> str:
    where = firehose_path(error["loc"])
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "missing":
        return f"{where} is required"
    if kind in _EXPECTED:
        return f"{where} must be {_EXPECTED[kind]}, got {json_kind(value)}"
    if kind == "string_too_short" and ctx["min_length"] == 1:
        return f"{where} must not be empty"
    if kind in ("string_too_short", "string_too_long"):
        most = "at least" if kind == "string_too_short" else "at most"
        limit = ctx.get("min_length", ctx.get("max_length"))
        return f"{where} must be {most} {limit} characters, got {len(value)}"
    if kind == "too_short":
        least = ctx["min_length"]
        return f"{where} must have at least {least} item{'s' * (least != 1)}"
    if kind == "too_long":
        got = ctx.get("actual_length")
        return f"{where} must have at most {ctx['max_length']} items" + (f", got {got}" * bool(got))
    if kind == "string_pattern_mismatch":
        return f"{where} {value!r} must match {ctx['pattern']}"
    if kind in ("greater_than_equal", "less_than_equal"):
        most = "at least" if kind == "greater_than_equal" else "at most"
        return f"{where} must be {most} {ctx.get('ge', ctx.get('le'))}, got {value}"
    if kind == "literal_error":
        return f"{where} must be one of {ctx['expected']}, got {value!r}"
    if kind == "bytes_invalid_encoding":
        return f"{where} is not valid base64: {str(ctx.get('encoding_error', '')).rstrip('.')}"
    return f"{where}: {error['msg']}"


def firehose_path(loc: tuple[int | str, ...]) -> str:
    """``('Records', 3, 'Data')`` as Firehose writes it: ``Records[3].Data``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else part
    return out or "the request body"


def json_kind(value: Any) -> str:
    if value is None:
        return "null"
    for kind, name in _JSON_KINDS:
        if isinstance(value, kind):
            return name
    return type(value).__name__


_JSON_KINDS = ((bool, "a boolean"), (int, "an integer"), (float, "a number"), (str, "a string"),
               (list, "a list"), (dict, "an object"))  # fmt: skip
_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "bool_type": "a boolean",
    "float_type": "a number",
    "list_type": "a list",
    "bytes_type": "a base64 string",
    **dict.fromkeys(_OBJECT_TYPES, "an object"),
}


class FirehoseBody(BaseModel):
    # val_json_bytes: a blob (a record's Data) arrives as base64 and is decoded by pydantic-core.
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True, val_json_bytes="base64")
    describe_error: ClassVar[Callable[[ErrorDetails], str]] = staticmethod(firehose_error)


StreamName = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-zA-Z0-9_.-]+$")]
StreamType = Literal["DirectPut", "KinesisStreamAsSource", "MSKAsSource", "DatabaseAsSource"]


@with_config(ConfigDict(extra="ignore", strict=True, val_json_bytes="base64"))
class FirehoseRecord(TypedDict):
    """``{"Data": base64}``: a TypedDict (a plain dict, no model instance) since a batch has
    up to 500. Data is base64 as pydantic-core reads it: the standard or URL-safe alphabet,
    padding optional; anything else (a character outside the alphabet, a length no base64
    has, bits set past the data) is not base64. Its size limit (1,000 KiB) is Firehose's per
    record failure, checked after decoding."""

    Data: bytes


class PutRecord(FirehoseBody):
    DeliveryStreamName: StreamName
    Record: FirehoseRecord


# A record that is not a well-formed {Data: base64} fails alone, with its ErrorCode in the
# answer, so the list keeps it as sent (the union's second member) instead of failing the batch.
RecordOrNot = Annotated[FirehoseRecord | Any, Field(union_mode="left_to_right")]


class PutRecordBatch(FirehoseBody):
    DeliveryStreamName: StreamName
    Records: Annotated[list[RecordOrNot], Field(min_length=1, max_length=500)]


class DescribeDeliveryStream(FirehoseBody):
    DeliveryStreamName: StreamName
    Limit: Annotated[int, Field(ge=1, le=10_000)] | None = None
    ExclusiveStartDestinationId: Annotated[str, Field(min_length=1, max_length=100)] | None = None


class ListDeliveryStreams(FirehoseBody):
    Limit: Annotated[int, Field(ge=1, le=10_000)] | None = None
    DeliveryStreamType: StreamType | None = None
    ExclusiveStartDeliveryStreamName: StreamName | None = None


class DeleteDeliveryStream(FirehoseBody):
    DeliveryStreamName: StreamName
    AllowForceDelete: bool | None = None  # deletion never waits on a stuck stream anyway


class Buffering(FirehoseBody):  # BufferingHints; the ranges (1-128 MiB, 0-900 s): StreamSettings
    SizeInMBs: int | None = None
    IntervalInSeconds: int | None = None


class ProcessorParameter(FirehoseBody):
    ParameterName: Literal[
        "LambdaArn", "NumberOfRetries", "MetadataExtractionQuery", "JsonParsingEngine", "RoleArn",
        "BufferSizeInMBs", "BufferIntervalInSeconds", "SubRecordType", "Delimiter",
        "CompressionFormat", "DataMessageExtraction",
    ]  # fmt: skip
    ParameterValue: Annotated[str, Field(min_length=1, max_length=5120)]


class Processor(FirehoseBody):
    Type: Literal[
        "RecordDeAggregation", "Decompression", "CloudWatchLogProcessing", "Lambda",
        "MetadataExtraction", "AppendDelimiterToRecord",
    ]  # fmt: skip
    Parameters: list[ProcessorParameter] | None = None


class Processing(FirehoseBody):  # ProcessingConfiguration
    Enabled: bool | None = None
    Processors: list[Processor] | None = None


class DynamicPartitioning(FirehoseBody):  # DynamicPartitioningConfiguration
    Enabled: bool | None = None


class FormatConversion(FirehoseBody):  # DataFormatConversionConfiguration
    Enabled: bool | None = None  # Firehose: enabled unless Enabled is false


class S3Destination(FirehoseBody):  # S3DestinationConfiguration
    # Echoed back; objects go to the lake's storage whatever the bucket.
    RoleARN: Annotated[str, Field(min_length=1, max_length=512)] | None = None
    BucketARN: Annotated[str, Field(min_length=1, max_length=2048)] | None = None
    Prefix: Annotated[str, Field(max_length=1024)] | None = None
    ErrorOutputPrefix: Annotated[str, Field(max_length=1024)] | None = None
    BufferingHints: Buffering | None = None
    CompressionFormat: Literal["UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY"] | None = (
        None  # lakebox writes UNCOMPRESSED and GZIP; StreamSettings refuses the others by name
    )


class ExtendedS3Destination(S3Destination):  # ExtendedS3DestinationConfiguration
    ProcessingConfiguration: Processing | None = None
    DynamicPartitioningConfiguration: DynamicPartitioning | None = None
    DataFormatConversionConfiguration: FormatConversion | None = None


# Destinations lakebox does not deliver to: declared so that giving one is refused by name.
OTHER_DESTINATIONS = (
    "RedshiftDestinationConfiguration",
    "ElasticsearchDestinationConfiguration",
    "AmazonopensearchserviceDestinationConfiguration",
    "AmazonOpenSearchServerlessDestinationConfiguration",
    "SplunkDestinationConfiguration",
    "HttpEndpointDestinationConfiguration",
    "SnowflakeDestinationConfiguration",
    "IcebergDestinationConfiguration",
)


class CreateDeliveryStream(FirehoseBody):
    DeliveryStreamName: StreamName
    DeliveryStreamType: StreamType | None = None
    ExtendedS3DestinationConfiguration: ExtendedS3Destination | None = None
    S3DestinationConfiguration: S3Destination | None = None
    RedshiftDestinationConfiguration: dict[str, Any] | None = None
    ElasticsearchDestinationConfiguration: dict[str, Any] | None = None
    AmazonopensearchserviceDestinationConfiguration: dict[str, Any] | None = None
    AmazonOpenSearchServerlessDestinationConfiguration: dict[str, Any] | None = None
    SplunkDestinationConfiguration: dict[str, Any] | None = None
    HttpEndpointDestinationConfiguration: dict[str, Any] | None = None
    SnowflakeDestinationConfiguration: dict[str, Any] | None = None
    IcebergDestinationConfiguration: dict[str, Any] | None = None
