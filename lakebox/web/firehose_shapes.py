"""Firehose's request and response shapes ↔ lakebox's stream settings.

Field names follow the Firehose API reference (CreateDeliveryStream,
ExtendedS3DestinationConfiguration, DescribeDeliveryStream...); the requests are declared in
``web/requests.py``.
"""

from __future__ import annotations

from typing import Any

from lakebox.errors import InvalidArgument
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.streams import DeliveryStream
from lakebox.web.requests import (
    OTHER_DESTINATIONS,
    Buffering,
    CreateDeliveryStream,
    Processing,
    S3Destination,
)

ARN_PREFIX = "arn:aws:firehose:us-east-1:000000000000:deliverystream/"
DESTINATION_ID = "destinationId-000000000001"

_UNSUPPORTED_PROCESSORS = {
    "Lambda": "lakebox runs no Lambda functions; transform records in a job instead",
    "RecordDeAggregation": "records are not KPL-aggregated in Direct PUT streams",
    "CloudWatchLogProcessing": "CloudWatch log decompression is not part of lakebox",
    "Decompression": "records are delivered as they arrive; put them uncompressed",
}


def settings_from_create(req: CreateDeliveryStream) -> StreamSettings:
    """A CreateDeliveryStream request (its fields' types already checked by the model) as the
    stream's settings, refusing with a clear message what lakebox does not do."""
    name = req.DeliveryStreamName
    if req.DeliveryStreamType not in (None, "DirectPut"):
        raise InvalidArgument(
            f"DeliveryStreamType {req.DeliveryStreamType!r} is not supported; lakebox streams "
            "are DirectPut"
        )
    for other in OTHER_DESTINATIONS:
        if other in req.model_fields_set:
            raise InvalidArgument(
                f"{other} is not supported: lakebox delivers to its lake (extended S3 destination)"
            )
    extended = req.ExtendedS3DestinationConfiguration
    config: S3Destination | None = extended or req.S3DestinationConfiguration
    if config is None:
        return StreamSettings.for_cli(name)
    hints = config.BufferingHints or Buffering()
    query = ""
    delimiter = dynamic = False
    if extended is not None:
        dynamic = bool(
            extended.DynamicPartitioningConfiguration
            and extended.DynamicPartitioningConfiguration.Enabled
        )
        query, delimiter = _processors(extended.ProcessingConfiguration)
        conversion = extended.DataFormatConversionConfiguration
        if conversion is not None and conversion.Enabled is not False:
            raise InvalidArgument(
                "DataFormatConversionConfiguration is not supported yet: records are delivered "
                "as they arrive (optionally gzip); the crawler catalogs them as they are"
            )
    return StreamSettings(
        name=name,
        prefix=config.Prefix or "",
        error_output_prefix=config.ErrorOutputPrefix or "",
        buffer_size_mib=5 if hints.SizeInMBs is None else hints.SizeInMBs,
        buffer_interval_s=300 if hints.IntervalInSeconds is None else hints.IntervalInSeconds,
        # ZIP, Snappy...: refused by name by StreamSettings.validate()
        compression=config.CompressionFormat or "UNCOMPRESSED",  # type: ignore[arg-type]
        append_delimiter=delimiter,
        dynamic_partitioning=dynamic,
        partition_query=query,
        bucket_arn=config.BucketARN or "arn:aws:s3:::lakebox",
        role_arn=config.RoleARN or "arn:aws:iam::000000000000:role/lakebox",
    )


def _processors(config: Processing | None) -> tuple[str, bool]:
    """The MetadataExtraction query and whether records get a newline, from the enabled
    processors."""
    query, delimiter = "", False
    if config is None or not config.Enabled:
        return query, delimiter
    for proc in config.Processors or []:
        params = {p.ParameterName: p.ParameterValue for p in proc.Parameters or []}
        if proc.Type in _UNSUPPORTED_PROCESSORS:
            raise InvalidArgument(
                f"processor {proc.Type!r} is not supported: {_UNSUPPORTED_PROCESSORS[proc.Type]}"
            )
        if proc.Type == "AppendDelimiterToRecord":
            delimiter = True
            if params.get("Delimiter", "\\n") not in ("\\n", "\n"):
                raise InvalidArgument("AppendDelimiterToRecord supports only the newline delimiter")
        else:  # MetadataExtraction
            engine = params.get("JsonParsingEngine", "JQ-1.6")
            if engine != "JQ-1.6":
                raise InvalidArgument(f"JsonParsingEngine {engine!r} is not supported; use JQ-1.6")
            query = params.get("MetadataExtractionQuery", "")
            if not query:
                raise InvalidArgument("MetadataExtraction needs a MetadataExtractionQuery")
    return query, delimiter


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
