"""`lakebox put STREAM [FILE|-]`: push NDJSON records with a progress bar."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from lakebox.cli.client import ApiClient
from lakebox.cli.output import console, err_console
from lakebox.config import Settings
from lakebox.errors import InvalidArgument

BATCH_RECORDS = 500
BATCH_BYTES = 4 * 1024 * 1024


def batches(fh: IO[bytes]) -> Iterator[tuple[list[int], bytes, int]]:
    """(file line numbers, NDJSON body, bytes read) per batch of up to 500 lines / 4 MiB."""
    lines: list[int] = []
    parts: list[bytes] = []
    size = read = 0
    for number, raw in enumerate(fh, start=1):
        read += len(raw)
        line = raw.rstrip(b"\r\n")
        if not line.strip():
            continue
        if lines and (len(lines) >= BATCH_RECORDS or size + len(line) + 1 > BATCH_BYTES):
            yield lines, b"\n".join(parts), read - len(raw)
            lines, parts, size, read = [], [], 0, len(raw)
        lines.append(number)
        parts.append(line)
        size += len(line) + 1
    if lines:
        yield lines, b"\n".join(parts), read


def put(
    stream: str,
    file: Annotated[str, typer.Argument(help="NDJSON file, or - for standard input.")] = "-",
) -> None:
    """Push NDJSON records (one JSON value per line) into a stream."""
    if file == "-":
        fh: IO[bytes] = sys.stdin.buffer
        total = None
    else:
        path = Path(file)
        if not path.is_file():
            raise InvalidArgument(f"no such file: {file}")
        fh = path.open("rb")
        total = path.stat().st_size
    client = ApiClient(Settings.load())
    client.request("GET", f"/v1/streams/{stream}")  # unknown stream: one clear line, no upload
    accepted = failed = 0
    failures: list[str] = []
    progress = Progress(
        TextColumn(f"[bold]{stream}[/bold]"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[records]} records"),
        TimeRemainingColumn(),
        console=err_console,
        transient=False,
    )
    with progress:
        task = progress.add_task("put", total=total, records=0)
        for line_numbers, body, read in batches(fh):
            result = client.request(
                "POST",
                f"/v1/streams/{stream}/records",
                content=body,
                content_type="application/x-ndjson",
            )
            accepted += result["accepted"]
            failed += result["failed"]
            for i, r in enumerate(result["records"]):
                if "error" in r:
                    msg = (
                        r["error"].split(": ", 1)[-1]
                        if r["error"].startswith("line ")
                        else r["error"]
                    )
                    failures.append(f"line {line_numbers[i]}: {msg}")
            progress.update(task, advance=read, records=accepted)
    if fh is not sys.stdin.buffer:
        fh.close()
    for f in failures[:20]:
        err_console.print(f"[red]rejected[/red] {escape(f)}", soft_wrap=True)
    if len(failures) > 20:
        err_console.print(f"... and {len(failures) - 20} more rejected")
    console.print(f"{accepted} record(s) accepted, {failed} rejected")
    if failed:
        raise typer.Exit(code=1)
