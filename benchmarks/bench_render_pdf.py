"""Benchmark: PDF rendering per document, beside HTML and Word of the same documents.

For each document, ``meldform.documents.rendering.render_document`` in every format (html, docx,
pdf: validation, presentation and rendering, as ``meldform render`` does it), and for the
documents that may become one, the parents' letter (``make_letter`` + ``render_letter``) in every
format. Reported per document in milliseconds, wall clock and CPU time of this process (on a busy
machine the CPU figure is the steadier one), plus the mean PDF size and pages.

Documents come from tests/factory.py (``make_documents(n, seed)``) when it is there, otherwise
the examples are cycled. The first document of each format is rendered once before timing
(imports, fonts, templates, the Word base package): that one-off cost is reported apart.

    python3 benchmarks/bench_render_pdf.py --n 50 [--json]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import platform
import re
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meldform.check.loading import load_document  # noqa: E402
from meldform.check.validation import validate  # noqa: E402
from meldform.documents.brief import LetterRefused, make_letter  # noqa: E402
from meldform.documents.render_brief import render_letter  # noqa: E402
from meldform.documents.rendering import render_document  # noqa: E402

FORMATS = ("html", "docx", "pdf")


def documents(n: int, seed: int) -> tuple[str, list[dict[str, Any]]]:
    factory = ROOT / "tests" / "factory.py"
    if factory.exists():
        sys.path.insert(0, str(factory.parent))
        import importlib

        module = importlib.import_module("factory")
        if hasattr(module, "make_documents"):
            return f"tests/factory.py make_documents(n, seed={seed})", list(module.make_documents(n, seed))
    files = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))
    loaded = [load_document(str(p)).data for p in files]
    return f"examples/ ({len(files)} files, cycled)", list(itertools.islice(itertools.cycle(loaded), n))


def timed(work: Callable[[], bytes]) -> tuple[float, float, bytes]:
    wall, cpu = time.perf_counter(), time.process_time()
    data = work()
    return time.perf_counter() - wall, time.process_time() - cpu, data


def stats(samples: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples)
    return {"mean_ms": statistics.fmean(ms), "median_ms": statistics.median(ms), "p95_ms": ms[min(len(ms) - 1, int(len(ms) * 0.95))]}


def pages(pdf: bytes) -> int:
    """Page objects, counted in the file and in its compressed object streams."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", match.end())
        try:
            parts.append(zlib.decompress(pdf[match.end() : end]))
        except zlib.error:
            continue
    return sum(len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", part)) for part in parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", type=int, default=50, help="documents to render")
    parser.add_argument("--seed", type=int, default=0, help="seed for tests/factory.py")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--json", action="store_true", help="write the results as JSON to stdout (table to stderr)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    source, docs = documents(args.n, args.seed)
    prepared = [(doc, validate(doc, lang=args.lang)) for doc in docs]
    letters = []
    for doc, _ in prepared:
        try:
            letters.append(make_letter(doc, args.lang))
        except LetterRefused:
            continue

    warm: dict[str, float] = {}
    for fmt in FORMATS:
        wall, _, _ = timed(lambda fmt=fmt: render_document(prepared[0][0], prepared[0][1], fmt, args.lang))  # type: ignore[misc]
        warm[fmt] = wall * 1000

    gc.collect()
    result: dict[str, Any] = {
        "n": args.n,
        "letters": len(letters),
        "documents": source,
        "lang": args.lang,
        "python": platform.python_version(),
        "warm_up_ms": warm,
    }
    rows: list[tuple[str, str]] = []
    for fmt in FORMATS:
        walls, cpus, sizes, counts = [], [], [], []
        for doc, findings in prepared:
            wall, cpu, data = timed(lambda doc=doc, findings=findings, fmt=fmt: render_document(doc, findings, fmt, args.lang))  # type: ignore[misc]
            walls.append(wall)
            cpus.append(cpu)
            sizes.append(len(data))
            if fmt == "pdf":
                counts.append(pages(data))
        key = f"melding_{fmt}"
        result[key] = {"wall": stats(walls), "cpu": stats(cpus), "mean_bytes": statistics.fmean(sizes)}
        if counts:
            result[key]["mean_pages"] = statistics.fmean(counts)
        rows.append((f"melding, {fmt}", key))
    for fmt in FORMATS:
        if not letters:
            break
        walls, cpus, sizes = [], [], []
        for letter in letters:
            wall, cpu, data = timed(lambda letter=letter, fmt=fmt: render_letter(letter, fmt))  # type: ignore[misc]
            walls.append(wall)
            cpus.append(cpu)
            sizes.append(len(data))
        key = f"brief_{fmt}"
        result[key] = {"wall": stats(walls), "cpu": stats(cpus), "mean_bytes": statistics.fmean(sizes)}
        rows.append((f"letter, {fmt}", key))

    out = sys.stderr if args.json else sys.stdout
    print(f"PDF benchmark: n={args.n} ({len(letters)} letters), documents: {source}, lang={args.lang}, Python {result['python']}", file=out)
    print("warm-up (first document, imports and fonts): " + ", ".join(f"{fmt} {ms:.0f} ms" for fmt, ms in warm.items()), file=out)
    print(f"{'per document, ms':<22}{'wall mean':>11}{'median':>9}{'p95':>9}{'cpu mean':>11}{'kB':>8}", file=out)
    for label, key in rows:
        r = result[key]
        wall, cpu = r["wall"], r["cpu"]
        line = f"{label:<22}{wall['mean_ms']:>11.1f}{wall['median_ms']:>9.1f}{wall['p95_ms']:>9.1f}{cpu['mean_ms']:>11.1f}{r['mean_bytes'] / 1024:>8.1f}"
        print(line, file=out)
    if "mean_pages" in result.get("melding_pdf", {}):
        print(f"melding PDF: {result['melding_pdf']['mean_pages']:.1f} pages on average", file=out)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
