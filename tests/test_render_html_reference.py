"""The filled HTML, byte for byte, as the Jinja2 macros wrote it before issue 14 moved the blocks
and tables into Python (meldform/documents/render_html.py).

tests/reference/melding.html.j2 is that template, kept as the oracle: it is rendered with the
package's own Jinja2 environment settings (autoescape, the cleaning ``finalize``, the filters), and
must give exactly what ``render_html`` gives — on every example in both languages, on generated
documents, and on documents full of hostile characters and XSS payloads.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from attack_surface import HOSTILE_CHARS, get, string_leaves, xss_payloads
from factory import make_documents
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from meldform.check.loading import load_document
from meldform.check.validation import validate
from meldform.documents import render_html as module
from meldform.documents.presentation import Presentation, present
from meldform.documents.render_html import render_html, stylesheet
from meldform.texts import localized
from meldform.texts.documents import DOCUMENT_WORDS

EXAMPLES = sorted(p for p in (Path(__file__).resolve().parents[1] / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))


@cache
def reference() -> Template:
    env = Environment(
        loader=FileSystemLoader(str(Path(__file__).parent / "reference")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        auto_reload=False,
        finalize=module._clean,
    )
    env.filters["runs"] = module._runs
    env.filters["anchor"] = module._anchor
    return env.get_template("melding.html.j2")


def reference_html(doc: Presentation) -> str:
    css, style_hash = stylesheet()
    return reference().render(doc=doc, style=css, style_hash=style_hash, words=localized(DOCUMENT_WORDS, doc.lang))


def same(data: dict[str, Any], lang: str = "nl") -> None:
    presentation = present(data, validate(data, lang=lang), lang)
    ours, theirs = render_html(presentation), reference_html(presentation)
    assert ours == theirs, next((i, ours[i - 80 : i + 80], theirs[i - 80 : i + 80]) for i in range(len(ours)) if ours[i : i + 1] != theirs[i : i + 1])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_renders_as_the_macros_did(path: Path, lang: str) -> None:
    same(load_document(str(path)).data, lang)


def test_generated_documents_render_as_the_macros_did() -> None:
    for data in make_documents(150, seed=14):
        same(data)


@pytest.mark.parametrize("payload", [*HOSTILE_CHARS.values(), *xss_payloads()[:12]])
def test_hostile_text_renders_as_the_macros_did(payload: str) -> None:
    data = next(make_documents(1, seed=len(payload)))
    leaves = [leaf for leaf in string_leaves(data) if leaf[-1] not in ("soort", "sector", "schemaVersie", "kenmerk", "datum")]
    rnd = random.Random(sum(map(ord, payload)))
    for leaf in rnd.sample(leaves, min(25, len(leaves))):
        parent = get(data, leaf[:-1])
        parent[leaf[-1]] = f"{parent[leaf[-1]]} {payload} <b>&amp;</b>"
    same(data)
