"""``meldform anonymize FILE``: a melding or dossiernotitie as an anonymous adviesvraag (cli-1.1.md, *anonymize*).

The work is ``api.anonymize`` (``meldform.check.anonymize``). The adviesvraag goes to stdout as
JSON, or atomically to ``--output`` (0600, not overwritten without ``--force``). On stderr one line
per removed or replaced item — its place and kind, never its value — and the total. An invalid or
unreadable input gives its findings as ``meldform validate`` does (exit 1); an adviesvraag is a
usage error (exit 2).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from meldform.check.anonymize import AANDUIDING, KENMERK, REMOVED_KIND, TEKST, VERWIJDERD, Anonymized, Wijziging
from meldform.check.findings import FOUT, Finding
from meldform.check.loading import LoadError, load_document
from meldform.check.reporters import text_report
from meldform.check.validation import Result
from meldform.cleaning import clean
from meldform.commands.files import write_file
from meldform.commands.migrate import document_bytes
from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.texts import pick
from meldform.texts.migrate import ANONYMIZE, GEGEVENS


def run_anonymize(
    path: str,
    out: TextIO,
    err: TextIO,
    *,
    output: Path | None = None,
    force: bool = False,
    vraag: str | None = None,
    lang: str = "nl",
    today: dt.date | None = None,
) -> int:
    from meldform import api

    if vraag is not None and not vraag.strip():
        raise UsageError(pick(ANONYMIZE, "vraag_leeg", lang))
    try:
        data = load_document(path).data  # "-": stdin
    except LoadError as exc:
        text_report([Result(path, None, [Finding(FOUT, "onleesbaar", "", exc.message(lang))], leesbaar=False)], err, lang)
        return EXIT_INVALID
    try:
        result = api.anonymize(data, vraag=vraag, lang=lang, today=today)
    except api.AlreadyAdviesError:
        raise api.AlreadyAdviesError(clean(path)) from None
    except api.InvalidDocumentError as exc:
        text_report([Result(path, None, exc.report.bevindingen)], err, lang)
        if isinstance(exc, api.NotAnonymousError):
            err.write(f"{clean(path)}: {exc.message(lang)}\n")
        return EXIT_INVALID
    content = document_bytes(result.data)
    if output is None:
        out.write(content.decode("utf-8"))
    elif not write_file(path, output, content, err, force=force, lang=lang):
        return EXIT_INVALID
    for line in change_lines(result, lang):
        err.write(line + "\n")
    return EXIT_OK


def change_lines(result: Anonymized, lang: str = "nl") -> list[str]:
    """The stderr lines: one per removed or replaced item, then the total (cli-1.1.md)."""
    lines = [_line(change, lang) for change in result.wijzigingen]
    return [*lines, pick(ANONYMIZE, "totaal", lang, aantal=result.gegevens)]


def _line(change: Wijziging, lang: str) -> str:
    if change.soort == VERWIJDERD:
        return pick(ANONYMIZE, "verwijderd", lang, pad=change.pad, wat=pick(GEGEVENS, REMOVED_KIND.get(change.wat, change.wat), lang))
    if change.soort == AANDUIDING:
        return pick(ANONYMIZE, "aanduiding", lang, pad=change.pad, nieuw=change.wat)
    if change.soort == TEKST:
        counts = ", ".join(pick(ANONYMIZE, "aantal", lang, aantal=n, wat=pick(GEGEVENS, kind, lang)) for kind, n in change.aantallen)
        return pick(ANONYMIZE, "tekst", lang, pad=change.pad, aantallen=counts)
    assert change.soort == KENMERK, change.soort
    return pick(ANONYMIZE, "kenmerk", lang)
