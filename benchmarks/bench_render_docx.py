"""Benchmark: Word rendering against python-docx's own floor.

The floor is what python-docx needs for an EMPTY document: ``Document()`` + ``save(BytesIO())``.
``render_docx`` must stay at or below it per document. Reported per document, in milliseconds:

- floor:   Document() + save() of an empty document (mean over n iterations);
- present: meldform.documents.presentation.present() (layout cached, as in a batch);
- render:  meldform.documents.render_docx.render_docx() of that presentation;
- OOXML floor: the same presentation as one Jinja2 document.xml deflated into a minimal zip;
- ratio:   render / floor (and present + render / floor), and present + render / OOXML floor
           (issue 14: at most 2).

Documents come from tests/factory.py (``make_documents(n, seed)``) when it is there, otherwise
the examples are cycled. Validation (for the notices) happens before timing and is not counted.

    python3 benchmarks/bench_render_docx.py --n 1000 [--json]

With ``--json`` the results go to stdout as JSON and the table to stderr.
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import json
import platform
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meldform.check.loading import load_document  # noqa: E402
from meldform.check.validation import validate  # noqa: E402
from meldform.documents.presentation import present  # noqa: E402


def documents(n: int, seed: int) -> tuple[str, Iterator[dict[str, Any]]]:
    factory = ROOT / "tests" / "factory.py"
    if factory.exists():
        sys.path.insert(0, str(factory.parent))
        import importlib

        module = importlib.import_module("factory")
        if hasattr(module, "make_documents"):
            return f"tests/factory.py make_documents(n, seed={seed})", module.make_documents(n, seed)
    files = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))
    loaded = [load_document(str(p)).data for p in files]
    return f"examples/ ({len(files)} files, cycled)", itertools.islice(itertools.cycle(loaded), n)


def stats(samples: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples)
    return {
        "mean_ms": statistics.fmean(ms),
        "median_ms": statistics.median(ms),
        "p95_ms": ms[min(len(ms) - 1, int(len(ms) * 0.95))],
        "min_ms": ms[0],
    }


def floor(n: int) -> list[float]:
    from docx import Document

    Document().save(io.BytesIO())  # warm: imports, template file in the page cache
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        doc = Document()
        doc.save(io.BytesIO())
        samples.append(time.perf_counter() - start)
    return samples


# The hand-built OOXML floor (issue 14): the least a .docx of the same content can cost — one
# Jinja2 document.xml (a heading per block, a two-column table of its rows), the three parts Word
# needs, deflated into a zip. No styles, no footer, no properties: a floor, not a product.
_FLOOR_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>{{ doc.title }}</w:t></w:r></w:p>
{%- macro block(b) %}
<w:p><w:r><w:t>{{ b.title }}</w:t></w:r></w:p>
<w:tbl>{% for row in b.items if row.label is defined %}<w:tr>
<w:tc><w:p><w:r><w:t>{{ row.label }}</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t xml:space="preserve">{{ row.value if row.value is string else row.value | join(", ") }}</w:t></w:r></w:p></w:tc>
</w:tr>{% endfor %}</w:tbl>
{%- for sub in b.items if sub.title is defined %}{{ block(sub) }}{% endfor %}
{%- endmacro %}
{%- for b in doc.blocks %}{{ block(b) }}{% endfor %}
<w:sectPr/></w:body></w:document>"""
_FLOOR_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_FLOOR_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def ooxml_floor(presentations: list[Any]) -> list[float]:
    import zipfile

    from jinja2 import Environment

    template = Environment(autoescape=True).from_string(_FLOOR_XML)
    samples = []
    for presentation in presentations:
        start = time.perf_counter()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", _FLOOR_TYPES)
            package.writestr("_rels/.rels", _FLOOR_RELS)
            package.writestr("word/document.xml", template.render(doc=presentation))
        samples.append(time.perf_counter() - start)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="documents to render (and floor iterations)")
    parser.add_argument("--seed", type=int, default=0, help="seed for tests/factory.py")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--json", action="store_true", help="write the results as JSON to stdout (table to stderr)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    source, docs = documents(args.n, args.seed)
    prepared = [(doc, validate(doc, lang=args.lang)) for doc in docs]

    from meldform.documents.render_docx import render_docx

    # One-off costs, outside the per-document numbers: each layout, and the Word base package.
    start = time.perf_counter()
    seen: set[tuple[str, str]] = set()
    for doc, findings in prepared:
        variant = (str(doc["soort"]), str(doc["sector"]))
        if variant not in seen:
            seen.add(variant)
            render_docx(present(doc, findings, args.lang))
    setup_s = time.perf_counter() - start

    gc.collect()
    present_samples: list[float] = []
    render_samples: list[float] = []
    sizes: list[int] = []
    for doc, findings in prepared:
        t0 = time.perf_counter()
        presentation = present(doc, findings, args.lang)
        t1 = time.perf_counter()
        data = render_docx(presentation)
        t2 = time.perf_counter()
        present_samples.append(t1 - t0)
        render_samples.append(t2 - t1)
        sizes.append(len(data))

    floor_samples = floor(args.n)
    built = [present(doc, findings, args.lang) for doc, findings in prepared]
    ooxml_samples = ooxml_floor(built)

    result: dict[str, Any] = {
        "n": args.n,
        "documents": source,
        "lang": args.lang,
        "python": platform.python_version(),
        "setup_ms": setup_s * 1000,
        "floor": stats(floor_samples),
        "ooxml_floor": stats(ooxml_samples),
        "present": stats(present_samples),
        "render_docx": stats(render_samples),
        "mean_docx_bytes": statistics.fmean(sizes),
    }
    floor_mean = result["floor"]["mean_ms"]
    result["ratio_render_to_floor"] = result["render_docx"]["mean_ms"] / floor_mean
    result["ratio_present_render_to_floor"] = (result["render_docx"]["mean_ms"] + result["present"]["mean_ms"]) / floor_mean
    result["ratio_present_render_to_ooxml_floor"] = (result["render_docx"]["mean_ms"] + result["present"]["mean_ms"]) / result["ooxml_floor"]["mean_ms"]
    # medians too: on a shared machine a few slow outliers move the means
    result["ratio_present_render_to_ooxml_floor_median"] = (result["render_docx"]["median_ms"] + result["present"]["median_ms"]) / result["ooxml_floor"][
        "median_ms"
    ]

    out = sys.stderr if args.json else sys.stdout
    print(f"render_docx benchmark: n={args.n}, documents: {source}, lang={args.lang}, Python {result['python']}", file=out)
    print(f"one-off setup (layouts + Word base package): {result['setup_ms']:.1f} ms", file=out)
    print(f"{'per document, ms':<44}{'mean':>10}{'median':>10}{'p95':>10}{'min':>10}", file=out)
    for label, key in (
        ("floor: Document() + save(BytesIO()), empty", "floor"),
        ("floor: Jinja2 document.xml into a zip", "ooxml_floor"),
        ("present()", "present"),
        ("render_docx()", "render_docx"),
    ):
        s = result[key]
        print(f"{label:<44}{s['mean_ms']:>10.3f}{s['median_ms']:>10.3f}{s['p95_ms']:>10.3f}{s['min_ms']:>10.3f}", file=out)
    print(f"ratio render_docx / floor: {result['ratio_render_to_floor']:.3f}", file=out)
    print(f"ratio (present + render_docx) / floor: {result['ratio_present_render_to_floor']:.3f}", file=out)
    print(
        f"ratio (present + render_docx) / OOXML floor: {result['ratio_present_render_to_ooxml_floor']:.2f} of the means, "
        f"{result['ratio_present_render_to_ooxml_floor_median']:.2f} of the medians (target <= 2)",
        file=out,
    )
    print(f"mean .docx size: {result['mean_docx_bytes'] / 1024:.1f} kB", file=out)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
