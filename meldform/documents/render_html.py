"""Rendering a presentation to one self-contained HTML file (inline CSS, no script, strict CSP)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

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


def render_html(doc: Presentation) -> str:
    css, style_hash = stylesheet()
    words = localized(DOCUMENT_WORDS, doc.lang)
    return _template().render(doc=doc, style=css, style_hash=style_hash, words=words)
