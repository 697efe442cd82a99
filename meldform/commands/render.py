"""``meldform render``: valid meldingen to HTML or Word files, made by the API (``meldform.api.render``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from meldform import api
from meldform.check.loading import LoadError
from meldform.check.reporters import text_report
from meldform.commands.files import prepare_folder, write_file, written_line
from meldform.commands.validate import as_result, read_input
from meldform.errors import EXIT_INVALID, EXIT_OK


def render_path(path: str, fmt: str, lang: str = "nl") -> tuple[bytes, str]:
    """The document rendered from ``path`` and its file name. Raises ``InvalidDocumentError`` with the
    report when the melding has errors, or cannot be read (then the report is ``onleesbaar``)."""
    try:
        raw, is_yaml = read_input(path)
        document = api.load(raw, yaml=is_yaml)
    except LoadError as exc:
        raise api.InvalidDocumentError(api.Report.unreadable(exc, lang)) from None
    return api.render(document, fmt, lang=lang), api.document_name(document, fmt)


def run_render(paths: Sequence[str], out: TextIO, err: TextIO, *, fmt: str, output: Path, force: bool = False, lang: str = "nl") -> int:
    prepare_folder(output, lang)
    code = EXIT_OK
    for path in paths:
        try:
            data, name = render_path(path, fmt, lang)
        except api.InvalidDocumentError as exc:
            text_report([as_result(path, exc.report)], err, lang)
            code = EXIT_INVALID
            continue
        target = output / name
        if not write_file(path, target, data, err, force=force, lang=lang):
            code = EXIT_INVALID
            continue
        out.write(written_line(path, target, lang) + "\n")
    return code
