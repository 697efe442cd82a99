"""Benchmark: HTML rendering per document vs a bare Jinja2 render + write of the same template.

    python benchmarks/bench_render_html.py --n 1000

ours : present() (layout applied to the data, values formatted) + render_html() + write
bare : the same compiled template rendered with an already-built presentation + write
Both write with plain open().write() to a temporary folder, so the ratio is about rendering.
The real command writes atomically (temporary file, fsync, link); that cost is shown apart.
Target (issue 3): ours <= 2x bare.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.append(str(ROOT))

from factory import make_documents  # noqa: E402

from meldform.check.validation import validate  # noqa: E402
from meldform.documents.presentation import present  # noqa: E402
from meldform.documents.render_html import _template, render_html, stylesheet  # noqa: E402
from meldform.output import write_atomic  # noqa: E402
from meldform.texts.messages import RENDER_WORDS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs = [(d, validate(d)) for d in make_documents(args.n, seed=7)]
    css, style_hash = stylesheet()
    words = {k: v["nl"] for k, v in RENDER_WORDS.items()}
    template = _template()
    render_html(present(*docs[0]))  # warm: layout, template, stylesheet caches

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        presentations = [present(d, f) for d, f in docs]
        start = time.perf_counter()
        for i, p in enumerate(presentations):
            (out / f"bare{i}.html").write_text(template.render(doc=p, style=css, style_hash=style_hash, words=words), encoding="utf-8")
        bare = (time.perf_counter() - start) / args.n

        start = time.perf_counter()
        for i, (d, f) in enumerate(docs):
            (out / f"ours{i}.html").write_text(render_html(present(d, f)), encoding="utf-8")
        ours = (time.perf_counter() - start) / args.n

        start = time.perf_counter()
        for i, (d, f) in enumerate(docs):
            write_atomic(out / f"atomic{i}.html", render_html(present(d, f)).encode("utf-8"))
        atomic = (time.perf_counter() - start) / args.n
        sizes = [p.stat().st_size for p in out.glob("ours*.html")]

    figures = {
        "n": args.n,
        "bare_ms": round(bare * 1000, 3),
        "ours_ms": round(ours * 1000, 3),
        "ratio": round(ours / bare, 2),
        "ours_atomic_ms": round(atomic * 1000, 3),
        "median_kib": round(statistics.median(sizes) / 1024, 1),
    }
    print(f"documents: {args.n} (median {figures['median_kib']} KiB)")
    print(f"bare Jinja2 render+write : {figures['bare_ms']} ms/document")
    print(f"meldform present+render+write: {figures['ours_ms']} ms/document -> ratio {figures['ratio']} (target <= 2)")
    print(f"  with atomic, fsynced write: {figures['ours_atomic_ms']} ms/document")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
