"""Running the ASGI app with uvicorn, the one way `lakebox serve` (and the benchmarks) do it.

uvicorn's HTTP protocol is extended with the limits a server facing many clients needs, so that
slow or half-open connections cannot exhaust its file descriptors or its attention:

- a cap on connections in all and per client address (more are answered 503 and closed at once);
- a time limit for a request's headers to arrive, from the connection's first byte or from the
  start of each request on a kept-alive connection (a slow-headers client is cut off);
- request bodies are read with a time limit too (``web/body.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
from collections import Counter
from typing import Any

from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from lakebox.config import Settings
from lakebox.instance import quick_thread_handoffs

log = logging.getLogger(__name__)

_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 39\r\nConnection: close\r\n\r\ntoo many connections; try again shortly"
)


class Limits:
    """The connection limits of one server, and its open connections per client address."""

    def __init__(self, total: int, per_client: int, header_timeout_s: float) -> None:
        self.total = total
        self.per_client = per_client
        self.header_timeout_s = header_timeout_s
        self.open: Counter[str] = Counter()

    def admit(self, host: str) -> bool:
        if sum(self.open.values()) >= self.total or self.open[host] >= self.per_client:
            return False
        self.open[host] += 1
        return True

    def release(self, host: str) -> None:
        self.open[host] -= 1
        if self.open[host] <= 0:
            del self.open[host]


def guarded_protocol(limits: Limits) -> type[HttpToolsProtocol]:
    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        _host: str | None = None
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            peer = transport.get_extra_info("peername")
            host = str(peer[0]) if peer else "?"
            if not limits.admit(host):
                transport.write(_BUSY)
                transport.close()
                return
            self._host = host
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._host is None:  # refused at the door: nothing was set up
                return
            limits.release(self._host)
            self._host = None
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def _arm(self) -> None:
            self._disarm()
            self._header_timer = self.loop.call_later(limits.header_timeout_s, self._too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            with contextlib.suppress(Exception):  # it may be closing already
                self.transport.close()

    return GuardedHttpToolsProtocol


def more_file_descriptors(wanted: int = 65536) -> None:
    """Raise the soft limit on open files towards the hard one: every connection is one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError) as exc:
            log.warning("could not raise the open-files limit to %d: %s", target, exc)


def run_server(app: Starlette, settings: Settings) -> None:
    import uvicorn

    quick_thread_handoffs()
    more_file_descriptors(settings.max_connections + 4096)
    limits = Limits(
        settings.max_connections,
        settings.max_connections_per_client,
        settings.request_header_timeout_s,
    )
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "loop": "uvloop",
        "http": guarded_protocol(limits),
        "log_level": "warning",
        "timeout_graceful_shutdown": 30,
        "timeout_keep_alive": 5,
        "h11_max_incomplete_event_size": 64 * 1024,
    }
    uvicorn.run(app, **options)
