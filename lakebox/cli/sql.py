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
                        f"{wait_s:.0f} s; it goes on in the server (lakebox queries show "
                        f"{execution['id']})"
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


def split_script(text: str, dialect: str) -> list[tuple[int, str]]:
    """The statements of a script, each with the line its first word is on, split at the
    ``;`` that end statements (not those inside strings, quoted names or comments: the
    dialect's own tokenizer tells them apart). Text that does not tokenize is one statement:
    the server's parser names the error."""
    import sqlglot
    from sqlglot.tokenizer_core import TokenType

    from lakebox.query.dialects import DIALECTS

    try:
        tokenizer = sqlglot.Dialect.get_or_raise(DIALECTS.get(dialect, "athena")).tokenizer()
        tokens = tokenizer.tokenize(text)
    except Exception:  # the server reports it, with line and column
        return [(1, text.strip())] if text.strip() else []
    statements: list[tuple[int, str]] = []
    first: Any = None
    for token in [*tokens, None]:
        if token is not None and token.token_type != TokenType.SEMICOLON:
            first = first or token
            continue
        if first is not None:  # from its first word to the ';' (or the end)
            end = token.start if token is not None else len(text)
            statements.append((first.line, text[first.start : end].strip()))
        first = None
    return statements


def sql(
    query: Annotated[
        str | None,
        typer.Argument(
            help="The SQL (Athena/Trino dialect by default): one statement, or a script of "
            "several separated by ';', run in order; none: standard input, or a SQL prompt."
        ),
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
    """Run SQL over the catalog's tables and print (or save) the results. A script of several
    statements runs them in order and stops at the first that fails; --output receives the
    last one's results. With no SQL, read it from standard input, or open an interactive
    prompt in a terminal."""
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
    if query is None:
        run(None)
        return
    statements = split_script(query, dialect)
    if not statements:
        raise InvalidArgument("no SQL given: the text holds only comments or ';'")
    if len(statements) == 1:
        run(statements[0][1])
        return
    for number, (line, text) in enumerate(statements, 1):
        last = number == len(statements)
        err_console.print(f"[dim]-- statement {number} of {len(statements)} (line {line})[/dim]")
        try:
            body: dict[str, Any] = {"dialect": dialect, "sql": text}
            if database:
                body["database"] = database
            execution, rows = run_query(client, body)
        except QueryError as exc:
            # the message's first line is the error; what follows (a caret under the place) is
            # about the statement's own text
            first, _, rest = exc.message.partition("\n")
            raise QueryError(
                f"statement {number} of {len(statements)} (line {line}) {first}; "
                f"{len(statements) - number} statement(s) after it were not run"
                + (f"\n{rest}" if rest else "")
            ) from None
        emit(client, execution, rows, format, output if last else None)


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


queries = typer.Typer(help="Query history (history, show, cancel) and saved queries.")


def _execution_row(q: dict[str, Any]) -> list[Any]:
    return [
        q["id"],
        q["state"],
        q["submitted_by"],
        q["submitted_at"][:19].replace("T", " "),
        "" if q["engine_ms"] is None else f"{q['engine_ms']:.0f} ms",
        "" if q["rows"] is None else q["rows"],
        " ".join(q["sql"].split())[:60],
    ]


@queries.command("history")
def queries_history(
    all: Annotated[
        bool, typer.Option("--all", help="Everyone's queries (for roles that may see them).")
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 50,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Your latest query executions, newest first (with --all, everyone's)."""
    if limit < 1:
        raise InvalidArgument("--limit must be at least 1")
    path = "/v1/queries" + ("?all=true" if all else "")
    found = ApiClient(Settings.load()).request("GET", path)["queries"][:limit]
    if json:
        sys.stdout.write(orjson.dumps(found, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    print_table(
        "query history",
        ["id", "state", "by", "submitted (UTC)", "engine", "rows", "sql"],
        [_execution_row(q) for q in found],
    )


@queries.command("show")
def queries_show(
    query_id: Annotated[str, typer.Argument(help="The execution's id.")],
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One execution: its state (and why), times, rows, columns and SQL."""
    q = ApiClient(Settings.load()).request("GET", f"/v1/queries/{query_id}")
    if json:
        sys.stdout.write(orjson.dumps(q, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    fields = [
        ("id", q["id"]),
        ("state", q["state"] + (f": {q['error']}" if q["error"] else "")),
        ("submitted by", q["submitted_by"]),
        ("submitted", q["submitted_at"]),
        ("started", q["started_at"] or ""),
        ("completed", q["completed_at"] or ""),
        ("engine time", "" if q["engine_ms"] is None else f"{q['engine_ms']:.0f} ms"),
        ("rows", "" if q["rows"] is None else q["rows"]),
        ("bytes scanned", "" if q["bytes_scanned"] is None else q["bytes_scanned"]),
        ("columns", ", ".join(f"{c['name']} {c['type']}" for c in q["columns"] or [])),
        ("sql", q["sql"]),
    ]
    print_table(f"query {q['id']}", ["field", "value"], [list(f) for f in fields])


@queries.command("cancel")
def queries_cancel(query_id: Annotated[str, typer.Argument(help="The execution's id.")]) -> None:
    """Cancel a query: a queued one at once, a running one within a second."""
    q = ApiClient(Settings.load()).request("POST", f"/v1/queries/{query_id}/cancel")
    if q["state"] in ("QUEUED", "RUNNING"):
        console.print(f"asked query {q['id']} to stop (it is {q['state'].lower()})")
    elif q["state"] == "CANCELLED":
        console.print(f"cancelled query {q['id']}")
    else:
        console.print(f"query {q['id']} had already ended: {q['state']}")


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
