"""Connections that cannot exhaust the server: slow headers are cut off, a client's (and the
total) number of connections is capped, slow bodies are refused; /health and puts from other
clients answer throughout. Real server, real sockets, from another loopback address."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from tests.conftest import RunningServer

pytestmark = pytest.mark.slow

SLOW_CLIENT = "127.0.0.2"  # the whole 127/8 is loopback: another client address


def slow_socket(port: int) -> socket.socket:
    s = socket.socket()
    s.bind((SLOW_CLIENT, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    s.sendall(b"POST /v1/streams HTTP/1.1\r\nHost: x\r\n")  # headers never finished
    return s


def closed_by_server(s: socket.socket, within: float) -> bool:
    s.settimeout(within)
    try:
        data = s.recv(4096)
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return data == b"" or data.startswith(b"HTTP/1.1 503")


def read_until_closed(s: socket.socket) -> bytes:
    chunks = []
    while chunk := s.recv(4096):
        chunks.append(chunk)
    return b"".join(chunks)


def test_slow_and_too_many_connections(server_factory) -> None:  # type: ignore[no-untyped-def]
    srv: RunningServer = server_factory(
        LAKEBOX_MAX_CONNECTIONS_PER_CLIENT="20",
        LAKEBOX_REQUEST_HEADER_TIMEOUT_S="2",
        LAKEBOX_REQUEST_BODY_TIMEOUT_S="2",
    )
    srv.start()
    firehose = srv.firehose()
    firehose.create_delivery_stream(DeliveryStreamName="s")
    slow = [slow_socket(srv.port) for _ in range(20)]
    # the 21st connection of that client is answered 503 and closed at once
    extra = socket.socket()
    extra.bind((SLOW_CLIENT, 0))
    extra.connect(("127.0.0.1", srv.port))
    assert closed_by_server(extra, within=2)
    # other clients are served meanwhile
    started = time.monotonic()
    assert httpx.get(f"{srv.url}/health", timeout=5).status_code == 200
    put = firehose.put_record_batch(DeliveryStreamName="s", Records=[{"Data": b"{}\n"}])
    assert put["FailedPutCount"] == 0 and time.monotonic() - started < 2
    # the slow-headers connections are cut off after the header timeout
    assert all(closed_by_server(s, within=5) for s in slow)
    for s in [*slow, extra]:
        s.close()
    # and the client may connect again
    again = slow_socket(srv.port)
    assert not closed_by_server(again, within=0.5)
    again.close()
    # a body that trickles is refused once the body timeout passes
    body = socket.socket()
    body.settimeout(10)
    body.connect(("127.0.0.1", srv.port))
    token = srv.credential["token"]
    body.sendall(
        b"POST /v1/streams/s/records HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
        b"Authorization: Bearer " + token.encode() + b"\r\n\r\n{"
    )
    answer = read_until_closed(body)  # headers and body may come in separate segments
    body.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert b"did not arrive within 2 s" in answer
