"""``meldform brief``: a letter for the parents about a valid melding, as HTML, Word or PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from meldform.check.reporters import text_report
from meldform.check.validation import check_file
from meldform.commands.files import prepare_folder, refuse_existing, write_file, written_line
from meldform.documents.brief import LetterRefused, make_letter, output_name
from meldform.documents.render_brief import render_letter
from meldform.errors import EXIT_INVALID, EXIT_OK


def run_brief(paths: Sequence[str], out: TextIO, err: TextIO, *, fmt: str, output: Path, force: bool = False, lang: str = "nl") -> int:
    """Write ``<kenmerk>-brief.<fmt>`` per melding; an invalid or refused one is one line on ``err`` (exit 1)."""
    prepare_folder(output, lang)
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
        # checked before rendering too: a PDF takes a while
        if refuse_existing(path, target, err, force=force, lang=lang) or not write_file(path, target, render_letter(letter, fmt), err, force=force, lang=lang):
            code = EXIT_INVALID
            continue
        out.write(written_line(path, target, lang) + "\n")
    return code
