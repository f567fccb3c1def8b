"""Running the ASGI app with uvicorn, the one way `lakebox serve` (and the benchmarks) do it."""

from __future__ import annotations

from starlette.applications import Starlette

from lakebox.config import Settings
from lakebox.instance import quick_thread_handoffs


def run_server(app: Starlette, settings: Settings) -> None:
    import uvicorn

    quick_thread_handoffs()
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        loop="uvloop",
        http="httptools",
        log_level="warning",
        timeout_graceful_shutdown=30,
    )
