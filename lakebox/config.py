"""Settings, declared once each, resolved from ``lakebox.toml``, then ``LAKEBOX_*``, then arguments.

``LAKEBOX_HOME`` itself comes from the environment (or an argument) only, because
``lakebox.toml`` lives inside the home. Nothing here is read at import time.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lakebox.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    kind: type
    default: Callable[[dict[str, Any]], Any]
    help: str

    @property
    def env(self) -> str:
        return "LAKEBOX_" + self.name.upper()


def _const(value: Any) -> Callable[[dict[str, Any]], Any]:
    return lambda _resolved: value


# Order matters: a default may use settings resolved before it.
SETTINGS: tuple[Setting, ...] = (
    Setting("port", int, _const(8765), "TCP port of `lakebox serve` (on 127.0.0.1)."),
    Setting("host", str, _const("127.0.0.1"), "Address `lakebox serve` listens on."),
    Setting(
        "storage",
        str,
        lambda r: f"file://{Path(r['home']) / 'data'}",
        "Where the lake's objects live: `file:///path` or `s3://bucket/prefix`.",
    ),
    Setting(
        "database_url",
        str,
        lambda r: f"sqlite:///{Path(r['home']) / 'lakebox.db'}",
        "Metadata database (SQLAlchemy URL): SQLite in the home, or `postgresql+psycopg://...`.",
    ),
    Setting("s3_endpoint_url", str, _const(""), "Endpoint of an S3-compatible store (MinIO...)."),
    Setting("s3_region", str, _const("us-east-1"), "Region used to sign S3 requests."),
    Setting("s3_access_key_id", str, _const(""), "Access key for the S3 store (else boto3's)."),
    Setting("s3_secret_access_key", str, _const(""), "Secret key for the S3 store."),
    Setting(
        "url",
        str,
        lambda r: f"http://127.0.0.1:{r['port']}",
        "Where CLI commands find the running server.",
    ),
    Setting("query_timeout_s", float, _const(600.0), "A query running longer is stopped."),
    Setting("query_concurrency", int, _const(2), "Queries run at once; others wait QUEUED."),
    Setting(
        "query_limit_per_key",
        int,
        _const(10),
        "Queries one access key may have queued or running at once; more are refused.",
    ),
    Setting(
        "query_bytes_scanned_cutoff",
        int,
        _const(0),
        "A query that would scan more bytes fails before it runs (Athena's "
        "BytesScannedCutoffPerQuery); 0: no limit.",
    ),
    Setting(
        "query_memory_limit",
        str,
        _const("2GB"),
        "DuckDB memory of each running query (its engine process may map twice this plus "
        "1 GiB); larger work spills to $LAKEBOX_HOME/spill.",
    ),
    Setting(
        "query_result_max_bytes",
        int,
        _const(256 * 1024 * 1024),
        "A query whose result (or rows to write) is larger fails (FAILED naming the limit); "
        "0: no limit.",
    ),
    Setting(
        "crawl_concurrency",
        int,
        _const(1),
        "Crawls this server runs at once (one at a time per crawler, whatever the setting).",
    ),
    Setting(
        "crawl_timeout_s",
        float,
        _const(3600.0),
        "A crawl running longer is stopped (FAILED); crawling again goes on where it stopped.",
    ),
    Setting(
        "run_lease_s",
        float,
        _const(30.0),
        "A running query or crawl whose server stops renewing its lease for this long (the "
        "process died) is recovered by another server: failed, or queued again for crawls.",
    ),
    Setting(
        "max_connections",
        int,
        _const(1000),
        "Open HTTP connections the server accepts in all; more are answered 503 and closed.",
    ),
    Setting(
        "max_connections_per_client",
        int,
        _const(200),
        "Open HTTP connections one client address may hold; more are answered 503 and closed.",
    ),
    Setting(
        "request_header_timeout_s",
        float,
        _const(10.0),
        "A request whose headers have not all arrived this long after it began is cut off.",
    ),
    Setting(
        "request_body_timeout_s",
        float,
        _const(60.0),
        "A request whose body has not all arrived this long after its headers is refused.",
    ),
    Setting(
        "max_request_bytes",
        int,
        _const(8 * 1024 * 1024),
        "Largest HTTP request body the server reads; larger ones are refused.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    home: Path
    port: int
    host: str
    storage: str
    database_url: str
    s3_endpoint_url: str
    s3_region: str
    s3_access_key_id: str
    s3_secret_access_key: str
    url: str
    query_timeout_s: float
    query_concurrency: int
    query_limit_per_key: int
    query_bytes_scanned_cutoff: int
    query_memory_limit: str
    query_result_max_bytes: int
    crawl_concurrency: int
    crawl_timeout_s: float
    run_lease_s: float
    max_connections: int
    max_connections_per_client: int
    request_header_timeout_s: float
    request_body_timeout_s: float
    max_request_bytes: int

    @property
    def wal_dir(self) -> Path:
        return self.home / "wal"

    @property
    def admin_credential_file(self) -> Path:
        return self.home / "admin-credentials.json"

    @property
    def secret_key_file(self) -> Path:
        return self.home / "secret.key"

    @classmethod
    def load(
        cls,
        home: str | Path | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Resolve every setting; an error names the setting and where its value came from."""
        env = os.environ if env is None else env
        home_path = Path(home or env.get("LAKEBOX_HOME") or "./lake-home").expanduser().resolve()
        file_values: dict[str, Any] = {}
        toml_path = home_path / "lakebox.toml"
        if toml_path.exists():
            try:
                file_values = tomllib.loads(toml_path.read_text())
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{toml_path} is not valid TOML: {exc}") from exc
            unknown = sorted(set(file_values) - set(_BY_NAME))
            if unknown:
                raise ConfigError(
                    f"{toml_path}: unknown setting(s) {', '.join(unknown)}; "
                    f"known: {', '.join(_BY_NAME)}"
                )
        for name in overrides:
            if name not in _BY_NAME:
                raise ConfigError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}")

        resolved: dict[str, Any] = {"home": str(home_path)}
        for setting in SETTINGS:
            if overrides.get(setting.name) is not None:
                raw, origin = overrides[setting.name], "argument"
            elif setting.env in env:
                raw, origin = env[setting.env], f"environment variable {setting.env}"
            elif setting.name in file_values:
                raw, origin = file_values[setting.name], f"{toml_path}"
            else:
                resolved[setting.name] = setting.default(resolved)
                continue
            resolved[setting.name] = _coerce(setting, raw, origin)
        resolved["home"] = home_path
        return cls(**resolved)


def _coerce(setting: Setting, raw: Any, origin: str) -> Any:
    try:
        return setting.kind(raw)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {setting.name} from {origin} must be {setting.kind.__name__}, got {raw!r}"
        ) from None


def describe_settings() -> list[tuple[str, str, str]]:
    """(toml name, environment variable, help) for every setting, for docs and `--help`."""
    return [(s.name, s.env, s.help) for s in SETTINGS]
