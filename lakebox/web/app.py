"""The ASGI application: ``create_app(settings)`` builds it; nothing happens at import time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lakebox.config import Settings
from lakebox.errors import InvalidArgument
from lakebox.instance import Lakebox
from lakebox.web import api, catalog, queries
from lakebox.web.athena import TARGET_PREFIX as ATHENA_PREFIX
from lakebox.web.athena import athena_endpoint
from lakebox.web.endpoint import json_response
from lakebox.web.errors import aws_json_error
from lakebox.web.firehose import TARGET_PREFIX, firehose_endpoint

log = logging.getLogger(__name__)


async def health(request: Request) -> Response:
    return json_response({"ok": True, "status": "healthy"})


async def aws_target(request: Request) -> Response:
    """AWS JSON 1.1 APIs share ``POST /``; the X-Amz-Target header names service and action."""
    target = request.headers.get("x-amz-target", "")
    box: Lakebox = request.app.state.box
    if target.startswith(TARGET_PREFIX):
        return await firehose_endpoint(request, box, target[len(TARGET_PREFIX) :])
    if target.startswith(ATHENA_PREFIX):
        return await athena_endpoint(request, box, target[len(ATHENA_PREFIX) :])
    return aws_json_error(
        InvalidArgument(
            f"unknown X-Amz-Target {target!r}; lakebox serves {TARGET_PREFIX}<Action> and "
            f"{ATHENA_PREFIX}<Action>"
            if target
            else "POST / needs an X-Amz-Target header (AWS JSON API)"
        )
    )


def create_app(
    settings: Settings, *, demo: bool = False, started: Lakebox | None = None
) -> Starlette:
    """The app; with ``started``, it serves that already started instance (and stops it)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        box = started
        if box is None:
            box = Lakebox(settings)
            await asyncio.to_thread(box.start)
        app.state.box = box
        demo_task = None
        if demo:
            from lakebox.demo.producer import run_demo

            demo_task = asyncio.create_task(run_demo(box))
        try:
            yield
        finally:
            if demo_task is not None:
                demo_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await demo_task
            await asyncio.to_thread(box.stop)

    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/", aws_target, methods=["POST"]),
        *api.routes,
        *catalog.routes,
        *queries.routes,
    ]
    return Starlette(routes=routes, lifespan=lifespan)
