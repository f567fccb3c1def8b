"""The Firehose wire API: ``POST /`` with ``X-Amz-Target: Firehose_20150804.<Action>``."""

from __future__ import annotations

import asyncio
import binascii
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from lakebox.auth.access import Principal
from lakebox.errors import InvalidArgument, LimitExceeded
from lakebox.ingest.service import (
    MAX_RECORD_BYTES,
    RecordResult,
    record_outcomes,
    split_oversize,
)
from lakebox.instance import Lakebox
from lakebox.web.aws_json import Handler, aws_json_endpoint
from lakebox.web.errors import FIREHOSE_ERRORS
from lakebox.web.firehose_shapes import ARN_PREFIX, describe, field, settings_from_create
from lakebox.web.puts import check_put

TARGET_PREFIX = "Firehose_20150804."


async def firehose_endpoint(request: Request, box: Lakebox, action: str) -> Response:
    return await aws_json_endpoint(request, box, "Firehose", action, ACTIONS, FIREHOSE_ERRORS)


def _stream_name(params: dict[str, Any]) -> str:
    name = field(params, "DeliveryStreamName", str)
    if not name:
        raise InvalidArgument("DeliveryStreamName is required")
    return str(name)


def _decode(index: int, record: Any) -> bytes | RecordResult:
    data = record.get("Data") if isinstance(record, dict) else None
    if not isinstance(data, str):
        return RecordResult(
            error_code="InvalidArgumentException",
            error_message=f"record {index} has no Data (a base64 string)",
        )
    try:
        return binascii.a2b_base64(data, strict_mode=True)
    except binascii.Error as exc:
        return RecordResult(
            error_code="InvalidArgumentException",
            error_message=f"record {index}: Data is not valid base64: {exc}",
        )


async def put_record(box: Lakebox, who: Principal, params: dict[str, Any]) -> dict[str, Any]:
    name = _stream_name(params)
    record = field(params, "Record", dict)
    if record is None:
        raise InvalidArgument("Record is required: an object {Data: base64}")
    data = field(record, "Data", str, "Record.")
    if data is None:
        raise InvalidArgument("Record.Data is required: a base64 string")
    decoded = _decode(0, record)
    if isinstance(decoded, RecordResult):
        raise InvalidArgument("Record." + decoded.error_message.removeprefix("record 0: "))
    if len(decoded) > MAX_RECORD_BYTES:
        raise LimitExceeded(
            f"record is {len(decoded)} bytes; the limit is {MAX_RECORD_BYTES} bytes (1,000 KiB)"
        )
    await check_put(box, name, who)
    ack = await asyncio.wrap_future(box.ingest.put_records(name, [decoded], by=who))
    return {"RecordId": ack.record_ids()[0], "Encrypted": False}


async def put_record_batch(box: Lakebox, who: Principal, params: dict[str, Any]) -> dict[str, Any]:
    name = _stream_name(params)
    records = field(params, "Records", list)
    if records is None:
        raise InvalidArgument("Records is required: a list of {Data: base64}")
    await check_put(box, name, who)  # refused or unknown: before any parsing
    box.ingest.check_batch(len(records), 0)
    try:  # the common case, all well-formed, without per-record Python calls
        decoded: list[bytes | RecordResult] = [
            binascii.a2b_base64(r["Data"], strict_mode=True) for r in records
        ]
    except (binascii.Error, TypeError, KeyError):
        decoded = [_decode(i, r) for i, r in enumerate(records)]
    box.ingest.check_batch(len(records), sum(len(d) for d in decoded if isinstance(d, bytes)))
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


async def create_stream(box: Lakebox, who: Principal, params: dict[str, Any]) -> dict[str, Any]:
    settings = settings_from_create(params)
    await asyncio.to_thread(box.ingest.create_stream, settings, by=who)
    return {"DeliveryStreamARN": ARN_PREFIX + settings.name}


async def describe_stream(box: Lakebox, who: Principal, params: dict[str, Any]) -> dict[str, Any]:
    field(params, "Limit", int)
    field(params, "ExclusiveStartDestinationId", str)
    stream = await asyncio.to_thread(box.ingest.describe_stream, _stream_name(params), by=who)
    return {"DeliveryStreamDescription": describe(stream)}


async def list_streams(box: Lakebox, who: Principal, params: dict[str, Any]) -> dict[str, Any]:
    limit = field(params, "Limit", int)
    limit = 10 if limit is None else limit
    if not 1 <= limit <= 10000:
        raise InvalidArgument(f"Limit must be an integer from 1 to 10000, got {limit!r}")
    stream_type = field(params, "DeliveryStreamType", str)
    start = field(params, "ExclusiveStartDeliveryStreamName", str)
    names = [s.name for s in await asyncio.to_thread(box.ingest.list_streams, by=who)]
    if stream_type not in (None, "DirectPut"):
        names = []
    if start:
        names = [n for n in names if n > start]
    return {"DeliveryStreamNames": names[:limit], "HasMoreDeliveryStreams": len(names) > limit}


async def delete_stream(box: Lakebox, who: Principal, params: dict[str, Any]) -> dict[str, Any]:
    name = _stream_name(params)
    field(params, "AllowForceDelete", bool)  # deletion never waits on a stuck stream anyway
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
