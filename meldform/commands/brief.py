"""``meldform brief``: a letter for the parents about a valid melding, as HTML, Word or PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from meldform.check.reporters import text_report
from meldform.check.validation import check_file
from meldform.documents.brief import LetterRefused, make_letter, output_name
from meldform.documents.render_brief import render_letter
from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.output import OutputExistsError, OutputNotWritableError, ensure_dir, write_atomic
from meldform.texts import pick
from meldform.texts.cli import OUTPUT


def run(paths: Sequence[str], out: TextIO, err: TextIO, *, fmt: str, output: Path, force: bool = False, lang: str = "nl") -> int:
    """Write ``<kenmerk>-brief.<fmt>`` per melding; an invalid or refused one is one line on ``err`` (exit 1)."""
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
        try:
            letter = make_letter(result.data, lang)
        except LetterRefused as refused:
            refused.source = path
            err.write(refused.message(lang) + "\n")
            code = EXIT_INVALID
            continue
        target = output / output_name(result.data, fmt)
        if not force and target.exists():  # before rendering: a PDF takes a while
            err.write(pick(OUTPUT, "bestaat_al", lang, bestand=path, doel=target) + "\n")
            code = EXIT_INVALID
            continue
        try:
            write_atomic(target, render_letter(letter, fmt), force=force)
        except OutputExistsError:
            err.write(pick(OUTPUT, "bestaat_al", lang, bestand=path, doel=target) + "\n")
            code = EXIT_INVALID
            continue
        except OutputNotWritableError:
            raise UsageError(pick(OUTPUT, "map_niet_schrijfbaar", lang, map=output)) from None
        out.write(pick(OUTPUT, "geschreven", lang, bestand=path, doel=target) + "\n")
    return code
