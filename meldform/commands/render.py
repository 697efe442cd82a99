"""``meldform render``: valid meldingen to HTML or Word files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from meldform.check.reporters import text_report
from meldform.check.validation import check_file
from meldform.cleaning import clean
from meldform.documents.rendering import output_name, render_document
from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.output import OutputExistsError, OutputNotWritableError, ensure_dir, write_atomic
from meldform.texts import pick
from meldform.texts.cli import OUTPUT


def run(paths: Sequence[str], out: TextIO, err: TextIO, *, fmt: str, output: Path, force: bool = False, lang: str = "nl") -> int:
    try:
        ensure_dir(output)
    except OutputNotWritableError:
        raise UsageError(pick(OUTPUT, "map_niet_schrijfbaar", lang, map=output)) from None
    code = EXIT_OK
    for path in paths:
        result = check_file(path, lang=lang)
        if not result.geldig():
            text_report([result], err, lang)
            code = EXIT_INVALID
            continue
        target = output / output_name(result.data, fmt)
        shown = clean(path)  # a file name can hold anything but '/' and NUL, even bytes that are not UTF-8
        try:
            write_atomic(target, render_document(result.data, result.bevindingen, fmt, lang), force=force)
        except OutputExistsError:
            err.write(f"{path}: " + pick(OUTPUT, "bestaat_al", lang, doel=target) + "\n")
            code = EXIT_INVALID
            continue
        except OutputNotWritableError:
            raise UsageError(pick(OUTPUT, "map_niet_schrijfbaar", lang, map=output)) from None
        out.write(pick(OUTPUT, "geschreven", lang, bestand=shown, doel=target) + "\n")
    return code
