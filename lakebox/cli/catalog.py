"""`lakebox databases|tables|crawlers ...`: the catalog and the crawlers that fill it."""

from __future__ import annotations

import time
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from lakebox.cli.client import ApiClient
from lakebox.cli.output import console, err_console, print_json, print_table
from lakebox.config import Settings
from lakebox.errors import InvalidArgument, LakeboxError

databases = typer.Typer(help="Catalog databases.")
tables = typer.Typer(help="Catalog tables: columns, partitions, schema history.")
crawlers = typer.Typer(help="Crawlers (Glue): keep tables following the data in the lake.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _client() -> ApiClient:
    return ApiClient(Settings.load())


def _split(qualified: str) -> tuple[str, str]:
    db, sep, table = qualified.partition(".")
    if not sep or not db or not table:
        raise InvalidArgument(f"name tables as DATABASE.TABLE, got {qualified!r}")
    return db, table


@databases.command("list")
def databases_list(json: JsonOpt = False) -> None:
    """List databases."""
    dbs = _client().request("GET", "/v1/databases")["databases"]
    if json:
        print_json(dbs)
    else:
        print_table(
            "databases",
            ["name", "description", "created"],
            [[d["name"], d["description"], d["created_at"]] for d in dbs],
        )


@databases.command("create")
def databases_create(name: str, description: str = "") -> None:
    """Create a database."""
    _client().request("POST", "/v1/databases", json={"name": name, "description": description})
    console.print(f"created database [bold]{name}[/bold]")


@tables.command("list")
def tables_list(database: str, json: JsonOpt = False) -> None:
    """List the tables of a database."""
    found = _client().request("GET", f"/v1/databases/{database}/tables")["tables"]
    if json:
        print_json(found)
        return
    print_table(
        f"tables in {database}",
        ["name", "format", "location", "columns", "partition keys", "objects", "status"],
        [
            [
                t["name"],
                t["format"] + ("" if t["compression"] == "none" else f" ({t['compression']})"),
                t["location"],
                len(t["columns"]),
                ", ".join(k["name"] for k in t["partition_keys"]),
                t["properties"].get("object_count"),
                t["status"],
            ]
            for t in found
        ],
    )


@tables.command("show")
def tables_show(
    table: Annotated[str, typer.Argument(help="DATABASE.TABLE")], json: JsonOpt = False
) -> None:
    """Columns, partition keys, partitions and properties of a table."""
    db, name = _split(table)
    detail = _client().request("GET", f"/v1/databases/{db}/tables/{name}")
    if json:
        print_json(detail)
        return
    console.print(
        f"[bold]{db}.{name}[/bold]  {detail['format']} at {escape(detail['location'])}, "
        f"schema version {detail['schema_version']}, {detail['status']}"
    )
    print_table("columns", ["name", "type"], [[c["name"], c["type"]] for c in detail["columns"]])
    if detail["partition_keys"]:
        print_table(
            f"partitions ({len(detail['partitions'])})",
            [k["name"] for k in detail["partition_keys"]] + ["objects", "bytes"],
            [p["values"] + [p["object_count"], p["bytes"]] for p in detail["partitions"][-20:]],
        )
    print_table(
        "properties", ["property", "value"], [[k, v] for k, v in detail["properties"].items()]
    )


@tables.command("history")
def tables_history(
    table: Annotated[str, typer.Argument(help="DATABASE.TABLE")], json: JsonOpt = False
) -> None:
    """Every schema version of a table and what changed."""
    db, name = _split(table)
    versions = _client().request("GET", f"/v1/databases/{db}/tables/{name}/history")["versions"]
    if json:
        print_json(versions)
        return
    print_table(
        f"schema history of {db}.{name}",
        ["version", "when", "by", "changes"],
        [
            [
                v["version"],
                v["created_at"],
                v["source"],
                "\n".join(c["description"] for c in v["changes"]),
            ]
            for v in versions
        ],
    )


@tables.command("partitions")
def tables_partitions(
    table: Annotated[str, typer.Argument(help="DATABASE.TABLE")], json: JsonOpt = False
) -> None:
    """The partitions of a table."""
    db, name = _split(table)
    parts = _client().request("GET", f"/v1/databases/{db}/tables/{name}/partitions")["partitions"]
    if json:
        print_json(parts)
        return
    print_table(
        f"partitions of {db}.{name}",
        ["values", "location", "objects", "bytes"],
        [["/".join(p["values"]), p["location"], p["object_count"], p["bytes"]] for p in parts],
    )


def _column_specs(specs: list[str], option: str) -> list[dict[str, str]]:
    out = []
    for spec in specs:
        name, sep, type_ = spec.partition(":")
        if not sep or not name or not type_:
            raise InvalidArgument(f"{option} takes NAME:TYPE (e.g. total:double), got {spec!r}")
        out.append({"name": name, "type": type_})
    return out


@tables.command("create")
def tables_create(
    table: Annotated[str, typer.Argument(help="DATABASE.TABLE")],
    column: Annotated[list[str], typer.Option(help="NAME:TYPE, e.g. id:bigint; repeatable.")],
    partition_by: Annotated[
        list[str] | None, typer.Option(help="Column to partition by (identity); repeatable.")
    ] = None,
    json: JsonOpt = False,
) -> None:
    """Create a curated Apache Iceberg table."""
    db, name = _split(table)
    created = _client().request(
        "POST",
        f"/v1/databases/{db}/tables",
        json={
            "name": name,
            "format": "iceberg",
            "columns": _column_specs(column, "--column"),
            "partition_by": partition_by or [],
        },
    )
    if json:
        print_json(created)
    else:
        console.print(f"created Iceberg table [bold]{db}.{name}[/bold] at {created['location']}")


@tables.command("evolve")
def tables_evolve(
    table: Annotated[str, typer.Argument(help="DATABASE.TABLE")],
    add_column: Annotated[
        list[str] | None, typer.Option(help="NAME:TYPE to add; repeatable.")
    ] = None,
    widen: Annotated[
        list[str] | None, typer.Option(help="NAME:TYPE to widen to (int->bigint, float->double).")
    ] = None,
) -> None:
    """Change an Iceberg table's schema: add columns, widen types (one atomic commit)."""
    db, name = _split(table)
    result = _client().request(
        "POST",
        f"/v1/databases/{db}/tables/{name}/schema",
        json={
            "add_columns": _column_specs(add_column or [], "--add-column"),
            "widen": _column_specs(widen or [], "--widen"),
        },
    )
    console.print(f"{db}.{name} is at schema version {result['schema_version']}")


@tables.command("snapshots")
def tables_snapshots(
    table: Annotated[str, typer.Argument(help="DATABASE.TABLE")], json: JsonOpt = False
) -> None:
    """The snapshots of an Iceberg table (every commit), the current one marked."""
    db, name = _split(table)
    snaps = _client().request("GET", f"/v1/databases/{db}/tables/{name}/snapshots")["snapshots"]
    if json:
        print_json(snaps)
        return
    print_table(
        f"snapshots of {db}.{name}",
        ["snapshot id", "committed", "operation", "records added", "current"],
        [
            [
                s["snapshot_id"],
                s["committed_at"],
                s["operation"],
                s["summary"].get("added-records", ""),
                "*" if s["current"] else "",
            ]
            for s in snaps
        ],
    )


@tables.command("rollback")
def tables_rollback(
    table: Annotated[str, typer.Argument(help="DATABASE.TABLE")],
    snapshot_id: Annotated[int, typer.Argument(help="Snapshot to make current again.")],
) -> None:
    """Roll an Iceberg table back to an earlier snapshot (later snapshots stay listable)."""
    db, name = _split(table)
    _client().request(
        "POST", f"/v1/databases/{db}/tables/{name}/rollback", json={"snapshot_id": snapshot_id}
    )
    console.print(f"{db}.{name} is back at snapshot {snapshot_id}")


@crawlers.command("create")
def crawlers_create(
    name: str,
    prefix: Annotated[list[str], typer.Option(help="Storage prefix to crawl; repeatable.")],
    database: Annotated[str, typer.Option(help="Database the tables go into.")],
    table_prefix: Annotated[str, typer.Option(help="Prepended to every table name.")] = "",
    schedule: Annotated[str, typer.Option(help="Cron expression (UTC) for full crawls.")] = "",
    events: Annotated[
        bool, typer.Option("--events", help="Crawl new objects as they arrive.")
    ] = False,
    update_behavior: Annotated[
        str, typer.Option(help="UPDATE_IN_DATABASE or LOG.")
    ] = "UPDATE_IN_DATABASE",
    delete_behavior: Annotated[
        str, typer.Option(help="DEPRECATE_IN_DATABASE, DELETE_FROM_DATABASE or LOG.")
    ] = "DEPRECATE_IN_DATABASE",
    sample_kib: Annotated[
        int, typer.Option(help="KiB read from the start of each JSON/CSV object.")
    ] = 64,
    json: JsonOpt = False,
) -> None:
    """Create a crawler."""
    created = _client().request(
        "POST",
        "/v1/crawlers",
        json={
            "name": name,
            "prefixes": prefix,
            "database": database,
            "table_prefix": table_prefix,
            "schedule": schedule,
            "events": events,
            "update_behavior": update_behavior,
            "delete_behavior": delete_behavior,
            "sample_bytes": sample_kib * 1024,
        },
    )
    if json:
        print_json(created)
    else:
        console.print(f"created crawler [bold]{name}[/bold] over {', '.join(prefix)} → {database}")


@crawlers.command("list")
def crawlers_list(json: JsonOpt = False) -> None:
    """List crawlers with their last run."""
    found = _client().request("GET", "/v1/crawlers")["crawlers"]
    if json:
        print_json(found)
        return
    print_table(
        "crawlers",
        ["name", "prefixes", "database", "schedule", "events", "last run"],
        [
            [
                c["name"],
                ", ".join(c["prefixes"]),
                c["database"],
                c["schedule"],
                "yes" if c["events"] else "no",
                f"{c['last_run']['state']} {c['last_run']['started_at']}"
                if c["last_run"]
                else "never",
            ]
            for c in found
        ],
    )


@crawlers.command("show")
def crawlers_show(name: str, json: JsonOpt = False) -> None:
    """A crawler's settings and its recent runs."""
    client = _client()
    crawler = client.request("GET", f"/v1/crawlers/{name}")
    runs = client.request("GET", f"/v1/crawlers/{name}/runs")["runs"]
    if json:
        print_json({**crawler, "runs": runs})
        return
    print_table(
        f"crawler {name}",
        ["setting", "value"],
        [[k, v] for k, v in crawler.items() if k != "last_run"],
    )
    print_table(
        "runs",
        ["id", "mode", "state", "started", "tables created/updated", "skipped"],
        [
            [
                r["id"],
                r["mode"],
                r["state"],
                r["started_at"],
                f"{len(r['report']['tables_created'])}/{len(r['report']['tables_updated'])}",
                len(r["report"]["objects_skipped"]),
            ]
            for r in runs
        ],
    )


@crawlers.command("delete")
def crawlers_delete(name: str) -> None:
    """Delete a crawler (its tables stay)."""
    _client().request("DELETE", f"/v1/crawlers/{name}")
    console.print(f"deleted crawler [bold]{name}[/bold]")


@crawlers.command("cancel")
def crawlers_cancel(run_id: Annotated[str, typer.Argument(help="The crawl run's id.")]) -> None:
    """Cancel a crawl run: a queued one ends now, a running one at its next object."""
    run = _client().request("POST", f"/v1/crawl-runs/{run_id}/cancel")
    console.print(f"crawl run {escape(run['id'])} of {escape(run['crawler'])}: {run['state']}")


@crawlers.command("run")
def crawlers_run(
    name: str,
    events: Annotated[
        bool, typer.Option("--events", help="Only objects that arrived since the last crawl.")
    ] = False,
    json: JsonOpt = False,
    wait: Annotated[
        float, typer.Option(help="Give up waiting after this many seconds (the crawl goes on).")
    ] = 3600.0,
) -> None:
    """Crawl now, wait with a progress bar, and print the crawl report."""
    client = _client()
    run = client.request(
        "POST", f"/v1/crawlers/{name}/runs", json={"mode": "events" if events else "full"}
    )
    deadline = time.monotonic() + wait
    progress = Progress(
        TextColumn(f"[bold]{escape(name)}[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("objects"),
        TimeElapsedColumn(),
        console=err_console,
    )
    with progress:
        task = progress.add_task("crawl", total=None)
        while run["state"] in ("QUEUED", "RUNNING"):
            if time.monotonic() > deadline:
                raise LakeboxError(
                    f"crawl run {run['id']} of crawler {name} is still {run['state']} after "
                    f"{wait:.0f} s; it goes on in the server (lakebox crawlers runs {name})"
                )
            time.sleep(0.2)
            run = client.request("GET", f"/v1/crawl-runs/{run['id']}")
            if run["progress"]:
                progress.update(
                    task, completed=run["progress"]["done"], total=run["progress"]["total"]
                )
        report = run["report"]
        progress.update(task, completed=report["objects_seen"], total=report["objects_seen"])
    if json:
        print_json(run)
    else:
        print_report(report)
    if run["state"] != "SUCCEEDED":
        raise typer.Exit(code=1)


def print_report(report: dict[str, Any]) -> None:
    if report.get("error"):
        err_console.print(f"[red]crawl failed:[/red] {escape(report['error'])}", soft_wrap=True)
    console.print(
        f"{report['objects_read']} of {report['objects_seen']} object(s) read; "
        f"{len(report['tables_created'])} table(s) created, "
        f"{len(report['tables_updated'])} updated, "
        f"{report['partitions_added']} partition(s) added"
    )
    for t in report["tables_created"]:
        console.print(f"  created {t}")
    for change in report["schema_changes"]:
        state = "" if change["applied"] else " (logged, not applied)"
        console.print(f"  {change['table']}: {escape(change['change'])}{state}")
    for t in report["tables_deprecated"]:
        console.print(f"  deprecated {t} (its data is gone)")
    for t in report["tables_deleted"]:
        console.print(f"  deleted {t} (its data is gone)")
    for note in report["notes"]:
        console.print(f"  note: {escape(note)}", soft_wrap=True)
    for s in report["objects_skipped"]:
        err_console.print(
            f"  [yellow]skipped[/yellow] {escape(s['key'])}: {escape(s['reason'])}", soft_wrap=True
        )
