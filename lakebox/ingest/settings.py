"""A delivery stream's settings, as Firehose's Direct PUT → extended S3 destination has them."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from lakebox.errors import InvalidArgument
from lakebox.ingest.prefix import (
    PrefixTemplate,
    delivery_prefix,
    error_prefix,
    unsafe_key_reason,
)

log = logging.getLogger(__name__)

Compression = Literal["UNCOMPRESSED", "GZIP"]
COMPRESSIONS: tuple[Compression, ...] = ("UNCOMPRESSED", "GZIP")

NAME_RE = re.compile(r"[a-zA-Z0-9_.-]{1,64}")
# Match NAME_RE but would name the log folder itself or its parent (wal/<name>/).
RESERVED_NAMES = (".", "..")
# Longest object key S3 accepts; a prefix alone must leave room for the object name.
MAX_KEY_BYTES = 1024
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
        check_name(self.name)
        check_prefix("Prefix", self.prefix)
        check_prefix("ErrorOutputPrefix", self.error_output_prefix)
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
        error_template = self.error_prefix_template()
        # As evaluated (timestamp patterns can hold quoted text): the keys must stay safe.
        sample = datetime(2000, 1, 1, tzinfo=UTC)
        for field_name, template in (("Prefix", prefix), ("ErrorOutputPrefix", error_template)):
            rendered = template.render(sample, keys={k: "v" for k in template.partition_keys})
            reason = unsafe_key_reason(rendered + "object")
            if reason is not None:
                raise InvalidArgument(
                    f"{field_name} {template.source!r} evaluates to keys like {rendered!r}, "
                    f"which cannot name objects: {reason}"
                )
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
        data = orjson.loads(text)
        try:
            return cls(**data)
        except InvalidArgument as exc:
            # Stored before today's checks (a '..' prefix, a '.' name): it must still load, so
            # that it can be described and deleted; puts to it and its bad keys are refused.
            log.error("stream %r has settings lakebox now refuses: %s", data.get("name"), exc)
            settings = object.__new__(cls)
            for name, value in data.items():
                object.__setattr__(settings, name, value)
            return settings


def check_name(name: str) -> str:
    """``name`` if it is a valid stream name (safe as a folder name), else InvalidArgument."""
    if not isinstance(name, str) or not NAME_RE.fullmatch(name) or name in RESERVED_NAMES:
        raise InvalidArgument(
            f"stream name {name!r} must be 1-64 characters of letters, digits, '_', '.' or '-',"
            " and not '.' or '..'"
        )
    return name


def check_prefix(field_name: str, prefix: str) -> None:
    """Refuse a prefix whose objects could not be written or would leave the lake's folder.

    Checked when a stream is created, so that records are never acknowledged for a stream
    that cannot deliver them.
    """
    if not isinstance(prefix, str):
        raise InvalidArgument(f"{field_name} must be a string, got {type(prefix).__name__}")
    if prefix.startswith("/"):
        raise InvalidArgument(
            f"{field_name} {prefix!r} must not start with '/' (keys are relative)"
        )
    # A '..' folder would leave the lake's folder; '...' or 'a..b' are plain names (and a
    # stream named '...' gets the default prefix raw/.../).
    if any(part == ".." for part in prefix.split("/")):
        raise InvalidArgument(f"{field_name} {prefix!r} must not contain a '..' folder")
    if "//" in prefix:
        raise InvalidArgument(f"{field_name} {prefix!r} must not contain '//' (an empty folder)")
    if any(part == "." for part in prefix.split("/")):
        raise InvalidArgument(f"{field_name} {prefix!r} must not have a '.' folder")
    bad = next((ch for ch in prefix if ord(ch) < 0x20 or ch == "\x7f"), None)
    if bad is not None:
        raise InvalidArgument(
            f"{field_name} {prefix!r} contains the character {bad!r}, which cannot be in a key"
        )
    if len(prefix.encode()) > MAX_KEY_BYTES // 2:
        raise InvalidArgument(
            f"{field_name} is {len(prefix.encode())} bytes; at most {MAX_KEY_BYTES // 2} "
            "(object keys are limited to 1024 bytes)"
        )
