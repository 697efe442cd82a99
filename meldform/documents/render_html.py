"""Rendering a presentation to one self-contained HTML file (inline CSS, no script, strict CSP)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from meldform.cleaning import clean
from meldform.documents.presentation import Block, Presentation, Row
from meldform.resources import resource_dir
from meldform.texts import localized
from meldform.texts.documents import DOCUMENT_WORDS

# Characters HTML may not contain even escaped (C0 controls other than tab/newline/CR, and
# noncharacters); pasted text sometimes carries them. They are replaced by a space.


@dataclass(frozen=True)
class _Run:
    rows: tuple[Row, ...] = ()
    block: Block | None = None


def _runs(items: Iterable[Row | Block]) -> Iterator[_Run]:
    """Consecutive rows form one table; each sub-block stands alone."""
    pending: list[Row] = []
    for item in items:
        if isinstance(item, Row):
            pending.append(item)
            continue
        if pending:
            yield _Run(rows=tuple(pending))
            pending = []
        yield _Run(block=item)
    if pending:
        yield _Run(rows=tuple(pending))


def _anchor(path: str) -> str:
    return "v" + re.sub(r"[^A-Za-z0-9]+", "-", path).rstrip("-")


def _clean(value: object) -> object:
    if isinstance(value, Markup):
        return value  # already escaped and cleaned where its text was first output
    if isinstance(value, str):
        return clean(value)
    return value


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(resource_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        auto_reload=False,
        finalize=_clean,
    )
    env.filters["runs"] = _runs
    env.filters["anchor"] = _anchor
    return env


@cache
def _template() -> Template:
    return environment().get_template("melding.html.j2")


@cache
def stylesheet() -> tuple[str, str]:
    """The inline CSS and its CSP source expression ('sha256-…')."""
    css = (resource_dir("templates") / "melding.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return css, f"sha256-{digest}"


# The blocks and tables of a document, built in Python: as Jinja2 macros they took three quarters
# of the render time (a macro call costs about 25 µs, and a melding has some 120 of them; issue 14).
# The page around them stays in templates/melding.html.j2. The markup is exactly what the macros
# wrote: tests/test_render_html_reference.py renders both on every example and generated document.


def _text(value: object) -> str:
    """A value as the template would output it: cleaned (``finalize``), then escaped."""
    if isinstance(value, Markup):
        return str(value)
    return str(escape(clean(value) if isinstance(value, str) else value))


def _value_html(row: Row) -> str:
    if isinstance(row.value, tuple):
        return "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in row.value) + "</ul>"
    if row.multiline:
        return f'<div class="tekst">{_text(row.value)}</div>'
    return _text(row.value)


def _table_html(rows: Iterable[Row]) -> str:
    cells = "".join(f'\n  <tr><th scope="row">{_text(row.label)}</th><td>{_value_html(row)}</td></tr>' for row in rows)
    return f'<table class="velden">{cells}\n</table>'


def _block_html(block: Block) -> str:
    anchor = _text(_anchor(block.path))
    level = _text(block.level)
    out = [f'<section id="{anchor}" aria-labelledby="{anchor}-kop" class="niveau-{level}">\n<h{level} id="{anchor}-kop">{_text(block.title)}</h{level}>']
    if block.intro:
        out.append(f'\n<p class="intro">{_text(block.intro)}</p>')
    parts = list(_runs(block.items))
    out.extend("\n" + _table_html(run.rows) for run in parts if run.rows)
    if block.conclusion:
        out.append(f'\n<p class="conclusie"><strong>{_text(block.conclusion.label)}:</strong> {_text(block.conclusion.value)}</p>')
    out.extend("\n" + _block_html(run.block) for run in parts if run.block)
    out.append("\n</section>")
    return "".join(out)


def render_html(doc: Presentation) -> str:
    css, style_hash = stylesheet()
    words = localized(DOCUMENT_WORDS, doc.lang)
    return _template().render(
        doc=doc,
        style=css,
        style_hash=style_hash,
        words=words,
        header=Markup(_table_html(doc.header)),  # noqa: S704 - built from escaped parts above
        blocks=[Markup(_block_html(block)) for block in doc.blocks],  # noqa: S704
    )
