"""The parents' letter as HTML, Word or PDF: one content model (``brief.Letter``), three layouts.

HTML follows the melding's rules: one self-contained file, inline CSS allowed by its hash in a
strict Content-Security-Policy, no script, no URL; every text cleaned and escaped by the same Jinja
environment as the melding. The PDF is that HTML laid out by its print stylesheet
(``render_pdf.html_to_pdf``: tagged PDF/UA-1). Word reuses the melding's prepared package (styles,
footer with page numbers, core properties) through ``render_docx``'s public functions and puts
the letter's own ``word/document.xml`` in it.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from collections.abc import Callable
from functools import cache
from io import BytesIO

from jinja2 import Template

from meldform.cleaning import clean
from meldform.documents.brief import Letter, Part
from meldform.documents.presentation import Presentation
from meldform.documents.render_html import environment
from meldform.resources import resource_dir


# -- HTML ---------------------------------------------------------------------------------------------
@cache
def _template() -> Template:
    return environment().get_template("brief.html.j2")


@cache
def stylesheet() -> tuple[str, str]:
    """The letter's inline CSS and its CSP source expression ('sha256-…')."""
    css = (resource_dir("templates") / "brief.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return css, f"sha256-{digest}"


def render_brief_html(letter: Letter) -> str:
    css, style_hash = stylesheet()
    return _template().render(letter=letter, style=css, style_hash=style_hash)


# -- PDF ----------------------------------------------------------------------------------------------
def render_brief_pdf(letter: Letter) -> bytes:
    from meldform.documents.render_pdf import html_to_pdf

    return html_to_pdf(render_brief_html(letter))


# -- Word ---------------------------------------------------------------------------------------------
def _esc(text: str) -> str:
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _p(text: str, style: str = "", *, bold_label: str = "", ppr: str = "") -> str:
    style_ref = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{style_ref}{ppr}</w:pPr>" if style or ppr else ""
    label = f'<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">{_esc(bold_label)}</w:t></w:r>' if bold_label else ""
    return f'<w:p>{props}{label}<w:r><w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:p>'


def _lines(lines: tuple[str, ...], ppr: str = "") -> str:
    """Lines in one paragraph, separated by line breaks (a signature)."""
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{_esc(line)}</w:t></w:r>' for line in lines)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def _parts(parts: tuple[Part, ...], style: str = "") -> list[str]:
    out: list[str] = []
    for part in parts:
        if isinstance(part, tuple):
            out.extend(_p(item, "ListBullet") for item in part)
        else:
            out.append(_p(part, style))
    return out


def document_xml(letter: Letter) -> str:
    from meldform.ooxml import FOOTER_RID, R_NS, W_NS

    body: list[str] = [_p(letter.title, "Title")]
    body.extend(_p(value, bold_label=f"{label}: ", ppr='<w:spacing w:after="0"/>') for label, value in letter.facts)
    body.append(_p(letter.salutation, ppr='<w:spacing w:before="360"/>'))
    body.extend(_p(paragraph) for paragraph in letter.intro)
    for section in letter.sections:
        body.append(_p(section.heading, "Heading1"))
        body.extend(_parts(section.parts))
    if letter.closing:
        body.append(_p(letter.closing[0], ppr='<w:keepNext/><w:spacing w:before="360"/>'))  # the greeting stays with the name
        body.append(_lines(letter.closing[1:]))
    body.append(_p(letter.helpline.heading, "Heading1"))
    body.extend(_parts(letter.helpline.parts, "Conclusion"))
    sect = (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_RID}"/><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        + "".join(body)
        + sect
        + "</w:body></w:document>"
    )


def render_brief_docx(letter: Letter) -> bytes:
    """The melding's Word package (its styles, language and footer), with the letter as its body.

    In a shielded letter the footer and the document properties carry no kenmerk: only page numbers
    and the footer note.
    """
    from meldform.documents.render_docx import render_docx

    shell = Presentation(
        title=letter.title,
        kenmerk="" if letter.shielded else letter.kenmerk,
        lang=letter.lang,
        header=[],
        notices=[],
        blocks=[],
        footer=letter.footer,
    )
    package = render_docx(shell)
    body = document_xml(letter).encode("utf-8")
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(package)) as source, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = body if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info, data, compresslevel=1)
    return out.getvalue()


def _html(letter: Letter) -> bytes:
    return render_brief_html(letter).encode("utf-8")


RENDERERS: dict[str, Callable[[Letter], bytes]] = {"html": _html, "docx": render_brief_docx, "pdf": render_brief_pdf}


def render_letter(letter: Letter, fmt: str) -> bytes:
    return RENDERERS[fmt](letter)
