"""The catalog and crawler API: ``/v1/databases``, ``/v1/crawlers``, ``/v1/crawl-runs``."""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from lakebox.auth.access import Principal
from lakebox.catalog.schema import Column
from lakebox.catalog.types import parse as parse_type
from lakebox.crawler.settings import CrawlerSettings
from lakebox.errors import InvalidArgument
from lakebox.instance import Lakebox
from lakebox.web.body import json_object
from lakebox.web.endpoint import endpoint, json_response
from lakebox.web.requests import (
    ColumnSpec,
    CreateCrawler,
    CreateDatabase,
    CreateTable,
    EvolveTable,
    RollbackTable,
    StartCrawl,
    parse,
)


async def list_databases(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    return {"databases": await asyncio.to_thread(box.tables.databases, by=who)}


async def create_database(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    req = parse(CreateDatabase, json_object(body))
    db = await asyncio.to_thread(box.tables.create_database, req.name, req.description, by=who)
    return json_response(db, status=201)


async def list_tables(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    tables = await asyncio.to_thread(box.tables.tables, request.path_params["db"], by=who)
    return {"tables": [t.as_json() for t in tables]}


async def get_table(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    p = request.path_params
    return await asyncio.to_thread(box.tables.detail, p["db"], p["table"], by=who)


async def table_partitions(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    p = request.path_params
    parts = await asyncio.to_thread(box.tables.partitions, p["db"], p["table"], by=who)
    return {"partitions": [x.as_json() for x in parts]}


async def table_history(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    p = request.path_params
    versions = await asyncio.to_thread(box.tables.history, p["db"], p["table"], by=who)
    return {"versions": [v.as_json() for v in versions]}


def _columns(specs: list[ColumnSpec], what: str) -> list[Column]:
    seen: set[str] = set()
    for c in specs:
        if c.name.lower() in seen:
            raise InvalidArgument(f"{what}: column {c.name!r} appears twice")
        seen.add(c.name.lower())
        try:
            parse_type(c.type)  # an unknown type is refused here, naming it
        except InvalidArgument as exc:
            raise InvalidArgument(f"{what}: column {c.name!r}: {exc.message}") from None
    return [Column(c.name, c.type) for c in specs]


async def create_table(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    req = parse(CreateTable, json_object(body))
    table = await asyncio.to_thread(
        box.tables.create_table,
        request.path_params["db"],
        req.name,
        _columns(req.columns, "columns"),
        req.partition_by,
        by=who,
    )
    return json_response(table.as_json(), status=201)


async def evolve_table(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    req = parse(EvolveTable, json_object(body))
    p = request.path_params
    table = await asyncio.to_thread(
        box.tables.evolve,
        p["db"],
        p["table"],
        _columns(req.add_columns, "add_columns"),
        _columns(req.widen, "widen"),
        by=who,
    )
    return table.as_json()


async def table_snapshots(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    p = request.path_params
    snaps = await asyncio.to_thread(box.tables.snapshots, p["db"], p["table"], by=who)
    return {"snapshots": [s.as_json() for s in snaps]}


async def rollback_table(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    snapshot_id = parse(RollbackTable, json_object(body)).snapshot_id
    p = request.path_params
    table = await asyncio.to_thread(box.tables.rollback, p["db"], p["table"], snapshot_id, by=who)
    return table.as_json()


def _crawler_json(box: Lakebox, settings: CrawlerSettings) -> dict[str, Any]:
    runs = box.crawlers.history(settings.name, limit=5)
    return {
        "name": settings.name,
        "prefixes": settings.prefixes,
        "database": settings.database,
        "table_prefix": settings.table_prefix,
        "schedule": settings.schedule,
        "events": settings.events,
        "update_behavior": settings.update_behavior,
        "delete_behavior": settings.delete_behavior,
        "sample_bytes": settings.sample_bytes,
        "last_run": runs[0].as_json() if runs else None,
    }


async def list_crawlers(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    def work() -> list[dict[str, Any]]:
        return [_crawler_json(box, s) for s in box.crawler_ops.all(by=who)]

    return {"crawlers": await asyncio.to_thread(work)}


async def create_crawler(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    settings = CrawlerSettings(**parse(CreateCrawler, json_object(body)).model_dump())
    await asyncio.to_thread(box.crawler_ops.create, settings, by=who)
    return json_response(await asyncio.to_thread(_crawler_json, box, settings), status=201)


async def get_crawler(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    settings = await asyncio.to_thread(box.crawler_ops.get, request.path_params["name"], by=who)
    return await asyncio.to_thread(_crawler_json, box, settings)


async def delete_crawler(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    await asyncio.to_thread(box.crawler_ops.delete, request.path_params["name"], by=who)
    return {"ok": True, "deleted": request.path_params["name"]}


async def start_run(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    mode = parse(StartCrawl, json_object(body)).mode
    name = request.path_params["name"]
    run = await asyncio.to_thread(box.crawler_ops.start, name, mode, by=who)
    return json_response(await asyncio.to_thread(_run_json, box, run.id, who), status=202)


def _run_json(box: Lakebox, run_id: str, who: Principal) -> dict[str, Any]:
    result = box.crawler_ops.run(run_id, by=who).as_json()
    progress = box.crawler_ops.progress(run_id)
    result["progress"] = (
        {"done": progress["done"], "total": progress["total"]} if progress else None
    )
    return result


async def list_runs(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    runs = await asyncio.to_thread(box.crawler_ops.runs, request.path_params["name"], by=who)
    return {"runs": [r.as_json() for r in runs]}


async def get_run(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    return await asyncio.to_thread(_run_json, box, request.path_params["id"], who)


async def cancel_run(request: Request, box: Lakebox, who: Principal, body: bytes) -> Any:
    run = await asyncio.to_thread(box.crawler_ops.cancel, request.path_params["id"], by=who)
    return run.as_json()


routes = [
    Route("/v1/databases", endpoint(list_databases), methods=["GET"]),
    Route("/v1/databases", endpoint(create_database), methods=["POST"]),
    Route("/v1/databases/{db}/tables", endpoint(list_tables), methods=["GET"]),
    Route("/v1/databases/{db}/tables", endpoint(create_table), methods=["POST"]),
    Route(
        "/v1/databases/{db}/tables/{table}/schema",
        endpoint(evolve_table),
        methods=["POST"],
    ),
    Route("/v1/databases/{db}/tables/{table}/snapshots", endpoint(table_snapshots)),
    Route(
        "/v1/databases/{db}/tables/{table}/rollback",
        endpoint(rollback_table),
        methods=["POST"],
    ),
    Route("/v1/databases/{db}/tables/{table}", endpoint(get_table), methods=["GET"]),
    Route("/v1/databases/{db}/tables/{table}/partitions", endpoint(table_partitions)),
    Route("/v1/databases/{db}/tables/{table}/history", endpoint(table_history)),
    Route("/v1/crawlers", endpoint(list_crawlers), methods=["GET"]),
    Route("/v1/crawlers", endpoint(create_crawler), methods=["POST"]),
    Route("/v1/crawlers/{name}", endpoint(get_crawler), methods=["GET"]),
    Route("/v1/crawlers/{name}", endpoint(delete_crawler), methods=["DELETE"]),
    Route("/v1/crawlers/{name}/runs", endpoint(list_runs), methods=["GET"]),
    Route("/v1/crawlers/{name}/runs", endpoint(start_run), methods=["POST"]),
    Route("/v1/crawl-runs/{id}", endpoint(get_run), methods=["GET"]),
    Route("/v1/crawl-runs/{id}/cancel", endpoint(cancel_run), methods=["POST"]),
]
