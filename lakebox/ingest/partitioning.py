"""Partition keys from JSON records, with a JQ query as Firehose's MetadataExtraction runs it."""

from __future__ import annotations

from typing import Any

import jq
import orjson

from lakebox.errors import InvalidArgument


class RecordError(Exception):
    """A record that cannot go where it belongs; ``code`` and ``message`` go to the error output."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class PartitionKeyQuery:
    def __init__(self, query: str, required_keys: tuple[str, ...] = ()) -> None:
        self.query = query
        self.required_keys = required_keys
        try:
            self._program = jq.compile(query)
        except ValueError as exc:
            raise InvalidArgument(
                f"MetadataExtractionQuery {query!r} is not valid JQ: {exc}"
            ) from exc

    def keys_for(self, data: bytes | memoryview) -> dict[str, str]:
        """The partition keys of one record, or RecordError naming why there are none."""
        try:
            value: Any = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise RecordError(
                "DynamicPartitioning.MetadataExtractionFailed",
                f"Non JSON record provided: {exc}",
            ) from None
        try:
            result = self._program.input_value(value).first()
        except (ValueError, StopIteration) as exc:
            raise RecordError(
                "DynamicPartitioning.MetadataExtractionFailed",
                f"MetadataExtractionQuery {self.query!r} failed on this record: {exc}",
            ) from None
        if not isinstance(result, dict):
            raise RecordError(
                "DynamicPartitioning.MetadataExtractionFailed",
                f"MetadataExtractionQuery {self.query!r} must produce an object, got "
                f"{type(result).__name__}",
            )
        keys: dict[str, str] = {}
        for name in self.required_keys:
            got = result.get(name)
            if got is None or isinstance(got, dict | list):
                raise RecordError(
                    "DynamicPartitioning.PartitionKeyMissing",
                    f"partition key {name!r} is missing, null or not a scalar in this record",
                )
            text = str(got).lower() if isinstance(got, bool) else str(got)
            if (
                "/" in text
                or text in ("", ".", "..")
                or any(ord(ch) < 0x20 or ch == "\x7f" for ch in text)
            ):
                raise RecordError(
                    "DynamicPartitioning.InvalidPartitionKey",
                    f"partition key {name!r} has value {text!r}, which cannot name a folder",
                )
            keys[name] = text
        return keys
