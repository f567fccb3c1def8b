"""lakebox's own JSON API (``/v1/...``): streams, records, keys. Bearer token or SigV4."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from starlette.requests import Request
from starlette.routing import Route

from lakebox.auth.access import Principal
from lakebox.errors import InvalidArgument
from lakebox.ingest.service import RecordResult, record_outcomes, split_oversize
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.streams import DeliveryStream
from lakebox.instance import Lakebox
from lakebox.web.body import json_object
from lakebox.web.endpoint import endpoint, json_response
from lakebox.web.puts import check_put
from lakebox.web.requests import CreateKey, CreateStream, parse

MAX_PLAIN_RECORDS = 10_000


def stream_json(box: Lakebox, stream: DeliveryStream) -> dict[str, Any]:
    s = stream.settings
    counters = box.ingest.counters(s.name)
    buffered = next((b for n, _t, b in box.ingest.wal.open_streams() if n == s.name), 0)
    return {
        "name": s.name,
        "status": stream.status,
        "version_id": stream.version_id,
        "created_at": stream.created_at.isoformat(),
        "prefix": s.prefix,
        "error_output_prefix": s.error_output_prefix,
        "buffer_size_mib": s.buffer_size_mib,
        "buffer_interval_s": s.buffer_interval_s,
        "compression": s.compression,
        "append_delimiter": s.append_delimiter,
        "dynamic_partitioning": s.dynamic_partitioning,
        "partition_query": s.partition_query,
        "buffered_bytes": buffered,
        "undelivered_segments": box.ingest.delivery.undelivered(s.name),
        "delivery": {
            "records_delivered": counters.records_delivered,
            "records_failed": counters.records_failed,
            "objects_written": counters.objects_written,
            "bytes_delivered": counters.bytes_delivered,
            "last_delivery": counters.last_delivery.isoformat() if counters.last_delivery else None,
            "last_error": counters.last_error or None,
        },
    }


async def list_streams(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    streams = await asyncio.to_thread(box.ingest.list_streams, by=who)
    return {"streams": [stream_json(box, s) for s in streams]}


async def create_stream(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    req = parse(CreateStream, json_object(body))
    options = req.model_dump(exclude={"name"}, exclude_none=True)
    try:
        settings = StreamSettings.for_cli(req.name, **options)
    except TypeError as exc:
        raise InvalidArgument(str(exc)) from None
    stream = await asyncio.to_thread(box.ingest.create_stream, settings, by=who)
    return json_response(stream_json(box, stream), status=201)


async def get_stream(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    stream = await asyncio.to_thread(
        box.ingest.describe_stream, request.path_params["name"], by=who
    )
    return stream_json(box, stream)


async def delete_stream(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    name = request.path_params["name"]
    await asyncio.to_thread(box.ingest.delete_stream, name, by=who)
    return {"ok": True, "deleted": name}


async def flush_stream(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    name = request.path_params["name"]
    before = box.ingest.counters(name).objects_written
    await asyncio.to_thread(box.ingest.flush, name, by=who)
    stream = box.ingest.get_stream(name)
    result = stream_json(box, stream)
    result["objects_written_by_flush"] = box.ingest.counters(name).objects_written - before
    return result


def parse_plain_records(body: bytes, content_type: str) -> list[bytes | RecordResult]:
    """NDJSON lines (kept byte for byte) or the elements of a JSON array."""
    if content_type.startswith("application/json"):
        try:
            values = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise InvalidArgument(f"body is not JSON: {exc}") from None
        if not isinstance(values, list):
            raise InvalidArgument("a JSON body must be an array of records")
        return [orjson.dumps(v) for v in values]
    entries: list[bytes | RecordResult] = []
    for number, line in enumerate(body.split(b"\n"), start=1):
        line = line.rstrip(b"\r")
        if not line.strip():
            continue
        try:
            orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            entries.append(
                RecordResult(
                    error_code="InvalidJSON", error_message=f"line {number} is not JSON: {exc}"
                )
            )
            continue
        entries.append(line)
    return entries


async def put_records(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    name = request.path_params["name"]
    await check_put(box, name, who)
    entries = parse_plain_records(body, request.headers.get("content-type", ""))
    if not entries:
        raise InvalidArgument("the body holds no records (send NDJSON lines or a JSON array)")
    if len(entries) > MAX_PLAIN_RECORDS:
        raise InvalidArgument(
            f"at most {MAX_PLAIN_RECORDS} records per request, got {len(entries)}"
        )
    entries = split_oversize(entries)
    ack = await asyncio.wrap_future(box.ingest.put_records(name, entries, by=who))
    failed = len(entries) - ack.count
    return {
        "ok": failed == 0,
        "stream": name,
        "accepted": ack.count,
        "failed": failed,
        "records": [
            {"id": r}
            if isinstance(r, str)
            else {"index": i, "error": r.error_message, "code": r.error_code}
            for i, r in enumerate(record_outcomes(entries, ack))
        ],
    }


def _key_json(k: Any) -> dict[str, Any]:
    return {
        "access_key_id": k.access_key_id,
        "name": k.name,
        "role": k.role,
        "created_at": k.created_at.isoformat(),
        "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
    }


async def list_keys(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    include = request.query_params.get("revoked") in ("1", "true")
    keys = await asyncio.to_thread(box.keys.all, include, by=who)
    return {"keys": [_key_json(k) for k in keys]}


async def create_key(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    req = parse(CreateKey, json_object(body))
    new = await asyncio.to_thread(box.keys.create, req.name, req.role, by=who)
    result = _key_json(new.key)
    result.update(secret_access_key=new.secret_access_key, token=new.token)
    return json_response(result, status=201)


async def revoke_key(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    revoked = await asyncio.to_thread(box.keys.revoke, request.path_params["key"], by=who)
    return {"ok": True, "revoked": [_key_json(k) for k in revoked]}


routes = [
    Route("/v1/streams", endpoint(list_streams), methods=["GET"]),
    Route("/v1/streams", endpoint(create_stream), methods=["POST"]),
    Route("/v1/streams/{name}", endpoint(get_stream), methods=["GET"]),
    Route(
        "/v1/streams/{name}",
        endpoint(delete_stream),
        methods=["DELETE"],
    ),
    Route(
        "/v1/streams/{name}/flush",
        endpoint(flush_stream),
        methods=["POST"],
    ),
    Route("/v1/streams/{name}/records", endpoint(put_records), methods=["POST"]),
    Route("/v1/keys", endpoint(list_keys), methods=["GET"]),
    Route("/v1/keys", endpoint(create_key), methods=["POST"]),
    Route("/v1/keys/{key}", endpoint(revoke_key), methods=["DELETE"]),
]
