"""``meldform import FILE.docx``: a filled-in blank Word form back into a melding (JSON on stdout).

Exit 0: the melding validates and every control could be read. Exit 1: it has errors, or some
controls could not be read (those are named on stderr; the rest is still printed). Exit 2: the
file is missing, not a .docx, or not a meldform form (one line).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.texts.messages import pick

_MESSAGES = {
    "niet_gevonden": {"nl": "bestand niet gevonden", "en": "file not found"},
    "onleesbaar": {"nl": "kan het bestand niet lezen", "en": "cannot read the file"},
}


def _message(key: str, lang: str) -> str:
    return pick(_MESSAGES, key, lang)


def run(file: Path, out: TextIO, err: TextIO, *, lang: str = "nl") -> int:
    from meldform.check.reporters import text_report
    from meldform.check.validation import Result, validate
    from meldform.forms.docx_reader import MAX_BYTES, FormError, import_docx

    try:
        if file.stat().st_size > MAX_BYTES:
            raise FormError("te_groot")
        data = file.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{file}: {_message('niet_gevonden', lang)}") from None
    except FormError as exc:
        raise UsageError(f"{file}: {exc.message(lang)}") from None
    except OSError:
        raise UsageError(f"{file}: {_message('onleesbaar', lang)}") from None
    try:
        result = import_docx(data, lang=lang)
    except FormError as exc:
        raise UsageError(f"{file}: {exc.message(lang)}") from None

    out.write(json.dumps(result.document, ensure_ascii=False, indent=2) + "\n")
    for problem in result.problems:
        err.write(f"{file}: {problem}\n")
    checked = Result(str(file), result.document, validate(result.document, lang=lang))
    if checked.bevindingen or result.problems:
        text_report([checked], err, lang)
    return EXIT_OK if checked.geldig() and not result.problems else EXIT_INVALID
