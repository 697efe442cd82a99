"""From a valid melding to document bytes, in any supported format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meldform.check.findings import Finding
from meldform.documents.presentation import Presentation, present
from meldform.model.schemas import load_schemas

FORMATS = ("html", "docx", "pdf")


def _html(doc: Presentation) -> bytes:
    from meldform.documents.render_html import render_html

    return render_html(doc).encode("utf-8")


def _docx(doc: Presentation) -> bytes:
    from meldform.documents.render_docx import render_docx  # python-docx only when Word is asked for

    return render_docx(doc)


def _pdf(doc: Presentation) -> bytes:
    from meldform.documents.render_pdf import render_pdf  # WeasyPrint only when a PDF is asked for

    return render_pdf(doc)


RENDERERS: dict[str, Callable[[Presentation], bytes]] = {"html": _html, "docx": _docx, "pdf": _pdf}


def output_name(data: dict[str, Any], fmt: str) -> str:
    """``<kenmerk>.<fmt>``: named after the field the schema marks ``x-bestandsnaam``, whose pattern
    guarantees a safe file name."""
    key = load_schemas().file_name_key
    if key is None:
        raise LookupError("no field of the schema is marked x-bestandsnaam")
    return f"{data[key]}.{fmt}"


def render_document(data: dict[str, Any], findings: list[Finding], fmt: str, lang: str = "nl") -> bytes:
    return RENDERERS[fmt](present(data, findings, lang))
