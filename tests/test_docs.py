"""The README's tour is run for real, so the docs cannot drift from the code."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, RunningServer

pytestmark = pytest.mark.slow

FENCE = re.compile(r"```(bash|python)\n(.*?)```", re.S)


def tour_script(tmp_path: Path) -> str:
    """The README's bash and python blocks, in order, as one bash script."""
    readme = (ROOT / "README.md").read_text()
    tour = readme.split("## A 5-minute tour", 1)[1].split("\n## ", 1)[0]
    lines = ["set -euo pipefail"]
    for n, (lang, code) in enumerate(FENCE.findall(tour)):
        if lang == "python":
            path = tmp_path / f"block{n}.py"
            path.write_text(code)
            lines.append(f"python {path}")
        else:
            lines.append(
                code.replace("source .venv/bin/activate", f"source {ROOT}/.venv/bin/activate")
            )
    return "\n".join(lines)


def test_readme_tour_runs(server_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    srv: RunningServer = server_factory()
    srv.start("--demo")
    # As a user would after `make run`: the demo's tables appear within seconds.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        out = srv.cli("tables", "list", "demo", "--json")
        if out.returncode == 0 and "deals" in {t["name"] for t in json.loads(out.stdout)}:
            break
        time.sleep(1)
    env = dict(
        srv.env, LAKEBOX_URL=srv.url, PATH=f"{Path(sys.executable).parent}:{srv.env['PATH']}"
    )
    # From the checkout, as a user runs it after `make run`: it must leave no file there.
    before = _checkout_status()
    out = subprocess.run(
        ["bash", "-c", tour_script(tmp_path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=180,
    )
    stdout, stderr = out.stdout.decode(), out.stderr.decode()
    assert out.returncode == 0, stderr
    assert _checkout_status() == before, "the README tour left files in the checkout"
    assert "failed: 0" in stdout  # the boto3 block
    assert "line 2 is not JSON" in stdout  # the curl block names the bad line
    assert "2 record(s) accepted, 0 rejected" in stdout  # lakebox put
    for country in ("nl", "de", "fr", "be"):
        assert f"raw/clicks/country={country}/" in stdout, country
    # the demo producer's streams exist too
    assert "pageviews" in stdout
    # the crawler part of the tour
    assert "created web.clicks" in stdout
    assert "column campaign added (string)" in stdout
    assert "column ms type widened bigint -> double" in stdout
    # the SQL part of the tour
    assert '"page"' in stdout and '"/cart"' not in stdout  # --format csv, only the nl clicks
    assert "row(s) in" in stdout
    assert "[('be', 1), ('de', 1), ('fr', 1), ('nl', 4)]" in stdout  # the PyAthena block
    assert '"title","price","list_price","pct_off"' in stdout  # the saved query, through curl
    # CTAS, INSERT INTO and time travel: 4 countries in the first snapshot, 5 now
    then = re.search(r"countries_then\D+(\d+)", stdout)
    now = re.search(r"countries_now\D+(\d+)", stdout)
    assert then and now and (then.group(1), now.group(1)) == ("4", "5"), stdout[-3000:]


def _checkout_status() -> str:
    """Every file of the checkout git does not ignore and that differs from the last commit,
    untracked ones included."""
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def test_readme_links_exist() -> None:
    readme = (ROOT / "README.md").read_text()
    for link in re.findall(r"\]\((docs/[^)]+)\)", readme):
        assert (ROOT / link).is_file(), link
    assert "make run" in readme and "make test" in readme


def test_python_examples_in_the_docs_name_nothing_undefined(tmp_path: Path) -> None:
    """Every Python block of docs/*.md compiles and defines what it uses (pyflakes' checks,
    through ruff): an example a reader copies runs as far as lakebox's answers."""
    blocks = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for n, code in enumerate(re.findall(r"```python\n(.*?)```", page.read_text(), re.S)):
            path = tmp_path / f"{page.stem}_{n}.py"
            path.write_text(code)
            blocks.append(path)
    assert blocks
    ruff = Path(sys.executable).parent / "ruff"
    out = subprocess.run(
        [str(ruff), "check", "--no-cache", "--isolated", "--select", "F", *map(str, blocks)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout
