"""``meldform batch``: validate and render many meldingen; progress on a terminal, a summary always.

The work is in ``meldform.batch``; this module parses the options, shows the progress bar, prints
the summary and maps outcomes to exit codes (a folder that cannot be written, or that another
batch is writing to, is an error with exit code 2 that the CLI prints as one line). Progress and
summary show counts only — never a name, a BSN or anything else from a document.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from meldform import api, batch
from meldform.documents.rendering import FORMATS
from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.output import OutputNotWritableError, ensure_dir
from meldform.texts import pick
from meldform.texts.batch import batch_text
from meldform.texts.cli import OUTPUT


def parse_formats(value: str, lang: str = "nl") -> tuple[str, ...]:
    formats: list[str] = []
    for part in value.split(","):
        fmt = part.strip().lower()
        if not fmt:
            continue
        if fmt not in FORMATS:
            raise UsageError(batch_text("onbekend_formaat", lang, formaat=fmt, keuzes=", ".join(FORMATS)))
        if fmt not in formats:
            formats.append(fmt)
    if not formats:
        raise UsageError(batch_text("geen_formaat", lang))
    return tuple(formats)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _check_renderers(formats: Sequence[str], lang: str) -> None:
    """Fail before the first document if a requested renderer cannot be loaded."""
    if "docx" in formats:
        try:
            import meldform.documents.render_docx  # noqa: F401
        except ImportError:
            raise UsageError(batch_text("docx_ontbreekt", lang)) from None


def is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


@contextmanager
def _progress(err: TextIO, inputs: Sequence[str], output: Path, lang: str) -> Iterator[batch.Progress | None]:
    """A progress bar with counts and an ETA on a terminal; nothing otherwise."""
    if not is_terminal(err):
        yield None
        return
    total = batch.count_inputs(inputs, exclude=output)
    with click.progressbar(
        length=total,
        label=batch_text("balk", lang),
        file=err,
        show_eta=True,
        show_percent=True,
        show_pos=True,
        item_show_func=lambda stand: stand,
    ) as bar:

        def update(done: int, summary: batch.Summary) -> None:
            ok = sum(summary.status[s] for s in batch.OK_STATUSES)
            bar.update(done, batch_text("balk_stand", lang, ok=ok, fout=summary.bestanden - ok))

        yield update


def run_batch(
    inputs: Sequence[str],
    output: Path,
    out: TextIO,
    err: TextIO,
    *,
    formats: str = "html,docx",
    jobs: int | None = None,
    force: bool = False,
    lang: str = "nl",
    hermelding_dossiers: int = 3,
    hermelding_jaren: int = 5,
) -> int:
    api.settings(hermelding_dossiers=hermelding_dossiers, hermelding_jaren=hermelding_jaren, lang=lang)  # out of range: exit 2
    chosen = parse_formats(formats, lang)
    _check_renderers(chosen, lang)
    try:
        ensure_dir(output)
    except OutputNotWritableError:
        raise UsageError(pick(OUTPUT, "map_niet_schrijfbaar", lang, map=output)) from None
    with _progress(err, inputs, output, lang) as progress:
        result = batch.run_batch(
            inputs,
            output,
            formats=chosen,
            jobs=jobs or default_jobs(),
            force=force,
            lang=lang,
            progress=progress,
            hermelding=(hermelding_dossiers, hermelding_jaren),
        )
    s = result.summary
    for line in result.failures:  # which file, and why: the field by its labels, never a value
        out.write(line + "\n")
    out.write(batch_text("samenvatting", lang, bestanden=s.bestanden, **{status: s.status[status] for status in batch.STATUSES}) + "\n")
    out.write(
        batch_text(
            "documenten",
            lang,
            geschreven=s.geschreven,
            behouden=s.behouden,
            fouten=s.fouten,
            waarschuwingen=s.waarschuwingen,
            groepen=s.groepen,
            hermelding=s.hermelding_groepen,
            drempel=s.hermelding_dossiers,
            jaren=s.hermelding_jaren,
        )
        + "\n"
    )
    out.write(batch_text("rapport", lang, json=result.rapport_json, html=result.rapport_html) + "\n")
    return EXIT_OK if result.ok else EXIT_INVALID
