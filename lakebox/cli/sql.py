"""`lakebox sql "SELECT ..."`: run a query, wait, print or save its results."""

from __future__ import annotations

import csv
import io
import sys
import time
from typing import Annotated, Any

import orjson
import typer

from lakebox.cli.client import ApiClient
from lakebox.cli.output import console, err_console, print_table
from lakebox.config import Settings
from lakebox.errors import InvalidArgument, LakeboxError


class QueryError(LakeboxError):
    """The query failed or was cancelled; the message is the engine's."""


# Longer than any query may run on the server (query_timeout_s ends it there): the CLI gives
# up only if the server stops answering for the query at all.
WAIT_S = 3600.0


def run_query(
    client: ApiClient, body: dict[str, Any], wait_s: float = WAIT_S
) -> tuple[dict[str, Any], list[list[Any]]]:
    """Start a query, wait for it (Ctrl-C cancels it on the server), fetch every page."""
    execution = client.request("POST", "/v1/queries", json=body)
    deadline = time.monotonic() + wait_s
    try:
        with err_console.status("query queued...") as status:
            while execution["state"] in ("QUEUED", "RUNNING"):
                if time.monotonic() > deadline:
                    raise QueryError(
                        f"query {execution['id']} is still {execution['state']} after "
                        f"{wait_s:.0f} s; it goes on in the server (lakebox queries list)"
                    )
                status.update(f"query {execution['state'].lower()}...")
                time.sleep(0.05)
                execution = client.request("GET", f"/v1/queries/{execution['id']}")
    except KeyboardInterrupt:
        client.request("POST", f"/v1/queries/{execution['id']}/cancel")
        raise
    if execution["state"] != "SUCCEEDED":
        raise QueryError(f"query {execution['state'].lower()}: {execution['error']}")
    rows: list[list[Any]] = []
    page: int | None = 1
    while page is not None:
        result = client.request("GET", f"/v1/queries/{execution['id']}/results?page={page}")
        rows.extend(result["rows"])
        page = result["next_page"]
    return execution, rows


FORMATS = ("table", "csv", "json", "parquet")


def sql(
    query: Annotated[
        str | None,
        typer.Argument(help="The SQL (Athena/Trino dialect by default); none: a SQL prompt."),
    ] = None,
    saved: Annotated[str | None, typer.Option(help="Run this saved query instead.")] = None,
    database: Annotated[
        str | None, typer.Option(help="Database for table names without one.")
    ] = None,
    dialect: Annotated[
        str, typer.Option(help="athena, trino, presto, spark, oracle or duckdb.")
    ] = "athena",
    format: Annotated[
        str, typer.Option("--format", help="table, csv, json (lines) or parquet.")
    ] = "table",
    output: Annotated[str | None, typer.Option(help="Write the results to this file.")] = None,
) -> None:
    """Run a SQL query over the catalog's tables and print (or save) the results. With no
    query, read one from standard input, or open an interactive prompt in a terminal."""
    if format not in FORMATS:
        raise InvalidArgument(f"--format {format!r}; use {', '.join(FORMATS)}")
    if query is not None and saved is not None:
        raise InvalidArgument("give the SQL, or --saved NAME (one of the two)")
    if format == "parquet" and output is None and sys.stdout.isatty():
        raise InvalidArgument("--format parquet writes a binary file: add --output FILE")
    settings = Settings.load()
    client = ApiClient(settings)

    def run(text: str | None) -> None:
        body: dict[str, Any] = {"dialect": dialect}
        if text is None:
            body["saved_query"] = saved
        else:
            body["sql"] = text
            if database:
                body["database"] = database
        execution, rows = run_query(client, body)
        emit(client, execution, rows, format, output)

    if query is None and saved is None:
        if sys.stdin.isatty():
            from lakebox.cli.prompt import prompt_loop

            prompt_loop(settings.home / "sql_history", run)
            return
        query = sys.stdin.read()
        if not query.strip():
            raise InvalidArgument("no SQL given: pass it as an argument or on standard input")
    run(query)


def emit(
    client: ApiClient,
    execution: dict[str, Any],
    rows: list[list[Any]],
    format: str,
    output: str | None,
) -> None:
    """Print or save one query's results in the format asked for."""
    names = [c["name"] for c in execution["columns"] or []]
    if format == "table" and output is None:
        print_table("", names, rows)
        console.print(
            f"{len(rows)} row(s) in {execution['engine_ms']:.0f} ms, "
            f"{execution['bytes_scanned']} bytes scanned"
        )
        return
    if format == "parquet":  # the server's own result file, column types and all
        data = client.download(f"/v1/queries/{execution['id']}/results?format=parquet")
        if output is None:
            sys.stdout.buffer.write(data)
        else:
            with open(output, "wb") as fh:
                fh.write(data)
            err_console.print(f"wrote {len(rows)} row(s) to {output}")
        return
    text = io.StringIO()
    if format in ("csv", "table"):
        writer = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow(
                [
                    ""
                    if v is None
                    else orjson.dumps(v).decode()
                    if isinstance(v, list | dict)
                    else v
                    for v in row
                ]
            )
    else:
        for row in rows:
            text.write(
                orjson.dumps(dict(zip(names, row, strict=True)), default=str).decode() + "\n"
            )
    if output is None:
        sys.stdout.write(text.getvalue())
    else:
        with open(output, "w") as fh:
            fh.write(text.getvalue())
        err_console.print(f"wrote {len(rows)} row(s) to {output}")


queries = typer.Typer(help="Saved (named) queries.")


@queries.command("save")
def queries_save(
    name: str,
    query: Annotated[str, typer.Argument(help="The SQL.")],
    database: Annotated[str, typer.Option(help="Database for table names without one.")] = "",
    description: str = "",
) -> None:
    """Save a query under a name (`lakebox sql --saved NAME` runs it)."""
    ApiClient(Settings.load()).request(
        "POST",
        "/v1/saved-queries",
        json={"name": name, "sql": query, "database": database, "description": description},
    )
    console.print(f"saved query [bold]{name}[/bold]")


@queries.command("list")
def queries_list(json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List saved queries."""
    found = ApiClient(Settings.load()).request("GET", "/v1/saved-queries")["saved_queries"]
    if json:
        sys.stdout.write(orjson.dumps(found, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    print_table(
        "saved queries",
        ["name", "database", "description", "sql"],
        [[q["name"], q["database"], q["description"], q["sql"]] for q in found],
    )


@queries.command("delete")
def queries_delete(name: str) -> None:
    """Delete a saved query."""
    ApiClient(Settings.load()).request("DELETE", f"/v1/saved-queries/{name}")
    console.print(f"deleted saved query [bold]{name}[/bold]")
