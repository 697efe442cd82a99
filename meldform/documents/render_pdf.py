"""PDF from the HTML a document already has: WeasyPrint lays it out with the HTML's own print stylesheet.

One layout for screen, paper and PDF: the melding's HTML (``render_html``) and the parents' letter
(``render_brief_html``) carry ``@page`` and ``@media print`` rules, and WeasyPrint renders exactly
those, in-process. The PDF is PDF/UA-1: tagged (headings, lists, tables and their header cells in a
structure tree), with the document's language and title in its metadata, so a screen reader reads
it in order.

Nothing is loaded from outside the document: every URL WeasyPrint would fetch (an image, a
stylesheet, a font by URL) goes to :class:`_NoFetch`, which refuses it. The HTML holds no such URL
— every text in it is escaped — so this is a second lock, not the first. Fonts come from the
machine's fontconfig.

WeasyPrint needs the Pango libraries (Debian: ``libpango-1.0-0 libpangoft2-1.0-0
libharfbuzz-subset0``); without them importing it fails, and :class:`PdfUnavailable` says so in one
line.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from meldform.documents.presentation import Presentation
from meldform.errors import EXIT_USAGE, MeldformError
from meldform.resources import resource_dir
from meldform.texts import pick
from meldform.texts.documents import PDF_TEXTS as TEXTS

PDF_VARIANT = "pdf/ua-1"


class PdfUnavailable(MeldformError):
    """WeasyPrint cannot be loaded on this machine: a usage problem (exit 2), not a bad document."""

    exit_code = EXIT_USAGE

    def message(self, lang: str = "nl") -> str:
        return pick(TEXTS, "niet_beschikbaar", lang)


@cache
def _engine() -> Any:
    """WeasyPrint, its font configuration and the PDF-only stylesheet, loaded once per process."""
    try:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError):  # OSError: cffi cannot find libpango / libgobject
        raise PdfUnavailable() from None

    class _NoFetch(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
        """Refuses every URL: the PDF is made from the document alone."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            raise ValueError(pick(TEXTS, "geweigerd", "en"))

    fonts = FontConfiguration()
    fetcher = _NoFetch()
    css = (resource_dir("templates") / "pdf.css").read_text(encoding="utf-8")
    sheet = weasyprint.CSS(string=css, font_config=fonts, url_fetcher=fetcher)
    return weasyprint, fonts, fetcher, sheet


def available() -> bool:
    """Whether PDFs can be made here (WeasyPrint and Pango load)."""
    try:
        _engine()
    except PdfUnavailable:
        return False
    return True


def html_to_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 of ``html`` (a complete document from one of meldform's templates)."""
    weasyprint, fonts, fetcher, sheet = _engine()
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=None)
    pdf: bytes = document.write_pdf(stylesheets=[sheet], font_config=fonts, pdf_variant=PDF_VARIANT)
    return pdf


def render_pdf(doc: Presentation) -> bytes:
    """The melding as PDF: its HTML, laid out for print."""
    from meldform.documents.render_html import render_html

    return html_to_pdf(render_html(doc))
