"""``meldform blank``: a blank, fillable form (HTML or Word) for one sector and soort."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.model.layout import build_layout
from meldform.model.schemas import SOORTEN, UnknownVariantError, load_schemas
from meldform.output import OutputExistsError, OutputNotWritableError, write_atomic
from meldform.texts import pick
from meldform.texts.cli import OUTPUT

FORMATS = ("html", "docx")


def default_output(sector: str, soort: str, fmt: str) -> Path:
    """``meldformulier-<sector>.<fmt>`` (an advies: ``meldformulier-<sector>-advies.<fmt>``) in the current folder."""
    suffix = "-advies" if soort == "advies" else ""
    return Path(f"meldformulier-{sector}{suffix}.{fmt}")


def run(out: TextIO, *, sector: str, soort: str, fmt: str, output: Path | None, force: bool = False, lang: str = "nl", err: TextIO | None = None) -> int:
    err = err if err is not None else sys.stderr
    sectors = load_schemas().sectors
    if sector not in sectors:
        raise UnknownVariantError("sector", sector, sectors)
    if soort not in SOORTEN:
        raise UnknownVariantError("soort", soort, SOORTEN)
    layout = build_layout(soort, sector, lang)
    if fmt == "html":
        from meldform.forms.html import blank_html

        data = blank_html(layout).encode("utf-8")
    elif fmt == "docx":
        from meldform.forms.docx_writer import blank_docx

        data = blank_docx(layout)
    else:
        raise UsageError(pick(OUTPUT, "onbekend_formaat", lang, formaat=fmt, keuzes=", ".join(FORMATS)))
    target = output if output is not None else default_output(sector, soort, fmt)
    try:
        write_atomic(target, data, force=force)
    except OutputExistsError:
        err.write(f"meldform: {pick(OUTPUT, 'bestaat_al', lang, doel=target)}\n")
        return EXIT_INVALID
    except OutputNotWritableError:
        raise UsageError(pick(OUTPUT, "niet_schrijfbaar", lang, doel=target)) from None
    out.write(pick(OUTPUT, "formulier_geschreven", lang, doel=target) + "\n")
    return EXIT_OK
