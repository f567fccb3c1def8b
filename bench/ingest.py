"""Sustained PutRecordBatch throughput: lakebox (durable acks) beside a no-storage baseline.

    .venv/bin/python bench/ingest.py [--seconds 8] [--producers 4]

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

    import uvicorn

    from lakebox.config import Settings
    from lakebox.ingest.wal import Ack
    from lakebox.instance import Lakebox
    from lakebox.web.app import create_app

    original_start = Lakebox.start
    segment_id = "0" * 32

    def start(self: Lakebox) -> None:
        original_start(self)

        def put_records(name: str, records: Any) -> Future[Ack]:
            self.ingest.get_stream(name)
            done: Future[Ack] = Future()
            done.set_result(Ack(segment_id, 0, sum(1 for r in records if isinstance(r, bytes))))
            return done

        self.ingest.put_records = put_records  # type: ignore[method-assign]

    Lakebox.start = start  # type: ignore[method-assign]
    settings = Settings.load(home=home, env={}, port=port)
    uvicorn.run(
        create_app(settings),
        host="127.0.0.1",
        port=port,
        loop="uvloop",
        http="httptools",
        log_level="warning",
    )


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


def run(mode: str, seconds: float, producers: int) -> dict[int, dict[str, float]]:
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix=f"lakebox-bench-{mode}-") as tmp:
        home, port = Path(tmp), free_port()
        proc = start_server(mode, home, port)
        try:
            cred = json.loads((home / "admin-credentials.json").read_text())
            create = json.dumps({"name": STREAM, "buffer_size_mib": 64, "buffer_interval_s": 60})
            conn = http.client.HTTPConnection("127.0.0.1", port)
            conn.request(
                "POST", "/v1/streams", create, {"Authorization": f"Bearer {cred['token']}"}
            )
            created = conn.getresponse()
            created.read()
            assert created.status == 201
            for size in RECORD_SIZES:
                body, headers = signed_batch(port, cred, size)
                queue: Any = mp.Queue()
                procs = [
                    mp.Process(target=producer, args=(port, body, headers, seconds, queue))
                    for _ in range(producers)
                ]
                start = time.monotonic()
                for p in procs:
                    p.start()
                got = [queue.get(timeout=seconds + 120) for _ in procs]
                elapsed = time.monotonic() - start
                for p in procs:
                    p.join()
                batches = sum(b for b, _ in got)
                failed = sum(f for _, f in got)
                records = batches * BATCH
                results[size] = {
                    "records_per_s": records / elapsed,
                    "mib_per_s": records * size / elapsed / (1024 * 1024),
                    "failed_requests": failed,
                }
            if mode == "lakebox":
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
                conn.request(
                    "POST",
                    f"/v1/streams/{STREAM}/flush",
                    headers={"Authorization": f"Bearer {cred['token']}"},
                )
                resp = conn.getresponse()
                flushed = json.loads(resp.read())
                results[0] = {"records_delivered": flushed["delivery"]["records_delivered"]}
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=120)
    return results


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve-baseline":
        serve_baseline(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="per record size and mode")
    parser.add_argument("--producers", type=int, default=4)
    args = parser.parse_args()

    baseline = run("baseline", args.seconds, args.producers)
    lakebox = run("lakebox", args.seconds, args.producers)
    print(f"{'record':>8} {'mode':>9} {'records/s':>12} {'MiB/s':>8} {'ratio':>6}")
    figures: dict[str, Any] = {}
    for size in RECORD_SIZES:
        ratio = lakebox[size]["mib_per_s"] / baseline[size]["mib_per_s"]
        for mode, res in (("baseline", baseline[size]), ("lakebox", lakebox[size])):
            print(
                f"{size:>7}B {mode:>9} {res['records_per_s']:>12,.0f} {res['mib_per_s']:>8.1f}"
                + (f" {ratio:>6.2f}" if mode == "lakebox" else "")
            )
        figures[f"{size}B"] = {
            "lakebox_records_per_s": round(lakebox[size]["records_per_s"]),
            "lakebox_mib_per_s": round(lakebox[size]["mib_per_s"], 2),
            "baseline_records_per_s": round(baseline[size]["records_per_s"]),
            "baseline_mib_per_s": round(baseline[size]["mib_per_s"], 2),
            "ratio": round(ratio, 3),
            "failed_requests": lakebox[size]["failed_requests"],
        }
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "producers": args.producers,
                "seconds_per_run": args.seconds,
                "records_delivered_after_flush": lakebox[0]["records_delivered"],
                "figures": figures,
                "targets": {"min_mib_per_s": 25, "min_ratio": 0.6},
            }
        )
    )


if __name__ == "__main__":
    main()
