"""Benchmark: validating meldingen, meldform vs check-jsonschema, in one run.

    python benchmarks/bench_validate.py --n 10000

1. Generates n valid, varied meldingen (tests/factory.py) as JSON files in a temporary folder.
2. Bulk, in one process: meldform's core (load + validate each file): meldingen/s, peak memory.
3. Bulk, as commands over the same files: `meldform validate` vs
   `check-jsonschema --schemafile <exported bundle>`: wall time and meldingen/s.
4. Start-up: wall time of `meldform validate one.json` vs `check-jsonschema` on the same file
   (median of several runs).
Targets (issue 2): start-up at most half of check-jsonschema's; bulk at least 3x its throughput.
5. The floor (issue 14): per file in one process, read + orjson + jsonschema-rs's is_valid on the
   exported schema (no findings, no rules), against meldform's read + load + structural check
   (``structural_findings``) and its whole ``check_file`` (with the rules). Target: the
   structural check within 3x of the floor. orjson is only needed here (pip install orjson).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.append(str(ROOT))  # a checkout without install; an installed meldform comes first

from factory import make_documents  # noqa: E402

from meldform.check.validation import check_file  # noqa: E402
from meldform.model.schemas import load_schemas  # noqa: E402

MELDFORM = [sys.executable, "-c", "from meldform.cli import main; main()"]


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    return time.perf_counter() - start, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()
    checker = shutil.which("check-jsonschema")
    results: dict[str, float | int | str | None] = {"n": args.n}

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for index, doc in enumerate(make_documents(args.n, seed=2026)):
            path = folder / f"m{index:05d}.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            files.append(str(path))
        bundle = folder / "bundle.schema.json"
        schemas = load_schemas()
        bundle.write_text(json.dumps(schemas.bundle(schemas.root), ensure_ascii=False), encoding="utf-8")

        # -- in one process -------------------------------------------------------------------
        check_file(files[0])  # warm caches (compiled schema) as a long-running process would
        start = time.perf_counter()
        invalid = sum(1 for f in files if not check_file(f).geldig())
        elapsed = time.perf_counter() - start
        # Peak memory in a second pass: tracemalloc slows Python down several times over.
        tracemalloc.start()
        for f in files:
            check_file(f)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        results.update(
            inproc_per_s=round(args.n / elapsed, 1),
            inproc_peak_traced_mib=round(peak / 2**20, 2),
            inproc_maxrss_mib=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            invalid=invalid,
        )

        # -- per file, against the floor -----------------------------------------------------------
        from meldform.check.loading import load_document
        from meldform.check.validation import structural_findings

        def per_file_us(run: Callable[[str], object]) -> float:
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                for f in files:
                    run(f)
                best = min(best, time.perf_counter() - start)
            return float(round(best / args.n * 1e6, 1))

        results["structural_us"] = per_file_us(lambda f: structural_findings(load_document(f).data))
        results["check_file_us"] = per_file_us(check_file)
        try:
            import jsonschema_rs
            import orjson  # type: ignore[import-not-found,unused-ignore]  # only for the floor
        except ImportError:
            results["floor_us"] = None
        else:
            floor = jsonschema_rs.validator_for(schemas.bundle(schemas.root))
            results["floor_us"] = per_file_us(lambda f: floor.is_valid(orjson.loads(Path(f).read_bytes())))
            results["structural_vs_floor"] = round(results["structural_us"] / results["floor_us"], 2)  # type: ignore[operator]

        # -- as commands over the same files ------------------------------------------------------
        wall, code = timed([*MELDFORM, "validate", *files])
        cli_per_s = round(args.n / wall, 1)
        results.update(cli_bulk_s=round(wall, 2), cli_bulk_per_s=cli_per_s, cli_exit=code)
        if checker:
            wall, code = timed([checker, "--schemafile", str(bundle), *files])
            checkjs_per_s = round(args.n / wall, 1)
            results.update(checkjs_bulk_s=round(wall, 2), checkjs_bulk_per_s=checkjs_per_s, checkjs_exit=code)
            results["bulk_speedup"] = round(cli_per_s / checkjs_per_s, 2)

        # -- start-up: one file ---------------------------------------------------------------------
        one = files[0]
        ours = [timed([*MELDFORM, "validate", one])[0] for _ in range(args.startup_runs)]
        results["startup_meldform_s"] = round(statistics.median(ours), 3)
        if checker:
            theirs = [timed([checker, "--schemafile", str(bundle), one])[0] for _ in range(args.startup_runs)]
            results["startup_checkjs_s"] = round(statistics.median(theirs), 3)
            results["startup_ratio"] = round(results["startup_meldform_s"] / results["startup_checkjs_s"], 2)  # type: ignore[operator]

    r = results
    print(f"meldingen: {r['n']} (invalid: {r['invalid']})")
    print(f"in one process : {r['inproc_per_s']} meldingen/s, peak traced {r['inproc_peak_traced_mib']} MiB, max RSS {r['inproc_maxrss_mib']} MiB")
    print(f"per file       : structural check {r['structural_us']} µs, with the rules {r['check_file_us']} µs")
    if r["floor_us"] is not None:
        print(f"  floor (orjson + jsonschema-rs is_valid): {r['floor_us']} µs -> structural {r['structural_vs_floor']}x the floor (target <= 3)")
    print(f"meldform CLI   : {r['cli_bulk_s']} s = {r['cli_bulk_per_s']} meldingen/s")
    if checker:
        print(f"check-jsonschema: {r['checkjs_bulk_s']} s = {r['checkjs_bulk_per_s']} meldingen/s")
        print(f"  bulk speed-up {r['bulk_speedup']}x (target >= 3)")
        print(f"start-up       : meldform {r['startup_meldform_s']} s vs check-jsonschema {r['startup_checkjs_s']} s")
        print(f"  ratio {r['startup_ratio']} (target <= 0.5)")
    else:
        print("check-jsonschema not installed (pip install check-jsonschema): comparison skipped")
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
