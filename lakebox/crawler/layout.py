"""Where an object belongs: its table's folder and name, its partition keys and values.

Glue's rules: a table is named after its folder under the crawled prefix (crawling
``raw/orders/`` makes ``orders``; crawling ``raw/`` makes one table per folder below it).
Folders below the table's folder are partitions: Hive ``key=value`` folders give ``key``,
Firehose's ``yyyy/MM/dd/HH`` folders give ``year``, ``month``, ``day``, ``hour``, any other
folder gives ``partition_0``, ``partition_1``...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from lakebox.catalog.service import table_name

_YEAR = re.compile(r"(19|20)\d\d")
_TWO = re.compile(r"\d\d")
_DATE_KEYS = ("year", "month", "day", "hour")


@dataclass(frozen=True)
class Placement:
    root: str  # the table's folder ("" or ending with "/")
    name: str  # the table's name, before any table-name prefix
    keys: tuple[str, ...]
    values: tuple[str, ...]
    folder: str  # the partition's folder (the object's folder)


def normalize_prefix(prefix: str) -> str:
    prefix = prefix.strip("/")
    return prefix + "/" if prefix else ""


def _date_run(folders: list[str], i: int) -> int:
    """How many levels of a yyyy/MM/dd[/HH] run start at ``folders[i]`` (0 if none)."""
    if i >= len(folders) or not _YEAR.fullmatch(folders[i]):
        return 0
    n = 1
    limits = (12, 31, 23)
    while n < 4 and i + n < len(folders) and _TWO.fullmatch(folders[i + n]):
        value = int(folders[i + n])
        low = 0 if n == 3 else 1
        if not low <= value <= limits[n - 1]:
            break
        n += 1
    return n if n >= 3 else 0


def _partition_like(folders: list[str], i: int) -> bool:
    return "=" in folders[i] or _date_run(folders, i) > 0


def place(prefix: str, key: str, fallback_name: str = "lake") -> Placement:
    prefix = normalize_prefix(prefix)
    rel = key[len(prefix) :]
    folders = rel.split("/")[:-1]
    if folders and not _partition_like(folders, 0):
        root = prefix + folders[0] + "/"
        name = folders[0]
        folders = folders[1:]
    else:
        root = prefix
        name = prefix.rstrip("/").rsplit("/", 1)[-1] if prefix else fallback_name
    keys: list[str] = []
    values: list[str] = []
    unnamed = 0
    i = 0
    while i < len(folders):
        run = _date_run(folders, i)
        if run:
            keys.extend(_DATE_KEYS[:run])
            values.extend(folders[i : i + run])
            i += run
            continue
        folder = folders[i]
        if "=" in folder:
            k, _, v = folder.partition("=")
            keys.append(table_name(unquote(k)))
            values.append(unquote(v))
        else:
            keys.append(f"partition_{unnamed}")
            values.append(folder)
            unnamed += 1
        i += 1
    folder = key.rsplit("/", 1)[0] + "/" if "/" in key else ""
    return Placement(root, table_name(name), tuple(keys), tuple(values), folder)
