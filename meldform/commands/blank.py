"""``meldform blank``: a blank, fillable form (HTML or Word) for one sector and soort."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.model.layout import build_layout
from meldform.model.schemas import SOORTEN, load_schemas
from meldform.output import OutputExistsError, OutputNotWritableError, write_atomic
from meldform.texts.messages import output_text, pick

_WORDS = {
    "geschreven": {"nl": "formulier geschreven naar {doel}", "en": "form written to {doel}"},
    "bestaat_al": {
        "nl": "{doel} bestaat al; niet overschreven (gebruik --force om te overschrijven)",
        "en": "{doel} already exists; not overwritten (use --force to overwrite)",
    },
    "niet_schrijfbaar": {"nl": "{doel} is niet te schrijven", "en": "{doel} cannot be written"},
    "onbekende_soort": {"nl": "onbekende soort '{soort}'; kies uit: {keuzes}", "en": "unknown soort '{soort}'; choose from: {keuzes}"},
    "onbekend_formaat": {"nl": "onbekend formaat '{formaat}'; kies uit: html, docx", "en": "unknown format '{formaat}'; choose from: html, docx"},
}


def _say(key: str, lang: str, **params: object) -> str:
    return pick(_WORDS, key, lang, **params)


def default_output(sector: str, soort: str, fmt: str) -> Path:
    """``meldformulier-<sector>.<fmt>`` (an advies: ``meldformulier-<sector>-advies.<fmt>``) in the current folder."""
    suffix = "-advies" if soort == "advies" else ""
    return Path(f"meldformulier-{sector}{suffix}.{fmt}")


def run(out: TextIO, *, sector: str, soort: str, fmt: str, output: Path | None, force: bool = False, lang: str = "nl", err: TextIO | None = None) -> int:
    err = err if err is not None else sys.stderr
    sectors = load_schemas().sectors
    if sector not in sectors:
        raise UsageError(output_text("onbekende_sector", lang, sector=sector, keuzes=", ".join(sectors)))
    if soort not in SOORTEN:
        raise UsageError(_say("onbekende_soort", lang, soort=soort, keuzes=", ".join(SOORTEN)))
    layout = build_layout(soort, sector, lang)
    if fmt == "html":
        from meldform.forms.html import blank_html

        data = blank_html(layout).encode("utf-8")
    elif fmt == "docx":
        from meldform.forms.docx_writer import blank_docx

        data = blank_docx(layout)
    else:
        raise UsageError(_say("onbekend_formaat", lang, formaat=fmt))
    target = output if output is not None else default_output(sector, soort, fmt)
    try:
        write_atomic(target, data, force=force)
    except OutputExistsError:
        err.write(f"meldform: {_say('bestaat_al', lang, doel=target)}\n")
        return EXIT_INVALID
    except OutputNotWritableError:
        raise UsageError(_say("niet_schrijfbaar", lang, doel=target)) from None
    out.write(_say("geschreven", lang, doel=target) + "\n")
    return EXIT_OK
