"""Firehose's request and response shapes ↔ lakebox's stream settings.

Field names follow the Firehose API reference (CreateDeliveryStream,
ExtendedS3DestinationConfiguration, DescribeDeliveryStream...).
"""

from __future__ import annotations

from typing import Any

from lakebox.errors import InvalidArgument
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.streams import DeliveryStream

ARN_PREFIX = "arn:aws:firehose:us-east-1:000000000000:deliverystream/"
DESTINATION_ID = "destinationId-000000000001"

_UNSUPPORTED_PROCESSORS = {
    "Lambda": "lakebox runs no Lambda functions; transform records in a job instead",
    "RecordDeAggregation": "records are not KPL-aggregated in Direct PUT streams",
    "CloudWatchLogProcessing": "CloudWatch log decompression is not part of lakebox",
}


_MISSING: Any = object()


def field(body: dict[str, Any], name: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    """``body[name]`` if present and of ``kind`` (None if absent); InvalidArgument naming the
    field otherwise. A bool is never taken for an integer (JSON true is not 1)."""
    value = body.get(name, _MISSING)
    if value is _MISSING or value is None:
        return None
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        expected = " or ".join(_KIND_NAMES.get(k, k.__name__) for k in kinds)
        got = _KIND_NAMES.get(type(value), type(value).__name__)
        raise InvalidArgument(f"{where}{name} must be {expected}, got {got}")
    return value


_KIND_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    bool: "a boolean",
    dict: "an object",
    list: "a list",
    float: "a number",
}


def settings_from_create(body: dict[str, Any]) -> StreamSettings:
    name = field(body, "DeliveryStreamName", str)
    if not name:
        raise InvalidArgument("DeliveryStreamName is required")
    stream_type = field(body, "DeliveryStreamType", str) or "DirectPut"
    if stream_type != "DirectPut":
        raise InvalidArgument(
            f"DeliveryStreamType {stream_type!r} is not supported; lakebox streams are DirectPut"
        )
    for other in (
        "RedshiftDestinationConfiguration",
        "ElasticsearchDestinationConfiguration",
        "AmazonopensearchserviceDestinationConfiguration",
        "SplunkDestinationConfiguration",
        "HttpEndpointDestinationConfiguration",
        "SnowflakeDestinationConfiguration",
        "IcebergDestinationConfiguration",
    ):
        if other in body:
            raise InvalidArgument(
                f"{other} is not supported: lakebox delivers to its lake (extended S3 destination)"
            )
    config_name = (
        "ExtendedS3DestinationConfiguration"
        if body.get("ExtendedS3DestinationConfiguration") is not None
        else "S3DestinationConfiguration"
    )
    config = field(body, config_name, dict)
    if config is None:
        return StreamSettings.for_cli(name)
    where = config_name + "."
    hints = field(config, "BufferingHints", dict, where) or {}
    size = field(hints, "SizeInMBs", int, where + "BufferingHints.")
    interval = field(hints, "IntervalInSeconds", int, where + "BufferingHints.")
    processors = _processors(
        field(config, "ProcessingConfiguration", dict, where), where + "ProcessingConfiguration."
    )
    dynamic_config = field(config, "DynamicPartitioningConfiguration", dict, where) or {}
    dynamic = bool(
        field(dynamic_config, "Enabled", bool, where + "DynamicPartitioningConfiguration.")
    )
    query = ""
    delimiter = False
    for ptype, params in processors:
        if ptype in _UNSUPPORTED_PROCESSORS:
            raise InvalidArgument(
                f"processor {ptype!r} is not supported: {_UNSUPPORTED_PROCESSORS[ptype]}"
            )
        if ptype == "AppendDelimiterToRecord":
            delimiter = True
            if params.get("Delimiter", "\\n") not in ("\\n", "\n"):
                raise InvalidArgument("AppendDelimiterToRecord supports only the newline delimiter")
        elif ptype == "MetadataExtraction":
            engine = params.get("JsonParsingEngine", "JQ-1.6")
            if engine != "JQ-1.6":
                raise InvalidArgument(f"JsonParsingEngine {engine!r} is not supported; use JQ-1.6")
            query = params.get("MetadataExtractionQuery", "")
            if not query:
                raise InvalidArgument("MetadataExtraction needs a MetadataExtractionQuery")
        else:
            raise InvalidArgument(f"unknown processor type {ptype!r}")
    conversion = field(config, "DataFormatConversionConfiguration", dict, where) or {}
    if field(conversion, "Enabled", bool, where + "DataFormatConversionConfiguration."):
        raise InvalidArgument(
            "DataFormatConversionConfiguration is not supported yet: records are delivered as "
            "they arrive (optionally gzip); the crawler catalogs them as they are"
        )
    compression: Any = field(config, "CompressionFormat", str, where) or "UNCOMPRESSED"
    return StreamSettings(
        name=name,
        prefix=field(config, "Prefix", str, where) or "",
        error_output_prefix=field(config, "ErrorOutputPrefix", str, where) or "",
        buffer_size_mib=5 if size is None else size,
        buffer_interval_s=300 if interval is None else interval,
        compression=compression,  # checked against the supported formats by validate()
        append_delimiter=delimiter,
        dynamic_partitioning=dynamic,
        partition_query=query,
        bucket_arn=field(config, "BucketARN", str, where) or "arn:aws:s3:::lakebox",
        role_arn=field(config, "RoleARN", str, where) or "arn:aws:iam::000000000000:role/lakebox",
    )


def _processors(config: dict[str, Any] | None, where: str) -> list[tuple[str, dict[str, str]]]:
    if not config or not field(config, "Enabled", bool, where):
        return []
    out = []
    for i, proc in enumerate(field(config, "Processors", list, where) or []):
        at = f"{where}Processors[{i}]"
        if not isinstance(proc, dict):
            raise InvalidArgument(f"{at} must be an object")
        params: dict[str, str] = {}
        for j, param in enumerate(field(proc, "Parameters", list, at + ".") or []):
            if not isinstance(param, dict):
                raise InvalidArgument(f"{at}.Parameters[{j}] must be an object")
            pname = field(param, "ParameterName", str, f"{at}.Parameters[{j}].") or ""
            params[pname] = field(param, "ParameterValue", str, f"{at}.Parameters[{j}].") or ""
        out.append((field(proc, "Type", str, at + ".") or "", params))
    return out


def describe(stream: DeliveryStream) -> dict[str, Any]:
    s = stream.settings
    processors: list[dict[str, Any]] = []
    if s.partition_query:
        processors.append(
            {
                "Type": "MetadataExtraction",
                "Parameters": [
                    {
                        "ParameterName": "MetadataExtractionQuery",
                        "ParameterValue": s.partition_query,
                    },
                    {"ParameterName": "JsonParsingEngine", "ParameterValue": "JQ-1.6"},
                ],
            }
        )
    if s.append_delimiter:
        processors.append({"Type": "AppendDelimiterToRecord", "Parameters": []})
    destination = {
        "RoleARN": s.role_arn,
        "BucketARN": s.bucket_arn,
        "Prefix": s.prefix,
        "ErrorOutputPrefix": s.error_output_prefix,
        "BufferingHints": {
            "SizeInMBs": s.buffer_size_mib,
            "IntervalInSeconds": s.buffer_interval_s,
        },
        "CompressionFormat": s.compression,
        "EncryptionConfiguration": {"NoEncryptionConfig": "NoEncryption"},
        "ProcessingConfiguration": {"Enabled": bool(processors), "Processors": processors},
        "DynamicPartitioningConfiguration": {"Enabled": s.dynamic_partitioning},
        "S3BackupMode": "Disabled",
    }
    return {
        "DeliveryStreamName": s.name,
        "DeliveryStreamARN": ARN_PREFIX + s.name,
        "DeliveryStreamStatus": stream.status,
        "DeliveryStreamType": "DirectPut",
        "VersionId": str(stream.version_id),
        "CreateTimestamp": stream.created_at.timestamp(),
        "LastUpdateTimestamp": stream.updated_at.timestamp(),
        "Destinations": [
            {
                "DestinationId": DESTINATION_ID,
                "S3DestinationDescription": {
                    k: destination[k]
                    for k in (
                        "RoleARN",
                        "BucketARN",
                        "Prefix",
                        "ErrorOutputPrefix",
                        "BufferingHints",
                        "CompressionFormat",
                        "EncryptionConfiguration",
                    )
                },
                "ExtendedS3DestinationDescription": destination,
            }
        ],
        "HasMoreDestinations": False,
    }
