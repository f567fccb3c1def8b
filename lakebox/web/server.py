"""Running the ASGI app with uvicorn, the one way `lakebox serve` (and the benchmarks) do it."""

from __future__ import annotations

import sys

from starlette.applications import Starlette

from lakebox.config import Settings


def run_server(app: Starlette, settings: Settings) -> None:
    import uvicorn

    # The log writer and delivery threads hand the GIL back and forth with the event loop on
    # every write and fsync; the default 5 ms switch interval stalls each handoff.
    sys.setswitchinterval(0.0005)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        loop="uvloop",
        http="httptools",
        log_level="warning",
        timeout_graceful_shutdown=30,
    )
