"""Benchmark: `meldform serve` under a bounded load on loopback, beside `meldform validate`.

    python benchmarks/bench_service.py --requests 2000 --concurrency 16 --workers 1,2

1. Generates n valid, varied meldingen (tests/factory.py), as JSON bytes and as files.
2. For each worker count: starts `meldform serve --port 0 --workers W`, warms it up, then sends
   `--requests` POST /v1/validate and POST /v1/render/html requests from `--concurrency` threads
   (one keep-alive connection each): requests/s, p50 and p99 latency, errors.
3. The same documents through the API in this process (load + validate), through
   `meldform validate FILE...` in one process (files/s) and one `meldform validate FILE` per
   document (the start-up a client pays without the service; median of several runs).
The load client is Python threads on the same machine: it takes CPU from the server, so the
figures are a floor, not a ceiling.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.append(str(ROOT))  # a checkout without install; an installed meldform comes first

from factory import make_documents  # noqa: E402

from meldform import api  # noqa: E402

MELDFORM = [sys.executable, "-c", "from meldform.cli import main; main()"]
READY = re.compile(r"http://127\.0\.0\.1:(\d+)")


def start_server(workers: int, concurrency: int) -> tuple[subprocess.Popen[str], int]:
    cmd = [*MELDFORM, "serve", "--port", "0", "--workers", str(workers), "--concurrency", str(max(32, concurrency)), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    port = 0
    for line in proc.stderr:
        found = READY.search(line)
        if found:
            port = int(found.group(1))
            break
    threading.Thread(target=lambda: [None for _ in proc.stderr or ()], daemon=True).start()  # keep the pipe drained
    for _ in range(400):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the server did not start")


def load(port: int, path: str, bodies: list[bytes], total: int, concurrency: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                break
            began = time.perf_counter()
            try:
                conn.request("POST", path, body=bodies[index % len(bodies)], headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with lock:
                latencies.append(time.perf_counter() - began)
                errors += not ok
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": total,
        "errors": errors,
        "per_s": round(total / elapsed, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=500, help="distinct documents (cycled through)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", default="1,2", help="worker counts, separated by commas")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()
    documents = list(make_documents(args.n, seed=2026))
    bodies = [json.dumps(doc, ensure_ascii=False).encode("utf-8") for doc in documents]
    results: dict[str, Any] = {"n": args.n, "cpus": os.cpu_count(), "service": {}}

    for workers in [int(w) for w in args.workers.split(",") if w.strip()]:
        proc, port = start_server(workers, args.concurrency)
        try:
            load(port, "/v1/validate", bodies, min(200, args.requests), args.concurrency)  # warm every worker
            load(port, "/v1/render/html", bodies, min(100, args.requests), args.concurrency)
            results["service"][workers] = {
                "validate": load(port, "/v1/validate", bodies, args.requests, args.concurrency),
                "render_html": load(port, "/v1/render/html", bodies, args.requests, args.concurrency),
            }
        finally:
            proc.terminate()
            proc.wait(20)

    api.check(bodies[0])  # warm caches, as a long-running process would
    began = time.perf_counter()
    for body in bodies:
        api.check(body)
    results["api_validate_per_s"] = round(len(bodies) / (time.perf_counter() - began), 1)

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for index, body in enumerate(bodies):
            path = Path(tmp) / f"m{index:05d}.json"
            path.write_bytes(body)
            files.append(str(path))
        began = time.perf_counter()
        subprocess.run([*MELDFORM, "validate", *files], stdout=subprocess.DEVNULL, check=False)
        results["cli_bulk_per_s"] = round(len(files) / (time.perf_counter() - began), 1)
        singles = []
        for name in files[: args.startup_runs]:
            began = time.perf_counter()
            subprocess.run([*MELDFORM, "validate", name], stdout=subprocess.DEVNULL, check=False)
            singles.append(time.perf_counter() - began)
        results["cli_one_file_ms"] = round(statistics.median(singles) * 1000, 1)

    print(f"documents: {args.n} distinct, {args.requests} requests per run, {args.concurrency} at once, {results['cpus']} CPU(s)")
    for workers, runs in results["service"].items():
        for name, r in runs.items():
            print(f"serve --workers {workers} {name:11}: {r['per_s']:7} requests/s  p50 {r['p50_ms']:6} ms  p99 {r['p99_ms']:6} ms  errors {r['errors']}")
    print(f"API in process (load + validate)  : {results['api_validate_per_s']} documents/s")
    print(f"meldform validate FILE... (bulk)  : {results['cli_bulk_per_s']} files/s")
    print(f"meldform validate FILE (one each) : {results['cli_one_file_ms']} ms per file (= {round(1000 / results['cli_one_file_ms'], 1)} files/s)")
    if args.json:
        print(json.dumps(results))
    return 0 if all(r["errors"] == 0 for runs in results["service"].values() for r in runs.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
