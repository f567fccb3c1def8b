"""lakebox's query API: ``/v1/queries`` (start, state, results, history, cancel)."""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lakebox.auth.access import Principal
from lakebox.errors import InvalidArgument
from lakebox.instance import Lakebox
from lakebox.web.body import json_object
from lakebox.web.endpoint import endpoint, json_response
from lakebox.web.requests import SaveQuery, StartQuery, parse


async def start(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    req = parse(StartQuery, json_object(body))
    database, sql = req.database, req.sql
    if req.saved_query is not None:
        saved = await asyncio.to_thread(box.saved_queries.get, req.saved_query, by=who)
        sql, database = saved.sql, saved.database or None
    elif sql is None:
        raise InvalidArgument("'sql' (a string) or 'saved_query' (a name) is required")
    execution = await asyncio.to_thread(
        box.queries.submit, sql, req.dialect, by=who, default_database=database
    )
    if req.wait:
        execution = await box.queries.wait_async(execution.id, req.wait, by=who)
    return json_response(execution.as_json(), status=202 if execution.state == "QUEUED" else 200)


async def get(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    return (await asyncio.to_thread(box.queries.get, request.path_params["id"], by=who)).as_json()


async def results(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    qid = request.path_params["id"]
    execution = await asyncio.to_thread(box.queries.get, qid, by=who)
    try:
        page = int(request.query_params.get("page", "1"))
        size = int(request.query_params.get("page_size", "1000"))
    except ValueError:
        raise InvalidArgument("page and page_size must be numbers") from None
    fmt = request.query_params.get("format", "json")
    if fmt in ("csv", "parquet"):
        if execution.result_key is None:
            raise InvalidArgument(f"query {qid} is {execution.state}; it has no results")
        data = await asyncio.to_thread(box.lake.get, f"{execution.result_key}.{fmt}")
        media = "text/csv" if fmt == "csv" else "application/vnd.apache.parquet"
        return Response(data, media_type=media)
    if fmt != "json":
        raise InvalidArgument(f"format {fmt!r}; use json, csv or parquet")
    return await asyncio.to_thread(box.queries.results, qid, page, size, by=who)


async def history(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    everyone = request.query_params.get("all") in ("1", "true")
    runs = await asyncio.to_thread(box.queries.history, by=who, everyone=everyone)
    return {"queries": [q.as_json() for q in runs]}


async def cancel(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    qid = request.path_params["id"]
    return (await asyncio.to_thread(box.queries.cancel, qid, by=who)).as_json()


async def list_saved(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    saved = await asyncio.to_thread(box.saved_queries.all, by=who)
    return {"saved_queries": [q.as_json() for q in saved]}


async def save(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    req = parse(SaveQuery, json_object(body))
    query = await asyncio.to_thread(
        box.saved_queries.save, req.name, req.sql, req.database, req.description, by=who
    )
    return json_response(query.as_json(), status=201)


async def get_saved(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    name = request.path_params["name"]
    return (await asyncio.to_thread(box.saved_queries.get, name, by=who)).as_json()


async def delete_saved(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    await asyncio.to_thread(box.saved_queries.delete, request.path_params["name"], by=who)
    return {"ok": True, "deleted": request.path_params["name"]}


routes = [
    Route("/v1/saved-queries", endpoint(list_saved), methods=["GET"]),
    Route("/v1/saved-queries", endpoint(save), methods=["POST"]),
    Route("/v1/saved-queries/{name}", endpoint(get_saved), methods=["GET"]),
    Route("/v1/saved-queries/{name}", endpoint(delete_saved), methods=["DELETE"]),
    Route("/v1/queries", endpoint(start), methods=["POST"]),
    Route("/v1/queries", endpoint(history), methods=["GET"]),
    Route("/v1/queries/{id}", endpoint(get), methods=["GET"]),
    Route("/v1/queries/{id}/results", endpoint(results), methods=["GET"]),
    Route("/v1/queries/{id}/cancel", endpoint(cancel), methods=["POST"]),
]
