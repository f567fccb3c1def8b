"""Fixtures for real services: PostgreSQL, an S3 server on loopback (moto), a lakebox server.

A test that needs a server skips with the reason when it is absent, except when
LAKEBOX_REQUIRE_SERVICES=1 (CI), where an absent server fails the test.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from lakebox.config import Settings
from lakebox.meta.database import Database

PG_ADMIN_URL = os.environ.get(
    "LAKEBOX_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE = os.environ.get("LAKEBOX_REQUIRE_SERVICES") == "1"
ROOT = Path(__file__).resolve().parent.parent
LAKEBOX_BIN = Path(sys.executable).parent / "lakebox"


def need_service(reason: str) -> None:
    if REQUIRE:
        pytest.fail(f"{reason} (LAKEBOX_REQUIRE_SERVICES=1, so this is a failure)")
    pytest.skip(reason)


def until(check: Any, within: float = 30.0, what: str = "", every: float = 0.05) -> Any:
    """``check()``'s first truthy value, asked every ``every`` seconds for at most ``within``;
    else a failure naming ``what`` it waited for."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"not reached within {within} s: {what or check}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- PostgreSQL ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> str:
    import psycopg

    url = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        need_service(f"PostgreSQL is not reachable at {url}: {exc}")
    return url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the real server, dropped afterwards."""
    import psycopg

    name = f"lakebox_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'meta.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.migrate()
    yield database
    database.dispose()


# -- S3 (moto in server mode: a real HTTP server on loopback) ------------------------------------


@dataclass
class S3Server:
    endpoint: str
    bucket: str

    def client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )

    def store(self, name: str) -> Any:
        """An S3Store on this server, under a prefix of its own (``name`` and a random part),
        so that tests sharing the bucket never see each other's objects."""
        from lakebox.storage import S3Store

        return S3Store(
            self.bucket,
            f"{name}-{uuid.uuid4().hex[:8]}",
            endpoint_url=self.endpoint,
            access_key_id="test",
            secret_access_key="test",
        )


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    from moto.server import ThreadedMotoServer

    os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    s3 = S3Server(f"http://127.0.0.1:{port}", "lake")
    s3.client().create_bucket(Bucket=s3.bucket)
    yield s3
    server.stop()


# -- settings and a running lakebox -------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.load(home=tmp_path / "home", env={}, port=free_port())


@dataclass
class RunningServer:
    home: Path
    port: int
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def credential(self) -> dict[str, str]:
        data: dict[str, str] = json.loads((self.home / "admin-credentials.json").read_text())
        return data

    def start(self, *extra: str) -> None:
        self.log_path = self.home.parent / f"server-{time.time_ns()}.log"
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [str(LAKEBOX_BIN), "serve", *extra],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"lakebox serve exited: {self.log_path.read_text()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"lakebox serve did not start: {self.log_path.read_text()}")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cli(self, *args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [str(LAKEBOX_BIN), *args],
            env=self.env,
            input=input,
            capture_output=True,
            timeout=120,
        )

    def firehose(self, access_key_id: str | None = None, secret: str | None = None) -> Any:
        import boto3
        from botocore.config import Config

        cred = self.credential
        return boto3.client(
            "firehose",
            endpoint_url=self.url,
            region_name="us-east-1",
            aws_access_key_id=access_key_id or cred["access_key_id"],
            aws_secret_access_key=secret or cred["secret_access_key"],
            config=Config(retries={"max_attempts": 0}),
        )


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Any]:
    servers: list[RunningServer] = []

    def make(**env_extra: str) -> RunningServer:
        home = tmp_path / f"home{len(servers)}"
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LAKEBOX_", "AWS_"))}
        env.update(LAKEBOX_HOME=str(home), LAKEBOX_PORT=str(port), **env_extra)
        srv = RunningServer(home, port, env)
        servers.append(srv)
        return srv

    yield make
    for srv in servers:
        srv.stop()


@pytest.fixture
def server(server_factory: Any) -> RunningServer:
    srv: RunningServer = server_factory()
    srv.start()
    return srv
