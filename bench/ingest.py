"""Sustained PutRecordBatch throughput: lakebox (durable acks) beside a no-storage baseline.

    make bench    # or: .venv/bin/python bench/ingest.py [--seconds 5] [--rounds 3] [--producers 4]

Both runs use the same HTTP stack (uvicorn + the Firehose endpoint with SigV4 verification and
request parsing); the baseline's ingest answers at once without storing anything. Producers are
separate processes replaying SigV4-signed PutRecordBatch requests (500 records each, signed by
botocore exactly as boto3 signs them) over keep-alive connections, so client cost stays small.
The last line printed is one JSON object with the figures, the baseline and the ratios.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import multiprocessing as mp
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RECORD_SIZES = (200, 2048)
BATCH = 500
STREAM = "bench"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_baseline(home: str, port: int) -> None:
    """The same app, but PutRecordBatch is answered without touching the log or the lake."""
    from concurrent.futures import Future

    from lakebox.auth.access import Principal
    from lakebox.config import Settings
    from lakebox.ingest.wal import Ack
    from lakebox.instance import Lakebox
    from lakebox.web.app import create_app
    from lakebox.web.server import run_server

    original_start = Lakebox.start
    segment_id = "0" * 32

    def start(self: Lakebox) -> None:
        original_start(self)

        def put_records(name: str, records: Any, *, by: Principal) -> Future[Ack]:
            self.ingest.stream_for_put(name, by=by)
            done: Future[Ack] = Future()
            done.set_result(Ack(segment_id, 0, sum(1 for r in records if isinstance(r, bytes))))
            return done

        self.ingest.put_records = put_records  # type: ignore[method-assign]

    Lakebox.start = start  # type: ignore[method-assign]
    settings = Settings.load(home=home, env={}, port=port)
    run_server(create_app(settings), settings)


def start_server(mode: str, home: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAKEBOX_")}
    env.update(LAKEBOX_HOME=str(home), LAKEBOX_PORT=str(port))
    if mode == "lakebox":
        cmd = [str(Path(sys.executable).parent / "lakebox"), "serve"]
    else:
        cmd = [sys.executable, __file__, "--serve-baseline", str(home), str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{mode} server did not start")


def signed_batch(port: int, cred: dict[str, str], size: int) -> tuple[bytes, dict[str, str]]:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    records = []
    for i in range(BATCH):
        head = f'{{"i": {i}, "pad": "'.encode()
        record = head + b"x" * (size - len(head) - 2) + b'"}'
        records.append({"Data": base64.b64encode(record).decode()})
    body = json.dumps({"DeliveryStreamName": STREAM, "Records": records}).encode()
    req = AWSRequest(
        method="POST",
        url=f"http://127.0.0.1:{port}/",
        data=body,
        headers={
            "X-Amz-Target": "Firehose_20150804.PutRecordBatch",
            "Content-Type": "application/x-amz-json-1.1",
        },
    )
    SigV4Auth(
        Credentials(cred["access_key_id"], cred["secret_access_key"]), "firehose", "us-east-1"
    ).add_auth(req)
    return body, dict(req.headers.items())


def producer(port: int, body: bytes, headers: dict[str, str], seconds: float, out: Any) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    batches = failed = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn.request("POST", "/", body, headers)
            resp = conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException):
            failed += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        if resp.status != 200 or b'"FailedPutCount":0' not in data:
            failed += 1
            continue
        batches += 1
    out.put((batches, failed))


class Target:
    """One server (lakebox or baseline) with its stream, kept running for all rounds."""

    def __init__(self, mode: str, tmp: Path) -> None:
        self.mode = mode
        self.home, self.port = tmp / mode, free_port()
        self.proc = start_server(mode, self.home, self.port)
        self.cred = json.loads((self.home / "admin-credentials.json").read_text())
        self.request(
            "POST",
            "/v1/streams",
            json.dumps({"name": STREAM, "buffer_size_mib": 64, "buffer_interval_s": 60}),
        )

    def request(self, method: str, path: str, body: str | None = None) -> dict[str, Any]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        conn.request(method, path, body, {"Authorization": f"Bearer {self.cred['token']}"})
        resp = conn.getresponse()
        data: dict[str, Any] = json.loads(resp.read())
        if resp.status >= 300:
            raise SystemExit(f"{self.mode}: {method} {path} failed: {data}")
        return data

    def measure(self, size: int, seconds: float, producers: int) -> dict[str, float]:
        body, headers = signed_batch(self.port, self.cred, size)
        queue: Any = mp.Queue()
        procs = [
            mp.Process(target=producer, args=(self.port, body, headers, seconds, queue))
            for _ in range(producers)
        ]
        start = time.monotonic()
        for p in procs:
            p.start()
        got = [queue.get(timeout=seconds + 120) for _ in procs]
        elapsed = time.monotonic() - start
        for p in procs:
            p.join()
        records = sum(b for b, _ in got) * BATCH
        return {
            "records": records,
            "records_per_s": records / elapsed,
            "mib_per_s": records * size / elapsed / (1024 * 1024),
            "failed_requests": sum(f for _, f in got),
        }

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=300)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve-baseline":
        serve_baseline(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per server and size")
    parser.add_argument("--producers", type=int, default=4)
    args = parser.parse_args()

    rounds = args.rounds
    runs: dict[str, dict[int, list[dict[str, float]]]] = {"baseline": {}, "lakebox": {}}
    with tempfile.TemporaryDirectory(prefix="lakebox-bench-") as tmp:
        targets = [Target("baseline", Path(tmp)), Target("lakebox", Path(tmp))]
        try:
            # Rounds alternate between the two servers, so that drift in the machine's speed
            # (a shared VM) hits both alike; medians are reported.
            for size in RECORD_SIZES:
                for _ in range(rounds):
                    for target in targets:
                        result = target.measure(size, args.seconds, args.producers)
                        runs[target.mode].setdefault(size, []).append(result)
            sent = sum(r["records"] for size in RECORD_SIZES for r in runs["lakebox"][size])
            flushed = targets[1].request("POST", f"/v1/streams/{STREAM}/flush")
            delivered = flushed["delivery"]["records_delivered"]
        finally:
            for target in targets:
                target.stop()

    def median(mode: str, size: int, key: str) -> float:
        return statistics.median(r[key] for r in runs[mode][size])

    print(
        f"{'record':>8} {'mode':>9} {'records/s':>12} {'MiB/s':>8} {'ratio':>6}"
        f"   (median of {rounds})"
    )
    figures: dict[str, Any] = {}
    for size in RECORD_SIZES:
        ratio = median("lakebox", size, "mib_per_s") / median("baseline", size, "mib_per_s")
        for mode in ("baseline", "lakebox"):
            print(
                f"{size:>7}B {mode:>9} {median(mode, size, 'records_per_s'):>12,.0f} "
                f"{median(mode, size, 'mib_per_s'):>8.1f}"
                + (f" {ratio:>6.2f}" if mode == "lakebox" else "")
            )
        figures[f"{size}B"] = {
            "lakebox_records_per_s": round(median("lakebox", size, "records_per_s")),
            "lakebox_mib_per_s": round(median("lakebox", size, "mib_per_s"), 2),
            "baseline_records_per_s": round(median("baseline", size, "records_per_s")),
            "baseline_mib_per_s": round(median("baseline", size, "mib_per_s"), 2),
            "ratio": round(ratio, 3),
            "lakebox_rounds_mib_per_s": [round(r["mib_per_s"], 1) for r in runs["lakebox"][size]],
            "baseline_rounds_mib_per_s": [round(r["mib_per_s"], 1) for r in runs["baseline"][size]],
            "failed_requests": sum(r["failed_requests"] for r in runs["lakebox"][size]),
        }
    if delivered != sent:
        print(f"WARNING: {sent} records acknowledged but {delivered} delivered")
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "producers": args.producers,
                "seconds_per_round": args.seconds,
                "rounds": rounds,
                "records_acknowledged": sent,
                "records_delivered_after_flush": delivered,
                "figures": figures,
                "targets": {"min_mib_per_s": 25, "min_ratio": 0.6},
            }
        )
    )


if __name__ == "__main__":
    main()
