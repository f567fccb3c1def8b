"""A delivery stream's settings, as Firehose's Direct PUT → extended S3 destination has them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import orjson

from lakebox.errors import InvalidArgument
from lakebox.ingest.prefix import PrefixTemplate, delivery_prefix, error_prefix

Compression = Literal["UNCOMPRESSED", "GZIP"]
COMPRESSIONS: tuple[Compression, ...] = ("UNCOMPRESSED", "GZIP")

NAME_RE = re.compile(r"[a-zA-Z0-9_.-]{1,64}")
MIN_BUFFER_MIB, MAX_BUFFER_MIB = 1, 128
MIN_INTERVAL_S, MAX_INTERVAL_S = 0, 900


@dataclass(frozen=True)
class StreamSettings:
    name: str
    prefix: str = ""
    error_output_prefix: str = ""
    buffer_size_mib: int = 5
    buffer_interval_s: int = 300
    compression: Compression = "UNCOMPRESSED"
    append_delimiter: bool = False
    dynamic_partitioning: bool = False
    # JQ program producing {key: value} for !{partitionKeyFromQuery:key}, as Firehose's
    # MetadataExtraction processor (JsonParsingEngine JQ-1.6) takes it.
    partition_query: str = ""
    bucket_arn: str = "arn:aws:s3:::lakebox"
    role_arn: str = "arn:aws:iam::000000000000:role/lakebox"
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.validate()

    @classmethod
    def for_cli(
        cls,
        name: str,
        *,
        prefix: str | None = None,
        error_output_prefix: str | None = None,
        buffer_size_mib: int = 5,
        buffer_interval_s: int = 60,
        compression: str = "UNCOMPRESSED",
        partition_keys: list[str] | None = None,
    ) -> StreamSettings:
        """Settings as `lakebox streams create` makes them: lake layout, newline delimiter on."""
        keys = partition_keys or []
        if prefix is None:
            key_folders = "".join(f"{k}=!{{partitionKeyFromQuery:{k}}}/" for k in keys)
            prefix = f"raw/{name}/{key_folders}!{{timestamp:yyyy/MM/dd/HH}}/"
        if error_output_prefix is None:
            error_output_prefix = (
                f"errors/{name}/!{{firehose:error-output-type}}/!{{timestamp:yyyy/MM/dd/HH}}/"
            )
        query = "{" + ", ".join(f"{k}: .{k}" for k in keys) + "}" if keys else ""
        return cls(
            name=name,
            prefix=prefix,
            error_output_prefix=error_output_prefix,
            buffer_size_mib=buffer_size_mib,
            buffer_interval_s=buffer_interval_s,
            compression=compression.upper(),  # type: ignore[arg-type]
            append_delimiter=True,
            dynamic_partitioning=bool(keys),
            partition_query=query,
        )

    def validate(self) -> None:
        if not NAME_RE.fullmatch(self.name):
            raise InvalidArgument(
                f"stream name {self.name!r} must be 1-64 characters of letters, digits, '_', '.'"
                " or '-'"
            )
        if not MIN_BUFFER_MIB <= self.buffer_size_mib <= MAX_BUFFER_MIB:
            raise InvalidArgument(
                f"BufferingHints.SizeInMBs must be {MIN_BUFFER_MIB}-{MAX_BUFFER_MIB}, "
                f"got {self.buffer_size_mib}"
            )
        if not MIN_INTERVAL_S <= self.buffer_interval_s <= MAX_INTERVAL_S:
            raise InvalidArgument(
                f"BufferingHints.IntervalInSeconds must be {MIN_INTERVAL_S}-{MAX_INTERVAL_S}, "
                f"got {self.buffer_interval_s}"
            )
        if self.compression not in COMPRESSIONS:
            raise InvalidArgument(
                f"CompressionFormat {self.compression!r} is not supported; use "
                + " or ".join(COMPRESSIONS)
            )
        prefix = self.prefix_template()
        self.error_prefix_template()
        if prefix.partition_keys:
            if not self.dynamic_partitioning:
                raise InvalidArgument(
                    f"Prefix {self.prefix!r} uses partitionKeyFromQuery, which needs "
                    "DynamicPartitioningConfiguration.Enabled = true"
                )
            if not self.partition_query:
                raise InvalidArgument(
                    "dynamic partitioning needs a MetadataExtraction processor with a "
                    "MetadataExtractionQuery producing the keys " + ", ".join(prefix.partition_keys)
                )
        if self.dynamic_partitioning and not self.error_output_prefix:
            raise InvalidArgument("dynamic partitioning needs an ErrorOutputPrefix")
        if self.partition_query:
            from lakebox.ingest.partitioning import PartitionKeyQuery

            PartitionKeyQuery(self.partition_query, prefix.partition_keys)

    def prefix_template(self) -> PrefixTemplate:
        return delivery_prefix(self.prefix)

    def error_prefix_template(self) -> PrefixTemplate:
        return error_prefix(self.error_output_prefix)

    @property
    def buffer_size_bytes(self) -> int:
        return self.buffer_size_mib * 1024 * 1024

    def to_json(self) -> str:
        return orjson.dumps(asdict(self)).decode()

    @classmethod
    def from_json(cls, text: str) -> StreamSettings:
        return cls(**orjson.loads(text))
