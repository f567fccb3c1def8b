"""Large crawls read in worker processes; the results must equal the in-process ones."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import orjson

from lakebox.catalog.types import render
from lakebox.crawler import readers
from lakebox.crawler.infer import BadObject
from lakebox.crawler.readers import ObjectReader
from lakebox.storage import LocalStore


def test_worker_processes_read_like_threads(tmp_path: Path, monkeypatch: Any) -> None:
    store = LocalStore(tmp_path / "data")
    infos = [
        store.put(f"raw/t/{i:03d}.json", orjson.dumps({"i": i, "v": i / 2 if i % 3 else i}) + b"\n")
        for i in range(30)
    ]
    infos.append(store.put("raw/t/bad.json", b'{"i": 1}\nnot json\n'))
    monkeypatch.setattr(readers, "PROCESS_THRESHOLD", 10)
    seen: list[int] = []
    reader = ObjectReader(store, processes=2)
    try:
        in_processes = list(reader.read(infos, 65536, seen.append))
        assert reader._pool is not None  # really went through worker processes
    finally:
        reader.close()
    in_threads = list(ObjectReader(store, processes=1).read(infos, 65536, lambda _d: None))
    assert seen[-1] == len(infos)

    def summary(results: list) -> list:  # type: ignore[type-arg]
        out = []
        for info, r in results:
            if isinstance(r, BadObject):
                out.append((info.key, "bad", r.reason))
            else:
                out.append((info.key, {k: render(t) for k, t in r.columns.items()}))
        return out

    assert summary(in_processes) == summary(in_threads)
    assert summary(in_processes)[-1][2].startswith("line 2 is not JSON")


def test_s3_store_pickles_to_a_working_store(s3_server: Any) -> None:
    store = s3_server.store("p")
    store.put("a/b.json", b"{}")
    copy = pickle.loads(pickle.dumps(store))
    assert copy.get("a/b.json") == b"{}" and copy.url == store.url
