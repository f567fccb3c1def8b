from __future__ import annotations

from datetime import UTC, datetime

import pytest

from lakebox.errors import InvalidArgument
from lakebox.ingest.prefix import PrefixTemplate, delivery_prefix, error_prefix

WHEN = datetime(2026, 3, 7, 5, 9, 2, tzinfo=UTC)


def test_timestamp_expressions_use_java_patterns() -> None:
    t = PrefixTemplate("raw/x/!{timestamp:yyyy/MM/dd/HH}/")
    assert t.render(WHEN) == "raw/x/2026/03/07/05/"
    t = PrefixTemplate(
        "year=!{timestamp:yyyy}/month=!{timestamp:MM}/d=!{timestamp:yy-DDD'T'mm:ss}/"
    )
    assert t.render(WHEN) == "year=2026/month=03/d=26-066T09:02/"


def test_partition_keys_and_random_string() -> None:
    t = PrefixTemplate("c=!{partitionKeyFromQuery:customer_id}/!{firehose:random-string}/")
    out = t.render(WHEN, keys={"customer_id": "42"}, seed=7)
    assert out.startswith("c=42/") and len(out.split("/")[1]) == 11
    assert out == t.render(WHEN, keys={"customer_id": "42"}, seed=7)  # deterministic per seed
    assert t.partition_keys == ("customer_id",)


def test_firehose_default_prefixes() -> None:
    assert delivery_prefix("").render(WHEN) == "2026/03/07/05/"
    # a static prefix gets the time folders appended, as Firehose does
    assert delivery_prefix("myapp/").render(WHEN) == "myapp/2026/03/07/05/"
    assert error_prefix("").render(WHEN) == "processing-failed/2026/03/07/05/"
    assert (
        error_prefix("err/!{firehose:error-output-type}/!{timestamp:yyyy}/").render(WHEN)
        == "err/processing-failed/2026/"
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("!{timestamp:yyyy-QQ}", "uses 'QQ'"),
        ("!{nope:x}", "unknown namespace 'nope'"),
        ("!{partitionKeyFromLambda:x}", "Lambda"),
        ("!{firehose:error-output-type}", "only allowed in ErrorOutputPrefix"),
        ("!{firehose:wat}", "unknown firehose value"),
        ("a/!{timestamp:yyyy", "unclosed or malformed"),
        ("!{partitionKeyFromQuery:bad-name}", "not a valid name"),
    ],
)
def test_bad_prefixes_name_the_problem(source: str, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        PrefixTemplate(source)


def test_error_prefix_with_expressions_needs_error_output_type() -> None:
    with pytest.raises(InvalidArgument, match="must also contain"):
        error_prefix("err/!{timestamp:yyyy}/")
