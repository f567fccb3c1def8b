from __future__ import annotations

import re

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


@pytest.mark.parametrize("name", [".", "..", "", "a" * 65, "a/b", "a\x00b"])
def test_names_that_could_leave_their_folder_are_refused(name: str) -> None:
    with pytest.raises(InvalidArgument, match="stream name"):
        StreamSettings(name=name)
    with pytest.raises(InvalidArgument, match="stream name"):
        StreamSettings.for_cli(name)


def test_names_as_firehose_takes_them() -> None:
    for name in ("a", "a.b", "...", "A_b-9", "x" * 64):
        assert StreamSettings.for_cli(name).name == name


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("/abs/", "must not start with '/'"),
        ("a/../b/", "must not contain a '..' folder"),
        ("../", "must not contain a '..' folder"),
        ("a//b/", "must not contain '//'"),
        ("a/./b/", "'.' folder"),
        ("a\x00b/", "character '\\x00'"),
        ("p" * 600 + "/", "at most 512"),
    ],
)
def test_prefixes_that_cannot_be_delivered_are_refused(prefix: str, message: str) -> None:
    with pytest.raises(InvalidArgument, match=f"Prefix .*{re.escape(message)}"):
        StreamSettings.for_cli("s", prefix=prefix)
    with pytest.raises(InvalidArgument, match=f"ErrorOutputPrefix .*{re.escape(message)}"):
        StreamSettings.for_cli("s", error_output_prefix=prefix)


def test_settings_stored_before_the_checks_still_load() -> None:
    """A stream created with a '..' prefix by an older lakebox must load to be deleted."""
    good = StreamSettings.for_cli("old")
    stored = good.to_json().replace('"raw/old/', '"../old/')
    loaded = StreamSettings.from_json(stored)
    assert loaded.name == "old" and loaded.prefix.startswith("../old/")


def test_a_prefix_is_checked_as_evaluated() -> None:
    with pytest.raises(InvalidArgument, match=re.escape("evaluates to keys like 'a/../'")):
        StreamSettings.for_cli("s", prefix="a/!{timestamp:'..'}/")
