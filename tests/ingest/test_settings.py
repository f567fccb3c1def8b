from __future__ import annotations

import pytest

from lakebox.errors import InvalidArgument
from lakebox.ingest.settings import StreamSettings


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "bad name!"}, "stream name"),
        ({"name": "s", "buffer_size_mib": 0}, "SizeInMBs must be 1-128, got 0"),
        ({"name": "s", "buffer_size_mib": 129}, "SizeInMBs must be 1-128"),
        ({"name": "s", "buffer_interval_s": 901}, "IntervalInSeconds must be 0-900"),
        ({"name": "s", "compression": "ZIP"}, "CompressionFormat 'ZIP'"),
        ({"name": "s", "prefix": "k=!{partitionKeyFromQuery:k}/"}, "needs DynamicPartitioning"),
        (
            {"name": "s", "prefix": "k=!{partitionKeyFromQuery:k}/", "dynamic_partitioning": True},
            "MetadataExtraction",
        ),
        (
            {
                "name": "s",
                "prefix": "k=!{partitionKeyFromQuery:k}/",
                "dynamic_partitioning": True,
                "partition_query": "{k: .k",
                "error_output_prefix": "e/",
            },
            "not valid JQ",
        ),
    ],
)
def test_invalid_settings_name_the_problem(kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidArgument, match=message):
        StreamSettings(**kwargs)


def test_round_trip_through_json() -> None:
    s = StreamSettings.for_cli("x", partition_keys=["a", "b"], compression="gzip")
    assert StreamSettings.from_json(s.to_json()) == s
    assert s.partition_query == "{a: .a, b: .b}"
    assert (
        s.prefix
        == "raw/x/a=!{partitionKeyFromQuery:a}/b=!{partitionKeyFromQuery:b}/!{timestamp:yyyy/MM/dd/HH}/"
    )
