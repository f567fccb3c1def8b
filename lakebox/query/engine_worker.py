"""The body of one engine process: a locked-down DuckDB database that runs the final SQL of
queries one at a time and streams each result back as Arrow IPC.

It runs as ``python -I engine_worker.py FD PID`` where FD is its end of a socket pair
(see engine_process.py for the parent's side and the messages). Its address space is limited,
so a query whose values DuckDB materializes outside its own memory limit (a chunk of 2,048
huge strings) fails with DuckDB's out-of-memory error here instead of growing the server. It
imports nothing of lakebox's: it starts fast and holds no server state a query could reach.
"""

from __future__ import annotations

import os
import queue
import resource
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

_MESSAGE_BYTES = 8 * 1024 * 1024  # batches sent together up to this size


class _Worker:
    def __init__(self, conn: Connection, init: dict[str, Any]) -> None:
        import duckdb

        self.conn = conn
        self._send_lock = threading.Lock()
        self._lock = threading.Lock()
        self._current: tuple[str, Any] | None = None  # (query token, its DuckDB connection)
        limit = init["address_space_bytes"]
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        db = duckdb.connect(init["database"], read_only=True, config=init["config"])
        from duckdb.func import FunctionNullHandling, PythonUDFType

        create: Any = db.create_function  # its stubs take the options as strings, it does not
        for name, fn, parameters, result in _functions():
            create(
                name,
                fn,
                parameters,
                result,
                type=PythonUDFType.ARROW,
                null_handling=FunctionNullHandling.SPECIAL,
            )
        db.execute(";\n".join(init["setup"]))
        self.db = db

    def send(self, *message: Any) -> None:
        with self._send_lock:
            self.conn.send(message)

    def serve(self) -> None:
        """Commands from the parent: run (on the running thread, so that an interrupt is
        heard while DuckDB works), interrupt, exit. The parent's end closing ends the
        process."""
        runs: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        threading.Thread(target=self._running, args=(runs,), daemon=True).start()
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                os._exit(0)  # the server is gone: nothing here is worth finishing
            command = message[0]
            if command == "run":
                runs.put(message[1:])
            elif command == "interrupt":
                with self._lock:
                    current = self._current
                if current is not None and current[0] == message[1]:
                    current[1].interrupt()
            elif command == "exit":
                os._exit(0)

    def _running(self, runs: queue.SimpleQueue[tuple[Any, ...]]) -> None:
        while True:
            self._run(*runs.get())

    def _run(self, token: str, sql: str, fetch_rows: int, max_bytes: int) -> None:
        import duckdb
        import pyarrow as pa

        con = self.db.cursor()
        with self._lock:
            self._current = (token, con)
        try:
            start = time.perf_counter()
            cursor = con.execute(sql)
            columns = [(d[0], str(d[1])) for d in (cursor.description or [])]
            reader = cursor.to_arrow_reader(fetch_rows)
            as_text = _geometries_as_text(columns)
            schema = reader.schema
            size = rows = 0
            pending: list[Any] = []  # batches not sent yet: a small result is one message
            pending_bytes = 0
            for batch in reader:
                if as_text:
                    batch = self._project(batch, as_text)
                    schema = batch.schema
                size += batch.nbytes
                if max_bytes and size > max_bytes:
                    con.interrupt()
                    self.send("too_large", token, size, rows + batch.num_rows)
                    return
                rows += batch.num_rows
                pending.append(batch)
                pending_bytes += batch.nbytes
                if pending_bytes >= _MESSAGE_BYTES:
                    self.send("batches", token, _ipc(schema, pending))
                    pending, pending_bytes = [], 0
            elapsed = (time.perf_counter() - start) * 1000
            if as_text and not rows:  # no batch came: the schema of the columns as text
                schema = self._project(reader.schema.empty_table(), as_text).schema
            self.send("done", token, columns, _ipc(schema, pending), elapsed)
        except (duckdb.Error, OSError, pa.ArrowException) as exc:
            # OSError / ArrowException: DuckDB's errors while streaming reach Arrow's reader
            self.send("failed", token, type(exc).__name__, str(exc))
        except MemoryError:
            self.send("failed", token, "OutOfMemoryException", "Out of Memory Error: MemoryError")
        except Exception as exc:  # any other failure still ends the query with its reason
            self.send("failed", token, type(exc).__name__, f"{type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                self._current = None
            con.close()

    def _project(self, batch: Any, expressions: list[str]) -> Any:
        """A batch (or table) with its geometry columns as Trino's text (see
        _geometries_as_text), as one record batch."""
        import pyarrow as pa

        con = self.db.cursor()
        try:
            table = con.from_arrow(batch).project(", ".join(expressions)).to_arrow_table()
        finally:
            con.close()
        return (
            table.combine_chunks().to_batches()[0]
            if table.num_rows
            else pa.record_batch([pa.array([], f.type) for f in table.schema], schema=table.schema)
        )


# Values of Trino types that lakebox holds its own way (trino_bing_tiles.py, trino_sketches.py
# and others), by the struct field that marks them: what they are, and what to write instead
_HELD_ONLY = {
    "lakebox_bing_tile": (
        "Bing tiles (Trino's BingTile type)",
        "convert them with bing_tile_quadkey(...) or bing_tile_coordinates(...)",
    ),
    "lakebox_kdb_tree": (
        "KDB trees (Trino's KdbTree type)",
        "use them in spatial_partitions(...), or show the JSON they were cast from",
    ),
    "lakebox_color": (
        "colors (Trino's color type)",
        "use them in render(...) or bar(...)",
    ),
    "lakebox_tdigest": (
        "t-digests (lakebox's hold their values, not Trino's serialized digest)",
        "use value_at_quantile(...) or values_at_quantiles(...) of them",
    ),
    "lakebox_hll": (
        "HyperLogLog sketches (lakebox's are exact sets of hashes, not Trino's serialized form)",
        "use cardinality(...) of them, or merge(...) them in the same query",
    ),
    "lakebox_setdigest": (
        "set digests (lakebox's are exact, not Trino's serialized form)",
        "use cardinality, intersection_cardinality, jaccard_index or hash_counts of them",
    ),
    "lakebox_classifier": (
        "machine-learning models (lakebox's own form, not Trino's serialized Classifier)",
        "use them in classify(...) in the same query",
    ),
    "lakebox_regressor": (
        "machine-learning models (lakebox's own form, not Trino's serialized Regressor)",
        "use them in regress(...) in the same query",
    ),
    "lakebox_qdigest": (
        "quantile digests (lakebox's hold the values themselves, not Trino's serialized form)",
        "use value_at_quantile(...) or values_at_quantiles(...) of them",
    ),
}


def _geometries_as_text(columns: list[tuple[str, str]]) -> list[str]:
    """How each column reads with its geometries (and arrays of them) as Trino's text, or []
    when the result holds none. A geometry's text is Trino's WKT (its results show the
    geometry so, not its binary form); the column keeps its type, GEOMETRY. A Bing tile
    (trino_bing_tiles.py's STRUCT(lakebox_bing_tile BIGINT)) is refused: what Athena shows of
    Trino's BingTile type is not known."""
    for name, duck_type in columns:
        for marker, (what, instead) in _HELD_ONLY.items():
            if marker in duck_type:
                import duckdb

                raise duckdb.InvalidInputException(
                    f"the result column {name} holds {what}, which lakebox neither shows nor "
                    f"stores: {instead}"
                )
    if not any("GEOMETRY" in t for _, t in columns):
        return []
    out = []
    for name, duck_type in columns:
        quoted = '"' + name.replace('"', '""') + '"'
        element, depth = duck_type, 0
        while element.endswith("[]"):
            element, depth = element[:-2], depth + 1
        if element in _GEOMETRY_ROWS and depth == 0:
            out.append(_row_text(quoted, _GEOMETRY_ROWS[element]) + f" AS {quoted}")
            continue
        if element == _SPHERICAL:  # shown as its geometry's WKT, as Trino's client shows it
            out.append(_nested_text(quoted, depth, spherical=True) + f" AS {quoted}")
            continue
        if "GEOMETRY" in duck_type and element != "GEOMETRY":
            import duckdb

            raise duckdb.InvalidInputException(
                f"the result column {name} holds geometries inside a {duck_type}: "
                "convert them with ST_AsText (lakebox shows geometries at the top or in arrays)"
            )
        if element != "GEOMETRY":
            out.append(quoted)
            continue
        out.append(_nested_text(quoted, depth) + f" AS {quoted}")
    return out


# Trino's SphericalGeography (trino_spherical.py): its geometry, marked by the struct's field
_SPHERICAL = "STRUCT(lakebox_spherical GEOMETRY)"

# Rows of geometries lakebox's translation makes (trino_geo_relations.py's geometry_nearest_points,
# Trino's row(Geometry, Geometry)), by their DuckDB type: their fields, shown as WKT
_GEOMETRY_ROWS = {"STRUCT(_0 GEOMETRY, _1 GEOMETRY)": ("_0", "_1")}


def _row_text(column: str, fields: tuple[str, ...]) -> str:
    """The text of a row of geometries: each field's WKT, NULL for a NULL row."""
    parts = ", ".join(f"'{f}': lakebox_wkt(ST_AsText({column}.{f}))" for f in fields)
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE {{{parts}}} END"


def _nested_text(column: str, depth: int, spherical: bool = False) -> str:
    """The text of a GEOMETRY (or ``spherical``: SphericalGeography) column nested in
    ``depth`` arrays."""
    if depth == 0:
        geometry = f"struct_extract({column}, 'lakebox_spherical')" if spherical else column
        return f"lakebox_wkt(ST_AsText({geometry}))"
    inner = _nested_text(f"g{depth}", depth - 1, spherical)
    return f"list_transform({column}, g{depth} -> {inner})"


def _ipc(schema: Any, batches: list[Any]) -> Any:
    """Batches as one Arrow IPC stream (its schema first)."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as writer:
        for batch in batches:
            writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def _functions() -> list[tuple[str, Any, Any, str]]:
    """The Python functions each engine's DuckDB registers (the engine_functions package,
    loaded by its path: this process runs isolated, without lakebox on its path)."""
    import importlib.util

    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "engine_functions")
    spec = importlib.util.spec_from_file_location(
        "lakebox_engine_functions",
        os.path.join(folder, "__init__.py"),
        submodule_search_locations=[folder],
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its modules import each other relatively
    spec.loader.exec_module(module)
    functions: list[tuple[str, Any, Any, str]] = module.registered()
    return functions


def _watch_parent(parent: int) -> None:
    """End when the server dies (kill -9 closes the socket, but only a recv notices that)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def main() -> None:
    fd = int(sys.argv[1])
    parent = int(sys.argv[2])
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    conn = Connection(fd)
    init = conn.recv()
    try:
        worker = _Worker(conn, init)
    except Exception as exc:
        conn.send(("failed", "", type(exc).__name__, str(exc)))
        return
    conn.send(("ready",))
    worker.serve()


if __name__ == "__main__":
    main()
