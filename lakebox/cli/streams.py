"""`lakebox streams ...`: create, list, describe, delete, flush delivery streams."""

from __future__ import annotations

from typing import Annotated

import typer

from lakebox.cli.client import ApiClient
from lakebox.cli.output import console, print_json, print_table
from lakebox.config import Settings

app = typer.Typer(help="Delivery streams (Firehose): where producers push records.")


def _client() -> ApiClient:
    return ApiClient(Settings.load())


@app.command("create")
def create(
    name: str,
    prefix: Annotated[
        str | None, typer.Option(help="Object prefix with !{...} expressions.")
    ] = None,
    error_prefix: Annotated[
        str | None, typer.Option(help="Prefix for records that cannot be delivered.")
    ] = None,
    buffer_mib: Annotated[int, typer.Option(help="Deliver when this many MiB (1-128).")] = 5,
    interval: Annotated[int, typer.Option(help="...or after this many seconds (0-900).")] = 60,
    gzip: Annotated[bool, typer.Option("--gzip", help="Compress delivered objects.")] = False,
    partition_key: Annotated[
        list[str] | None,
        typer.Option(help="JSON field to partition by (dynamic partitioning); repeatable."),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a stream delivering NDJSON to raw/NAME/yyyy/MM/dd/HH/ (newline delimiter on)."""
    body: dict[str, object] = {
        "name": name,
        "buffer_size_mib": buffer_mib,
        "buffer_interval_s": interval,
        "compression": "GZIP" if gzip else "UNCOMPRESSED",
        "partition_keys": partition_key or [],
    }
    if prefix is not None:
        body["prefix"] = prefix
    if error_prefix is not None:
        body["error_output_prefix"] = error_prefix
    stream = _client().request("POST", "/v1/streams", json=body)
    if json:
        print_json(stream)
    else:
        console.print(f"created stream [bold]{name}[/bold] → {stream['prefix']}")


@app.command("list")
def list_(json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List delivery streams."""
    streams = _client().request("GET", "/v1/streams")["streams"]
    if json:
        print_json(streams)
        return
    print_table(
        "delivery streams",
        ["name", "status", "prefix", "buffer", "delivered", "failed", "buffered bytes"],
        [
            [
                s["name"],
                s["status"],
                s["prefix"],
                f"{s['buffer_size_mib']} MiB / {s['buffer_interval_s']} s",
                s["delivery"]["records_delivered"],
                s["delivery"]["records_failed"],
                s["buffered_bytes"],
            ]
            for s in streams
        ],
    )


@app.command("describe")
def describe(
    name: str, json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> None:
    """Show a stream's settings and delivery counters."""
    stream = _client().request("GET", f"/v1/streams/{name}")
    if json:
        print_json(stream)
        return
    rows = [[k, v] for k, v in stream.items() if k != "delivery"]
    rows += [[f"delivery.{k}", v] for k, v in stream["delivery"].items()]
    print_table(f"stream {name}", ["setting", "value"], rows)


@app.command("delete")
def delete(name: str) -> None:
    """Deliver what the stream has buffered, then delete it."""
    _client().request("DELETE", f"/v1/streams/{name}")
    console.print(f"deleted stream [bold]{name}[/bold]")


@app.command("flush")
def flush(
    name: str, json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> None:
    """Deliver the stream's buffered records now and wait until they are in the lake."""
    with console.status(f"delivering {name}..."):
        result = _client().request("POST", f"/v1/streams/{name}/flush")
    if json:
        print_json(result)
    else:
        console.print(
            f"flushed [bold]{name}[/bold]: {result['objects_written_by_flush']} object(s) written"
        )
