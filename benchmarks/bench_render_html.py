"""Benchmark: HTML rendering per document, and the Jinja2-macro renderer it replaced.

    python benchmarks/bench_render_html.py --n 1000

present : the layout applied to the data, values formatted (``present()``)
render  : ``render_html()`` of a built presentation (blocks and tables in Python, the page in Jinja2)
macros  : the same presentation through tests/reference/melding.html.j2, the template whose
          macros rendered the blocks before issue 14 (the byte-for-byte oracle of
          tests/test_render_html_reference.py)
total   : present + render + write (plain open().write() to a temporary folder) — target
          (issue 14) at most 1.5 ms per document. The atomic, fsynced write is shown apart.
Each figure is the best of three rounds (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.append(str(ROOT))

from factory import make_documents  # noqa: E402

from meldform.check.validation import validate  # noqa: E402
from meldform.documents.presentation import present  # noqa: E402
from meldform.documents.render_html import render_html  # noqa: E402
from meldform.output import write_atomic  # noqa: E402


def best(rounds: int, run: Callable[[], object], n: int) -> float:
    """The fastest of ``rounds`` runs, in ms per document."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times) / n * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from test_render_html_reference import reference_html

    docs = [(d, validate(d)) for d in make_documents(args.n, seed=7)]
    render_html(present(*docs[0]))  # warm: layout, template, stylesheet caches
    reference_html(present(*docs[0]))
    presentations = [present(d, f) for d, f in docs]

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def total() -> None:
            for i, (d, f) in enumerate(docs):
                (out / f"ours{i}.html").write_text(render_html(present(d, f)), encoding="utf-8")

        def atomic() -> None:
            for i, (d, f) in enumerate(docs):
                write_atomic(out / f"atomic{i}.html", render_html(present(d, f)).encode("utf-8"), force=True)

        figures = {
            "n": args.n,
            "present_ms": round(best(3, lambda: [present(d, f) for d, f in docs], args.n), 3),
            "render_ms": round(best(3, lambda: [render_html(p) for p in presentations], args.n), 3),
            "macros_ms": round(best(3, lambda: [reference_html(p) for p in presentations], args.n), 3),
            "total_ms": round(best(3, total, args.n), 3),
            "total_atomic_ms": round(best(1, atomic, args.n), 3),
        }
        sizes = [p.stat().st_size for p in out.glob("ours*.html")]
    figures["median_kib"] = round(statistics.median(sizes) / 1024, 1)
    print(f"documents: {args.n} (median {figures['median_kib']} KiB)")
    print(f"present()                     : {figures['present_ms']} ms/document")
    print(f"render_html()                 : {figures['render_ms']} ms/document (the macros it replaced: {figures['macros_ms']})")
    print(f"present + render + write      : {figures['total_ms']} ms/document (target <= 1.5)")
    print(f"  with the atomic, fsynced write: {figures['total_atomic_ms']} ms/document")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
