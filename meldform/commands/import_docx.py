"""``meldform import FILE.docx``: a filled-in blank Word form back into a melding (JSON on stdout).

``-`` reads the form from stdin; the API reads the form (``meldform.api.import_form``). Exit 0: the
melding validates and every control could be read. Exit 1: it has errors, or some controls could
not be read (those are named on stderr; the rest is still printed), or the file is missing,
unreadable, not a .docx or not a meldform form (one line naming the file). Exit 2 is left to
usage errors (cli.md).
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


def run_import(file: str, out: TextIO, err: TextIO, *, lang: str = "nl") -> int:
    from meldform import api
    from meldform.check.loading import LoadError, read_bytes
    from meldform.check.reporters import text_report
    from meldform.commands.validate import as_result
    from meldform.forms.docx_reader import MAX_BYTES, FormError

    try:
        imported = api.import_form(read_bytes(file, limit=MAX_BYTES), lang=lang)  # "-": stdin, as bytes
    except (LoadError, FormError) as exc:
        raise FileProblem(file, exc) from None

    out.write(json.dumps(imported.document, ensure_ascii=False, indent=2) + "\n")
    for problem in imported.problemen:
        err.write(f"{file}: {problem}\n")
    if imported.report.bevindingen or imported.problemen:
        text_report([as_result(file, imported.report)], err, lang)
    return EXIT_OK if imported.geldig else EXIT_INVALID
