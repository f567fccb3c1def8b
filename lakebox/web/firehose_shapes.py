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


def settings_from_create(body: dict[str, Any]) -> StreamSettings:
    name = body.get("DeliveryStreamName")
    if not isinstance(name, str):
        raise InvalidArgument("DeliveryStreamName is required")
    stream_type = body.get("DeliveryStreamType", "DirectPut")
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
    config = body.get("ExtendedS3DestinationConfiguration") or body.get(
        "S3DestinationConfiguration"
    )
    if config is None:
        return StreamSettings.for_cli(name)
    if not isinstance(config, dict):
        raise InvalidArgument("ExtendedS3DestinationConfiguration must be an object")
    hints = config.get("BufferingHints") or {}
    processors = _processors(config.get("ProcessingConfiguration"))
    dynamic = bool((config.get("DynamicPartitioningConfiguration") or {}).get("Enabled", False))
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
    if "DataFormatConversionConfiguration" in config and (
        config["DataFormatConversionConfiguration"] or {}
    ).get("Enabled"):
        raise InvalidArgument(
            "DataFormatConversionConfiguration is not supported yet: records are delivered as "
            "they arrive (optionally gzip); the crawler catalogs them as they are"
        )
    try:
        return StreamSettings(
            name=name,
            prefix=str(config.get("Prefix") or ""),
            error_output_prefix=str(config.get("ErrorOutputPrefix") or ""),
            buffer_size_mib=int(hints.get("SizeInMBs", 5)),
            buffer_interval_s=int(hints.get("IntervalInSeconds", 300)),
            compression=str(config.get("CompressionFormat", "UNCOMPRESSED")),  # type: ignore[arg-type]
            append_delimiter=delimiter,
            dynamic_partitioning=dynamic,
            partition_query=query,
            bucket_arn=str(config.get("BucketARN") or "arn:aws:s3:::lakebox"),
            role_arn=str(config.get("RoleARN") or "arn:aws:iam::000000000000:role/lakebox"),
        )
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"ExtendedS3DestinationConfiguration: {exc}") from None


def _processors(config: Any) -> list[tuple[str, dict[str, str]]]:
    if not config or not config.get("Enabled", False):
        return []
    out = []
    for proc in config.get("Processors") or []:
        params = {
            p.get("ParameterName", ""): p.get("ParameterValue", "")
            for p in proc.get("Parameters") or []
        }
        out.append((str(proc.get("Type", "")), params))
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
