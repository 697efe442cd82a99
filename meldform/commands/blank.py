"""``meldform blank``: a blank, fillable form (HTML or Word) for one sector and soort, made by the API
(``meldform.api.blank_form``, named by ``meldform.api.form_name``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from meldform import api
from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.output import OutputExistsError, OutputNotWritableError, write_atomic
from meldform.texts import pick
from meldform.texts.cli import OUTPUT


def run_blank(
    out: TextIO,
    *,
    sector: str,
    soort: str,
    fmt: str,
    output: Path | None,
    force: bool = False,
    lang: str = "nl",
    err: TextIO | None = None,
    slots: int | None = None,
) -> int:
    err = err if err is not None else sys.stderr
    data = api.blank_form(sector, soort=soort, fmt=fmt, lang=lang, slots=slots)  # UnknownChoiceError: one line, exit 2
    target = output if output is not None else Path(api.form_name(sector, soort, fmt))
    try:
        write_atomic(target, data, force=force)
    except OutputExistsError:
        err.write(f"meldform: {pick(OUTPUT, 'bestaat_al', lang, doel=target)}\n")
        return EXIT_INVALID
    except OutputNotWritableError:
        raise UsageError(pick(OUTPUT, "niet_schrijfbaar", lang, doel=target)) from None
    out.write(pick(OUTPUT, "formulier_geschreven", lang, doel=target) + "\n")
    return EXIT_OK
