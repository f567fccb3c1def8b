"""docs/cli.md's command table stays one table and names every command the CLI has."""

from __future__ import annotations

import re

from lakebox.cli.main import app
from tests.conftest import ROOT


def _commands() -> set[str]:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    for group in app.registered_groups:
        assert group.typer_instance is not None
        for c in group.typer_instance.registered_commands:
            names.add(f"{group.name} {c.name or (c.callback.__name__ if c.callback else '')}")
    return names


def test_the_command_table_is_one_table_naming_every_command() -> None:
    text = (ROOT / "docs" / "cli.md").read_text()
    start = text.index("| command | does |")
    block = text[start:].split("\n\n", 1)[0].splitlines()
    assert all(line.startswith("|") for line in block)
    table = "\n".join(block)
    missing = []
    for command in sorted(_commands()):
        group, _, sub = command.partition(" ")
        if sub:  # named in the first cell of a row of its group's
            found = re.search(rf"\b{sub}\b", _rows(table, group))
        else:
            found = re.search(rf"`lakebox {group}\b", table)
        if not found:
            missing.append(command)
    assert not missing, f"docs/cli.md does not list: {missing}"


def _rows(table: str, group: str) -> str:
    """The first cells of the rows naming ``lakebox GROUP``."""
    return "\n".join(r.split(" | ")[0] for r in table.splitlines() if f"lakebox {group} " in r)
