"""`lakebox keys ...`: access keys for producers (SigV4) and scripts (bearer token)."""

from __future__ import annotations

from typing import Annotated

import typer

from lakebox.cli.client import ApiClient
from lakebox.cli.output import console, print_json, print_table
from lakebox.config import Settings

app = typer.Typer(help="Access keys: AWS-style key pairs that also work as bearer tokens.")


@app.command("create")
def create(
    name: str,
    role: Annotated[
        str,
        typer.Option(
            help="producer (push records, describe streams), analyst (read tables, run and "
            "save queries), engineer (also CTAS, INSERT, views, crawlers) or admin (also "
            "keys, streams, drops). docs/auth.md has the whole table."
        ),
    ] = "producer",
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a key; prints it once, in a form a shell can `eval` or `export`."""
    key = ApiClient(Settings.load()).request("POST", "/v1/keys", json={"name": name, "role": role})
    if json:
        print_json(key)
        return
    print(f"AWS_ACCESS_KEY_ID={key['access_key_id']}")
    print(f"AWS_SECRET_ACCESS_KEY={key['secret_access_key']}")
    print(f"LAKEBOX_TOKEN={key['token']}")


@app.command("list")
def list_(
    revoked: Annotated[bool, typer.Option("--revoked", help="Include revoked keys.")] = False,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List access keys (never their secrets)."""
    path = "/v1/keys?revoked=1" if revoked else "/v1/keys"
    keys = ApiClient(Settings.load()).request("GET", path)["keys"]
    if json:
        print_json(keys)
        return
    print_table(
        "access keys",
        ["access key id", "name", "role", "created", "revoked"],
        [
            [k["access_key_id"], k["name"], k["role"], k["created_at"], k["revoked_at"]]
            for k in keys
        ],
    )


@app.command("revoke")
def revoke(key: Annotated[str, typer.Argument(help="Access key id, or a name.")]) -> None:
    """Revoke a key by id, or every active key with that name."""
    result = ApiClient(Settings.load()).request("DELETE", f"/v1/keys/{key}")
    for k in result["revoked"]:
        console.print(f"revoked {k['access_key_id']} ({k['name']})")
