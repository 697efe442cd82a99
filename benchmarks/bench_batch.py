"""Benchmark of ``meldform batch``: throughput, parallel speed-up and peak memory.

    python benchmarks/bench_batch.py --n 10000 --formats html,docx [--dir /dev/shm]

1. Generates ``--n`` valid meldingen and adviesvragen once (``tests/factory.py``, distinct
   kenmerken) as JSON files, in sub-folders of ``--small`` files each.
2. Runs the batch core (``meldform.batch.run_batch``, what ``meldform batch`` calls) with
   ``--jobs 1`` and ``--jobs 2`` on all ``n`` inputs: wall time, inputs/s, documents/s, the
   speed-up (target: at least 1.7 on two cores).
3. Runs it again on the first sub-folder only (``--small`` inputs, default 1 000): peak memory at
   ``--small`` versus ``n`` inputs (target: within 20%).

Each run happens in a fresh measuring process (``python -c``) started by this script, which stays
small (the documents are generated in a child process too): a child's ``ru_maxrss`` includes
what it inherited at fork, so a big benchmark process would inflate every number. The
measuring process reports its own usage (the batch's parent: discovery, pool, journal, samenloop,
reports; with ``--jobs 1`` all the work) and that of its children (the pool's workers) apart.

CPU time is reported too: on a machine shared with other work (load average above the number of
cores) the wall-clock speed-up says little, and CPU time shows the parallel overhead instead.
Outputs go to ``--dir`` (default: the system's temporary folder); every output is fsynced
(``meldform.output.write_atomic``), so on a real disk the numbers include the disk's fsync cost,
on a tmpfs such as ``/dev/shm`` they show the computation. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NATIONAL = 270_000  # meldingen and adviesvragen Veilig Thuis receives in a year (CBS, 2023)
NATIONAL_TARGET_MINUTES = 10  # issue 14: a national year in under ten minutes on two cores

MEASURE = r"""
import json, os, resource, sys, time
from pathlib import Path
from meldform import batch
from meldform.output import ensure_dir
inputs, output, formats, jobs = sys.argv[1].split(os.pathsep), Path(sys.argv[2]), sys.argv[3].split(","), int(sys.argv[4])
load = os.getloadavg()[0]
ensure_dir(output)
start = time.perf_counter()
result = batch.run_batch(inputs, output, formats=formats, jobs=jobs)
seconds = time.perf_counter() - start
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
s = result.summary
print(json.dumps({
    "seconds": seconds, "inputs": s.bestanden, "written": s.geschreven, "ok": result.ok,
    "parent_rss_kib": me.ru_maxrss, "workers_rss_kib": kids.ru_maxrss,
    "parent_cpu": me.ru_utime + me.ru_stime, "workers_cpu": kids.ru_utime + kids.ru_stime,
    "load_before": load, "load_after": os.getloadavg()[0],
}))
"""


def documents(n: int, seed: int) -> Iterator[dict[str, Any]]:
    sys.path.insert(0, str(REPO / "tests"))
    try:
        import factory
    except ImportError:  # fall back to variants of the examples
        base = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((REPO / "examples").glob("*.json"))]
        for i in range(n):
            doc = copy.deepcopy(base[i % len(base)])
            doc["kenmerk"] = f"BENCH-{i:06d}"
            yield doc
        return
    for i, doc in enumerate(factory.make_documents(n, seed)):
        doc["kenmerk"] = f"BENCH-{i:06d}"  # the factory's kenmerken may repeat; a benchmark wants no conflicts
        yield doc


def generate(folder: Path, n: int, per_folder: int, seed: int) -> list[Path]:
    parts: list[Path] = []
    for i, doc in enumerate(documents(n, seed)):
        part = folder / f"deel-{i // per_folder:04d}"
        if i % per_folder == 0:
            part.mkdir(parents=True)
            parts.append(part)
        (part / f"{i:06d}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return parts


def _start(inputs: list[Path], output: Path, formats: str, jobs: int) -> subprocess.Popen[str]:
    shutil.rmtree(output, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    argv = [sys.executable, "-c", MEASURE, os.pathsep.join(map(str, inputs)), str(output), formats, str(jobs)]
    return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {err.strip()[-2000:]}")
    measured: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return measured


def ceiling(parts: list[Path], output: Path, formats: str) -> dict[str, Any]:
    """What two cores give to work that shares nothing: two independent ``--jobs 1`` batches, each
    on half of the inputs, started at once. No pool, no parent, no shared output folder: the
    speed-up no ``--jobs 2`` can beat on this machine (two busy cores share caches and memory)."""
    halves = [parts[0::2], parts[1::2]]
    procs = [_start(half, output / f"helft-{i}", formats, 1) for i, half in enumerate(halves)]
    runs = [_finish(proc) for proc in procs]
    seconds = max(r["seconds"] for r in runs)
    inputs = sum(r["inputs"] for r in runs)
    return {"seconds": round(seconds, 2), "inputs": inputs, "inputs_per_s": round(inputs / seconds, 1), "all_ok": all(r["ok"] for r in runs)}


def run_batch(inputs: Path, output: Path, formats: str, jobs: int) -> dict[str, Any]:
    m = _finish(_start([inputs], output, formats, jobs))
    seconds = m["seconds"]
    cpu = m["parent_cpu"] + m["workers_cpu"]
    return {
        "jobs": jobs,
        "seconds": round(seconds, 2),
        "inputs": m["inputs"],
        "written": m["written"],
        "all_ok": m["ok"],
        "inputs_per_s": round(m["inputs"] / seconds, 1),
        "documents_per_s": round(m["written"] / seconds, 1),
        "parent_peak_rss_mb": round(m["parent_rss_kib"] / 1024, 1),  # KiB on Linux
        "worker_peak_rss_mb": round(m["workers_rss_kib"] / 1024, 1),  # the largest worker (0: none)
        "peak_rss_mb": round(max(m["parent_rss_kib"], m["workers_rss_kib"]) / 1024, 1),
        "cpu_seconds": round(cpu, 2),
        "parent_cpu_seconds": round(m["parent_cpu"], 2),
        "cpu_ms_per_input": round(1000 * cpu / max(1, m["inputs"]), 2),
        "load_before": round(m["load_before"], 2),
        "load_after": round(m["load_after"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of inputs (default 10000)")
    parser.add_argument("--formats", default="html,docx", help="formats, comma-separated (default html,docx)")
    parser.add_argument("--small", type=int, default=1_000, help="the smaller batch for the memory comparison (default 1000)")
    parser.add_argument("--dir", type=Path, default=None, help="where inputs and outputs go (default: a temporary folder)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=1, help="run jobs 1 and 2 on the n inputs this many times, alternately; the fastest of each counts")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument(
        "--national",
        action="store_true",
        help=f"also report what a national year takes: {NATIONAL:,} inputs (CBS 2023: meldingen and adviesvragen at Veilig Thuis) at the --jobs 2 rate",
    )
    parser.add_argument("--generate-into", type=Path, help=argparse.SUPPRESS)  # internal: the generating child
    args = parser.parse_args()
    if args.generate_into:
        generate(args.generate_into, args.n, args.small, args.seed)
        return
    small = min(args.small, args.n)
    cores = len(os.sched_getaffinity(0))

    root = Path(tempfile.mkdtemp(prefix="meldform-bench-", dir=args.dir))
    try:
        started = time.perf_counter()
        # In a child process: this process must stay small (see the module docstring).
        argv = ["--n", str(args.n), "--small", str(small), "--seed", str(args.seed), "--generate-into", str(root / "in")]
        subprocess.run([sys.executable, __file__, *argv], check=True)
        parts = sorted((root / "in").iterdir())
        print(f"generated {args.n} inputs in {time.perf_counter() - started:.1f} s under {root}", flush=True)
        rows: list[dict[str, Any]] = []
        for size, inputs in ((args.n, root / "in"), (small, parts[0])):
            best: dict[int, dict[str, Any]] = {}
            # --repeat: jobs 1 and 2 alternately, the fastest of each kept (this VM's speed drifts
            # by tens of percent within minutes; alternating exposes both to the same drift)
            for _round in range(args.repeat if size == args.n else 1):
                for jobs in (1, 2):
                    row = run_batch(inputs, root / f"uit-{size}-{jobs}", args.formats, jobs)
                    print(
                        f"  n={size} jobs={jobs}: {row['seconds']} s, {row['inputs_per_s']} inputs/s, {row['documents_per_s']} documents/s; "
                        f"peak RSS parent {row['parent_peak_rss_mb']} MB, worker {row['worker_peak_rss_mb']} MB; "
                        f"CPU {row['cpu_seconds']} s (parent {row['parent_cpu_seconds']} s, {row['cpu_ms_per_input']} ms/input); "
                        f"load {row['load_before']}->{row['load_after']}",
                        flush=True,
                    )
                    if jobs not in best or row["seconds"] < best[jobs]["seconds"]:
                        best[jobs] = row
            rows.extend({"n": size, **best[jobs]} for jobs in (1, 2))
        one, two, small_one, small_two = rows
        free = ceiling(parts, root / "uit-plafond", args.formats)
        print(f"  n={args.n} two independent --jobs 1 batches on the halves at once: {free['seconds']} s, {free['inputs_per_s']} inputs/s", flush=True)
        speedup = one["seconds"] / two["seconds"]
        free_speedup = one["seconds"] / free["seconds"]
        # What two idle cores would give, conservatively: the parent's work counted as serial, the workers' split over two.
        ideal = one["cpu_seconds"] / (two["parent_cpu_seconds"] + (two["cpu_seconds"] - two["parent_cpu_seconds"]) / 2)
        growth = {jobs: big["peak_rss_mb"] / little["peak_rss_mb"] - 1 for jobs, big, little in ((1, one, small_one), (2, two, small_two))}
        print()
        print(f"documents/s: jobs 1 {one['documents_per_s']}, jobs 2 {two['documents_per_s']} ({args.formats}, {args.n} inputs)")
        print(f"speed-up jobs 2 vs 1 (wall clock): {speedup:.2f}x (target >= 1.8 on 2 cores; cores here: {cores})")
        print(f"ceiling of this machine (two independent batches on the halves): {free_speedup:.2f}x; --jobs 2 reaches {speedup / free_speedup:.0%} of it")
        print(
            f"CPU time jobs 2 / jobs 1: {two['cpu_seconds'] / one['cpu_seconds']:.2f}; "
            f"parent's share with jobs 2: {two['parent_cpu_seconds'] / two['cpu_seconds']:.1%}"
        )
        print(f"speed-up expected on two idle cores, from CPU time (parent counted as serial): {ideal:.2f}x")
        if max(r["load_before"] for r in rows) > cores:
            print(f"NOTE: load average above {cores} during the runs: the machine was shared; wall-clock numbers are pessimistic")
        for jobs, g in growth.items():
            print(f"peak memory n={args.n} vs n={small}, jobs {jobs}: {g:+.1%} (target within 20%)")
        national = None
        if args.national:
            rate = two["inputs_per_s"]
            minutes = NATIONAL / rate / 60
            national = {"inputs_per_s": rate, "projected_minutes": round(minutes, 1), "target_minutes": NATIONAL_TARGET_MINUTES}
            print()
            print(f"national year: {NATIONAL:,} inputs at {rate} inputs/s (--jobs 2, {args.formats}, measured on {args.n:,} inputs)")
            print(f"  projected {minutes:.1f} minutes (target < {NATIONAL_TARGET_MINUTES}; needs >= {NATIONAL / NATIONAL_TARGET_MINUTES / 60:.0f} inputs/s)")
        result = {
            "national": national,
            "n": args.n,
            "small": small,
            "formats": args.formats,
            "cores": cores,
            "output_dir": str(root),
            "runs": rows,
            "speedup": round(speedup, 2),
            "ceiling": {**free, "speedup": round(free_speedup, 2)},
            "speedup_cpu_bound": round(ideal, 2),
            "memory_growth": {str(k): round(v, 3) for k, v in growth.items()},
        }
        print(json.dumps(result))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
