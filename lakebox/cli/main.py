"""The `lakebox` command. Errors are one clear line on stderr, never a traceback."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer
from rich.markup import escape

from lakebox.cli import catalog, keys, streams
from lakebox.cli.output import err_console, print_table
from lakebox.cli.put import put
from lakebox.cli.sql import queries, sql
from lakebox.config import Settings, describe_settings
from lakebox.errors import LakeboxError

app = typer.Typer(
    help="lakebox: a data lake in a box.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(streams.app, name="streams")
app.add_typer(keys.app, name="keys")
app.add_typer(catalog.databases, name="databases")
app.add_typer(catalog.tables, name="tables")
app.add_typer(catalog.crawlers, name="crawlers")
app.command("put")(put)
app.command("sql")(sql)
app.add_typer(queries, name="queries")


@app.command()
def serve(
    demo: Annotated[
        bool, typer.Option("--demo", help="Also run the demo producer (Woot-like events).")
    ] = False,
    port: Annotated[int | None, typer.Option(help="Port (default LAKEBOX_PORT or 8765).")] = None,
) -> None:
    """Run lakebox: the HTTP APIs, delivery and (with --demo) a demo producer."""
    from lakebox.instance import Lakebox
    from lakebox.web.app import create_app
    from lakebox.web.server import run_server

    settings = Settings.load(port=port)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    err_console.print(
        f"lakebox home {settings.home}, storage {settings.storage}, "
        f"listening on http://{settings.host}:{settings.port}"
    )
    # Started here, not in the app's lifespan, so a start-up failure (home in use, database
    # unreachable, bad storage URL) is one line like every other error.
    box = Lakebox(settings)
    box.start()
    run_server(create_app(settings, demo=demo, started=box), settings)


@app.command()
def config() -> None:
    """Show every setting: its value now, its environment variable and what it does."""
    settings = Settings.load()
    rows = [["home", "LAKEBOX_HOME", str(settings.home), "Folder of lakebox.toml, WAL, keys."]]
    for name, env, help_text in describe_settings():
        value = getattr(settings, name)
        if "secret" in name and value:
            value = "********"
        rows.append([name, env, str(value), help_text])
    print_table("settings", ["setting", "environment", "value", "meaning"], rows)


def main() -> None:
    try:
        app()
    except LakeboxError as exc:
        err_console.print(
            f"[red]error:[/red] {escape(exc.message)}", highlight=False, soft_wrap=True
        )
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
