"""How CLI commands talk to a running server: ``LAKEBOX_URL`` and the home's admin credential."""

from __future__ import annotations

import os
from typing import Any

import httpx
import orjson

from lakebox.auth.admin import read_admin_credential
from lakebox.config import Settings
from lakebox.errors import LakeboxError, ServiceUnavailable


class ServerError(LakeboxError):
    """The server answered with an error; its message is shown as it is."""


class ApiClient:
    def __init__(self, settings: Settings, timeout: float = 120.0) -> None:
        self.url = settings.url.rstrip("/")
        # Not LAKEBOX_TOKEN: `keys create` prints that one for producers (curl), and exporting
        # it must not take the CLI's admin rights away.
        token = (
            os.environ.get("LAKEBOX_CLI_TOKEN")
            or read_admin_credential(settings.admin_credential_file)["token"]
        )
        self._http = httpx.Client(
            base_url=self.url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        content_type: str = "application/json",
    ) -> Any:
        body = orjson.dumps(json) if json is not None else content
        resp = self._send(method, path, body, content_type)
        try:
            data = orjson.loads(resp.content) if resp.content else {}
        except orjson.JSONDecodeError:
            data = {"error": resp.text[:200]}
        if resp.status_code >= 400:
            err = ServerError(str(data.get("error") or data.get("message") or resp.reason_phrase))
            err.status = resp.status_code
            raise err
        return data

    def download(self, path: str) -> bytes:
        """A GET whose answer is a file (CSV, Parquet), not JSON."""
        resp = self._send("GET", path, None, "application/json")
        if resp.status_code >= 400:
            try:
                message = str(orjson.loads(resp.content).get("error"))
            except (orjson.JSONDecodeError, AttributeError):
                message = resp.text[:200] or resp.reason_phrase
            err = ServerError(message)
            err.status = resp.status_code
            raise err
        content: bytes = resp.content
        return content

    def _send(
        self, method: str, path: str, body: bytes | None, content_type: str
    ) -> httpx.Response:
        try:
            return self._http.request(
                method, path, content=body, headers={"Content-Type": content_type}
            )
        except httpx.ConnectError:
            raise ServiceUnavailable(
                f"cannot reach lakebox at {self.url}: is `lakebox serve` running? "
                "(set LAKEBOX_URL or LAKEBOX_PORT to point elsewhere)"
            ) from None
        except httpx.HTTPError as exc:
            raise ServiceUnavailable(f"request to {self.url}{path} failed: {exc}") from None

    def close(self) -> None:
        self._http.close()
