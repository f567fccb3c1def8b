"""PutRecordBatch's records, decoded from the raw body in one pass of the declared model: a
batch gives each record the same outcome as that record alone (the fast path, all records
well-formed, and the per-record one agree), and a record that fails names its path."""

from __future__ import annotations

import base64
import binascii
import json
import os
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lakebox.errors import InvalidArgument
from lakebox.ingest.service import RecordResult
from lakebox.web.firehose import batch_entries

EXAMPLES = int(os.environ.get("LAKEBOX_FUZZ_EXAMPLES", "200"))

B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ *\n"
valid = st.binary(max_size=64).map(lambda b: {"Data": base64.b64encode(b).decode()})
records = st.one_of(
    valid,
    st.text(B64_CHARS, max_size=12).map(lambda s: {"Data": s}),
    st.fixed_dictionaries({"Data": st.one_of(st.none(), st.integers(), st.booleans(), st.lists(st.integers(), max_size=2))}),
    st.dictionaries(st.sampled_from(["data", "Colour", "PartitionKey"]), st.text(max_size=4), max_size=2),
    st.one_of(st.none(), st.integers(), st.text(max_size=4), st.lists(st.integers(), max_size=2)),
    valid.map(lambda r: {**r, "PartitionKey": "k"}),
)  # fmt: skip


def body(recs: list[Any]) -> bytes:
    return json.dumps({"DeliveryStreamName": "s", "Records": recs}).encode()


def alone(record: Any, index: int) -> bytes | RecordResult:
    [entry] = batch_entries(body([record]))[1]
    if isinstance(entry, bytes):
        return entry
    return RecordResult(
        entry.error_code,
        entry.error_message.replace("record 0", f"record {index}").replace(
            "Records[0]", f"Records[{index}]"
        ),
    )


@settings(max_examples=EXAMPLES, deadline=None)
@given(recs=st.lists(records, min_size=1, max_size=12))
def test_each_record_has_the_outcome_it_has_alone(recs: list[Any]) -> None:
    name, entries = batch_entries(body(recs))
    assert name == "s" and len(entries) == len(recs)
    for i, (record, entry) in enumerate(zip(recs, entries, strict=True)):
        assert entry == alone(record, i), (i, record)
        data = record.get("Data") if isinstance(record, dict) else None
        if isinstance(entry, RecordResult):
            assert entry.error_code == "InvalidArgumentException"
            assert entry.error_message.startswith(f"record {i}: Records[{i}]"), entry
        if isinstance(data, str):
            try:
                strict = binascii.a2b_base64(data, strict_mode=True)
            except binascii.Error:
                continue
            if base64.b64encode(strict).decode() == data:  # canonical: as every SDK sends
                assert entry == strict, (i, data)


def test_a_batch_of_good_records_decodes_each() -> None:
    datas = [os.urandom(n) for n in range(0, 600, 7)]
    _, entries = batch_entries(body([{"Data": base64.b64encode(d).decode()} for d in datas]))
    assert entries == datas


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("***", "record 0: Records[0].Data is not valid base64: "),
        ("e30", None),  # padding is optional, as pydantic-core decodes base64
        ("e30-", None),  # and so is the URL-safe alphabet
        ("eB==", "record 0: Records[0].Data is not valid base64: "),  # bits past the data
    ],
)
def test_what_counts_as_base64(data: str, message: str | None) -> None:
    [entry] = batch_entries(body([{"Data": data}]))[1]
    if message is None:
        assert isinstance(entry, bytes)
    else:
        assert isinstance(entry, RecordResult) and entry.error_message.startswith(message)


def test_a_body_of_the_wrong_shape_fails_whole() -> None:
    with pytest.raises(InvalidArgument, match="Records must be a list, got an object"):
        batch_entries(b'{"DeliveryStreamName": "s", "Records": {"Data": "e30="}}')
