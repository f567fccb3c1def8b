"""`lakebox sql` with no query: an interactive SQL prompt with line editing and history.

Statements end with ``;`` and may span lines; the history (one entry per statement) is kept
in the home's ``sql_history``. Ctrl-C clears the line being typed, or cancels the running
query; Ctrl-D or ``\\q`` leaves.
"""

from __future__ import annotations

import contextlib
import readline
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lakebox.cli.output import console, err_console
from lakebox.errors import LakeboxError

QUIT = ("\\q", "quit", "exit")


def prompt_loop(history_file: Path, run: Callable[[str], Any]) -> None:
    """Read statements until EOF and hand each to ``run``; errors are printed, not fatal."""
    history_file.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # no history yet
        readline.read_history_file(history_file)
    readline.set_history_length(1000)
    console.print("lakebox SQL: end statements with ';'. \\q or Ctrl-D leaves.")
    lines: list[str] = []
    try:
        while True:
            try:
                line = input("lakebox> " if not lines else "     ...> ")
            except EOFError:
                console.print()
                return
            except KeyboardInterrupt:
                console.print()
                _forget_lines(len(lines))
                lines.clear()
                continue
            if not lines and line.strip() in QUIT:
                return
            lines.append(line)
            text = "\n".join(lines).strip()
            if not text:
                lines.clear()
                continue
            if not text.endswith(";"):
                continue
            # one history entry per statement, not per line
            _forget_lines(len(lines))
            readline.add_history(" ".join(s.strip() for s in lines if s.strip()))
            lines.clear()
            statement = text.rstrip(";").strip()
            if not statement:
                continue
            try:
                run(statement)
            except LakeboxError as exc:
                err_console.print(f"[red]error:[/red] {exc.message}", highlight=False)
            except KeyboardInterrupt:
                err_console.print("cancelled")
    finally:
        readline.write_history_file(history_file)


def _forget_lines(count: int) -> None:
    """Drop the last ``count`` history entries that ``input()`` added line by line."""
    for _ in range(count):
        length = readline.get_current_history_length()
        if length:
            readline.remove_history_item(length - 1)
