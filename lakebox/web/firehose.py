"""The Firehose wire API: ``POST /`` with ``X-Amz-Target: Firehose_20150804.<Action>``.

Each action's body is declared in ``web/requests.py`` and validated from the raw bytes.
"""

from __future__ import annotations

import asyncio
import json
import operator
from collections.abc import Iterator
from typing import Any, cast

import pydantic
from starlette.requests import Request
from starlette.responses import Response

from lakebox.auth.access import Principal
from lakebox.errors import LimitExceeded
from lakebox.ingest.service import (
    MAX_RECORD_BYTES,
    RecordResult,
    record_outcomes,
    split_oversize,
)
from lakebox.instance import Lakebox
from lakebox.web.aws_json import Handler, aws_json_endpoint
from lakebox.web.errors import FIREHOSE_ERRORS
from lakebox.web.firehose_shapes import ARN_PREFIX, describe, settings_from_create
from lakebox.web.puts import check_put
from lakebox.web.requests import (
    CreateDeliveryStream,
    DeleteDeliveryStream,
    DescribeDeliveryStream,
    FirehoseRecord,
    ListDeliveryStreams,
    PutRecord,
    PutRecordBatch,
    firehose_error,
    parse,
)

TARGET_PREFIX = "Firehose_20150804."

_DATA = operator.itemgetter("Data")
_RECORD = pydantic.TypeAdapter(FirehoseRecord)


async def firehose_endpoint(request: Request, box: Lakebox, action: str) -> Response:
    return await aws_json_endpoint(request, box, "Firehose", action, ACTIONS, FIREHOSE_ERRORS)


def batch_entries(body: bytes) -> tuple[str, list[bytes | RecordResult]]:
    """PutRecordBatch's stream name and its records: each decoded, or the reason it fails
    alone (``record 3: Records[3].Data is not valid base64: ...``). A body of the wrong shape
    (no stream name, Records not a list of 1-500) is InvalidArgument, naming the fields.

    One pass of the declared model over the raw bytes does it all, base64 included, in
    pydantic-core; Python looks at the records one by one only when one of them failed."""
    req = parse(PutRecordBatch, body)
    records = req.Records
    try:  # all well-formed: a dict with bytes each, taken out without per-record Python
        entries: list[Any] = list(map(_DATA, records))
        if all(map(bytes.__instancecheck__, entries)):
            return req.DeliveryStreamName, entries
    except (TypeError, KeyError):  # an item that is not an object, or has no Data
        pass
    return req.DeliveryStreamName, [
        r["Data"] if isinstance(r, dict) and isinstance(r.get("Data"), bytes) else _failed(i, r)
        for i, r in enumerate(records)
    ]


def _failed(index: int, record: Any) -> RecordResult:
    """Why ``record`` (as sent: it did not validate) fails: the declared record's own error,
    with its path in the batch."""
    try:  # again, alone: the same validator gives the error it had in the batch
        _RECORD.validate_json(json.dumps(record))
        reason = f"Records[{index}] is not a record"  # unreachable: it failed in the batch
    except pydantic.ValidationError as exc:
        errors = exc.errors()[:5]
        for e in errors:
            e["loc"] = ("Records", index, *e["loc"])
        reason = "; ".join(map(firehose_error, errors))
    return RecordResult("InvalidArgumentException", f"record {index}: {reason}")


async def put_record(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    req = parse(PutRecord, body)
    data = req.Record["Data"]
    if len(data) > MAX_RECORD_BYTES:
        raise LimitExceeded(
            f"record is {len(data)} bytes; the limit is {MAX_RECORD_BYTES} bytes (1,000 KiB)"
        )
    await check_put(box, req.DeliveryStreamName, who)
    ack = await asyncio.wrap_future(box.ingest.put_records(req.DeliveryStreamName, [data], by=who))
    return {"RecordId": ack.record_ids()[0], "Encrypted": False}


async def put_record_batch(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    name, decoded = batch_entries(body)
    await check_put(box, name, who)
    good = cast("Iterator[bytes]", filter(bytes.__instancecheck__, decoded))  # no Python loop
    box.ingest.check_batch(len(decoded), sum(map(len, good)))
    entries = split_oversize(decoded)
    ack = await asyncio.wrap_future(box.ingest.put_records(name, entries, by=who))
    return {
        "FailedPutCount": len(entries) - ack.count,
        "Encrypted": False,
        "RequestResponses": [
            {"RecordId": r}
            if isinstance(r, str)
            else {"ErrorCode": r.error_code, "ErrorMessage": r.error_message}
            for r in record_outcomes(entries, ack)
        ],
    }


async def create_stream(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    settings = settings_from_create(parse(CreateDeliveryStream, body))
    await asyncio.to_thread(box.ingest.create_stream, settings, by=who)
    return {"DeliveryStreamARN": ARN_PREFIX + settings.name}


async def describe_stream(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    name = parse(DescribeDeliveryStream, body).DeliveryStreamName
    stream = await asyncio.to_thread(box.ingest.describe_stream, name, by=who)
    return {"DeliveryStreamDescription": describe(stream)}


async def list_streams(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    req = parse(ListDeliveryStreams, body)
    limit = 10 if req.Limit is None else req.Limit
    names = [s.name for s in await asyncio.to_thread(box.ingest.list_streams, by=who)]
    if req.DeliveryStreamType not in (None, "DirectPut"):
        names = []
    if req.ExclusiveStartDeliveryStreamName:
        names = [n for n in names if n > req.ExclusiveStartDeliveryStreamName]
    return {"DeliveryStreamNames": names[:limit], "HasMoreDeliveryStreams": len(names) > limit}


async def delete_stream(box: Lakebox, who: Principal, body: bytes) -> dict[str, Any]:
    name = parse(DeleteDeliveryStream, body).DeliveryStreamName
    await asyncio.to_thread(box.ingest.delete_stream, name, by=who)
    return {}


ACTIONS: dict[str, Handler] = {
    "PutRecord": put_record,
    "PutRecordBatch": put_record_batch,
    "CreateDeliveryStream": create_stream,
    "DescribeDeliveryStream": describe_stream,
    "ListDeliveryStreams": list_streams,
    "DeleteDeliveryStream": delete_stream,
}
