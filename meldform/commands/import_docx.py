"""``meldform import FILE.docx``: a filled-in blank Word form back into a melding (JSON on stdout).

``-`` reads the form from stdin. Exit 0: the melding validates and every control could be read.
Exit 1: it has errors, or some controls could not be read (those are named on stderr; the rest
is still printed), or the file is missing, unreadable, not a .docx or not a meldform form (one
line naming the file). Exit 2 is left to usage errors (cli.md).
"""

from __future__ import annotations

import json
from typing import TextIO

from meldform.errors import EXIT_INVALID, EXIT_OK, MeldformError


class FileProblem(MeldformError):
    """``bestand`` could not be imported at all: one line, ``FILE: why``, exit 1."""

    exit_code = EXIT_INVALID

    def __init__(self, bestand: str, cause: MeldformError) -> None:
        super().__init__(bestand)
        self.bestand = bestand
        self.cause = cause

    def message(self, lang: str = "nl") -> str:
        return f"{self.bestand}: {self.cause.message(lang)}"


def run(file: str, out: TextIO, err: TextIO, *, lang: str = "nl") -> int:
    from meldform.check.loading import LoadError, read_bytes
    from meldform.check.reporters import text_report
    from meldform.check.validation import Result, validate
    from meldform.forms.docx_reader import MAX_BYTES, FormError, import_docx

    try:
        data = read_bytes(file, limit=MAX_BYTES)  # "-": stdin, as bytes
        if len(data) > MAX_BYTES:
            raise FormError("te_groot")
        result = import_docx(data, lang=lang)
    except (LoadError, FormError) as exc:
        raise FileProblem(file, exc) from None

    out.write(json.dumps(result.document, ensure_ascii=False, indent=2) + "\n")
    for problem in result.problems:
        err.write(f"{file}: {problem}\n")
    checked = Result(file, result.document, validate(result.document, lang=lang))
    if checked.bevindingen or result.problems:
        text_report([checked], err, lang)
    return EXIT_OK if checked.geldig() and not result.problems else EXIT_INVALID
