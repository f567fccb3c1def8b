"""Reading many objects: threads for a few, worker processes for a full crawl of many.

Inference is CPU work (parsing, typing) holding the GIL, so threads cannot use a second core.
A full crawl of thousands of objects hands chunks of objects to worker processes (one per
core, started once and kept); small crawls, like event-mode ones, stay in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from lakebox.crawler.infer import BadObject, ObjectSchema, infer_object
from lakebox.errors import NotFound
from lakebox.storage.base import ObjectInfo, ObjectStore
from lakebox.storage.local import LinkNotObject

PROCESS_THRESHOLD = 500  # objects; below this, starting worker processes costs more
RUNNING_POOL_THRESHOLD = 64  # objects; once workers run, even this many are worth sending
CHUNK = 200

Result = ObjectSchema | BadObject

_worker_store: ObjectStore | None = None


def read_one(store: ObjectStore, info: ObjectInfo, sample_bytes: int) -> Result:
    """One object's schema, or why it cannot be read: one bad object never fails a crawl."""
    try:
        return infer_object(store, info, sample_bytes)
    except BadObject as bad:
        return bad
    except LinkNotObject:
        return BadObject(info.key, "a symbolic link: links are not objects and are never followed")
    except NotFound:
        return BadObject(info.key, "deleted while being crawled")
    except RecursionError:
        # Whatever the format's parser or a type's walk met: nesting beyond Python's stack.
        return BadObject(info.key, "nested too deeply to be read (beyond Python's recursion limit)")


def _init_worker(store: ObjectStore) -> None:
    global _worker_store
    _worker_store = store


def _read_chunk(infos: list[ObjectInfo], sample_bytes: int) -> list[tuple[str, Any]]:
    assert _worker_store is not None
    out: list[tuple[str, Any]] = []
    for info in infos:
        result = read_one(_worker_store, info, sample_bytes)
        # BadObject's constructor does not fit pickling of exceptions: send its parts.
        out.append(
            ("bad", (result.key, result.reason))
            if isinstance(result, BadObject)
            else ("ok", result)
        )
    return out


class ObjectReader:
    def __init__(self, store: ObjectStore, processes: int | None = None) -> None:
        self.store = store
        self.processes = processes if processes is not None else (os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def _process_pool(self) -> Executor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server has threads, and a forked copy of their locks
                # could deadlock the workers.
                self._pool = ProcessPoolExecutor(
                    self.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker,
                    initargs=(self.store,),
                )
            return self._pool

    def read(
        self,
        infos: list[ObjectInfo],
        sample_bytes: int,
        progress: Callable[[int], None],
    ) -> Iterator[tuple[ObjectInfo, Result]]:
        """Results in the order of ``infos``; ``progress`` gets the count done so far."""
        with self._lock:
            running = self._pool is not None
        worth = PROCESS_THRESHOLD if not running else RUNNING_POOL_THRESHOLD
        if len(infos) >= worth and self.processes > 1:
            pool = self._process_pool()
            size = min(CHUNK, -(-len(infos) // self.processes))  # every worker gets a share
            chunks = [infos[i : i + size] for i in range(0, len(infos), size)]
            done = 0
            futures = [pool.submit(_read_chunk, chunk, sample_bytes) for chunk in chunks]
            for chunk, future in zip(chunks, futures, strict=True):
                for info, (kind, payload) in zip(chunk, future.result(), strict=True):
                    yield info, (BadObject(*payload) if kind == "bad" else payload)
                done += len(chunk)
                progress(done)
            return
        with ThreadPoolExecutor(self.store.read_concurrency) as threads:
            results = threads.map(lambda i: read_one(self.store, i, sample_bytes), infos)
            for done, (info, result) in enumerate(zip(infos, results, strict=True), start=1):
                yield info, result
                if done % 50 == 0 or done == len(infos):
                    progress(done)
